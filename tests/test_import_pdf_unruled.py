"""`roadmapctl import` of a PDF whose table is drawn without lines (issue 12's last gap).

The layouts of `test_import_structures` are also imported as unruled PDFs
there; here are the cases only an unruled page has: a row broken across a
page with the header repeated and a running head, text after the table, a
table without a number column, and a PDF with text but no table at all.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from conftest import imported, thorough
from import_forms import Grid, Span, built, pdf_font, printed_pdfs, register_font, soffice, write_docx, write_form
from roadmapctl.reading.loader import load

pytestmark = pytest.mark.skipif(not pdf_font(), reason="нет шрифта TrueType с кириллицей для построения PDF")

DIR = "Заместитель директора по УВР"
HEADER = ("№ п/п", "Наименование мероприятия", "Срок исполнения", "Ответственные", "Ожидаемый результат")


def _measures(target: Path) -> list[tuple[object, ...]]:
    roadmap = load(target).roadmap
    return [(e.section.number, e.item.number, e.item.title, e.item.deadline,
             [roadmap.executors[r.id].name for r in e.item.executors], e.item.result) for e in roadmap.walk()]


def _canvas(path: Path, landscape: bool = False) -> Any:
    """A reportlab page to draw a test's text on, in the Cyrillic font, at 10 points."""
    from reportlab.pdfgen.canvas import Canvas

    register_font()
    canvas = Canvas(str(path), pagesize=(842, 595)) if landscape else Canvas(str(path))
    canvas.setFont("Body", 10)
    return canvas


def _long(n: int) -> str:
    return (f"Проведение методического семинара номер {n} для учителей начальных классов по вопросам "
            "формирования функциональной грамотности обучающихся на уроках и во внеурочной деятельности")


def test_a_row_broken_across_pages_under_a_repeated_header(tmp_path: Path, cli, thorough_run: bool) -> None:
    """Cells wrapped over lines, rows split by the page break, the header again on each page, a running head.

    That the drawing has no ruled table is checked on its first page in the thorough profile (it
    reads the page once more); by default the report's note that the table was read from the
    text's positions shows that no ruled roadmap table was found."""
    rows = [(f"1.{n}", _long(n), "В течение учебного года", DIR, f"Материалы семинара {n}") for n in range(1, 13)]
    source, target = tmp_path / "plan.pdf", tmp_path / "plan.yaml"
    write_form("pdf", ["План методической работы на 2024/2025 учебный год",
                       Grid(HEADER, [(Span("1. Организационно-методическая работа"),), *rows])],
               source, thorough_run, ruled=False, head="Приложение 2 к приказу от 30.08.2024 № 112", split_rows=True)
    import pdfplumber

    with pdfplumber.open(str(source)) as pdf:
        assert len(pdf.pages) >= 2  # counted from the page tree, without reading a page
        assert not thorough_run or not pdf.pages[0].find_tables()
    result = cli("import", source, "-o", target)
    assert result.code == 0, result.out
    assert _measures(target) == [("1", n, t, d, [e], r) for n, t, d, e, r in rows]
    roadmap = load(target).roadmap
    assert roadmap.title == "План методической работы на 2024/2025 учебный год"
    assert roadmap.sections[0].title == "Организационно-методическая работа"
    assert ("страница 1, строка 1: таблица без линий прочитана по расположению текста: столбцы (5) — по строке "
            "заголовков, строки — по номерам в столбце «№»; сверьте мероприятия с документом") in result.out
    assert "присоединены к этой строке как продолжение ячеек, разорванных переходом страницы" in result.out
    assert "Приложение 2" not in target.read_text(encoding="utf-8")  # the running head is no paragraph
    assert cli("check", target).code == 0


SIGNED = ["План на 2024/2025 учебный год", Grid(HEADER, [
    ("1", "Совещание при директоре", "Сентябрь 2024 г.", "Директор", "Протокол"),
    ("2", "Педагогический совет", "Май 2025 г.", "Директор", "Протокол")])]


def _signed(indent: int, signed: Path) -> None:
    """The unruled table's page drawn over again with a signature below the table, `indent` from the margin."""
    import pdfplumber
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    source = signed.with_name("unsigned.pdf")
    write_form("pdf", SIGNED, source, True, ruled=False)
    with pdfplumber.open(str(source)) as pdf:
        page = pdf.pages[0]
        words, height = page.extract_words(extra_attrs=["size"]), page.height
    bottom = max(w["bottom"] for w in words if w["bottom"] < height - 40)  # not the page number
    style = ParagraphStyle("s", fontName="Body", fontSize=9, leading=11, leftIndent=indent)
    SimpleDocTemplate(str(signed), pagesize=A4, leftMargin=36, rightMargin=36, topMargin=36, bottomMargin=36).build(
        [Spacer(1, bottom - 36 + 30), Paragraph("Директор школы ____________ И. И. Иванов", style)],
        onFirstPage=lambda canvas, doc: _underlay(canvas, words, height))


