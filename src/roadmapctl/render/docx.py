"""The roadmap as a Word document: docxtpl fills the template, python-docx lays it out.

The template carries content and styles; the page is set here by the GOST
profile, so a department's own template gets the same geometry: A4 and its
margins, the order in portrait and the annex in landscape when its table is
wide, page numbers from the second page at the top centre, the corner
requisite no wider than the profile allows, the table's header row repeated
on every page, rows kept whole, and the QR code at the bottom right of the
first page.
"""

from __future__ import annotations

import io
import math
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from roadmapctl.errors import InputError
from roadmapctl.render import gost
from roadmapctl.render.gost import GostProfile
from roadmapctl.render.jinja import locate, make_env, shipped_template, template_error
from roadmapctl.render.ooxml import SECT_PR_ORDER, TBL_PR_ORDER, insert_in_order, row_flag

TEMPLATE = "roadmap.docx"
ANNEX_TABLE = "roadmap-annex"  # tblCaption of the annex table in the template
CORNER_STYLE = "Гриф"
TWIPS_PER_MM = 56.7
CHARS_PER_MM = 0.45  # Times New Roman 12 pt, Cyrillic text on average
LINE_MM = 5.0
CELL_PADDING_MM = 2.0


def render_docx(context: dict[str, Any], template: Path | None, profile: GostProfile) -> bytes:
    """Fill the template with the context and lay the result out by the profile."""
    from jinja2 import TemplateError

    path = template or shipped_template(TEMPLATE)
    document = _open(path, shipped=template is None)
    _check_tags(document, path)
    env = make_env(None, trusted=template is None)
    try:
        document.render(context, jinja_env=env, autoescape=True)
    except Exception as exc:
        # A user's template may fail in any way; ours failing is our bug.
        if template is None and not isinstance(exc, TemplateError):
            raise
        raise _located(exc, path, document, locate(exc)[1]) from None
    doc = document.docx
    layout(doc, context, profile)
    doc.core_properties.title = context["roadmap"]["title"][:250]
    doc.core_properties.author = "roadmapctl"  # the mark that lets a rerun replace the file
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _open(path: Path, *, shipped: bool = False) -> Any:
    document = _template_class()(str(path))
    if shipped:  # our template does not change while roadmapctl runs: a copy of it read once
        import copy

        document.docx = copy.deepcopy(_pristine(str(path)))
        return document
    try:
        document.init_docx()
    except Exception as exc:  # python-docx raises several kinds for a bad file
        raise InputError(f"шаблон {path} не читается как документ Word (.docx): {exc}") from None
    return document


@lru_cache(maxsize=2)
def _pristine(path: str) -> Any:
    """The shipped template as python-docx read it, never rendered itself: copying it
    costs less than half of reading the package again (its styles are 800 KB of XML)."""
    from docx import Document

    return Document(path)


@lru_cache(maxsize=1)
def _template_class() -> type:
    """DocxTemplate that prepares each part's XML for Jinja once per process.

    docxtpl rewrites the XML of the body, headers and footers (joins the runs
    a tag was split into, turns {%tr %} into loops) before every render; the
    rewrite depends on the XML alone, so its result is kept by that text —
    rendering a second roadmap with the same template skips it.
    """
    from docxtpl import DocxTemplate

    patched: dict[str, str] = {}  # the XML of a part → the same prepared for Jinja

    class Template(DocxTemplate):
        def patch_xml(self, src_xml: str) -> str:
            if src_xml not in patched:
                if len(patched) >= 32:  # a few templates' parts; a department's own ones come and go
                    del patched[next(iter(patched))]
                patched[src_xml] = str(super().patch_xml(src_xml))
            return patched[src_xml]

    return Template


def _check_tags(document: Any, path: Path) -> None:
    """Refuse a paragraph whose tag is left open: docxtpl would swallow the
    text up to the next closing brace — the signature, say — without a word."""
    from docx.oxml.ns import qn

    parts = [document.docx.part, *(rel.target_part for rel in document.docx.part.rels.values()
                                   if rel.reltype.endswith(("/header", "/footer")))]
    for part in parts:
        for p in part.element.iter(qn("w:p")):
            text = "".join(t.text or "" for t in p.iter(qn("w:t")))
            if text.count("{{") != text.count("}}") or text.count("{%") != text.count("%}"):
                raise InputError(
                    f"ошибка в шаблоне {path}: тег не закрыт в том же абзаце (около «{text[:100]}»)",
                    "каждый тег {{ … }} и {% … %} начинается и заканчивается в одном абзаце")


