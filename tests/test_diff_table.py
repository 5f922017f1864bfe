"""The «сравнительная таблица» as HTML and DOCX; `textconv` output."""

from __future__ import annotations

import contextlib
import functools
import io
import json
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import DATA, ROOT, golden

OLD = DATA / "diff" / "chel-2023-2024.yaml"
NEW = DATA / "diff" / "chel-2024-2025.yaml"
HOSTILE_TITLE = 'Проведение <script>alert("x")</script> & «конкурса»'


class _Cells(HTMLParser):
    """Table rows as lists of cell texts, and every tag seen."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[str]] = []
        self.tags: list[str] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append("".join(self._cell))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def _diff(*args: str) -> tuple[int, str]:
    """`roadmapctl diff OLD NEW …` in this process: exit code and standard output."""
    from roadmapctl.main import run

    with contextlib.redirect_stdout(io.StringIO()) as out:
        code = run(["diff", str(OLD), str(NEW), *args])
    return code, out.getvalue()


@functools.cache
def _changes_count() -> int:
    code, out = _diff("-f", "json")
    assert code == 1
    data = json.loads(out)
    return sum(len(data[k]) for k in ("document", "sections", "added", "removed", "changed", "renumbered"))


@pytest.fixture(scope="session")
def tables(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, str]]:
    """The table of OLD and NEW written once per run in each format through the CLI, for the tests that
    read it: format → (file, what the command printed).  HTML by the file's suffix, DOCX by --format."""
    folder = tmp_path_factory.mktemp("diff-table")
    made = {}
    for fmt, args in (("html", ()), ("docx", ("--format", "docx"))):
        target = folder / f"таблица.{fmt}"
        code, out = _diff(*args, "-o", str(target))
        assert code == 1, out
        made[fmt] = (target, out)
    return made


def test_html_table_has_one_row_per_change(tables: dict[str, tuple[Path, str]]) -> None:
    target, out = tables["html"]
    assert out == (f"Записан файл {target} (сравнительная таблица, HTML). "
                   "Изменено 12 мероприятий, добавлено 2, удалено 2, перенумеровано 3, без изменений 24. "
                   "Вне таблицы мероприятий: 6 изменений.\n")
    page = _Cells()
    page.feed(target.read_text(encoding="utf-8"))
    assert page.rows[0] == ["№", "Было", "Стало", "Суть изменения"]
    assert len(page.rows) - 1 == _changes_count()
    row = next(r for r in page.rows if r[0] == "4.1")
    assert row[3] == "срок перенесён: «Январь 2024 г.» → «Февраль 2025 г.» (на 1 мес. позже)"
    assert [r[0] for r in page.rows[1:8]] == ["Документ", "Гриф утверждения", "Гриф утверждения",
                                              "Справочник исполнителей", "Приказ", "Приказ", "2"]
    assert page.rows[1][1:] == ["Период: 2023/2024", "Период: 2024/2025", "период: «2023/2024» → «2024/2025»"]
    assert "script" not in page.tags and "link" not in page.tags and "img" not in page.tags
    row = next(r for r in page.rows if r[0] == "3.2")
    assert row[1].startswith("Участие ООО в мониторинге")


def test_html_marks_deleted_and_inserted_words(tables: dict[str, tuple[Path, str]]) -> None:
    html = tables["html"][0].read_text(encoding="utf-8")
    assert "Участие <del>ООО</del> в мониторинге" in html
    assert "Участие <ins>общеобразовательных организаций</ins> в мониторинге" in html


def test_html_escapes_roadmap_text(cli, tmp_path: Path) -> None:
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    text = OLD.read_text(encoding="utf-8")
    old.write_text(text, encoding="utf-8")
    new.write_text(text.replace("title: Актуализация распорядительных документов (приказов)",
                                f"title: {HOSTILE_TITLE} Актуализация распорядительных документов"),
                   encoding="utf-8")
    target = tmp_path / "t.html"
    assert cli("diff", old, new, "-o", target).code == 1
    html = target.read_text(encoding="utf-8")
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    assert "&amp; «конкурса»" in html


