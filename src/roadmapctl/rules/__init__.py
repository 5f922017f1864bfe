"""The rules of `roadmapctl check`, one module per rule.

Each module opens with a docstring that documents the rule (shown by
`check --list-rules`), defines `ID`, `NAME`, `LEVEL` and one `check(ctx)`
that yields `Finding`s.  The runner stamps them with path, code and level.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from importlib import import_module
from types import ModuleType
from typing import TYPE_CHECKING

from roadmapctl.diagnostics import Level, Problem
from roadmapctl.model.records import Record, Value
from roadmapctl.model.roadmap import ItemInContext, Pos, Roadmap

if TYPE_CHECKING:
    from roadmapctl.deadlines import Deadline, Unparsed
    from roadmapctl.model.numbering import Siblings

RULE_MODULES = (
    "yaml_syntax",
    "schema",
    "dates",
    "number_as_float",
    "unknown_executor",
    "duplicate_number",
    "number_outside_section",
    "item_incomplete",
    "done_without_date",
    "completion_date",
    "deadline_unparsed",
    "deadline_outside_period",
    "deadline_before_approval",
    "duplicate_measure",
    "approval_mismatch",
    "executor_lookalike",
    "shared_marks",
    "evidence",
    "email_address",
)


class Finding(Value):
    __slots__ = ("level", "message", "pos")
    pos: Pos
    message: str
    level: Level | None  # overrides the rule's level when set

    def __init__(self, pos: Pos, message: str, level: Level | None = None) -> None:
        self.pos = pos
        self.message = message
        self.level = level


class Context(Record):
    """What a rule may look at; `as_of` stands in for «today»."""

    __slots__ = ("_deadlines", "_entries", "_siblings", "as_of", "load_problems", "roadmap")
    roadmap: Roadmap | None
    load_problems: list[Problem]
    as_of: date
    _deadlines: dict[int, Deadline | Unparsed | None]
    _entries: list[ItemInContext] | None
    _siblings: list[Siblings] | None

    def __init__(self, roadmap: Roadmap | None, load_problems: list[Problem], as_of: date,
                 _deadlines: dict[int, Deadline | Unparsed | None] | None = None,
                 _entries: list[ItemInContext] | None = None, _siblings: list[Siblings] | None = None) -> None:
        self.roadmap = roadmap
        self.load_problems = load_problems
        self.as_of = as_of
        self._deadlines = {} if _deadlines is None else _deadlines
        self._entries = _entries
        self._siblings = _siblings

    @property
    def entries(self) -> list[ItemInContext]:
        """Every item in document order, walked once for all rules (empty without a roadmap)."""
        if self._entries is None:
            self._entries = list(self.roadmap.walk()) if self.roadmap is not None else []
        return self._entries

    @property
    def siblings(self) -> list[Siblings]:
        """Every list of sibling items and sections with its numbering style, decided once for all rules."""
        if self._siblings is None:
            from roadmapctl.model.numbering import siblings

            self._siblings = list(siblings(self.roadmap)) if self.roadmap is not None else []
        return self._siblings

    def deadline(self, entry: ItemInContext) -> Deadline | Unparsed | None:
        """The item's own deadline phrase, parsed once for all rules."""
        key = id(entry.item)
        if key not in self._deadlines:
            phrase = entry.item.deadline
            period = self.roadmap.period if self.roadmap else None
            if not phrase or period is None:
                self._deadlines[key] = None
            else:
                from roadmapctl.deadlines import parse_deadline

                self._deadlines[key] = parse_deadline(phrase, period)
        return self._deadlines[key]


def all_rules() -> list[ModuleType]:
    """The rule modules in `RULE_MODULES` order (a new list each time; imported once per process)."""
    if len(_LOADED) != len(RULE_MODULES):
        _LOADED[:] = [import_module(f"roadmapctl.rules.{name}") for name in RULE_MODULES]
    return list(_LOADED)


_LOADED: list[ModuleType] = []


def warm_up() -> None:
    """Many files are about to be checked: each rule that has a `warm_up` prepares for a batch
    (R108 imports rapidfuzz once, which costs more than it saves on a single small file)."""
    for rule in all_rules():
        prepare = getattr(rule, "warm_up", None)
        if prepare is not None:
            prepare()


def run_rules(ctx: Context, path: str, rules: list[ModuleType] | None = None) -> Iterator[Problem]:
    for rule in rules or all_rules():
        for finding in rule.check(ctx):
            yield Problem(
                path, finding.pos.line, finding.pos.col, finding.level or rule.LEVEL, rule.ID,
                finding.message,
            )


def loader_findings(ctx: Context, code: str) -> Iterator[Finding]:
    """Rules enforced while loading hand their problems through here."""
    for p in ctx.load_problems:
        if p.code == code:
            yield Finding(Pos(p.line, p.col), p.message, p.level)
