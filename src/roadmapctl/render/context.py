"""The roadmap as plain dicts and lists for document templates.

Templates see no model objects: a department's own template runs in a
sandbox, and plain data keeps what it can reach obvious.  Every string is
cleaned here of characters XML cannot hold, so no value can break a DOCX;
escaping itself is left to Jinja's autoescape.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from roadmapctl.model.roadmap import Column, Executor, ExecutorRef, Item, Order, OrderPoint, Roadmap, Section
from roadmapctl.render import filters
from roadmapctl.render.gost import LANDSCAPE_FROM_COLUMNS, GostProfile, text_width_mm
from roadmapctl.render.requisites import annex_mark, period_line
from roadmapctl.render.xmltext import xml_safe

_SPACES = re.compile(r"\s+")

# Spaces a secretary makes non-breaking, so that no line of a narrow column
# starts with «г.» or ends with «№»: «2024 г.», «2021–2025 гг.», «№ 1828-у»,
# «г. Челябинска», «Л.Ю. Манекину», «Ермакова Ю.А.».
NBSP = "\u00a0"
_UPPER, _LOWER = "А-ЯЁ", "а-яё"
_INITIALS = rf"[{_UPPER}]\.[{_UPPER}]\."
_TIES = (
    re.compile(r"((?<!\d)\d{4}) (гг?\.)"),
    re.compile(r"(№) (\S)"),
    re.compile(rf"((?<![\w.])г\.) ([{_UPPER}])"),
    re.compile(rf"({_INITIALS}) ([{_UPPER}][{_LOWER}])"),
    re.compile(rf"([{_LOWER}]) ({_INITIALS})(?![ {NBSP}]?[{_UPPER}])"),
)

DEFAULT_HEADING = "Об утверждении дорожной карты"

# Column key → header text, the least width in millimetres that keeps its
# header and usual words («Общеобразовательные») whole at 12 pt, and its share
# of whatever width is left over.
COLUMNS: dict[str, tuple[str, float, float]] = {
    "number": ("№ п/п", 16, 0),
    "title": ("Мероприятие", 58, 4),
    "deadline": ("Срок исполнения", 32, 0.5),
    "executors": ("Ответственные исполнители", 45, 1),
    "indicator": ("Показатель", 30, 1),
    "result": ("Планируемый результат", 40, 3),
    "form": ("Форма представления результата", 36, 0.5),
    "note": ("Примечание", 30, 1),
}
OPTIONAL_COLUMNS = ("indicator", "result", "form")


def clean(text: object) -> str:
    """A value as one line of document text: no control characters, single spaces,
    and the non-breaking ones Russian typesetting wants."""
    return typeset(_SPACES.sub(" ", xml_safe(str(text))).strip())


def typeset(text: str) -> str:
    """Tie «г.», «№» and initials to their neighbours with non-breaking spaces."""
    if "." not in text and "№" not in text:  # every tie needs one of them: most values skip the patterns
        return text
    for tie in _TIES:
        text = tie.sub(rf"\1{NBSP}\2", text)
    return text


def _opt(text: object | None) -> str:
    """An optional value: missing prints as nothing, never as «None»."""
    return "" if text is None else clean(text)


def build_context(roadmap: Roadmap, *, what: str, gost: GostProfile,
                  executors: str | None = None, qr: str | None = None) -> dict[str, Any]:
    """Everything a template may print; `what` is «order», «annex» or «both».

    `executors` («full»/«short») overrides how the roadmap's executors column
    says to print names; without either, names are printed in full.
    """
    has_order = what in ("order", "both") and roadmap.order is not None
    has_annex = what in ("annex", "both")
    mode = executors or _names_style(roadmap.columns) or "full"
    annex = _annex(roadmap, mode) if has_annex else None
    return {
        "what": what,
        "has_order": has_order,
        "has_annex": has_annex,
        "executors_mode": mode,
        "gost": {"edition": gost.edition, "name": gost.name,
                 "corner_width_mm": gost.corner_width_mm},
        "roadmap": {
            "title": clean(roadmap.title),
            "territory": _opt(roadmap.territory),
            "period": roadmap.period.text if roadmap.period else "",
            "period_start": roadmap.period.start if roadmap.period else None,
            "period_end": roadmap.period.end if roadmap.period else None,
        },
        "order": _order(roadmap.order) if has_order and roadmap.order else None,
        "annex": annex,
        "landscape": bool(annex and len(annex["columns"]) >= LANDSCAPE_FROM_COLUMNS),
        "qr": _opt(qr),
    }


def document_date(roadmap: Roadmap, what: str) -> date | None:
    """The date that decides the GOST edition: the order's, else the approval's."""
    if what != "annex" and roadmap.order and roadmap.order.date:
        return roadmap.order.date
    if roadmap.approval and roadmap.approval.date:
        return roadmap.approval.date
    return roadmap.order.date if roadmap.order else None


# -- the order ----------------------------------------------------------------

def _order(order: Order) -> dict[str, Any]:
    signatory = order.signatory
    return {
        "authority": [clean(line) for line in order.authority if clean(line)],
        "contacts": _opt(order.contacts),
        "kind": clean(order.kind) or "ПРИКАЗ",
        "date": order.date,
        "number": _opt(order.number),
        "place": _opt(order.place),
        "title": _opt(order.title) or DEFAULT_HEADING,
        "preamble": _opt(order.preamble),
        "command": (clean(order.command) or "ПРИКАЗЫВАЮ").rstrip(":") + ":",
        "points": _kept(_points(order.points, "")),
        "signatory": {
            "position": _opt(signatory.position) if signatory else "",
            "name": _opt(signatory.name) if signatory else "",
        },
        "performer": _opt(order.performer),
        "distribution": [clean(d) for d in order.distribution if clean(d)],
    }


def _points(points: list[OrderPoint], prefix: str) -> list[dict[str, Any]]:
    """Flat list of points numbered «1.», «2.», «2.1.» as orders number them."""
    flat: list[dict[str, Any]] = []
    for index, point in enumerate(points, start=1):
        number = f"{prefix}{index}."
        flat.append({"number": number, "text": clean(point.text), "depth": prefix.count(".")})
        flat.extend(_points(point.points, number))
    return flat


def _kept(points: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Mark the points a page must not break after: one that leads into its
    sub-points («Руководителям школ:»), and the last one, so the signature
    never stands alone at the top of a page."""
    for point, after in zip(points, [*points[1:], None], strict=True):
        point["keep_next"] = after is None or after["depth"] > point["depth"]
    return points


