"""Users' text inside Markdown, written once for every Markdown report.

A title may hold «*», «_», «|» or «<»: unescaped, Markdown turns them into
emphasis, a broken table or an HTML tag. Every ASCII punctuation character
Markdown gives meaning to is escaped with a backslash (CommonMark renders
it as the character itself); a table cell also loses its line breaks,
which would end the row.
"""

from __future__ import annotations

_SPECIAL = str.maketrans({ch: "\\" + ch for ch in "\\`*_[]<>#|~"})


def escape(text: str) -> str:
    """Text that Markdown shows as written."""
    return text.translate(_SPECIAL)


def cell(text: str) -> str:
    """Text for one cell of a Markdown table: escaped, on one line."""
    return " ".join(escape(text).splitlines())
