"""The `textconv` driver: `git diff` of two years shows only what really changed.

Years relative to the period (deadlines, pins, mentions of the period itself)
are written as {Г}, {Г+1}; fixed years (a regional programme «на 2023-2025
годы», a document's date) and real dates (completion marks, extensions) are
written as they are, so they neither show up as changed when they are not
nor hide a change when they are.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import DATA, ROADMAPS

OLD = DATA / "diff" / "chel-2023-2024.yaml"
NEW = DATA / "diff" / "chel-2024-2025.yaml"


def _blocks(text: str) -> list[list[str]]:
    return [block.splitlines() for block in text.split("\n\n")]


def _block(text: str, number: str) -> list[str]:
    return next(b for b in _blocks(text) if f"  № {number}" in b)


def test_a_fixed_multi_year_programme_is_not_shown_as_changed(cli) -> None:
    old, new = cli("textconv", OLD).out, cli("textconv", NEW).out
    before, after = _block(old, "5.2.7"), _block(new, "5.2.4")
    assert before[0] == after[0]
    assert before[0].endswith("в системе образования г. Челябинска на 2023-2025 годы")
    assert "в 2021-2025 годах»" in old  # the order's preamble names a regional programme: as written


def test_mentions_of_the_period_and_deadlines_are_relative(cli) -> None:
    old = cli("textconv", OLD).out
    assert old.splitlines()[0].endswith("Челябинской области на {Г}/{Г+1} учебный год")
    assert "  срок: Октябрь {Г} г." in _block(old, "1.2")
    assert "  дата: {Г+1}-01-31, {Г+1}-06-30" in _block(old, "3.2")


def test_real_dates_print_as_dates_and_an_extension_keeps_its_basis(cli) -> None:
    old = cli("textconv", OLD).out
    assert "  исполнено: 25.10.2023 — планы образовательных организаций собраны Комитетом" in _block(old, "1.2")
    assert ("  исполнено: 19.01.2024 (за срок 31.01.2024) — первый этап мониторинга (декабрь – январь) пройден"
            in _block(old, "3.2"))
    extended = next(line for line in old.splitlines() if line.startswith("  срок продлён"))
    assert extended == ("  срок продлён до 15.02.2024 (24.01.2024) — позднее поступление результатов "
                        "регионального мониторинга; основание: служебная записка МАУДО «ДПШ»")
    assert "{Г" not in extended and "исполнено: {Г" not in old
    assert "  дата: 07.08.2023" in old.split("Исполнители:")[0]  # the approval stamp's date


@pytest.mark.parametrize(("name", "to", "new"), [
    ("chelyabinsk-2023-2024", "2024/2025", "chelyabinsk-2024-2025"),
    ("lysva-2021-2022", "2022/2023", "lysva-2022-2023"),
    ("belgorod-2021-2025", "2026-2030", "belgorod-2026-2030"),
])
def test_git_diff_of_a_rolled_over_roadmap_shows_only_the_year_and_the_cleared_marks(
        cli, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch, name: str, to: str,
        new: str) -> None:
    """As the README says: the period line, the order's date and number taken off (a draft), and the
    statuses and completion marks the rollover removed — nothing else. The rollover is the one
    test_rollover checks (run once per process)."""
    from test_rollover import rolled_once

    rolled = rolled_once(tmp_path_factory, name, to)
    assert rolled.code == 0, rolled.err
    monkeypatch.chdir(rolled.folder)
    old_lines = cli("textconv", f"roadmaps/{name}.yaml").out.splitlines()
    new_lines = cli("textconv", f"roadmaps/{new}.yaml").out.splitlines()
    import difflib

    removed, added = [], []
    for line in difflib.unified_diff(old_lines, new_lines, n=0, lineterm=""):
        if line.startswith("-") and not line.startswith("---"):
            removed.append(line[1:])
        elif line.startswith("+") and not line.startswith("+++"):
            added.append(line[1:])
    assert [line for line in added if not line.startswith("Период: ")] == []
    kinds = ("Период: ", "  дата: ", "  номер: ", "  статус: ", "  исполнено: ", "  срок продлён ")
    assert [line for line in removed if not line.startswith(kinds)] == []
    assert any(line.startswith("Период: ") for line in removed)


def test_status_lines_are_shown_like_any_change(cli, tmp_path: Path) -> None:
    """`done` writes a completion mark: git diff shows it (README: «отметки об исполнении тоже видны»)."""
    path = tmp_path / "карта-2023-2024.yaml"
    shutil.copy(ROADMAPS / "lysva-2021-2022.yaml", path)
    before = cli("textconv", path).out
    done = cli("done", path, "1.1", "--on", "2021-06-20", "--note", "приказ № 12",
               "--evidence", "https://example.ru/prikaz-12.pdf")
    assert done.code == 0, done.err
    after = cli("textconv", path).out
    assert [line for line in after.splitlines() if line not in before.splitlines()] == [
        "  статус: выполнено", "  исполнено: 20.06.2021 — приказ № 12",
        "    подтверждение: https://example.ru/prikaz-12.pdf"]


def test_table_settings_are_shown(cli, tmp_path: Path) -> None:
    from test_diff_document import SETTINGS

    path = tmp_path / "plan.yaml"
    path.write_text(SETTINGS, encoding="utf-8")
    out = cli("textconv", path).out
    assert "Исполнители по умолчанию: ЗДВР\n" in out
    assert "== 2 Работа с родителями ==\n  Исполнители по умолчанию: Классные руководители\n" in out
    assert "Столбцы:\n  number: №\n  title: Мероприятие\n  deadline: Срок\n" in out
    assert "  № 2:1\n" in out  # local numbering: the address `done` takes
