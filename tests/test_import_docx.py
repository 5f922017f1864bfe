"""`roadmapctl import` of Word documents built here with python-docx.

The fixtures imitate real roadmaps: header cells with line breaks, section
rows merged across the table, several paragraphs in a cell, bold runs that
split a word the way Word does, a cell merged down two rows, one table per
section with «Направление N» paragraphs, an order before the annex.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from roadmapctl.reading.loader import load

HEADER = ("№\nп/п", "Наименование\nмероприятия", "Срок\nисполнения", "Ответственные\nисполнители",
          "Планируемый результат")


def _write(cell: Any, text: str | list[str]) -> None:
    """Cell text; a list gives several paragraphs, «\\n» a manual line break."""
    paragraphs = [text] if isinstance(text, str) else text
    first = cell.paragraphs[0]
    for index, paragraph in enumerate(paragraphs):
        target = first if index == 0 else cell.add_paragraph()
        for line_no, line in enumerate(paragraph.split("\n")):
            run = target.add_run(line)
            if line_no < len(paragraph.split("\n")) - 1:
                run.add_break()


def _table(doc: Any, rows: list[tuple[Any, ...]], header: tuple[str, ...] | None = HEADER) -> Any:
    width = len(header or rows[0])
    table = doc.add_table(rows=0, cols=width)
    table.style = "Table Grid"
    for row in ([header] if header else []) + rows:
        cells = table.add_row().cells
        if row[0] == "MERGED":  # a section row merged across the whole table
            merged = cells[0].merge(cells[width - 1])
            _write(merged, row[1])
            continue
        if len(row) == 2:  # number, then a title merged over the other cells
            _write(cells[0], row[0])
            _write(cells[1].merge(cells[width - 1]), row[1])
            continue
        for cell, value in zip(cells, row, strict=False):
            if value:
                _write(cell, value)
    return table


def _bold_split(cell: Any, first: str, rest: str) -> None:
    """Word's runs: «Разра» bold and «ботка …» plain make one word on screen."""
    paragraph = cell.paragraphs[0]
    paragraph.add_run(first).bold = True
    paragraph.add_run(rest)


def build_single_table(path: Path) -> None:
    from docx import Document

    doc = Document()
    stamp = doc.add_table(rows=1, cols=2)  # the stamp set right in a borderless table
    _write(stamp.rows[0].cells[1], ["УТВЕРЖДЕНА", "приказом управления образования", "от 30.08.2023 № 101-о"])
    for text in ("", "ПЛАН МЕРОПРИЯТИЙ («ДОРОЖНАЯ КАРТА»)", "по профориентации обучающихся на 2023/2024 учебный год"):
        doc.add_paragraph(text)
    table = _table(doc, [
        ("1", "Нормативное обеспечение"),
        ("1.1", None, "Сентябрь 2023 г.", ["Управление образования администрации города",
                                           "ОО (по согласованию)"], "План утверждён"),
        ("1.2", ["Проведение мониторинга готовности", "образова-", "тельных организаций"],
         "В течение года", "Управление образования администрации города", "<p>Справка</p>"),
        ("1.3", "Размещение плана на сайтах", None, "ОО, МБОУ СОШ № 5, 12", "?? Размещено"),
        ("", "образовательных организаций", "", "", ""),
        ("MERGED", "2. Организационное обеспечение"),
        ("2.1", "Мероприятия для школ:", "", "", ""),
        ("", "Единый день профориентации", "Октябрь", "ОО", "Проведён"),
        ("", "Ярмарка профессий", "Апрель 2024 г.", "Управление образования", "Проведена"),
        ("3", "Кадровое обеспечение"),
        ("3.1", "Повышение квалификации"),
        ("3.1.1", "Курсы для педагогов-навигаторов", "Ноябрь – декабрь", "ИРО (по согласованию)", "Обучены"),
    ])
    _bold_split(table.rows[2].cells[1], "Разра", "ботка плана профориентации")
    below, above = table.rows[4].cells[2], table.rows[3].cells[2]
    above.merge(below)
    doc.save(str(path))


