"""`roadmapctl import` on hostile or unlucky inputs: scans, damaged files, bombs, huge output.

None of them may end in a traceback or an internal error: each gets a
Russian message naming the file and exit code 2, and nothing is written.
"""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from import_forms import Grid, write_docx, write_text
from roadmapctl.model.roadmap import Item, Order, OrderPoint, Roadmap, Section

BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "lol">'
    + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8))
    + ']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
      "<w:body><w:p><w:r><w:t>&i;</w:t></w:r></w:p></w:body></w:document>"
)
LAYOUT = ["План работы на 2023/2024 учебный год",
          Grid(("№", "Мероприятие", "Срок", "Ответственный", "Результат"),
               [("1", "Совещание", "Сентябрь", "Директор", "Протокол")])]


def _docx(tmp_path: Path) -> Path:
    source = tmp_path / "plan.docx"
    write_docx(LAYOUT, source)
    return source


def _rewrite(source: Path, target: Path, member: str, data: str | bytes) -> None:
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            out.writestr(info, data if info.filename == member else src.read(info))


def test_zip_bomb_is_refused_before_unpacking(tmp_path: Path, cli) -> None:
    """The central directory claims 4 GB for document.xml: refused by the stated sizes."""
    bomb = tmp_path / "bomb.docx"
    _rewrite(_docx(tmp_path), bomb, "word/document.xml", b"<w:document/>")
    data = bytearray(bomb.read_bytes())
    entry = data.index(b"PK\x01\x02")
    while entry != -1:
        name_len = struct.unpack_from("<H", data, entry + 28)[0]
        if data[entry + 46:entry + 46 + name_len] == b"word/document.xml":
            struct.pack_into("<I", data, entry + 24, 0xFFFFFFF0)
        entry = data.find(b"PK\x01\x02", entry + 4)
    bomb.write_bytes(bytes(data))
    result = cli("import", bomb, "-o", tmp_path / "x.yaml")
    assert result.code == 2
    assert result.err.startswith(f"roadmapctl: ошибка: {bomb}: файл повреждён или слишком велик — "
                                 "в распакованном виде 4096 МБ, а допустимо не больше 300 МБ\n")
    assert not (tmp_path / "x.yaml").exists()


def test_entity_bomb_is_a_damaged_file(tmp_path: Path, cli) -> None:
    bomb = tmp_path / "laughs.docx"
    _rewrite(_docx(tmp_path), bomb, "word/document.xml", BILLION_LAUGHS)
    result = cli("import", bomb, "-o", tmp_path / "x.yaml")
    assert (result.code, result.err) == (2, (
        f"roadmapctl: ошибка: {bomb}: не удалось открыть документ Word — файл повреждён или это не .docx\n"
        "  откройте его в Word и сохраните заново как .docx\n"))


def test_truncated_docx_is_a_damaged_file(tmp_path: Path, cli) -> None:
    source = _docx(tmp_path)
    cut = tmp_path / "cut.docx"
    cut.write_bytes(source.read_bytes()[:-200])
    result = cli("import", cut, "-o", tmp_path / "x.yaml")
    assert result.code == 2 and "файл повреждён или это не .docx" in result.err


def test_scanned_pdf_says_so(tmp_path: Path, cli) -> None:
    from reportlab.pdfgen.canvas import Canvas

    scan = tmp_path / "scan.pdf"
    canvas = Canvas(str(scan))
    canvas.rect(50, 50, 400, 600, fill=1)  # an image-like page without a single character
    canvas.save()
    result = cli("import", scan, "-o", tmp_path / "x.yaml")
    assert (result.code, result.err) == (2, (
        f"roadmapctl: ошибка: {scan}: в PDF нет текста — похоже, это отсканированный документ\n"
        "  распознайте текст (OCR) или возьмите исходный документ Word\n"))


def test_damaged_pdf(tmp_path: Path, cli) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\ngarbage")
    result = cli("import", broken, "-o", tmp_path / "x.yaml")
    assert result.code == 2
    assert f"{broken}: " in result.err and "Traceback" not in result.err


