"""DOCX output: read back with python-docx, and (when present) through LibreOffice."""

from __future__ import annotations

import functools
import importlib.util
import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm

from conftest import DATA, ROADMAPS, ROOT
from roadmapctl.reading.loader import load
from roadmapctl.render import render_document
from roadmapctl.render.context import clean

SEEDS = sorted(ROADMAPS.glob("*.yaml"))
SMALL = DATA / "positive" / "render-small.yaml"
HOSTILE = DATA / "positive" / "hostile.yaml"
QR = "https://example.org/roadmaps/15-у?a=1&b=<2>"


def _roadmap(path: Path):
    result = load(path)
    assert result.roadmap is not None and not [p for p in result.problems if p.is_error]
    return result.roadmap


def _docx(path: Path, **options) -> docx.document.Document:
    """A fresh Document each call, parsed from bytes rendered once per (file, options) in this run:
    several tests read the same document (each sample with the defaults, the small one, the hostile one)."""
    return docx.Document(io.BytesIO(_rendered(path, tuple(sorted(options.items())))))


@functools.cache
def _rendered(path: Path, options: tuple[tuple[str, object], ...]) -> bytes:
    return render_document(_roadmap(path), fmt="docx", **dict(options))  # type: ignore[arg-type]


def _distinct_cells(row) -> list:
    seen, cells = set(), []
    for cell in row.cells:
        if id(cell._tc) not in seen:
            seen.add(id(cell._tc))
            cells.append(cell)
    return cells


def _item_rows(table) -> list[tuple[str, str]]:
    """(number, title) of every item row: rows with a cell per column."""
    width = len(_distinct_cells(table.rows[0]))
    rows = []
    for row in table.rows[1:]:
        cells = _distinct_cells(row)
        if len(cells) == width:
            rows.append((cells[0].text, cells[1].text))
    return rows


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_every_item_of_each_roadmap_is_a_table_row(path: Path) -> None:
    roadmap = _roadmap(path)
    document = _docx(path)
    assert len(document.tables) == 1
    expected = [(clean(e.item.number or ""), clean(e.item.title)) for e in roadmap.walk()]
    assert _item_rows(document.tables[0]) == expected
    header = [c.text for c in _distinct_cells(document.tables[0].rows[0])]
    assert header[:4] == ["№ п/п", "Мероприятие", "Срок исполнения", "Ответственные исполнители"]
    text = [p.text for p in document.paragraphs]
    assert clean(roadmap.title) in text
    if roadmap.order is not None:
        assert "ПРИКАЗЫВАЮ:" in text
        assert roadmap.order.kind in text
        signature = f"{clean(roadmap.order.signatory.position)}\t{clean(roadmap.order.signatory.name)}"
        assert signature in text


def test_order_paragraphs_in_document_order() -> None:
    document = _docx(SMALL, what="order")
    text = [p.text for p in document.paragraphs if p.text]
    assert text == [
        "АДМИНИСТРАЦИЯ ГОРОДА ЭНСКА", "УПРАВЛЕНИЕ ОБРАЗОВАНИЯ", "ПРИКАЗ", "20.08.2023\t№ 15-у",
        "г.\u00a0Энск", "Об утверждении дорожной карты профориентации «Шаг в профессию»",
        "В целях организации профориентационной работы в 2023/2024 учебном году",
        "ПРИКАЗЫВАЮ:", "1. Утвердить дорожную карту (прилагается).", "2. Руководителям школ:",
        "2.1. назначить ответственных;", "2.2. обеспечить выполнение мероприятий.",
        "3. Контроль исполнения приказа оставляю за собой.",
        "Начальник управления\tИ.И.\u00a0Иванова", "П.П.\u00a0Петров, 12-34-56", "Разослать: дело, школы",
    ]
    assert document.tables == []
    assert len(document.sections) == 1


