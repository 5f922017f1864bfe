"""Splitting executor cells into separate executors.

A cell lists executors with commas, semicolons, line breaks — or nothing at
all: «Управление образования администрации г. Белгорода общеобразовательные
организации ПОО, ВО».  Splitting goes in two passes.  First each cell is cut
at separators outside brackets and quotes; a fragment that is only an
explanation («по согласованию», «+ на едином сервисе», school numbers)
becomes a note of the executor before it.  Then the fragments that stand
alone somewhere in the document form a vocabulary, and a fragment that is
several vocabulary names glued together is cut at those names — but only if
every leftover piece still looks like a name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from roadmapctl.model.text import fold

# Organisational-legal forms: «МАУ ДПО», «ОГАПОУ», «МБОУ» … never a whole name.
LEGAL_FORM = re.compile(
    r"^(?:(?:[МГОФ]|ОГ|ФГ)[АБК]?[НП]?(?:Д?О)?У(?:ДО|ДПО)?|ДПО|ДО|АНО|ОКУ|НКО|ЧОУ|ООО|АО|ПАО)$"
)
_HEAD_NOUNS = ("Управление", "Департамент", "Министерство", "Комитет", "Отдел", "Администрация")
_PARTICIPLE = re.compile(r"^[а-яё]+(щие|щий|щая|щее|вшие|вший|емые|имые|нные|нный)\b")
_ADJECTIVE = re.compile(r"(ая|яя|ое|ее|ый|ий|ой|ые|ие)$")
_NOTE_START = re.compile(r"^(\+|(на|в|во|по|при|для|с|со|из|через)\s)", re.IGNORECASE)
_NUMBERS_ONLY = re.compile(r"^(№\s*)?\d+[а-яa-z]?$", re.IGNORECASE)
_SCHOOL_NUMBERS = re.compile(r"\s*(№+\s*\d+[а-яa-z]?(?:\s*,\s*(?:№\s*)?\d+[а-яa-z]?)*)$", re.IGNORECASE)
_AGREEMENT = re.compile(r"\s*\(?\s*по\s+согласованию\s*\)?\s*$", re.IGNORECASE)
_FURTHER = re.compile(r"^далее\s*[-–—:]?\s*(.+)$", re.IGNORECASE)
_TRAILING_PARENS = re.compile(r"\s*\(([^()]*)\)\s*$")
_EDGE_WORDS = re.compile(r"^(?:и|а также|,|;)\s+|\s+(?:и|а также)$|[\s,;]+$|^[\s,;]+")
_AND_FORM = re.compile(r"\s+и\s+(?=(\S+))")
_OPEN = "(«\"„“"
_CLOSE = ")»\"“”"


@dataclass
class Mention:
    """One executor as written in one cell."""

    name: str
    note: str | None
    where: str
    short: str | None = None  # declared in brackets: «… (далее – УО)», «… (ГБУ ДПО РЦОКИО)»
    glued: str | None = None  # the fragment this one was cut out of, if any


def split_cells(cells: list[tuple[list[str], str]],
                notes: list[tuple[str, str]] | None = None) -> list[list[Mention]]:
    """Mentions of every cell; `cells` are (paragraphs, where) in document order.

    Every glued name cut into several executors is added to `notes` for a human look.
    """
    first = [_fragments(paragraphs, where) for paragraphs, where in cells]
    known = {_key(m.name): m.name for mentions in first for m in mentions}
    changed = True
    while changed:
        changed = False
        for mentions in first:
            index = 0
            while index < len(mentions):
                pieces = _segment(mentions[index].name, known)
                if len(pieces) > 1:
                    mention = mentions[index]
                    split = [Mention(p, None, mention.where, glued=mention.glued or mention.name) for p in pieces]
                    split[-1].note = mention.note
                    mentions[index:index + 1] = split
                    known.update({_key(p): p for p in pieces})
                    changed = True
                index += 1
    if notes is not None:
        notes += _split_notes(first)
    return first


def _split_notes(cells: list[list[Mention]]) -> list[tuple[str, str]]:
    """One note per glued fragment, naming the executors it was cut into."""
    out: list[tuple[str, str]] = []
    for mentions in cells:
        pieces: dict[tuple[str, str], list[str]] = {}
        for m in mentions:
            if m.glued:
                pieces.setdefault((m.where, m.glued), []).append(m.name)
        for (where, glued), names in pieces.items():
            parts = ", ".join(f"«{name}»" for name in names)
            out.append((where, f"«{glued}» разделено на исполнителей {parts} — проверьте"))
    return out


def _key(name: str) -> str:
    return re.sub(r"\s+", " ", fold(name)).strip()


def _fragments(paragraphs: list[str], where: str) -> list[Mention]:
    mentions: list[Mention] = []
    for paragraph in paragraphs:
        for raw in split_outside(paragraph, ",;"):
            fragment = _EDGE_WORDS.sub("", raw.strip()).strip()
            if not fragment:
                continue
            previous = mentions[-1] if mentions else None
            if previous and _PARTICIPLE.match(fragment):
                previous.name = f"{previous.name}, {fragment}"
                name, note, short = _notes(previous.name)
                previous.name, previous.note = name, _join_notes(previous.note, note)
                previous.short = previous.short or short
            elif previous and (_NOTE_START.match(fragment) or _NUMBERS_ONLY.match(fragment)):
                sep = ", " if previous.note and _NUMBERS_ONLY.match(fragment) else "; "
                previous.note = f"{previous.note}{sep}{fragment}" if previous.note else fragment
            else:
                for part in _split_and(fragment):
                    name, note, short = _notes(part)
                    if name:
                        mentions.append(Mention(name, note, where, short))
    return mentions


def _join_notes(first: str | None, second: str | None) -> str | None:
    if first and second:
        return f"{first}; {second}"
    return first or second


def _notes(fragment: str) -> tuple[str, str | None, str | None]:
    """«X (по согласованию)» → X and its note; trailing brackets and school numbers too.

    Brackets that declare a short form («далее – УО», «ГБУ ДПО РЦОКИО») give
    the third value instead of a note.
    """
    notes: list[str] = []
    short = None
    text = fragment
    while True:
        if m := _AGREEMENT.search(text):
            if m.start() == 0:
                break
            notes.insert(0, "по согласованию")
        elif m := _trailing_note(text):
            declared = _declared_short(m.group(1)) if m.group(0).strip().startswith("(") else None
            if declared and short is None:
                short = declared
            else:
                notes.insert(0, m.group(1).strip())
        else:
            break
        text = text[: m.start()]
    return text.strip(" ,;"), "; ".join(n for n in notes if n) or None, short


def _declared_short(bracketed: str) -> str | None:
    """«далее – УО» → УО; «ГБУ ДПО РЦОКИО» → itself; an explanation → None."""
    text = bracketed.strip()
    if m := _FURTHER.match(text):
        text = m.group(1).strip(" «»\"")
    elif not is_abbreviation(text):
        return None
    return text if text and len(text) <= 30 and not _NUMBERS_ONLY.match(text) else None


def _trailing_note(text: str) -> re.Match[str] | None:
    """Brackets or school numbers at the end of a name (not the whole of it)."""
    for pattern in (_TRAILING_PARENS, _SCHOOL_NUMBERS):
        m = pattern.search(text)
        if m and m.start() > 0:
            return m
    return None


def split_outside(text: str, separators: str) -> list[str]:
    """Split at separators that are not inside brackets or quotes."""
    parts, depth, start = [], 0, 0
    straight_open = False
    for index, char in enumerate(text):
        if char == '"':
            straight_open = not straight_open
        elif char in _OPEN:
            depth += 1
        elif char in _CLOSE and depth:
            depth -= 1
        elif char in separators and depth == 0 and not straight_open:
            parts.append(text[start:index])
            start = index + 1
    parts.append(text[start:])
    return parts


def _split_and(fragment: str) -> list[str]:
    """«… ЛГО и МАУ ДПО "ЦНМО"»: «и» before a legal form joins two executors."""
    for m in _AND_FORM.finditer(fragment):
        if LEGAL_FORM.match(m.group(1).strip("«\"")):
            return [fragment[: m.start()], *_split_and(fragment[m.end():])]
    return [fragment]


def _segment(name: str, known: dict[str, str]) -> list[str]:
    """Cut a run-together fragment at known names (longest first) or at head nouns."""
    lowered = _key(name)
    for key in sorted(known, key=len, reverse=True):
        if key == lowered or len(key) < 2 or key not in lowered:  # the pattern is built only for a name present
            continue
        for m in re.finditer(rf"(?<!\w){re.escape(key)}(?!\w)", lowered):
            pieces = [name[: m.start()], name[m.end():]]
            before, after = (_EDGE_WORDS.sub("", p.strip()).strip() for p in pieces)
            if (before or after) and not (before and is_legal_forms(before)) and all(
                not p or _name_piece(p, known) for p in (before, after)
            ):
                return [p for p in (before, name[m.start(): m.end()], after) if p]
    words = name.split()
    for index in range(2, len(words)):
        if words[index] in _HEAD_NOUNS:
            left, right = " ".join(words[:index]), " ".join(words[index:])
            if _name_piece(left, known) and _name_piece(right, known):
                return [left, right]
    return [name]


def _name_piece(piece: str, known: dict[str, str]) -> bool:
    """Can a leftover stand as an executor of its own (not a word torn off a name)?

    Yes if the document uses it alone elsewhere, if it is an abbreviation, if
    it opens with a capitalised noun, or with a plural adjective
    («общеобразовательные организации»).  «администрации ЛГО» (a genitive
    tail) and «Муниципальная» (an adjective of the next name) are not.
    """
    if _key(piece) in known or is_abbreviation(piece):
        return True
    words = piece.split()
    first = words[0].strip("«\"(")
    if first[:1].isupper():
        return len(words) >= 2 or not _ADJECTIVE.search(first)
    return len(words) >= 2 and first.endswith(("ые", "ие"))


def is_legal_forms(text: str) -> bool:
    tokens = text.replace("«", " ").replace("»", " ").replace('"', " ").split()
    return bool(tokens) and all(LEGAL_FORM.match(t) for t in tokens)


def is_abbreviation(text: str) -> bool:
    """«ПОО», «Бел ИРО», «МБУ ДПО ЦРО»: every word has capitals inside or is all caps."""
    words = re.findall(r"[A-Za-zА-Яа-яЁё]+", text)
    return bool(words) and all(w.isupper() or sum(c.isupper() for c in w) >= 2 or
                               (w[0].isupper() and len(w) <= 4) for w in words)
