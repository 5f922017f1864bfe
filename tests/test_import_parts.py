"""The pieces of `roadmapctl import`: headers, cleaning, layouts, executors, YAML text."""

from __future__ import annotations

from io import StringIO

import pytest

from roadmapctl.importer.cleanup import clean, join_lines, mend_broken_words
from roadmapctl.importer.executors import split_cells
from roadmapctl.importer.glossary import build_glossary
from roadmapctl.importer.ids import make_id
from roadmapctl.importer.tables import header_field, match_header
from roadmapctl.importer.text_source import parse_text
from roadmapctl.importer.timing import guess_period
from roadmapctl.importer.writer import scalar


@pytest.mark.parametrize(("text", "field"), [
    ("Мероприятие", "title"),
    ("Наименование мероприятия", "title"),
    ("Мероприятие (содержание деятельности)", "title"),
    ("Сроки исполнения", "deadline"),
    ("Сроки реализации", "deadline"),
    ("Сроки проведения", "deadline"),
    ("Срок\nисполнения", "deadline"),
    ("Ответственные исполнители", "executors"),
    ("Ответственные, исполнители", "executors"),
    ("Исполнители", "executors"),
    ("Планируемый результат", "result"),
    ("Результат", "result"),
    ("Индикативный показатель", "indicator"),
    ("Форма представления ожидаемого результата", "form"),
    ("№ п/п", "number"),
    ("№", "number"),
    ("Примечание", "note"),
    ("Подпись", None),
])
def test_header_cells(text: str, field: str | None) -> None:
    assert header_field(text) == field


def test_header_row_in_any_order() -> None:
    assert match_header(["Результат", "Исполнители", "№", "Мероприятие", "Срок"]) == {
        "result": 0, "executors": 1, "number": 2, "title": 3, "deadline": 4}
    assert match_header(["Мероприятие", "Подпись"]) is None
    assert match_header(["Дата", "Исполнители", "Подпись"]) is None


def test_clean_removes_noise_and_says_so() -> None:
    assert clean("<p>Справка&nbsp;в  Управление</p>") == ("Справка в Управление", {"html"})
    assert clean("???? Определение ОО") == ("Определение ОО", {"noise"})
    assert clean("«Кем быть?»") == ("«Кем быть?»", set())
    assert clean("**ДОРОЖНАЯ КАРТА**") == ("ДОРОЖНАЯ КАРТА", {"markup"})


def test_a_word_cut_by_a_narrow_column_is_joined_when_known_and_reported_when_not() -> None:
    """«нормативны» / «х документов»: a line of one word and a lower-case fragment."""
    known = {"нормативных", "документов"}
    assert mend_broken_words(["Изучение", "нормативны", "х документов"], known) == (
        ["Изучение", "нормативных документов"], [])
    assert mend_broken_words(["Изучение", "нормативны", "х документов"], set()) == (
        ["Изучение", "нормативны", "х документов"], ["нормативны х"])
    # An ordinary wrap looks the same but its next line is a word of its own: nothing to say.
    assert mend_broken_words(["Директор", "школы"], set()) == (["Директор", "школы"], [])
    assert mend_broken_words(["Консультации", "и беседы"], set()) == (["Консультации", "и беседы"], [])
    assert mend_broken_words(["Директор", "Школы № 5"], set()) == (["Директор", "Школы № 5"], [])
    # A line of several words is not a cut word's first part.
    assert mend_broken_words(["План работы", "ов"], set()) == (["План работы", "ов"], [])


def test_hyphenation_at_line_ends() -> None:
    assert join_lines(["образова-", "ния"], {"образования"}) == ("образования", [])
    assert join_lines(["научно-", "методический"], {"научно-методический"}) == ("научно-методический", [])
    assert join_lines(["подго-", "товка"]) == ("подготовка", ["подготовка"])
    assert join_lines(["социально-", "педагогической"]) == ("социально-педагогической", ["социально-педагогической"])
    assert join_lines(["подго\u00ad", "товка"]) == ("подготовка", [])
    assert join_lines(["плана -", "графика"]) == ("плана - графика", [])
    assert join_lines(["Нормативно", "-правовое обеспечение"]) == ("Нормативно-правовое обеспечение", [])
    assert join_lines(["Задачи:", "- первая"]) == ("Задачи: - первая", [])
    assert join_lines(["В течение ", "", "года"]) == ("В течение года", [])


