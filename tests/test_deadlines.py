"""The reader of Russian deadline phrases (`roadmapctl.deadlines`).

Expected dates are written out by hand (or built with plain date arithmetic),
never taken from the parser.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from roadmapctl.deadlines import Deadline, Occurrence, Unparsed, describe, parse_deadline
from roadmapctl.model.period import Period, academic_year, parse_period

SRC = Path(__file__).resolve().parent.parent / "src"

LYSVA = "2021-06-01..2022-08-31"  # explicit dates
BELGOROD = "2021-2025"  # calendar years
CHEL = "2023/2024"  # an academic year


def w(start: str, due: str) -> Occurrence:
    """A window from ISO dates."""
    return Occurrence(date.fromisoformat(start), date.fromisoformat(due))


def d(due: str) -> Occurrence:
    """A plain date."""
    return Occurrence(None, date.fromisoformat(due))


def parse(phrase: str, period: str) -> Deadline:
    result = parse_deadline(phrase, parse_period(period))
    assert isinstance(result, Deadline), result
    return result


EVERY_YEAR_2021_2025 = [w(f"{y}-01-01", f"{y}-12-31") for y in range(2021, 2026)]
WHOLE_CHEL = [w("2023-09-01", "2024-08-31")]

# --- the phrases of the three seed roadmaps -------------------------------------------

SEEDS = [
    # Лысьва, 2021-06-01..2022-08-31
    (LYSVA, "до 21 июня 2021", "date", [d("2021-06-21")]),
    (LYSVA, "23 июня 2021", "date", [d("2021-06-23")]),
    (LYSVA, "до 28 июня 2021 г.", "date", [d("2021-06-28")]),
    (LYSVA, "август 2021 г.", "window", [w("2021-08-01", "2021-08-31")]),
    (LYSVA, "Август – сентябрь (с последующей корректировкой в течение года)", "window",
     [w("2021-08-01", "2021-09-30")]),
    (LYSVA, "июнь", "window", [w("2021-06-01", "2021-06-30")]),
    (LYSVA, "октябрь", "window", [w("2021-10-01", "2021-10-31")]),
    (LYSVA, "декабрь", "window", [w("2021-12-01", "2021-12-31")]),
    (LYSVA, "Октябрь - ноябрь", "window", [w("2021-10-01", "2021-11-30")]),
    (LYSVA, "в течение года", "window", [w("2021-06-01", "2022-08-31")]),
    (LYSVA, "В течение года", "window", [w("2021-06-01", "2022-08-31")]),
    (LYSVA, "раз в год", "recurring", [w("2021-06-01", "2022-05-31")]),
    # Белгород, 2021-2025
    (BELGOROD, "2020 г. сентябрь", "window", [w("2020-09-01", "2020-09-30")]),
    (BELGOROD, "Постоянно", "continuous", []),
    (BELGOROD, "Ежегодно (в соответствии с планами работы, а так же по запросу)", "recurring",
     EVERY_YEAR_2021_2025),
    (BELGOROD, "Ежегодно (в соответствии с планами работы)", "recurring", EVERY_YEAR_2021_2025),
    (BELGOROD, "Постоянно (в соответствии с планами работы)", "continuous", []),
    (BELGOROD, "Ежегодно", "recurring", EVERY_YEAR_2021_2025),
    # Челябинск, 2023/2024
    (CHEL, "В течение года", "window", WHOLE_CHEL),
    (CHEL, "Октябрь 2023 г.", "window", [w("2023-10-01", "2023-10-31")]),
    (CHEL, "В течение \n\nгода", "window", WHOLE_CHEL),
    (CHEL, "август 2023 г.", "window", [w("2023-08-01", "2023-08-31")]),
    (CHEL, "Декабрь 2023", "window", [w("2023-12-01", "2023-12-31")]),
    (CHEL, "Декабрь 2023 г.\n\n- Январь 2024 г.\n\nМай – июнь 2024 г.", "window",
     [w("2023-12-01", "2024-01-31"), w("2024-05-01", "2024-06-30")]),
    (CHEL, "Январь 2024 г.", "window", [w("2024-01-01", "2024-01-31")]),
    (CHEL, "2 раза в год", "recurring", [w("2023-09-01", "2023-12-31"), w("2024-01-01", "2024-08-31")]),
    (CHEL, "Сентябрь 2023 г.", "window", [w("2023-09-01", "2023-09-30")]),
    (CHEL, "Август 2023 г.", "window", [w("2023-08-01", "2023-08-31")]),
    (CHEL, "Сентябрь 2023 г. – апрель 2024 г.", "window", [w("2023-09-01", "2024-04-30")]),
    (CHEL, "Декабрь 2023 г.-май 2024 г.", "window", [w("2023-12-01", "2024-05-31")]),
    (CHEL, "Сентябрь 2023 г. – август 2024 г.", "window", [w("2023-09-01", "2024-08-31")]),
    (CHEL, "Март – май 2024 г.", "window", [w("2024-03-01", "2024-05-31")]),
    (CHEL, "Ноябрь 2023 г.", "window", [w("2023-11-01", "2023-11-30")]),
    (CHEL, "Апрель 2024 г.", "window", [w("2024-04-01", "2024-04-30")]),
    (CHEL, "Май 2024 г.", "window", [w("2024-05-01", "2024-05-31")]),
    (CHEL, "Март – апрель 2024 г.", "window", [w("2024-03-01", "2024-04-30")]),
    (CHEL, "Октябрь ", "window", [w("2023-10-01", "2023-10-31")]),
    (CHEL, "Ноябрь ", "window", [w("2023-11-01", "2023-11-30")]),
    (CHEL, "Апрель ", "window", [w("2024-04-01", "2024-04-30")]),
    (CHEL, "Май ", "window", [w("2024-05-01", "2024-05-31")]),
]


def _table(cases: list[tuple[str, str, str, list[Occurrence]]]) -> list[str]:
    """Each phrase of a table parsed: every one that differs from its row, with what was got
    (a table is one test: a few hundred phrases of a millisecond each)."""
    wrong = []
    for period, phrase, kind, occurrences in cases:
        result = parse(phrase, period)
        got = (result.kind, list(result.occurrences), result.phrase)
        if got != (kind, occurrences, phrase):
            wrong.append(f"{period} «{phrase}»: {got!r} != {(kind, occurrences, phrase)!r}")
    return wrong


def test_seed_phrases() -> None:
    assert not (wrong := _table(SEEDS)), "\n".join(wrong)


@pytest.mark.parametrize(("period", "phrase", "remark", "rrule"), [
    (LYSVA, "Август – сентябрь (с последующей корректировкой в течение года)",
     "с последующей корректировкой в течение года", None),
    (LYSVA, "раз в год", None, "FREQ=YEARLY;BYMONTH=5;BYMONTHDAY=31"),
    (BELGOROD, "Ежегодно (в соответствии с планами работы, а так же по запросу)",
     "в соответствии с планами работы, а так же по запросу", "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=31"),
    (BELGOROD, "Ежегодно (в соответствии с планами работы)", "в соответствии с планами работы",
     "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=31"),
    (BELGOROD, "Постоянно (в соответствии с планами работы)", "в соответствии с планами работы", None),
    (BELGOROD, "Постоянно", None, None),
    (CHEL, "2 раза в год", None, "FREQ=YEARLY;BYMONTH=8,12;BYMONTHDAY=31"),
    (CHEL, "Ежегодно", None, "FREQ=YEARLY;BYMONTH=8;BYMONTHDAY=31"),
])
def test_remark_and_rrule(period: str, phrase: str, remark: str | None, rrule: str | None) -> None:
    result = parse(phrase, period)
    assert (result.remark, result.rrule) == (remark, rrule)


# --- our own phrases, every form -------------------------------------------------------

def months_of(first: tuple[int, int], count: int) -> list[tuple[int, int]]:
    year, month = first
    out = []
    for _ in range(count):
        out.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def month_end(year: int, month: int) -> date:
    nxt = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return nxt - timedelta(days=1)


CHEL_MONTHS = months_of((2023, 9), 12)
OCT_NOV = [w("2023-10-01", "2023-11-30")]

FORMS = [
    # exact dates, with and without a year
    (CHEL, "до 20.12.2024", "date", [d("2024-12-20")]),
    (CHEL, "01.10.2020", "date", [d("2020-10-01")]),
    (CHEL, "1.11.2020", "date", [d("2020-11-01")]),
    (CHEL, "до 28.06.21", "date", [d("2021-06-28")]),
    (CHEL, "2024-05-25", "date", [d("2024-05-25")]),
    (CHEL, "до 20.12", "date", [d("2023-12-20")]),
    (CHEL, "до 20 июня", "date", [d("2024-06-20")]),
    (CHEL, "к 1 сентября", "date", [d("2023-09-01")]),
    (CHEL, "не позднее 15 мая", "date", [d("2024-05-15")]),
    (CHEL, "до 29 февраля", "date", [d("2024-02-29")]),
    (CHEL, "до 1 июня, до 1 июля", "date", [d("2024-06-01"), d("2024-07-01")]),
    (LYSVA, "до 20 июня", "date", [d("2021-06-20")]),
    (LYSVA, "ДО 21 ИЮНЯ 2021 Г.", "date", [d("2021-06-21")]),
    (LYSVA, "  до\u00a021\u00a0июня\u00a02021 года.  ", "date", [d("2021-06-21")]),
    (LYSVA, "не позднее 21 июня 2021 года", "date", [d("2021-06-21")]),
    (CHEL, "до конца года", "date", [d("2023-12-31")]),
    (CHEL, "до конца учебного года", "date", [d("2024-08-31")]),
    (CHEL, "до конца I квартала", "date", [d("2024-03-31")]),
    (CHEL, "до сентября", "date", [d("2023-09-01")]),
    (CHEL, "не позднее сентября", "date", [d("2023-09-30")]),
    (CHEL, "с 1 по 15 сентября", "window", [w("2023-09-01", "2023-09-15")]),
    (CHEL, "01.09.2023 – 15.10.2023", "window", [w("2023-09-01", "2023-10-15")]),
    (CHEL, "с 25 декабря по 10 января", "window", [w("2023-12-25", "2024-01-10")]),
    # months in every case, every dash, stray spaces and NBSP
    (CHEL, "август", "window", [w("2024-08-01", "2024-08-31")]),
    (CHEL, "августа", "window", [w("2024-08-01", "2024-08-31")]),
    (CHEL, "в августе", "window", [w("2024-08-01", "2024-08-31")]),
    (CHEL, "АВГУСТ", "window", [w("2024-08-01", "2024-08-31")]),
    (CHEL, "в течение августа", "window", [w("2024-08-01", "2024-08-31")]),
    (CHEL, "Сентябрь", "window", [w("2023-09-01", "2023-09-30")]),
    (CHEL, "сентябрь.", "window", [w("2023-09-01", "2023-09-30")]),
    (CHEL, "Октябрь - ноябрь", "window", OCT_NOV),
    (CHEL, "Октябрь – ноябрь", "window", OCT_NOV),
    (CHEL, "Октябрь — ноябрь", "window", OCT_NOV),
    (CHEL, "Октябрь \u2011 ноябрь", "window", OCT_NOV),
    (CHEL, "Октябрь-ноябрь", "window", OCT_NOV),
    (CHEL, "октябрь  –   ноябрь ", "window", OCT_NOV),
    (CHEL, "Октябрь\u00a0–\u00a0ноябрь", "window", OCT_NOV),
    (CHEL, "ОКТЯБРЬ—НОЯБРЬ", "window", OCT_NOV),
    (CHEL, "в октябре – ноябре", "window", OCT_NOV),
    (CHEL, "с октября по ноябрь", "window", OCT_NOV),
    (CHEL, "ноябрь – март", "window", [w("2023-11-01", "2024-03-31")]),
    (CHEL, "сентябрь – апрель 2024 г.", "window", [w("2023-09-01", "2024-04-30")]),
    (CHEL, "Сентябрь 2023 г. – апрель", "window", [w("2023-09-01", "2024-04-30")]),
    (LYSVA, "Февраль- март 2021", "window", [w("2021-02-01", "2021-03-31")]),
    (LYSVA, "Февраль — март 2021 г.", "window", [w("2021-02-01", "2021-03-31")]),
    (CHEL, "Январь 2024 года", "window", [w("2024-01-01", "2024-01-31")]),
    (CHEL, "2024 г. май", "window", [w("2024-05-01", "2024-05-31")]),
    # several windows in one phrase
    (CHEL, "Декабрь 2023 г. - Январь 2024 г. Май – июнь 2024 г.", "window",
     [w("2023-12-01", "2024-01-31"), w("2024-05-01", "2024-06-30")]),
    (CHEL, "Декабрь 2023 г.\n- Январь 2024 г.\nМай — июнь 2024 г.", "window",
     [w("2023-12-01", "2024-01-31"), w("2024-05-01", "2024-06-30")]),
    (CHEL, "ноябрь, март", "window", [w("2023-11-01", "2023-11-30"), w("2024-03-01", "2024-03-31")]),
    (CHEL, "в мае и ноябре", "window", [w("2023-11-01", "2023-11-30"), w("2024-05-01", "2024-05-31")]),
    (CHEL, "октябрь, до 20 декабря", "window", [w("2023-10-01", "2023-10-31"), d("2023-12-20")]),
    (BELGOROD, "март и октябрь 2022 г.", "window", [w("2022-03-01", "2022-03-31"), w("2022-10-01", "2022-10-31")]),
    (CHEL, "ноябрь, март 2024 г.", "window", [w("2023-11-01", "2023-11-30"), w("2024-03-01", "2024-03-31")]),
    (BELGOROD, "сентябрь-октябрь 2023 г., март-апрель 2024 г.", "window",
     [w("2023-09-01", "2023-10-31"), w("2024-03-01", "2024-04-30")]),
    (BELGOROD, "до 1 сентября 2021 г., далее ежегодно", "recurring",
     [d("2021-09-01"), *EVERY_YEAR_2021_2025]),
    # the whole period
    (CHEL, "в течение учебного года", "window", WHOLE_CHEL),
    (CHEL, "в течение всего периода", "window", WHOLE_CHEL),
    (CHEL, "  В  ТЕЧЕНИЕ\u00a0ГОДА. ", "window", WHOLE_CHEL),
    (CHEL, "2023/2024 учебный год", "window", WHOLE_CHEL),
    (CHEL, "в течение 2023-2024 учебного года", "window", WHOLE_CHEL),
    (BELGOROD, "2021-2025", "window", [w("2021-01-01", "2025-12-31")]),
    (BELGOROD, "2021 - 2025 гг.", "window", [w("2021-01-01", "2025-12-31")]),
    (BELGOROD, "2021 – 2025 годы", "window", [w("2021-01-01", "2025-12-31")]),
    (BELGOROD, "в течение всего периода реализации дорожной карты", "window",
     [w("2021-01-01", "2025-12-31")]),
    (BELGOROD, "в 2023 году", "window", [w("2023-01-01", "2023-12-31")]),
    (LYSVA, "2021-2025", "window", [w("2021-06-01", "2022-08-31")]),
    (LYSVA, "в течение всего периода", "window", [w("2021-06-01", "2022-08-31")]),
    (BELGOROD, "в течение года", "recurring", EVERY_YEAR_2021_2025),
    (BELGOROD, "В течение \n\nгода", "recurring", EVERY_YEAR_2021_2025),
    (parse_period("2024").text, "в течение года", "window", [w("2024-01-01", "2024-12-31")]),
    # quarters and halves
    (CHEL, "I квартал 2024 г.", "window", [w("2024-01-01", "2024-03-31")]),
    (CHEL, "II квартал", "window", [w("2024-04-01", "2024-06-30")]),
    (CHEL, "IV квартал 2023 года", "window", [w("2023-10-01", "2023-12-31")]),
    (CHEL, "1 квартал", "window", [w("2024-01-01", "2024-03-31")]),
    (CHEL, "1-й квартал", "window", [w("2024-01-01", "2024-03-31")]),
    (CHEL, "в IV квартале", "window", [w("2023-10-01", "2023-12-31")]),
    (CHEL, "в I-м квартале", "window", [w("2024-01-01", "2024-03-31")]),
    (BELGOROD, "в первом квартале 2024 года", "window", [w("2024-01-01", "2024-03-31")]),
    (CHEL, "в III квартале", "window", [w("2024-07-01", "2024-08-31")]),  # the rest is after the plan
    (CHEL, "I–II квартал 2024 г.", "window", [w("2024-01-01", "2024-06-30")]),
    (CHEL, "I полугодие", "window", [w("2023-09-01", "2023-12-31")]),
    (CHEL, "II полугодие", "window", [w("2024-01-01", "2024-08-31")]),
    (CHEL, "в первом полугодии", "window", [w("2023-09-01", "2023-12-31")]),
    (CHEL, "I полугодие 2024 г.", "window", [w("2024-01-01", "2024-06-30")]),
    (CHEL, "II полугодие 2023 г.", "window", [w("2023-07-01", "2023-12-31")]),
    (CHEL, "II полугодие 2023/2024 учебного года", "window", [w("2024-01-01", "2024-08-31")]),
    (BELGOROD, "II полугодие", "window", [w("2021-07-01", "2021-12-31")]),
    (LYSVA, "IV квартал", "window", [w("2021-10-01", "2021-12-31")]),
    # holidays and seasons
    (CHEL, "в период летних каникул", "window", [w("2024-06-01", "2024-08-31")]),
    (CHEL, "во время летних каникул", "window", [w("2024-06-01", "2024-08-31")]),
    (CHEL, "летом", "window", [w("2024-06-01", "2024-08-31")]),
    (CHEL, "в летний период", "window", [w("2024-06-01", "2024-08-31")]),
    (LYSVA, "летом", "window", [w("2021-06-01", "2021-08-31")]),
    (CHEL, "в период осенних каникул", "window", [w("2023-10-26", "2023-11-09")]),
    (CHEL, "в период зимних каникул", "window", [w("2023-12-28", "2024-01-08")]),
    (CHEL, "в период весенних каникул", "window", [w("2024-03-22", "2024-03-31")]),
    (CHEL, "летом 2024 г.", "window", [w("2024-06-01", "2024-08-31")]),
    (BELGOROD, "в период летних каникул", "recurring",
     [w(f"{y}-06-01", f"{y}-08-31") for y in range(2021, 2026)]),
    # yearly
    (CHEL, "ежегодно", "recurring", WHOLE_CHEL),
    (CHEL, "Ежегодно", "recurring", WHOLE_CHEL),
    (CHEL, "раз в год", "recurring", WHOLE_CHEL),
    (CHEL, "1 раз в год", "recurring", WHOLE_CHEL),
    (CHEL, "один раз в год", "recurring", WHOLE_CHEL),
    (CHEL, "не реже одного раза в год", "recurring", WHOLE_CHEL),
    (CHEL, "ежегодно в течение года", "recurring", WHOLE_CHEL),
    (CHEL, "ежегодно в августе", "recurring", [w("2024-08-01", "2024-08-31")]),
    (CHEL, "ежегодно до 1 июня", "recurring", [d("2024-06-01")]),
    # a colon or a dash after «ежегодно» names the month, as a comma does (one occurrence, not two)
    (CHEL, "ежегодно: в декабре", "recurring", [w("2023-12-01", "2023-12-31")]),
    (CHEL, "ежегодно – декабрь", "recurring", [w("2023-12-01", "2023-12-31")]),
    (CHEL, "ежегодно — до 1 июня", "recurring", [d("2024-06-01")]),
    (CHEL, "август текущего года", "window", [w("2024-08-01", "2024-08-31")]),
    (BELGOROD, "ежегодно в августе", "recurring",
     [w(f"{y}-08-01", f"{y}-08-31") for y in range(2021, 2026)]),
    (BELGOROD, "август текущего года", "recurring",
     [w(f"{y}-08-01", f"{y}-08-31") for y in range(2021, 2026)]),
    (BELGOROD, "Август, ежегодно", "recurring",
     [w(f"{y}-08-01", f"{y}-08-31") for y in range(2021, 2026)]),
    (BELGOROD, "ежегодно в мае и ноябре", "recurring",
     [w(f"{y}-{m:02}-01", f"{y}-{m:02}-{e}") for y in range(2021, 2026) for m, e in ((5, 31), (11, 30))]),
    (BELGOROD, "ежегодно до 1 сентября", "recurring", [d(f"{y}-09-01") for y in range(2021, 2026)]),
    (LYSVA, "ежегодно", "recurring", [w("2021-06-01", "2022-05-31")]),
    (BELGOROD, "раз в год", "recurring", EVERY_YEAR_2021_2025),
    # twice a year, quarterly, monthly, weekly
    (CHEL, "два раза в год", "recurring", [w("2023-09-01", "2023-12-31"), w("2024-01-01", "2024-08-31")]),
    (CHEL, "дважды в год", "recurring", [w("2023-09-01", "2023-12-31"), w("2024-01-01", "2024-08-31")]),
    (CHEL, "раз в полугодие", "recurring", [w("2023-09-01", "2023-12-31"), w("2024-01-01", "2024-08-31")]),
    (BELGOROD, "2 раза в год", "recurring",
     [w(f"{y}-{a}", f"{y}-{b}") for y in range(2021, 2026) for a, b in (("01-01", "06-30"), ("07-01", "12-31"))]),
    (LYSVA, "2 раза в год", "recurring",
     [w("2021-06-01", "2021-11-30"), w("2021-12-01", "2022-05-31")]),
    (CHEL, "ежеквартально", "recurring", [w("2023-09-01", "2023-09-30"), w("2023-10-01", "2023-12-31"),
                                          w("2024-01-01", "2024-03-31"), w("2024-04-01", "2024-06-30")]),
    (CHEL, "раз в квартал", "recurring", [w("2023-09-01", "2023-09-30"), w("2023-10-01", "2023-12-31"),
                                          w("2024-01-01", "2024-03-31"), w("2024-04-01", "2024-06-30")]),
    (CHEL, "ежемесячно", "recurring", [Occurrence(date(y, m, 1), month_end(y, m)) for y, m in CHEL_MONTHS]),
    (CHEL, "раз в месяц", "recurring", [Occurrence(date(y, m, 1), month_end(y, m)) for y, m in CHEL_MONTHS]),
    (CHEL, "ежемесячно до 20 числа", "recurring",
     [Occurrence(date(y, m, 1), date(y, m, 20)) for y, m in CHEL_MONTHS]),
    (CHEL, "ежемесячно, до 5-го числа", "recurring",
     [Occurrence(date(y, m, 1), date(y, m, 5)) for y, m in CHEL_MONTHS]),
    (CHEL, "Ежемесячно до 30 числа", "recurring",
     [Occurrence(date(y, m, 1), date(y, m, min(30, month_end(y, m).day))) for y, m in CHEL_MONTHS]),
    (CHEL, "до 5 числа каждого месяца", "recurring",
     [Occurrence(date(y, m, 1), date(y, m, 5)) for y, m in CHEL_MONTHS]),
    (CHEL, "еженедельно", "recurring",  # 1 September 2023 is a Friday: weeks Friday–Thursday
     [Occurrence(date(2023, 9, 1) + timedelta(weeks=n), date(2023, 9, 7) + timedelta(weeks=n))
      for n in range(52)]),
    # never overdue
    (CHEL, "постоянно", "continuous", []),
    (CHEL, "ПОСТОЯННО", "continuous", []),
    (CHEL, "по мере необходимости", "continuous", []),
    (CHEL, "По необходимости", "continuous", []),
    (CHEL, "по запросу", "continuous", []),
    (CHEL, "систематически", "continuous", []),
    (CHEL, "в течение всего периода постоянно", "continuous", []),
    (BELGOROD, "постоянно, в течение года", "continuous", []),
    # remarks do not change the reading
    (CHEL, "Ежегодно (в соответствии с планами работы).", "recurring", WHOLE_CHEL),
    (CHEL, "Октябрь – ноябрь (по согласованию) ", "window", OCT_NOV),
    (CHEL, "до 1 июня (для 9 классов), до 1 июля (для 11 классов)", "date",
     [d("2024-06-01"), d("2024-07-01")]),
]


TERMS_CHEL = [w("2023-09-01", "2023-10-31"), w("2023-11-01", "2023-12-31"), w("2024-01-01", "2024-03-31"),
              w("2024-04-01", "2024-05-31")]  # school terms (четверти), each due on its last month's end
QUARTER_REPORTS_CHEL = [w("2023-10-01", "2023-10-10"), w("2024-01-01", "2024-01-10"),
                        w("2024-04-01", "2024-04-10"), w("2024-07-01", "2024-07-10")]

#: Phrases of real plans met in review, each with its reading worked out by hand.
REAL_PLANS = [
    # a numeric date followed by «г.», as typed in Word
    (CHEL, "до 15.09.2023 г.", "date", [d("2023-09-15")]),
    (CHEL, "до 30.06.2024г.", "date", [d("2024-06-30")]),
    (CHEL, "01.09.2023 г. – 31.05.2024 г.", "window", [w("2023-09-01", "2024-05-31")]),
    (LYSVA, "до 01.07.2021 года", "date", [d("2021-07-01")]),
    (CHEL, "с 01.09.2023 по 31.05.2024", "window", [w("2023-09-01", "2024-05-31")]),
    # months, lists and ranges
    (CHEL, "ноябрь-декабрь 2023, март 2024", "window", [w("2023-11-01", "2023-12-31"), w("2024-03-01", "2024-03-31")]),
    (CHEL, "декабрь, май", "window", [w("2023-12-01", "2023-12-31"), w("2024-05-01", "2024-05-31")]),
    (CHEL, "март, апрель, май", "window",
     [w("2024-03-01", "2024-03-31"), w("2024-04-01", "2024-04-30"), w("2024-05-01", "2024-05-31")]),
    (CHEL, "октябрь, ноябрь 2023 г.", "window", [w("2023-10-01", "2023-10-31"), w("2023-11-01", "2023-11-30")]),
    (CHEL, "сентябрь-октябрь, февраль-март", "window", [w("2023-09-01", "2023-10-31"), w("2024-02-01", "2024-03-31")]),
    (CHEL, "Декабрь 2023 г, май 2024 г", "window", [w("2023-12-01", "2023-12-31"), w("2024-05-01", "2024-05-31")]),
    (CHEL, "Январь-февраль 2024 года", "window", [w("2024-01-01", "2024-02-29")]),
    (CHEL, "к 1 сентября 2024 года", "date", [d("2024-09-01")]),
    (CHEL, "до 1-го сентября", "date", [d("2023-09-01")]),
    # the whole year, halves, quarters
    (CHEL, "в течение 2023/2024 учебного года", "window", WHOLE_CHEL),
    (CHEL, "весь период", "window", WHOLE_CHEL),
    (CHEL, "в течение учебного года (по отдельному плану)", "window", WHOLE_CHEL),
    (CHEL, "1 полугодие 2023-2024 учебного года", "window", [w("2023-09-01", "2023-12-31")]),
    (CHEL, "в течение I полугодия 2023-2024 учебного года", "window", [w("2023-09-01", "2023-12-31")]),
    (CHEL, "III-IV квартал 2023 г.", "window", [w("2023-07-01", "2023-12-31")]),
    (CHEL, "1 квартал 2024 г. – 2 квартал 2024 г.", "window", [w("2024-01-01", "2024-06-30")]),
    (BELGOROD, "II полугодие 2021 г. – I полугодие 2022 г.", "window", [w("2021-07-01", "2022-06-30")]),
    (CHEL, "I четверть – II четверть", "window", [w("2023-09-01", "2023-12-31")]),
    (CHEL, "IV квартал – I квартал", "window", [w("2023-10-01", "2024-03-31")]),
    (BELGOROD, "2-3 квартал 2022 года", "window", [w("2022-04-01", "2022-09-30")]),
    (BELGOROD, "2022-2023 гг.", "window", [w("2022-01-01", "2023-12-31")]),
    (CHEL, "в конце учебного года", "date", [d("2024-08-31")]),
    (CHEL, "в конце года", "date", [d("2023-12-31")]),
    # the start of a year or a month, a month's first or last week: windows, not single days
    (CHEL, "в начале учебного года", "window", [w("2023-09-01", "2023-09-30")]),
    (CHEL, "в начале года", "window", [w("2024-01-01", "2024-01-31")]),
    (CHEL, "в начале сентября", "window", [w("2023-09-01", "2023-09-10")]),
    (BELGOROD, "в начале октября 2022 г.", "window", [w("2022-10-01", "2022-10-10")]),
    (CHEL, "первая неделя сентября", "window", [w("2023-09-01", "2023-09-07")]),
    (CHEL, "в первую неделю мая 2024 г.", "window", [w("2024-05-01", "2024-05-07")]),
    (CHEL, "последняя неделя мая", "window", [w("2024-05-25", "2024-05-31")]),
    (CHEL, "в последнюю неделю апреля", "window", [w("2024-04-24", "2024-04-30")]),
    # «в период с … по …»: the window after «период»
    (CHEL, "в период с 1 по 30 ноября", "window", [w("2023-11-01", "2023-11-30")]),
    (CHEL, "в период с октября по декабрь 2023 г.", "window", [w("2023-10-01", "2023-12-31")]),
    (BELGOROD, "на период 2021-2025 годов", "window", [w("2021-01-01", "2025-12-31")]),
    (BELGOROD, "в период 2022-2023 гг.", "window", [w("2022-01-01", "2023-12-31")]),
    (CHEL, "по согласованию", "window", WHOLE_CHEL),
    (CHEL, "по согласованию с Министерством", "window", WHOLE_CHEL),
    # a schedule kept elsewhere: the plan's whole period
    (CHEL, "по графику", "window", WHOLE_CHEL),
    (CHEL, "по отдельному графику", "window", WHOLE_CHEL),
    (CHEL, "в соответствии с графиком", "window", WHOLE_CHEL),
    (CHEL, "согласно плану работы", "window", WHOLE_CHEL),
    (BELGOROD, "в соответствии с планом работы ОО", "window", [w("2021-01-01", "2025-12-31")]),
    (CHEL, "в установленные сроки", "window", WHOLE_CHEL),
    (CHEL, "по графику в октябре", "window", [w("2023-10-01", "2023-10-31")]),
    (CHEL, "в течение года, до 1 июня", "date", [d("2024-06-01")]),
    (CHEL, "по плану работы ОО на 2023-2024 учебный год", "window", WHOLE_CHEL),
    (CHEL, "в сроки, установленные Минпросвещения России", "window", WHOLE_CHEL),
    # misspellings and abbreviations
    (CHEL, "в течении года", "window", WHOLE_CHEL),
    (CHEL, "в теч. года", "window", WHOLE_CHEL),
    (CHEL, "в течении 2023-2024 уч. года", "window", WHOLE_CHEL),
    (CHEL, "в течение 2023-2024 уч. года", "window", WHOLE_CHEL),
    (CHEL, "сентябрь–май", "window", [w("2023-09-01", "2024-05-31")]),
    (CHEL, "октябрь/ноябрь", "window", OCT_NOV),
    (CHEL, "ноябрь 2023 – февраль 2024 гг.", "window", [w("2023-11-01", "2024-02-29")]),
    (CHEL, "с сентября 2023 по май 2024 года", "window", [w("2023-09-01", "2024-05-31")]),
    (CHEL, "до 25.12.", "date", [d("2023-12-25")]),
    (CHEL, "до 31 декабря текущего года", "date", [d("2023-12-31")]),
    (CHEL, "до 01.11.2023 (промежуточный), до 01.05.2024 (итоговый)", "date", [d("2023-11-01"), d("2024-05-01")]),
    # from a date on: until the plan ends
    (CHEL, "с 1 сентября 2023 года", "window", [w("2023-09-01", "2024-08-31")]),
    (CHEL, "с 15 января", "window", [w("2024-01-15", "2024-08-31")]),
    (CHEL, "с октября", "window", [w("2023-10-01", "2024-08-31")]),
    (BELGOROD, "с 2023 года", "window", [w("2023-01-01", "2025-12-31")]),
    # seasons and school terms named
    (CHEL, "весна 2024", "window", [w("2024-03-01", "2024-05-31")]),
    (CHEL, "осень 2023 г.", "window", [w("2023-09-01", "2023-11-30")]),
    (CHEL, "зима", "window", [w("2023-12-01", "2024-02-29")]),
    (CHEL, "в течение I четверти", "window", [w("2023-09-01", "2023-10-31")]),
    (CHEL, "IV четверть", "window", [w("2024-04-01", "2024-05-31")]),
    (CHEL, "II-III четверть", "window", [w("2023-11-01", "2024-03-31")]),
    # repetitions
    (CHEL, "до 25 числа ежемесячно", "recurring", [Occurrence(date(y, m, 1), date(y, m, 25)) for y, m in CHEL_MONTHS]),
    (CHEL, "1 раз в полугодие", "recurring", [w("2023-09-01", "2023-12-31"), w("2024-01-01", "2024-08-31")]),
    (CHEL, "ежегодно, до 1 октября", "recurring", [d("2023-10-01")]),
    (CHEL, "ежегодно в сентябре, январе", "recurring", [w("2023-09-01", "2023-09-30"), w("2024-01-01", "2024-01-31")]),
    (BELGOROD, "ежегодно, сентябрь-октябрь", "recurring", [w(f"{y}-09-01", f"{y}-10-31") for y in range(2021, 2026)]),
    (BELGOROD, "ежегодно в I квартале", "recurring", [w(f"{y}-01-01", f"{y}-03-31") for y in range(2021, 2026)]),
    (BELGOROD, "ежегодно до 15 сентября, до 15 января", "recurring",
     [d(f"{y}-{md}") for y in range(2021, 2026) for md in ("01-15", "09-15")]),
    (BELGOROD, "ежегодно в течение 2021-2025 гг.", "recurring", EVERY_YEAR_2021_2025),
    (BELGOROD, "2021-2025 гг., ежегодно", "recurring", EVERY_YEAR_2021_2025),
    (CHEL, "1 раз в четверть", "recurring", TERMS_CHEL),
    (CHEL, "ежечетвертно", "recurring", TERMS_CHEL),
    (CHEL, "не реже 2 раз в год", "recurring", [w("2023-09-01", "2023-12-31"), w("2024-01-01", "2024-08-31")]),
    (CHEL, "по мере необходимости, но не реже 1 раза в квартал", "recurring",
     [w("2023-09-01", "2023-09-30"), w("2023-10-01", "2023-12-31"), w("2024-01-01", "2024-03-31"),
      w("2024-04-01", "2024-06-30")]),
    (CHEL, "по окончании каждой четверти", "recurring", TERMS_CHEL),
    (CHEL, "в конце каждой четверти", "recurring", TERMS_CHEL),
    (CHEL, "до 10 числа месяца, следующего за отчетным", "recurring",
     [Occurrence(date(y, m, 1), date(y, m, 10)) for y, m in CHEL_MONTHS]),
    (CHEL, "ежемесячно, до 5 числа месяца, следующего за отчетным месяцем", "recurring",
     [Occurrence(date(y, m, 1), date(y, m, 5)) for y, m in CHEL_MONTHS]),
    (CHEL, "ежеквартально до 10 числа месяца, следующего за отчетным кварталом", "recurring",
     QUARTER_REPORTS_CHEL),
    (CHEL, "до 10 числа месяца, следующего за отчетным кварталом", "recurring", QUARTER_REPORTS_CHEL),
    (BELGOROD, "ежегодно до 20 января года, следующего за отчетным", "recurring",
     [d(f"{y}-01-20") for y in range(2021, 2026)]),
    (CHEL, "ежеквартально, до 5 числа", "recurring",
     [w("2023-10-01", "2023-10-05"), w("2024-01-01", "2024-01-05"), w("2024-04-01", "2024-04-05"),
      w("2024-07-01", "2024-07-05")]),
    (BELGOROD, "по четвертям", "recurring", [
        w(f"{y}-{a}", f"{y}-{b}") for y in range(2021, 2026)
        for a, b in (("01-01", "03-31"), ("04-01", "05-31"), ("09-01", "10-31"), ("11-01", "12-31"))]),
]


def test_phrases_of_real_plans() -> None:
    assert not (wrong := _table(REAL_PLANS)), "\n".join(wrong)


def test_forms() -> None:
    assert not (wrong := _table(FORMS)), "\n".join(wrong)


@pytest.mark.parametrize(("period", "phrase", "rrule"), [
    (CHEL, "ежеквартально", "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1"),
    (CHEL, "ежемесячно", "FREQ=MONTHLY;BYMONTHDAY=-1"),
    (CHEL, "ежемесячно до 20 числа", "FREQ=MONTHLY;BYMONTHDAY=20"),
    (CHEL, "ежемесячно до 30 числа", "FREQ=MONTHLY;BYMONTHDAY=28,29,30;BYSETPOS=-1"),
    (CHEL, "еженедельно", "FREQ=WEEKLY;BYDAY=TH"),
    (CHEL, "ежегодно в августе", "FREQ=YEARLY;BYMONTH=8;BYMONTHDAY=31"),
    (BELGOROD, "2 раза в год", "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=-1"),
    (BELGOROD, "летом", "FREQ=YEARLY;BYMONTH=8;BYMONTHDAY=31"),
    (BELGOROD, "ежегодно до 1 сентября", "FREQ=YEARLY;BYMONTH=9;BYMONTHDAY=1"),
    (LYSVA, "2 раза в год", "FREQ=MONTHLY;INTERVAL=6;BYMONTHDAY=-1"),
])
def test_rrules(period: str, phrase: str, rrule: str) -> None:
    assert parse(phrase, period).rrule == rrule


def test_recurring_rule_reproduces_the_occurrences() -> None:
    """The RRULE with DTSTART at the first due gives exactly the dues inside the period."""
    from dateutil.rrule import rrulestr

    for period, phrase, kind, _ in FORMS + SEEDS + REAL_PLANS:
        if kind != "recurring" or "далее" in phrase:  # «до …, далее ежегодно» adds a date
            continue
        result = parse(phrase, period)
        p = parse_period(period)
        first = result.occurrences[0].due
        rule = rrulestr(result.rrule, dtstart=datetime_of(first))
        dues = [m.date() for m in rule.between(datetime_of(first), datetime_of(p.end), inc=True)]
        assert dues == [o.due for o in result.occurrences], phrase


def datetime_of(day: date):
    from datetime import datetime

    return datetime(day.year, day.month, day.day)


# --- phrases we cannot read --------------------------------------------------------------

UNPARSED = [
    # phrase, offset, fragment, what the message says after the colon
    ("когда-нибудь", 0, "когда-нибудь", "непонятно «когда-нибудь»"),
    ("35 мартобря", 3, "мартобря", "непонятно «мартобря»"),
    ("до 32.01.2024", 3, "32.01.2024", "несуществующая дата «32.01.2024»"),
    ("31.02.2024", 0, "31.02.2024", "несуществующая дата «31.02.2024»"),
    ("30 февраля 2024 г.", 0, "30 февраля 2024 г", "несуществующая дата «30 февраля 2024 г»"),
    ("до 31 апреля", 3, "31 апреля", "несуществующая дата «31 апреля»"),
    ('"', 0, '"', "непонятно «\"»"),
    ("октябрь когда-нибудь", 8, "когда-нибудь", "непонятно «когда-нибудь»"),
    ("ёлка в декабре", 0, "ёлка", "непонятно «ёлка»"),
    ("в течение ххх", 10, "ххх", "непонятно «ххх»"),
    ("до", 0, "до", "не хватает продолжения после «до»"),
    ("ежегодно в", 9, "в", "не хватает продолжения после «в»"),
    ("Ежегодно (в соответствии", 9, "(в соответствии", "не закрыта скобка: «(в соответствии»"),
    ("Октябрь)", 7, ")", "лишняя закрывающая скобка «)»"),
    ("Апрель 2024 – сентябрь 2023", 0, "Апрель 2024 – сентябрь 2023",
     "конец срока «Апрель 2024 – сентябрь 2023» раньше начала"),
    ("3 раза в месяц", 0, "3 раза в месяц", "повторение «3 раза в месяц» не поддерживается"),
    ("до 20 июня 3021", 11, "3021", "год «3021» вне допустимых 1900–2100"),
    ("III полугодие", 0, "III полугодие", "в году только два полугодия, а здесь «III полугодие»"),
    ("II квартал 2024 г. – I квартал 2024 г.", 0, "II квартал 2024 г. – I квартал 2024 г",
     "конец срока «II квартал 2024 г. – I квартал 2024 г» раньше начала"),
    ("2023/2025 учебный год", 0, "2023/2025 учебный год",
     "учебный год «2023/2025 учебный год» должен состоять из двух соседних лет"),
    ("ежегодно, ежемесячно", 10, "ежемесячно", "второе повторение в одной фразе: «ежемесячно»"),
    ("😀", 0, "😀", "непонятно «😀»"),
    ("октябрь\x00", 7, "\x00", "непонятно «U+0000»"),
    # relative to an event: only an explicit `due:` can say when
    ("не позднее 10 дней после окончания четверти", 14, "дней", "непонятно «дней»"),
    ("в течение месяца после утверждения", 10, "месяца", "непонятно «месяца»"),
    ("по итогам года", 3, "итогам", "непонятно «итогам»"),
]


def test_unparsed() -> None:
    wrong = []
    for phrase, offset, fragment, reason in UNPARSED:
        result = parse_deadline(phrase, parse_period(CHEL))
        if not (isinstance(result, Unparsed)
                and (result.phrase, result.offset, result.fragment) == (phrase, offset, fragment)
                and result.message.startswith("не удалось разобрать срок «")
                and result.message.endswith(": " + reason)):
            wrong.append(f"«{phrase}»: {result!r}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("phrase", ["", "   ", "\n\t\u00a0"])
def test_empty_phrase(phrase: str) -> None:
    assert parse_deadline(phrase, parse_period(CHEL)) == Unparsed(phrase, 0, "", "срок не указан")


def test_only_a_remark() -> None:
    result = parse_deadline(" (по согласованию)", parse_period(CHEL))
    assert isinstance(result, Unparsed)
    assert (result.offset, result.fragment) == (1, "(по согласованию)")
    assert result.message.startswith("срок не указан")


def test_long_phrase_message_is_short() -> None:
    phrase = "ааа " * 3000
    result = parse_deadline(phrase, parse_period(CHEL))
    assert isinstance(result, Unparsed)
    assert (result.offset, result.fragment) == (0, "ааа")
    assert len(result.message) < 200


@pytest.mark.parametrize("phrase", [
    "октябрь " * 1250, "а" * 10_000, "😀" * 10_000, "\x00\x01\x7f" * 3000, "(" * 5000 + ")" * 5000,
    "1" * 10_000, "1 " * 5000, "в течение " * 1000, "-" * 10_000, "ежегодно, " * 200, ")" * 10_000,
])
def test_huge_phrases_do_not_raise(phrase: str) -> None:
    assert isinstance(parse_deadline(phrase, parse_period(BELGOROD)), (Deadline, Unparsed))


# --- describe -----------------------------------------------------------------------------

@pytest.mark.parametrize(("period", "phrase", "text"), [
    (CHEL, "Октябрь – ноябрь", "окно 01.10.2023–30.11.2023"),
    (CHEL, "ноябрь, март", "окна 01.11.2023–30.11.2023, 01.03.2024–31.03.2024"),
    (CHEL, "Ежегодно", "ежегодно: 31.08.2024"),
    (CHEL, "2 раза в год", "2 раза в год: 31.12.2023, 31.08.2024"),
    (CHEL, "ежеквартально", "ежеквартально: 30.09.2023, 31.12.2023, 31.03.2024, 30.06.2024"),
    (CHEL, "ежемесячно", "ежемесячно: 30.09.2023, 31.10.2023, 30.11.2023, …, 31.08.2024 (всего 12 сроков)"),
    (CHEL, "еженедельно", "еженедельно: 07.09.2023, 14.09.2023, 21.09.2023, …, 29.08.2024 (всего 52 срока)"),
    (CHEL, "1 раз в четверть", "по четвертям: 31.10.2023, 31.12.2023, 31.03.2024, 31.05.2024"),
    (BELGOROD, "Постоянно", "постоянно (без срока)"),
    (LYSVA, "до 21 июня 2021", "до 21.06.2021"),
    (CHEL, "до 1 июня, до 1 июля", "до 01.06.2024, 01.07.2024"),
    (CHEL, "октябрь, до 20 декабря", "окна 01.10.2023–31.10.2023, до 20.12.2023"),
])
def test_describe(period: str, phrase: str, text: str) -> None:
    assert describe(parse(phrase, period)) == text


# --- properties ---------------------------------------------------------------------------

def add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


@st.composite
def periods(draw: st.DrawFn) -> Period:
    """An academic year, a span of calendar years, or explicit dates at least a year long."""
    kind = draw(st.sampled_from(["academic", "years", "dates"]))
    first = draw(st.integers(1990, 2090))
    if kind == "academic":
        return academic_year(first)
    if kind == "years":
        return parse_period(f"{first}-{first + draw(st.integers(0, 6))}")
    start = date(first, draw(st.integers(1, 12)), draw(st.integers(1, 28)))
    end = add_years(start, draw(st.integers(1, 4))) - timedelta(days=1) + timedelta(days=draw(st.integers(0, 300)))
    return parse_period(f"{start.isoformat()}..{end.isoformat()}")


MONTH_FORMS = [
    ["январь", "января", "январе"], ["февраль", "февраля", "феврале"], ["март", "марта", "марте"],
    ["апрель", "апреля", "апреле"], ["май", "мая", "мае"], ["июнь", "июня", "июне"],
    ["июль", "июля", "июле"], ["август", "августа", "августе"], ["сентябрь", "сентября", "сентябре"],
    ["октябрь", "октября", "октябре"], ["ноябрь", "ноября", "ноябре"], ["декабрь", "декабря", "декабре"],
]
DASHES = ["-", "–", "—", "\u2011", " - ", " – ", "— ", " —"]
FIXED_IMPLICIT = [
    "в течение года", "в течение учебного года", "в течение всего периода", "ежегодно", "раз в год",
    "1 раз в год", "два раза в год", "2 раза в год", "ежеквартально", "раз в квартал", "ежемесячно",
    "еженедельно", "постоянно", "по мере необходимости", "по запросу", "систематически",
    "в период летних каникул", "летом", "во время летних каникул", "в период осенних каникул",
    "в период зимних каникул", "в период весенних каникул", "I квартал", "II квартал", "III квартал",
    "IV квартал", "1 квартал", "I полугодие", "II полугодие", "до конца года", "1 раз в четверть",
    "по окончании каждой четверти", "по графику", "в установленные сроки", "в конце учебного года",
]


@st.composite
def implicit_phrases(draw: st.DrawFn) -> str:
    """Phrases without a year: whatever they give must lie inside the period."""
    month = st.integers(0, 11)
    form = draw(st.integers(0, 6))
    if form == 0:
        return draw(st.sampled_from(MONTH_FORMS[draw(month)]))
    if form == 1:
        return f"{MONTH_FORMS[draw(month)][0]}{draw(st.sampled_from(DASHES))}{MONTH_FORMS[draw(month)][0]}"
    if form == 2:
        prefix = draw(st.sampled_from(["до ", "к ", "не позднее ", ""]))
        return f"{prefix}{draw(st.integers(1, 28))} {MONTH_FORMS[draw(month)][1]}"
    if form == 3:
        return f"ежегодно в {MONTH_FORMS[draw(month)][2]}"
    if form == 4:
        return f"ежемесячно до {draw(st.integers(1, 31))} числа"
    if form == 5:
        return f"{MONTH_FORMS[draw(month)][0]}, {MONTH_FORMS[draw(month)][0]}"
    return draw(st.sampled_from(FIXED_IMPLICIT))


@st.composite
def decorated(draw: st.DrawFn, phrases: st.SearchStrategy[str]) -> str:
    """Case, stray spaces, NBSP, a trailing dot or remark: none of it changes the reading."""
    phrase = draw(phrases)
    phrase = draw(st.sampled_from([phrase, phrase.upper(), phrase.capitalize(), phrase.title()]))
    phrase = phrase.replace(" ", draw(st.sampled_from([" ", "  ", "\u00a0", " \n "])))
    tail = draw(st.sampled_from(["", ".", " ", " (в соответствии с планами работы)", "\n"]))
    return draw(st.sampled_from(["", " ", "\u00a0"])) + phrase + tail


def check_invariants(result: Deadline | Unparsed, phrase: str) -> None:
    assert result.phrase == phrase
    if isinstance(result, Unparsed):
        assert 0 <= result.offset <= len(phrase)
        assert phrase[result.offset:].startswith(result.fragment)
        assert result.message and any("а" <= ch <= "я" for ch in result.message)
        return
    dues = [o.due for o in result.occurrences]
    assert dues == sorted(dues)
    assert all(o.start is None or o.start <= o.due for o in result.occurrences)
    if result.kind in ("date", "window"):
        assert result.occurrences
    if result.kind == "continuous":
        assert not result.occurrences
    assert (result.rrule is not None) == (result.kind == "recurring")


VOCABULARY = [
    "до", "к", "в", "с", "по", "не", "позднее", "течение", "года", "год", "г.", "гг.", "учебного",
    "всего", "периода", "ежегодно", "раз", "раза", "два", "2", "1", "20", "31", "числа", "ежемесячно",
    "квартал", "полугодие", "I", "IV", "летних", "каникул", "постоянно", "текущего", "конца", "августа",
    "Октябрь", "–", "-", "—", ",", ".", "(", ")", "/", "2021", "2023/2024", "2024", "31.02.2024",
    "01.10.2020", "29.02.2023", "20.12", "ё", "\u00a0", "\x00", "😀", "9" * 20,
    "графику", "согласно", "четверть", "четверти", "месяца", "следующего", "за", "отчетным", "кварталом",
    "конце", "г", "ежеквартально", "установленные", "сроки",
]


@given(st.text(max_size=300), periods())
def test_any_text_is_read_or_refused(phrase: str, period: Period) -> None:
    result = parse_deadline(phrase, period)
    assert isinstance(result, (Deadline, Unparsed))
    check_invariants(result, phrase)
    assert parse_deadline(phrase, period) == result


@given(st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=8).map(" ".join), periods())
def test_any_mix_of_deadline_words_is_read_or_refused(phrase: str, period: Period) -> None:
    result = parse_deadline(phrase, period)
    check_invariants(result, phrase)
    assert parse_deadline(phrase, period) == result


@given(decorated(implicit_phrases()), periods())
def test_phrases_without_a_year_stay_inside_the_period(phrase: str, period: Period) -> None:
    result = parse_deadline(phrase, period)
    assert isinstance(result, Deadline), result
    check_invariants(result, phrase)
    for o in result.occurrences:
        assert period.start <= (o.start or o.due) and o.due <= period.end, (phrase, period, o)
    assert parse_deadline(phrase, period) == result


@given(st.integers(0, 11), st.integers(0, 11), st.integers(1990, 2090), st.sampled_from(DASHES),
       st.booleans(), periods())
def test_explicit_month_ranges(first: int, last: int, year: int, dash: str, both: bool,
                               period: Period) -> None:
    """«Сентябрь 2023 г. – апрель 2024 г.» and «Февраль- март 2021»: taken as written."""
    y1 = year if last >= first else year - 1
    left = f"{MONTH_FORMS[first][0]} {y1} г." if both else MONTH_FORMS[first][0]
    phrase = f"{left}{dash}{MONTH_FORMS[last][0]} {year} г."
    result = parse_deadline(phrase, period)
    assert isinstance(result, Deadline)
    assert list(result.occurrences) == [Occurrence(date(y1, first + 1, 1), month_end(year, last + 1))]


def test_import_does_not_load_dateutil() -> None:
    """`check` imports the module on every commit; recurrence support loads lazily."""
    code = "import sys, roadmapctl.deadlines; print('dateutil' in sys.modules)"
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert out.stdout.strip() == "False"


# --- the `when` command -------------------------------------------------------------------

def when(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    from roadmapctl.main import run

    code = run(["when", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_when_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert when(capsys, "Октябрь – ноябрь (по согласованию)", "--period", CHEL) == (0, (
        "Срок: «Октябрь – ноябрь (по согласованию)»\n"
        "Период: 01.09.2023 – 31.08.2024\n"
        "Вид: период\n"
        "Примечание (не влияет на срок): по согласованию\n"
        "1 срок:\n"
        "  01.10.2023 – 30.11.2023\n"), "")


def test_when_json(capsys: pytest.CaptureFixture[str]) -> None:
    import json

    code, out, err = when(capsys, "ежегодно в мае", "-p", BELGOROD, "-f", "json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert (data["kind"], data["rrule"], data["period"]) == ("recurring", "FREQ=YEARLY;BYMONTH=5;BYMONTHDAY=31",
                                                             "2021-2025")
    assert data["occurrences"][0] == {"start": "2021-05-01", "due": "2021-05-31"}
    assert len(data["occurrences"]) == 5


def test_when_continuous(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = when(capsys, "постоянно", "--period", CHEL)
    assert code == 0
    assert out.endswith("Вид: постоянно (без срока)\nКонтрольных сроков нет: мероприятие не бывает просроченным.\n")


@pytest.mark.parametrize(("period", "message"), [
    ("0000", "roadmapctl: ошибка: --period: в периоде «0000» год 0 вне допустимых 1900–2100\n"),
    ("весь год", "roadmapctl: ошибка: --period: не удалось прочитать период «весь год»: ожидается учебный "
                 "год «2023/2024», календарные годы «2021-2025» или даты «2021-06-01..2022-08-31»\n"),
])
def test_when_bad_period_is_a_usage_error(capsys: pytest.CaptureFixture[str], period: str, message: str) -> None:
    assert when(capsys, "октябрь", "--period", period) == (2, "", message)


def test_when_unparsed_says_how_to_fix(capsys: pytest.CaptureFixture[str]) -> None:
    assert when(capsys, "когда-нибудь", "--period", CHEL) == (1, "", (
        "roadmapctl: не удалось разобрать срок «когда-нибудь»: непонятно «когда-нибудь»\n"
        "  перепишите срок или укажите в карте рядом с ним явную дату: due: 2024-08-31\n"))


def test_when_unparsed_json(capsys: pytest.CaptureFixture[str]) -> None:
    import json

    code, out, _ = when(capsys, "октябрь когда-нибудь", "--period", CHEL, "--format", "json")
    assert code == 1
    assert json.loads(out) == {"error": "не удалось разобрать срок «октябрь когда-нибудь»: непонятно «когда-нибудь»",
                               "offset": 8, "fragment": "когда-нибудь"}