def build_table_per_section(path: Path) -> None:
    from docx import Document

    doc = Document()
    letterhead = doc.add_table(rows=1, cols=2)
    letterhead.rows[0].cells[0].text = "АДМИНИСТРАЦИЯ ПРИМЕРНОГО РАЙОНА"
    letterhead.rows[0].cells[1].text = "УПРАВЛЕНИЕ ОБРАЗОВАНИЯ"
    for text in ("П Р И К А З",
                 "«01» сентября 2023 г.", "№ 15-о", "Об утверждении дорожной карты",
                 "по профориентации на 2023-2024 учебный год",
                 "В целях развития профориентационной работы ПРИКАЗЫВАЮ:",
                 "1. Утвердить дорожную карту (приложение).",
                 "2. Руководителям школ:", "2.1. Обеспечить выполнение мероприятий;",
                 "2.2. Назначить ответственных.",
                 "3. Контроль за исполнением приказа возложить на",
                 "заместителя начальника управления.",
                 "Начальник управления", "И.И. Иванов",
                 "Приложение", "к приказу Управления образования", "от 01.09.2023 № 15-о",
                 "Дорожная карта по профориентации на 2023-2024 учебный год",
                 "Направление 1. Нормативное обеспечение"):
        doc.add_paragraph(text)
    header = ("№", "Мероприятие", "Ответственные, исполнители", "Сроки реализации", "Результат")
    _table(doc, [("1.1", "Приказ о профориентации", "Управление", "Сентябрь 2023 г.", "Приказ")], header)
    doc.add_paragraph("Направление 2. Кадровое обеспечение")
    _table(doc, [("2.1", "Семинар для классных руководителей", "Управление, МБУ ДПО «ЦРО»",
                  "Ноябрь", "Проведён семинар")], None)
    doc.add_paragraph("Направление 3. Работа с родителями")
    _table(doc, [("3.1", "Родительские собрания", "ЦРО", "Ежеквартально", "Протоколы")], header)
    doc.save(str(path))


@pytest.fixture(scope="session")
def single(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, Any, Path]:
    """The single-table document imported once (per worker) for the five tests that read it."""
    import contextlib
    import io

    from conftest import Result
    from roadmapctl.main import run

    folder = tmp_path_factory.mktemp("single")
    source, target = folder / "plan.docx", folder / "plan.yaml"
    build_single_table(source)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = run(["import", str(source), "-o", str(target)])
    return Result(code, out.getvalue(), err.getvalue()), load(target).roadmap, target


def test_single_table_imports_and_passes_check(single, cli) -> None:
    result, roadmap, target = single
    assert result.code == 0, result.out
    assert cli("check", target).code == 0
    assert roadmap.title == "ПЛАН МЕРОПРИЯТИЙ («ДОРОЖНАЯ КАРТА») по профориентации обучающихся на 2023/2024 учебный год"
    assert roadmap.period.text == "2023/2024"
    a = roadmap.approval
    assert (a.stamp, a.by, a.kind, a.date, a.number) == (
        "УТВЕРЖДЕНА", "приказом управления образования", "приказ", date(2023, 8, 30), "101-о")


def test_merged_rows_nest_sections(single) -> None:
    _, roadmap, _ = single

    def tree(sections: list) -> list:  # type: ignore[type-arg]
        return [(s.number, s.title, [i.number for i in s.items], tree(s.sections)) for s in sections]

    assert tree(roadmap.sections) == [
        ("1", "Нормативное обеспечение", ["1.1", "1.2", "1.3"], []),
        ("2", "Организационное обеспечение", ["2.1"], []),
        ("3", "Кадровое обеспечение", [], [("3.1", "Повышение квалификации", ["3.1.1"], [])]),
    ]


