"""Bounds checked on the text before and after libyaml sees it.

libyaml's C composer recurses once per nesting level: «[[[[…» thirty
thousand deep is a 60 KB file that takes the process down (or, in builds with
a depth limit, stops with an English message).  So the nesting is estimated
by a cheap scan of the text first and refused with its line.  Characters YAML
forbids are found here too, with their line and column, instead of libyaml's
English «control characters are not allowed» at 1:1 (the scan runs only
when libyaml has refused a text: it reads every character and refuses the
same ones).  After composing, the
nodes that aliases (*ref) would add when expanded are counted: a file without
anchors never pays for this, and a plain file with many items is never taken
for a «bomb».
"""

from __future__ import annotations

import re
from typing import Any

from roadmapctl.limits import MAX_ALIAS_EXPANSION, MAX_NESTING_DEPTH

# What YAML 1.1 calls non-printable: C0 controls but tab and line breaks, DEL,
# C1 controls but NEL, surrogates, U+FFFE and U+FFFF.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
_NAMES = {"\x00": "нулевой символ", "\x0b": "вертикальная табуляция", "\x0c": "разрыв страницы",
          "\x1b": "Escape", "\x7f": "Delete"}
# A line's indentation and the block indicators that open collections on it.
_MARKER = re.compile(r"[-?:][ ]+")
# A line whose prefix (indentation and indicators) is wide enough to matter.
# Searched after a literal line break, not with «(?m)^»: the engine then skips to each
# «\n» instead of trying every position (six times faster); the first line is matched apart.
_DEEP_PREFIX = re.compile(rf"\n[ \-?:]{{{MAX_NESTING_DEPTH // 2}}}")
_DEEP_FIRST = re.compile(rf"[ \-?:]{{{MAX_NESTING_DEPTH // 2}}}")
# At the top of a value in block context: where a flow collection may open.
_VALUE_START = re.compile(r"""[ ]*(?:[-?:][ ]+)*"""
                          r"""(?:(?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s\[\]{}#'"][^#]*?):(?:[ ]+|$))?""")


def forbidden_character(text: str) -> tuple[str, int, int] | None:
    """A message, line and column for the first character YAML does not allow."""
    found = _FORBIDDEN.search(text)
    if found is None:
        return None
    char = found.group()
    line, col = line_col(text, found.start())
    name = _NAMES.get(char, "управляющий символ")
    return (f"недопустимый символ U+{ord(char):04X} ({name}): в YAML-файле его быть не может; "
            "удалите его (часто попадает при копировании из других программ)", line, col)


def line_col(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of a character index."""
    start = text.rfind("\n", 0, index) + 1
    return text.count("\n", 0, index) + 1, index - start + 1


def too_deep(text: str) -> tuple[str, int, int] | None:
    """A message, line and column where the nesting exceeds the limit, estimated without parsing.

    The estimate counts the indentation levels open at each line (and the
    «- » indicators that open collections on it) plus the open flow brackets.
    Real roadmaps nest a dozen levels; the scan itself runs only when a cheap
    count (brackets, longest line prefix) says the limit may be reached.
    """
    half = MAX_NESTING_DEPTH // 2
    if (text.count("[") + text.count("{") <= half and _DEEP_PREFIX.search(text) is None
            and _DEEP_FIRST.match(text) is None):
        return None
    columns: list[int] = []
    flow = 0
    for number, line in enumerate(text.split("\n"), 1):
        start = 0
        if flow == 0:
            stripped = line.lstrip(" ")
            if not stripped or stripped.startswith("#"):
                continue
            indent = len(line) - len(stripped)
            while columns and columns[-1] >= indent:
                columns.pop()
            columns.append(indent)
            end = indent
            while marker := _MARKER.match(line, end):
                end = marker.end()
                columns.append(end)
            if len(columns) > MAX_NESTING_DEPTH:
                return _deep_message(number, end + 1)
            value = _VALUE_START.match(line)
            start = value.end() if value else 0
            if start >= len(line) or line[start] not in "[{":
                continue
        found = _flow_depth(line, start, flow, MAX_NESTING_DEPTH - len(columns))
        if isinstance(found, tuple):
            return _deep_message(number, found[1] + 1)
        flow = found
    return None


def _flow_depth(line: str, start: int, depth: int, limit: int) -> int | tuple[int, int]:
    """The flow depth after `line[start:]`, or (depth, index) where it passes `limit`."""
    index = start
    while index < len(line):
        char = line[index]
        if char in "[{":
            depth += 1
            if depth > limit:
                return depth, index
        elif char in "]}":
            depth = max(0, depth - 1)
            if depth == 0:
                return 0
        elif char in "'\"":
            close = line.find(char, index + 1)
            if close < 0:
                return depth
            index = close
        elif char == "#" and (index == 0 or line[index - 1] in " \t"):
            return depth
        index += 1
    return depth


def _deep_message(line: int, col: int) -> tuple[str, int, int]:
    return (f"слишком глубокая вложенность списков и словарей (больше {MAX_NESTING_DEPTH} уровней): "
            "это не похоже на дорожную карту, файл не обработан", line, col)


def alias_expansion(text: str, root: Any) -> int:
    """Nodes that expanding every alias would add to the composed tree (0 without anchors)."""
    if "&" not in text or "*" not in text:
        return 0
    sizes: dict[int, int] = {}
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        children = _children(node)
        if done:
            sizes[key] = 1 + sum(sizes.get(id(child), 1) for child in children)
            continue
        if key in sizes:
            continue
        sizes[key] = 1  # a recursive alias counts once while its node is being sized
        stack.append((node, True))
        stack.extend((child, False) for child in children if id(child) not in sizes)
    return max(0, sizes[id(root)] - len(sizes))


def _children(node: Any) -> list[Any]:
    value = node.value
    if not isinstance(value, list):
        return []
    if value and isinstance(value[0], tuple):
        return [part for pair in value for part in pair]
    return value


def alias_message() -> str:
    limit = f"{MAX_ALIAS_EXPANSION:,}".replace(",", " ")
    return (f"слишком много узлов при раскрытии ссылок (*якорей): больше {limit}; "
            "похоже на «бомбу ссылок», файл не обработан")
