"""`roadmapctl import` of a Word table whose «№» column is a numbered list (Word draws the numbers).

Documents are built here with python-docx and list definitions written into
their numbering part: two levels («1.», «1.1.»), a list restarted in a second
table, numbering through a paragraph style, bullets, numbering switched off,
Roman numerals and Russian letters, «legal» numbering.  In the thorough
profile LibreOffice prints the document and the numbers it draws must be
the ones imported.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from conftest import imported
from import_forms import soffice


def _level(ilvl: int, fmt: str, text: str, start: int = 1, legal: bool = False) -> str:
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/>{"<w:isLgl/>" if legal else ""}</w:lvl>')


def _document(levels: str, rows: list[tuple[Any, ...]], *, second: list[tuple[Any, ...]] | None = None) -> Any:
    """A document: a title, then a table whose rows are ("s", level, title) — a section merged across
    — or ("i", level, title, deadline, executor); `level` None for no list. A second table restarts
    the list (`w:startOverride`)."""
    from docx import Document
    from docx.oxml.ns import nsdecls
    from docx.oxml.parser import parse_xml

    doc = Document()
    numbering = doc.part.numbering_part.element
    numbering.insert(0, parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">{levels}</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="91"><w:abstractNumId w:val="90"/>'
                               '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'))
    doc.add_paragraph("План мероприятий на 2025/2026 учебный год")
    for num_id, table_rows in ((90, rows), (91, second or [])):
        if not table_rows:
            continue
        table = doc.add_table(rows=1, cols=4)
        table.style = "Table Grid"
        for cell, heading in zip(table.rows[0].cells, ("№ п/п", "Мероприятие", "Срок", "Ответственный"),
                                 strict=True):
            cell.text = heading
        for kind, level, *texts in table_rows:
            cells = table.add_row().cells
            if level is not None:
                properties = cells[0].paragraphs[0]._p.get_or_add_pPr()
                properties.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/>'
                                            f'<w:numId w:val="{num_id}"/></w:numPr>'))
            if kind == "s":
                cells[1].merge(cells[3]).text = texts[0]
            else:
                cells[1].text, cells[2].text, cells[3].text = texts
    return doc


TWO_LEVELS = _level(0, "decimal", "%1.") + _level(1, "decimal", "%1.%2.")
ROWS = [("s", 0, "Организационная работа"), ("i", 1, "Совещание", "сентябрь", "Директор"),
        ("i", 1, "Семинар", "октябрь", "Методист"), ("s", 0, "Работа с кадрами"),
        ("i", 1, "Курсы", "ноябрь", "Завуч")]
SECOND = [("s", 0, "Работа с родителями"), ("i", 1, "Собрание", "декабрь", "Классные руководители")]


def _numbers(roadmap: Any) -> list[tuple[str | None, list[str | None]]]:
    return [(s.number, [i.number for i in s.items]) for s in roadmap.sections]


def _drawn(doc: Any) -> list[str]:
    """The first column's texts once the numbers are drawn (the module alone, no import)."""
    from roadmapctl.importer.docx_numbering import number_paragraphs

    body = doc.element.body
    number_paragraphs(body, doc.part.numbering_part.element, doc.styles.element)
    return ["".join(t.text or "" for t in row.cells[0]._tc.iter(f"{W}t")).strip()
            for table in doc.tables for row in table.rows[1:]]


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def test_the_numbers_word_draws_are_imported(tmp_path: Path, cli) -> None:
    source = tmp_path / "plan.docx"
    _document(TWO_LEVELS, ROWS).save(source)
    _result, roadmap = imported(cli, source, tmp_path / "plan.yaml")
    assert _numbers(roadmap) == [("1.", ["1.1.", "1.2."]), ("2.", ["2.1."])]
    assert [i.title for s in roadmap.sections for i in s.items] == ["Совещание", "Семинар", "Курсы"]


def test_roman_sections_with_legal_item_numbers(tmp_path: Path, cli) -> None:
    """«Legal» numbering: every level's number in decimal (I. holds 1.1., 1.2.)."""
    source = tmp_path / "plan.docx"
    _document(_level(0, "upperRoman", "%1.") + _level(1, "decimal", "%1.%2.", legal=True), ROWS).save(source)
    _result, roadmap = imported(cli, source, tmp_path / "plan.yaml")
    assert _numbers(roadmap) == [("I", ["1.1.", "1.2."]), ("II", ["2.1."])]


