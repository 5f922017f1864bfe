"""`roadmapctl diff` on last year's Chelyabinsk roadmap and a realistic next-year edit of it.

chel-2023-2024.yaml is a copy of the seed roadmap; chel-2024-2025.yaml is the
same roadmap edited the way departments do it (see its header comment).  The
expected change list was reviewed by hand; the goldens pin its wording.
"""

from __future__ import annotations

import json

import pytest

from conftest import DATA, ROOT, golden
from roadmapctl.diff import compare
from roadmapctl.reading.loader import load

OLD = "tests/data/diff/chel-2023-2024.yaml"
NEW = "tests/data/diff/chel-2024-2025.yaml"
GOLDEN = DATA / "golden"


@pytest.fixture
def at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


@pytest.fixture(scope="module")
def chel():
    old, new = load(ROOT / OLD).roadmap, load(ROOT / NEW).roadmap
    assert old is not None and new is not None
    return compare(old, new)


def test_text_report_matches_golden(cli, at_root) -> None:
    result = cli("diff", OLD, NEW)
    assert result.code == 1, result.err
    assert result.err == ""
    golden(GOLDEN / "diff-chel.txt", result.out)


def test_json_report_matches_golden(cli, at_root) -> None:
    result = cli("diff", OLD, NEW, "--format", "json")
    assert result.code == 1, result.err
    golden(GOLDEN / "diff-chel.json", result.out)


def test_markdown_report_matches_golden(cli, at_root) -> None:
    result = cli("diff", OLD, NEW, "--format", "markdown")
    assert result.code == 1, result.err
    golden(GOLDEN / "diff-chel.md", result.out)


def test_exact_change_list(chel) -> None:
    """The reviewed list: which items changed how, and nothing else."""
    changed = {(c.old.label, c.new.label): tuple(f.kind for f in c.changes) for c in chel.changed}
    assert changed == {
        ("3.2", "3.2"): ("reworded",),
        ("4.1", "4.1"): ("deadline_moved",),
        ("4.2", "4.2"): ("text_changed",),
        ("5.1.2", "5.1.2"): ("deadline_moved",),
        ("5.2.3", "5.1.4"): ("moved",),
        ("5.2.2", "5.2.2"): ("executors_changed",),
        ("5.2.4", "5.2.3"): ("renumbered", "text_changed"),
        ("5.2.5", "5.3.1"): ("moved",),
        ("5.2.5/5", "5.3.1/5"): ("reworded",),
        ("5.2.6", "5.3.2"): ("moved",),
        ("5.2.6/2", "5.3.2/2"): ("deadline_moved",),
        ("5.2.6/3", "5.3.2/3"): ("reworded",),
    }
    # Only renumbered after an insertion or a removal: not changes, said once per run.
    assert [(r.old, r.new, r.cause) for r in chel.renumbered] == [
        (("1.2",), ("1.3",), "вставлен новый 1.2"),
        (("5.2.7", "5.2.8"), ("5.2.4", "5.2.5"), "перенесены в другое место прежние 5.2.3, 5.2.5, 5.2.6"),
    ]
    assert chel.renumbered_count == 3
    assert [r.label for r in chel.added] == ["1.2", "5.3.2/8"]
    assert [r.label for r in chel.removed] == ["2.2", "5.2.6/7"]
    assert chel.unchanged_count == 24
    assert [s.kinds for s in chel.sections] == [("renamed",), ("added",), ("renumbered",)]
    assert chel.sections[1].sources[0].number == "5.2"
    assert [(c.part, c.field, c.kind) for c in chel.document] == [
        ("document", "period", "changed"), ("approval", "date", "changed"), ("approval", "number", "changed"),
        ("executors", "executor", "added"), ("order", "date", "changed"), ("order", "number", "changed")]
    assert chel.document[3].items == ("1.2",)


def test_near_duplicate_contests_are_not_mispaired(chel) -> None:
    """5.2.6 sub-items differ only in the contest name: each pairs with its own, or none."""
    from roadmapctl.diff.matching import entries, match

    old, new = load(ROOT / OLD).roadmap, load(ROOT / NEW).roadmap
    old_entries, new_entries = entries(old, 1), entries(new)
    pairs = match(old_entries, new_entries)
    contests = [a for a in old_entries if a.label.startswith("5.2.6/")]
    assert len(contests) == 8
    paired = [(a.item.title, new_entries[pairs[a.index]].item.title) for a in contests if a.index in pairs]
    assert len(paired) == 7
    assert all(_quoted(a) == _quoted(b) for a, b in paired)
    assert "«Почемучки»" in chel.removed[1].title
    assert "«Юный инженер»" in chel.added[1].title
    moved = next(c for c in chel.changed if "«Кем быть?»" in c.new.title)
    assert "«Кем быть?»" in moved.old.title
    assert moved.changes[0].summary == "срок перенесён: «Октябрь» → «Ноябрь» (на 1 мес. позже)"


def _quoted(title: str) -> str:
    return title[title.rfind("«"):] if "«" in title else ""


