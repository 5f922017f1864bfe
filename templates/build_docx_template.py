"""Build templates/roadmap.docx, the Word template `roadmapctl render` fills with docxtpl.

Run `python templates/build_docx_template.py` after changing this script and
commit both files; a test checks that the committed .docx is what the
script builds.  The output is byte-for-byte reproducible (fixed zip dates
and document properties).

The template holds only content and paragraph styles.  Page size, margins,
the landscape section of the annex, page numbers, the repeating header row
of the table and the QR code are set by roadmapctl after rendering, by the
GOST profile chosen (see docs/gost.md).  A department may open the .docx in
Word, change the letterhead or the styles and pass it with --template; keep
each {{ … }} / {% … %} tag typed in one go, without formatting inside it.
"""

from __future__ import annotations

import io
import sys
import zipfile
from datetime import datetime, timezone
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt

OUTPUT = Path(__file__).resolve().parent / "roadmap.docx"
FONT = "Times New Roman"
TEXT_WIDTH = Mm(170)  # A4 portrait less 30 mm and 10 mm margins
FIXED_TIME = datetime(2024, 1, 1, tzinfo=timezone.utc)
ANNEX_TABLE = "roadmap-annex"  # tblCaption by which roadmapctl finds the table


def _fonts(rpr_owner, size: float | None = None, bold: bool | None = None) -> None:
    font = rpr_owner.font
    font.name = FONT
    rpr = rpr_owner.element.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    if size is not None:
        font.size = Pt(size)
    if bold is not None:
        font.bold = bold


def _style(doc, name: str, *, size: float = 14, bold: bool = False,
           align=WD_ALIGN_PARAGRAPH.LEFT, first_line: Mm | None = None,
           before: float = 0, after: float = 0, left: Mm | None = None,
           right: Mm | None = None, keep_next: bool = False):
    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.quick_style = True
    _fonts(style, size, bold)
    fmt = style.paragraph_format
    fmt.alignment = align
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    fmt.first_line_indent = first_line
    fmt.left_indent = left
    fmt.right_indent = right
    fmt.keep_with_next = keep_next
    return style


def _styles(doc) -> None:
    normal = doc.styles["Normal"]
    _fonts(normal, 14, False)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr_default = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    for old in rpr_default.findall(qn("w:rFonts")) + rpr_default.findall(qn("w:lang")):
        rpr_default.remove(old)
    rpr_default.insert(0, parse_xml(
        f'<w:rFonts {nsdecls("w")} w:ascii="{FONT}" w:hAnsi="{FONT}" w:cs="{FONT}" w:eastAsia="{FONT}"/>'))
    rpr_default.append(parse_xml(f'<w:lang {nsdecls("w")} w:val="ru-RU" w:eastAsia="ru-RU" w:bidi="ar-SA"/>'))
    center, justify = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY
    _style(doc, "Бланк", bold=True, align=center, keep_next=True)
    _style(doc, "Справочные данные", size=11, align=center, before=4, keep_next=True)
    kind = _style(doc, "Вид документа", size=16, bold=True, align=center, before=14, after=12,
                  keep_next=True)
    kind.element.get_or_add_rPr().find(qn("w:sz")).addprevious(  # letter-spaced, as forms print it
        parse_xml(f'<w:spacing {nsdecls("w")} w:val="60"/>'))
    dated = _style(doc, "Дата и номер", keep_next=True)
    dated.paragraph_format.tab_stops.add_tab_stop(TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT)
    _style(doc, "Место издания", align=center, before=6, keep_next=True)
    _style(doc, "Заголовок к тексту", bold=True, before=18, after=12, right=Mm(75),
           keep_next=True)
    _style(doc, "Текст документа", align=justify, first_line=Mm(12.5))
    _style(doc, "Распорядительная часть", before=6, after=6, keep_next=True)
    signature = _style(doc, "Подпись", before=36, keep_next=True)  # with the performer mark
    signature.paragraph_format.tab_stops.add_tab_stop(TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT)
    signature.paragraph_format.right_indent = None
    _style(doc, "Исполнитель", size=10, before=30, keep_next=True)
    _style(doc, "Указатель рассылки", size=10, before=6)
    _style(doc, "Гриф", keep_next=True, left=Mm(90))
    _style(doc, "Заголовок приложения", bold=True, align=center, before=14, after=6, keep_next=True)
    _style(doc, "Период приложения", align=center, after=6, keep_next=True)
    _style(doc, "Таблица", size=12)
    _style(doc, "Таблица: шапка", size=12, bold=True, align=center)
    _style(doc, "Таблица: раздел", size=12, bold=True, keep_next=True)
    _style(doc, "Таблица: номер раздела", size=12, bold=True, align=center, keep_next=True)
    _style(doc, "Служебный", size=1)


