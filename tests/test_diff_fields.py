"""Field comparisons: deadlines relative to the period, word diffs, executors."""

from __future__ import annotations

from datetime import date

import pytest

from roadmapctl.diff import compare
from roadmapctl.diff.deadline_shift import add_months, months_between
from roadmapctl.diff.words import plain, word_diff
from roadmapctl.model.period import parse_period
from test_diff_matching import roadmap

TITLE = "Проведение муниципального конкурса «Я выбираю»"


def deadline_change(old: str, new: str, old_period: str = "2023/2024",
                    new_period: str = "2024/2025") -> str | None:
    diff = compare(roadmap([{"number": "1.1", "title": TITLE, "deadline": old}], old_period),
                   roadmap([{"number": "1.1", "title": TITLE, "deadline": new}], new_period))
    assert not diff.added and not diff.removed
    if not diff.changed:
        return None
    (change,) = diff.changed[0].changes
    assert change.field == "deadline"
    return change.summary


@pytest.mark.parametrize("old, new", [
    ("Октябрь 2023 г.", "Октябрь 2024 г."),
    ("Октябрь-ноябрь", "октябрь – ноябрь"),
    ("Декабрь 2023 г.-май 2024 г.", "Декабрь 2024 г. – май 2025 г."),
    ("В течение года", "в течение учебного года"),
    ("2 раза в год", "2 раза в год"),
    ("постоянно", "Постоянно"),
    ("до 20 декабря 2023", "до 20.12.2024"),
])
def test_same_deadline_relative_to_period(old: str, new: str) -> None:
    assert deadline_change(old, new) is None


@pytest.mark.parametrize("old, new, summary", [
    ("Октябрь 2023 г.", "Ноябрь 2024 г.", "срок перенесён: «Октябрь 2023 г.» → «Ноябрь 2024 г.» (на 1 мес. позже)"),
    ("Октябрь", "Ноябрь", "срок перенесён: «Октябрь» → «Ноябрь» (на 1 мес. позже)"),
    ("Март – апрель 2024 г.", "Февраль – март 2025 г.",
     "срок перенесён: «Март – апрель 2024 г.» → «Февраль – март 2025 г.» (на 1 мес. раньше)"),
    ("до 20 декабря 2023", "до 25 декабря 2024",
     "срок перенесён: «до 20 декабря 2023» → «до 25 декабря 2024» (на 5 дней позже)"),
    ("Октябрь-ноябрь", "ноябрь", "срок изменён: «Октябрь-ноябрь» → «ноябрь»"),
    # The phrase as written, not its reading («сентябрь – август»).
    ("В течение года", "1 раз в четверть", "срок изменён: «В течение года» → «1 раз в четверть»"),
    ("Октябрь 2023 г.", "Октябрь 2023 г.",
     "срок остался прежним («Октябрь 2023 г.») и не сдвинут вместе с периодом: "
     "относительно периода на 12 мес. раньше"),
    ("Октябрь", "постоянно", "срок изменён: «Октябрь» → «постоянно»"),
    ("Октябрь", "по мере необходимости", "срок изменён: «Октябрь» → «по мере необходимости»"),
    ("по мере необходимости", "постоянно", "срок изменён: «по мере необходимости» → «постоянно»"),
    ("когда-нибудь потом", "как получится", "срок изменён: «когда-нибудь потом» → «как получится»"),
])
def test_changed_deadline(old: str, new: str, summary: str) -> None:
    assert deadline_change(old, new) == summary


def test_multi_year_period_names_years() -> None:
    summary = deadline_change("Октябрь 2022 г.", "Ноябрь 2022 г.", "2021-2025", "2021-2025")
    assert summary == "срок перенесён: «Октябрь 2022 г.» → «Ноябрь 2022 г.» (на 1 мес. позже)"


def test_moved_pin_under_the_same_words_shows_dates() -> None:
    diff = compare(roadmap([{"number": "1.1", "title": TITLE, "executors": "uo", "deadline": "по графику",
                             "due": "2023-12-01"}]),
                   roadmap([{"number": "1.1", "title": TITLE, "executors": "uo", "deadline": "по графику",
                             "due": "2024-12-15"}], "2024/2025"))
    (change,) = diff.changed[0].changes
    assert change.summary == "срок перенесён: до 1 декабря → до 15 декабря (на 14 дней позже)"


def test_months_between_periods_and_month_arithmetic() -> None:
    assert months_between(parse_period("2023/2024"), parse_period("2024/2025")) == 12
    assert months_between(parse_period("2021-2025"), parse_period("2023/2024")) == 32
    assert add_months(date(2024, 2, 29), 12) == date(2025, 2, 28)
    assert add_months(date(2023, 2, 28), 12) == date(2024, 2, 29)  # month end stays month end
    assert add_months(date(2023, 10, 15), 3) == date(2024, 1, 15)


def test_word_diff_marks_only_real_edits() -> None:
    diff = word_diff("Разработка планов на 2023-2024 учебный год.", "Разработка плана на 2024–2025 учебный год", 1)
    assert plain(diff) == "Разработка [-планов-] {+плана+} на 2024–2025 учебный год"
    kept = word_diff("программа на 2023-2025 годы, план на 2023/2024 год",
                     "программа на 2023-2025 годы, план на 2024/2025 год", 1)
    assert not kept.changed  # a multi-year programme keeps its years; the academic year shifts


def test_executors_added_and_removed_by_name() -> None:
    diff = compare(roadmap([{"number": "1.1", "title": TITLE, "executors": "uo"}]),
                   roadmap([{"number": "1.1", "title": TITLE, "executors": "oo"}], "2024/2025"))
    (change,) = diff.changed[0].changes
    assert change.summary == "добавлен исполнитель ОО; исключён исполнитель УО"
    assert (change.added, change.removed) == (("ОО",), ("УО",))


def test_executor_renamed_in_the_glossary_is_the_same_executor() -> None:
    """A new id for the same body (the new year's document imported afresh) is no change."""
    from roadmapctl.reading.loader import load_text

    def version(ident: str, name: str, period: str) -> object:
        text = (f"title: Карта\nperiod: {period}\nexecutors:\n  {ident}: {{name: {name}}}\n"
                "  oo: {name: Школы, short: ОО}\nsections:\n  - number: '1'\n    title: Раздел\n    items:\n"
                f"      - {{number: '1.1', title: {TITLE}, deadline: Октябрь, executors: [{ident}, oo]}}\n")
        return load_text(text, "<test>").roadmap

    renamed = compare(version("uo", "Управление образования", "2023/2024"),
                      version("upr-obr", "управление  образования", "2024/2025"))
    assert not renamed.changed and not renamed.added and not renamed.removed
    other = compare(version("uo", "Управление образования", "2023/2024"),
                    version("cro", "Центр развития образования", "2024/2025"))
    (change,) = other.changed[0].changes
    assert change.summary == ("добавлен исполнитель Центр развития образования; "
                              "исключён исполнитель Управление образования")
