"""The Russian text of reminders and summaries, as plain text and as HTML.

Both forms are rendered from one list of blocks, so the two parts of a
message never say different things.  Plain text is never wrapped (mail
readers wrap it themselves) and follows the lines of the `overdue` report:
the deadline as written, the control date with its window, «просрочено на
3 дня».  Each reminder ends with how to report completion: to the controller
named in the roadmap (`controller:`), or — when the roadmap names none — to
whoever keeps its execution control.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from roadmapctl.model.roadmap import Controller, Extension
from roadmapctl.model.ru import count, date_numeric
from roadmapctl.notify.digest import Digest, Line, Part, Unreachable
from roadmapctl.output.tables import days, due_in, moved, overdue_by, phrase, span

# A block: ("t", text) a roadmap's heading, ("h", text) a heading, ("p", text) a paragraph,
# ("item", title, details) an item with its lines, ("list", lines) a bulleted list.
Block = tuple
FOOTER = ("Письмо отправлено автоматически программой roadmapctl: ваш адрес указан "
          "в справочнике исполнителей дорожной карты.")


def window(within: int, as_of: date) -> str:
    """«в ближайшие 7 дней (по 08.02.2024)», «сегодня (01.02.2024)»."""
    last = date_numeric(as_of + timedelta(days=within))
    if within == 0:
        return f"сегодня ({last})"
    if within == 1:
        return f"сегодня или завтра (по {last})"
    return f"в ближайшие {days(within)} (по {last})"


def items(n: int) -> str:
    return count(n, "мероприятие", "мероприятия", "мероприятий")


def reminder(digest: Digest, as_of: date, within: int) -> tuple[str, str, str]:
    """Subject, plain text and HTML of one executor's reminder."""
    overdue = sum(part.count(True) for part in digest.parts)
    upcoming = sum(part.count(False) for part in digest.parts)
    heads = []
    if overdue:
        heads.append(f"просрочено {items(overdue)}")
    if upcoming:
        heads.append(f"срок {window(within, as_of).split(' (')[0]} — {items(upcoming)}")
    subject = f"Сроки дорожных карт на {date_numeric(as_of)}: " + "; ".join(heads)
    blocks: list[Block] = [
        ("p", "Здравствуйте!"),
        ("p", f"Напоминание о сроках мероприятий дорожных карт на {date_numeric(as_of)}: "
              f"что просрочено и срок чего наступает {window(within, as_of)}."),
    ]
    for part in digest.parts:
        blocks += _part(part, within, as_of)
    blocks.append(("p", FOOTER))
    return subject, to_text(blocks), to_html(subject, blocks)


def _part(part: Part, within: int, as_of: date) -> list[Block]:
    blocks: list[Block] = [("t", f"Дорожная карта: {part.roadmap_title}"),
                           ("p", f"Исполнитель: {part.executor}. Файл: {part.file}")]
    for overdue in (True, False):
        lines = [line for line in part.lines if any(d.overdue == overdue for d in line.dates)]
        if not lines:
            continue
        title = "Просрочено" if overdue else f"Срок наступает {window(within, as_of)}"
        blocks.append(("h", f"{title}: {items(len(lines))}"))
        blocks += [_item(line, overdue) for line in lines]
    blocks.append(("p", how_to_report(part.controller)))
    return blocks


def _item(line: Line, overdue: bool) -> Block:
    details = []
    for due in (d for d in line.dates if d.overdue == overdue):
        occ = due.occurrence
        when = overdue_by(due.days) if overdue else due_in(due.days)
        details.append(f"Срок: {phrase(line.deadline)} ({span(occ)}{moved(occ)}) — {when}")
    details += [f"Перенос срока: {extension(e)}" for e in line.extensions]
    if line.others:
        details.append(f"Другие исполнители: {', '.join(line.others)}")
    if line.co:
        details.append("Вы указаны соисполнителем.")
    return ("item", f"{line.item} {line.title}", details)


def extension(e: Extension) -> str:
    """«на 15.07.2021 (решение от 18.06.2021); причина: …; основание: …»."""
    text = f"на {date_numeric(e.to)}" if e.to else "без новой даты"
    if e.date:
        text += f" (решение от {date_numeric(e.date)})"
    if e.reason:
        text += f"; причина: {e.reason}"
    if e.basis:
        text += f"; основание: {e.basis}"
    return text


def how_to_report(controller: Controller | None) -> str:
    lead = ("Как сообщить о выполнении: напишите, что сделано, с датой и реквизитами документа "
            "(приказ, отчёт, ссылка)")
    if controller is None or not (controller.name or controller.emails):
        return f"{lead} тому, кто ведёт контроль исполнения этой дорожной карты."
    who = ", ".join(x for x in (controller.name, ", ".join(controller.emails)) if x)
    return f"{lead} контролёру исполнения: {who}. Отметку о выполнении в карте делает контролёр."


