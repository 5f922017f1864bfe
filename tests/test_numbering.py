"""Numbering styles: hierarchical and local numbers both pass `check`; addresses stay unambiguous."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import DATA
from roadmapctl.model.numbering import detect, siblings
from roadmapctl.model.roadmap import Item
from roadmapctl.reading.loader import load_text

LOCAL = DATA / "positive" / "local-numbering.yaml"
AS_OF = "2024-12-01"


def _items(*numbers: str) -> tuple[Item, ...]:
    return tuple(Item(number=n, title="x") for n in numbers)


@pytest.mark.parametrize(("numbers", "prefix", "style"), [
    (("1.", "2.", "3."), "2", "local"),
    (("2.1", "2.2", "1.3"), "2", "hierarchical"),
    (("1.", "2.", "2.3"), "2", "local"),
    (("2.1", "1."), "2", "hierarchical"),  # a tie keeps the usual style
    (("1.1", "1.2."), None, "hierarchical"),
    (("1)", "2)"), None, "local"),
    ((), "3", "hierarchical"),
    (("2.1", "2.2"), "II", "hierarchical"),  # Roman section, Arabic items
    (("II.1", "II.2"), "II", "hierarchical"),
])
def test_style_is_decided_by_the_numbers(numbers: tuple[str, ...], prefix: str | None, style: str) -> None:
    assert detect(_items(*numbers), prefix) == style


def test_roman_section_numbers_take_arabic_item_numbers(cli, tmp_path: Path) -> None:
    path = tmp_path / "карта.yaml"
    path.write_text("title: К\nperiod: 2024/2025\nexecutors: {zam: Заместитель}\ndefault_executors: zam\n"
                    "sections:\n  - number: IV\n    title: Раздел\n    items:\n"
                    "      - {number: '4.1', title: А, deadline: Октябрь 2024}\n"
                    "      - {number: 'IV.2', title: Б, deadline: Октябрь 2024}\n"
                    "      - {number: '3.3', title: В, deadline: Октябрь 2024}\n", encoding="utf-8")
    result = cli("check", "--as-of", AS_OF, path)
    assert result.out == (f"{path}:11:18: error [R103] номер «3.3» не подходит к разделу «IV»: "
                          "номера в нём начинаются с «IV.» или «4.»\n1 ошибка в 1 файле.\n")


def test_locally_numbered_roadmap_passes_check(cli) -> None:
    result = cli("check", "--as-of", AS_OF, LOCAL)
    assert (result.code, result.out) == (0, "Замечаний нет: проверено 1 файл.\n")


def test_numbers_repeat_freely_in_other_directions_but_not_inside_one(cli, tmp_path: Path) -> None:
    text = LOCAL.read_text(encoding="utf-8")
    # sub-items numbered under their item in two directions: no repeat across directions
    text = text.replace("          - title: Регистрация", '          - number: "2.1"\n            title: Регистрация')
    path = tmp_path / "карта.yaml"
    path.write_text(text, encoding="utf-8")
    assert cli("check", "--as-of", AS_OF, path).code == 0
    # the third item of direction 1 renumbered «1.»: a real repeat inside one section
    path.write_text(text.replace('number: "3."\n        title: Анализ', 'number: "1."\n        title: Анализ'),
                    encoding="utf-8")
    result = cli("check", "--as-of", AS_OF, path)
    assert result.code == 1
    assert result.out == (f"{path}:24:17: error [R102] номер мероприятия «1.» уже встречался в строке 13\n"
                          "1 ошибка в 1 файле.\n")


def test_subsections_and_items_of_locally_numbered_parts_are_scoped() -> None:
    text = ("title: К\nperiod: 2024/2025\nsections:\n"
            "  - title: Раздел А\n    sections:\n"
            "      - {number: '1.', title: Подраздел, items: [{number: '1.1', title: a}]}\n"
            "      - {number: '2.', title: Подраздел, items: [{number: '2.1', title: b}]}\n"
            "  - title: Раздел Б\n    sections:\n"
            "      - {number: '1.', title: Подраздел, items: [{number: '1.1', title: c}]}\n")
    rm = load_text(text, "к.yaml").roadmap
    groups = [(g.kind, g.style) for g in siblings(rm) if g.members]
    assert groups == [("sections", "hierarchical"), ("sections", "local"), ("items", "hierarchical"),
                      ("items", "hierarchical"), ("sections", "local"), ("items", "hierarchical")]
    scopes = [g.scope for g in siblings(rm) if g.kind == "items" and g.members]
    assert scopes[0] == scopes[1] != scopes[2]


def test_repeated_numbers_are_addressed_with_their_section(cli) -> None:
    result = cli("list", "--as-of", AS_OF, LOCAL)
    assert result.code == 0
    lines = [line.split(" ", 2)[1] for line in result.out.splitlines() if line.startswith(str(LOCAL))]
    assert lines == ["1:1.", "1:2.", "1:2/1", "1:2/2", "3.", "2:1.", "2:2.", "3:1.", "3:2."]


def test_done_names_a_locally_numbered_item_by_section_and_number(cli, tmp_path: Path) -> None:
    path = tmp_path / "карта.yaml"
    path.write_text(LOCAL.read_text(encoding="utf-8"), encoding="utf-8")
    result = cli("done", path, "2:1", "--on", "2024-10-01")
    assert result.code == 0, result.err
    assert result.out.startswith(f"{path}: мероприятие 2:1. — отмечено выполнение 01.10.2024")
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[31:35] == ["        deadline: Ежемесячно", "        status: in_progress", "        completions:",
                            "          - date: 2024-10-01"]
    # «1.: 3.», with dots and spaces as people type them, is item «3.» of direction 1
    result = cli("extend", path, " 1.: 3. ", "--to", "2025-06-15", "--reason", "перенос анализа",
                 "--on", "2024-10-01")
    assert result.code == 0, result.err
    assert "мероприятие 3." in result.out


def test_an_ambiguous_number_lists_the_candidates(cli, tmp_path: Path) -> None:
    result = cli("done", LOCAL, "1.", "--on", "2024-10-01")
    assert result.code == 2
    assert result.out == ""
    assert result.err == (
        f"roadmapctl: ошибка: в {LOCAL} несколько мероприятий «1.»: "
        "1:1. (строка 13, «Составление плана профориентационной ра…»); "
        "2:1. (строка 30, «Классные часы «Мир профессий»»); "
        "3:1. (строка 40, «Родительское собрание «Выбор профессии»»)\n"
        "  укажите одно из них: 1:1., 2:1., 3:1. — или его ключ key\n"
    )


def test_sections_without_numbers_qualify_by_their_place(cli, tmp_path: Path) -> None:
    path = tmp_path / "карта.yaml"
    text = LOCAL.read_text(encoding="utf-8")
    path.write_text(text.replace('  - number: "2."\n    title: Направление 2', '  - title: Направление 2'),
                    encoding="utf-8")
    result = cli("list", "--as-of", AS_OF, path)
    addresses = [line.split(" ", 2)[1] for line in result.out.splitlines() if line.startswith(str(path))]
    assert addresses[5:7] == ["2:1.", "2:2."]
    assert cli("done", path, "2:1.", "--on", "2024-10-01").code == 0
