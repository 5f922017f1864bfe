"""Entries → sections, measures and sub-measures; then the whole roadmap.

Nesting follows the numbers: «5» holds sections «5.1», «5.2»; «5.1.1» goes
into «5.1».  A numbered heading is a section when rows numbered under it
follow or its siblings are sections; otherwise (typically «Региональные
мероприятия:») it is a measure whose unnumbered rows are its sub-items.
Unnumbered rows after a numbered measure are its sub-items; after a section
heading they are measures of that section.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from roadmapctl.errors import InputError
from roadmapctl.importer.cleanup import words_of
from roadmapctl.importer.columns import names_style, source_columns
from roadmapctl.importer.executors import split_cells
from roadmapctl.importer.glossary import build_glossary
from roadmapctl.importer.goals import responsible, responsible_in_title
from roadmapctl.importer.names import authority_names
from roadmapctl.importer.order import Preamble, read_preamble
from roadmapctl.importer.rows import Entry, section_word, table_entries
from roadmapctl.importer.tables import Cell, Document, Paragraph
from roadmapctl.importer.timing import settle_period
from roadmapctl.model.roadmap import (
    Indicator,
    Item,
    OrderPoint,
    Roadmap,
    Section,
    normalize_number,
)


@dataclass
class ImportResult:
    roadmap: Roadmap
    source: str
    notes: list[tuple[str, str]] = field(default_factory=list)  # (where, what to look at)
    info: list[str] = field(default_factory=list)  # decisions worth knowing, not errors
    places: dict[int, str] = field(default_factory=dict)  # id(item) → where its row stood
    # Sections that name who answers for them: (section, (name, where)).
    section_responsible: list[tuple[Section, tuple[str, str]]] = field(default_factory=list)
    hints: list[tuple[str, str]] = field(default_factory=list)  # (text, where) that may name the period


def build_roadmap(document: Document, period_text: str | None) -> ImportResult:
    if not document.tables:
        raise InputError(
            f"{document.name}: не найдена таблица дорожной карты",
            "нужна строка заголовков со столбцами «Мероприятие», «Сроки исполнения», "
            "«Ответственные» или «Результат»",
        )
    preamble_paragraphs, first_heading = _split_first_heading(document.preamble)
    document.tables[0].heading = first_heading + document.tables[0].heading
    preamble = read_preamble(preamble_paragraphs)
    notes: list[tuple[str, str]] = [*document.notes, *preamble.notes]
    entries: list[Entry] = []
    for table in document.tables:
        table_rows = table_entries(table, notes)
        who = [name for p in table.heading if (name := responsible(p.text))]
        heading = " ".join(p.text.strip() for p in table.heading if p.text.strip() and not responsible(p.text))
        if heading and table_rows and table_rows[0].kind != "heading":
            where = table.heading[-1].where
            table_rows.insert(0, Entry("heading", None, {"title": Cell([heading])}, where))
        if who and table_rows and table_rows[0].kind == "heading":
            table_rows[0].responsible += who
        entries += table_rows
    vocabulary = words_of(" ".join(c.text for e in entries for c in e.cells.values()))
    result = ImportResult(Roadmap(title=preamble.title or ""), document.name, notes)
    result.hints = [(p.text, p.where) for p in document.preamble] + [
        (p.text, p.where) for t in document.tables for p in t.heading]
    sections = _tree(entries, vocabulary, result)
    if not _has_items(sections):
        raise InputError(f"{document.name}: в таблице дорожной карты нет ни одного мероприятия",
                         "заполните таблицу или проверьте, тот ли это документ")
    has_executors = any("executors" in t.columns for t in document.tables)
    _executors(entries, vocabulary, result, _authorities(preamble), preamble.responsible)
    if not has_executors and not result.roadmap.default_executors and not result.section_responsible:
        notes.append((document.tables[0].where, "в таблице нет столбца исполнителей, и в документе не назван "
                                                "ответственный — впишите его в default_executors"))
    result.roadmap.columns = source_columns(document.tables[0], names_style(entries, result.roadmap))
    rm = result.roadmap
    rm.sections, rm.approval, rm.order = sections, preamble.approval, preamble.order
    rm.goals = preamble.goals
    if not rm.title:
        rm.title = document.name.rsplit(".", 1)[0]
        notes.append(("", "название дорожной карты не найдено перед таблицей — взято имя файла"))
    for entry in entries:
        for word in dict.fromkeys(entry.guessed):
            notes.append((entry.where, f"перенос слова склеен как «{word}» — проверьте"))
        for words in dict.fromkeys(entry.broken):
            notes.append((entry.where, f"«{words}» — возможно, одно слово, разорванное концом строки "
                                       "в узком столбце: проверьте"))
    settle_period(result, period_text)
    return result


def _has_items(sections: list[Section]) -> bool:
    return any(s.items or _has_items(s.sections) for s in sections)


def _split_first_heading(paragraphs: list[Paragraph]) -> tuple[list[Paragraph], list[Paragraph]]:
    """«Направление 1. …» right before the first table (maybe followed by «Ответственный: …») heads that table."""
    cut = len(paragraphs)
    while cut and responsible(paragraphs[cut - 1].text):
        cut -= 1
    if cut and section_word(paragraphs[cut - 1].text.strip())[0] is not None:
        return paragraphs[:cut - 1], paragraphs[cut - 1:]
    return paragraphs, []


def _norm(number: str | None) -> str | None:
    return normalize_number(number) or None


def _is_section(index: int, entries: list[Entry], decided: dict[int, bool]) -> bool:
    """Is a heading row a section, or a measure whose sub-items follow?

    Rows numbered under it make it a section; so does a section word or a
    merged row.  A title ending in «:» followed by unnumbered rows is a
    measure with sub-items.  Otherwise it goes the way the previous heading
    at its depth went, and by default is a section: a row with a number and
    a title only, where the table has deadlines and executors, heads what
    follows (also when the number column simply counts every row).
    """
    entry = entries[index]
    number = _norm(entry.number)
    if number is None:
        return True
    if any((_norm(e.number) or "").startswith(number + ".") for e in entries[index + 1:]):
        return True
    title = entry.cells["title"].text.rstrip()
    following = entries[index + 1] if index + 1 < len(entries) else None
    if title.endswith(":") and following is not None and following.number is None:
        return False
    if entry.merged_across:
        return True
    parent = number.rsplit(".", 1)[0] if "." in number else ""
    for j in range(index - 1, -1, -1):
        other = _norm(entries[j].number)
        if j not in decided or other is None or other.count(".") != number.count("."):
            continue
        if (other.rsplit(".", 1)[0] if "." in other else "") == parent:
            return decided[j]
    return not title.endswith(":")


def _section_guess(index: int, entries: list[Entry], section: bool) -> str | None:
    """What the report says about a numbered heading row whose role was a guess."""
    entry = entries[index]
    number = _norm(entry.number)
    if number is None or entry.merged_across:
        return None
    if any((_norm(e.number) or "").startswith(number + ".") for e in entries[index + 1:]):
        return None
    title = entry.cells["title"].text
    title = title if len(title) <= 40 else title[:39] + "…"
    row = f"строка «{entry.number} {title}»"
    if section:
        return f"{row} (только номер и название) понята как заголовок раздела"
    return f"{row} понята как мероприятие с подпунктами"


def _under(number: str | None, parent: str | None) -> bool:
    """Is «5.1.2» numbered under «5.1»? (Trailing dots do not matter; a section «II.» holds «2.1».)"""
    from roadmapctl.model.numbering import prefixes

    child, outer = _norm(number), _norm(parent)
    return bool(child and outer and any(child.startswith(p + ".") for p in prefixes(outer)))


def _number_style(entries: list[Entry]) -> bool:
    """Do the document's measure numbers end with a dot («1.1.»)?"""
    numbers = [e.number for e in entries if e.kind == "item" and e.number]
    return sum(n.endswith(".") for n in numbers) > len(numbers) / 2