@dataclass(frozen=True)
class Notified:
    """What became of one executor's reminder in this run, for the summary and the report."""

    file: str
    executor: str
    addresses: str
    overdue: int
    upcoming: int
    status: str  # sent | earlier | failed | shown (dry run, outbox)
    why: str = ""


STATUS_HEADINGS = {
    "failed": "Не отправлены (следующий запуск отправит их снова)",
    "sent": "Напоминания отправлены",
    "shown": "Напоминания подготовлены (пробный запуск, не отправлены)",
    "earlier": "Отправлены сегодня раньше",
}


def summary(as_of: date, within: int, roadmaps: Sequence[tuple[str, str]], notified: Sequence[Notified],
            unreachable: Sequence[Unreachable], problems: Sequence[str]) -> tuple[str, str, str]:
    """Subject, plain text and HTML of the controller's summary of a run."""
    by_status = {s: sum(1 for n in notified if n.status == s) for s in STATUS_HEADINGS}
    heads = [f"{label} {count(by_status[s], 'напоминание', 'напоминания', 'напоминаний')}"
             for s, label in (("sent", "отправлено"), ("shown", "подготовлено"), ("failed", "не отправлено"))
             if by_status[s]]
    if unreachable:
        heads.append(f"без адреса — {count(len(unreachable), 'исполнитель', 'исполнителя', 'исполнителей')}")
    if problems:
        heads.append(count(len(problems), "замечание", "замечания", "замечаний"))
    subject = f"Рассылка напоминаний на {date_numeric(as_of)}: " + (", ".join(heads) or "без изменений")
    blocks: list[Block] = [("p", f"Сводка рассылки напоминаний о сроках на {date_numeric(as_of)}: "
                                 f"просроченные мероприятия и срок {window(within, as_of)}.")]
    for file, title in roadmaps:
        mine = [n for n in notified if n.file == file]
        missing = [u for u in unreachable if u.file == file]
        if not mine and not missing:
            continue
        blocks += [("t", f"Дорожная карта: {title}"), ("p", f"Файл: {file}")]
        for status, heading in STATUS_HEADINGS.items():
            rows = [n for n in mine if n.status == status]
            if rows:
                blocks.append(("h", f"{heading}: {len(rows)}"))
                blocks.append(("list", [_notified(n) for n in rows]))
        if missing:
            blocks.append(("h", f"Без адреса — напоминание не отправлено: {len(missing)}"))
            blocks.append(("list", [f"{u.executor}: {_counts(u.overdue, u.upcoming)} ({u.why})"
                                    for u in missing]))
            blocks.append(("p", "Добавьте адрес в справочник executors (поле email) или сообщите исполнителю сами."))
    if problems:
        blocks += [("h", f"Замечания: {len(problems)}"), ("list", [_bare(p) for p in problems])]
    blocks.append(("p", "Сводка отправлена автоматически программой roadmapctl."))
    return subject, to_text(blocks), to_html(subject, blocks)


def _notified(n: Notified) -> str:
    text = f"{who(n.executor, n.addresses.split(', '))}: {_counts(n.overdue, n.upcoming)}"
    return f"{text} — {n.why}" if n.why else text


def who(name: str, addresses: Sequence[str]) -> str:
    """«УО — Управление образования <uo@x.ru>, <zam@x.ru>»."""
    return f"{name} " + ", ".join(f"<{a}>" for a in addresses)


def _counts(overdue: int, upcoming: int) -> str:
    parts = [f"просрочено: {overdue}"] if overdue else []
    parts += [f"скоро срок: {upcoming}"] if upcoming else []
    return ", ".join(parts)


def _bare(problem: str) -> str:
    for prefix in ("ошибка: ", "предупреждение: "):
        if problem.startswith(prefix):
            return problem[len(prefix):]
    return problem


def to_text(blocks: Sequence[Block]) -> str:
    out: list[str] = []
    for block in blocks:
        kind = block[0]
        if kind == "item":
            out.append(f"  {block[1]}")
            out += [f"      {detail}" for detail in block[2]]
        elif kind == "list":
            out += [f"  - {line}" for line in block[1]]
        else:
            out.append(block[1])
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def to_html(title: str, blocks: Sequence[Block]) -> str:
    e = html.escape
    out = ['<!DOCTYPE html>', '<html lang="ru">', '<head><meta charset="utf-8">',
           f"<title>{e(title)}</title></head>", '<body style="font-family: sans-serif">']
    for block in blocks:
        kind = block[0]
        if kind == "t":
            out.append(f"<h2>{e(block[1])}</h2>")
        elif kind == "h":
            out.append(f"<h3>{e(block[1])}</h3>")
        elif kind == "p":
            out.append(f"<p>{e(block[1])}</p>")
        elif kind == "item":
            details = "".join(f"<br>{e(d)}" for d in block[2])
            out.append(f'<p style="margin-left: 1em"><b>{e(block[1])}</b>{details}</p>')
        elif kind == "list":
            out.append("<ul>" + "".join(f"<li>{e(line)}</li>" for line in block[1]) + "</ul>")
    out += ["</body>", "</html>"]
    return "\n".join(out) + "\n"
