"""`roadmapctl import`: a roadmap from a Word document, a PDF or text pasted from Word."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from roadmapctl.commands import params
from roadmapctl.commands.clitext import RussianCommand
from roadmapctl.errors import EXIT_FINDINGS, EXIT_OK, InputError, UsageError

if TYPE_CHECKING:
    from roadmapctl.diagnostics import Problem
    from roadmapctl.importer.build import ImportResult
    from roadmapctl.model.roadmap import Section


PERIOD_HINT = "укажите его: --period 2023/2024 (учебный год), 2021-2025 (годы) или 2021-06-01..2022-08-31"


def default_output(source: Path) -> Path:
    return Path("roadmaps") / f"{source.stem}.yaml"


def check_text(text: str, shown: str, as_of: date) -> list[Problem]:
    """What `roadmapctl check` would say about the written file (same loader, same bounds)."""
    from roadmapctl.reading import check, read

    return check(read(shown, data=text.encode("utf-8"), display=shown), as_of)


def _place_key(where: str) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\d+", where))


def report(result: ImportResult, source: str, target: str, problems: list[Problem]) -> str:
    """The short Russian report: what was found and what needs a human look."""
    from roadmapctl.model.ru import count, date_numeric

    roadmap = result.roadmap
    entries = list(roadmap.walk())
    subs = sum(1 for e in entries if e.parent is not None)
    sections = _count_sections(roadmap.sections)
    found = (f"Найдено: {count(sections, 'раздел', 'раздела', 'разделов')}, "
             f"{count(len(entries), 'мероприятие', 'мероприятия', 'мероприятий')}")
    if subs:
        found += f" (из них {count(subs, 'подпункт', 'подпункта', 'подпунктов')})"
    found += f", {count(len(roadmap.executors), 'исполнитель', 'исполнителя', 'исполнителей')}."
    why = f" ({'; '.join(result.info)})" if result.info else ""
    lines = [f"Импорт: {source} → {target}", found, f"Период: {roadmap.period}{why}."]
    if roadmap.order:
        order = roadmap.order
        when = f" от {date_numeric(order.date)}" if order.date else ""
        number = f" № {order.number}" if order.number else ""
        lines.append(f"Приказ{when}{number}: {count(len(order.points), 'пункт', 'пункта', 'пунктов')}.")
    if roadmap.approval:
        a = roadmap.approval
        parts = [a.stamp, a.by, f"от {date_numeric(a.date)}" if a.date else None,
                 f"№ {a.number}" if a.number else None]
        lines.append("Гриф: " + " ".join(p for p in parts if p) + ".")
    notes = sorted(dict.fromkeys(result.notes), key=lambda n: _place_key(n[0]))
    if notes:
        lines.append(f"Проверьте ({len(notes)}):")
        lines += [f"  {where}: {message}" if where else f"  {message}" for where, message in notes]
    else:
        lines.append("Замечаний к переносу нет.")
    from roadmapctl.commands.readout import check_verdict

    lines += check_verdict(problems)
    return "\n".join(lines) + "\n"


def _count_sections(sections: list[Section]) -> int:
    return sum(1 + _count_sections(s.sections) for s in sections)


def _kind(data: bytes) -> str:
    """The suffix for what standard input holds: a zip archive is a workbook when it has one."""
    if data.startswith(b"PK\x03\x04"):
        if b"application/vnd.oasis.opendocument.text" in data[:200]:  # the .odt's first member names it
            return ".odt"
        return ".xlsx" if b"xl/workbook.xml" in data else ".docx"
    if data.startswith(b"%PDF"):
        return ".pdf"
    head = data[:2048].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html", b"\xef\xbb\xbf<!doctype html", b"\xef\xbb\xbf<html")) \
            or b"<table" in head:
        return ".html"
    return ".txt"


@contextmanager
def stdin_copy() -> Iterator[Path]:
    """Standard input in a temporary file named for what it holds (Word, PDF or text), since the
    importer chooses its reader by the file's suffix."""
    import os
    import tempfile

    from roadmapctl.limits import MAX_IMPORT_BYTES

    data = sys.stdin.buffer.read(MAX_IMPORT_BYTES + 1) if sys.stdin is not None else b""
    if len(data) > MAX_IMPORT_BYTES:
        raise InputError(f"на стандартном вводе больше {MAX_IMPORT_BYTES // 1024 // 1024} МБ: "
                         "это не похоже на дорожную карту")
    suffix = _kind(data)
    handle, name = tempfile.mkstemp(prefix="roadmapctl-import-", suffix=suffix)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        yield Path(name)
    finally:
        os.unlink(name)