def test_lead_in_and_last_points_stay_with_what_follows() -> None:
    """«3. Отделу …:» never ends a page without its sub-points, nor the signature or the
    performer mark stands alone."""
    document = _docx(ROADMAPS / "belgorod-2021-2025.yaml", what="order")
    kept = {}
    for paragraph in document.paragraphs:
        if paragraph.style.name == "Текст документа" and paragraph.text[:1].isdigit():
            kept[paragraph.text.split()[0]] = paragraph.paragraph_format.keep_with_next
    assert kept == {"1.": False, "2.": True, "2.1.": False, "2.2.": False, "2.3.": False,
                    "2.4.": False, "2.5.": False, "3.": True, "3.1.": False, "3.2.": False,
                    "3.3.": False, "4.": True}
    styles = document.styles
    assert styles["Подпись"].paragraph_format.keep_with_next  # the performer mark is not left alone
    assert styles["Исполнитель"].paragraph_format.keep_with_next


def test_annex_table_header_repeats_and_rows_do_not_split() -> None:
    table = _docx(ROADMAPS / "chelyabinsk-2023-2024.yaml").tables[0]
    first = table.rows[0]._tr.trPr
    assert first.find(qn("w:tblHeader")) is not None
    for row in table.rows:
        assert row._tr.trPr.find(qn("w:cantSplit")) is not None
    assert sum(int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))) == (
        pytest.approx(Mm(257).twips, abs=10))


def test_row_taller_than_a_page_may_break() -> None:
    table = _docx(HOSTILE).tables[0]
    long_row = next(r for r in table.rows if r.cells[0].text == "1.1")
    assert long_row._tr.trPr.find(qn("w:cantSplit")) is None


def test_sections_pages_and_margins() -> None:
    document = _docx(ROADMAPS / "chelyabinsk-2023-2024.yaml")
    order, annex = document.sections
    assert _mm(order.page_width, order.page_height) == [210, 297]
    assert _mm(annex.page_width, annex.page_height) == [297, 210]
    for section in (order, annex):
        assert _mm(section.left_margin, section.right_margin) == [30, 10]
        assert _mm(section.top_margin, section.bottom_margin) == [20, 20]
        assert section.different_first_page_header_footer
        header_xml = section.header._element.xml
        assert 'w:instr=" PAGE "' in header_xml
        assert section.header.paragraphs[0].alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.CENTER
        assert "PAGE" not in section.first_page_header._element.xml
    assert annex._sectPr.find(qn("w:pgNumType")).get(qn("w:start")) == "1"
    belgorod = _docx(ROADMAPS / "belgorod-2021-2025.yaml").sections
    assert _mm(*(s.page_width for s in belgorod)) == [210, 210]  # four columns stay portrait


def _mm(*lengths) -> list[float]:
    return [round(length.mm, 1) for length in lengths]


def test_corner_requisite_fits_the_profile_width() -> None:
    for edition, limit in (("2025", 80), ("2016", 75)):
        document = _docx(ROADMAPS / "lysva-2021-2022.yaml", gost=edition)
        section = document.sections[-1]
        text_width = section.page_width - section.left_margin - section.right_margin
        marks = [p for p in document.paragraphs if p.style.name == "Гриф"]
        assert [p.text for p in marks] == [
            "УТВЕРЖДЕНА", "приказом начальника управления образования", "от 25.06.2021 №\u00a0240/01-08"]
        for paragraph in marks:
            assert text_width - paragraph.paragraph_format.left_indent == pytest.approx(Mm(limit), abs=600)


def test_qr_code_on_the_first_page_footer() -> None:
    document = _docx(SMALL, gost="2025", qr=QR)
    footer = document.sections[0].first_page_footer
    assert footer.paragraphs[0].alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.RIGHT
    assert len(footer._element.findall(".//" + qn("w:drawing"))) == 1
    annex = document.sections[1]
    assert "w:drawing" not in annex.first_page_footer._element.xml + annex.footer._element.xml
    assert "w:drawing" not in _docx(SMALL).sections[0].first_page_footer._element.xml


def test_hostile_text_prints_as_text() -> None:
    document = _docx(HOSTILE)
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Об утверждении <script>document.write(1)</script> & \"карты\" '{{ 7*7 }}' {%p if x %}" in text
    assert "Текст с управляющими символами, тегом </w:t></w:r> и сущностью &amp; &#x1;" in text
    cells = [c.text for row in document.tables[0].rows for c in row.cells]
    assert "]]></w:t><w:t>" in cells
    assert "Результат <img src=x onerror=alert(1)> & \"готово\"" in cells
    assert not any(ch in text for ch in "\x01\x02\x07\x0c\x1b")


