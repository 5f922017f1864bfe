"""`roadmapctl stats` against figures computed by hand on tests/data/positive/stats-small.yaml.

As of 2024-06-01 the counted control dates are (see the comments in the file):

    1.1  УО        до 15.03, done 10.03                 on time
    1.2  УО, ОО    до 20.03, done 25.03                 late 5
    1.3  ОО        до 29.02, not done                   overdue 93 (29.02 → 01.06)
    1.4  ЦРО       31.03 → extended to 30.04, done 20.04 on time, extended
    1.5  ЦРО       30.04 → extended to 15.05, not done  overdue 17, extended
    2.1  УО        Q1 (31.03), done 28.03               on time (Q2–Q4 not due yet)
    2.2  ОО        10.01 done 09.01                     on time
                   10.02 done 15.02 (due: 10.02)        late 5
                   10.03 not done                       overdue 83
                   10.04 done 05.04 (window of April)   on time
                   10.05 not done                       overdue 22
    3.4  ОО        31.12, done early 20.05              on time
    not counted: 3.1 cancelled, 3.2 continuous, 3.3 and later dates not due yet.

    УО:  3 due, 2 on time, 1 late, 0 overdue → Ко 66.7 %, delay 5 / 1 = 5.0
    ОО:  8 due, 3 on time, 2 late, 3 overdue → Ко 37.5 %, delay (5+5+93+83+22) / 5 = 41.6
    ЦРО: 2 due, 1 on time, 0 late, 1 overdue, 2 extended → Ко 50.0 %, delay 17.0
    total (1.2 once): 12 due, 6 on time, 2 late, 4 overdue, 2 extended → Ко 50.0 %,
         delay (5+93+17+5+83+22) / 6 = 37.5
"""

from __future__ import annotations

import json

from conftest import DATA, golden

SMALL = DATA / "positive" / "stats-small.yaml"
GOLDEN = DATA / "golden"


def _row(group: str, due: int, on_time: int, late: int, overdue: int, extended: int,
         share: float | None, delay: float | None) -> dict:
    return {"group": group, "due": due, "on_time": on_time, "late": late, "overdue": overdue,
            "extended": extended, "on_time_share": share, "average_delay": delay}


def test_by_executor_matches_hand_computed_figures(cli) -> None:
    result = cli("stats", "--as-of", "2024-06-01", "--format", "json", SMALL)
    assert (result.code, result.err) == (0, "")
    data = json.loads(result.out)
    assert data["groups"] == [
        _row("ОО", 8, 3, 2, 3, 0, 37.5, 41.6),
        _row("УО", 3, 2, 1, 0, 0, 66.7, 5.0),
        _row("ЦРО", 2, 1, 0, 1, 2, 50.0, 17.0),
    ]
    assert data["total"] == _row("Итого", 12, 6, 2, 4, 2, 50.0, 37.5)
    assert (data["as_of"], data["by"]) == ("2024-06-01", "executor")


def test_by_section(cli) -> None:
    data = json.loads(cli("stats", "--as-of", "2024-06-01", "--by", "section", "-f", "json", SMALL).out)
    assert data["groups"] == [
        _row("1 Разовые мероприятия", 5, 2, 1, 2, 2, 40.0, 38.3),
        _row("2 Повторяющиеся мероприятия", 6, 3, 1, 2, 0, 50.0, 36.7),
        _row("3 Что не входит в показатель", 1, 1, 0, 0, 0, 100.0, None),
    ]


def test_nothing_due_yet(cli) -> None:
    result = cli("stats", "--as-of", "2024-01-02", SMALL)
    assert result.out == ("Исполнительская дисциплина на 02.01.2024 (по исполнителям)\n\n"
                          "Наступивших сроков нет.\n")


def test_executor_filter_keeps_only_their_items(cli) -> None:
    data = json.loads(cli("stats", "--as-of", "2024-06-01", "-e", "центр", "-f", "json", SMALL).out)
    assert [g["group"] for g in data["groups"]] == ["ЦРО"]
    assert data["total"]["due"] == 2


def test_plain_table_and_csv(cli) -> None:
    text = cli("stats", "--as-of", "2024-06-01", SMALL)
    golden(GOLDEN / "stats-small.txt", text.out)
    csv = cli("stats", "--as-of", "2024-06-01", "--format", "csv", SMALL)
    assert csv.out.splitlines() == [
        "group,due,on_time,late,overdue,extended,on_time_share,average_delay",
        "ОО,8,3,2,3,0,37.5,41.6",
        "УО,3,2,1,0,0,66.7,5.0",
        "ЦРО,2,1,0,1,2,50.0,17.0",
        "Итого,12,6,2,4,2,50.0,37.5",
    ]


def test_showcase_by_file(cli, monkeypatch) -> None:
    from conftest import ROOT

    monkeypatch.chdir(ROOT)
    result = cli("stats", "--as-of", "2024-03-01", "--by", "file", "-f", "json",
                 "roadmaps/chelyabinsk-2023-2024.yaml")
    total = json.loads(result.out)["total"]
    # 1.2, 3.1, 3.2 (January), 4.1 (extended), 4.3 (both halves), 5.1.2 on time;
    # 5.1.3 late by 8 days; 2.2, 5.2.6/2, 5.2.6/4, 5.2.5/5, 5.2.6/3 overdue.
    assert total == _row("Итого", 13, 7, 1, 5, 1, 53.8, round((8 + 183 + 122 * 2 + 92 * 2) / 6, 1))


def test_bars_only_on_a_terminal(cli, thorough_run: bool) -> None:
    from test_overdue import _on_a_terminal

    shown = _on_a_terminal("stats", "--as-of", "2024-06-01", str(SMALL), env={"NO_COLOR": "1"}, real=thorough_run)
    assert "█" in shown and "ЦРО" in shown
    assert "█" not in cli("stats", "--as-of", "2024-06-01", SMALL).out


def test_a_narrow_terminal_gets_the_plain_table(cli, thorough_run: bool) -> None:
    from test_overdue import _on_a_terminal

    shown = _on_a_terminal("stats", "--as-of", "2024-06-01", str(SMALL), env={"COLUMNS": "80", "NO_COLOR": "1"},
                           real=thorough_run)
    assert shown.replace("\r\n", "\n") == cli("stats", "--as-of", "2024-06-01", SMALL).out