def test_cells_are_cleaned_and_joined(single) -> None:
    _, roadmap, _ = single
    items = {e.item.number: e.item for e in roadmap.walk() if e.item.number}
    assert items["1.1"].title == "Разработка плана профориентации"
    assert items["1.2"].title == "Проведение мониторинга готовности образовательных организаций"
    assert items["1.2"].result == "Справка"
    assert items["1.3"].title == "Размещение плана на сайтах образовательных организаций"
    assert items["1.3"].result == "Размещено"
    assert items["1.3"].deadline == "В течение года"  # merged down from 1.2
    sub = [i.title for i in items["2.1"].items]
    assert sub == ["Единый день профориентации", "Ярмарка профессий"]
    assert items["2.1"].deadline is None


def test_executor_glossary(single) -> None:
    _, roadmap, _ = single
    glossary = {k: (e.name, e.short) for k, e in roadmap.executors.items()}
    items = {e.item.number: e.item for e in roadmap.walk() if e.item.number}

    def refs(number: str) -> list[tuple[str, str | None]]:
        return [(glossary[r.id][0], r.note) for r in items[number].executors]

    assert refs("1.1") == [("Управление образования администрации города", None),
                           ("Общеобразовательные организации", "по согласованию")]
    assert refs("1.3") == [("Общеобразовательные организации", None), ("МБОУ СОШ", "№ 5, 12")]
    assert refs("3.1.1") == [("ИРО", "по согласованию")]
    assert ("Общеобразовательные организации", "ОО") in glossary.values()
    assert len(glossary) == 4


def test_report_points_at_table_rows(single) -> None:
    result, _, _ = single
    assert "Найдено: 4 раздела, 7 мероприятий (из них 2 подпункта), 4 исполнителя." in result.out
    assert "таблица 2, строка 4: удалены HTML-теги" in result.out
    assert "таблица 2, строка 5: удалены знаки «?» (испорченные символы)" in result.out
    assert ("таблица 2, строка 6: строка без номера присоединена к мероприятию 1.3 "
            "(таблица 2, строка 5) как продолжение разорванной строки") in result.out
    assert "перенос слова склеен как «образовательных»" not in result.out  # the word occurs elsewhere


def test_table_per_section_with_order(tmp_path: Path, cli) -> None:
    source = tmp_path / "district.docx"
    build_table_per_section(source)
    target = tmp_path / "district.yaml"
    result = cli("import", source, "-o", target)
    assert result.code == 0, result.out
    assert cli("check", target).code == 0
    roadmap = load(target).roadmap
    assert [(s.number, s.title, [i.number for i in s.items]) for s in roadmap.sections] == [
        ("1", "Нормативное обеспечение", ["1.1"]),
        ("2", "Кадровое обеспечение", ["2.1"]),
        ("3", "Работа с родителями", ["3.1"]),
    ]
    assert roadmap.title == "Дорожная карта по профориентации на 2023-2024 учебный год"
    assert roadmap.period.text == "2023/2024"
    order = roadmap.order
    assert order.authority == ["АДМИНИСТРАЦИЯ ПРИМЕРНОГО РАЙОНА", "УПРАВЛЕНИЕ ОБРАЗОВАНИЯ"]
    assert (order.kind, order.date, order.number) == ("ПРИКАЗ", date(2023, 9, 1), "15-о")
    assert order.title == "Об утверждении дорожной карты по профориентации на 2023-2024 учебный год"
    assert (order.preamble, order.command) == ("В целях развития профориентационной работы", "ПРИКАЗЫВАЮ")
    assert [p.text for p in order.points] == [
        "Утвердить дорожную карту (приложение).", "Руководителям школ:",
        "Контроль за исполнением приказа возложить на заместителя начальника управления."]
    assert [p.text for p in order.points[1].points] == ["Обеспечить выполнение мероприятий;",
                                                        "Назначить ответственных."]
    assert (order.signatory.position, order.signatory.name) == ("Начальник управления", "И.И. Иванов")
    assert (roadmap.approval.stamp, roadmap.approval.by, roadmap.approval.number) == (
        "Приложение", "к приказу Управления образования", "15-о")
    names = sorted(e.name for e in roadmap.executors.values())
    assert names == ["МБУ ДПО «ЦРО»", "Управление образования"]
    assets = {e.name: e.short for e in roadmap.executors.values()}
    assert assets["МБУ ДПО «ЦРО»"] == "ЦРО"


