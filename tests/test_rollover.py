"""`roadmapctl rollover`: next year's roadmap; the old file only gains keys."""

from __future__ import annotations

import contextlib
import io
import json
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from conftest import DATA, ROADMAPS, golden
from roadmapctl.editing.safety import unexpected_changes
from roadmapctl.model.period import parse_period
from roadmapctl.reading.loader import load
from roadmapctl.rollover import add_years, shift_phrase
from roadmapctl.rollover.mentions import moved as moved_mentions

CASES = (
    ("chelyabinsk-2023-2024", "2024/2025", "chelyabinsk-2024-2025", "2024/2025"),
    ("lysva-2021-2022", "2022/2023", "lysva-2022-2023", "2022-06-01..2023-08-31"),
    ("belgorod-2021-2025", "2022-2026", "belgorod-2022-2026", "2022-2026"),
)


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(ROADMAPS, tmp_path / "roadmaps")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@dataclass
class Rolled:
    code: int
    out: str
    err: str
    folder: Path  # a copy of roadmaps/ in its parent, rolled over once; tests only read it


_ROLLED: dict[tuple[str, str], Rolled] = {}


def rolled_once(factory: pytest.TempPathFactory, old: str, to: str) -> Rolled:
    """`rollover roadmaps/OLD.yaml --to TO`, run once per (OLD, TO) in a test process: several tests
    (here and in test_textconv) check different sides of the same run. Each run gets its own copy
    of roadmaps/ (rollover adds keys to the old file) under the session's temporary folder.
    A process-wide cache rather than a module fixture: the module is not pinned to one worker."""
    from roadmapctl.main import run

    if (old, to) not in _ROLLED:
        folder = factory.mktemp("rolled")
        shutil.copytree(ROADMAPS, folder / "roadmaps")
        out, err = io.StringIO(), io.StringIO()
        with pytest.MonkeyPatch.context() as patch, contextlib.redirect_stdout(out), \
                contextlib.redirect_stderr(err):
            patch.chdir(folder)
            code = run(["rollover", f"roadmaps/{old}.yaml", "--to", to])
        _ROLLED[old, to] = Rolled(code, out.getvalue(), err.getvalue(), folder)
    return _ROLLED[old, to]


@pytest.fixture
def rolled(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str, str], Rolled]:
    """`rolled_once` for this session's temporary folders."""
    return lambda old, to: rolled_once(tmp_path_factory, old, to)


def _effective_occurrences(entry, period):  # type: ignore[no-untyped-def]
    from roadmapctl.deadlines import Deadline, parse_deadline

    if entry.effective_due:
        return [(None, d) for d in entry.effective_due]
    phrase = entry.effective_deadline
    parsed = parse_deadline(phrase, period) if phrase else None
    assert parsed is None or isinstance(parsed, Deadline), phrase
    return [(o.start, o.due) for o in parsed.occurrences] if parsed else []


@pytest.mark.parametrize(("old", "to", "new", "period"), CASES)
def test_rollover_keeps_every_measure_and_moves_its_dates(rolled, cli, monkeypatch, old: str, to: str, new: str,
                                                          period: str) -> None:
    original = (ROADMAPS / f"{old}.yaml").read_text(encoding="utf-8")
    result = rolled(old, to)
    assert result.code == 0, result.err
    workdir = result.folder
    monkeypatch.chdir(workdir)
    assert cli("check", f"roadmaps/{new}.yaml", f"roadmaps/{old}.yaml").code == 0
    before = load(workdir / "roadmaps" / f"{old}.yaml").roadmap
    after = load(workdir / "roadmaps" / f"{new}.yaml").roadmap
    assert after.period.text == period
    delta = after.period.start.year - before.period.start.year
    old_entries, new_entries = list(before.walk()), list(after.walk())
    assert [e.item.key for e in new_entries] == [e.item.key for e in old_entries]
    assert all(e.item.key for e in old_entries)
    assert len({e.item.key for e in old_entries}) == len(old_entries)
    for was, now in zip(old_entries, new_entries, strict=True):
        assert now.item.number == was.item.number
        # Only the mentions of the period itself move («на 2023-2024 учебный год»).
        assert now.item.title == moved_mentions(was.item.title, before.period, delta)
        assert now.item.result == (moved_mentions(was.item.result, before.period, delta) if was.item.result else None)
        assert [(r.id, r.note, r.role) for r in now.item.executors] == [(r.id, r.note, r.role) for r in was.item.executors]
        moved = [(add_years(s, delta) if s else None, add_years(d, delta))
                 for s, d in _effective_occurrences(was, before.period)]
        assert _effective_occurrences(now, after.period) == moved, now.item.deadline
        assert (now.item.status, now.item.completions, now.item.extensions) == ("planned", [], [])
    assert after.executors.keys() == before.executors.keys()
    written = (workdir / "roadmaps" / f"{old}.yaml").read_text(encoding="utf-8")
    assert unexpected_changes(original, written, may_add=lambda line: line.lstrip().removeprefix("- ")
                              .startswith("key: ")) == []


