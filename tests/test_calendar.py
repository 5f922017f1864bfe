"""`roadmapctl calendar`: the .ics file parses back and holds the expected events."""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

import pytest
from dateutil.rrule import rrulestr
from icalendar import Calendar

from conftest import DATA, ROADMAPS


def _build(cli, tmp_path: Path, *paths: Path, extra: tuple[str, ...] = ()) -> tuple[list, str]:
    out = tmp_path / "deadlines.ics"
    result = cli("calendar", *paths, "-o", out, *extra)
    assert result.code == 0, result.err
    cal = Calendar.from_ical(out.read_bytes())
    return [c for c in cal.walk("VEVENT")], result.out


def _by_summary(events: list, start: str) -> list:
    return [e for e in events if str(e["SUMMARY"]).startswith(start)]


def test_showcase_events(cli, tmp_path: Path) -> None:
    events, message = _build(cli, tmp_path, ROADMAPS / "chelyabinsk-2023-2024.yaml")
    # 41 items: 5.2.5 has no date of its own, 3.2 has two dates, 4.3 repeats (one event).
    assert len(events) == 41
    assert message == f"Записан календарь {tmp_path / 'deadlines.ics'}: 41 событие из 1 карты.\n"
    plan = _by_summary(events, "1.2 ")[0]
    assert str(plan["SUMMARY"]) == ("1.2 Разработка планов реализации Концепции на 2023-2024 учебный год "
                                    "на основе … — ОО")
    assert (plan.decoded("DTSTART"), plan.decoded("DTEND")) == (date(2023, 10, 31), date(2023, 11, 1))
    assert "Срок: «Октябрь 2023 г.»\nОкно: 01.10.2023 – 31.10.2023\n" in str(plan["DESCRIPTION"])
    assert "Исполнители: Образовательные организации" in str(plan["DESCRIPTION"])
    assert str(plan["UID"]) == "chelyabinsk-2023-2024/1.2/2023-10-31@roadmapctl"
    # DTSTAMP is the latest date recorded in the roadmap (a completion of 30.05.2024), not the clock.
    assert {e.decoded("DTSTAMP") for e in events} == {datetime(2024, 5, 30, tzinfo=timezone.utc)}
    assert len({str(e["UID"]) for e in events}) == len(events)


def test_repeating_deadline_is_one_event_with_rrule(cli, tmp_path: Path) -> None:
    events, _ = _build(cli, tmp_path, ROADMAPS / "chelyabinsk-2023-2024.yaml")
    twice = _by_summary(events, "4.3 ")
    assert len(twice) == 1
    event = twice[0]
    assert event.decoded("DTSTART") == date(2023, 12, 31)
    rule = event["RRULE"]
    assert (rule["FREQ"], rule["BYMONTH"], rule["BYMONTHDAY"], rule["UNTIL"]) == (
        ["YEARLY"], [8, 12], [31], [date(2024, 8, 31)])
    expanded = rrulestr(event["RRULE"].to_ical().decode(), dtstart=datetime(2023, 12, 31))
    assert [d.date() for d in expanded] == [date(2023, 12, 31), date(2024, 8, 31)]
    assert "Повторяется: 2 раза в год: 31.12.2023, 31.08.2024" in str(event["DESCRIPTION"])


def test_extended_dates(cli, tmp_path: Path) -> None:
    events, _ = _build(cli, tmp_path, ROADMAPS / "chelyabinsk-2023-2024.yaml",
                       DATA / "positive" / "tracking-rules.yaml")
    report = _by_summary(events, "4.1 ")[0]
    assert report.decoded("DTSTART") == date(2024, 2, 15)
    assert ("Срок перенесён с 31.01.2024 на 15.02.2024: позднее поступление результатов "
            "регионального мониторинга") in str(report["DESCRIPTION"])
    quarterly = [e for e in events if str(e["UID"]) == "tracking-rules/1.4/rrule@roadmapctl"]
    assert len(quarterly) == 2
    series, moved = sorted(quarterly, key=lambda e: "RECURRENCE-ID" in e)
    assert series.decoded("DTSTART") == date(2024, 3, 31)
    assert (moved.decoded("RECURRENCE-ID"), moved.decoded("DTSTART")) == (date(2024, 3, 31), date(2024, 4, 20))


