"""The block between a roadmap's title and its table: goals, tasks, who answers for it.

Real documents put here «Цель: …», «Задачи:» with a numbered or bulleted
list, grade bands («1-4 класс») with their own lists, and sometimes one
line naming the person responsible for the whole plan.  None of it is the
title: the title ends where such a block begins.  Goals go to the roadmap's
`goals` (a mapping heading → list when the block has headings, else a
list); the responsible line becomes the roadmap's default executors.
"""

from __future__ import annotations

import re

_GOAL_HEAD = re.compile(
    r"^(?P<head>(?:основн(?:ая|ые)\s+)?(?:цел[ьи]|задач[аи]|ожидаемые\s+результаты|целевые\s+показатели|"
    r"направления\s+работы|принципы)(?:\s+и\s+задачи)?(?:\s+[а-яё]+){0,3}?)\s*(?::|[-–—]\s|$)\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_GRADES = re.compile(r"^(?P<head>\d{1,2}\s*[-–—]\s*\d{1,2}(?:-?[еых]+)?\s*класс[а-яё]*|\d{1,2}(?:-?[еых]+)?\s*класс[а-яё]*)"
                     r"\s*:?\s*$", re.IGNORECASE)
_RESPONSIBLE = re.compile(
    r"^ответственн[а-яё]*(?:\s+исполнител[а-яё]*)?(?:\s+за\s+[^:–—-]+?)?\s*(?::|[-–—])\s*(?P<who>\S.*)$",
    re.IGNORECASE,
)
# A caption of the table after the goals («Мероприятия на 2022-2028 годы», «План мероприятий:»).
_CAPTION = re.compile(r"^(?:(?:план|перечень|комплекс)\s+)?мероприяти[йяе]\b", re.IGNORECASE)
_BULLET = re.compile(r"^(?:[•·▪◦●\-–—*]|\d{1,2}[.)])\s*")


_RESPONSIBLE_IN_BRACKETS = re.compile(
    r"\s*\(\s*ответственн[а-яё]*(?:\s+исполнител[а-яё]*)?\s*(?::|[-–—])\s*(?P<who>[^()]+)\)\s*$", re.IGNORECASE)


def responsible(line: str) -> str | None:
    """«Ответственный: социальный педагог» → «социальный педагог»; None for other lines."""
    m = _RESPONSIBLE.match(line.strip())
    return m["who"].strip(" .;") if m else None


def responsible_in_title(title: str) -> tuple[str, str | None]:
    """«Работа с семьями (ответственный – социальный педагог)» → the title and who answers for it."""
    m = _RESPONSIBLE_IN_BRACKETS.search(title)
    if m is None:
        return title, None
    return title[:m.start()].rstrip(), m["who"].strip(" .;")


def block_start(line: str) -> bool:
    """Does this line open the goals block or name the responsible (so the title ends before it)?"""
    text = line.strip()
    return bool(_GOAL_HEAD.match(text) or _GRADES.match(text) or _RESPONSIBLE.match(text)
                or re.match(r"^[•·▪◦●]\s", text))


def read_goals(lines: list[str]) -> tuple[list[str] | dict[str, list[str]], list[str]]:
    """(goals, responsible names) from the lines after the title."""
    heads: dict[str, list[str]] = {}
    plain: list[str] = []
    current: list[str] | None = None
    responsible: list[str] = []
    for raw in lines:
        text = raw.strip()
        if not text:
            continue
        if m := _RESPONSIBLE.match(text):
            responsible.append(m["who"].strip(" .;"))
            continue
        if _CAPTION.match(text):
            break
        m = _GOAL_HEAD.match(text) or _GRADES.match(text)
        if m and (m.groupdict().get("rest") is None or len(m["head"]) <= 40):
            head = m["head"].strip()
            head = head[:1].upper() + head[1:]
            current = heads.setdefault(head, [])
            rest = (m.groupdict().get("rest") or "").strip()
            if rest:
                current.append(rest)
            continue
        item = _BULLET.sub("", text).strip()
        if item:
            (current if current is not None else plain).append(item)
    if heads:
        if plain:
            heads = {"Цели и задачи": plain, **heads}
        return heads, responsible
    return plain, responsible