@pytest.mark.parametrize("indent", [0, 6], ids=["at-the-margin", "aligned-with-the-table"])
def test_text_after_the_table_is_not_a_measure(indent: int, tmp_path: Path, cli, thorough_run: bool) -> None:
    signed, target = tmp_path / "signed.pdf", tmp_path / "plan.yaml"
    built(("signed", SIGNED, indent, Path(__file__).read_bytes()), signed, thorough_run,
          lambda path: _signed(indent, path))
    result = cli("import", signed, "-o", target)
    assert result.code == 0, result.out
    assert [m[1:] for m in _measures(target)] == [
        ("1", "Совещание при директоре", "Сентябрь 2024 г.", ["Директор"], "Протокол"),
        ("2", "Педагогический совет", "Май 2025 г.", ["Директор"], "Протокол")]


@pytest.mark.skipif(not soffice(), reason="LibreOffice (soffice) не установлен: PDF из .docx не построить")
def test_a_signature_right_under_a_borderless_word_table_is_not_a_section(tmp_path: Path, cli,
                                                                          pytestconfig: pytest.Config) -> None:
    """Word sets the text under a borderless table flush with the cells: it is only told by what it is."""
    source, target = tmp_path / "plan.docx", tmp_path / "plan.yaml"
    blocks = ["План на 2024/2025 учебный год", Grid(HEADER, [
        ("1", "Совещание при директоре", "Сентябрь 2024 г.", "Директор", "Протокол"),
        ("2", "Педагогический совет", "Май 2025 г.", "Директор", "Протокол")]),
        "Директор школы ____________ И. И. Иванов", "Исполнитель: Петрова А. А., тел. 2-22-33"]
    printed_pdfs({source: ("borderless", blocks)}, tmp_path, thorough(pytestconfig),
                 lambda path: write_docx(blocks, path, ruled=False))
    result = cli("import", tmp_path / "plan.pdf", "-o", target)
    assert result.code == 0, result.out
    roadmap = load(target).roadmap
    assert [s.title for s in roadmap.sections] == ["Мероприятия"]
    assert [m[1:] for m in _measures(target)] == [
        ("1", "Совещание при директоре", "Сентябрь 2024 г.", ["Директор"], "Протокол"),
        ("2", "Педагогический совет", "Май 2025 г.", ["Директор"], "Протокол")]
    assert ("строка «Директор школы ____________ И. И. Иванов» после последнего мероприятия не отнесена к "
            "таблице: это текст под таблицей") in result.out


def _underlay(canvas: object, words: list[dict[str, Any]], height: float) -> None:
    """Draw the words (of a page `height` high) on `canvas`, where they stood."""
    for word in words:
        canvas.setFont("Body", word["size"])  # type: ignore[attr-defined]
        canvas.drawString(word["x0"], height - word["bottom"] + 2, word["text"])  # type: ignore[attr-defined]


def test_a_table_without_a_number_column_is_split_at_the_gaps(tmp_path: Path, cli, thorough_run: bool) -> None:
    rows = [(_long(n), "Ноябрь 2024 г.", DIR, "Протокол") for n in range(1, 4)]
    source, target = tmp_path / "plan.pdf", tmp_path / "plan.yaml"
    write_form("unruled.pdf", ["План на 2024/2025 учебный год",
                               Grid(("Мероприятие", "Сроки", "Ответственный", "Результат"), rows)],
               source, thorough_run)
    result = cli("import", source, "-o", target)
    assert result.code == 0, result.out
    assert [m[1:] for m in _measures(target)] == [(None, t, d, [e], r) for t, d, e, r in rows]
    assert "строки — по промежуткам между строками" in result.out


def test_columns_set_apart_by_spaces_are_read(tmp_path: Path, cli) -> None:
    """A table typed with spaces between its columns (as printed from a plain-text editor)."""
    source = tmp_path / "plain.pdf"
    canvas = _canvas(source)
    for line, text in enumerate(["План работы на 2023/2024 учебный год", "№   Мероприятие   Срок   Ответственный",
                                 "1   Совещание   Сентябрь   Директор"]):
        canvas.drawString(50, 800 - 20 * line, text)
    canvas.save()
    result = cli("import", source, "-o", tmp_path / "x.yaml")
    assert result.code == 0, result.out
    assert [m[1:5] for m in _measures(tmp_path / "x.yaml")] == [("1", "Совещание", "Сентябрь", ["Директор"])]