def test_cancelled_and_continuous_items_are_left_out(cli, tmp_path: Path) -> None:
    events, _ = _build(cli, tmp_path, DATA / "positive" / "stats-small.yaml")
    numbers = sorted(str(e["SUMMARY"]).split()[0] for e in events)
    assert numbers == ["1.1", "1.2", "1.3", "1.4", "1.5", "2.1", "2.2", "3.3", "3.4"]


def test_every_event_is_all_day_and_repeats_expand_to_their_dates(cli, tmp_path: Path) -> None:
    events, _ = _build(cli, tmp_path, ROADMAPS)
    assert all(type(e.decoded("DTSTART")) is date for e in events)
    yearly = [e for e in events if str(e["UID"]).startswith("belgorod-2021-2025/2.2./")]
    assert len(yearly) == 1
    expanded = rrulestr(yearly[0]["RRULE"].to_ical().decode(), dtstart=datetime(2021, 12, 31))
    assert [d.date() for d in expanded] == [date(y, 12, 31) for y in range(2021, 2026)]


def test_output_is_reproducible_and_regenerated_daily(cli, tmp_path: Path) -> None:
    out = tmp_path / "deadlines.ics"
    assert cli("calendar", ROADMAPS, "-o", out).code == 0
    first = out.read_bytes()
    out.chmod(0o640)
    again = cli("calendar", ROADMAPS, "-o", out)  # the morning cron run: no --force needed
    assert again.code == 0 and again.err == ""
    assert out.read_bytes() == first and out.stat().st_mode & 0o777 == 0o640
    assert cli("calendar", ROADMAPS, "-o", out, "--force").code == 0


def test_a_foreign_file_is_not_replaced_without_force(cli, tmp_path: Path) -> None:
    out = tmp_path / "deadlines.ics"
    out.write_text("BEGIN:VCALENDAR\r\nPRODID:-//Outlook//RU\r\nEND:VCALENDAR\r\n", encoding="utf-8")
    refused = cli("calendar", ROADMAPS, "-o", out)
    assert refused.code == 2 and "уже существует и создан не roadmapctl" in refused.err
    assert "Outlook" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("who", ["дпш", "МАУДО «ДПШ»"])
def test_executor_filter(cli, tmp_path: Path, who: str) -> None:
    events, _ = _build(cli, tmp_path, ROADMAPS / "chelyabinsk-2023-2024.yaml", extra=("-e", who))
    assert sorted(str(e["SUMMARY"]).split()[0] for e in events) == ["4.1", "5.2.1", "5.2.2", "5.2.6/1"]


def test_dash_writes_the_calendar_to_stdout(cli, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = cli("calendar", ROADMAPS / "chelyabinsk-2023-2024.yaml", "-o", "-")
    assert (result.code, result.err) == (0, "")
    assert not (tmp_path / "-").exists()
    events = Calendar.from_ical(result.out.encode("utf-8")).walk("VEVENT")
    assert len(events) == 41
    assert result.out.startswith("BEGIN:VCALENDAR\r\n")


def test_many_roadmaps_on_several_cores_give_the_same_calendar(cli, tmp_path: Path) -> None:
    # Each roadmap comes back from its worker as the text of its events: the order and the
    # bytes must not depend on how many processes read the files. As few files as start the pool.
    from roadmapctl.reading.parallel import MIN_FILES_FOR_POOL

    corpus = tmp_path / "region"
    corpus.mkdir()
    sources = [*sorted(ROADMAPS.glob("*.yaml")), DATA / "positive" / "tracking-rules.yaml"]
    for index in range(MIN_FILES_FOR_POOL):
        source = sources[index % len(sources)]
        (corpus / f"{index:02d}-{source.name}").write_bytes(source.read_bytes())
    one, two = tmp_path / "one.ics", tmp_path / "two.ics"
    first = cli("calendar", corpus, "-o", one, "-j", "1")
    second = cli("calendar", corpus, "-o", two, "-j", "2")
    assert (first.code, second.code) == (0, 0)
    assert one.read_bytes() == two.read_bytes()
    assert first.out.replace("one.ics", "two.ics") == second.out
    assert f"из {MIN_FILES_FOR_POOL} карт." in first.out
    events = Calendar.from_ical(one.read_bytes()).walk("VEVENT")
    assert len({str(e["UID"]) for e in events if "RECURRENCE-ID" not in e}) == len(
        [e for e in events if "RECURRENCE-ID" not in e])
