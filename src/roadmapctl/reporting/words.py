"""The report's Russian wording, shared by every format."""

from __future__ import annotations

from datetime import date

from roadmapctl.model.ru import count, date_numeric
from roadmapctl.reporting.execution import STATE_NAMES, DateRow, ExecutionReport, ItemRow
from roadmapctl.tracking.stats import Tally

TITLE = "Информация об исполнении дорожной карты (плана мероприятий)"
KO_NOTE = ("Ко — показатель исполнительской дисциплины: доля контрольных сроков, выполненных в срок "
           "(с учётом переносов), от наступивших, × 100 %.")


def days(n: int) -> str:
    return count(n, "день", "дня", "дней")


def heading(report: ExecutionReport) -> str:
    when = f"по состоянию на {date_numeric(report.as_of)}"
    if report.since is not None:
        when = f"за период с {date_numeric(report.since)} по {date_numeric(report.as_of)}"
    return f"{TITLE} {when}"


def state_text(row: DateRow) -> str:
    """«выполнено с нарушением срока (на 5 дней)», «не выполнено, просрочено на 3 дня» …"""
    if row.state == "late":
        return f"выполнено с нарушением срока (на {days(row.days)})"
    if row.state == "overdue":
        return f"не выполнено, просрочено на {days(row.days)}"
    if row.state == "extended":
        text = f"срок перенесён на {date_numeric(row.effective_due)}"
        return text + (f" ({row.reason})" if row.reason else "")
    return STATE_NAMES[row.state]


def control_date(row: DateRow) -> str:
    """«31.10.2023», «01.10.2023 – 31.10.2023», with «→ 15.11.2023» when extended."""
    text = date_numeric(row.due)
    if row.start is not None and row.start != row.due:
        text = f"{date_numeric(row.start)} – {text}"
    if row.effective_due != row.due:
        text += f" → {date_numeric(row.effective_due)}"
    return text


def done_text(row: DateRow) -> str:
    return date_numeric(row.done_on) if row.done_on else ""


def remark_text(item: ItemRow) -> str:
    if item.remark and item.next_due:
        return f"{item.remark} (срок — {date_numeric(item.next_due)})"
    return item.remark or ""


def share(tally: Tally) -> str:
    value = tally.share
    return "—" if value is None else f"{value:.1f} %".replace(".", ",")


def summary_sentence(report: ExecutionReport) -> str:
    """The cover paragraph: what was due, what was done, in one sentence a head can read aloud."""
    t = report.total
    states = report.states
    if not t.due:
        return f"На {date_numeric(report.as_of)} контрольные сроки мероприятий ещё не наступили."
    due = count(t.due, "контрольный срок", "контрольных срока", "контрольных сроков")
    parts = [f"На {date_numeric(report.as_of)} наступило {due}",
             f"выполнено в срок — {t.on_time}",
             f"с нарушением срока — {t.late}",
             f"не выполнено — {t.overdue}"]
    if t.extended:
        parts.append(f"перенесено — {t.extended}")
    text = ", ".join(parts) + f". Показатель исполнительской дисциплины Ко = {share(t)}."
    if states.get("extended"):
        text += f" Срок перенесён и ещё не наступил: {states['extended']}."
    return text


def as_of_words(day: date) -> str:
    return date_numeric(day)
