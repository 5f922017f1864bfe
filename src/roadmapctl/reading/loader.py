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
from roadmapctl.model.roadmap import (
    ROLES,
    STATUSES,
    Approval,
    Completion,
    Controller,
    Evidence,
    Executor,
    ExecutorRef,
    Extension,
    Indicator,
    Item,
    Pos,
    Roadmap,
    Section,
)
from roadmapctl.model.vocabulary import ITEM_KEYS
from roadmapctl.reading import codes
from roadmapctl.reading.layout import LayoutReader
from roadmapctl.reading.nodes import MAP, SEQ, STR, kind_of, pos_of, suggest
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


def _locate_text(record: Item, name: str, node: Any) -> None:
    """Where the stripped text of a one-line scalar begins, as field_pos["<name>.text"].

    Only where a character of the value is a character of the line (plain, or
    quoted without escapes), so a rule can point at a word inside the value.
    """
    quoted = node.style in ("'", '"')
    if node.style not in (None, "", "'", '"') or node.start_mark.line != node.end_mark.line:
        return
    if node.end_mark.column - node.start_mark.column != len(node.value) + 2 * quoted:
        return
    lead = len(node.value) - len(node.value.lstrip())
    record.field_pos[f"{name}.text"] = Pos(node.start_mark.line + 1, node.start_mark.column + 1 + quoted + lead)


def _source_problem(shown: str, problem: SourceProblem) -> Problem:
    return Problem(shown, problem.line, problem.col, "error", codes.YAML, problem.message)


