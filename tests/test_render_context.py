"""Template data and filters: what a template sees, independent of the format."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from conftest import DATA, ROADMAPS
from roadmapctl.errors import UsageError
from roadmapctl.model.records import replace
from roadmapctl.reading.loader import load
from roadmapctl.render import filters
from roadmapctl.render.context import build_context, clean, document_date
from roadmapctl.render.gost import PROFILES, choose_profile

SMALL = DATA / "positive" / "render-small.yaml"


def _load(path: Path):
    result = load(path)
    assert result.roadmap is not None, result.problems
    return result.roadmap


def test_date_filters_follow_the_standard_forms() -> None:
    assert filters.date_numeric(date(2023, 8, 7)) == "07.08.2023"
    assert filters.date_words(date(2023, 8, 7)) == "7 августа 2023 г."
    assert filters.date_words(date(2024, 5, 1)) == "1 мая 2024 г."
    assert filters.date_numeric(None) == filters.date_words(None) == ""


@pytest.mark.parametrize(("n", "text"), [
    (1, "1 мероприятие"), (3, "3 мероприятия"), (5, "5 мероприятий"),
    (11, "11 мероприятий"), (21, "21 мероприятие"), (104, "104 мероприятия"),
])
def test_plural_filter(n: int, text: str) -> None:
    assert filters.plural(n, "мероприятие", "мероприятия", "мероприятий") == text


def test_executor_names_full_short_and_note() -> None:
    czn = {"name": "Центр занятости населения", "short": "", "note": "по согласованию"}
    uo = {"name": "Управление образования", "short": "УО", "note": ""}
    assert filters.executor_name(uo) == "Управление образования"
    assert filters.executor_name(uo, "short") == "УО"
    assert filters.executor_name(czn, "short") == "Центр занятости населения (по согласованию)"
    assert filters.executor_names([uo, czn], "short") == ["УО,", "Центр занятости населения (по согласованию)"]


def test_clean_drops_xml_illegal_characters_and_folds_spaces() -> None:
    assert clean("a\x01b\x07 c\x0c\x1b  d\te\nf\ufffe") == "ab c d e f"
    assert clean("<&>\"'") == "<&>\"'"


@pytest.mark.parametrize(("text", "typeset"), [
    ("Март – май 2024 г.", "Март – май 2024\u00a0г."),
    ("на 2021–2025 гг. и далее", "на 2021–2025\u00a0гг. и далее"),
    ("приказ № 1828-у", "приказ №\u00a01828-у"),
    ("администрации г. Белгорода", "администрации г.\u00a0Белгорода"),
    ("возложить на Л.Ю. Манекину", "возложить на Л.Ю.\u00a0Манекину"),
    ("отдел (Ермакова Ю.А.):", "отдел (Ермакова\u00a0Ю.А.):"),
    ("поручить И.И. Иванову", "поручить И.И.\u00a0Иванову"),
    ("ул. Володарского, 14 г. Челябинск", "ул. Володарского, 14 г.\u00a0Челябинск"),
    ("обучающихся г.", "обучающихся г."),
    ("т. е. по плану", "т. е. по плану"),
])
def test_clean_ties_what_must_not_part_at_a_line_end(text: str, typeset: str) -> None:
    assert clean(text) == typeset


def test_order_points_are_numbered_with_sub_points() -> None:
    ctx = build_context(_load(SMALL), what="both", gost=PROFILES["2025"])
    order = ctx["order"]
    assert [(p["number"], p["depth"], p["keep_next"]) for p in order["points"]] == [
        ("1.", 0, False), ("2.", 0, True), ("2.1.", 1, False), ("2.2.", 1, False), ("3.", 0, True)]
    assert order["command"] == "ПРИКАЗЫВАЮ:"
    assert order["signatory"] == {"position": "Начальник управления", "name": "И.И.\u00a0Иванова"}


def test_annex_rows_sections_items_and_sub_items() -> None:
    ctx = build_context(_load(SMALL), what="both", gost=PROFILES["2025"], executors="short")
    rows = ctx["annex"]["rows"]
    assert [(r["is_section"], r["depth"], r["number"]) for r in rows] == [
        (True, 0, "1"), (False, 0, "1.1"), (False, 0, "1.2"),
        (True, 0, "2"), (True, 1, "2.1"), (False, 0, "2.1.1"), (False, 1, ""), (False, 0, "2.1.2"),
    ]
    assert rows[2]["executor_names"] == ["УО,", "Центр занятости населения (по согласованию)"]
    assert rows[6]["cells"][1] == {"key": "title", "lines": ["Пробы на базе колледжей"],
                                   "indent": 1, "center": False}
    assert ctx["annex"]["item_count"] == 5


def test_columns_follow_what_the_roadmap_has() -> None:
    small = build_context(_load(SMALL), what="annex", gost=PROFILES["2025"])
    assert [c["key"] for c in small["annex"]["columns"]] == [
        "number", "title", "deadline", "executors", "indicator", "result", "form"]
    assert small["landscape"] is True
    assert abs(sum(c["share"] for c in small["annex"]["columns"]) - 1) < 1e-9
    belgorod = build_context(_load(ROADMAPS / "belgorod-2021-2025.yaml"), what="annex",
                             gost=PROFILES["2016"])
    assert [c["key"] for c in belgorod["annex"]["columns"]] == [
        "number", "title", "deadline", "executors"]
    assert belgorod["landscape"] is False


def test_annex_mark_from_approval_or_order() -> None:
    chelyabinsk = _load(ROADMAPS / "chelyabinsk-2023-2024.yaml")
    ctx = build_context(chelyabinsk, what="annex", gost=PROFILES["2016"])
    assert ctx["annex"]["mark"] == [
        "Приложение", "к приказу Комитета по делам образования города Челябинска",
        "от 07.08.2023 №\u00a01828-у"]
    lysva = build_context(_load(ROADMAPS / "lysva-2021-2022.yaml"), what="annex", gost=PROFILES["2016"])
    assert lysva["annex"]["mark"] == [
        "УТВЕРЖДЕНА", "приказом начальника управления образования", "от 25.06.2021 №\u00a0240/01-08"]
    without_approval = replace(chelyabinsk, approval=None)
    ctx = build_context(without_approval, what="annex", gost=PROFILES["2016"])
    assert ctx["annex"]["mark"] == ["Приложение", "к приказу", "от 07.08.2023 №\u00a01828-у"]


def test_draft_keeps_the_blanks_of_the_order_in_the_mark() -> None:
    chelyabinsk = _load(ROADMAPS / "chelyabinsk-2023-2024.yaml")
    draft_order = replace(chelyabinsk.order, date=None, number=None)
    blank = "от __________ №\u00a0______"
    # a draft order and no stamp: «Приложение к приказу» with the order's blanks
    ctx = build_context(replace(chelyabinsk, approval=None, order=draft_order), what="both",
                        gost=PROFILES["2016"])
    assert ctx["annex"]["mark"] == ["Приложение", "к приказу", blank]
    # a stamp not yet dated or numbered is a draft too
    stamp = replace(chelyabinsk.approval, date=None, number=None)
    ctx = build_context(replace(chelyabinsk, approval=stamp, order=draft_order), what="annex",
                        gost=PROFILES["2016"])
    assert ctx["annex"]["mark"][-1] == blank
    # an order dated but not yet numbered: only the number is a blank
    dated = replace(chelyabinsk.order, number=None)
    ctx = build_context(replace(chelyabinsk, approval=None, order=dated), what="annex", gost=PROFILES["2016"])
    assert ctx["annex"]["mark"][-1] == "от 07.08.2023 №\u00a0______"
    # an approved stamp that names only its date is printed as written
    dated_stamp = replace(chelyabinsk.approval, number=None)
    ctx = build_context(replace(chelyabinsk, approval=dated_stamp), what="annex", gost=PROFILES["2016"])
    assert ctx["annex"]["mark"][-1] == "от 07.08.2023"


def test_period_line_only_when_the_title_lacks_the_years() -> None:
    roadmap = _load(SMALL)
    assert build_context(roadmap, what="annex", gost=PROFILES["2025"])["annex"]["period_line"] == ""
    untitled = replace(roadmap, title="Дорожная карта профориентации")
    line = build_context(untitled, what="annex", gost=PROFILES["2025"])["annex"]["period_line"]
    assert line == "на 2023/2024 учебный год"


def test_missing_order_title_gets_a_heading_anyway() -> None:
    roadmap = _load(SMALL)
    untitled = replace(roadmap, order=replace(roadmap.order, title=None))
    assert build_context(untitled, what="order", gost=PROFILES["2025"])["order"]["title"] == (
        "Об утверждении дорожной карты")


def test_gost_edition_follows_the_document_date() -> None:
    assert choose_profile(None, date(2025, 8, 17)).edition == "2016"
    assert choose_profile(None, date(2025, 8, 18)).edition == "2025"
    assert choose_profile(None, None).edition == "2025"
    assert choose_profile("2016", date(2026, 1, 1)).edition == "2016"
    with pytest.raises(UsageError):
        choose_profile("2003", None)
    belgorod = _load(ROADMAPS / "belgorod-2021-2025.yaml")
    assert document_date(belgorod, "both") == date(2021, 6, 21)  # the order's date
    assert document_date(belgorod, "annex") == date(2021, 3, 21)  # the approval stamp's
    assert PROFILES["2025"].corner_width_mm == 80 and PROFILES["2016"].corner_width_mm == 75