def _located(exc: BaseException, path: Path, document: Any, line: int | None) -> InputError:
    """Name the paragraph of the template the error is in: its text, since Word shows no lines."""
    near = ""
    if line:
        xml = re.sub(r"<w:p([ >])", r"\n<w:p\1", document.patch_xml(document.get_xml()))
        lines = xml.splitlines()
        if 0 < line <= len(lines):
            text = re.sub(r"<[^>]+>", " ", lines[line - 1])
            # loop and condition tags of neighbouring paragraphs share the line
            near = " ".join((re.sub(r"{%.*?%}", " ", text).strip() or text).split())[:100]
    error = template_error(exc, str(path), line, where="строка разметки")
    if near:
        error.message += f" (около «{near}»)"
    return error


def layout(doc: Any, context: dict[str, Any], profile: GostProfile) -> None:
    """Apply the profile's page rules to a rendered document."""
    sections = list(doc.sections)
    annex_landscape = bool(context["has_annex"] and context["landscape"])
    for index, section in enumerate(sections):
        is_annex = context["has_annex"] and index == len(sections) - 1
        _page(section, landscape=is_annex and annex_landscape)
        _page_numbers(section, restart=is_annex and index > 0)
    if context["qr"]:
        _qr(sections[0], context["qr"])
    width = gost.text_width_mm(annex_landscape)
    names: dict[str | None, str | None] = {}  # style id → name: python-docx looks a style up by XPath each time
    for paragraph in doc.paragraphs:
        style_id = paragraph._p.style
        if style_id not in names:
            names[style_id] = paragraph.style.name if paragraph.style is not None else None
        if names[style_id] == CORNER_STYLE:
            _corner(paragraph, width - profile.corner_width_mm)
    table = _annex_table(doc)
    if table is not None and context["has_annex"]:
        shares = [col["share"] for col in context["annex"]["columns"]]
        _table(table, [width * share for share in shares], annex_landscape)


def _page(section: Any, *, landscape: bool) -> None:
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm

    short, long = Mm(gost.PAGE_WIDTH_MM), Mm(gost.PAGE_HEIGHT_MM)
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (long, short) if landscape else (short, long)
    section.left_margin = Mm(gost.MARGIN_LEFT_MM)
    section.right_margin = Mm(gost.MARGIN_RIGHT_MM)
    section.top_margin = Mm(gost.MARGIN_TOP_MM)
    section.bottom_margin = Mm(gost.MARGIN_BOTTOM_MM)
    section.header_distance = Mm(gost.HEADER_DISTANCE_MM)
    section.footer_distance = Mm(gost.HEADER_DISTANCE_MM)


