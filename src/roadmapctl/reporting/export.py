"""A roadmap as a flat table for other systems: the Excel sheet a ministry template accepts.

One row per measure in document order with the columns of the approved
table (№, measure, deadline as written, executors, result, and what else the
roadmap fills), sections as merged bold rows between them — the layout
methodologists paste into a regional template — and the same table as CSV
for programs (section in its own column instead of merged rows).
"""

from __future__ import annotations

import csv
import io

from roadmapctl.model.roadmap import Item, Roadmap
from roadmapctl.reporting.xlsx import Sheet, workbook

DEFAULT = (("number", "№ п/п"), ("title", "Наименование мероприятия"), ("deadline", "Срок исполнения"),
           ("executors", "Ответственные исполнители"), ("result", "Ожидаемый результат"))
OPTIONAL = (("indicator", "Показатель"), ("form", "Форма представления результата"), ("note", "Примечание"))


def export_columns(roadmap: Roadmap) -> list[tuple[str, str]]:
    """The roadmap's own columns when it names them (`columns:`), else the usual five plus filled extras."""
    own = getattr(roadmap, "columns", None)
    if own:
        return [(c.field, c.heading) for c in own]
    extras = [(key, name) for key, name in OPTIONAL
              if any(_value(roadmap, e.item, key, "full") for e in roadmap.walk())]
    return [*DEFAULT, *extras]


def _value(roadmap: Roadmap, item: Item, key: str, names: str) -> str:
    if key == "executors":
        labels = []
        for ref in item.executors:
            known = roadmap.executors.get(ref.id)
            label = (known.label if names == "short" else known.name) if known else ref.id
            labels.append(f"{label} ({ref.note})" if ref.note else label)
        return ", ".join(labels)
    if key == "indicator":
        if item.indicator is None:
            return ""
        targets = "; ".join(f"{year}: {value}" for year, value in item.indicator.targets.items())
        return " ".join(part for part in (item.indicator.text or "", targets) if part)
    value = getattr(item, key, None)
    return "" if value is None else str(value)


def _rows(roadmap: Roadmap, names: str) -> list[tuple[str, list[str]]]:
    """("section", [label]) or ("item", cells), in document order."""
    out: list[tuple[str, list[str]]] = []
    columns = export_columns(roadmap)
    shown: set[int] = set()
    for entry in roadmap.walk():
        for section in entry.sections:
            if id(section) not in shown:
                shown.add(id(section))
                out.append(("section", [" ".join(p for p in (section.number or "", section.title) if p)]))
        out.append(("item", [_value(roadmap, entry.item, key, names) for key, _ in columns]))
    return out


def roadmap_xlsx(roadmap: Roadmap, names: str = "full") -> bytes:
    columns = export_columns(roadmap)
    sheet = Sheet("Дорожная карта", [heading for _, heading in columns], caption=roadmap.title)
    for kind, cells in _rows(roadmap, names):
        if kind == "section":
            sheet.merged_rows.add(len(sheet.rows))
            sheet.bold_rows.add(len(sheet.rows))
            sheet.rows.append([cells[0], *[""] * (len(columns) - 1)])
        else:
            sheet.rows.append(list(cells))
    return workbook([sheet])


def roadmap_csv(roadmap: Roadmap, names: str = "full") -> str:
    columns = export_columns(roadmap)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["section", *[key for key, _ in columns]])
    section = ""
    for kind, cells in _rows(roadmap, names):
        if kind == "section":
            section = cells[0]
        else:
            writer.writerow([section, *cells])
    return buffer.getvalue()