def test_control_characters_are_stripped_and_reported(tmp_path: Path, cli) -> None:
    source = tmp_path / "plan.txt"
    write_text(["План работы на 2023/2024 учебный год",
                Grid(("№", "Мероприятие", "Срок", "Ответственный", "Результат"),
                     [("1", "Сове\x01щание\ufeff", "Сентябрь\x1f", "Директор", "Прото\x7fкол")])], source)
    target = tmp_path / "plan.yaml"
    result = cli("import", source, "-o", target)
    assert result.code == 0, result.out
    text = target.read_text(encoding="utf-8")
    assert "title: Совещание\n" in text and "deadline: Сентябрь\n" in text and "result: Протокол\n" in text
    assert "строка 3: удалены управляющие символы" in result.out


def test_output_bigger_than_check_accepts_is_refused(tmp_path: Path, cli, monkeypatch) -> None:
    import roadmapctl.limits

    monkeypatch.setattr(roadmapctl.limits, "MAX_ROADMAP_BYTES", 20 * 1024)  # the real limit, scaled down
    source = tmp_path / "big.txt"
    rows = [(str(i), f"Мероприятие номер {i} " + "очень длинное " * 30, "Сентябрь", "Директор", "Протокол")
            for i in range(1, 50)]
    write_text(["План работы на 2023/2024 учебный год",
                Grid(("№", "Мероприятие", "Срок", "Ответственный", "Результат"), rows)], source)
    target = tmp_path / "big.yaml"
    result = cli("import", source, "-o", target)
    assert result.code == 2
    assert "а roadmapctl check принимает файлы не больше" in result.err and "ничего не записано" in result.err
    assert not target.exists()


_texts = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)


@st.composite
def _roadmaps(draw: st.DrawFn) -> Roadmap:
    def item(depth: int) -> Item:
        return Item(number=draw(st.none() | _texts), title=draw(_texts), deadline=draw(st.none() | _texts),
                    result=draw(st.none() | _texts),
                    items=[item(depth + 1) for _ in range(draw(st.integers(0, 2 if depth < 2 else 0)))])

    sections = [Section(number=draw(st.none() | _texts), title=draw(_texts),
                        items=[item(0) for _ in range(draw(st.integers(0, 3)))])
                for _ in range(draw(st.integers(0, 3)))]
    points = [OrderPoint(text=draw(_texts), points=[OrderPoint(text=draw(_texts))] if draw(st.booleans()) else [])
              for _ in range(draw(st.integers(0, 2)))]
    return Roadmap(title=draw(_texts), sections=sections, goals=draw(st.lists(_texts, max_size=2)),
                   order=Order(points=points) if points else None)


@settings(max_examples=min(60, settings.default.max_examples), deadline=None)  # 15 by default, 60 thorough
@given(_roadmaps())
def test_writer_writes_any_structure_as_yaml_that_reads_back(roadmap: Roadmap) -> None:
    """Empty sections, items without any field, odd characters: the writer never crashes (was IndexError)."""
    from ruamel.yaml import YAML

    from roadmapctl.importer.writer import render_yaml

    data = YAML(typ="safe").load(render_yaml(roadmap, []))
    assert data.get("title", "") == (roadmap.title or "")
    sections = data["sections"] or []
    assert len(sections) == len(roadmap.sections)
    for got, want in zip(sections, roadmap.sections, strict=True):
        got = got or {}
        assert got.get("title", "") == want.title
        assert [i.get("title", "") if i else "" for i in got.get("items", [])] == [i.title for i in want.items]


def test_row_with_text_only_in_an_unnamed_column(tmp_path: Path, cli) -> None:
    """The writer's IndexError came from such a row: a measure with no field at all."""
    source = tmp_path / "plan.txt"
    write_text(["План работы на 2023/2024 учебный год",
                Grid(("№", "Мероприятие", "Срок", "Ответственный", "Результат", "Отметка"),
                     [("1", "Совещание", "Сентябрь", "Директор", "Протокол", ""),
                      ("", "", "", "", "", "выполнено")])], source)
    target = tmp_path / "plan.yaml"
    result = cli("import", source, "-o", target)
    assert result.code == 0, result.out + result.err
    assert "строка 2: в столбце 6 есть текст, но его заголовок не распознан — этот текст не перенесён" in result.out
    from roadmapctl.reading.loader import load

    assert [e.item.title for e in load(target).roadmap.walk()] == ["Совещание"]


