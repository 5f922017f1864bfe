"""The execution report as a Word document in the GOST layout of `render`.

A4 landscape (the table is wide), the margins, font and page numbering of
`render` (from the second page, top centre), a heading «Информация об
исполнении … по состоянию на …», a cover paragraph with the summary, the
charts as pictures, the table of measures with its header repeated on every
page and rows kept whole, then the summaries by section and by executor.
The document is built with python-docx directly: there is no template to
keep in step, and the page rules come from `render.gost` as for the order.
"""

from __future__ import annotations

import io
from typing import Any

from roadmapctl.render import gost
from roadmapctl.reporting import words
from roadmapctl.reporting.charts import Chart
from roadmapctl.reporting.execution import ExecutionReport, ItemRow
from roadmapctl.tracking.stats import Tally

HEADERS = ("№", "Мероприятие", "Срок", "Исполнители", "Контрольная дата", "Исполнение",
           "Подтверждение, примечание")
SHARES = (0.06, 0.27, 0.10, 0.14, 0.12, 0.15, 0.16)
SUMMARY = ("Наступило", "В срок", "С нарушением срока", "Не выполнено", "Перенесено", "Ко, %")


def report_docx(report: ExecutionReport, charts: bool = True) -> bytes:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    from roadmapctl.render.context import clean
    from roadmapctl.render.docx import _page, _page_numbers

    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = gost.FONT
    style.font.size = Pt(gost.TABLE_PT)
    style.element.rPr.rFonts.set("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia",
                                 gost.FONT)
    section = doc.sections[0]
    _page(section, landscape=True)
    _page_numbers(section, restart=False)
    width = gost.text_width_mm(True)

    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run(clean(words.heading(report)))
    run.bold = True
    run.font.size = Pt(gost.TEXT_PT)
    if report.errors:
        warn = doc.add_paragraph()
        warn.add_run("Отчёт неполный: не все карты удалось прочитать — " + clean("; ".join(report.errors))).bold = True
    _text(doc, words.summary_sentence(report))
    if charts:
        from roadmapctl.reporting import charts as draw

        _picture(doc, draw.ko_bars(report.by_executor), width)
    for block in report.roadmaps:
        heading = doc.add_paragraph()
        heading.paragraph_format.keep_with_next = True
        heading.add_run(clean(block.title)).bold = True
        t = block.total
        _text(doc, f"Период: {block.period}. Наступило сроков: {t.due}, в срок: {t.on_time}, "
                   f"с нарушением: {t.late}, не выполнено: {t.overdue}, перенесено: {t.extended}; "
                   f"Ко = {words.share(t)}.")
        if charts:
            from roadmapctl.reporting import charts as draw

            _picture(doc, draw.progress(block.planned, block.done, report.as_of), width)
            _picture(doc, draw.donuts([(s.label, s.states) for s in block.sections]), width)
        rows: list[tuple[str, list[str]]] = []
        for sec in block.sections:
            rows.append(("section", [sec.label]))
            rows += [("item", cells) for row in sec.rows for cells in _item_cells(row)]
        _table(doc, HEADERS, rows, [width * s for s in SHARES])
        _text(doc, "Сводка по разделам", bold=True)
        _summary(doc, "Раздел", [s.tally for s in block.sections if s.tally.due], t, width)
    _text(doc, "Сводка по исполнителям", bold=True)
    _summary(doc, "Исполнитель", report.by_executor, report.total, width)
    _text(doc, words.KO_NOTE, size=gost.SMALL_PT)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _text(doc: Any, text: str, *, bold: bool = False, size: int | None = None) -> None:
    from docx.shared import Pt

    from roadmapctl.render.context import clean

    paragraph = doc.add_paragraph()
    run = paragraph.add_run(clean(text))
    run.bold = bold
    if size:
        run.font.size = Pt(size)
    if bold:
        paragraph.paragraph_format.keep_with_next = True


def _picture(doc: Any, chart: Chart | None, width_mm: float) -> None:
    from docx.shared import Mm

    if chart is None:
        return
    _text(doc, chart.title, bold=True)
    doc.add_paragraph().add_run().add_picture(io.BytesIO(chart.png), width=Mm(min(width_mm, 150)))


def _item_cells(row: ItemRow) -> list[list[str]]:
    base = [row.address, row.title, row.deadline or "указан датой", ", ".join(row.executors)]
    if not row.dates:
        return [[*base, "", words.remark_text(row), ""]]
    out = []
    for index, d in enumerate(row.dates):
        outcome = words.state_text(d) + (f", {words.done_text(d)}" if d.done_on else "")
        proof = "; ".join(d.evidence) + (("\n" if d.evidence else "") + d.note if d.note else "")
        out.append([*(base if index == 0 else ["", "", "", ""]), words.control_date(d), outcome, proof])
    return out


def _table(doc: Any, headers: tuple[str, ...], rows: list[tuple[str, list[str]]], widths: list[float]) -> None:
    from docx.shared import Mm

    from roadmapctl.render.context import clean
    from roadmapctl.render.ooxml import row_flag

    table = doc.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    table.autofit = False
    _fixed_layout(table)
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    row_flag(table.rows[0]._tr.get_or_add_trPr(), "tblHeader")
    for kind, cells in rows:
        row = table.add_row()
        row_flag(row._tr.get_or_add_trPr(), "cantSplit")
        if kind == "section":
            merged = row.cells[0].merge(row.cells[-1])
            merged.text = ""
            merged.paragraphs[0].add_run(clean(cells[0])).bold = True
            continue
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = clean(text)
    from docx.enum.table import WD_TABLE_ALIGNMENT

    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for column, mm in zip(table.columns, widths, strict=True):
        column.width = Mm(mm)  # the grid: LibreOffice reads widths from here
    for row in table.rows:
        for cell, mm in zip(row.cells, widths, strict=True):
            cell.width = Mm(mm)  # the cells: Word reads widths from here


def _summary(doc: Any, first: str, tallies: list[Tally], total: Tally, width: float) -> None:
    rows = [("item", [t.label, str(t.due), str(t.on_time), str(t.late), str(t.overdue), str(t.extended),
                      words.share(t)]) for t in [*tallies, total]]
    shares = [0.40] + [0.10] * 6
    _table(doc, (first, *SUMMARY), rows, [width * s for s in shares])


def _fixed_layout(table: Any) -> None:
    """Column widths as given, not stretched to the text (Word's «autofit» off for real)."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn

    tbl_pr = table._tbl.tblPr
    for old in tbl_pr.findall(qn("w:tblLayout")):
        tbl_pr.remove(old)
    tbl_pr.append(parse_xml(f'<w:tblLayout {nsdecls("w")} w:type="fixed"/>'))
