"""The reading policy (README, «Карты с ошибками»), walked over every command that reads roadmaps.

A roadmap with one error that only the rules see — an unknown executor
(R101), the case that `render` and `overdue` used to accept — goes through
every command: the commands that build something refuse it with the
findings, the tracking commands report what they could read and name it,
`check` reports it, `textconv` shows the file as it is.  No command may
silently use it, and no tracking report may read as a good day.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from roadmapctl.main import COMMANDS

GOOD = """title: Дорожная карта
period: 2023/2024
executors:
  uo: {name: Управление образования, short: УО}
sections:
  - number: "1"
    title: Раздел
    items:
      - number: "1.1"
        title: Составление плана
        deadline: до 1 октября 2023
        executors: [uo]
      - number: "1.2"
        title: Отчёт
        deadline: до 1 декабря 2023
        executors: [uo]
"""
BAD = GOOD.replace("executors: [uo]\n      - number: \"1.2\"", "executors: [ppp]\n      - number: \"1.2\"")
FINDING = "[R101] исполнитель «ppp» не найден в справочнике executors"

# Commands that build something from a roadmap: refused, exit 2, nothing written.
REFUSING = {
    "render": ["render", "{bad}", "-o", "{out}/order.docx"],
    "diff": ["diff", "{good}", "{bad}", "-o", "{out}/changes.html"],
    "calendar": ["calendar", "{bad}", "-o", "{out}/deadlines.ics"],
    "rollover": ["rollover", "{bad}", "--to", "2024/2025", "-o", "{out}/next-2024-2025.yaml"],
    "done": ["done", "{bad}", "1.2", "--on", "2023-11-20"],
    "extend": ["extend", "{bad}", "1.2", "--to", "2023-12-20", "--reason", "перенос", "--on", "2023-11-20"],
    "export": ["export", "{bad}", "-o", "{out}/table.xlsx"],
    "report": ["report", "--as-of", "2023-12-15", "{good}", "{bad}", "-o", "{out}/report.docx"],
}
# Tracking commands: report the readable roadmaps, name the skipped one, exit 2.
TRACKING = {
    "overdue": ["overdue", "--as-of", "2023-12-15", "{good}", "{bad}"],
    "list": ["list", "--as-of", "2023-12-15", "{good}", "{bad}"],
    "stats": ["stats", "--as-of", "2023-12-15", "{good}", "{bad}"],
}
OTHER = {"check", "textconv", "site", "notify"}  # checked below, each its own way
NOT_READING = {"when", "schema", "import"}  # read no roadmap (import reads Word and checks what it writes)


@pytest.fixture
def maps(tmp_path: Path) -> dict[str, str]:
    folder = tmp_path / "maps"
    out = tmp_path / "out"
    folder.mkdir()
    out.mkdir()
    (folder / "good-2023-2024.yaml").write_text(GOOD, encoding="utf-8")
    (folder / "bad-2023-2024.yaml").write_text(BAD, encoding="utf-8")
    return {"good": str(folder / "good-2023-2024.yaml"), "bad": str(folder / "bad-2023-2024.yaml"),
            "out": str(out)}


def test_every_command_that_reads_roadmaps_is_walked() -> None:
    assert set(COMMANDS) == set(REFUSING) | set(TRACKING) | OTHER | NOT_READING


def test_the_fixture_has_exactly_the_one_error(cli, maps) -> None:
    assert cli("check", maps["good"]).code == 0
    bad = cli("check", maps["bad"])
    assert bad.code == 1
    assert f"{maps['bad']}:12:21:" in bad.out and "error [R101] исполнитель «ppp»" in bad.out
    assert "1 ошибка" in bad.out


@pytest.mark.parametrize("command", sorted(REFUSING))
def test_commands_that_build_something_refuse_it(cli, maps, command: str) -> None:
    before = Path(maps["bad"]).read_bytes()
    result = cli(*[arg.format(**maps) for arg in REFUSING[command]])
    assert result.code == 2, result.err
    assert result.out == ""
    lines = result.err.splitlines()
    assert lines[0].startswith(f"roadmapctl: ошибка: в карте {maps['bad']} 1 ошибка — ")
    assert lines[1] == f"  {maps['bad']}:12:21: {FINDING}"
    assert lines[2] == f"  подробности: roadmapctl check {maps['bad']}"
    assert Path(maps["bad"]).read_bytes() == before
    assert list(Path(maps["out"]).iterdir()) == []


@pytest.mark.parametrize("command", sorted(TRACKING))
def test_tracking_commands_report_what_they_read_and_name_what_they_skipped(cli, maps, command: str) -> None:
    result = cli(*[arg.format(**maps) for arg in TRACKING[command]])
    assert result.code == 2
    assert result.err.splitlines()[:3] == [
        f"roadmapctl: ошибка: карта {maps['bad']} пропущена — в ней 1 ошибка:",
        f"  {maps['bad']}:12:21: {FINDING}",
        f"  подробности: roadmapctl check {maps['bad']}",
    ]
    assert result.out.startswith(f"Внимание: пропущена 1 из 2 карт — в них ошибки (roadmapctl check): "
                                 f"{maps['bad']}. Отчёт — только по прочитанным картам.\n")
    assert "ppp" not in result.out  # nothing of the skipped roadmap is shown
    assert "Составление плана" in result.out or command == "stats"  # the readable roadmap is


def test_overdue_never_says_nothing_is_overdue_when_a_roadmap_was_skipped(cli, maps) -> None:
    quiet = cli("overdue", "--quiet", "--as-of", "2023-09-15", maps["bad"])
    assert quiet.code == 2
    assert "нет" not in quiet.out and "не прочитанные карты не проверены" in quiet.out
    soon = cli("overdue", "--as-of", "2023-09-15", "--within", "30", maps["good"], maps["bad"])
    assert "Просроченных мероприятий нет" not in soon.out
    assert "Срок наступает в ближайшие 30 дней (по 15.10.2023): 1 мероприятие" in soon.out
    nothing_soon = cli("overdue", "--as-of", "2023-09-15", "--within", "3", maps["bad"])
    assert ": нет" not in nothing_soon.out and "в прочитанных картах не найдено" in nothing_soon.out


def test_json_and_csv_stay_machine_readable_and_exit_2(cli, maps) -> None:
    import json

    result = cli("overdue", "-f", "json", "--as-of", "2023-12-15", maps["good"], maps["bad"])
    assert result.code == 2 and "пропущена" in result.err
    assert [row["item"] for row in json.loads(result.out)] == ["1.1", "1.2"]


def test_check_reports_it_and_textconv_shows_the_file_as_it_is(cli, maps) -> None:
    assert cli("check", maps["bad"]).code == 1
    shown = cli("textconv", maps["bad"])
    assert (shown.code, shown.out) == (0, BAD)
    assert cli("textconv", maps["good"]).out != GOOD  # a clean roadmap is normalized


def test_a_revision_with_errors_is_refused_without_pointing_at_the_disk(cli, maps, tmp_path) -> None:
    import subprocess

    repo = tmp_path / "repo"
    repo.mkdir()
    git = ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.ru"]
    subprocess.run([*git[:3], "init", "-q"], check=True)
    (repo / "plan.yaml").write_text(BAD, encoding="utf-8")
    subprocess.run([*git, "add", "plan.yaml"], check=True)
    subprocess.run([*git, "commit", "-qm", "bad"], check=True)
    (repo / "plan.yaml").write_text(GOOD, encoding="utf-8")
    result = cli("diff", f"{repo}/plan.yaml", "--from", "HEAD")
    assert result.code == 2
    assert result.err.splitlines()[:2] == [
        f"roadmapctl: ошибка: в карте HEAD:{repo}/plan.yaml 1 ошибка — сравнение невозможно",
        f"  HEAD:{repo}/plan.yaml:12:21: {FINDING}",
    ]


def test_site_is_built_from_what_could_be_read_and_says_it_is_incomplete(cli, maps) -> None:
    folder = Path(maps["out"]) / "public"
    result = cli("site", "--as-of", "2023-12-15", maps["good"], maps["bad"], "-o", folder)
    assert result.code == 2
    assert result.err.splitlines()[:2] == [f"roadmapctl: ошибка: карта {maps['bad']} пропущена — в ней 1 ошибка:",
                                           f"  {maps['bad']}:12:21: {FINDING}"]
    index = (folder / "index.html").read_text(encoding="utf-8")
    assert "Составление плана" in index and "ppp" not in index


@pytest.mark.parametrize("args", [["render", "{map}", "-o", "{out}/x.docx"], ["calendar", "{map}", "-o", "{out}/x.ics"],
                                  ["stats", "{map}"], ["overdue", "{map}"]])
def test_an_unreadable_deadline_is_an_error_for_every_command_too(cli, tmp_path, args) -> None:
    path = tmp_path / "unreadable.yaml"
    path.write_text(GOOD.replace("до 1 декабря 2023", "как согласуем"), encoding="utf-8")
    result = cli(*[a.format(map=path, out=tmp_path) for a in args])
    assert result.code == 2
    assert f"  {path}:15:19: [R201] не удалось разобрать срок «как согласуем»" in result.err
    assert not list(tmp_path.glob("x.*"))


def test_notify_reminds_from_what_it_read_and_names_what_it_skipped(cli, maps, tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    for key in ("HOST", "CONFIG"):
        monkeypatch.delenv(f"ROADMAPCTL_SMTP_{key}", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    good = Path(maps["good"])
    good.write_text(GOOD.replace("short: УО}", "short: УО, email: uo@example.ru}"), encoding="utf-8")
    result = cli("notify", "--dry-run", "--as-of", "2023-12-15", "--state", tmp_path / "state.json",
                 maps["good"], maps["bad"])
    assert result.code == 2
    assert result.err.splitlines()[:3] == [
        f"roadmapctl: ошибка: карта {maps['bad']} пропущена — в ней 1 ошибка:",
        f"  {maps['bad']}:12:21: {FINDING}",
        f"  подробности: roadmapctl check {maps['bad']}",
    ]
    assert "Кому: УО — Управление образования <uo@example.ru>" in result.out
    assert "ppp" not in result.out
    assert (f"Внимание: пропущена 1 из 2 карт — в них ошибки (roadmapctl check): {maps['bad']}. "
            "Отчёт — только по прочитанным картам.") in result.out
