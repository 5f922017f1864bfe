"""The execution report as Excel sheets: one row per control date, and the summaries.

A regional office collects these from every school and filters them, so the
execution sheet is flat (one row per control date, the section and the
roadmap repeated in their own columns) rather than laid out like the Word
table; dates are dates and day counts are numbers.
"""

from __future__ import annotations

from roadmapctl.reporting import words
from roadmapctl.reporting.execution import ExecutionReport, ItemRow
from roadmapctl.reporting.xlsx import Sheet
from roadmapctl.tracking.stats import Tally

EXECUTION_HEADERS = [
    "Карта", "Раздел", "№", "Мероприятие", "Срок (как в карте)", "Исполнители", "Начало периода",
    "Контрольная дата", "Перенесён на", "Исполнение", "Дата исполнения", "Опоздание / просрочка, дн.",
    "Подтверждение", "Примечание", "Причина переноса",
]
SUMMARY_HEADERS = ["{}", "Наступило", "В срок", "С нарушением срока", "Не выполнено", "Перенесено",
                   "Ко, %", "Среднее опоздание, дн."]


def report_sheets(report: ExecutionReport) -> list[Sheet]:
    caption = words.heading(report)
    if report.errors:
        caption += " — ОТЧЁТ НЕПОЛНЫЙ: " + "; ".join(report.errors)
    execution = Sheet("Исполнение", EXECUTION_HEADERS, caption=caption)
    sections = Sheet("По разделам", [SUMMARY_HEADERS[0].format("Раздел"), *SUMMARY_HEADERS[1:]])
    for block in report.roadmaps:
        for section in block.sections:
            for row in section.rows:
                execution.rows += _rows(block.title, section.label, row)
            sections.rows.append(tally_row(section.tally, f"{block.title}: {section.label}"
                                           if len(report.roadmaps) > 1 else section.label))
    sections.rows.append(tally_row(report.total))
    sections.bold_rows.add(len(sections.rows) - 1)
    executors = Sheet("По исполнителям", [SUMMARY_HEADERS[0].format("Исполнитель"), *SUMMARY_HEADERS[1:]])
    executors.rows = [tally_row(t) for t in [*report.by_executor, report.total]]
    executors.bold_rows.add(len(executors.rows) - 1)
    return [execution, sections, executors]


def tally_row(t: Tally, label: str | None = None) -> list[object]:
    share, delay = t.share, t.average_delay
    return [label or t.label, t.due, t.on_time, t.late, t.overdue, t.extended,
            None if share is None else round(share, 1), None if delay is None else round(delay, 1)]


def _rows(roadmap: str, section: str, item: ItemRow) -> list[list[object]]:
    base: list[object] = [roadmap, section, item.address, item.title, item.deadline or "", item.executors]
    if not item.dates:
        return [[*base, None, item.next_due, None, words.remark_text(item), None, None, None, None, None]]
    out = []
    for d in item.dates:
        moved = d.effective_due if d.effective_due != d.due else None
        out.append([*base, d.start, d.due, moved, words.state_text(d), d.done_on,
                    d.days if d.days else None, "; ".join(d.evidence) or None, d.note, d.reason])
    return out
