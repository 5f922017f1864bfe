"""Drawing a list's number as Word and LibreOffice draw it: digits, Roman numerals, letters.

Shared by the readers of Word (`docx_numbering`) and OpenDocument
(`odt_numbering`) lists, which name the same formats differently.
"""

from __future__ import annotations

from roadmapctl.model.numbering import roman_numeral

LATIN = "abcdefghijklmnopqrstuvwxyz"
RUSSIAN = "абвгдежзиклмнопрстуфхцчшщэюя"  # the list letters of Word and LibreOffice: no ё, й, ъ, ы, ь


def draw(value: int, kind: str) -> str:
    """`value` as `kind` draws it: "decimal", "decimal-zero" («01»), "roman", "ROMAN", "latin",
    "LATIN", "russian", "RUSSIAN"; a value below 1 always in digits."""
    if value < 1 or kind == "decimal":
        return str(value)
    if kind in ("roman", "ROMAN"):
        roman = roman_numeral(value)
        return roman if kind == "ROMAN" else roman.lower()
    if kind in ("latin", "LATIN", "russian", "RUSSIAN"):
        alphabet = LATIN if kind.lower() == "latin" else RUSSIAN
        times, index = divmod(value - 1, len(alphabet))  # a … z, then aa … zz: the letter repeated
        drawn = alphabet[index] * (times + 1)
        return drawn.upper() if kind.isupper() else drawn
    if kind == "decimal-zero":
        return f"{value:02d}"
    return str(value)