def test_executors_short_names() -> None:
    table = _docx(SMALL, executors="short", what="annex").tables[0]
    row = next(r for r in table.rows if r.cells[0].text == "1.2")
    assert row.cells[3].text == "УО,\nЦентр занятости населения (по согласованию)"


def _build_script():
    spec = importlib.util.spec_from_file_location("build_docx_template",
                                                  ROOT / "scripts" / "build_docx_template.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_template_is_what_the_script_builds() -> None:
    built = zipfile.ZipFile(io.BytesIO(_build_script().build()))
    committed = zipfile.ZipFile(ROOT / "templates" / "roadmap.docx")
    xml = committed.read("word/document.xml").decode("utf-8")
    assert built.read("word/document.xml").decode("utf-8") == xml
    for tag in ("{%p if has_order %}", "{{ order.title }}", "{%tc for col in annex.columns %}",
                "{%tr for row in annex.rows %}", "{% colspan annex.columns|length - 1 %}",
                "{%p for line in cell.lines %}", 'w:val="roadmap-annex"'):
        assert tag in xml


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="нет LibreOffice (soffice) или pdftotext")
def test_libreoffice_shows_the_table_header_on_every_page(tmp_path: Path) -> None:
    source = tmp_path / "chelyabinsk.docx"
    source.write_bytes(render_document(_roadmap(ROADMAPS / "chelyabinsk-2023-2024.yaml"),
                                       what="annex", fmt="docx"))
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
        check=True, capture_output=True, timeout=180,
    )
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "chelyabinsk.pdf"), "-"],
                          check=True, capture_output=True, text=True).stdout
    pages = [page for page in text.split("\f") if page.strip()]
    assert len(pages) >= 3
    for number, page in enumerate(pages, start=1):
        assert "Мероприятие" in page and "Срок" in page, f"страница {number} без шапки таблицы"
        if number > 1:
            assert page.lstrip().startswith(str(number)), f"нет номера на странице {number}"
    assert not pages[0].lstrip().startswith("1")


# Word refuses a file whose properties are out of the schema's sequence.
SCHEMA_ORDER = {
    "rPr": "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint "
           "noProof snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u "
           "effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath",
    "pPr": "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers "
           "pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct "
           "autoSpaceDE autoSpaceDN bidi adjustRightInd snapToGrid spacing ind contextualSpacing "
           "mirrorIndents suppressOverlap jc textDirection textAlignment textboxTightWrap "
           "outlineLvl divId cnfStyle rPr sectPr pPrChange",
    "tblPr": "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc "
             "tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption "
             "tblDescription",
    "trPr": "cnfStyle divId gridBefore gridAfter wBefore wAfter cantSplit trHeight tblHeader "
            "tblCellSpacing jc hidden",
    "tcPr": "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection "
            "tcFitText vAlign hideMark",
    "sectPr": "headerReference footerReference footnotePr endnotePr type pgSz pgMar paperSrc "
              "pgBorders lnNumType pgNumType cols formProt vAlign noEndnote titlePg textDirection "
              "bidi rtlGutter docGrid printerSettings sectPrChange",
}


def test_properties_follow_the_schema_order() -> None:
    from lxml import etree

    data = _rendered(SMALL, (("gost", "2025"), ("qr", QR)))  # the document of the QR test: every requisite
    package = zipfile.ZipFile(io.BytesIO(data))
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    for name in package.namelist():
        if not (name.startswith("word/") and name.endswith(".xml")):
            continue
        root = etree.fromstring(package.read(name))
        for tag, order in SCHEMA_ORDER.items():
            sequence = order.split()
            for element in root.iter(w + tag):
                children = [c.tag[len(w):] for c in element if c.tag.startswith(w)]
                assert all(c in sequence for c in children), (name, tag, children)
                positions = [sequence.index(c) for c in children]
                assert positions == sorted(positions), (name, tag, children)