def test_shifted_years_and_typography_are_no_change(chel) -> None:
    labels = {c.new.label for c in chel.changed}
    # «Октябрь 2023 г.» → «Октябрь 2024 г.», «на 2023-2024 учебный год» → «на 2024-2025 …»
    assert ("1.3",) in {run.new for run in chel.renumbered}  # only renumbered: its years moved with the period
    # «образовательно - просветительском» → «образовательно-просветительском»,
    # «Декабрь 2023 г.-май 2024 г.» → «Декабрь 2024 г. – май 2025 г.», a final full stop dropped (4.1)
    assert "5.3.2/1" not in labels and "5.3.1/2" not in labels
    change = next(c for c in chel.changed if c.new.label == "4.1")
    assert [f.field for f in change.changes] == ["deadline"]


def test_unedited_year_is_reported(chel) -> None:
    change = next(c for c in chel.changed if c.new.label == "5.1.2")
    assert change.changes[0].summary == (
        "срок остался прежним («Сентябрь 2023 г.») и не сдвинут вместе с периодом: "
        "относительно периода на 12 мес. раньше")


def test_statuses_ignored_by_default_and_shown_on_request(cli, at_root) -> None:
    plain = json.loads(cli("diff", OLD, NEW, "-f", "json").out)
    full = json.loads(cli("diff", OLD, NEW, "-f", "json", "--include-status").out)
    assert not any(f["field"] == "status" for c in plain["changed"] for f in c["changes"])
    status = {c["new"]: [f["summary"] for f in c["changes"] if f["kind"] == "status_changed"]
              for c in full["changed"]}
    assert status["1.1"] == ["статус: выполнено → запланировано", "отметки об исполнении: было 1, стало 0"]
    assert status["5.2.5"] == ["статус: выполняется → запланировано"]
    assert "5.2.4" not in status or status["5.2.4"] == []  # in progress in both years
    assert full["summary"]["changed"] > plain["summary"]["changed"]


def test_same_file_is_no_change(cli, at_root) -> None:
    result = cli("diff", OLD, OLD)
    assert result.code == 0
    assert result.out.splitlines()[-1] == "Мероприятия не изменились (41 мероприятие)."


def test_newer_roadmap_first_says_the_shift_goes_back(cli, at_root) -> None:
    result = cli("diff", NEW, OLD)
    assert result.code == 1
    assert result.out.splitlines()[1] == "Сроки сравниваются относительно периодов (сдвиг на 12 мес. назад)."


@pytest.mark.parametrize("changed, expected", [
    (1, "Изменено 1 мероприятие"), (3, "Изменено 3 мероприятия"), (11, "Изменено 11 мероприятий"),
    (22, "Изменено 22 мероприятия"), (25, "Изменено 25 мероприятий"),
])
def test_counts_line_plurals(chel, changed: int, expected: str) -> None:
    from dataclasses import replace

    from roadmapctl.diff.report import counts_line

    line = counts_line(replace(chel, changed=chel.changed[:1] * changed))
    assert line == f"{expected}, добавлено 2, удалено 2, перенумеровано 3, без изменений 24."


def test_every_seed_roadmap_equals_itself() -> None:
    for path in sorted((ROOT / "roadmaps").glob("*.yaml")):
        roadmap = load(path).roadmap
        assert roadmap is not None
        diff = compare(roadmap, roadmap)
        assert not diff.has_changes, path
        assert diff.unchanged_count == len(list(roadmap.walk()))


@pytest.mark.parametrize("args, message", [
    ((OLD,), "укажите вторую карту или ревизию"),
    ((OLD, NEW, "--from", "HEAD"), "с --from указывается одна карта"),
    ((OLD, "--to", "HEAD"), "--to без --from"),
    ((OLD, "нет-такого.yaml"), "файла нет-такого.yaml нет"),
    ((OLD, "tests/data/diff"), "roadmapctl: ошибка: tests/data/diff — папка, а не файл карты"),
    ((OLD, NEW, "--format", "pdf"), "--format: «pdf» — допустимо"),
    ((OLD, NEW, "--format", "docx"), "для DOCX укажите файл"),
    ((OLD, NEW, "-o", "сравнение.pdf"), "по расширению «.pdf» формат не определить: "
                                        "укажите --format (text, markdown, json, html, docx)"),
    ((OLD, "tests/data/diff/broken.yaml"), "сравнение невозможно"),
])
def test_usage_errors_exit_2(cli, at_root, args, message) -> None:
    result = cli("diff", *args)
    assert result.code == 2
    assert result.out == ""
    assert message in result.err
    assert "Traceback" not in result.err


def test_terminal_colours_render_to_the_plain_report(chel) -> None:
    """The rich markup escapes roadmap text: with colours stripped it is the plain report."""
    import io

    from rich.console import Console

    from roadmapctl.diff.report import text_report

    screen = Console(file=io.StringIO(), width=10_000, color_system=None, highlight=False, soft_wrap=True)
    screen.print(text_report(chel, styled=True), end="")
    assert screen.file.getvalue() == text_report(chel)
    coloured = Console(file=io.StringIO(), width=10_000, force_terminal=True, color_system="standard",
                       highlight=False, soft_wrap=True)
    coloured.print(text_report(chel, styled=True), end="")
    assert "\x1b[31m[-ООО-]\x1b[0m" in coloured.file.getvalue()