def test_not_a_word_file(tmp_path: Path, cli) -> None:
    fake = tmp_path / "fake.docx"
    fake.write_bytes(b"%PDF-1.4 not a zip")
    result = cli("import", fake)
    assert result.code == 2
    assert result.err.startswith(f"roadmapctl: ошибка: {fake}: не удалось открыть документ Word")
    old = tmp_path / "old.doc"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    assert "старый формат Word (.doc)" in cli("import", old).err


def test_table_inside_a_content_control(tmp_path: Path, cli) -> None:
    """Templates wrap blocks in content controls (w:sdt); their tables are read too."""
    from docx import Document
    from docx.oxml import OxmlElement

    doc = Document()
    doc.add_paragraph("План мероприятий на 2024 год")
    table = _table(doc, [("1", "Организация"), ("1.1", "Совещание", "Март", "Управление образования", "Протокол")])
    sdt, content = OxmlElement("w:sdt"), OxmlElement("w:sdtContent")
    table._tbl.addprevious(sdt)
    sdt.append(content)
    content.append(table._tbl)
    source = tmp_path / "sdt.docx"
    doc.save(str(source))
    result = cli("import", source, "-o", tmp_path / "sdt.yaml")
    assert result.code == 0, result.out
    assert "Найдено: 1 раздел, 1 мероприятие, 1 исполнитель." in result.out


def _rows(table: Any, rows: list[tuple[str, ...]]) -> None:
    for row in rows:
        for cell, value in zip(table.add_row().cells, row, strict=False):
            if value:
                _write(cell, value)


def test_header_text_split_over_two_rows(tmp_path: Path, cli) -> None:
    """«Планируемый» / «результат» in two rows is one header; the second row is no measure."""
    from docx import Document

    doc = Document()
    doc.add_paragraph("План работы на 2023/2024 учебный год")
    table = doc.add_table(rows=0, cols=5)
    _rows(table, [("№", "Наименование", "Срок", "Ответственные", "Планируемый"),
                  ("п/п", "мероприятия", "исполнения", "исполнители", "результат"),
                  ("1", "Совещание с заместителями директоров", "Сентябрь 2023 г.", "Управление образования",
                   "Протокол")])
    source, target = tmp_path / "plan.docx", tmp_path / "plan.yaml"
    doc.save(str(source))
    result = cli("import", source, "-o", target)
    assert result.code == 0, result.out
    assert "не перенесён" not in result.out
    (item,) = [e.item for e in load(target).roadmap.walk()]
    assert (item.number, item.title, item.result) == ("1", "Совещание с заместителями директоров", "Протокол")


def test_result_header_spanning_two_subcolumns(tmp_path: Path, cli) -> None:
    """«Ожидаемый результат» over «качественный» and «количественный»: a result and an indicator."""
    from docx import Document

    doc = Document()
    doc.add_paragraph("План работы на 2023/2024 учебный год")
    table = doc.add_table(rows=2, cols=6)
    top, below = table.rows[0].cells, table.rows[1].cells
    for index, name in enumerate(("№", "Мероприятие", "Срок", "Ответственные")):
        _write(top[index].merge(below[index]), name)
    _write(top[4].merge(top[5]), "Ожидаемый результат")
    _write(below[4], "качественный")
    _write(below[5], "количественный")
    _rows(table, [("1", "Семинар для педагогов", "Октябрь 2023 г.", "Управление образования",
                   "Проведён семинар", "40 педагогов")])
    source, target = tmp_path / "plan.docx", tmp_path / "plan.yaml"
    doc.save(str(source))
    result = cli("import", source, "-o", target)
    assert result.code == 0, result.out
    (item,) = [e.item for e in load(target).roadmap.walk()]
    assert (item.result, item.indicator.text) == ("Проведён семинар", "40 педагогов")
    assert "не перенесён" not in result.out


