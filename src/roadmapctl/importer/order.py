"""The paragraphs before the roadmap table: the order, the approval stamp, the title.

A roadmap usually comes as an annex to an order: the letterhead (authority
lines, contacts), «ПРИКАЗ» (often letter-spaced), date and number, the title
«Об утверждении …», the preamble ending in «ПРИКАЗЫВАЮ:», numbered points
(«2.1.» nests under «2.»), the signatory; then the annex with its stamp
«УТВЕРЖДЕНА приказом … от … № …» or «Приложение к приказу …» and the
roadmap's own title.  Each part is recognised by its wording; a part that is
not there is simply left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from roadmapctl.importer.cleanup import clean, join_lines
from roadmapctl.importer.goals import block_start, read_goals
from roadmapctl.importer.tables import Paragraph
from roadmapctl.model.roadmap import Approval, Order, OrderPoint, Signatory

_STAMP = re.compile(
    r"^(утвержд[её]н[аоы]?|приложение)(?:\s*(?:№|N)?\s*\d+)?(?:$|\s+(?=(к\s|приказ|постановлени|распоряжени|решени)))",
    re.IGNORECASE,
)
_APPROVED = re.compile(r"^утвержд[её]н", re.IGNORECASE)
_KINDS = {"ПРИКАЗ": "приказ", "ПОСТАНОВЛЕНИЕ": "постановление", "РАСПОРЯЖЕНИЕ": "распоряжение",
          "РЕШЕНИЕ": "решение"}
_BY_KIND = (("приказ", "приказ"), ("постановлени", "постановление"), ("распоряжени", "распоряжение"),
            ("решени", "решение"))
_COMMAND_WORDS = ("ПРИКАЗЫВАЮ", "ПОСТАНОВЛЯЮ", "ПОСТАНОВЛЯЕТ", "РАСПОРЯЖАЮСЬ", "ОБЯЗЫВАЮ", "РЕШИЛ")
_COMMAND = re.compile(
    r"\s*(" + "|".join(r"\s*".join(word) for word in _COMMAND_WORDS) + r")\s*:?\s*$", re.IGNORECASE
)
_PREAMBLE_START = re.compile(
    r"^(в соответствии|согласно|в целях|с целью|на основании|во исполнение|в связи|руководствуясь|"
    r"для обеспечения|в рамках)\b", re.IGNORECASE,
)
_POINT = re.compile(r"^(\d+(?:\.\d+)*)\.?(?:\s+|$)(.*)$")
_PERSON = re.compile(r"^([А-ЯЁ]\.\s?[А-ЯЁ]\.\s?[А-ЯЁ][а-яё-]+|[А-ЯЁ][а-яё-]+\s+[А-ЯЁ]\.\s?[А-ЯЁ]\.)$")
_PHONE = re.compile(r"^[\d\s()+-]{5,}$")
_CONTACTS = re.compile(r"(^ул\.|\bтел\b|тел\.|e-?mail|@|факс|\b\d{6}\b)", re.IGNORECASE)
_NUMERIC_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_WORD_DATE = re.compile(r"«?\s*(\d{1,2})\s*»?\s+([а-яё]+)\s+(\d{4})", re.IGNORECASE)
# «№ 245»; legal reference systems (КонсультантПлюс, and the sites copying from them) print «N 245».
_NUMBER = re.compile(r"(?:№|(?<!\w)N(?=\s*\d))\s*_*\s*([^\s_]+)")
# Words after which «№ 5» is part of a name: «СОШ № 5», «Лицей № 3», «детский сад № 12».
_NAMED = re.compile(r"(?:\b(?:[МГ]?[БАК]?(?:Д?ОУ|НОШ|ООШ|СОШ|ОШ)|ДОУ|ЦДТ|ЦРР|ДЮСШ|СШ|д/с)|школ[аыеу]?|лице[йяюе]|"
                    r"гимнази[яиюей]|сад[аиу]?|интернат[аеу]?|учреждени[яеию]|колледж[аеу]?|корпус[аеу]?|"
                    r"филиал[аеу]?)\s*$", re.IGNORECASE)
_TITLE_WORDS = re.compile(r"дорожн|план|программ|мероприят|комплекс", re.IGNORECASE)


@dataclass
class Preamble:
    title: str | None = None
    approval: Approval | None = None
    order: Order | None = None
    notes: list[tuple[str, str]] = field(default_factory=list)
    goals: list[str] | dict[str, list[str]] = field(default_factory=list)
    responsible: list[str] = field(default_factory=list)  # «Ответственный: …» under the title


def read_preamble(paragraphs: list[Paragraph]) -> Preamble:
    lines = [(text, p.where) for p in paragraphs if (text := clean(p.text)[0].strip("_ "))]
    result = Preamble()
    stamp_at = next((i for i, (text, _) in enumerate(lines) if _STAMP.match(text)), None)
    order_lines = lines[:stamp_at] if stamp_at is not None else lines
    result.order = read_order([t for t, _ in order_lines])
    if result.order and not (result.order.date and result.order.number):
        where = next(w for t, w in order_lines if re.sub(r"\s+", "", t).upper() == result.order.kind)
        result.notes.append((where, "у приказа не найдены дата или номер — впишите их в order"))
    title_from = 0
    if stamp_at is not None:
        result.approval, title_from = _stamp(lines, stamp_at)
        if not (result.approval.date and result.approval.number):
            result.notes.append((lines[stamp_at][1], "в грифе утверждения не найдены дата или номер"))
    elif result.order is not None:
        title_from = len(lines)
    rest = [t for t, _ in lines[title_from:]]
    start = next((i for i, t in enumerate(rest) if _TITLE_WORDS.search(t)), 0 if rest else None)
    if start is not None:
        end = next((i for i in range(start + 1, len(rest)) if block_start(rest[i])), len(rest))
        result.title = join_lines(rest[start:end])[0]  # a PDF breaks the title into lines, with hyphens
        result.goals, result.responsible = read_goals(rest[end:])
    return result


def _stamp(lines: list[tuple[str, str]], start: int) -> tuple[Approval, int]:
    """The stamp block: its words, then «приказом …», ending at the line with «№»."""
    words: list[str] = []
    body: list[str] = []
    end = start
    for index in range(start, min(start + 8, len(lines))):
        text = lines[index][0]
        if body and text[:1].isupper() and _TITLE_WORDS.search(text):
            break  # no «№» in the stamp: the roadmap's title begins here
        end = index + 1
        m = _STAMP.match(text)
        if m and not body:
            words.append(m.group(1))
            text = text[m.end():].strip()
        if text:
            body.append(text)
        if _document_number(" ".join(body)) is not None:
            break
    stamp = next((w for w in words if _APPROVED.match(w)), words[0] if words else None)
    joined = " ".join(body)
    approval = Approval(stamp=stamp, by=_issuer(joined), date=find_date(joined), number=find_number(joined))
    lowered = (approval.by or "").lower()
    approval.kind = next((kind for stem, kind in _BY_KIND if stem in lowered), None)
    return approval, end


def find_date(text: str) -> date | None:
    if m := _NUMERIC_DATE.search(text):
        day, month, year = int(m[1]), int(m[2]), int(m[3])
    elif m := _WORD_DATE.search(text):
        from roadmapctl.model.ru import month_names_genitive

        names = [n.lower() for n in month_names_genitive()]
        if m[2].lower() not in names:
            return None
        day, month, year = int(m[1]), names.index(m[2].lower()), int(m[3])
    else:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _issuer(text: str) -> str | None:
    """«приказом директора МБОУ «СОШ № 5»» out of «… от 30.08.2024 № 112-о»: all before the date or number."""
    ends = [len(text)]
    for pattern in (re.compile(r"\s+от\s+|\s+от$"), _NUMERIC_DATE, _WORD_DATE):
        if m := pattern.search(text):
            ends.append(m.start())
    if (number := _document_number(text)) is not None:
        ends.append(number.start())
    return text[:min(ends)].strip(" _,") or None


def _document_number(text: str) -> re.Match[str] | None:
    """The «№ …» of a document, not the one in an organisation's name («МБОУ «СОШ № 5»», «Лицей № 3»)."""
    for m in _NUMBER.finditer(text):
        before = text[:m.start()]
        if before.count("«") > before.count("»") or before.count('"') % 2:
            continue  # inside the quoted name of a school
        if _NAMED.search(before):
            continue
        return m
    return None