@pytest.mark.parametrize(("old", "to", "new", "period"), CASES)
def test_diff_of_old_and_new_shows_only_the_period(rolled, cli, monkeypatch, old: str, to: str, new: str,
                                                   period: str) -> None:
    """`roadmapctl diff` compares items relative to the periods: no item changed; outside the items
    only the period and the removed date and number of the order and the stamp (a draft)."""
    assert rolled(old, to).code == 0
    workdir = rolled(old, to).folder
    monkeypatch.chdir(workdir)
    before = load(workdir / "roadmaps" / f"{old}.yaml").roadmap
    count = len(list(before.walk()))
    result = cli("diff", f"roadmaps/{old}.yaml", f"roadmaps/{new}.yaml", "--format", "json")
    assert (result.code, result.err) == (1, "")  # the document differs: period, draft order
    data = json.loads(result.out)
    assert (data["summary"]["changed"], data["summary"]["added"], data["summary"]["removed"],
            data["summary"]["renumbered"], data["unchanged_count"]) == (0, 0, 0, 0, count)
    changes = {(c["part"], c["field"], c["kind"]) for c in data["document"]}
    drafts = {(part, field, "removed") for part, block in (("order", before.order), ("approval", before.approval))
              if block is not None for field in ("date", "number") if getattr(block, field)}
    assert changes == {("document", "period", "changed")} | drafts
    text = cli("diff", f"roadmaps/{old}.yaml", f"roadmaps/{new}.yaml").out
    assert f"({before.period.text}) → roadmaps/{new}.yaml ({period})" in text
    assert f"Мероприятия не изменились ({count} " in text