def test_docx_table_structure(tables: dict[str, tuple[Path, str]]) -> None:
    from docx import Document
    from docx.oxml.ns import qn

    target, out = tables["docx"]
    assert out.startswith(f"Записан файл {target} (сравнительная таблица, DOCX). ")
    document = Document(str(target))
    (table,) = document.tables
    header = table.rows[0]
    assert [c.text for c in header.cells] == ["№", "Было", "Стало", "Суть изменения"]
    flag = header._tr.trPr.find(qn("w:tblHeader"))
    assert flag is not None and flag.get(qn("w:val"), "true") in ("true", "1", "on")  # absent: on (ST_OnOff)
    assert len(table.rows) - 1 == _changes_count()
    numbers = [row.cells[0].text for row in table.rows[1:]]
    assert numbers[6:10] == ["2", "5.3", "5.3 → 5.4", "1.2"]
    assert "5.2.6/7" in numbers and "5.2.3 → 5.1.4" in numbers and "5.2.7–5.2.8 → 5.2.4–5.2.5" in numbers
    row = table.rows[numbers.index("3.2") + 1]
    struck = [r.text for p in row.cells[1].paragraphs for r in p.runs if r.font.strike]
    marked = [r.text for p in row.cells[2].paragraphs for r in p.runs if r.font.underline]
    assert struck == ["ООО", "общеобразовательных организациях", "Челябинска"]
    assert marked == ["общеобразовательных организаций", "Челябинске"]
    assert document.sections[0].page_width > document.sections[0].page_height  # landscape


def test_table_refuses_to_overwrite_without_force(cli, tmp_path: Path) -> None:
    target = tmp_path / "t.docx"
    target.write_bytes(b"old")
    result = cli("diff", OLD, NEW, "-o", target)
    assert result.code == 2
    assert result.err == (f"roadmapctl: ошибка: файл {target} уже существует и создан не roadmapctl\n"
                          "  чтобы перезаписать его, добавьте --force\n")
    assert target.read_bytes() == b"old"
    assert cli("diff", OLD, NEW, "-o", target, "--force").code == 1
    assert target.read_bytes()[:2] == b"PK"


def test_textconv_golden(cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = cli("textconv", "tests/data/diff/chel-2024-2025.yaml")
    assert (result.code, result.err) == (0, "")
    golden(DATA / "golden" / "diff-textconv-chel-2024-2025.txt", result.out)


def test_textconv_is_year_neutral(cli) -> None:
    """Unchanged items render alike in both years; a renumbered one differs in its number line."""
    old = cli("textconv", OLD).out.split("\n\n")
    new = cli("textconv", NEW).out.split("\n\n")

    def block(blocks: list[str], number: str) -> list[str]:
        return next(b for b in blocks if f"\n  № {number}\n" in b).splitlines()

    assert block(old, "2.1") == block(new, "2.1")
    before, after = block(old, "1.2"), block(new, "1.3")
    assert [ln for ln in before if ln not in after] == ["  № 1.2", "  статус: выполнено",
                                                          "  исполнено: 25.10.2023 — планы образовательных "
                                                          "организаций собраны Комитетом"]
    assert [ln for ln in after if ln not in before] == ["  № 1.3"]


def test_textconv_prints_a_broken_file_as_it_is(cli) -> None:
    broken = DATA / "diff" / "broken.yaml"
    result = cli("textconv", broken)
    assert result.code == 0
    assert result.out == broken.read_text(encoding="utf-8")


def test_textconv_missing_file(cli, tmp_path: Path) -> None:
    result = cli("textconv", tmp_path / "нет.yaml")
    assert result.code == 2
    assert "нет.yaml нет" in result.err


def test_table_marks_only_the_executors_that_changed(tables: dict[str, tuple[Path, str]]) -> None:
    """5.2.2 lost МАУДО «ДПШ» and gained ГБУ ДПО РЦОКИО; the executors kept are not struck out."""
    from docx import Document

    (html_target, _), (docx_target, _) = tables["html"], tables["docx"]
    html = html_target.read_text(encoding="utf-8")
    assert ('<span class="label">Исполнители: </span>Комитет, МБУ ДПО ЦРО, <del>МАУДО «ДПШ»</del>, ОО'
            in html)
    table = Document(str(docx_target)).tables[0]
    row = next(r for r in table.rows if r.cells[0].text == "5.2.2")
    struck = [r.text for p in row.cells[1].paragraphs for r in p.runs if r.font.strike]
    marked = [r.text for p in row.cells[2].paragraphs for r in p.runs if r.font.underline]
    assert (struck, marked) == (["МАУДО «ДПШ»"], ["ГБУ ДПО РЦОКИО"])


def test_textconv_of_a_folder(cli, tmp_path: Path) -> None:
    result = cli("textconv", tmp_path)
    assert (result.code, result.err) == (2, f"roadmapctl: ошибка: {tmp_path} — папка, а не файл карты\n")
