"""From executor mentions to the `executors:` glossary and per-item references.

The same executor is written many ways in one document: «Комитет»,
«Комитета», «КОМИТЕТ»; «Управление образования» and «Управление
образования администрации ЛГО»; «ЦНМО» and «МАУ ДПО "ЦНМО"»; «ОО» for
общеобразовательные организации.  Mentions are merged when the document
itself shows they are one executor (a short form declared in brackets,
«… (далее – УО)»; same words up to case endings, a shorter
name whose words all occur in order in exactly one longer name with the same
head word, an abbreviation whose letters are the initials of exactly one
name, a short name that is a longer one minus its legal form, a single word
naming the body that issued the order).  Every merge and every guess is
returned as a note for the import report.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from roadmapctl.importer.executors import Mention, is_legal_forms
from roadmapctl.importer.ids import make_id, unique_id
from roadmapctl.importer.names import (
    KNOWN_ABBREVIATIONS,
    capitalized,
    exact_subsequence,
    extends,
    initials,
    normal,
    same_word,
    words,
)
from roadmapctl.model.roadmap import Executor, ExecutorRef


@dataclass
class Group:
    """All spellings of one executor; `key` is the normal form of its fullest name."""

    key: str
    first_seen: int
    spellings: Counter[str] = field(default_factory=Counter)
    wheres: list[str] = field(default_factory=list)
    name: str | None = None  # set when the name comes from outside the cell (expansion)
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


class _Merger:
    """Groups of spellings, merged into one another (a union-find on normal forms)."""

    def __init__(self, cells: list[list[Mention]]) -> None:
        self.groups: dict[str, Group] = {}
        for mentions in cells:
            for mention in mentions:
                key = normal(mention.name)
                group = self.groups.setdefault(key, Group(key, len(self.groups)))
                group.spellings[mention.name] += 1
                group.wheres.append(mention.where)
                group.short = group.short or mention.short
        self.alias = {key: key for key in self.groups}
        self.notes: list[tuple[str, str]] = []

    def root(self, key: str) -> str:
        while self.alias[key] != key:
            key = self.alias[key]
        return key

    def roots(self) -> list[str]:
        return [k for k in self.groups if self.root(k) == k]

    def merge(self, small: str, big: str, message: str) -> None:
        small, big = self.root(small), self.root(big)
        if small == big:
            return
        self.alias[small] = big
        target, source = self.groups[big], self.groups[small]
        target.spellings.update(source.spellings)
        target.wheres += source.wheres
        target.first_seen = min(target.first_seen, source.first_seen)
        target.short = target.short or source.short
        self.notes.append((source.wheres[0], message))

    def declared(self) -> None:
        """«УО» elsewhere is the executor whose cell declared «(далее – УО)»."""
        for key in self.roots():
            short = self.groups[key].short
            if short and normal(short) in self.groups:
                self.merge(normal(short), key, f"«{short}» — сокращение, введённое в документе для "
                                               f"«{self.groups[key].display}»")

    def case_endings(self) -> None:
        keys = list(self.groups)
        for i, a in enumerate(keys):
            for b in keys[i + 1:]:
                wa, wb = words(a), words(b)
                if self.root(a) != self.root(b) and len(wa) == len(wb) and all(map(same_word, wa, wb)):
                    count_a, count_b = (sum(self.groups[k].spellings.values()) for k in (a, b))
                    big, small = (a, b) if count_a >= count_b else (b, a)
                    self.merge(small, big, f"«{self.groups[small].display}» считается тем же исполнителем, "
                                           f"что «{self.groups[big].display}»")

    def abbreviations(self) -> None:
        for key in self.roots():
            group = self.groups[key]
            abbreviation = group.display
            if not re.fullmatch(r"[А-ЯЁ]{2,6}", abbreviation):
                continue
            candidates = {self.root(k) for k in self.groups
                          if self.root(k) != key and len(words(k)) > 1 and initials(k) == abbreviation}
            if len(candidates) == 1:
                target = candidates.pop()
                self.merge(key, target, f"«{abbreviation}» понято как сокращение от «{self.groups[target].display}»")
                self.groups[self.root(target)].short = abbreviation
            elif abbreviation in KNOWN_ABBREVIATIONS:
                full = KNOWN_ABBREVIATIONS[abbreviation]
                if normal(full) in self.groups:
                    self.merge(key, normal(full), f"«{abbreviation}» понято как «{full}»")
                    self.groups[self.root(normal(full))].short = abbreviation
                else:
                    group.name, group.short = full, abbreviation
                    self.notes.append((group.wheres[0], f"«{abbreviation}» раскрыто как «{full}» — проверьте"))

    def short_forms(self) -> None:
        """«ЦНМО» and «МАУ ДПО "ЦНМО"»: the second is the first with its legal form."""
        for key in self.roots():
            bare = key.replace('"', "")
            longer = {self.root(k) for k in self.groups
                      if k != key and k.replace('"', "").endswith(" " + bare)
                      and is_legal_forms(k.replace('"', "")[: -len(bare)].upper())}
            if len(longer) == 1 and self.root(key) == key:
                target = longer.pop()
                short = self.groups[key].display
                self.merge(key, target, f"«{short}» — краткое наименование «{self.groups[target].display}»")
                self.groups[self.root(target)].short = self.groups[self.root(target)].short or short

    def fuller_spellings(self) -> None:
        for key in sorted(self.groups, key=lambda k: len(words(k))):
            own = words(key)
            if self.root(key) != key or len(own) < 2:
                continue
            longer = {self.root(k) for k in self.groups
                      if self.root(k) != key and len(words(k)) > len(own) and extends(own, words(k))}
            if len(longer) == 1:
                target = longer.pop()
                self.merge(key, target, f"«{self.groups[key].display}» считается сокращённым написанием "
                                        f"«{self.groups[target].display}»")

    def authorities(self, names: Sequence[str]) -> None:
        """«Комитет» alone in the table is the committee that issued the order."""
        for key in self.roots():
            group = self.groups[key]
            if group.name or len(words(key)) != 1:
                continue
            full = [name for name in names if same_word(words(name)[0], words(key)[0])]
            if len(full) == 1:
                group.short, group.name = group.display, full[0]
                self.notes.append((group.wheres[0], f"«{group.short}» понято как «{full[0]}» (из бланка приказа)"))

    def doubts(self) -> None:
        """Torn-off words and names that look like one another, for a human to decide."""
        roots = self.roots()
        for key in roots:
            group, own = self.groups[key], words(key)
            if own and own[0].endswith(("ого", "его", "ых", "их")) and group.display[:1].islower():
                self.notes.append((group.wheres[0], f"исполнитель «{group.display}» похож на обрывок наименования"))
            for other in roots:
                if other != key and len(own) >= 2 and len(words(other)) > len(own) \
                        and exact_subsequence(own, words(other)):
                    self.notes.append((group.wheres[0], (
                        f"исполнители «{capitalized(group.display)}» и "
                        f"«{capitalized(self.groups[other].display)}» похожи — не один ли это исполнитель?")))


def build_glossary(cells: list[list[Mention]], authorities: Sequence[str] = ()) -> Glossary:
    merger = _Merger(cells)
    merger.declared()
    merger.case_endings()
    merger.abbreviations()
    merger.short_forms()
    merger.fuller_spellings()
    merger.authorities(authorities)
    merger.doubts()
    executors: dict[str, Executor] = {}
    ids: dict[str, str] = {}
    for key in sorted(merger.roots(), key=lambda k: merger.groups[k].first_seen):
        group = merger.groups[key]
        name = capitalized(group.display)
        ident = unique_id(make_id(group.short or name), executors, name)
        executors[ident] = Executor(id=ident, name=name, short=group.short)
        ids[key] = ident
    refs = [[ExecutorRef(id=ids[merger.root(normal(m.name))], note=m.note) for m in mentions] for mentions in cells]
    return Glossary(executors, [_dedupe(r) for r in refs], merger.notes)


def _dedupe(refs: list[ExecutorRef]) -> list[ExecutorRef]:
    """One executor named twice in a cell is one reference; a note is kept."""
    seen: dict[str, ExecutorRef] = {}
    for ref in refs:
        if ref.id in seen:
            if ref.note and not seen[ref.id].note:
                seen[ref.id].note = ref.note
        else:
            seen[ref.id] = ref
    return list(seen.values())
