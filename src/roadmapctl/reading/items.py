"""Reading sections and items: the measures of a roadmap, field by field.

Split from the loader, which reads the keys of the roadmap itself (title,
period, approval, the executors' glossary) and mixes this reader in.  Each
record is located in the same pass that checks its keys (`NodeReader.fields`
with `into`): a roadmap has a mapping per item and per executor reference,
and most of the loading time went into walking each of them twice.
"""

from __future__ import annotations

from typing import Any

from roadmapctl.model.roadmap import (
    ROLES,
    STATUSES,
    Completion,
    Evidence,
    ExecutorRef,
    Extension,
    Indicator,
    Item,
    Pos,
    Section,
)
from roadmapctl.model.vocabulary import ITEM_KEYS
from roadmapctl.reading.layout import LayoutReader
from roadmapctl.reading.nodes import MAP, SEQ, STR, pos_of, suggest


def locate_text(record: Item, name: str, node: Any) -> None:
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


class ItemReader(LayoutReader):
    """Sections, items and what an item holds (executors, indicator, completions, extensions)."""

    def section(self, node: Any) -> Section | None:
        s = Section()
        f = self.fields(node, "раздел", ("number", "title", "default_executors", "numbering", "items", "sections",
                                         "note"), ("title",), s)
        if f is None:
            return None
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
        it = Item()
        f = self.fields(node, "мероприятие", ITEM_KEYS, ("title",), it)
        if f is None:
            return None
        if "number" in f:
            it.number = self.number(f["number"], "номер мероприятия")
        for name in ("key", "title", "deadline", "result", "form", "note"):
            if name in f:
                setattr(it, name, self.text(f[name], name) or ("" if name == "title" else None))
        if it.deadline:
            locate_text(it, "deadline", f["deadline"])
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
        ref = ExecutorRef()
        f = self.fields(node, "исполнитель", ("id", "note", "role"), ("id",), ref)
        if not f or "id" not in f:
            return None
        ref.id = self.text(f["id"], "executors.id") or ""
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
        ind = Indicator()
        f = self.fields(node, "indicator", ("text", "targets"), into=ind)
        if f is None:
            return None
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
        c = Completion()
        f = self.fields(node, "отметка об исполнении", ("date", "due", "note", "evidence"), ("date",), c)
        if f is None:
            return None
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
        e = Extension()
        f = self.fields(node, "перенос срока", ("to", "reason", "basis", "date"), ("to", "reason"), e)
        if f is None:
            return None
        if "to" in f:
            e.to = self.date(f["to"], "extensions.to")
        if "date" in f:
            e.date = self.date(f["date"], "extensions.date")
        for name in ("reason", "basis"):
            if name in f:
                setattr(e, name, self.text(f[name], f"extensions.{name}"))
        return e