def _tree(entries: list[Entry], vocabulary: set[str], result: ImportResult) -> list[Section]:
    decided: dict[int, bool] = {}
    for index, entry in enumerate(entries):
        if entry.kind == "heading":
            decided[index] = _is_section(index, entries, decided)
            if guess := _section_guess(index, entries, decided[index]):
                result.notes.append((entry.where, guess))
    dotted = _number_style(entries)
    top: list[Section] = []
    stack: list[Section] = []
    parent_item: Item | None = None
    numbered = any(e.number for e in entries if e.kind == "item")
    for index, entry in enumerate(entries):
        if decided.get(index):
            section = _section(entry, vocabulary, dotted)
            section.title, named = responsible_in_title(section.title)
            for who in [*entry.responsible, *([named] if named else [])]:
                result.section_responsible.append((section, (who, entry.where)))
            while stack and not _under(section.number, stack[-1].number):
                stack.pop()
            (stack[-1].sections if stack else top).append(section)
            stack.append(section)
            parent_item = None
            continue
        item = entry.item = _item(entry, vocabulary)
        result.places[id(item)] = entry.where
        number = _norm(item.number)
        if parent_item is not None and (_under(number, parent_item.number) or (number is None and numbered)):
            parent_item.items.append(item)
            continue
        home = next((s for s in reversed(stack) if _under(number, s.number)), None)
        if home is None and not stack:
            stack.append(Section(title="Мероприятия"))
            top.append(stack[-1])
            result.notes.append((entry.where, "мероприятия стоят вне раздела: собраны в раздел «Мероприятия»"))
        if home is None:
            home = stack[-1]
            if number and home.number and "." in number:  # «1.», «2.» restart in each section: fine
                result.notes.append((entry.where, f"номер {item.number} не подходит к разделу {home.number}"))
        home.items.append(item)
        if number:
            parent_item = item
    return top


