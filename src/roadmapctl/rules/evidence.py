"""Подтверждение исполнения (`evidence`) должно вести туда, куда обещает.

Ссылка — это полный адрес страницы (`https://…`, без пробелов, с именем
сайта); дата в реквизитах документа («приказ от 12.10.2023 № 45») — это
настоящая дата, не позже дня отметки. Проверяющий откроет ссылку из
отчёта об исполнении: битая ссылка или «от 31.09.2023» вызовут вопросы
к самому отчёту.

Правильно:

    completions:
      - date: 2023-10-20
        evidence:
          - приказ от 12.10.2023 № 45
          - https://school5.example.ru/news/123

Ошибка:

    completions:
      - date: 2023-10-20
        evidence:
          - https//school5.example.ru/news/123     # нет двоеточия после https
          - приказ от 31.09.2023 № 45               # 31 сентября не бывает
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from roadmapctl.model.roadmap import Evidence
from roadmapctl.model.ru import date_numeric
from roadmapctl.rules import Context, Finding

ID = "R120"
NAME = "evidence"
LEVEL = "error"

_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):(//)?", re.IGNORECASE)
_HOST = re.compile(r"^(?:[\w-]+\.)+[\w-]{2,}$|^localhost$|^\d{1,3}(?:\.\d{1,3}){3}$")
_DOTTED_DATE = re.compile(r"(?<!\d)(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)")


def check(ctx: Context) -> Iterator[Finding]:
    if ctx.roadmap is None:
        return
    for entry in ctx.entries:
        for completion in entry.item.completions:
            for proof in completion.evidence:
                yield from _check_one(proof, completion.date)


def _check_one(proof: Evidence, marked: date | None) -> Iterator[Finding]:
    if proof.kind == "url":
        problem = url_problem(proof.text)
        if problem:
            yield Finding(proof.pos, f"ссылка «{proof.text}»: {problem}")
        return
    for match in _DOTTED_DATE.finditer(proof.text):
        day, month, year = (int(part) for part in match.groups())
        try:
            when = date(year, month, day)
        except ValueError:
            yield Finding(proof.pos, f"в подтверждении «{proof.text}» нет такой даты: {match[0]}")
            continue
        if marked is not None and when > marked:
            yield Finding(proof.pos, f"документ «{proof.text}» датирован {date_numeric(when)} — "
                                     f"позже отметки об исполнении ({date_numeric(marked)})", "warning")


def url_problem(text: str) -> str | None:
    """Why `text` is not a usable web link, or None."""
    from urllib.parse import urlsplit

    if any(ch.isspace() for ch in text):
        return "в адресе не может быть пробелов"
    scheme = _SCHEME.match(text)
    if text.lower().startswith("www."):
        return "адрес должен начинаться с https:// или http://"
    if scheme is None or not scheme[2]:
        return "после http или https должно стоять «://»"
    if scheme[1].lower() not in ("http", "https"):
        return f"схема «{scheme[1]}» не ведёт на веб-страницу: нужна https:// или http://"
    try:
        host = urlsplit(text).hostname or ""
    except ValueError:
        return "адрес записан с ошибкой"
    if not _HOST.match(host):
        return "в адресе нет имени сайта" if not host else f"«{host}» — не имя сайта"
    return None
