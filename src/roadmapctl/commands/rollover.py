"""`roadmapctl rollover`: next year's roadmap from this year's."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from roadmapctl.commands import params
from roadmapctl.commands.clitext import RussianCommand
from roadmapctl.errors import EXIT_FINDINGS, EXIT_OK, InputError, UsageError

if TYPE_CHECKING:
    from roadmapctl.diagnostics import Problem
    from roadmapctl.rollover import RolloverResult


def report(result: RolloverResult, source: Path, target: Path, problems: list[Problem]) -> str:
    from roadmapctl.commands.readout import check_verdict
    from roadmapctl.model.ru import count

    delta = result.new_period.start.year - result.old_period.start.year
    cleared = result.cleared
    lines = [
        f"Новая карта: {target}, период {result.new_period} (был {result.old_period}).",
        f"Сроки с явными годами сдвинуты на {count(delta, 'год', 'года', 'лет')}: {result.shifted}.",
        f"Упоминания периода в тексте (название, приказ, гриф, мероприятия) сдвинуты: {result.mentions}.",
    ]
    if any(cleared.values()):
        lines.append("Сброшено: " + ", ".join([
            count(cleared["status"], "статус", "статуса", "статусов"),
            count(cleared["completions"], "отметка", "отметки", "отметок") + " об исполнении",
            count(cleared["extensions"], "перенос", "переноса", "переносов") + " срока",
        ]) + ".")
    else:
        lines.append("Статусов, отметок об исполнении и переносов сроков в карте не было.")
    if result.keys_added:
        lines.append(f"Добавлены ключи key: {result.keys_added}; они записаны и в {source} "
                     "(остальной текст файла не изменился).")
    else:
        lines.append("Ключи key уже были у всех мероприятий.")
    if result.draft:
        what = ", ".join(result.draft)
        lines.append(f"{what[:1].upper()}{what[1:]}: дата и номер удалены — новая карта ещё не утверждена.")
    if result.review:
        lines.append(f"Проверьте — здесь ещё назван прошлый период или срок не перенесён ({len(result.review)}):")
        lines += [f"  строка {line}: {what}" if line else f"  {what}" for line, what in result.review]
    lines += check_verdict(problems)
    return "\n".join(lines) + "\n"


def run(source: Path, to: str, output: Path | None, force: bool, as_of: date) -> int:
    from roadmapctl.editing.lock import edit_lock

    if source.is_dir():
        raise InputError(f"{source} — папка, а не файл карты")
    if not source.is_file():
        raise InputError(f"файл {source} не найден")
    # The old file gets keys: read and write it under the edit lock, like done and extend.
    with edit_lock(source):
        text, problems = _roll(source, to, output, force, as_of)
    (sys.stderr if output is not None and str(output) == "-" else sys.stdout).write(text)
    return EXIT_FINDINGS if any(p.is_error for p in problems) else EXIT_OK


def _roll(source: Path, to: str, output: Path | None, force: bool, as_of: date) -> tuple[str, list[Problem]]:
    from roadmapctl.output import check_target, is_stdout, write_output
    from roadmapctl.output.fsio import existing_target, real_path, replace_file
    from roadmapctl.reading import check, read
    from roadmapctl.rollover import default_output, periods, rollover

    with params.options({"to": "--to", "output": "-o"}):
        old_period, new_period = periods(source, to)
        target = output or default_output(source, old_period, new_period.start.year - old_period.start.year)
    if not is_stdout(target) and target.resolve() == source.resolve():
        raise UsageError("новая карта не может заменить старую", "укажите другой файл: -o …")
    check_target(target, inputs=[source], force=force, generated=False)  # refused before the round trip
    result = rollover(source, to, (old_period, new_period))
    if result.keys_added:
        existing_target(real_path(source))  # a read-only old file: refuse before writing anything
    shown = "-" if is_stdout(target) else str(target)
    problems = check(read(shown, data=result.new_text.encode("utf-8"), display=shown), as_of)
    write_output(target, result.new_text, inputs=[source], force=force, generated=False)
    if result.keys_added:
        replace_file(source, result.old_text)
    written = Path("стандартный вывод") if is_stdout(target) else target
    return report(result, source, written, problems), problems


def register(app: typer.Typer) -> None:
    @app.command("rollover", cls=RussianCommand)
    def rollover_command(
        roadmap: Path = typer.Argument(..., metavar="КАРТА", help="Файл дорожной карты (.yaml)."),
        to: str = typer.Option(..., "--to", metavar="ПЕРИОД",
                               help="Новый период: 2024/2025 (учебный год) или 2022-2026 (годы)."),
        output: Path = typer.Option(
            None, "--output", "-o", metavar="ПУТЬ",
            help="Куда записать новую карту; по умолчанию — имя старой с новыми годами; "
                 "«-» — в стандартный вывод (отчёт — в stderr).",
        ),
        force: bool = params.FORCE,
    ) -> int:
        """Подготовить карту на следующий год: период, сроки, пустые отметки.

        Сдвигает период, упоминания периода в названии, приказе, грифе и
        мероприятиях («на 2023/2024 учебный год») и годы в сроках (там, где смысл
        срока сохраняется однозначно), убирает статусы, отметки об исполнении и
        переносы, снимает дату и номер приказа. Всё, где ещё назван прошлый период,
        перечисляет в отчёте с номерами строк. Мероприятиям без ключа key даёт постоянный ключ — и в новой, и в
        старой карте, чтобы их можно было сравнить. Пример:

        \b
          roadmapctl rollover roadmaps/chelyabinsk-2023-2024.yaml --to 2024/2025
        """
        from roadmapctl.commands.options import today_or

        return run(roadmap, to, output, force, today_or(None))
