"""`roadmapctl done`: record a report of completion in the roadmap file itself."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from roadmapctl.commands import params
from roadmapctl.commands.clitext import RussianCommand
from roadmapctl.errors import EXIT_OK, UsageError

if TYPE_CHECKING:
    from roadmapctl.model.roadmap import Evidence


DUE_HINT = "если это отметка за другой срок, укажите его: --due ДАТА"


def run(path: Path, item_text: str, on: date, due: date | None, note: str | None,
        evidence: list[str] | None = None) -> int:
    from roadmapctl.editing import completions as edits
    from roadmapctl.editing.lock import edit_lock
    from roadmapctl.model.ru import date_numeric
    from roadmapctl.model.vocabulary import STATUS_NAMES
    from roadmapctl.output.tables import days
    from roadmapctl.tracking import track

    edits.editable(path)
    with edit_lock(path):  # read, plan and write as one step: a concurrent edit waits
        roadmap = edits.load_roadmap(path)
        item = edits.find_item(track(roadmap, on), item_text, path)
        with params.options({"due": "--due"},
                            hints={"due": DUE_HINT}):
            completion, edit = edits.plan_completion(roadmap, item, on, due, note, path)
        completion.evidence = evidence_of(evidence or [])
        edits.write_completion(path, item, completion, edit.status)
    occ = edit.occurrence
    which = f" за срок {date_numeric(occ.due)}" if len(item.occurrences) > 1 else ""
    late = (on - occ.effective_due).days
    timing = f"с опозданием на {days(late)}" if late > 0 else "в срок"
    sys.stdout.write(f"{path}: мероприятие {item.address} — отмечено выполнение "
                     f"{date_numeric(on)}{which} ({timing}); статус: {STATUS_NAMES[edit.status]}.\n")
    return EXIT_OK


def evidence_of(texts: list[str]) -> list[Evidence]:
    """`--evidence` values, checked as `check` would check them in the file."""
    from roadmapctl.model.roadmap import Evidence
    from roadmapctl.rules.evidence import url_problem

    out = []
    for text in texts:
        proof = Evidence(text=" ".join(text.split()))
        if not proof.text:
            raise UsageError("--evidence: пустое подтверждение")
        if proof.kind == "url" and (problem := url_problem(proof.text)):
            raise UsageError(f"--evidence: ссылка «{proof.text}»: {problem}")
        out.append(proof)
    return out


def register(app: typer.Typer) -> None:
    @app.command("done", cls=RussianCommand)
    def done_command(
        roadmap: Path = params.ROADMAP,
        item: str = params.ITEM,
        on: str = typer.Option(
            None, "--on", metavar="ДАТА", help="Дата исполнения; по умолчанию сегодня; дата в будущем не принимается.",
        ),
        due: str = typer.Option(
            None, "--due", metavar="ДАТА",
            help="За какой контрольный срок (для повторяющихся и нескольких сроков); "
                 "по умолчанию — срок, в окно которого попадает дата исполнения.",
        ),
        note: str = typer.Option(None, "--note", metavar="ТЕКСТ", help="Примечание."),
        evidence: list[str] = typer.Option(
            None, "--evidence", metavar="ПОДТВЕРЖДЕНИЕ",  # no «-e»: that is --executor everywhere
            help="Чем подтверждено исполнение: реквизиты документа, ссылка https://… или путь к файлу; "
                 "можно повторить.",
        ),
    ) -> int:
        """Отметить выполнение мероприятия прямо в файле карты.

        Добавляет в completions запись «- date: …» и ставит статус done (все
        сроки выполнены) или in_progress; остальной текст файла не меняется.
        Повторная отметка за тот же срок отклоняется (код выхода 2).
        """
        from roadmapctl.commands.options import parse_date, today_or

        today = today_or(None)
        return run(roadmap, item, params.past_date(on, "--on", today), parse_date(due, "--due"), note,
                   evidence or [])