def test_tables_that_are_not_the_roadmap_are_skipped(tmp_path: Path, cli) -> None:
    """A work-group list before the roadmap and an approval sheet after it are no measures."""
    from docx import Document

    doc = Document()
    doc.add_paragraph("Дорожная карта по профориентации на 2023/2024 учебный год")
    members = doc.add_table(rows=0, cols=3)
    _rows(members, [("№", "ФИО", "Должность"), ("1", "Иванова И.И.", "методист"),
                    ("2", "Петров П.П.", "директор")])
    _table(doc, [("1", "Кадры"), ("1.1", "Курсы повышения квалификации", "В течение года",
                                  "Управление образования", "Обучены педагоги")])
    doc.add_paragraph("Лист согласования")
    sheet = doc.add_table(rows=0, cols=4)
    _rows(sheet, [("Должность", "Ф.И.О.", "Дата", "Подпись"),
                  ("Заместитель начальника", "П.П. Петров", "12.08.2023", "")])
    source, target = tmp_path / "plan.docx", tmp_path / "plan.yaml"
    doc.save(str(source))
    result = cli("import", source, "-o", target)
    assert result.code == 0, result.out
    roadmap = load(target).roadmap
    assert roadmap.title == "Дорожная карта по профориентации на 2023/2024 учебный год"
    assert [e.item.number for e in roadmap.walk()] == ["1.1"]
    assert ("  таблица 1: не похожа на таблицу дорожной карты (нет столбцов «Мероприятие», «Сроки», "
            "«Ответственные», «Результат») — пропущена") in result.out
    assert ("  таблица 3: нет строки заголовков, а столбцов другое число, чем в таблице дорожной "
            "карты, — пропущена") in result.out


def test_empty_roadmap_table_is_an_input_error(tmp_path: Path, cli) -> None:
    from docx import Document

    doc = Document()
    doc.add_paragraph("Дорожная карта на 2023/2024 учебный год")
    _table(doc, [])
    source, target = tmp_path / "blank.docx", tmp_path / "blank.yaml"
    doc.save(str(source))
    result = cli("import", source, "-o", target)
    assert (result.code, result.out) == (2, "")
    assert result.err == ("roadmapctl: ошибка: blank.docx: в таблице дорожной карты нет ни одного мероприятия\n"
                          "  заполните таблицу или проверьте, тот ли это документ\n")
    assert not target.exists()


@pytest.mark.parametrize("name, data, message", [
    ("empty.docx", b"", "empty.docx: файл пуст"),
    ("empty.txt", b"", "empty.txt: файл пуст"),
    ("scan.docx", b"%PDF-1.4 ...", "scan.docx: не удалось открыть документ Word — это PDF"),
    ("old.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old.docx: не удалось открыть документ Word — "
                                                      "это документ в старом формате Word (.doc)"),
    ("scan.pdf", b"%PDF-1.4 ...", "scan.pdf: файл повреждён или это не PDF"),
])
def test_files_that_are_no_roadmap_source(tmp_path: Path, cli, name: str, data: bytes, message: str) -> None:
    """Each message says what the file is, in Russian, without Python's exception names."""
    source = tmp_path / name
    source.write_bytes(data)
    result = cli("import", source, "-o", tmp_path / "out.yaml")
    assert (result.code, result.out) == (2, "")
    first = result.err.splitlines()[0]
    assert first == f"roadmapctl: ошибка: {tmp_path / message}"
    assert "Error" not in result.err


def test_folder_instead_of_a_file(tmp_path: Path, cli) -> None:
    result = cli("import", tmp_path)
    assert (result.code, result.err) == (2, f"roadmapctl: ошибка: {tmp_path} — папка, а не файл\n")