def test_rollover_report_and_draft_order(rolled) -> None:
    result = rolled("chelyabinsk-2023-2024", "2024/2025")
    workdir = result.folder
    assert result.out == (
        "Новая карта: roadmaps/chelyabinsk-2024-2025.yaml, период 2024/2025 (был 2023/2024).\n"
        "Сроки с явными годами сдвинуты на 1 год: 16.\n"
        "Упоминания периода в тексте (название, приказ, гриф, мероприятия) сдвинуты: 5.\n"
        "Сброшено: 11 статусов, 9 отметок об исполнении, 1 перенос срока.\n"
        "Добавлены ключи key: 41; они записаны и в roadmaps/chelyabinsk-2023-2024.yaml "
        "(остальной текст файла не изменился).\n"
        "Приказ, гриф утверждения: дата и номер удалены — новая карта ещё не утверждена.\n"
        "Проверьте — здесь ещё назван прошлый период или срок не перенесён (4):\n"
        "  строка 27: приказ: преамбула: упомянуты годы (2023)\n"
        "  строка 404: мероприятие 5.2.7: название: упомянуты годы (2023)\n"
        "  строка 410: мероприятие 5.2.7: результат: упомянуты годы (2023)\n"
        "  комментарии в строках 4, 8, 138, 139: упомянуты годы (2023, 2024)\n"
        "Проверка roadmapctl check: ошибок нет, 2 предупреждения.\n"
    )
    text = (workdir / "roadmaps" / "chelyabinsk-2024-2025.yaml").read_text(encoding="utf-8")
    assert text.splitlines()[:2] == [
        "# yaml-language-server: $schema=../schema/roadmap.schema.json",
        "# Перенесено командой roadmapctl rollover из chelyabinsk-2023-2024.yaml: период 2023/2024 → 2024/2025.",
    ]
    assert "на 2024/2025 учебный год\n" in text.split("\nperiod:")[0]
    assert "Челябинской области на 2024/2025 учебный год (далее Концепции)" in text  # order, point 1
    assert "Разработка планов реализации Концепции на 2024-2025 учебный год" in text  # item 1.2
    assert "на 2023-2025 годы" in text  # a regional programme keeps its years
    assert "# Открывающая кавычка перед «Инженерные каникулы» в документе пропущена." in text
    old_text = (ROADMAPS / "chelyabinsk-2023-2024.yaml").read_text(encoding="utf-8")
    assert text.count("\n\n") == old_text.count("\n\n")  # blank lines between blocks survive
    order = load(workdir / "roadmaps" / "chelyabinsk-2024-2025.yaml").roadmap.order
    was = load(ROADMAPS / "chelyabinsk-2023-2024.yaml").roadmap.order
    assert (order.date, order.number) == (None, None)
    assert (order.title, order.points[0].text, order.signatory.name) == (
        was.title, was.points[0].text.replace("на 2023/2024 учебный год", "на 2024/2025 учебный год"),
        was.signatory.name)
    item = next(e.item for e in load(workdir / "roadmaps" / "chelyabinsk-2024-2025.yaml").roadmap.walk()
                if e.item.number == "3.2")
    assert item.due == (date(2025, 1, 31), date(2025, 6, 30))
    assert item.deadline == "Декабрь 2024 г. - Январь 2025 г. Май – июнь 2025 г."


_YEARS = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


@pytest.mark.parametrize(("old", "to", "new", "period"), (
    *CASES, ("belgorod-2021-2025", "2026-2030", "belgorod-2026-2030", "2026-2030")))
def test_no_trace_of_the_old_period_outside_the_review_list(rolled, old: str, to: str, new: str,
                                                            period: str) -> None:
    """Scan the new file for the old period's years: each line naming one either had all its years
    moved with the period, or is listed in «Проверьте» by its line number."""
    result = rolled(old, to)
    assert result.code == 0, result.err
    workdir = result.folder
    before = load(workdir / "roadmaps" / f"{old}.yaml").roadmap.period
    delta = parse_period(period).start.year - before.start.year
    listed: set[int] = set()
    for line in result.out.split("Проверьте")[-1].splitlines()[1:]:
        if m := re.match(r"  строка (\d+):", line):
            listed.add(int(m[1]))
        elif m := re.match(r"  комментарии в строк(?:е|ах) ([\d, ]+):", line):
            listed.update(int(n) for n in m[1].split(", "))
    old_lines = (workdir / "roadmaps" / f"{old}.yaml").read_text(encoding="utf-8").splitlines()
    moved = {_YEARS.sub(lambda m: str(int(m[1]) + delta), line) for line in old_lines}
    new_lines = (workdir / "roadmaps" / f"{new}.yaml").read_text(encoding="utf-8").splitlines()
    traces = 0
    for number, line in enumerate(new_lines, 1):
        if line.startswith("# Перенесено командой roadmapctl rollover из"):
            continue  # the provenance note the command writes
        if not any(before.start.year <= int(y) <= before.end.year for y in _YEARS.findall(line)):
            continue
        traces += 1
        if line in moved and line not in old_lines:
            continue  # every year of the line moved with the period
        assert number in listed, f"строка {number} не названа в «Проверьте»: {line}"
    assert traces > 0


@pytest.mark.parametrize(("old", "to"), [(c[0], c[1]) for c in CASES] + [("belgorod-2021-2025", "2026-2030")])
def test_report_matches_golden(rolled, old: str, to: str) -> None:
    result = rolled(old, to)
    assert (result.code, result.err) == (0, "")
    golden(DATA / "golden" / f"rollover-{old}-to-{to.replace('/', '-')}.txt", result.out)


