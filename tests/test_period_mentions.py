"""Which years of a text name the roadmap's own period (moved by rollover, relative in textconv)."""

from __future__ import annotations

import pytest

from roadmapctl.model.period import parse_period
from roadmapctl.rollover.mentions import moved, old_years


@pytest.mark.parametrize(("text", "period", "years", "expected"), [
    ("на 2023/2024 учебный год", "2023/2024", 1, "на 2024/2025 учебный год"),
    ("на 2023-2024 учебный год.", "2023/2024", 1, "на 2024-2025 учебный год."),
    ("на 2023/24 уч. год", "2023/2024", 1, "на 2024/25 уч. год"),
    ("на 2021 – 2025 годы", "2021-2025", 5, "на 2026 – 2030 годы"),
    ("НА 2021-2022 УЧЕБНЫЙ ГОД", "2021-06-01..2022-08-31", 1, "НА 2022-2023 УЧЕБНЫЙ ГОД"),
    ("на 2021 год", "2021", 1, "на 2022 год"),
    # Fixed years stay: another programme, a document's date, the previous year.
    ("программа на 2023-2025 годы", "2023/2024", 1, "программа на 2023-2025 годы"),
    ("приказ от 14.06.2023 № 01/1474", "2023/2024", 1, "приказ от 14.06.2023 № 01/1474"),
    ("по итогам 2022/2023 учебного года", "2023/2024", 1, "по итогам 2022/2023 учебного года"),
    ("приказ от 5 мая 2021 г.", "2021", 1, "приказ от 5 мая 2021 г."),
    ("на период до 2025 года", "2021-2025", 5, "на период до 2025 года"),
])
def test_only_the_period_itself_moves(text: str, period: str, years: int, expected: str) -> None:
    assert moved(text, parse_period(period), years) == expected


def test_old_years_counts_dates_and_short_ranges() -> None:
    assert old_years("от 07.08.2023 № 1, на 2022/23 год", 2023, 2024) == [2023]
    assert old_years("на 2024/25 год", 2023, 2024) == [2024]
    assert old_years("на 2025 год", 2023, 2024) == []
