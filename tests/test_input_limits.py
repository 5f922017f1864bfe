"""Bounds on inputs (limits.py), the cases of issue #13 that belong to reading: 9, 12, 13, 15.

Each case was reproduced first against the code before the fix (an exit 3
with OverflowError or ValueError, gigabytes of memory, limits that disagree
between commands); here each must end in a clear Russian message, a
documented exit code and no traceback.
"""

from __future__ import annotations

import zipfile
from datetime import date

import pytest

from roadmapctl import limits
from roadmapctl.reading import check, read

AS_OF = date(2024, 1, 15)
MAP = """title: Дорожная карта
period: 2023/2024
executors:
  uo: {{name: Управление образования, short: УО}}
sections:
  - number: "1"
    title: Раздел
    items:{items}
"""
ITEM = """
      - number: "1.{n}"
        title: {title}
        deadline: {deadline}
        executors: [uo]"""


def roadmap(*deadlines: str, period: str = "2023/2024", titles: tuple[str, ...] = ()) -> str:
    items = "".join(ITEM.format(n=n, title=titles[n - 1] if titles else f"Мероприятие {n}", deadline=d)
                    for n, d in enumerate(deadlines, 1))
    return MAP.format(items=items).replace("2023/2024", period, 1)


# --- case 9: one size bound for every way a roadmap comes in ------------------------------------


def test_size_bound_is_the_same_for_files_git_blobs_and_what_import_checks(tmp_path, cli) -> None:
    big = ("# " + "я" * 60 + "\n").encode("utf-8") * (limits.MAX_ROADMAP_BYTES // 120 + 1000)
    assert len(big) > limits.MAX_ROADMAP_BYTES
    message = "файл слишком большой (10.4 МБ, предел 10 МБ): это не похоже на дорожную карту"
    path = tmp_path / "big.yaml"
    path.write_bytes(big)
    from_file = cli("check", path)
    assert (from_file.code, from_file.out) == (1, f"{path}:1:1: error [R001] {message}\n1 ошибка в 1 файле.\n")
    blob = check(read("HEAD:big.yaml", data=big), AS_OF)
    assert [(p.code, p.message) for p in blob] == [("R001", message)]
    # what `import` reports about the YAML it writes: the same bound, so it never calls «ошибок нет»
    # a file that `check` refuses (the import helper refuses to write it at all)
    from roadmapctl.commands.import_ import check_text

    written = check_text(big.decode("utf-8"), "roadmaps/imported.yaml", AS_OF)
    assert [(p.code, p.message) for p in written] == [("R001", message)]


def test_stdin_is_read_through_the_same_path(monkeypatch) -> None:
    import io
    import sys

    text = roadmap("до 1 октября 2023")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))
    result = read("-")
    assert result.path == "(стандартный ввод)" and result.roadmap is not None
    from roadmapctl.reading.source import _stdin_bound

    assert _stdin_bound() == limits.MAX_ROADMAP_BYTES + 1  # never more is read from a pipe
    assert check(result, AS_OF) == []


# --- case 12: occurrences per item and per run ---------------------------------------------------


def test_a_monthly_deadline_over_two_centuries_is_refused_per_item(tmp_path, cli) -> None:
    path = tmp_path / "centuries.yaml"
    path.write_text(roadmap(*["ежемесячно до 20 числа"] * 50, period="1900-2100"), encoding="utf-8")
    checked = cli("check", path)
    assert checked.code == 1
    assert (f"{path}:11:19: error [R201] срок «ежемесячно до 20 числа» даёт в периоде карты 2412 "
            f"контрольных дат — больше допустимых {limits.MAX_OCCURRENCES_PER_ITEM}: проверьте период карты "
            "(period)") in checked.out
    overdue = cli("overdue", "--as-of", "2026-11-29", path)
    assert overdue.code == 2 and f"карта {path} пропущена — в ней 50 ошибок" in overdue.err
    assert "Просрочено" not in overdue.out


@pytest.mark.parametrize("command", ["overdue", "list", "calendar"])
def test_a_run_that_would_hold_too_many_dates_stops_with_a_message(tmp_path, cli, monkeypatch,
                                                                    command: str) -> None:
    path = tmp_path / "monthly.yaml"
    path.write_text(roadmap(*["ежемесячно до 20 числа"] * 10), encoding="utf-8")  # 120 dates
    monkeypatch.setattr(limits, "MAX_OCCURRENCES_PER_RUN", 50)
    args = {"overdue": ["--as-of", "2024-09-01"], "list": [], "calendar": ["-o", tmp_path / "x.ics"]}[command]
    result = cli(command, *args, path)
    assert result.code == 2
    assert result.err.startswith("roadmapctl: ошибка: в картах больше 50 контрольных сроков (предел одного "
                                 "запуска) — отчёт не построен\n")
    assert not (tmp_path / "x.ics").exists()
    monkeypatch.setattr(limits, "MAX_OCCURRENCES_PER_RUN", 500)
    assert cli(command, *args, path).code == 0