def test_belgorod_order_moves_to_the_new_five_years(rolled) -> None:
    result = rolled("belgorod-2021-2025", "2026-2030")
    assert result.code == 0
    order = load(result.folder / "roadmaps" / "belgorod-2026-2030.yaml").roadmap.order
    assert order.title.endswith("г. Белгорода на 2026-2030 годы")
    assert "города Белгорода на 2026 - 2030 годы в педагогическом коллективе" in order.points[1].points[0].text
    assert "на период до 2025 года" in order.points[0].text  # not provably the period: listed, not moved


def test_keys_are_stable_and_written_once(rolled, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli) -> None:
    workdir = tmp_path  # the first rollover is the shared one; the folder is copied to roll on from it
    shutil.copytree(rolled("chelyabinsk-2023-2024", "2024/2025").folder / "roadmaps", workdir / "roadmaps")
    monkeypatch.chdir(workdir)
    keyed = (workdir / "roadmaps" / "chelyabinsk-2023-2024.yaml").read_bytes()
    keys = re.findall(r"key: (\S+)", keyed.decode("utf-8"))
    assert keys[:3] == ["chelyabinsk-1-1", "chelyabinsk-1-2", "chelyabinsk-2-1"]
    assert "chelyabinsk-3-1-a" in keys and "chelyabinsk-5-3-a" in keys
    again = cli("rollover", "roadmaps/chelyabinsk-2023-2024.yaml", "--to", "2024/2025", "-o", "roadmaps/copy.yaml")
    assert again.code == 0
    assert "Ключи key уже были у всех мероприятий.\n" in again.out
    assert (workdir / "roadmaps" / "chelyabinsk-2023-2024.yaml").read_bytes() == keyed
    nxt = cli("rollover", "roadmaps/chelyabinsk-2024-2025.yaml", "--to", "2025/2026")
    assert nxt.code == 0
    assert "Статусов, отметок об исполнении и переносов сроков в карте не было.\n" in nxt.out
    third = load(workdir / "roadmaps" / "chelyabinsk-2025-2026.yaml").roadmap
    assert [e.item.key for e in third.walk()] == keys


def test_a_target_that_would_be_refused_is_refused_before_the_round_trip(workdir: Path, cli, monkeypatch) -> None:
    """Where the new roadmap goes is settled from the checked roadmap before the costly round trip:
    a refusal costs the user nothing."""
    import roadmapctl.rollover as rollover_package

    def no_round_trip(*args: object) -> None:
        raise AssertionError("the round trip ran before the refusal")

    monkeypatch.setattr(rollover_package, "rollover", no_round_trip)
    (workdir / "roadmaps" / "lysva-2022-2023.yaml").write_text("занято\n", encoding="utf-8")
    busy = cli("rollover", "roadmaps/lysva-2021-2022.yaml", "--to", "2022/2023")
    assert busy.code == 2 and "уже существует" in busy.err, busy.err


def test_refusals_leave_both_files_alone(workdir: Path, cli) -> None:
    old = Path("roadmaps/lysva-2021-2022.yaml")
    original = old.read_bytes()
    (workdir / "roadmaps" / "lysva-2022-2023.yaml").write_text("занято\n", encoding="utf-8")
    busy = cli("rollover", old, "--to", "2022/2023")
    assert (busy.code, busy.err) == (2, ("roadmapctl: ошибка: файл roadmaps/lysva-2022-2023.yaml уже существует\n"
                                         "  чтобы перезаписать его, добавьте --force\n"))
    assert old.read_bytes() == original
    for to, message in (
        ("2021/2022", "--to: новый период 2021/2022 должен начинаться позже текущего (2021-06-01..2022-08-31)"),
        ("2022-2024", "--to: период 2022-2024 не совпадает по длительности с текущим (2021-06-01..2022-08-31)"),
        ("осенью", "--to: не удалось прочитать период «осенью»"),
    ):
        result = cli("rollover", old, "--to", to)
        assert result.code == 2 and result.err.startswith(f"roadmapctl: ошибка: {message}"), result.err
    same = cli("rollover", old, "--to", "2022/2023", "-o", old)
    assert (same.code, same.err.splitlines()[0]) == (2, "roadmapctl: ошибка: новая карта не может заменить старую")
    plain = workdir / "roadmaps" / "plan.yaml"
    shutil.copy(old, plain)
    unnamed = cli("rollover", plain, "--to", "2022/2023")
    assert unnamed.code == 2 and "в имени файла plan.yaml нет лет периода" in unnamed.err
    assert old.read_bytes() == original
    assert cli("rollover", "roadmaps/nope.yaml", "--to", "2022/2023").err == \
        "roadmapctl: ошибка: файл roadmaps/nope.yaml не найден\n"
    broken = workdir / "roadmaps" / "broken-2021-2022.yaml"
    broken.write_text(original.decode("utf-8").replace("title:", "titel:", 1), encoding="utf-8")
    refused = cli("rollover", broken, "--to", "2022/2023")
    assert (refused.code, refused.err.splitlines()[0]) == (
        2, f"roadmapctl: ошибка: в карте {broken} 2 ошибки — новая карта не создана")
    assert f"  {broken}:" in refused.err and f"roadmapctl check {broken}" in refused.err
    assert cli("rollover", old, "--to", "2022/2023", "--force").code == 0


