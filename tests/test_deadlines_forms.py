"""Deadline forms of real documents (issue 12): footnote marks, «месяц, год», a starting year
after «ежегодно», the months of «2 раза в год (…)».

Expected dates are computed by hand from the calendar, never taken from the parser.
"""

from __future__ import annotations

from datetime import date

import pytest

from roadmapctl.deadlines import Deadline, Occurrence, Unparsed, parse_deadline
from roadmapctl.model.period import parse_period

YEARS = "2022-2025"  # calendar years
ACADEMIC = "2023/2024"  # 01.09.2023 – 31.08.2024


def w(start: str, due: str) -> Occurrence:
    return Occurrence(date.fromisoformat(start), date.fromisoformat(due))


def d(due: str) -> Occurrence:
    return Occurrence(None, date.fromisoformat(due))


def read(phrase: str, period: str) -> Deadline:
    result = parse_deadline(phrase, parse_period(period))
    assert isinstance(result, Deadline), result
    return result


@pytest.mark.parametrize(("phrase", "occurrences"), [
    ("до 15.09.2024*", [d("2024-09-15")]),
    ("до 15.09.2024 *", [d("2024-09-15")]),
    ("до 15.09.2024**", [d("2024-09-15")]),
    ("до 1 октября 2024 г.¹", [d("2024-10-01")]),
    ("до 1 октября¹ 2024 года", [d("2024-10-01")]),
    ("31.12.2023²", [d("2023-12-31")]),
    ("до 20 мая 2025 г.†", [d("2025-05-20")]),
    ("ноябрь 2023*", [w("2023-11-01", "2023-11-30")]),
])
def test_a_footnote_mark_after_a_date_is_not_part_of_it(phrase: str, occurrences: list[Occurrence]) -> None:
    assert list(read(phrase, YEARS).occurrences) == occurrences


def test_a_footnote_mark_alone_is_no_deadline() -> None:
    result = parse_deadline("*", parse_period(YEARS))
    assert isinstance(result, Unparsed) and "не указан" in result.message


@pytest.mark.parametrize(("phrase", "occurrences"), [
    ("октябрь, 2024", [w("2024-10-01", "2024-10-31")]),
    ("Октябрь, 2024 г.", [w("2024-10-01", "2024-10-31")]),
    ("в марте, 2023 года", [w("2023-03-01", "2023-03-31")]),
    ("февраль, 2024", [w("2024-02-01", "2024-02-29")]),  # a leap year
    ("сентябрь, 2022; май, 2025", [w("2022-09-01", "2022-09-30"), w("2025-05-01", "2025-05-31")]),
])
def test_a_year_after_a_comma_is_the_months_year(phrase: str, occurrences: list[Occurrence]) -> None:
    assert list(read(phrase, YEARS).occurrences) == occurrences


def test_a_range_of_years_after_a_comma_is_not_the_months_year() -> None:
    # «сентябрь, 2024-2025»: September (of the first year) and the years 2024-2025, as before
    occurrences = list(read("сентябрь, 2024-2025", YEARS).occurrences)
    assert w("2024-01-01", "2025-12-31") in occurrences


@pytest.mark.parametrize(("phrase", "occurrences"), [
    ("ежегодно, начиная с 2023 года",
     [w("2023-01-01", "2023-12-31"), w("2024-01-01", "2024-12-31"), w("2025-01-01", "2025-12-31")]),
    ("Ежегодно с 2024 г.", [w("2024-01-01", "2024-12-31"), w("2025-01-01", "2025-12-31")]),
    ("ежегодно начиная с 2025", [w("2025-01-01", "2025-12-31")]),
    ("ежегодно в августе, начиная с 2024 г.", [w("2024-08-01", "2024-08-31"), w("2025-08-01", "2025-08-31")]),
    ("ежегодно до 1 июня, с 2023 года",
     [d("2023-06-01"), d("2024-06-01"), d("2025-06-01")]),
    ("ежеквартально, начиная с 2025 года",
     [w("2025-01-01", "2025-03-31"), w("2025-04-01", "2025-06-30"), w("2025-07-01", "2025-09-30"),
      w("2025-10-01", "2025-12-31")]),
])
def test_a_starting_year_leaves_out_earlier_occurrences(phrase: str, occurrences: list[Occurrence]) -> None:
    result = read(phrase, YEARS)
    assert (result.kind, list(result.occurrences)) == ("recurring", occurrences)


