"""Editing one item of a roadmap without round-tripping the whole file.

ruamel's round-trip mode is pure Python: a 15,000-item file takes it tens of
seconds to load and dump, so `done` on a big roadmap took a minute.  An
edit touches one item, so only that item's lines are round-tripped: the
fast C composer finds where the item stands, its lines are cut out,
re-indented under a one-key document («items:»), edited with the same code
as a whole file, indented back and spliced in.  The cost is one C parse of
the file plus the item itself.

Whatever this path cannot do with certainty — an alias that points outside
the item, a line indented left of the item's dash, anything that would
change a line it did not add — raises `NotLocal`, and the caller edits the
whole file the slow, general way instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


class NotLocal(Exception):
    """The item cannot be edited on its own; edit the whole file."""


@dataclass(frozen=True)
class Piece:
    """An item's lines in the file: [start, end), its dash column, and its composed node."""

    start: int
    end: int
    dash: int
    node: Any
    root: Any


def find_item(lines: list[str], text: str, steps: tuple[tuple[str, int], ...]) -> Piece:
    """Where the item reached by `steps` stands, with the comment lines that belong to it."""
    from roadmapctl.reading.yamlsource import SourceProblem, compose

    root = compose(text)
    if root is None or isinstance(root, SourceProblem):
        raise NotLocal
    node = root
    for name, index in steps:
        node = _value(node, name)
        if node is None or node.id != "sequence" or index >= len(node.value):
            raise NotLocal
        node = node.value[index]
    if node.id != "mapping" or node.flow_style:
        raise NotLocal
    start, column = node.start_mark.line, node.start_mark.column
    prefix = lines[start][:column]
    if prefix.strip() != "-":
        raise NotLocal
    dash = prefix.index("-")
    end = _last_line(node) + 1
    # Comment lines right after the item and indented like its content stay with it.
    while end < len(lines) and lines[end].strip().startswith("#") and _indent(lines[end]) >= dash + 2:
        end += 1
    if any(line.strip() and _indent(line) < dash + 1 for line in lines[start + 1:end]):
        raise NotLocal
    return Piece(start, end, dash, node, root)


def cut(lines: list[str], piece: Piece) -> str:
    """The item as a document of its own: «items:» and the item, its dash at column 2."""
    body = ["  " + line[piece.dash:] if line.strip() else "" for line in lines[piece.start:piece.end]]
    return "items:\n" + "\n".join(body) + "\n"


def paste(dumped: str, piece: Piece) -> list[str]:
    """The edited one-item document's lines, indented back to where the item stood."""
    out = dumped.split("\n")
    if out[0] != "items:" or out[-1] != "":
        raise NotLocal
    result = []
    for line in out[1:-1]:
        if line.strip() and not line.startswith("  "):
            raise NotLocal
        result.append(" " * piece.dash + line[2:] if line.strip() else "")
    return result


def shared(root: Any, targets: list[Any]) -> list[Any]:
    """Those of `targets` that the composed tree reaches more than once (YAML aliases)."""
    seen: dict[int, int] = {}
    stack = [root]
    while stack:
        node = stack.pop()
        if node.id == "mapping":
            children = [value for _, value in node.value]
        elif node.id == "sequence":
            children = list(node.value)
        else:
            continue
        for child in children:
            ident = id(child)
            seen[ident] = seen.get(ident, 0) + 1
            if seen[ident] == 1:
                stack.append(child)
    return [t for t in targets if t is not None and seen.get(id(t), 0) > 1]


def value_of(node: Any, key: str) -> Any:
    return _value(node, key)


def _value(node: Any, key: str) -> Any:
    if node.id != "mapping":
        return None
    for key_node, value in node.value:
        if key_node.id == "scalar" and key_node.value == key:
            return value
    return None


def _last_line(node: Any) -> int:
    """The 0-based line of the last character of a block node's content."""
    while node.id in ("mapping", "sequence") and node.value and not node.flow_style:
        node = node.value[-1][1] if node.id == "mapping" else node.value[-1]
    end = node.end_mark
    return end.line if end.column > 0 else end.line - 1


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))