# -- the annex ----------------------------------------------------------------

def _annex(roadmap: Roadmap, mode: str) -> dict[str, Any]:
    items = [entry.item for entry in roadmap.walk()]
    if roadmap.columns:
        keys = [column.field for column in roadmap.columns]
    else:
        keys = ["number", "title", "deadline", "executors"]
        keys += [key for key in OPTIONAL_COLUMNS if any(_has(item, key) for item in items)]
    headings = {column.field: clean(column.heading) for column in roadmap.columns if column.heading}
    columns = _columns(keys, headings)
    rows: list[dict[str, Any]] = []
    for section in roadmap.sections:
        _section_rows(section, 0, roadmap.executors, keys, mode, rows, roadmap.default_executors)
    return {
        "mark": annex_mark(roadmap),
        "title": clean(roadmap.title),
        "period_line": period_line(roadmap.period, roadmap.title),
        "columns": columns,
        # Section rows put the number in the first column when it is the number column,
        # else number and title together across the whole row.
        "number_first": keys[0] == "number",
        "rows": rows,
        "item_count": len(items),
    }


def _names_style(columns: list[Column]) -> str | None:
    return next((column.names for column in columns if column.field == "executors"), None)


def _columns(keys: list[str], headings: dict[str, str] | None = None) -> list[dict[str, Any]]:
    """Header and width of each column; five or more go on a landscape page."""
    width = text_width_mm(len(keys) >= LANDSCAPE_FROM_COLUMNS)
    least = sum(COLUMNS[key][1] for key in keys)
    weights = sum(COLUMNS[key][2] for key in keys) or 1
    spare = max(width - least, 0)
    columns = []
    for key in keys:
        title, minimum, weight = COLUMNS[key]
        share = (minimum + spare * weight / weights) / max(width, least)
        columns.append({"key": key, "title": (headings or {}).get(key) or title, "share": share})
    return columns


def _has(item: Item, key: str) -> bool:
    if key == "indicator":
        return item.indicator is not None and bool(item.indicator.text or item.indicator.targets)
    return bool(_opt(getattr(item, key)))


def _section_rows(section: Section, depth: int, glossary: dict[str, Executor],
                  keys: list[str], mode: str, rows: list[dict[str, Any]],
                  defaults: list[ExecutorRef]) -> None:
    number, title = _opt(section.number), clean(section.title)
    rows.append({"is_section": True, "depth": depth, "number": number, "title": title,
                 "heading": f"{number} {title}" if number else title})
    defaults = section.default_executors or defaults
    for item in section.items:
        _item_rows(item, 0, glossary, keys, mode, rows, defaults)
    for inner in section.sections:
        _section_rows(inner, depth + 1, glossary, keys, mode, rows, defaults)


def _item_rows(item: Item, depth: int, glossary: dict[str, Executor],
               keys: list[str], mode: str, rows: list[dict[str, Any]],
               defaults: list[ExecutorRef]) -> None:
    # An item without executors prints its section's (or the roadmap's) defaults;
    # a sub-item prints none, as its parent's row already names them.
    refs = item.executors or (defaults if depth == 0 else [])
    executors = [_executor(ref, glossary) for ref in refs]
    row: dict[str, Any] = {
        "is_section": False,
        "depth": depth,
        "number": _opt(item.number),
        "title": clean(item.title),
        "deadline": _opt(item.deadline),
        "executors": executors,
        "executor_names": filters.executor_names(executors, mode),
        "result": _opt(item.result),
        "indicator": _indicator_lines(item),
        "form": _opt(item.form),
        "note": _opt(item.note),
        "status": item.status,
        "key": _opt(item.key),
    }
    row["cells"] = [_cell(row, key) for key in keys]
    rows.append(row)
    for sub in item.items:
        _item_rows(sub, depth + 1, glossary, keys, mode, rows, defaults)


def _cell(row: dict[str, Any], key: str) -> dict[str, Any]:
    """One table cell as lines of text, with the indent and alignment it needs."""
    if key == "executors":
        lines = row["executor_names"]
    elif key == "indicator":
        lines = row["indicator"]
    else:
        lines = [row[key]] if row[key] else []
    return {
        "key": key,
        "lines": lines or [""],
        "indent": row["depth"] if key == "title" else 0,
        "center": key in ("number", "deadline"),
    }


def _executor(ref: ExecutorRef, glossary: dict[str, Executor]) -> dict[str, Any]:
    known = glossary.get(ref.id)
    return {
        "id": ref.id,
        "name": clean(known.name) if known and clean(known.name) else clean(ref.id),
        "short": _opt(known.short) if known else "",
        "note": _opt(ref.note),
        "role": ref.role,
    }


def _indicator_lines(item: Item) -> list[str]:
    if item.indicator is None:
        return []
    lines = [clean(item.indicator.text)] if _opt(item.indicator.text) else []
    lines += [f"{clean(k)}: {clean(v)}" for k, v in item.indicator.targets.items()]
    return lines