def test_a_starting_year_after_the_period_is_refused() -> None:
    result = parse_deadline("ежегодно с 2030 года", parse_period(YEARS))
    assert isinstance(result, Unparsed)
    assert "позже конца периода" in result.message


@pytest.mark.parametrize(("phrase", "occurrences", "rrule"), [
    ("2 раза в год (январь, июнь)", [w("2024-01-01", "2024-01-31"), w("2024-06-01", "2024-06-30")],
     "FREQ=YEARLY;BYMONTH=1,6;BYMONTHDAY=-1"),
    ("дважды в год (май и декабрь)", [w("2023-12-01", "2023-12-31"), w("2024-05-01", "2024-05-31")],
     "FREQ=YEARLY;BYMONTH=5,12;BYMONTHDAY=31"),  # both months have 31 days
    ("2 раза в год (в октябре и апреле)", [w("2023-10-01", "2023-10-31"), w("2024-04-01", "2024-04-30")],
     "FREQ=YEARLY;BYMONTH=4,10;BYMONTHDAY=-1"),
    ("3 раза в год (сентябрь, январь, май)",
     [w("2023-09-01", "2023-09-30"), w("2024-01-01", "2024-01-31"), w("2024-05-01", "2024-05-31")],
     "FREQ=YEARLY;BYMONTH=1,5,9;BYMONTHDAY=-1"),
    ("ежеквартально (март, июнь, сентябрь, декабрь)",
     [w("2023-09-01", "2023-09-30"), w("2023-12-01", "2023-12-31"), w("2024-03-01", "2024-03-31"),
      w("2024-06-01", "2024-06-30")], "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1"),
])
def test_months_in_brackets_say_when_a_repetition_falls(phrase: str, occurrences: list[Occurrence],
                                                         rrule: str) -> None:
    result = read(phrase, ACADEMIC)
    assert (result.kind, list(result.occurrences), result.rrule, result.remark) == (
        "recurring", occurrences, rrule, None)


def test_months_in_brackets_every_year_of_a_multi_year_plan() -> None:
    result = read("2 раза в год (февраль, октябрь)", "2022-2023")
    assert list(result.occurrences) == [w("2022-02-01", "2022-02-28"), w("2022-10-01", "2022-10-31"),
                                        w("2023-02-01", "2023-02-28"), w("2023-10-01", "2023-10-31")]


def test_a_number_of_months_that_does_not_match_is_refused() -> None:
    result = parse_deadline("2 раза в год (январь, март, июнь)", parse_period(ACADEMIC))
    assert isinstance(result, Unparsed)
    assert result.message.endswith("названо 3 месяца, а повторение — 2 раза в год")


@pytest.mark.parametrize(("phrase", "remark"), [
    ("2 раза в год (по плану)", "по плану"),  # not months: a remark, half-years as before
    ("октябрь (ноябрь)", "ноябрь"),  # no repetition: the brackets stay a remark
])
def test_other_brackets_stay_remarks(phrase: str, remark: str) -> None:
    assert read(phrase, ACADEMIC).remark == remark


def test_when_shows_the_new_forms(cli) -> None:  # cli: the conftest fixture
    result = cli("when", "2 раза в год (январь, июнь)", "--period", ACADEMIC)
    assert result.code == 0
    assert "01.01.2024 – 31.01.2024" in result.out and "01.06.2024 – 30.06.2024" in result.out
    result = cli("when", "ежегодно, начиная с 2024 года", "--period", YEARS)
    assert result.code == 0 and "2023" not in result.out.split("Вид:")[1]
