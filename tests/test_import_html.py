"""`roadmapctl import` of a roadmap saved from a web page (.html, .htm), and of Markdown (.md).

Pages are written here: a school site's page in Windows-1251 with the stamp
before the table, sections as `colspan` rows and a deadline merged down with
`rowspan`; a page laid out with tables (the roadmap nested in a cell);
broken markup; a page without a roadmap.
"""

from __future__ import annotations

from pathlib import Path

from conftest import imported
from import_forms import write_xlsx
from import_samples import SMALL
from roadmapctl.importer.html_source import parse_html
from roadmapctl.reading.loader import load

PAGE = """<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"><title>Школа</title>
<style>td{border:1px solid}</style><script>var x = "<table><tr><td>Мероприятие</td></tr></table>";</script></head>
<body>
<div class="menu"><a href="/">Главная</a></div>
<p align="right">УТВЕРЖДЕНА<br>приказом директора МБОУ &laquo;СОШ &#8470; 7&raquo;<br>от 29.08.2025 &#8470; 201-о</p>
<h2>Дорожная карта по&nbsp;реализации программы воспитания на 2025/2026 учебный год</h2>
<table border="1">
<tr><th>№ п/п</th><th>Мероприятие</th><th>Сроки</th><th>Ответственные</th><th>Результат</th></tr>
<tr><td colspan="5"><b>1. Гражданско-патриотическое воспитание</b></td></tr>
<tr><td>1.1</td><td>Уроки мужества</td><td rowspan="2">в течение года</td><td>Классные руководители</td>
<td>Сценарии</td></tr>
<tr><td>1.2</td><td><p>Акция «Бессмертный полк»</p></td>
<td>Заместитель директора по ВР,<br>советник директора</td><td>Фотоотчёт</td></tr>
<tr><td colspan="5">2. Работа с родителями</td></tr>
<tr><td>2.1</td><td>Родительские собрания</td><td>сентябрь, декабрь, март, май</td><td>Классные руководители</td>
<td>Протоколы</td></tr>
</table>
<p>Директор _________ И.И. Иванова</p>
</body></html>
"""


def test_a_school_page_in_windows_1251_imports_field_by_field(tmp_path: Path, cli) -> None:
    source = tmp_path / "vospitanie.html"
    source.write_bytes(PAGE.encode("cp1251"))
    result, roadmap = imported(cli, source, tmp_path / "v.yaml")
    assert roadmap.title == "Дорожная карта по реализации программы воспитания на 2025/2026 учебный год"
    assert roadmap.approval is not None
    assert (str(roadmap.approval.date), roadmap.approval.number, roadmap.approval.by) == (
        "2025-08-29", "201-о", "приказом директора МБОУ «СОШ № 7»")
    assert [(s.number, s.title) for s in roadmap.sections] == [
        ("1", "Гражданско-патриотическое воспитание"), ("2", "Работа с родителями")]
    got = [(e.item.number, e.item.title, e.item.deadline, [roadmap.executors[r.id].name for r in e.item.executors],
            e.item.result) for e in roadmap.walk()]
    assert got == [
        ("1.1", "Уроки мужества", "в течение года", ["Классные руководители"], "Сценарии"),
        ("1.2", "Акция «Бессмертный полк»", "в течение года",
         ["Заместитель директора по ВР", "Советник директора"], "Фотоотчёт"),
        ("2.1", "Родительские собрания", "сентябрь, декабрь, март, май", ["Классные руководители"], "Протоколы"),
    ]
    assert "объединённой со строкой выше" in result.out  # the rowspan is named for review
    assert cli("check", tmp_path / "v.yaml").code == 0


def test_the_roadmap_nested_in_a_layout_table_is_found() -> None:
    page = ("<table><tr><td>Меню</td><td><h1>План мероприятий на 2025 год</h1>"
            "<table><tr><td>№</td><td>Мероприятие</td><td>Срок</td><td>Исполнитель</td></tr>"
            "<tr><td>1.</td><td>Совещание</td><td>март</td><td>Методист</td></tr></table>"
            "<p>после таблицы</p></td></tr></table>")
    [table] = parse_html(page, "p.html").tables
    assert [[c.text for c in row.cells] for row in table.rows] == [["1.", "Совещание", "март", "Методист"]]


def test_broken_markup_is_read_as_far_as_it_goes() -> None:
    page = ("<p>План на 2025 год<table><tr><td>№<td>Мероприятие<td>Срок<td>Ответственный"
            "<tr><td>1<td>Семинар<td>май<td>Методист<tr><td>2<td colspan=abc>Конкурс<td>июнь<td rowspan=999>Жюри")
    document = parse_html(page, "p.html")
    [table] = document.tables
    assert [[c.text for c in row.cells] for row in table.rows] == [
        ["1", "Семинар", "май", "Методист"], ["2", "Конкурс", "июнь", "Жюри"]]
    assert [p.text for p in document.preamble] == ["План на 2025 год"]


def test_a_page_without_a_roadmap_is_refused(tmp_path: Path, cli) -> None:
    source = tmp_path / "news.htm"
    source.write_text("<html><body><p>Новости школы</p><table><tr><td>a</td></tr></table></body></html>",
                      encoding="utf-8")
    result = cli("import", source)
    assert result.code == 2
    assert "на странице нет таблицы дорожной карты" in result.err
    assert "Traceback" not in result.err


def test_a_markdown_file_is_read_as_text(tmp_path: Path, cli) -> None:
    source = tmp_path / "plan.md"
    source.write_text("# План на 2025/2026 учебный год\n\n| № | Мероприятие | Срок | Ответственный |\n"
                      "|---|---|---|---|\n| 1 | Семинар | май | Методист |\n", encoding="utf-8")
    result = cli("import", source, "-o", tmp_path / "plan.yaml")
    assert result.code == 0, result.err
    roadmap = load(tmp_path / "plan.yaml").roadmap
    assert roadmap is not None and roadmap.title == "План на 2025/2026 учебный год"
    assert [e.item.title for e in roadmap.walk()] == ["Семинар"]


def test_standard_input_is_read_as_what_it_holds(tmp_path: Path, cli, monkeypatch) -> None:
    """A page, a workbook and a drawn table piped in each go to their own reader."""
    import io
    import sys

    write_xlsx(SMALL, tmp_path / "plan.xlsx")
    drawn = ("План на 2025 год\n+---+-------------+------+---------------+\n| № | Мероприятие | Срок | Ответственный |\n"
             "+---+-------------+------+---------------+\n| 1 | Семинар     | май  | Методист      |\n"
             "+---+-------------+------+---------------+\n")
    for name, data in (("page", PAGE.encode("cp1251")), ("book", (tmp_path / "plan.xlsx").read_bytes()),
                       ("drawn", drawn.encode("utf-8"))):
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
        result = cli("import", "-", "-o", tmp_path / f"{name}.yaml")
        assert result.code == 0, (name, result.err)
        roadmap = load(tmp_path / f"{name}.yaml").roadmap
        last = {"page": "Родительские собрания", "book": "Семинар", "drawn": "Семинар"}[name]
        assert roadmap is not None and [e.item.title for e in roadmap.walk()][-1] == last, name