def run(source: Path, output: str | None, period: str | None, force: bool, as_of: date) -> int:
    from roadmapctl.importer import import_file
    from roadmapctl.importer.writer import render_yaml
    from roadmapctl.output import is_stdout, write_output

    if str(source) == "-":
        if output is None:
            raise UsageError("документ читается со стандартного ввода — укажите, куда записать карту: -o",
                             "например: roadmapctl import - -o roadmaps/карта.yaml < план.docx")
        with stdin_copy() as copy, params.options({"period": "--period"}, hints={"period": PERIOD_HINT}):
            result = import_file(copy, period)
        source = Path("стандартный ввод")
    else:
        # before the work: `import plan.docx -o plan.docx --force` is refused at once
        _refuse_overwriting_the_source(source, output or str(default_output(source)))
        with params.options({"period": "--period"}, hints={"period": PERIOD_HINT}):
            result = import_file(source, period)
    target = output or str(default_output(source))
    comments = [f"Импортировано из файла {source.name} командой roadmapctl import;",
                "места, требующие проверки, перечислены в отчёте импорта."]
    text = render_yaml(result.roadmap, comments)
    _refuse_oversize(source, text)
    problems = check_text(text, "-" if is_stdout(target) else target, as_of)
    write_output(target, text, inputs=[source], force=force, generated=False)
    if is_stdout(target):
        sys.stderr.write(report(result, source.name, "стандартный вывод", problems))
    else:
        sys.stdout.write(report(result, source.name, target, problems))
    return EXIT_FINDINGS if any(p.is_error for p in problems) else EXIT_OK


def _refuse_overwriting_the_source(source: Path, target: str) -> None:
    """The document being imported is never replaced by its YAML, whatever the name (`-o ../x/plan.docx`, links)."""
    import os

    from roadmapctl.errors import OutputError

    if target == "-":
        return
    try:
        same = os.path.samefile(source, target)
    except OSError:
        return  # the target does not exist yet
    if same:
        raise OutputError(f"{target} — это сам импортируемый документ; его нельзя перезаписать картой",
                          "укажите в -o другое имя, например с расширением .yaml")


def _refuse_oversize(source: Path, text: str) -> None:
    """Never write what `check` would refuse: the same bound for both."""
    from roadmapctl.errors import InputError
    from roadmapctl.limits import MAX_ROADMAP_BYTES, megabytes

    size = len(text.encode("utf-8"))
    if size > MAX_ROADMAP_BYTES:
        raise InputError(f"{source}: карта получилась бы размером {megabytes(size)}, а roadmapctl check "
                         f"принимает файлы не больше {megabytes(MAX_ROADMAP_BYTES)} — ничего не записано",
                         "проверьте, тот ли это документ, или разделите его на несколько карт")


def register(app: typer.Typer) -> None:
    @app.command("import", cls=RussianCommand)
    def import_command(
        source: Path = typer.Argument(..., metavar="ФАЙЛ",
                                      help="Документ Word (.docx) или OpenDocument (.odt), PDF (.pdf), книга Excel "
                                           "(.xlsx), таблица CSV, веб-страница (.html) или текст (.txt, "
                                           ".md) с таблицей из Word или нарисованной символами; «-» — "
                                           "стандартный ввод."),
        output: str = typer.Option(
            None, "--output", "-o", metavar="ПУТЬ",
            help="Куда записать карту; по умолчанию roadmaps/<имя файла>.yaml; «-» — на экран.",
        ),
        period: str = typer.Option(
            None, "--period", "-p", metavar="ПЕРИОД",
            help="Период карты (2023/2024, 2021-2025, 2021-06-01..2022-08-31), если документ не называет его.",
        ),
        force: bool = params.FORCE,
    ) -> int:
        """Перенести дорожную карту из Word или PDF: таблица → YAML и отчёт о том, что проверить.

        Находит таблицу по строке заголовков («Мероприятие», «Сроки», «Ответственные»,
        «Результат»), собирает разделы, мероприятия и справочник исполнителей, приказ
        и гриф утверждения. Код выхода 0 — карта записана и проходит проверку, 1 —
        записана, но roadmapctl check находит ошибки, 2 — не удалось прочитать файл.
        """
        from roadmapctl.commands.options import today_or

        return run(source, output, period, force, today_or(None))
