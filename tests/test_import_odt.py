"""`roadmapctl import` of an OpenDocument text (.odt): LibreOffice, «Р7-Офис», «МойОфис».

The first document is written here as the format stores it (a zip with
`content.xml`): the stamp and the title as paragraphs, a section row spanning
the table (covered cells), a deadline spanning two rows, manual line breaks,
`text:s` spaces, a list in a cell, a comment, the empty rows and cells the
format pads a table with.  Then the layouts of test_import_structures, saved
by LibreOffice as .odt from their .docx, must import exactly as the .docx
does (thorough profile: LibreOffice takes seconds).
"""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

import pytest

from conftest import imported
from import_forms import soffice, write_docx

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"')


def cell(text: str, **attrs: str) -> str:
    extra = "".join(f' table:{k.replace("_", "-")}="{v}"' for k, v in attrs.items())
    paragraphs = "".join(f"<text:p>{p}</text:p>" for p in text.split("¶")) if text else ""
    return f"<table:table-cell{extra}>{paragraphs}</table:table-cell>"


COVERED = "<table:covered-table-cell/>"
BODY = (
    "<text:p>УТВЕРЖДЕН<text:line-break/>приказом начальника управления образования"
    "<text:line-break/>от 01.09.2025 № 77</text:p>"
    "<text:h>Дорожная карта по развитию<text:s/>школьного спорта на 2025/2026 учебный год</text:h>"
    "<text:section><table:table><table:table-column table:number-columns-repeated=\"6\"/>"
    "<table:table-header-rows><table:table-row>"
    + cell("№") + cell("Мероприятие") + cell("Срок") + cell("Исполнители") + cell("Результат")
    + cell("", number_columns_repeated="1")
    + "</table:table-row></table:table-header-rows>"
    "<table:table-row>" + cell("1. Спортивные секции", number_columns_spanned="5")
    + COVERED * 4 + cell("") + "</table:table-row>"
    "<table:table-row>" + cell("1.1") + cell("Открытие секции<text:s text:c=\"3\"/>волейбола")
    + cell("сентябрь –¶октябрь", number_rows_spanned="2")
    + "<table:table-cell><text:list><text:list-item><text:p>Учитель физкультуры</text:p></text:list-item>"
      "<text:list-item><text:p>Заместитель директора по ВР</text:p></text:list-item></text:list>"
      "<office:annotation><text:p>проверить</text:p></office:annotation></table:table-cell>"
    + cell("Приказ") + cell("") + "</table:table-row>"
    "<table:table-row>" + cell("1.2") + cell("Набор в секцию баскетбола") + COVERED
    + cell("Учитель физкультуры") + cell("Списки") + cell("") + "</table:table-row>"
    "<table:table-row table:number-rows-repeated=\"1000\">" + cell("", number_columns_repeated="6")
    + "</table:table-row>"
    "</table:table></text:section>"
)


def write_odt(path: Path, body: str, styles: str = "") -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {NS}>'
                                        f"<office:automatic-styles>{styles}</office:automatic-styles>"
                                        f"<office:body><office:text>{body}</office:text></office:body>"
                                        "</office:document-content>")


# A list style as LibreOffice writes one: «1.» on the first level, «1.1.» on the second.
LIST_STYLE = ('<text:list-style style:name="L1">'
              '<text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1"/>'
              '<text:list-level-style-number text:level="2" style:num-suffix="." style:num-format="1" '
              'text:display-levels="2"/>'
              '<text:list-level-style-bullet text:level="3" text:bullet-char="•"/></text:list-style>')


def numbered(level: int, first: bool = False) -> str:
    """A cell holding a one-item list of `level`, continuing the list above unless `first`."""
    inner = "<text:list-item><text:p/></text:list-item>"
    for _ in range(level - 1):
        inner = f"<text:list-item><text:list>{inner}</text:list></text:list-item>"
    continues = "" if first else ' text:continue-numbering="true"'
    return f'<table:table-cell><text:list text:style-name="L1"{continues}>{inner}</text:list></table:table-cell>'