_cell_text = st.sampled_from(["", "", "1", "1.", "2.1", "1.2.", "I.", "Раздел 2.", "Направление 1. Кадры",
                              "Совещание", "сентябрь", "Сентябрь 2023 г.", "Директор", "ОО, УО", ":", "-",
                              "Примечание: x", "№", "Мероприятие", "Срок", "(в ред. от 1.1.2024 № 1)",
                              "\t", "«СОШ № 5»", "Ответственный: директор", "Цель: всё"])


@settings(max_examples=min(40, settings.default.max_examples), deadline=None)  # 15 by default, 40 thorough
@given(st.lists(st.lists(_cell_text, min_size=1, max_size=6), min_size=1, max_size=8),
       st.sampled_from(["txt", "docx"]))
def test_any_table_imports_or_is_refused_never_crashes(tmp_path_factory, rows, form) -> None:  # type: ignore[no-untyped-def]
    """Odd structures through the whole import: exit 0, 1 or 2 and a message, never an internal error."""
    import contextlib
    import io

    from import_forms import WRITERS
    from roadmapctl.main import run

    folder = tmp_path_factory.mktemp("fuzz")
    width = 5
    grid_rows = [tuple((r + [""] * width)[:width]) for r in rows]
    source = folder / f"plan.{form}"
    WRITERS[form](["План на 2023/2024 учебный год",
                   Grid(("№", "Мероприятие", "Срок", "Ответственный", "Результат"), grid_rows)], source)
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        code = run(["import", str(source), "-o", str(folder / "out.yaml")])
    assert code in (0, 1, 2), err.getvalue()
    assert "внутренняя ошибка" not in err.getvalue()


def test_unreadable_deadline_phrases_are_listed_with_their_rows(tmp_path: Path, cli) -> None:
    source = tmp_path / "plan.txt"
    write_text(["План работы на 2023/2024 учебный год",
                Grid(("№", "Мероприятие", "Срок", "Ответственный", "Результат"),
                     [("1", "Совещание", "после получения субсидии", "Директор", "Протокол"),
                      ("2", "Отчёт", "Октябрь 2023 г.", "Директор", "Отчёт")])], source)
    result = cli("import", source, "-o", tmp_path / "plan.yaml")
    assert result.code == 1  # written, but check finds the phrase unreadable
    assert ("  строка 3: мероприятие 1: не удалось разобрать срок «после получения субсидии»: "
            "непонятно «после»; исправьте фразу или добавьте due\n") in result.out
    assert "строка 4: мероприятие 2" not in result.out


def test_pdf_with_too_many_pages_is_refused(tmp_path: Path, cli, monkeypatch) -> None:
    from reportlab.pdfgen.canvas import Canvas

    import roadmapctl.limits

    monkeypatch.setattr(roadmapctl.limits, "MAX_PDF_PAGES", 3)
    source = tmp_path / "book.pdf"
    canvas = Canvas(str(source))
    for page in range(4):
        canvas.drawString(50, 800, f"page {page}")
        canvas.showPage()
    canvas.save()
    result = cli("import", source, "-o", tmp_path / "x.yaml")
    assert (result.code, result.err) == (2, (
        f"roadmapctl: ошибка: {source}: в PDF 4 страницы, а импорт читает не больше 3 — это не похоже на "
        "дорожную карту\n  сохраните в отдельный PDF только страницы с таблицей дорожной карты\n"))


def test_the_source_is_never_overwritten(tmp_path: Path, cli) -> None:
    """Not even with --force and another spelling of its path (#13: `import plan.docx -o plan.docx --force`)."""
    import os

    source = _docx(tmp_path)
    before = source.read_bytes()
    (tmp_path / "sub").mkdir()
    for target in (source, tmp_path / "sub" / ".." / "plan.docx"):
        result = cli("import", source, "-o", target, "--force")
        assert result.code == 2
        assert result.err == (f"roadmapctl: ошибка: {target} — это сам импортируемый документ; его нельзя "
                              "перезаписать картой\n  укажите в -o другое имя, например с расширением .yaml\n")
    os.link(source, tmp_path / "alias.docx")
    assert cli("import", source, "-o", tmp_path / "alias.docx", "--force").code == 2
    assert source.read_bytes() == before
