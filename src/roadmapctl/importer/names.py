"""Comparing executor names as Russian text: normal form, words, case endings.

Names in one document differ by case («Комитет» / «Комитета»), by letter
case («КОМИТЕТ»), by quotes («ДПШ» / "ДПШ") and by words left out
(«Управление образования» / «Управление образования администрации ЛГО»).
These helpers compare words up to such differences; `glossary` decides what
to merge.
"""

from __future__ import annotations

import re

from roadmapctl.model.text import fold

# Abbreviations every Russian education document uses without expanding them.
KNOWN_ABBREVIATIONS = {
    "ОО": "Общеобразовательные организации",
    "ПОО": "Профессиональные образовательные организации",
    "ВО": "Образовательные организации высшего образования",
    "УДО": "Учреждения дополнительного образования",
    "ДОО": "Дошкольные образовательные организации",
    "ОДО": "Организации дополнительного образования",
    "ОМСУ": "Органы местного самоуправления",
    "ЦЗН": "Центр занятости населения",
    "СМИ": "Средства массовой информации",
}
# Level adjectives: «Муниципальная рабочая группа» is the «рабочая группа» of a municipal roadmap.
LEVELS = ("муниципальн", "городск", "районн", "региональн", "областн", "краев", "окружн", "школьн")
FUNCTION_WORDS = {"и", "в", "во", "по", "на", "с", "со", "для", "при", "о", "об", "г.", "г"}


def normal(name: str) -> str:
    """Lower case, «ё» as «е», one kind of quotes, single spaces."""
    text = fold(name)
    text = re.sub(r"[«»“”„\"]", '"', text)
    return re.sub(r"\s+", " ", text).strip()


def words(name: str) -> list[str]:
    return normal(name).replace('"', " ").split()


def same_word(a: str, b: str) -> bool:
    """Equal up to a case ending: «комитет» / «комитета», «организации» / «организация»."""
    if a == b:
        return True
    common = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        common += 1
    return common >= 4 and max(len(a), len(b)) - common <= 2


def subsequence(short: list[str], long: list[str]) -> bool:
    """Do the words of `short` occur in `long` in order (up to case endings)?"""
    position = 0
    for word in short:
        while position < len(long) and not same_word(word, long[position]):
            position += 1
        if position == len(long):
            return False
        position += 1
    return True


def exact_subsequence(short: list[str], long: list[str]) -> bool:
    remaining = iter(long)
    return all(word in remaining for word in short)


def extends(short: list[str], long: list[str]) -> bool:
    """Is `long` a fuller spelling: same head word and the words in order, or a level adjective in front?"""
    if same_word(long[0], short[0]):
        return subsequence(short, long)
    extra = len(long) - len(short)
    return all(w.startswith(LEVELS) for w in long[:extra]) and all(map(same_word, short, long[extra:]))


def initials(name: str) -> str:
    return "".join(w[0] for w in words(name) if w not in FUNCTION_WORDS and w[0].isalpha()).upper()


def capitalized(name: str) -> str:
    return name[:1].upper() + name[1:] if name[:1].islower() else name


def authority_names(authority: list[str], text: str) -> list[str]:
    """Issuing bodies in normal letter case.

    The letterhead «КОМИТЕТ ПО ДЕЛАМ ОБРАЗОВАНИЯ ГОРОДА ЧЕЛЯБИНСКА» and «…
    к приказу Комитета по делам образования города Челябинска» in the text
    give «Комитет по делам образования города Челябинска».
    """
    tokens = re.findall(r"\S+", text)
    names = []
    for line in authority:
        wanted = words(line)
        if len(wanted) < 2:
            continue
        for start in range(len(tokens) - len(wanted) + 1):
            window = [normal(w).strip('",.:;') for w in tokens[start: start + len(wanted)]]
            if same_word(window[0], wanted[0]) and window[1:] == wanted[1:]:
                tail = " ".join(tokens[start + 1: start + len(wanted)]).rstrip(",.:;")
                names.append(f"{wanted[0].capitalize()} {tail}")
                break
    return names
