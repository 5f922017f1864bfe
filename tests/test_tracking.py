"""The matching rules of `roadmapctl.tracking`, one fixture item per rule."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import DATA, ROADMAPS
from roadmapctl.reading.loader import load
from roadmapctl.tracking import TrackedItem, track

RULES = DATA / "positive" / "tracking-rules.yaml"
D = date.fromisoformat


def _items(as_of: str, path=RULES) -> dict[str, TrackedItem]:
    result = load(path)
    assert result.roadmap is not None and not result.problems
    return {t.address: t for t in track(result.roadmap, D(as_of))}


def _states(item: TrackedItem) -> list[tuple[str, str, str | None, int]]:
    """(planned due, state, done on, days overdue) of each control date."""
    return [(o.due.isoformat(), o.state, o.done_on.isoformat() if o.done_on else None, o.days_overdue)
            for o in item.occurrences]


def test_report_between_windows_covers_the_nearest_earlier_date() -> None:
    item = _items("2024-06-01")["1.1"]
    assert _states(item) == [("2024-03-31", "done", "2024-04-10", 0),
                             ("2024-11-30", "open", None, 0)]
    assert item.occurrences[0].on_time is False


def test_report_without_due_covers_the_date_whose_window_holds_it() -> None:
    item = _items("2024-06-01")["1.2"]
    assert _states(item) == [("2024-03-31", "overdue", None, 62),
                             ("2024-06-30", "done", "2024-05-05", 0),
                             ("2024-09-30", "open", None, 0),
                             ("2024-12-31", "open", None, 0)]


def test_second_report_for_a_date_covers_nothing_and_a_later_one_counts_as_early() -> None:
    item = _items("2024-06-01")["1.3"]
    assert _states(item)[:5] == [("2024-01-10", "done", "2024-01-05", 0),
                                 ("2024-02-10", "done", "2024-01-07", 0),
                                 ("2024-03-10", "overdue", None, 83),
                                 ("2024-04-10", "overdue", None, 52),
                                 ("2024-05-10", "overdue", None, 22)]
    duplicate = item.item.completions[1]
    assert all(o.completion is not duplicate for o in item.occurrences)


def test_extension_of_a_repeating_deadline_moves_one_date() -> None:
    item = _items("2024-06-01")["1.4"]
    first, second = item.occurrences[:2]
    assert (first.due, first.effective_due, first.state, first.days_overdue) == (
        D("2024-03-31"), D("2024-04-20"), "overdue", 42)
    assert (second.effective_due, second.extension) == (D("2024-06-30"), None)


def test_extension_before_its_date_does_not_count() -> None:
    first = _items("2024-04-04")["1.4"].occurrences[0]
    assert (first.effective_due, first.state, first.days_overdue) == (D("2024-03-31"), "overdue", 4)


def test_extension_of_a_one_off_deadline_moves_every_open_date_before_the_new_one() -> None:
    item = _items("2024-06-01")["1.5"]
    assert [(o.due, o.effective_due, o.state, o.days_overdue) for o in item.occurrences] == [
        (D("2024-02-15"), D("2024-04-30"), "overdue", 32),
        (D("2024-03-15"), D("2024-04-30"), "overdue", 32),
        (D("2024-09-30"), D("2024-09-30"), "open", 0),
    ]
    assert item.pinned and item.kind == "date"


def test_status_done_closes_the_rest_from_the_last_completion_on() -> None:
    after = _items("2024-06-01")["1.6"]
    assert _states(after) == [("2024-03-31", "done", "2024-03-20", 0),
                              ("2024-06-30", "done", "2024-03-20", 0),
                              ("2024-09-30", "done", "2024-03-20", 0),
                              ("2024-12-31", "done", "2024-03-20", 0)]
    assert [o.by_status for o in after.occurrences] == [False, True, True, True]
    before = _items("2024-03-19")["1.6"]
    assert [o.state for o in before.occurrences] == ["open"] * 4


def test_cancelled_items_and_their_sub_items_are_never_overdue() -> None:
    items = _items("2024-06-01")
    assert [o.state for o in items["1.7"].occurrences] == ["cancelled"]
    assert items["1.7/1"].phrase == "Январь 2024"
    assert [o.state for o in items["1.7/1"].occurrences] == ["cancelled"]


def test_item_made_of_sub_items_has_no_dates_of_its_own() -> None:
    items = _items("2024-06-01")
    assert (items["1.8"].deadline, items["1.8"].occurrences) == (None, ())
    assert _states(items["1.8/1"]) == [("2024-02-29", "overdue", None, 93)]
    assert items["1.8/1"].steps == (("sections", 0), ("items", 7), ("items", 0))


def test_single_date_is_covered_by_any_completion() -> None:
    assert _states(_items("2024-06-01")["1.9"]) == [("2024-03-01", "done", "2024-03-05", 0)]


@pytest.mark.parametrize(("as_of", "state", "days"), [
    ("2024-03-31", "open", 0), ("2024-04-01", "overdue", 1), ("2024-04-09", "overdue", 9),
])
def test_overdue_starts_the_day_after_the_due_date(as_of: str, state: str, days: int) -> None:
    march = _items(as_of)["1.1"].occurrences[0]
    assert (march.state, march.days_overdue) == (state, days)


def test_completions_after_as_of_are_ignored() -> None:
    assert _states(_items("2024-04-09")["1.1"])[0] == ("2024-03-31", "overdue", None, 9)


def test_continuous_deadlines_have_no_dates() -> None:
    items = _items("2024-06-01", DATA / "positive" / "stats-small.yaml")
    assert (items["3.2"].kind, items["3.2"].occurrences) == ("continuous", ())


def test_showcase_overdue_as_of_march_2024() -> None:
    items = track(load(ROADMAPS / "chelyabinsk-2023-2024.yaml").roadmap, D("2024-03-01"))
    overdue = sorted(((o.days_overdue, t.address) for t in items for o in t.occurrences
                      if o.state == "overdue"), key=lambda x: (-x[0], x[1]))
    assert overdue == [(183, "2.2"), (122, "5.2.6/2"), (122, "5.2.6/4"),
                       (92, "5.2.5/5"), (92, "5.2.6/3")]
    by_address = {t.address: t for t in items}
    extended = by_address["4.1"].occurrences[0]
    assert (extended.effective_due, extended.on_time) == (D("2024-02-15"), True)
    assert by_address["5.3/1"].item.title.startswith("Организация участия")


def test_any_reports_cover_each_date_at_most_once() -> None:
    from hypothesis import given
    from hypothesis import strategies as st

    from roadmapctl.model.records import replace
    from roadmapctl.model.roadmap import Completion, Extension
    from roadmapctl.tracking import track_item

    roadmap = load(RULES).roadmap
    entry = next(t for t in track(roadmap, D("2024-06-01")) if t.address == "1.3")
    days = st.dates(min_value=D("2023-12-01"), max_value=D("2025-01-31"))
    reports = st.lists(st.builds(Completion, date=days, due=st.one_of(st.none(), days)), max_size=20)
    moves = st.lists(st.builds(Extension, to=days, date=st.one_of(st.none(), days)), max_size=4)

    @given(reports, moves, days)
    def check(completions: list, extensions: list, as_of: date) -> None:
        item = replace(entry.item, completions=completions, extensions=extensions)
        tracked = track_item(replace(entry.entry, item=item), "1.3", entry.steps, roadmap.period, as_of)
        used = [o.completion for o in tracked.occurrences if o.completion is not None]
        assert len({id(c) for c in used}) == len(used)
        assert all(c.date <= as_of for c in used)
        for o in tracked.occurrences:
            assert (o.state == "overdue") == (o.days_overdue > 0)
            assert o.state != "overdue" or o.effective_due < as_of

    check()