def test_cell_per_line_layout() -> None:
    text = "\n".join([
        "Дорожная карта на 2023/2024 учебный год",
        "\t№", "\tМероприятие", "\tСрок", "исполнения", "\tИсполнители", "",
        "\t1", "\tНормативное обеспечение", "",
        "\t1.1", "\tПриказ", "\tВ течение ", "", "года", "\tКомитет,", "", "ОО", "",
        "\t", "\tПодпункт", "\tОктябрь", "\tОО",
    ])
    document = parse_text(text, "x.txt")
    table = document.tables[0]
    assert table.columns == {"number": 0, "title": 1, "deadline": 2, "executors": 3}
    assert [[c.paragraphs for c in row.cells] for row in table.rows] == [
        [["1"], ["Нормативное обеспечение"], [], []],
        [["1.1"], ["Приказ"], ["В течение", "года"], ["Комитет,", "ОО"]],
        [[], ["Подпункт"], ["Октябрь"], ["ОО"]],
    ]
    assert [row.where for row in table.rows] == ["строка 8", "строка 11", "строка 20"]
    assert [p.text for p in document.preamble] == ["Дорожная карта на 2023/2024 учебный год"]


def test_row_per_line_layout_with_several_tables() -> None:
    text = "\n".join([
        "План на 2024 год",
        "№\tМероприятие\tСрок\tОтветственные",
        "1.1\tСовещание\tМарт\tУО",
        "Направление 2. Кадры",
        "№\tМероприятие\tСрок\tОтветственные",
        "2.1\tСеминар\tАпрель\tУО",
    ])
    document = parse_text(text, "x.txt")
    assert len(document.tables) == 2
    assert [p.text for p in document.tables[1].heading] == ["Направление 2. Кадры"]


def test_row_per_line_header_on_two_lines() -> None:
    """«Планируемый» / «результат»: a header pasted as two lines is one header, not two tables."""
    text = "\n".join([
        "План на 2023/2024 учебный год",
        "№\tНаименование\tСрок\tОтветственные\tПланируемый",
        "п/п\tмероприятия\tисполнения\tисполнители\tрезультат",
        "1.1\tСовещание\tСентябрь 2023 г.\tУО\tПротокол",
    ])
    (table,) = parse_text(text, "x.txt").tables
    assert table.columns == {"number": 0, "title": 1, "deadline": 2, "executors": 3, "result": 4}
    assert [[c.text for c in row.cells] for row in table.rows] == [
        ["1.1", "Совещание", "Сентябрь 2023 г.", "УО", "Протокол"]]


def _glossary(*cells: str | list[str]):  # type: ignore[no-untyped-def]
    raw = [([c] if isinstance(c, str) else c, f"строка {i + 1}") for i, c in enumerate(cells)]
    return build_glossary(split_cells(raw))


def _names(glossary, index: int) -> list[tuple[str, str | None]]:  # type: ignore[no-untyped-def]
    return [(glossary.executors[r.id].name, r.note) for r in glossary.refs[index]]


def test_run_together_executors_are_cut_at_names_used_elsewhere() -> None:
    g = _glossary(
        "Управление образования администрации г. Белгорода, общеобразовательные организации",
        "Управление образования администрации г. Белгорода общеобразовательные организации ПОО, ВО",
        "профессиональные образовательные организации, органы местного самоуправления, "
        "осуществляющие управление в сфере образования (по согласованию)",
    )
    assert _names(g, 1) == [
        ("Управление образования администрации г. Белгорода", None),
        ("Общеобразовательные организации", None),
        ("Профессиональные образовательные организации", None),
        ("Образовательные организации высшего образования", None),
    ]
    assert _names(g, 2)[1] == (
        "Органы местного самоуправления, осуществляющие управление в сфере образования", "по согласованию")
    assert g.executors[g.refs[1][2].id].short == "ПОО"


def test_names_are_not_torn_apart() -> None:
    g = _glossary("Муниципальная рабочая группа", "Управление образования администрации ЛГО",
                  "рабочая группа (представители ОО)", "Управление образования, ОО, + на едином сервисе")
    assert _names(g, 0) == [("Муниципальная рабочая группа", None)]
    assert _names(g, 2) == [("Муниципальная рабочая группа", "представители ОО")]
    assert _names(g, 3) == [("Управление образования администрации ЛГО", None),
                            ("Общеобразовательные организации", "+ на едином сервисе")]


def test_spellings_of_one_executor_merge() -> None:
    g = _glossary(["Комитет,", "МАУ ДПО \"ЦНМО\""], ["Комитета", "ЦНМО"], "КОМИТЕТ и МБОУ СОШ № 3, 7")
    assert {e.name: e.short for e in g.executors.values()} == {
        "Комитет": None, 'МАУ ДПО "ЦНМО"': "ЦНМО", "МБОУ СОШ": None}
    assert _names(g, 2) == [("Комитет", None), ("МБОУ СОШ", "№ 3, 7")]
    assert any("«Комитета» считается тем же исполнителем, что «Комитет»" in m for _, m in g.notes)