def _hyphenation(doc) -> None:
    """Automatic hyphenation, as justified Russian text needs; after defaultTabStop by the schema."""
    settings = doc.settings.element
    tab_stop = settings.find(qn("w:defaultTabStop"))
    tab_stop.addnext(parse_xml(f'<w:autoHyphenation {nsdecls("w")}/>'))


def _p(container, text: str = "", style: str | None = None):
    paragraph = container.add_paragraph(style=style)
    if text:
        paragraph.add_run(text)
    return paragraph


def _order(doc) -> None:
    _p(doc, "{%p if has_order %}")
    _p(doc, "{%p for line in order.authority %}")
    _p(doc, "{{ line }}", "Бланк")
    _p(doc, "{%p endfor %}")
    _p(doc, "{%p if order.contacts %}")
    _p(doc, "{{ order.contacts }}", "Справочные данные")
    _p(doc, "{%p endif %}")
    _p(doc, "{{ order.kind }}", "Вид документа")
    _p(doc, '{{ order.date|date_numeric or "__________" }}\t№ {{ order.number or "______" }}',
       "Дата и номер")
    _p(doc, "{%p if order.place %}")
    _p(doc, "{{ order.place }}", "Место издания")
    _p(doc, "{%p endif %}")
    _p(doc, "{{ order.title }}", "Заголовок к тексту")
    _p(doc, "{%p if order.preamble %}")
    _p(doc, "{{ order.preamble }}", "Текст документа")
    _p(doc, "{%p endif %}")
    _p(doc, "{{ order.command }}", "Распорядительная часть")
    _p(doc, "{%p for point in order.points %}")
    point = _p(doc, "{{ point.number }} {{ point.text }}", "Текст документа")
    point._p.get_or_add_pPr().find(qn("w:pStyle")).addnext(parse_xml(  # no page break after it
        f'<w:keepNext {nsdecls("w")} w:val="{{{{ \'1\' if point.keep_next else \'0\' }}}}"/>'))
    _p(doc, "{%p endfor %}")
    _p(doc, "{{ order.signatory.position }}\t{{ order.signatory.name }}", "Подпись")
    _p(doc, "{%p if order.performer %}")
    _p(doc, "{{ order.performer }}", "Исполнитель")
    _p(doc, "{%p endif %}")
    _p(doc, "{%p if order.distribution %}")
    _p(doc, 'Разослать: {{ order.distribution|join(", ") }}', "Указатель рассылки")
    _p(doc, "{%p endif %}")
    _p(doc, "{%p endif %}")


def _section_break(doc) -> None:
    """An empty paragraph that ends the order's section when the annex follows."""
    _p(doc, "{%p if has_order and has_annex %}")
    breaker = _p(doc, "", "Служебный")
    body_sectpr = doc.element.body.find(qn("w:sectPr"))
    sectpr = parse_xml(body_sectpr.xml)
    breaker._p.get_or_add_pPr().append(sectpr)
    _p(doc, "{%p endif %}")


def _cell(cell, texts: list[tuple[str, str]]) -> None:
    """Fill a cell with paragraphs (text, style), replacing its empty first paragraph."""
    first = cell.paragraphs[0]
    for index, (text, style) in enumerate(texts):
        paragraph = first if index == 0 else cell.add_paragraph()
        paragraph.style = style
        if text:
            paragraph.add_run(text)