def find_number(text: str) -> str | None:
    m = _document_number(text)
    return m.group(1).strip("_.,") if m else None


def read_order(lines: list[str]) -> Order | None:
    """The order before the annex, or None when there is no «ПРИКАЗ» line."""
    kind_at = next((i for i, t in enumerate(lines) if re.sub(r"\s+", "", t).upper() in _KINDS
                    and re.sub(r"\s+", "", t).isupper()), None)
    if kind_at is None:
        return None
    order = Order(kind=re.sub(r"\s+", "", lines[kind_at]).upper())
    for text in lines[:kind_at]:
        if _CONTACTS.search(text):
            order.contacts = f"{order.contacts} {text}" if order.contacts else text
        else:
            order.authority.append(text)
    index = kind_at + 1
    while index < len(lines) and not re.match(r"^(Об?|О)\s", lines[index]):
        text = lines[index]
        order.date = order.date or find_date(text)
        order.number = order.number or find_number(text)
        if re.match(r"^(г\.|город|с\.|пос\.)\s*[А-ЯЁ]", text) and len(text) < 40:
            order.place = text
        index += 1
    index = _order_title(order, lines, index)
    index = _preamble(order, lines, index)
    index = _points(order, lines, index)
    _signature(order, lines[index:])
    return order


def _order_title(order: Order, lines: list[str], index: int) -> int:
    if index >= len(lines):
        return index
    parts = [lines[index]]
    index += 1
    while (index < len(lines) and not parts[-1].endswith(".") and len(lines[index]) < 100
           and not _PREAMBLE_START.match(lines[index]) and not _COMMAND.match(lines[index])
           and not _POINT.match(lines[index])):
        parts.append(lines[index])
        index += 1
    order.title = " ".join(parts)
    return index


