"""The source table's columns, for the roadmap's `columns:` setting.

An annex re-printed for signature must look like the approved one: the
same fields in the same order under the same headings, executors by short
names where the original used them.  Import records what the first roadmap
table showed; `render` follows it.
"""

from __future__ import annotations

from roadmapctl.importer.rows import Entry
from roadmapctl.importer.tables import Table, headings
from roadmapctl.model.roadmap import Column, Roadmap


def source_columns(table: Table, names: str | None) -> list[Column]:
    """The first table's columns in print order, with the headings as printed.

    Executors printed by their short names (most references use a short form
    the glossary knows) get «short».  A stage column is not a field: it
    became the sections.
    """
    printed = headings(table.columns, table.header)
    out: list[Column] = []
    for name in sorted(table.columns, key=lambda n: table.columns[n]):
        if name == "stage":
            continue
        out.append(Column(field=name, heading=printed.get(name) or None,
                          names=names if name == "executors" else None))  # type: ignore[arg-type]
    return out


def names_style(entries: list[Entry], roadmap: Roadmap) -> str | None:
    """«short» when the executors that have a short form were mostly written by it."""
    short = full = 0
    for entry in entries:
        cell = entry.cells.get("executors")
        if entry.item is None or cell is None:
            continue
        text = cell.text.casefold()
        for ref in entry.item.executors:
            executor = roadmap.executors[ref.id]
            if not executor.short:
                continue  # printed by its name either way
            if executor.short.casefold() in text and executor.name.casefold() not in text:
                short += 1
            else:
                full += 1
    return "short" if short > full else None