def test_text_without_a_table_is_refused(tmp_path: Path, cli) -> None:
    source = tmp_path / "letter.pdf"
    canvas = _canvas(source)
    for line, text in enumerate(["Уважаемые коллеги!", "Направляем план работы на 2023/2024 учебный год.",
                                 "1. Совещание в сентябре.", "2. Педагогический совет в мае.",
                                 "Срок представления отчётов — до 1 июня."]):
        canvas.drawString(50, 800 - 14 * line, text)
    canvas.save()
    result = cli("import", source, "-o", tmp_path / "x.yaml")
    assert (result.code, result.err) == (2, (
        f"roadmapctl: ошибка: {source}: в PDF не найдено ни таблицы с линиями, ни строки заголовков таблицы "
        "(«№», «Мероприятие», «Срок», «Ответственный» …) — таблицу дорожной карты не найти\n"
        "  откройте PDF в Word и сохраните как .docx или скопируйте таблицу в текстовый файл\n"))
    assert not (tmp_path / "x.yaml").exists()


def _framed_stamp(path: Path) -> None:
    """An approval stamp set in a bordered box above a roadmap table drawn without lines."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    register_font()
    style = ParagraphStyle("s", fontName="Body", fontSize=9, leading=11)
    stamp = Table([[Paragraph("УТВЕРЖДЕН<br/>приказом директора от 30.08.2024 № 112", style)]], colWidths=[200],
                  style=TableStyle([("BOX", (0, 0), (-1, -1), 0.5, colors.black)]))
    cells = [["№", "Мероприятие", "Срок", "Ответственный", "Результат"],
             ["1", "Совещание при директоре", "Сентябрь 2024 г.", "Директор", "Протокол"],
             ["2", "Педагогический совет", "Май 2025 г.", "Директор", "Протокол"]]
    body = Table([[Paragraph(c, style) for c in row] for row in cells], colWidths=[40, 180, 90, 110, 100],
                 style=TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    SimpleDocTemplate(str(path), pagesize=A4).build(
        [stamp, Spacer(1, 12), Paragraph("План на 2024/2025 учебный год", style), Spacer(1, 6), body])


def test_a_ruled_frame_that_is_no_roadmap_does_not_hide_the_unruled_table(tmp_path: Path, cli,
                                                                           thorough_run: bool) -> None:
    """The approval stamp set in a bordered box, the roadmap table without lines."""
    source, target = tmp_path / "plan.pdf", tmp_path / "plan.yaml"
    built(("framed stamp", Path(__file__).read_bytes()), source, thorough_run, _framed_stamp)
    result = cli("import", source, "-o", target)
    assert result.code == 0, result.out + result.err
    assert [m[1:] for m in _measures(target)] == [
        ("1", "Совещание при директоре", "Сентябрь 2024 г.", ["Директор"], "Протокол"),
        ("2", "Педагогический совет", "Май 2025 г.", ["Директор"], "Протокол")]
    approval = load(target).roadmap.approval
    assert (approval.stamp, approval.date.isoformat()) == ("УТВЕРЖДЕН", "2024-08-30")


CENTRED = ("hyphenated_headers", "stages_merged_down", "long_table_across_pages")


@pytest.fixture(scope="module")
def centred_headers(tmp_path_factory: pytest.TempPathFactory, pytestconfig: pytest.Config) -> Path:
    """Borderless Word tables whose header is bold and centred in its cells both ways, printed by LibreOffice."""
    from docx import Document
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    from test_import_structures import LAYOUTS

    def write(path: Path) -> None:
        write_docx(LAYOUTS[path.stem].blocks, path, ruled=False)
        document = Document(str(path))
        for table in document.tables:
            for cell in table.rows[0].cells:
                cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
                for paragraph in cell.paragraphs:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
                    for run in paragraph.runs:
                        run.bold = True
        document.save(str(path))

    folder = tmp_path_factory.mktemp("centred")
    printed_pdfs({folder / f"{name}.docx": ("centred header", LAYOUTS[name].blocks) for name in CENTRED},
                 folder, thorough(pytestconfig), write)
    return folder


@pytest.mark.skipif(not soffice(), reason="LibreOffice (soffice) не установлен: PDF из .docx не построить")
@pytest.mark.parametrize("name", CENTRED)
def test_a_header_centred_in_its_cells(name: str, centred_headers: Path, cli, thorough_run: bool) -> None:
    """The default profile reads the two one-page tables (one of them with the headings' words
    hyphenated over three lines); the long table, whose centred header is read on its first page
    the same way, only adds a page break (`test_a_row_broken_across_pages_under_a_repeated_header`
    reads one by default): it runs in the thorough profile."""
    from test_import_structures import LAYOUTS

    if name == "long_table_across_pages" and not thorough_run:
        pytest.skip("в быстром профиле заголовок по центру читается из двух одностраничных таблиц; "
                    "длинная — ROADMAPCTL_TESTS=thorough")

    layout, target = LAYOUTS[name], centred_headers / f"{name}.yaml"
    result = cli("import", centred_headers / f"{name}.pdf", "-o", target)
    assert result.code == 0, result.out
    roadmap = load(target).roadmap
    assert [(e.item.number, e.item.title, e.item.deadline, [roadmap.executors[r.id].name for r in e.item.executors],
             e.item.result) for e in roadmap.walk()] == layout.items
    assert "columns" not in layout.extra or [(c.field, c.heading) for c in roadmap.columns] == layout.extra["columns"]


def test_a_sheet_printed_tight_as_excel_prints_it(tmp_path: Path, cli) -> None:
    """A spreadsheet's PDF: no borders, rows set without a gap, a cell's text ending just short of the
    next cell's (the cell padding, less than a space), a note merged across flush left right under a
    measure, a section merged across starting in the number column, and the header repeated right
    after the last row of the page."""
    source = tmp_path / "sheet.pdf"
    canvas = _canvas(source, landscape=True)
    # where each column's text begins (flush left, as the headings); the longest deadline ends
    # 2.5 points short of the executors' column: closer than a space (2.8 points) at this size
    executors_at = 300 + canvas.stringWidth("до 25.12.2024", "Body", 10) + 2.5
    x = (40, 70, 300, executors_at, executors_at + 150)
    header = ("№", "Мероприятие", "Срок", "Ответственный", "Результат")
    rows: list[tuple[str, ...]] = [
        header,
        ("Раздел 1. Организационная работа (ответственный – заместитель директора по УВР)",),
        ("1.1", "Совещание при директоре", "Сентябрь", "Директор", "Протокол"),
        ("Примечание: совещание проводится также в январе.",),
        ("1.2", "Педагогический совет", "до 25.12.2024", "Завуч", "Решение"),
        header,
        ("1.3", "Родительское собрание", "Октябрь", "Классные руководители", "Протокол"),
    ]
    top = 560
    for row in rows:
        if len(row) == 1:
            canvas.drawString(x[0], top, row[0])
        else:
            for left, text in zip(x, row, strict=True):
                canvas.drawString(left, top, text)
        top -= 13  # tight: a row's pitch is one line
    canvas.drawString(x[0], 580, "План работы на 2024/2025 учебный год")
    canvas.save()
    result = cli("import", source, "-o", tmp_path / "x.yaml")
    assert result.code == 0, result.out
    assert [m[:6] for m in _measures(tmp_path / "x.yaml")] == [
        ("1", "1.1", "Совещание при директоре", "Сентябрь", ["Директор"], "Протокол"),
        ("1", "1.2", "Педагогический совет", "до 25.12.2024", ["Завуч"], "Решение"),
        ("1", "1.3", "Родительское собрание", "Октябрь", ["Классные руководители"], "Протокол"),
    ]
    roadmap = load(tmp_path / "x.yaml").roadmap
    assert roadmap is not None
    [section] = roadmap.sections
    assert section.title.startswith("Организационная работа")
    assert section.items[0].note == "Примечание: совещание проводится также в январе."


def test_a_short_section_centred_across_the_table_is_a_section(tmp_path: Path, cli) -> None:
    """A spreadsheet centres a section row merged across the table; a short title then stands inside
    one column, away from where that column's text begins. The measures around it keep their cells."""
    source = tmp_path / "centred.pdf"
    canvas = _canvas(source, landscape=True)
    x = (40, 80, 420, 560, 700)  # the table runs from 40 to about 800: its middle is near 420
    rows: list[tuple[str, ...]] = [
        ("№", "Мероприятие", "Срок", "Ответственный", "Результат"),
        ("1.", "Совещание при директоре", "Сентябрь", "Директор", "Протокол"),
        ("Кадры",),
        ("2.", "Курсы повышения квалификации", "Октябрь", "Методист", "Удостоверения о повышении"),
    ]
    top = 540
    for row in rows:
        if len(row) == 1:
            width = canvas.stringWidth(row[0], "Body", 10)
            canvas.drawString((40 + 800) / 2 - width / 2, top, row[0])
        else:
            for left, text in zip(x, row, strict=True):
                canvas.drawString(left, top, text)
        top -= 24  # rows set apart by a gap, as Word and Excel print them
    canvas.drawString(x[0], 570, "План работы на 2024/2025 учебный год")
    canvas.save()
    _result, roadmap = imported(cli, source, tmp_path / "x.yaml")
    assert [(s.title, [i.title for i in s.items]) for s in roadmap.sections] == [
        ("Мероприятия", ["Совещание при директоре"]), ("Кадры", ["Курсы повышения квалификации"])]
