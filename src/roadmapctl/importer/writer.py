"""The imported model as YAML text, written the way the files in roadmaps/ are.

Block style only; mappings indented by 2, list items by 4 with the dash at 2;
every number (of a measure, a section, an order) in double quotes so «2.10»
never becomes the float 2.1; dates in ISO form; a text is left plain only
when YAML is sure to read it back as the same text.  The text is produced
here directly (rather than by a YAML library) so the layout is exactly the
one people edit by hand.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from roadmapctl.model.roadmap import (
    Executor,
    ExecutorRef,
    Item,
    Order,
    OrderPoint,
    Roadmap,
    Section,
)

SCHEMA_LINE = "# yaml-language-server: $schema=../schema/roadmap.schema.json"


class Quoted(str):
    """A text that must be written in quotes (numbers, codes)."""


class Plain(str):
    """A text written as is (the format version «1»)."""


_INDICATORS = set("-?:,[]{}#&*!|>'\"%@`")
_SPECIAL = re.compile(
    r"^(?:~|null|true|false|yes|no|on|off|y|n|<<|=|[-+]?(?:\.inf|\.nan)"
    r"|[-+]?(?:0|[1-9][\d_]*)(?:\.\d*)?(?:e[-+]?\d+)?|[-+]?\.\d+(?:e[-+]?\d+)?"
    r"|0x[\da-f_]+|0o?[0-7_]+|0b[01_]+|\d{4}-\d\d?-\d\d?(?:[Tt ].*)?|[-+]?\d[\d_]*(?::[0-5]?\d)+(?:\.\d*)?)$",
    re.IGNORECASE,
)


def scalar(value: Any) -> str:
    if isinstance(value, date):
        return value.isoformat()
    text = str(value)
    if isinstance(value, Plain):
        return text
    if isinstance(value, Quoted) or not _plain_ok(text):
        return '"' + _TO_ESCAPE.sub(lambda m: _escape(m.group()), text) + '"'
    return text


_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t"}
# The characters `_escape` changes, found by one regular expression rather than a Python call per
# character (the writer sees every character of the roadmap): controls, C1, the line and paragraph
# separators, the byte order mark, surrogates and the two non-characters; with «\» and «"» in quotes.
_UNSAFE = "\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff"
_TO_ESCAPE = re.compile(f'[\\\\"{_UNSAFE}]')
_NOT_PLAIN = re.compile(f"[{_UNSAFE}]")


def _escape(char: str) -> str:
    """One character inside a double-quoted YAML scalar."""
    if char in _ESCAPES:
        return _ESCAPES[char]
    code = ord(char)
    if code < 32 or code == 0x7F or 0x80 <= code < 0xA0 or char in "\u2028\u2029\ufeff" \
            or 0xD800 <= code < 0xE000 or code in (0xFFFE, 0xFFFF):
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
    return char


def _plain_ok(text: str) -> bool:
    return bool(
        text
        and text == text.strip()
        and text[0] not in _INDICATORS
        and not _NOT_PLAIN.search(text)
        and ": " not in text
        and " #" not in text
        and not text.endswith(":")
        and not _SPECIAL.match(text)
    )


def _emit(value: Any, indent: int, out: list[str]) -> None:
    """A mapping or a list at `indent`; scalars are handled by the caller."""
    pad = " " * indent
    if isinstance(value, dict):
        for key, child in value.items():
            if isinstance(child, (dict, list)) and child:
                out.append(f"{pad}{key}:")
                _emit(child, indent + 2, out)
            else:
                out.append(f"{pad}{key}: {_inline(child)}")
        return
    for element in value:
        if isinstance(element, (dict, list)) and element:
            # A nested block starts on the dash line: «- title: …» or «- - a».
            block: list[str] = []
            _emit(element, indent + 2, block)
            out.append(f"{pad}- {block[0][indent + 2:]}")
            out.extend(block[1:])
        else:
            out.append(f"{pad}- {_inline(element)}")


def _inline(value: Any) -> str:
    """A scalar, or an empty mapping or list written in flow style (`{}`, `[]`)."""
    if isinstance(value, dict):
        return "{}"
    if isinstance(value, list):
        return "[]"
    return scalar(value)


def _clean(mapping: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in mapping.items() if v not in (None, "", [], {})}


def _executor(e: Executor) -> dict[str, Any]:
    return _clean({"name": e.name, "short": e.short, "kind": e.kind, "email": e.email})


def _ref(r: ExecutorRef) -> Any:
    if r.note is None and r.role == "responsible":
        return r.id
    return _clean({"id": r.id, "note": r.note, "role": r.role if r.role != "responsible" else None})


def _item(item: Item) -> dict[str, Any]:
    return _clean({
        "number": Quoted(item.number) if item.number else None,
        "key": item.key,
        "title": item.title,
        "executors": [_ref(r) for r in item.executors],
        "deadline": item.deadline,
        "due": (item.due[0] if len(item.due) == 1 else list(item.due)) if item.due else None,
        "result": item.result,
        "indicator": _clean({"text": item.indicator.text}) if item.indicator else None,
        "form": item.form,
        "note": item.note,
        "items": [_item(child) for child in item.items],
    })


def _section(section: Section) -> dict[str, Any]:
    return _clean({
        "number": Quoted(section.number) if section.number else None,
        "title": section.title,
        "numbering": section.numbering,
        "default_executors": [_ref(r) for r in section.default_executors],
        "items": [_item(i) for i in section.items],
        "sections": [_section(s) for s in section.sections],
    })


def _point(point: OrderPoint) -> Any:
    if not point.points:
        return point.text
    return {"text": point.text, "points": [_point(p) for p in point.points]}


def _order(order: Order) -> dict[str, Any]:
    signatory = order.signatory
    return _clean({
        "authority": order.authority,
        "contacts": order.contacts,
        "kind": order.kind,
        "date": order.date,
        "number": Quoted(order.number) if order.number else None,
        "place": order.place,
        "title": order.title,
        "preamble": order.preamble,
        "command": order.command,
        "points": [_point(p) for p in order.points],
        "signatory": _clean({"position": signatory.position, "name": signatory.name}) if signatory else None,
        "performer": order.performer,
        "distribution": order.distribution,
    })


def render_yaml(roadmap: Roadmap, comments: list[str]) -> str:
    """The whole file: schema line, `comments` (one per line), then the roadmap."""
    head: dict[str, Any] = {"format": Plain("1"), "title": roadmap.title, "territory": roadmap.territory,
                            "period": roadmap.period.text if roadmap.period else None}
    approval = roadmap.approval
    if approval:
        head["approval"] = _clean({
            "stamp": approval.stamp, "by": approval.by, "kind": approval.kind, "date": approval.date,
            "number": Quoted(approval.number) if approval.number else None,
        })
    head["goals"] = roadmap.goals
    head["numbering"] = roadmap.numbering
    head["columns"] = [_clean({"field": c.field, "heading": c.heading, "names": c.names}) for c in roadmap.columns]
    head["default_executors"] = [_ref(r) for r in roadmap.default_executors]
    out = [SCHEMA_LINE, *(f"# {line}" if line else "#" for line in comments)]
    _emit(_clean(head), 0, out)
    if roadmap.order:
        out.append("")
        _emit({"order": _order(roadmap.order)}, 0, out)
    if roadmap.executors:
        out.append("")
        _emit({"executors": {k: _executor(e) for k, e in roadmap.executors.items()}}, 0, out)
    out += ["", "sections:"]
    for index, section in enumerate(roadmap.sections):
        if index:
            out.append("")
        _emit([_section(section)], 2, out)
    return "\n".join(out) + "\n"