@pytest.mark.parametrize(("levels", "expected"), [
    (TWO_LEVELS, ["1.", "1.1.", "1.2.", "2.", "2.1.", "1.", "1.1."]),  # the second table restarts the list
    (_level(0, "russianUpper", "%1)") + _level(1, "lowerLetter", "%2.", start=3),
     ["А)", "c.", "d.", "Б)", "c.", "А)", "c."]),
    (_level(0, "decimalZero", "%1") + _level(1, "lowerRoman", "%1.%2"), ["01", "01.i", "01.ii", "02", "02.i", "01", "01.i"]),
    (_level(0, "decimal", "Раздел %1.") + _level(1, "bullet", "•"), ["Раздел 1.", "", "", "Раздел 2.", "", "Раздел 1.", ""]),
])
def test_formats_start_values_restarts_and_bullets(levels: str, expected: list[str]) -> None:
    assert _drawn(_document(levels, ROWS, second=SECOND)) == expected


def test_numbering_through_a_paragraph_style_and_switched_off() -> None:
    """python-docx's «List Number» style numbers its paragraphs; `w:numId` 0 on a paragraph switches it off."""
    from docx import Document
    from docx.oxml.ns import nsdecls
    from docx.oxml.parser import parse_xml

    doc = Document()
    table = doc.add_table(rows=4, cols=2)
    for index, row in enumerate(table.rows[1:]):
        row.cells[0].paragraphs[0].style = doc.styles["List Number"]
        if index == 1:
            row.cells[0].paragraphs[0]._p.get_or_add_pPr().append(
                parse_xml(f'<w:numPr {nsdecls("w")}><w:numId w:val="0"/></w:numPr>'))
    assert _drawn(doc) == ["1.", "", "2."]


@pytest.mark.slow
def test_libreoffice_draws_the_numbers_that_are_imported(tmp_path: Path, cli) -> None:
    exe = soffice()
    if not exe or not shutil.which("pdftotext"):
        pytest.skip("LibreOffice (soffice) или pdftotext не установлены")
    levels = _level(0, "decimal", "%1.", start=2) + _level(1, "decimal", "%1.%2.", start=3)
    _document(levels, ROWS, second=SECOND).save(tmp_path / "plan.docx")
    subprocess.run([exe, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(tmp_path / "plan.docx")],
                   check=True, capture_output=True, timeout=300, env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"})
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "plan.pdf"), "-"], check=True,
                          capture_output=True, text=True).stdout
    drawn = [line.split()[0] for line in text.splitlines() if re.match(r"\s*\d+\.", line)]
    result = cli("import", tmp_path / "plan.docx", "-o", tmp_path / "plan.yaml")
    assert result.code in (0, 1), result.err  # the restarted list repeats numbers: `check` finds that
    from roadmapctl.reading.loader import load

    roadmap = load(tmp_path / "plan.yaml").roadmap
    assert roadmap is not None
    ours = [label for s in roadmap.sections for label in [s.number, *[i.number for i in s.items]]]
    assert drawn == ours and len(drawn) == 7


@pytest.mark.slow
def test_the_same_list_saved_as_odt_by_libreoffice_imports_the_same(tmp_path: Path, cli) -> None:
    """LibreOffice turns the Word lists into OpenDocument lists (one per cell, continued, nested);
    `odt_numbering` must draw the same numbers."""
    exe = soffice()
    if not exe:
        pytest.skip("LibreOffice (soffice) не установлен")
    _document(TWO_LEVELS, ROWS).save(tmp_path / "plan.docx")
    subprocess.run([exe, "--headless", "--convert-to", "odt", "--outdir", str(tmp_path), str(tmp_path / "plan.docx")],
                   check=True, capture_output=True, timeout=300, env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"})
    _result, from_word = imported(cli, tmp_path / "plan.docx", tmp_path / "word.yaml")
    _result, from_odt = imported(cli, tmp_path / "plan.odt", tmp_path / "odt.yaml")
    assert _numbers(from_odt) == _numbers(from_word) == [("1.", ["1.1.", "1.2."]), ("2.", ["2.1."])]