def test_list_numbers_of_the_number_column_are_imported(tmp_path: Path, cli) -> None:
    """The «№» column as LibreOffice writes a numbered list into a table: one list per cell, each
    continuing the one above, sub-items in nested lists."""
    def item(level: int, title: str, first: bool = False) -> str:
        return ("<table:table-row>" + numbered(level, first) + cell(title) + cell("май") + cell("Методист")
                + "</table:table-row>")

    def section(title: str) -> str:
        return ("<table:table-row>" + numbered(1) + cell(title, number_columns_spanned="3") + COVERED * 2
                + "</table:table-row>")

    body = ("<text:p>План мероприятий на 2025/2026 учебный год</text:p><table:table>"
            "<table:table-row>" + cell("№") + cell("Мероприятие") + cell("Срок") + cell("Ответственный")
            + "</table:table-row>" + section("Организационная работа").replace(' text:continue-numbering="true"', "")
            + item(2, "Совещание") + item(2, "Семинар") + section("Работа с кадрами") + item(2, "Курсы")
            + "</table:table>")
    write_odt(tmp_path / "plan.odt", body, LIST_STYLE)
    _result, roadmap = imported(cli, tmp_path / "plan.odt", tmp_path / "plan.yaml")
    assert [(s.number, [(i.number, i.title) for i in s.items]) for s in roadmap.sections] == [
        ("1.", [("1.1.", "Совещание"), ("1.2.", "Семинар")]), ("2.", [("2.1.", "Курсы")])]


def test_an_odt_imports_field_by_field(tmp_path: Path, cli) -> None:
    source = tmp_path / "sport.odt"
    write_odt(source, BODY)
    _result, roadmap = imported(cli, source, tmp_path / "sport.yaml")
    assert roadmap.title == "Дорожная карта по развитию школьного спорта на 2025/2026 учебный год"
    assert roadmap.approval is not None
    assert (str(roadmap.approval.date), roadmap.approval.number) == ("2025-09-01", "77")
    assert [(s.number, s.title) for s in roadmap.sections] == [("1", "Спортивные секции")]
    got = [(e.item.number, e.item.title, e.item.deadline, [roadmap.executors[r.id].name for r in e.item.executors],
            e.item.result) for e in roadmap.walk()]
    assert got == [
        ("1.1", "Открытие секции волейбола", "сентябрь – октябрь",
         ["Учитель физкультуры", "Заместитель директора по ВР"], "Приказ"),
        ("1.2", "Набор в секцию баскетбола", "сентябрь – октябрь", ["Учитель физкультуры"], "Списки"),
    ]
    assert "проверить" not in (tmp_path / "sport.yaml").read_text(encoding="utf-8")  # a comment is no text


def test_an_odt_on_standard_input(tmp_path: Path, cli, monkeypatch) -> None:
    import io
    import sys

    write_odt(tmp_path / "sport.odt", BODY)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO((tmp_path / "sport.odt").read_bytes())))
    result = cli("import", "-", "-o", tmp_path / "sport.yaml")
    assert result.code == 0, result.err
    assert "Найдено: 1 раздел, 2 мероприятия" in result.out


@pytest.mark.parametrize(("content", "message"), [
    (None, "это не документ OpenDocument"),
    (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>', "объявлены сущности"),
    (b"<office:document-content", "XML документа не читается"),
    (f"<office:document-content {NS}/>".encode(), "нет текста документа"),
])
def test_a_damaged_odt_is_refused_with_a_reason(content: bytes | None, message: str, tmp_path: Path, cli) -> None:
    source = tmp_path / "bad.odt"
    if content is None:
        source.write_bytes(b"not a zip at all")
    else:
        with zipfile.ZipFile(source, "w") as archive:
            archive.writestr("content.xml", content)
    result = cli("import", source)
    assert result.code == 2, result.out
    assert message in result.err and "Traceback" not in result.err


@pytest.mark.slow
def test_libreoffice_odt_of_every_layout_imports_as_its_docx(tmp_path: Path, cli) -> None:
    if not soffice():
        pytest.skip("LibreOffice (soffice) не установлен: .odt из .docx не построить")
    from test_import_structures import LAYOUTS

    for name, layout in LAYOUTS.items():
        write_docx(layout.blocks, tmp_path / f"{name}.docx")
    subprocess.run([str(soffice()), "--headless", "--convert-to", "odt", "--outdir", str(tmp_path),
                    *[str(tmp_path / f"{name}.docx") for name in LAYOUTS]],
                   check=True, capture_output=True, timeout=600, env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"})
    differ = []
    for name in LAYOUTS:
        texts = []
        for form in ("docx", "odt"):
            assert cli("import", tmp_path / f"{name}.{form}", "-o", tmp_path / f"{name}.{form}.yaml").code == 0
            texts.append([line for line in (tmp_path / f"{name}.{form}.yaml").read_text(encoding="utf-8").splitlines()
                          if not line.startswith("#")])
        if texts[0] != texts[1]:
            differ.append(name)
    assert not differ, differ