def test_stats_keeps_counts_only_and_is_not_bounded_by_held_dates(tmp_path, cli, monkeypatch) -> None:
    path = tmp_path / "monthly.yaml"
    path.write_text(roadmap(*["ежемесячно до 20 числа"] * 10), encoding="utf-8")
    monkeypatch.setattr(limits, "MAX_OCCURRENCES_PER_RUN", 50)
    result = cli("stats", "--as-of", "2024-09-01", "-f", "json", path)
    assert result.code == 0 and '"overdue": 120' in result.out


# --- case 13: dates out of range, where they enter ----------------------------------------------

OUT_OF_RANGE = "вне допустимых 01.01.1900 – 31.12.2199"


def test_a_date_out_of_range_in_a_file_is_a_check_error_and_no_command_overflows(tmp_path, cli) -> None:
    path = tmp_path / "far.yaml"
    path.write_text(roadmap("по согласованию").replace("executors: [uo]", "executors: [uo]\n        due: 9999-12-31"),
                    encoding="utf-8")
    checked = cli("check", path)
    assert checked.code == 1 and f"дата «9999-12-31» {OUT_OF_RANGE}" in checked.out
    for args in (["calendar", path, "-o", tmp_path / "x.ics"], ["overdue", path], ["list", path],
                 ["render", path, "-o", tmp_path / "x.docx"]):
        result = cli(*args)
        assert result.code == 2, (args, result.err)
        assert "внутренняя ошибка" not in result.err
    extended = tmp_path / "extended.yaml"
    extended.write_text(roadmap("до 1 октября 2023").replace(
        "executors: [uo]", "executors: [uo]\n        extensions:\n          - {to: 9999-12-31, reason: x}"),
        encoding="utf-8")
    assert f"дата «9999-12-31» {OUT_OF_RANGE}" in cli("check", extended).out


@pytest.mark.parametrize(("args", "message"), [
    (["overdue", "--as-of", "9999-12-31"], f"--as-of: дата «9999-12-31» {OUT_OF_RANGE}"),
    (["overdue", "--within", "10000000"], f"--within: 10000000 — слишком далеко; не больше "
                                          f"{limits.MAX_WINDOW_DAYS} дней (10 лет)"),
    (["list", "--to", "31.12.9999"], f"--to: дата «31.12.9999» {OUT_OF_RANGE}"),
    (["check", "--as-of", "0001-01-01"], f"--as-of: дата «0001-01-01» {OUT_OF_RANGE}"),
    (["extend", "{path}", "1.1", "--to", "9999-12-31", "--reason", "x"], f"--to: дата «9999-12-31» {OUT_OF_RANGE}"),
])
def test_a_date_out_of_range_on_the_command_line_is_refused_where_it_enters(tmp_path, cli, args, message) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(roadmap("до 1 октября 2023"), encoding="utf-8")
    before = path.read_bytes()
    result = cli(*[str(path) if a == "{path}" else a for a in args], *([] if "{path}" in args else [path]))
    assert (result.code, result.err.splitlines()[0]) == (2, f"roadmapctl: ошибка: {message}")
    assert path.read_bytes() == before


def test_the_largest_accepted_dates_work_everywhere(tmp_path, cli) -> None:
    path = tmp_path / "late.yaml"
    path.write_text(roadmap("по согласованию").replace("executors: [uo]", "executors: [uo]\n        due: 2199-12-31"),
                    encoding="utf-8")
    assert cli("calendar", path, "-o", tmp_path / "x.ics").code == 0
    assert cli("overdue", "--as-of", "2199-12-31", "--within", str(limits.MAX_WINDOW_DAYS), path).code == 0
    assert cli("list", "--as-of", "1900-01-01", path).code == 0


# --- case 15: XML-illegal characters in a comparison table --------------------------------------


@pytest.mark.parametrize("suffix", [".docx", ".html"])
def test_diff_table_strips_characters_xml_cannot_hold(tmp_path, cli, suffix: str) -> None:
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(roadmap("до 1 октября 2023", titles=("Составление плана",)), encoding="utf-8")
    new.write_text(roadmap("до 1 октября 2023", titles=('"Составление\\vплана\\x1f и \\uFFFE отчёта"',)),
                   encoding="utf-8")
    assert cli("check", new).code == 0
    out = tmp_path / f"table{suffix}"
    result = cli("diff", old, new, "-o", out)
    assert (result.code, result.err) == (1, "")
    if suffix == ".docx":
        with zipfile.ZipFile(out) as archive:
            text = archive.read("word/document.xml").decode("utf-8")
    else:
        text = out.read_text(encoding="utf-8")
    assert "Составлениеплана" in text and "отчёта" in text
    assert not any(ch in text for ch in "\x0b\x1f\ufffe")


def test_render_and_diff_strip_the_same_characters() -> None:
    from roadmapctl.render.context import clean
    from roadmapctl.render.xmltext import xml_safe

    dirty = "a\x00b\x0bc\x1fd\ufffee\ud800f"
    assert xml_safe(dirty) == "abcdef" == clean(dirty)