def _section(entry: Entry, vocabulary: set[str], dotted: bool) -> Section:
    title = entry.text("title", vocabulary) or ""
    number = entry.number
    if number is None:
        number, title = section_word(title)
    elif number.endswith(".") and not dotted:
        number = number.rstrip(".")
    return Section(number=number, title=title)


def _item(entry: Entry, vocabulary: set[str]) -> Item:
    item = Item(number=entry.number, title=entry.text("title", vocabulary) or "")
    item.deadline = entry.text("deadline", vocabulary)
    item.result = entry.text("result", vocabulary)
    item.form = entry.text("form", vocabulary)
    item.note = entry.text("note", vocabulary)
    indicator = entry.text("indicator", vocabulary)
    if indicator:
        item.indicator = Indicator(text=indicator)
    return item


def _authorities(preamble: Preamble) -> list[str]:
    """Issuing bodies named on the letterhead, in the case the text writes them."""
    order = preamble.order
    if order is None:
        return []
    texts = [preamble.approval.by if preamble.approval else None, order.title, order.preamble,
             *_point_texts(order.points)]
    return authority_names(order.authority, " ".join(t for t in texts if t))


def _point_texts(points: list[OrderPoint]) -> list[str]:
    return [text for p in points for text in (p.text, *_point_texts(p.points))]


def _executors(entries: list[Entry], vocabulary: set[str], result: ImportResult,
               authorities: list[str], named: list[str]) -> None:
    """The glossary from the executor cells and the «Ответственный: …» line under the title.

    The responsible line becomes the roadmap's default executors: it serves
    the measures of a table without an executors column.
    """
    holders = [(e, e.item) for e in entries if e.item is not None]
    cells = [(e.paragraphs("executors", vocabulary), e.where) for e, _ in holders]
    cells.append((named, "абзац перед таблицей"))
    cells += [([who], where) for _, (who, where) in result.section_responsible]
    glossary = build_glossary(split_cells(cells, result.notes), authorities)
    for (_, item), refs in zip(holders, glossary.refs[:len(holders)], strict=True):
        item.executors = refs
    result.roadmap.default_executors = glossary.refs[len(holders)]
    for (section, _), refs in zip(result.section_responsible, glossary.refs[len(holders) + 1:], strict=True):
        section.default_executors += [r for r in refs if r.id not in {d.id for d in section.default_executors}]
    result.roadmap.executors = glossary.executors
    result.notes += glossary.notes
