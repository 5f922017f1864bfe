"""From executor mentions to the `executors:` glossary and per-item references.

The same executor is written many ways in one document: «Комитет»,
«Комитета», «КОМИТЕТ»; «Управление образования» and «Управление
образования администрации ЛГО»; «ЦНМО» and «МАУ ДПО "ЦНМО"»; «ОО» for
общеобразовательные организации.  Mentions are merged when the document
itself shows they are one executor (same words up to case endings, a shorter
name whose words all occur in order in exactly one longer name with the same
head word, an abbreviation whose letters are the initials of exactly one
name, a short name that is a longer one minus its legal form).  Every merge
and every guess is returned as a note for the import report.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from roadmapctl.importer.executors import Mention, is_legal_forms
from roadmapctl.model import Executor, ExecutorRef

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
_LEVELS = ("муниципальн", "городск", "районн", "региональн", "областн", "краев", "окружн", "школьн")
_FUNCTION_WORDS = {"и", "в", "во", "по", "на", "с", "со", "для", "при", "о", "об", "г.", "г"}
_TRANSLIT = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p",
     "r", "s", "t", "u", "f", "kh", "c", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"],
))


@dataclass
class Group:
    key: str = ""
    spellings: Counter[str] = field(default_factory=Counter)
    first_seen: int = 0
    wheres: list[str] = field(default_factory=list)
    name: str | None = None  # set when expanded from an abbreviation
    short: str | None = None

    @property
    def display(self) -> str:
        if self.name:
            return self.name
        order = list(self.spellings)
        own = [s for s in order if normal(s) == self.key] or order
        return max(own, key=lambda s: (self.spellings[s], -order.index(s)))


@dataclass
class Glossary:
    executors: dict[str, Executor]
    refs: list[list[ExecutorRef]]
    notes: list[tuple[str, str]]  # (where, message)


def normal(name: str) -> str:
    text = name.casefold().replace("ё", "е")
    text = re.sub(r"[«»“”„\"]", '"', text)
    return re.sub(r"\s+", " ", text).strip()


def _words(name: str) -> list[str]:
    return normal(name).replace('"', " ").split()


def _same_word(a: str, b: str) -> bool:
    """Equal up to a case ending: «комитет» / «комитета», «организации» / «организация»."""
    if a == b:
        return True
    common = len(_prefix(a, b))
    return common >= 4 and max(len(a), len(b)) - common <= 2


def _prefix(a: str, b: str) -> str:
    out = []
    for x, y in zip(a, b):
        if x != y:
            break
        out.append(x)
    return "".join(out)


def _subsequence(short: list[str], long: list[str]) -> bool:
    position = 0
    for word in short:
        while position < len(long) and not _same_word(word, long[position]):
            position += 1
        if position == len(long):
            return False
        position += 1
    return True


def authority_names(authority: list[str], text: str) -> list[str]:
    """Issuing bodies in normal case: «КОМИТЕТ ПО ДЕЛАМ …» and «… Комитета по делам
    образования города Челябинска» in the text give «Комитет по делам образования
    города Челябинска»."""
    words = re.findall(r"\S+", text)
    names = []
    for line in authority:
        wanted = _words(line)
        if len(wanted) < 2:
            continue
        for start in range(len(words) - len(wanted) + 1):
            window = [normal(w).strip('",.:;') for w in words[start: start + len(wanted)]]
            if _same_word(window[0], wanted[0]) and window[1:] == wanted[1:]:
                tail = " ".join(words[start + 1: start + len(wanted)]).rstrip(",.:;")
                names.append(f"{wanted[0].capitalize()} {tail}")
                break
    return names


def build_glossary(cells: list[list[Mention]], authorities: list[str] = ()) -> Glossary:  # type: ignore[assignment]
    groups: dict[str, Group] = {}
    for mentions in cells:
        for mention in mentions:
            key = normal(mention.name)
            group = groups.setdefault(key, Group(key=key, first_seen=len(groups)))
            group.spellings[mention.name] += 1
            group.wheres.append(mention.where)
    alias: dict[str, str] = {key: key for key in groups}
    notes: list[tuple[str, str]] = []

    def root(key: str) -> str:
        while alias[key] != key:
            key = alias[key]
        return key

    def merge(small: str, big: str, message: str) -> None:
        small, big = root(small), root(big)
        if small == big:
            return
        alias[small] = big
        target, source = groups[big], groups[small]
        target.spellings.update(source.spellings)
        target.wheres += source.wheres
        target.first_seen = min(target.first_seen, source.first_seen)
        target.short = target.short or source.short
        notes.append((source.wheres[0], message))

    _merge_case_endings(groups, root, merge)
    _merge_abbreviations(groups, root, merge, notes)
    _merge_short_forms(groups, root, merge)
    _merge_subsequences(groups, root, merge)
    _expand_authorities(groups, root, authorities, notes)
    notes += _similar_and_suspicious(groups, root)

    roots = sorted({root(k) for k in groups}, key=lambda k: groups[k].first_seen)
    executors: dict[str, Executor] = {}
    ids: dict[str, str] = {}
    for key in roots:
        group = groups[key]
        name = _capitalized(group.display)
        ident = _unique(make_id(group.short or name), executors, name)
        executors[ident] = Executor(id=ident, name=name, short=group.short)
        ids[key] = ident
    refs = [[ExecutorRef(id=ids[root(normal(m.name))], note=m.note) for m in mentions] for mentions in cells]
    return Glossary(executors, [_dedupe(r) for r in refs], notes)


def _merge_case_endings(groups: dict[str, Group], root, merge) -> None:  # type: ignore[no-untyped-def]
    keys = list(groups)
    for i, a in enumerate(keys):
        for b in keys[i + 1:]:
            wa, wb = _words(a), _words(b)
            if root(a) != root(b) and len(wa) == len(wb) and all(map(_same_word, wa, wb)):
                big, small = (a, b) if sum(groups[a].spellings.values()) >= sum(groups[b].spellings.values()) else (b, a)
                merge(small, big, f"«{groups[small].display}» считается тем же исполнителем, что «{groups[big].display}»")


def _initials(name: str) -> str:
    return "".join(w[0] for w in _words(name) if w not in _FUNCTION_WORDS and w[0].isalpha()).upper()


def _merge_abbreviations(groups, root, merge, notes) -> None:  # type: ignore[no-untyped-def]
    for key, group in list(groups.items()):
        abbreviation = group.display
        if root(key) != key or not re.fullmatch(r"[А-ЯЁ]{2,6}", abbreviation):
            continue
        candidates = {root(k) for k in groups if root(k) != key and len(_words(k)) > 1 and _initials(k) == abbreviation}
        if len(candidates) == 1:
            target = candidates.pop()
            merge(key, target, f"«{abbreviation}» понято как сокращение от «{groups[target].display}»")
            groups[root(target)].short = abbreviation
        elif abbreviation in KNOWN_ABBREVIATIONS:
            full = KNOWN_ABBREVIATIONS[abbreviation]
            if normal(full) in groups:
                merge(key, normal(full), f"«{abbreviation}» понято как «{full}»")
                groups[root(normal(full))].short = abbreviation
            else:
                group.name, group.short = full, abbreviation
                notes.append((group.wheres[0], f"«{abbreviation}» раскрыто как «{full}» — проверьте"))


def _merge_short_forms(groups, root, merge) -> None:  # type: ignore[no-untyped-def]
    """«ЦНМО» and «МАУ ДПО "ЦНМО"»: the second is the first with its legal form."""
    for key, group in list(groups.items()):
        bare = key.replace('"', "")
        longer = {root(k) for k in groups if k != key and k.replace('"', "").endswith(" " + bare)
                  and is_legal_forms(k.replace('"', "")[: -len(bare)].upper())}
        if len(longer) == 1 and root(key) == key:
            target = longer.pop()
            short = group.display
            merge(key, target, f"«{short}» — краткое наименование «{groups[target].display}»")
            groups[root(target)].short = groups[root(target)].short or short


def _expand_authorities(groups, root, authorities, notes) -> None:  # type: ignore[no-untyped-def]
    """«Комитет» alone in the table is the committee that issued the order."""
    for key, group in groups.items():
        if root(key) != key or group.name or len(_words(key)) != 1:
            continue
        full = [name for name in authorities if _same_word(_words(name)[0], _words(key)[0])]
        if len(full) == 1:
            group.short, group.name = group.display, full[0]
            notes.append((group.wheres[0], f"«{group.short}» понято как «{full[0]}» (из бланка приказа)"))


def _extends(short: list[str], long: list[str]) -> bool:
    """Same head word and the words in order, or a level adjective in front."""
    if _same_word(long[0], short[0]):
        return _subsequence(short, long)
    extra = len(long) - len(short)
    return all(w.startswith(_LEVELS) for w in long[:extra]) and all(map(_same_word, short, long[extra:]))


def _merge_subsequences(groups, root, merge) -> None:  # type: ignore[no-untyped-def]
    for key in sorted(groups, key=lambda k: len(_words(k))):
        words = _words(key)
        if root(key) != key or len(words) < 2:
            continue
        longer = {root(k) for k in groups if root(k) != key and len(_words(k)) > len(words)
                  and _extends(words, _words(k))}
        if len(longer) == 1:
            target = longer.pop()
            merge(key, target, f"«{groups[key].display}» считается сокращённым написанием "
                               f"«{groups[target].display}»")


def _similar_and_suspicious(groups, root) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    notes = []
    roots = [k for k in groups if root(k) == k]
    for key in roots:
        group = groups[key]
        words = _words(key)
        if words and words[0].endswith(("ого", "его", "ых", "их")) and group.display[:1].islower():
            notes.append((group.wheres[0], f"исполнитель «{group.display}» похож на обрывок наименования"))
        for other in roots:
            if other != key and len(words) >= 2 and len(_words(other)) > len(words) and _exact_subsequence(words, _words(other)):
                notes.append((group.wheres[0], f"исполнители «{_capitalized(group.display)}» и "
                                               f"«{_capitalized(groups[other].display)}» похожи — не один ли это исполнитель?"))
    return notes


def _exact_subsequence(short: list[str], long: list[str]) -> bool:
    remaining = iter(long)
    return all(word in remaining for word in short)


def _capitalized(name: str) -> str:
    return name[:1].upper() + name[1:] if name[:1].islower() else name


def make_id(name: str) -> str:
    """A short Latin identifier: «МБУ ДПО ЦРО» → mbu-dpo-cro, «Управление образования» → uo."""
    words = [w for w in re.findall(r"[A-Za-zА-Яа-яЁё0-9]+", name) if w not in _FUNCTION_WORDS]
    if not words:
        return "executor"
    caps = [w for w in words if w.isupper() and len(w) > 1]
    leading = [w for w in words[: len(caps)] if w in caps]
    if len(words) == 1 or all(w.isupper() or len(w) <= 5 for w in words):
        parts = [_translit(w) for w in words[:4]]
    elif leading:
        parts = [_translit(w) for w in leading[:3]]
    else:
        initials = "".join(_translit(w[0]) for w in words if w not in caps)
        parts = [initials[:6], *(_translit(w) for w in caps[:2])]
    return "-".join(p for p in parts if p)[:40] or "executor"


def _translit(word: str) -> str:
    return "".join(_TRANSLIT.get(c, c) for c in word.lower() if c.isalnum())


def _unique(ident: str, taken: dict[str, Executor], name: str) -> str:
    """«oo» is taken by «Образовательные организации»: «obshcheobr-org» for the other."""
    words = [_translit(w) for w in name.split() if w not in _FUNCTION_WORDS]
    if ident in taken and len(words) >= 2 and words[0] and words[1]:
        ident = f"{words[0][:10]}-{words[1][:3]}"
    candidate, n = ident, 2
    while candidate in taken:
        candidate, n = f"{ident}-{n}", n + 1
    return candidate


def _dedupe(refs: list[ExecutorRef]) -> list[ExecutorRef]:
    seen: dict[str, ExecutorRef] = {}
    for ref in refs:
        if ref.id in seen:
            if ref.note and not seen[ref.id].note:
                seen[ref.id].note = ref.note
        else:
            seen[ref.id] = ref
    return list(seen.values())
