"""Load → validate the shape → build the domain model.

The loader walks the YAML nodes field by field, so every value keeps its
position and every mistake of shape (unknown key, wrong type, missing field,
impossible date) becomes a `Problem` instead of an exception.  What cannot be
understood is left out of the model; the rules then look at what is there.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from roadmapctl.diagnostics import Problem
from roadmapctl.model.period import PeriodError, parse_period, period_from_dates
from roadmapctl.model.records import Record
from roadmapctl.model.roadmap import Approval, Controller, Executor, Pos, Roadmap
from roadmapctl.reading import codes
from roadmapctl.reading.items import ItemReader
from roadmapctl.reading.nodes import MAP, STR, kind_of, pos_of
from roadmapctl.reading.order import OrderReader
from roadmapctl.reading.yamlsource import SourceProblem, compose, read_text

_EXECUTOR_ID = re.compile(r"^\w[\w.-]*$")


class LoadResult(Record):
    __slots__ = ("path", "problems", "roadmap")
    path: str
    roadmap: Roadmap | None
    problems: list[Problem]

    def __init__(self, path: str, roadmap: Roadmap | None, problems: list[Problem] | None = None) -> None:
        self.path = path
        self.roadmap = roadmap
        self.problems = [] if problems is None else problems

    @property
    def ok(self) -> bool:
        return self.roadmap is not None


def load(path: Path, display: str | None = None, encoding: str = "auto") -> LoadResult:
    """Read one roadmap file; problems of the data are returned, never raised."""
    shown = display or str(path)
    text = read_text(path, encoding)
    if isinstance(text, SourceProblem):
        return LoadResult(shown, None, [_source_problem(shown, text)])
    return load_text(text, shown)


def load_text(text: str, shown: str) -> LoadResult:
    try:
        node = compose(text)
    except RecursionError:
        node = SourceProblem("слишком глубокая вложенность YAML")
    if isinstance(node, SourceProblem):
        return LoadResult(shown, None, [_source_problem(shown, node)])
    builder = _Builder(shown)
    if node is None:
        builder.problem(Pos(1, 1), "файл пуст: в нём нет дорожной карты", codes.YAML)
        return LoadResult(shown, None, builder.problems)
    roadmap = builder.roadmap(node)
    return LoadResult(shown, roadmap, builder.problems)


def _source_problem(shown: str, problem: SourceProblem) -> Problem:
    return Problem(shown, problem.line, problem.col, "error", codes.YAML, problem.message)


class _Builder(OrderReader, ItemReader):
    """The roadmap's own keys; sections and items are `ItemReader`'s, the order's `OrderReader`'s."""

    def roadmap(self, node: Any) -> Roadmap | None:
        if node.tag != MAP:
            self.problem(pos_of(node), "в файле должна быть дорожная карта (словарь с ключами title, period, "
                                       f"sections…), а здесь {kind_of(node)}")
            return None
        rm = Roadmap(path=self.path)
        f = self.fields(
            node, "дорожная карта",
            ("format", "title", "territory", "period", "approval", "goals", "executors", "default_executors",
             "numbering", "columns", "sections", "order", "controller"),
            ("title", "period", "sections"), rm,
        )
        assert f is not None
        if "format" in f and (self.text(f["format"], "format") or "") not in ("1", "1.0"):
            self.problem(pos_of(f["format"]), "format: поддерживается только версия формата 1")
        rm.title = self.text(f["title"], "title") or "" if "title" in f else ""
        if "territory" in f:
            rm.territory = self.text(f["territory"], "territory")
        if "period" in f:
            rm.period = self.period(f["period"])
        if "approval" in f:
            rm.approval = self.approval(f["approval"])
        if "goals" in f:
            rm.goals = self.goals(f["goals"])
        if "executors" in f:
            rm.executors = self.executors(f["executors"])
        if "default_executors" in f:
            rm.default_executors = self.default_executors(f["default_executors"])
        if "numbering" in f:
            rm.numbering = self.numbering(f["numbering"])
        if "columns" in f:
            rm.columns = self.columns(f["columns"])
        if "sections" in f:
            rm.sections = self.items_of(f["sections"], "sections", self.section)
        if "order" in f:
            rm.order = self.order(f["order"])
        if "controller" in f:
            rm.controller = self.controller(f["controller"])
        return rm

    def controller(self, node: Any) -> Controller | None:
        c = Controller()
        f = self.fields(node, "controller", ("name", "email"), into=c)
        if f is None:
            return None
        if "name" in f:
            c.name = self.text(f["name"], "controller.name")
        if "email" in f:
            c.email = self.addresses(f["email"], "controller.email")
        return c

    def addresses(self, node: Any, what: str) -> str | None:
        """One address, several in one line, or a list of them: kept as one line, comma-separated."""
        return ", ".join(self.text_list(node, what)) or None

    def period(self, node: Any) -> Any:
        if node.tag == MAP:
            f = self.fields(node, "period", ("start", "end"), ("start", "end"))
            if not f or "start" not in f or "end" not in f:
                return None
            start, end = self.date(f["start"], "period.start"), self.date(f["end"], "period.end")
            if start is None or end is None:
                return None
            try:
                return period_from_dates(start, end)
            except PeriodError as exc:
                self.problem(pos_of(node), f"period: {exc}")
                return None
        raw = self.text(node, "period")
        if raw is None:
            return None
        try:
            return parse_period(raw)
        except PeriodError as exc:
            self.problem(pos_of(node), f"period: {exc}")
            return None

    def approval(self, node: Any) -> Approval | None:
        a = Approval()
        f = self.fields(node, "approval", ("stamp", "by", "kind", "date", "number"), into=a)
        if f is None:
            return None
        for name in ("stamp", "by", "kind", "number"):
            if name in f:
                setattr(a, name, self.text(f[name], f"approval.{name}"))
        if "date" in f:
            a.date = self.date(f["date"], "approval.date")
        return a

    def goals(self, node: Any) -> list[str] | dict[str, list[str]]:
        if node.tag == MAP:
            f = self.fields(node, "goals", tuple(k.value for k, _ in node.value if isinstance(k.value, str)))
            return {key: self.text_list(value, f"goals.{key}") for key, value in (f or {}).items()}
        return self.text_list(node, "goals")

    def executors(self, node: Any) -> dict[str, Executor]:
        if node.tag != MAP:
            self.problem(pos_of(node),
                         f"executors: ожидался справочник «идентификатор: описание», а здесь {kind_of(node)}")
            return {}
        keys = tuple(k.value for k, _ in node.value if isinstance(k.value, str))
        f = self.fields(node, "executors", keys) or {}
        result: dict[str, Executor] = {}
        for key_node, value_node in node.value:
            ident = key_node.value
            if ident not in f or f[ident] is not value_node:
                continue
            if not _EXECUTOR_ID.match(ident):
                self.problem(pos_of(key_node), f"executors: идентификатор «{ident}» — допустимы буквы, цифры, "
                                               "«_», «-» и «.», без пробелов")
            ex = self.executor(ident, value_node)
            if ex is not None:
                ex.pos = pos_of(key_node)
                result[ident] = ex
        return result

    def executor(self, ident: str, node: Any) -> Executor | None:
        if node.tag == STR:
            return Executor(id=ident, name=self.text(node, f"executors.{ident}") or "")
        ex = Executor(id=ident)
        f = self.fields(node, f"executors.{ident}", ("name", "short", "kind", "email"), ("name",), ex)
        if f is None:
            return None
        if "email" in f:
            ex.email = self.addresses(f["email"], f"executors.{ident}.email")
        for name in ("name", "short", "kind"):
            if name in f:
                setattr(ex, name, self.text(f[name], f"executors.{ident}.{name}") or ("" if name == "name" else None))
        return ex