def test_abbreviation_declared_in_brackets_is_the_short_name() -> None:
    """«… (далее – УО)» and «… (ГБУ ДПО РЦОКИО)» declare the short form used in other rows."""
    g = _glossary("Управление образования администрации города (далее – УО), МБУ ДПО «ЦРО» (по согласованию)",
                  "УО",
                  "ГБУ ДПО «Региональный центр оценки качества» (ГБУ ДПО РЦОКИО) (по согласованию)",
                  "ГБУ ДПО РЦОКИО, УО")
    assert {e.name: e.short for e in g.executors.values()} == {
        "Управление образования администрации города": "УО", "МБУ ДПО «ЦРО»": None,
        "ГБУ ДПО «Региональный центр оценки качества»": "ГБУ ДПО РЦОКИО"}
    assert _names(g, 0) == [("Управление образования администрации города", None),
                            ("МБУ ДПО «ЦРО»", "по согласованию")]
    assert _names(g, 2) == [("ГБУ ДПО «Региональный центр оценки качества»", "по согласованию")]
    assert _names(g, 3) == [("ГБУ ДПО «Региональный центр оценки качества»", None),
                            ("Управление образования администрации города", None)]


@pytest.mark.parametrize(("name", "ident"), [
    ("МБУ ДПО ЦРО", "mbu-dpo-cro"), ("МАУДО «ДПШ»", "maudo-dpsh"), ("Комитет", "komitet"),
    ("ГМФ по предпрофильной подготовке", "gmf"), ("ВО", "vo"),
    ("Управление образования администрации ЛГО", "uoa-lgo"),
])
def test_executor_ids(name: str, ident: str) -> None:
    assert make_id(name) == ident


@pytest.mark.parametrize(("title", "period"), [
    ("на 2021-2022 учебный год.", "2021/2022"),
    ("на 2023/2024 учебный год", "2023/2024"),
    ("НА 2021 – 2025 ГОДЫ", "2021-2025"),
    ("План на 2024 год", "2024"),
    ("План мероприятий", None),
])
def test_period_from_the_title(title: str, period: str | None) -> None:
    assert guess_period(title) == period


@pytest.mark.parametrize("text", [
    "Обычный текст", "title: с двоеточием", "решётка #1", "- тире в начале", "yes", "No", "1.10", "010",
    "2021-06-01", "", " пробел", "конец:", "«Кем быть?»", 'кавычки "внутри"', "\\обратная", "@метка",
    "~", "null", "1e3", "строка\nвторая", "% процент", "12:30",
])
def test_scalars_read_back_as_the_same_text(text: str) -> None:
    from ruamel.yaml import YAML

    value = YAML(typ="safe").load(StringIO(f"key: {scalar(text)}\n"))["key"]
    assert value == text


def test_unparsed_deadline_is_reported_and_fails_the_check(tmp_path, cli) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "plan.txt"
    source.write_text(
        "План мероприятий на 2023/2024 учебный год\n"
        "№\tМероприятие\tСрок\tОтветственные\n"
        "1. Организация\t\t\t\n"
        "1.1\tСовещание\tкак согласуем\tУправление образования\n"
        "1.2\tСеминар\tОктябрь\t\n",
        encoding="utf-8",
    )
    target = tmp_path / "plan.yaml"
    result = cli("import", source, "-o", target)
    assert result.code == 1
    lines = result.out.splitlines()
    assert any(line.startswith("  строка 4: мероприятие 1.1: не удалось разобрать срок «как согласуем»")
               and line.endswith("; исправьте фразу или добавьте due") for line in lines)
    assert "  строка 5: мероприятие 1.2: не указаны исполнители" in lines
    assert "Проверка roadmapctl check: 2 ошибки." in lines
    assert "deadline: как согласуем\n" in target.read_text(encoding="utf-8")


def test_order_and_stamp_without_date_are_reported() -> None:
    from roadmapctl.importer.order import read_preamble
    from roadmapctl.importer.tables import Paragraph

    lines = ["ПРИКАЗ", "Об утверждении плана", "ПРИКАЗЫВАЮ:", "1. Утвердить план.", "Директор", "А.Б. Петров",
             "УТВЕРЖДЁН", "приказом директора", "План мероприятий на 2024 год"]
    result = read_preamble([Paragraph(text, f"строка {i + 1}") for i, text in enumerate(lines)])
    assert result.notes == [("строка 1", "у приказа не найдены дата или номер — впишите их в order"),
                            ("строка 7", "в грифе утверждения не найдены дата или номер")]
    assert result.title == "План мероприятий на 2024 год"
    assert (result.order.title, result.order.signatory.name) == ("Об утверждении плана", "А.Б. Петров")


