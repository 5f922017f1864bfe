"""The execution report as plain text (a terminal, a mail from cron), Markdown and JSON.

Plain text is a block per item, never a wide table: it is read in mail
clients at any width.  Markdown is tables, for a wiki or an issue.  JSON keeps
every value with ISO dates and the same keys as `stats --format json` for the
summaries, so scripts can take either.
"""

from __future__ import annotations

from typing import Any

from roadmapctl.output.markdown import cell as _md
from roadmapctl.reporting import words
from roadmapctl.reporting.execution import DateRow, ExecutionReport, ItemRow, RoadmapBlock
from roadmapctl.tracking.stats import Tally

SUMMARY_HEADERS = ("Наступило", "В срок", "С нарушением", "Не выполнено", "Перенесено", "Ко, %")


def _tally_cells(t: Tally) -> list[str]:
    return [str(t.due), str(t.on_time), str(t.late), str(t.overdue), str(t.extended), words.share(t)]


def _unread(report: ExecutionReport) -> list[str]:
    if not report.errors:
        return []
    return ["ВНИМАНИЕ: отчёт неполный — не все карты удалось прочитать:",
            *(f"  {line}" for line in report.errors), ""]


def to_text(report: ExecutionReport) -> str:
    out = [words.heading(report), "", *_unread(report)]
    for block in report.roadmaps:
        out += [f"{block.path} — {block.title}" + (f" ({block.period})" if block.period else ""),
                _summary_of(block), ""]
        for section in block.sections:
            out.append(section.label)
            for row in section.rows:
                out += _item_lines(row)
            out.append("")
    out += ["Сводка по исполнителям", _plain_summary(report.by_executor, report.total, "Исполнитель"),
            words.KO_NOTE, ""]
    return "\n".join(out)


def _summary_of(block: RoadmapBlock) -> str:
    t = block.total
    return (f"Наступило сроков: {t.due}; в срок: {t.on_time}; с нарушением: {t.late}; "
            f"не выполнено: {t.overdue}; перенесено: {t.extended}; Ко = {words.share(t)}.")


def _item_lines(row: ItemRow) -> list[str]:
    head = f"  {row.address}  {row.title}"
    meta = f"      Срок: «{row.deadline}»" if row.deadline else "      Срок: указан датой"
    meta += f"; исполнители: {', '.join(row.executors) or 'не указаны'}"
    lines = [head, meta]
    if not row.dates:
        lines.append(f"      {words.remark_text(row)}")
    for d in row.dates:
        lines.append(f"      {words.control_date(d)}: {words.state_text(d)}"
                     + (f"; дата исполнения {words.done_text(d)}" if d.done_on else ""))
        if d.evidence:
            lines.append(f"        подтверждение: {'; '.join(d.evidence)}")
        if d.note:
            lines.append(f"        примечание: {d.note}")
    return lines


def _plain_summary(tallies: list[Tally], total: Tally, first: str) -> str:
    from roadmapctl.output.tables import Column, plain_table

    columns = [Column(str(i), h, True) for i, h in enumerate(SUMMARY_HEADERS)] + [Column("label", first)]
    rows = [{**dict(zip(map(str, range(6)), _tally_cells(t), strict=True)), "label": t.label}
            for t in [*tallies, total]]
    return plain_table(columns, rows)


def to_markdown(report: ExecutionReport) -> str:
    out = [f"# {words.heading(report)}", ""]
    if report.errors:
        out += ["> **Отчёт неполный** — не все карты удалось прочитать:", ""]
        out += [f"> - {_md(line)}" for line in report.errors] + [""]
    out += [words.summary_sentence(report), ""]
    for block in report.roadmaps:
        out += [f"## {_md(block.title)}", "", f"Файл: `{block.path}`, период: {block.period}.", "",
                _summary_of(block), ""]
        for section in block.sections:
            out += [f"### {_md(section.label)}", "",
                    "| № | Мероприятие | Срок | Исполнители | Контрольная дата | Исполнение | Подтверждение |",
                    "|---|---|---|---|---|---|---|"]
            for row in section.rows:
                out += _md_rows(row)
            out.append("")
    out += ["## Сводка по исполнителям", "", _md_summary(report.by_executor, report.total, "Исполнитель"),
            words.KO_NOTE, ""]
    return "\n".join(out)


def _md_rows(row: ItemRow) -> list[str]:
    base = [row.address, row.title, row.deadline or "указан датой", ", ".join(row.executors)]
    if not row.dates:
        return ["| " + " | ".join(_md(c) for c in [*base, "", words.remark_text(row), ""]) + " |"]
    lines = []
    for index, d in enumerate(row.dates):
        cells = base if index == 0 else ["", "", "", ""]
        outcome = words.state_text(d) + (f", {words.done_text(d)}" if d.done_on else "")
        lines.append("| " + " | ".join(_md(c) for c in [*cells, words.control_date(d), outcome,
                                                          "; ".join(d.evidence)]) + " |")
    return lines


def _md_summary(tallies: list[Tally], total: Tally, first: str) -> str:
    lines = [f"| {first} | " + " | ".join(SUMMARY_HEADERS) + " |", "|---|" + "---:|" * len(SUMMARY_HEADERS)]
    for t in [*tallies, total]:
        lines.append(f"| {_md(t.label)} | " + " | ".join(_tally_cells(t)) + " |")
    return "\n".join(lines) + "\n"




def to_json(report: ExecutionReport) -> str:
    from roadmapctl.output.tables import to_json as dump

    return dump({
        "as_of": report.as_of.isoformat(),
        "since": report.since.isoformat() if report.since else None,
        "complete": report.complete,
        "errors": report.errors,
        "roadmaps": [_json_block(b) for b in report.roadmaps],
        "by_executor": [tally_record(t) for t in report.by_executor],
        "total": tally_record(report.total),
        "states": dict(sorted(report.states.items())),
    })


def tally_record(t: Tally) -> dict[str, Any]:
    """The same keys as `roadmapctl stats --format json`: one implementation."""
    return t.record()


def _json_block(block: RoadmapBlock) -> dict[str, Any]:
    return {
        "path": block.path, "title": block.title, "period": block.period,
        "total": tally_record(block.total), "states": dict(sorted(block.states.items())),
        "sections": [{"section": s.label, "total": tally_record(s.tally),
                      "items": [_json_item(r) for r in s.rows]} for s in block.sections],
    }


def _json_item(row: ItemRow) -> dict[str, Any]:
    return {"item": row.address, "line": row.line, "title": row.title, "deadline": row.deadline,
            "executors": row.executors, "remark": row.remark,
            "next_due": row.next_due.isoformat() if row.next_due else None,
            "dates": [_json_date(d) for d in row.dates]}


def _json_date(d: DateRow) -> dict[str, Any]:
    return {"start": d.start.isoformat() if d.start else None, "due": d.due.isoformat(),
            "effective_due": d.effective_due.isoformat(), "state": d.state, "state_text": words.state_text(d),
            "days": d.days, "done_on": d.done_on.isoformat() if d.done_on else None,
            "extension_reason": d.reason, "extension_basis": d.basis, "evidence": list(d.evidence),
            "note": d.note, "counted": d.counted}