def _annex(doc) -> None:
    _p(doc, "{%p if has_annex %}")
    _p(doc, "{%p for line in annex.mark %}")
    _p(doc, "{{ line }}", "Гриф")
    _p(doc, "{%p endfor %}")
    _p(doc, "{{ annex.title }}", "Заголовок приложения")
    _p(doc, "{%p if annex.period_line %}")
    _p(doc, "{{ annex.period_line }}", "Период приложения")
    _p(doc, "{%p endif %}")
    table = doc.add_table(rows=10, cols=3)
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table._tbl.tblPr.append(parse_xml(f'<w:tblCaption {nsdecls("w")} w:val="{ANNEX_TABLE}"/>'))
    rows = table.rows
    head = "Таблица: шапка"
    _cell(rows[0].cells[0], [("{%tc for col in annex.columns %}", head)])
    _cell(rows[0].cells[1], [("{{ col.title }}", head)])
    _cell(rows[0].cells[2], [("{%tc endfor %}", head)])
    rows[0].cells[1].vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    _only(rows[1], "{%tr for row in annex.rows %}")
    _only(rows[2], "{%tr if row.is_section and annex.number_first %}")
    section = rows[3].cells
    section[1].merge(section[2])
    _cell(section[0], [("{{ row.number }}", "Таблица: номер раздела")])
    _cell(section[1], [("{% colspan annex.columns|length - 1 %}{{ row.title }}",
                        "Таблица: раздел")])
    # columns: that do not start with the number: number and title across the row
    _only(rows[4], "{%tr elif row.is_section %}")
    _only(rows[5], "{% colspan annex.columns|length %}{{ row.heading }}")
    rows[5].cells[0].paragraphs[0].style = doc.styles["Таблица: раздел"]
    _only(rows[6], "{%tr else %}")
    item = rows[7].cells
    _cell(item[0], [("{%tc for cell in row.cells %}", "Таблица")])
    _cell(item[1], [("{%p for line in cell.lines %}", "Таблица"), ("{{ line }}", "Таблица"),
                    ("{%p endfor %}", "Таблица")])
    line = item[1].paragraphs[1]._p.get_or_add_pPr()
    line.append(parse_xml(
        f'<w:ind {nsdecls("w")} w:left="{{{{ cell.indent * 284 }}}}"/>'))
    line.append(parse_xml(
        f'<w:jc {nsdecls("w")} w:val="{{{{ \'center\' if cell.center else \'left\' }}}}"/>'))
    _cell(item[2], [("{%tc endfor %}", "Таблица")])
    _only(rows[8], "{%tr endif %}")
    _only(rows[9], "{%tr endfor %}")
    for row in rows:
        for cell in row.cells:
            cell.width = Mm(40)
    _p(doc, "{%p endif %}")
    _p(doc, "", "Служебный")


def _only(row, text: str) -> None:
    row.cells[0].merge(row.cells[-1])
    _cell(row.cells[0], [(text, "Таблица")])


def build() -> bytes:
    """The template's bytes, the same on every run."""
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin, section.right_margin = Mm(30), Mm(10)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.header_distance, section.footer_distance = Mm(10), Mm(10)
    _styles(doc)
    _hyphenation(doc)
    body = doc.element.body
    for paragraph in list(body.iterchildren(qn("w:p"))):
        body.remove(paragraph)
    _order(doc)
    _section_break(doc)
    _annex(doc)
    props = doc.core_properties
    props.author = props.last_modified_by = "roadmapctl"
    props.title = props.subject = props.comments = props.keywords = props.category = ""
    props.created = props.modified = FIXED_TIME.replace(tzinfo=None)
    props.revision = 1
    buffer = io.BytesIO()
    doc.save(buffer)
    return _reproducible(buffer.getvalue())


def _reproducible(data: bytes) -> bytes:
    """Re-pack the zip with fixed dates so the file only changes when the content does."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


def main() -> int:
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else OUTPUT
    target.write_bytes(build())
    print(f"записан {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
