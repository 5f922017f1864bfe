from datetime import date

import pytest

from roadmapctl.model.ru import count, date_numeric, date_words, plural_form


@pytest.mark.parametrize(
    ("n", "form"),
    [(0, "many"), (1, "one"), (2, "few"), (4, "few"), (5, "many"), (11, "many"), (12, "many"),
     (14, "many"), (21, "one"), (22, "few"), (25, "many"), (101, "one"), (111, "many"), (1004, "few")],
)
def test_plural_form_matches_cldr(n: int, form: str) -> None:
    assert plural_form(n) == form


def test_plural_form_agrees_with_babel() -> None:
    from babel.core import Locale

    rule = Locale("ru").plural_form
    assert all(plural_form(n) == rule(n) for n in range(0, 1000))


def test_count() -> None:
    assert count(3, "мероприятие", "мероприятия", "мероприятий") == "3 мероприятия"
    assert count(5, "мероприятие", "мероприятия", "мероприятий") == "5 мероприятий"
    assert count(21, "ошибка", "ошибки", "ошибок") == "21 ошибка"


def test_dates() -> None:
    assert date_numeric(date(2023, 8, 7)) == "07.08.2023"
    assert date_words(date(2023, 8, 7)) == "7 августа 2023 г."
    assert date_words(date(2024, 3, 1)) == "1 марта 2024 г."
