from datetime import date

import pytest

from roadmapctl.model.period import PeriodError, parse_period


@pytest.mark.parametrize(
    ("text", "start", "end", "kind"),
    [
        ("2023/2024", date(2023, 9, 1), date(2024, 8, 31), "academic"),
        (" 2023 / 2024 ", date(2023, 9, 1), date(2024, 8, 31), "academic"),
        ("2021-2025", date(2021, 1, 1), date(2025, 12, 31), "years"),
        ("2021 – 2025", date(2021, 1, 1), date(2025, 12, 31), "years"),
        ("2024", date(2024, 1, 1), date(2024, 12, 31), "years"),
        ("2021-06-01..2022-08-31", date(2021, 6, 1), date(2022, 8, 31), "dates"),
    ],
)
def test_periods(text: str, start: date, end: date, kind: str) -> None:
    period = parse_period(text)
    assert (period.start, period.end, period.kind) == (start, end, kind)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2023/2025", "учебный год «2023/2025» должен состоять из двух соседних лет, например «2023/2024»"),
        ("2025-2021", "в периоде «2025-2021» конечный год раньше начального"),
        ("2021-02-30..2022-01-01", "в периоде «2021-02-30..2022-01-01» несуществующая дата"),
        ("0000", "в периоде «0000» год 0 вне допустимых 1900–2100"),
        ("0000/0001", "в периоде «0000/0001» год 0 вне допустимых 1900–2100"),
        ("2021-3021", "в периоде «2021-3021» год 3021 вне допустимых 1900–2100"),
        ("0001-01-01..2022-08-31", "в периоде «0001-01-01..2022-08-31» год 1 вне допустимых 1900–2100"),
        ("весь год", "не удалось прочитать период «весь год»: ожидается учебный год «2023/2024», "
                     "календарные годы «2021-2025» или даты «2021-06-01..2022-08-31»"),
    ],
)
def test_bad_periods(text: str, message: str) -> None:
    with pytest.raises(PeriodError) as exc:
        parse_period(text)
    assert str(exc.value) == message


def test_shift() -> None:
    assert parse_period("2023/2024").shifted_years(1).text == "2024/2025"
    assert parse_period("2021-2025").shifted_years(1).text == "2022-2026"