def _page_numbers(section: Any, *, restart: bool) -> None:
    """A PAGE field at the top centre from the second page of the section on."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn
    from docx.shared import Pt

    section.different_first_page_header_footer = True
    header = section.header
    header.is_linked_to_previous = False
    for paragraph in header.paragraphs[1:]:
        paragraph._p.getparent().remove(paragraph._p)
    paragraph = header.paragraphs[0]
    for run in paragraph.runs:
        run._r.getparent().remove(run._r)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    field = parse_xml(
        f'<w:fldSimple {nsdecls("w")} w:instr=" PAGE "><w:r><w:rPr>'
        f'<w:rFonts w:ascii="{gost.FONT}" w:hAnsi="{gost.FONT}" w:cs="{gost.FONT}"/>'
        f'<w:sz w:val="{gost.TABLE_PT * 2}"/></w:rPr><w:t>2</w:t></w:r></w:fldSimple>')
    paragraph._p.append(field)
    paragraph.paragraph_format.space_after = Pt(0)
    section.first_page_header.is_linked_to_previous = False
    section.first_page_footer.is_linked_to_previous = False  # the QR belongs to page one only
    sectpr = section._sectPr
    for old in sectpr.findall(qn("w:pgNumType")):
        sectpr.remove(old)
    if restart:
        insert_in_order(sectpr, parse_xml(f'<w:pgNumType {nsdecls("w")} w:start="1"/>'), SECT_PR_ORDER)



def _qr(section: Any, text: str) -> None:
    """The QR-code requisite: bottom right of the first page, in its own footer."""
    import segno
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm

    image = io.BytesIO()
    segno.make(text, error="m").save(image, kind="png", scale=10, border=2)
    image.seek(0)
    footer = section.first_page_footer
    footer.is_linked_to_previous = False
    paragraph = footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    paragraph.add_run().add_picture(image, width=Mm(gost.QR_SIZE_MM))


def _corner(paragraph: Any, left_mm: float) -> None:
    from docx.shared import Mm

    paragraph.paragraph_format.left_indent = Mm(max(left_mm, 0))
    paragraph.paragraph_format.first_line_indent = Mm(0)


def _annex_table(doc: Any) -> Any | None:
    from docx.oxml.ns import qn

    for table in doc.tables:
        caption = table._tbl.tblPr.find(qn("w:tblCaption"))
        if caption is not None and caption.get(qn("w:val")) == ANNEX_TABLE:
            return table
    return None


def _table(table: Any, widths_mm: list[float], landscape: bool) -> None:
    """Column widths, the repeating header row, and rows that stay on one page."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn

    twips = [round(w * TWIPS_PER_MM) for w in widths_mm]
    grid = table._tbl.tblGrid
    for col in grid.findall(qn("w:gridCol")):
        grid.remove(col)
    for width in twips:
        grid.append(parse_xml(f'<w:gridCol {nsdecls("w")} w:w="{width}"/>'))
    tbl_pr = table._tbl.tblPr
    for old in tbl_pr.findall(qn("w:tblW")) + tbl_pr.findall(qn("w:tblLayout")):
        tbl_pr.remove(old)
    insert_in_order(tbl_pr, parse_xml(f'<w:tblW {nsdecls("w")} w:w="{sum(twips)}" w:type="dxa"/>'),
            TBL_PR_ORDER)
    insert_in_order(tbl_pr, parse_xml(f'<w:tblLayout {nsdecls("w")} w:type="fixed"/>'), TBL_PR_ORDER)
    page_mm = (gost.PAGE_WIDTH_MM if landscape else gost.PAGE_HEIGHT_MM) - (
        gost.MARGIN_TOP_MM + gost.MARGIN_BOTTOM_MM)
    for index, row in enumerate(table.rows):
        cells = row._tr.findall(qn("w:tc"))
        spans = _set_cell_widths(cells, twips, widths_mm)
        tr_pr = row._tr.get_or_add_trPr()
        if _height_mm(spans) < page_mm * 0.75:
            row_flag(tr_pr, "cantSplit")
        if index == 0:
            row_flag(tr_pr, "tblHeader")


def _set_cell_widths(cells: list[Any], twips: list[int], widths_mm: list[float]) -> list[tuple[Any, float]]:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    column, spans = 0, []
    for tc in cells:
        tc_pr = tc.get_or_add_tcPr()
        span_el = tc_pr.find(qn("w:gridSpan"))
        span = int(span_el.get(qn("w:val"))) if span_el is not None else 1
        width = sum(twips[column:column + span])
        for old in tc_pr.findall(qn("w:tcW")):
            tc_pr.remove(old)
        tc_pr.insert(0, OxmlElement("w:tcW", {qn("w:w"): str(width), qn("w:type"): "dxa"}))  # no parsing per cell
        spans.append((tc, sum(widths_mm[column:column + span])))
        column += span
    return spans


def _height_mm(spans: list[tuple[Any, float]]) -> float:
    """A rough height of a row, to let rows taller than a page break after all."""
    from docx.oxml.ns import qn

    tallest = 0.0
    for tc, width in spans:
        per_line = max((width - CELL_PADDING_MM) * CHARS_PER_MM, 1)
        lines = 0
        for p in tc.iter(qn("w:p")):
            text = "".join(t.text or "" for t in p.iter(qn("w:t")))
            lines += max(1, math.ceil(len(text) / per_line))
        tallest = max(tallest, lines * LINE_MM)
    return tallest
