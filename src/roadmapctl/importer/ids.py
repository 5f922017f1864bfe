"""Short Latin identifiers for the executors glossary («МБУ ДПО ЦРО» → mbu-dpo-cro)."""

from __future__ import annotations

import re
from collections.abc import Container

from roadmapctl.importer.names import FUNCTION_WORDS

_TRANSLIT = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p",
     "r", "s", "t", "u", "f", "kh", "c", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"],
    strict=True,
))


def translit(word: str) -> str:
    return "".join(_TRANSLIT.get(c, c) for c in word.lower() if c.isalnum())


def make_id(name: str) -> str:
    """Abbreviations spelled out, other names by initials: «Управление образования администрации ЛГО» → uoa-lgo."""
    words = [w for w in re.findall(r"[A-Za-zА-Яа-яЁё0-9]+", name) if w not in FUNCTION_WORDS]
    if not words:
        return "executor"
    caps = [w for w in words if w.isupper() and len(w) > 1]
    leading = [w for w in words[: len(caps)] if w in caps]
    if len(words) == 1 or all(w.isupper() or len(w) <= 5 for w in words):
        parts = [translit(w) for w in words[:4]]
    elif leading:
        parts = [translit(w) for w in leading[:3]]
    else:
        initials = "".join(translit(w[0]) for w in words if w not in caps)
        parts = [initials[:6], *(translit(w) for w in caps[:2])]
    return "-".join(p for p in parts if p)[:40] or "executor"


def unique_id(ident: str, taken: Container[str], name: str) -> str:
    """«oo» is taken by «Образовательные организации»: «obshcheobr-org» for the other."""
    words = [translit(w) for w in name.split() if w not in FUNCTION_WORDS]
    if ident in taken and len(words) >= 2 and words[0] and words[1]:
        ident = f"{words[0][:10]}-{words[1][:3]}"
    candidate, n = ident, 2
    while candidate in taken:
        candidate, n = f"{ident}-{n}", n + 1
    return candidate