def test_text_in_unrecognised_columns_is_reported(tmp_path, cli) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "plan.txt"
    source.write_text(
        "План мероприятий на 2024 год\n"
        "№\tМероприятие\tСрок\tОтветственные\tПодпись\n"
        "1. Организация\t\t\t\t\n"
        "1.1\tСовещание\tМарт\tУправление образования\tИванов\n",
        encoding="utf-8",
    )
    result = cli("import", source, "-o", tmp_path / "plan.yaml")
    assert "  строка 2: в столбце 5 есть текст, но его заголовок не распознан — этот текст не перенесён" \
        in result.out.splitlines()


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig", "cp1251"])
def test_text_encodings(tmp_path, encoding: str) -> None:  # type: ignore[no-untyped-def]
    from roadmapctl.importer.text_source import read_text_document

    source = tmp_path / "plan.txt"
    source.write_bytes("План на 2024 год\r\n№\tМероприятие\tСрок\tОтветственные\r\n".encode(encoding))
    document = read_text_document(source)
    assert [p.text for p in document.preamble] == ["План на 2024 год"]
    assert document.tables[0].columns == {"number": 0, "title": 1, "deadline": 2, "executors": 3}


def test_row_after_a_title_cut_mid_phrase_continues_it(tmp_path, cli) -> None:  # type: ignore[no-untyped-def]
    """«… в рамках» / «Всероссийского проекта …»: a page break, not a sub-item, despite the capital."""
    from roadmapctl.reading.loader import load

    source = tmp_path / "plan.txt"
    source.write_text(
        "План мероприятий на 2023/2024 учебный год\n"
        "№\tМероприятие\tСрок\tОтветственные\tРезультат\n"
        "1. Организация\t\t\t\t\n"
        "1.1\tУчастие в проекте «Билет в будущее» в рамках\tСентябрь 2023\tУО\tУчастие\n"
        "\tВсероссийского проекта ранней профориентации\t\t\tобеспечено\n"
        "1.2\tРегиональные мероприятия:\t\t\t\n"
        "\tФестиваль «ПРОФЕСТ»\tМарт\tУО\tПроведён\n",
        encoding="utf-8",
    )
    result = cli("import", source, "-o", tmp_path / "plan.yaml")
    assert result.code == 0, result.out
    items = {e.item.number: e.item for e in load(tmp_path / "plan.yaml").roadmap.walk() if e.item.number}
    first = items["1.1"]
    assert (first.title, first.result, first.items) == (
        "Участие в проекте «Билет в будущее» в рамках Всероссийского проекта ранней профориентации",
        "Участие обеспечено", [])
    assert [i.title for i in items["1.2"].items] == ["Фестиваль «ПРОФЕСТ»"]


@pytest.mark.parametrize(("texts", "columns"), [
    (["№ п/п", "Наименование мероприятий (или группы мероприятий)", "Срок реализации", "Ответственный",
      "Индикативный показатель"],
     {"number": 0, "title": 1, "deadline": 2, "executors": 3, "indicator": 4}),
    (["Задачи", "Мероприятия", "Сроки", "Ответственные", "Планируемый результат"],
     {"stage": 0, "title": 1, "deadline": 2, "executors": 3, "result": 4}),
    (["№", "Содержание работы", "Дата", "Примечание"], {"number": 0, "title": 1, "deadline": 2, "note": 3}),
    (["Направления работы", "Сроки проведения", "Исполнитель"], {"title": 0, "deadline": 1, "executors": 2}),
    (["№", "Наименование мероприятия", "Форма представления результата", "Срок реа- лизации"],
     {"number": 0, "title": 1, "result": 2, "deadline": 3}),
    (["Наименование", "Содержание"], None),  # a programme's passport, not a roadmap
    (["№", "Наименование ОО", "Адрес"], None),
])
def test_header_synonyms(texts: list[str], columns: dict[str, int] | None) -> None:
    from roadmapctl.importer.tables import match_header

    assert match_header(texts) == columns


@pytest.mark.parametrize(("title", "period"), [
    ("План мероприятий по профилактике в 2020 году", "2020"),
    ("Дорожная карта на 2022-2028 годы", "2022-2028"),
    ("План работы на 2023/2024 учебный год", "2023/2024"),
    ("План работы на 2023-2024 учебный год", "2023/2024"),
    ("План работы по профилактике правонарушений", None),
])
def test_period_named_in_a_title_or_heading(title: str, period: str | None) -> None:
    from roadmapctl.importer.timing import guess_period

    assert guess_period(title) == period