def _preamble(order: Order, lines: list[str], index: int) -> int:
    parts: list[str] = []
    while index < len(lines):
        text = lines[index]
        index += 1
        m = _COMMAND.search(text)
        if m:
            before = text[: m.start()].strip()
            if before:
                parts.append(before)
            order.command = re.sub(r"\s+", "", m.group(1)).upper()
            break
        if _POINT.match(text) and not parts:
            index -= 1
            break
        parts.append(text)
    order.preamble = " ".join(parts) or None
    return index


def _points(order: Order, lines: list[str], index: int) -> int:
    flat: list[tuple[str, OrderPoint]] = []
    while index < len(lines):
        text = lines[index]
        m = _POINT.match(text)
        if m:
            flat.append((m.group(1), OrderPoint(text=m.group(2).strip())))
        elif flat and not flat[-1][1].text:
            flat[-1][1].text = text
        elif flat and text[:1].islower():
            flat[-1][1].text = f"{flat[-1][1].text} {text}"
        else:
            break
        index += 1
    by_number: dict[str, OrderPoint] = {}
    for number, point in flat:
        parent = by_number.get(number.rsplit(".", 1)[0]) if "." in number else None
        (parent.points if parent else order.points).append(point)
        by_number[number] = point
    return index


def _signature(order: Order, lines: list[str]) -> None:
    position: list[str] = []
    index = 0
    while index < len(lines) and not _PERSON.match(lines[index]):
        if lines[index].lower().startswith("разослать"):
            break
        position.append(lines[index])
        index += 1
    if index < len(lines) and _PERSON.match(lines[index]):
        order.signatory = Signatory(position=" ".join(position) or None, name=lines[index])
        index += 1
    rest = lines[index:]
    for offset, text in enumerate(rest):
        if text.lower().startswith("разослать"):
            from roadmapctl.importer.executors import split_outside

            listed = text.split(":", 1)[1] if ":" in text else text[len("разослать"):]
            order.distribution = [p.strip() for p in split_outside(listed, ",") if p.strip()]
        elif _PERSON.match(text) and order.performer is None:
            phone = rest[offset + 1] if offset + 1 < len(rest) and _PHONE.match(rest[offset + 1]) else None
            order.performer = f"{text}, {phone}" if phone else text