class _Builder(OrderReader, LayoutReader):
    """Roadmap-specific shapes on top of the generic node reader."""

    def roadmap(self, node: Any) -> Roadmap | None:
        if node.tag != MAP:
            self.problem(pos_of(node), "в файле должна быть дорожная карта (словарь с ключами title, period, "
                                       f"sections…), а здесь {kind_of(node)}")
            return None
        f = self.fields(
            node, "дорожная карта",
            ("format", "title", "territory", "period", "approval", "goals", "executors", "default_executors",
             "numbering", "columns", "sections", "order", "controller"),
            ("title", "period", "sections"),
        )
        assert f is not None
        rm = Roadmap(path=self.path)
        self.locate(rm, node)
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
        f = self.fields(node, "controller", ("name", "email"))
        if f is None:
            return None
        c = Controller()
        self.locate(c, node)
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
        f = self.fields(node, "approval", ("stamp", "by", "kind", "date", "number"))
        if f is None:
            return None
        a = Approval()
        self.locate(a, node)
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
        f = self.fields(node, f"executors.{ident}", ("name", "short", "kind", "email"), ("name",))
        if f is None:
            return None
        ex = Executor(id=ident)
        self.locate(ex, node)
        if "email" in f:
            ex.email = self.addresses(f["email"], f"executors.{ident}.email")
        for name in ("name", "short", "kind"):
            if name in f:
                setattr(ex, name, self.text(f[name], f"executors.{ident}.{name}") or ("" if name == "name" else None))
        return ex

    def section(self, node: Any) -> Section | None:
        f = self.fields(node, "раздел", ("number", "title", "default_executors", "numbering", "items", "sections",
                                         "note"), ("title",))
        if f is None:
            return None
        s = Section()
        self.locate(s, node)
        if "number" in f:
            s.number = self.number(f["number"], "номер раздела")
        s.title = (self.text(f["title"], "название раздела") or "") if "title" in f else ""
        if "default_executors" in f:
            s.default_executors = self.default_executors(f["default_executors"])
        if "numbering" in f:
            s.numbering = self.numbering(f["numbering"])
        if "items" in f:
            s.items = self.items_of(f["items"], "items", self.item)
        if "sections" in f:
            s.sections = self.items_of(f["sections"], "sections", self.section)
        return s

    def item(self, node: Any) -> Item | None:
        f = self.fields(node, "мероприятие", ITEM_KEYS, ("title",))
        if f is None:
            return None
        it = Item()
        self.locate(it, node)
        if "number" in f:
            it.number = self.number(f["number"], "номер мероприятия")
        for name in ("key", "title", "deadline", "result", "form", "note"):
            if name in f:
                setattr(it, name, self.text(f[name], name) or ("" if name == "title" else None))
        if it.deadline:
            _locate_text(it, "deadline", f["deadline"])
        if "due" in f:
            dues = f["due"].value if f["due"].tag == SEQ else [f["due"]]
            it.due = tuple(d for n in dues if (d := self.date(n, "due")) is not None)
        if "executors" in f:
            it.executors = self.executor_refs(f["executors"])
        if "indicator" in f:
            it.indicator = self.indicator(f["indicator"])
        if "status" in f:
            status = self.text(f["status"], "status")
            if status in STATUSES:
                it.status = status
            elif status is not None:
                self.problem(pos_of(f["status"]),
                             f"status: «{status}» — допустимо {', '.join(STATUSES)}{suggest(status, STATUSES)}")
        if "completions" in f:
            it.completions = self.items_of(f["completions"], "completions", self.completion)
        if "extensions" in f:
            it.extensions = self.items_of(f["extensions"], "extensions", self.extension)
        if "items" in f:
            it.items = self.items_of(f["items"], "items", self.item)
        return it

    def executor_ref(self, node: Any) -> ExecutorRef | None:
        if node.tag == STR:
            ident = self.text(node, "executors")
            return ExecutorRef(pos=pos_of(node), id=ident) if ident else None
        f = self.fields(node, "исполнитель", ("id", "note", "role"), ("id",))
        if not f or "id" not in f:
            return None
        ref = ExecutorRef(id=self.text(f["id"], "executors.id") or "")
        self.locate(ref, node)
        ref.pos = pos_of(f["id"])
        if "note" in f:
            ref.note = self.text(f["note"], "executors.note")
        if "role" in f:
            role = self.text(f["role"], "executors.role")
            if role in ROLES:
                ref.role = role
            elif role is not None:
                self.problem(pos_of(f["role"]),
                             f"role: «{role}» — допустимо responsible (ответственный) или co (соисполнитель)")
        return ref

    def indicator(self, node: Any) -> Indicator | None:
        if node.tag == STR:
            return Indicator(pos=pos_of(node), text=self.text(node, "indicator"))
        f = self.fields(node, "indicator", ("text", "targets"))
        if f is None:
            return None
        ind = Indicator()
        self.locate(ind, node)
        if "text" in f:
            ind.text = self.text(f["text"], "indicator.text")
        if "targets" in f:
            tf = f["targets"]
            if tf.tag != MAP:
                self.problem(pos_of(tf), "indicator.targets: ожидался словарь «год: значение»")
            else:
                for key_node, value_node in tf.value:
                    value = self.text(value_node, "indicator.targets")
                    if isinstance(key_node.value, str) and value is not None:
                        ind.targets[key_node.value] = value
        return ind

    def completion(self, node: Any) -> Completion | None:
        f = self.fields(node, "отметка об исполнении", ("date", "due", "note", "evidence"), ("date",))
        if f is None:
            return None
        c = Completion()
        self.locate(c, node)
        if "date" in f:
            c.date = self.date(f["date"], "completions.date")
        if "due" in f:
            c.due = self.date(f["due"], "completions.due")
        if "note" in f:
            c.note = self.text(f["note"], "completions.note")
        if "evidence" in f:
            c.evidence = self.evidence(f["evidence"])
        return c

    def evidence(self, node: Any) -> list[Evidence]:
        """One proof or a list of them; each keeps its own position for `check`."""
        children = node.value if node.tag == SEQ else [node]
        out = []
        for child in children:
            text = self.text(child, "completions.evidence")
            if text:
                out.append(Evidence(pos_of(child), text=text))
        return out

    def extension(self, node: Any) -> Extension | None:
        f = self.fields(node, "перенос срока", ("to", "reason", "basis", "date"), ("to", "reason"))
        if f is None:
            return None
        e = Extension()
        self.locate(e, node)
        if "to" in f:
            e.to = self.date(f["to"], "extensions.to")
        if "date" in f:
            e.date = self.date(f["date"], "extensions.date")
        for name in ("reason", "basis"):
            if name in f:
                setattr(e, name, self.text(f[name], f"extensions.{name}"))
        return e
