"""Reading how a roadmap's table is laid out: `columns`, `default_executors`, `numbering`.

These keys describe the original document rather than its measures: which
columns its table had and in what order, who answers for items of a table
without an executors column, and how it numbers its items.  Kept apart from
the loader, which reads the measures themselves.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from roadmapctl.model.roadmap import (
    COLUMN_FIELDS,
    NAMES_STYLES,
    NUMBERING_STYLES,
    Column,
    ExecutorRef,
    Numbering,
    Pos,
)
from roadmapctl.reading.nodes import MAP, SEQ, STR, NodeReader, kind_of, pos_of, suggest


class LayoutReader(NodeReader):
    # Reading one executor reference is the loader's (it mixes this class in); declared for the type checker.
    executor_ref: Callable[[Any], ExecutorRef | None]

    def executor_refs(self, node: Any) -> list[ExecutorRef]:
        """One reference or a list of them, as `executors:` of an item is written."""
        refs = node.value if node.tag == SEQ else [node]
        return [r for n in refs if (r := self.executor_ref(n)) is not None]

    def default_executors(self, node: Any) -> list[ExecutorRef]:
        return self.executor_refs(node)

    def numbering(self, node: Any) -> Numbering | None:
        style = self.text(node, "numbering")
        if style in NUMBERING_STYLES:
            return style
        if style is not None:
            self.problem(pos_of(node), f"numbering: «{style}» — допустимо hierarchical (сквозная «1.1», «1.2») "
                                       "или local («1.», «2.» заново в каждом разделе)"
                                       f"{suggest(style, NUMBERING_STYLES)}")
        return None

    def columns(self, node: Any) -> list[Column]:
        if node.tag != SEQ:
            self.problem(pos_of(node), f"columns: ожидался список столбцов (строки, начинающиеся с «- »), "
                                       f"а здесь {kind_of(node)}")
            return []
        if not node.value:
            self.problem(pos_of(node),
                         "columns: список столбцов пуст; уберите ключ, чтобы печатать столбцы по умолчанию")
            return []
        result: list[Column] = []
        seen: dict[str, Pos] = {}
        for child in node.value:
            column = self.column(child)
            if column is None:
                continue
            if column.field in seen:
                self.problem(column.where("field"), f"columns: столбец «{column.field}» уже указан "
                                                    f"в строке {seen[column.field].line}")
                continue
            seen[column.field] = column.where("field")
            result.append(column)
        return result

    def column(self, node: Any) -> Column | None:
        if node.tag == STR:
            field = self.text(node, "columns.field")
            return self._column_field(Column(pos=pos_of(node), field_pos={"field": pos_of(node)}), field, node)
        if node.tag != MAP:
            self.problem(pos_of(node), f"columns: ожидался столбец {{field: …, heading: …}}, а здесь {kind_of(node)}")
            return None
        f = self.fields(node, "столбец", ("field", "heading", "names"), ("field",))
        if not f or "field" not in f:
            return None
        column = Column()
        self.locate(column, node)
        if self._column_field(column, self.text(f["field"], "columns.field"), f["field"]) is None:
            return None
        if "heading" in f:
            column.heading = self.text(f["heading"], "columns.heading") or None
        if "names" in f:
            names = self.text(f["names"], "columns.names")
            if column.field != "executors":
                self.problem(pos_of(f["names"]), "columns: names задаётся только у столбца executors")
            elif names in NAMES_STYLES:
                column.names = names
            elif names is not None:
                self.problem(pos_of(f["names"]), f"columns.names: «{names}» — допустимо short (краткие "
                                                 f"наименования) или full (полные){suggest(names, NAMES_STYLES)}")
        return column

    def _column_field(self, column: Column, field: str | None, node: Any) -> Column | None:
        if field in COLUMN_FIELDS:
            column.field = field
            return column
        if field is not None:
            self.problem(pos_of(node), f"columns.field: «{field}» — допустимо {', '.join(COLUMN_FIELDS)}"
                                       f"{suggest(field, COLUMN_FIELDS)}")
        return None