@pytest.mark.parametrize(("phrase", "period", "expected"), [
    ("Октябрь 2023 г.", "2023/2024", ("Октябрь 2024 г.", True)),
    ("Сентябрь 2023 г. – апрель 2024 г.", "2023/2024", ("Сентябрь 2024 г. – апрель 2025 г.", True)),
    ("В течение года", "2023/2024", ("В течение года", True)),
    ("2 раза в год", "2023/2024", ("2 раза в год", True)),
    ("до 29 февраля 2024 г.", "2023/2024", ("до 29 февраля 2024 г.", False)),
    ("как согласуем в 2023 году", "2023/2024", ("как согласуем в 2023 году", False)),
])
def test_shift_phrase_only_when_the_meaning_moves_exactly(phrase: str, period: str,
                                                          expected: tuple[str, bool]) -> None:
    old = parse_period(period)
    assert shift_phrase(phrase, old, old.shifted_years(1), 1) == expected


def test_ambiguous_deadlines_are_listed(workdir: Path, cli) -> None:
    path = workdir / "roadmaps" / "leap-2023-2024.yaml"
    text = (workdir / "roadmaps" / "chelyabinsk-2023-2024.yaml").read_text(encoding="utf-8")
    path.write_text(text.replace("deadline: Апрель 2024 г.", "deadline: до 29 февраля 2024 г.", 1), encoding="utf-8")
    result = cli("rollover", path, "--to", "2024/2025")
    assert ("срок «до 29 февраля 2024 г.» не удалось перенести однозначно — оставлен как был" in result.out)


@pytest.mark.parametrize(("name", "prefix"), [
    ("chelyabinsk-2023-2024.yaml", "chelyabinsk"), ("карта-школы-2023-2024.yaml", "karta-shkoly"),
    ("plan_2024.yaml", "plan"), ("2024.yaml", "item"),
])
def test_key_prefix_from_the_file_name(name: str, prefix: str) -> None:
    from roadmapctl.rollover import key_prefix

    assert key_prefix(Path(name)) == prefix


def test_folder_instead_of_a_roadmap(workdir: Path, cli) -> None:
    result = cli("rollover", "roadmaps", "--to", "2022/2023")
    assert (result.code, result.err) == (2, "roadmapctl: ошибка: roadmaps — папка, а не файл карты\n")


def test_windows_line_endings_stay_in_every_line(workdir: Path, cli) -> None:
    """A file saved by a Windows editor (BOM, CRLF) rolls over into one with CRLF on every line."""
    old = workdir / "roadmaps" / "lysva-2021-2022.yaml"
    old.write_bytes(b"\xef\xbb\xbf" + old.read_bytes().replace(b"\n", b"\r\n"))
    assert cli("rollover", old, "--to", "2022/2023").code == 0
    for path in (old, workdir / "roadmaps" / "lysva-2022-2023.yaml"):
        data = path.read_bytes()
        assert data.startswith(b"\xef\xbb\xbf# yaml-language-server")
        assert data.count(b"\n") == data.count(b"\r\n"), path.name
