"""Vocabulary of Russian deadline phrases, kept apart so the reader modules are pure grammar.

Every word is lower case with «ё» spelled «е»: `tokens.normalize` treats input
the same way.  Multi-word phrases are written in a tiny pattern language
compiled by `cursor.compile_patterns`: words separated by spaces, alternatives
by «|», «_» joins words of one alternative, a trailing «?» makes an element
optional.
"""

from __future__ import annotations


def _forms(stems: str, endings: str) -> list[str]:
    return [stem + ending for stem in stems.split() for ending in endings.split(",")]


def _month_table() -> dict[str, int]:
    """Every case of every month name, and the usual abbreviations."""
    table: dict[str, int] = {}
    soft = {"январ": 1, "феврал": 2, "апрел": 4, "июн": 6, "июл": 7,
            "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12}
    for stem, month in soft.items():
        for form in _forms(stem, "ь,я,е,ю,ем"):
            table[form] = month
    for stem, month in {"март": 3, "август": 8}.items():
        for form in _forms(stem, ",а,е,у,ом"):
            table[form] = month
    for form in ("май", "мая", "мае", "маю", "маем"):
        table[form] = 5
    abbreviations = {"янв": 1, "фев": 2, "февр": 2, "мар": 3, "апр": 4, "июн": 6, "июл": 7,
                     "авг": 8, "сен": 9, "сент": 9, "окт": 10, "ноя": 11, "нояб": 11, "дек": 12}
    for form, month in abbreviations.items():
        table.setdefault(form, month)
    return table


MONTHS: dict[str, int] = _month_table()

#: Days in each month of a common year (February counted as 28).
MONTH_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)

#: Latin, and Cyrillic «І» typed for a Latin I.  # noqa: RUF003 - the look-alike is the point
ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "і": 1, "іі": 2, "ііі": 3, "іv": 4}  # noqa: RUF001 - the Cyrillic letter on purpose

ORDINALS: dict[str, int] = {
    **dict.fromkeys(_forms("перв", "ый,ого,ом,ое,ая,ой,ому,ую,ые,ых"), 1),
    **dict.fromkeys(_forms("втор", "ой,ого,ом,ое,ая,ому,ую,ые,ых"), 2),
    **dict.fromkeys(_forms("трет", "ий,ьего,ьем,ье,ья,ьей,ьему,ью,ьи"), 3),
    **dict.fromkeys(_forms("четверт", "ый,ого,ом,ое,ая,ой,ому,ую"), 4),
}

#: Endings typed after a Roman numeral: «в I-м квартале».
ORDINAL_ENDINGS = frozenset({"й", "м", "е", "я", "го", "ом", "ый", "ой", "ое", "ого"})

#: «два раза в год», «дважды в год»: how many times.
COUNTS = {
    "один": 1, "одного": 1, "однократно": 1, "единожды": 1,
    "два": 2, "двух": 2, "дважды": 2, "три": 3, "трех": 3, "трижды": 3,
    "четыре": 4, "четырех": 4, "четырежды": 4, "шесть": 6, "шести": 6,
    "двенадцать": 12, "двенадцати": 12,
}
#: Count words that stand without «раз»: «дважды в год».
COUNT_ADVERBS = frozenset({"однократно", "единожды", "дважды", "трижды", "четырежды"})

#: Occurrences per year of «ежегодно», «ежемесячно» …; 52 stands for weekly.
FREQUENCY_ADVERBS = {
    **dict.fromkeys(("ежегодно", "ежегодный", "ежегодная", "ежегодное", "ежегодные"), 1),
    **dict.fromkeys(("ежеполугодно", "полугодично"), 2),
    **dict.fromkeys(("ежеквартально", "поквартально"), 4),
    **dict.fromkeys(("ежемесячно", "помесячно"), 12),
    **dict.fromkeys(("еженедельно", "понедельно"), 52),
}

#: «раз в …», «каждый …», «по …»: the unit and how many of it fit in a year.
UNITS = {
    **dict.fromkeys(("год", "года", "году"), 1),
    **dict.fromkeys(("полугодие", "полугодия", "полугодии", "полугодиям", "полгода"), 2),
    **dict.fromkeys(("квартал", "квартала", "квартале", "кварталам"), 4),
    **dict.fromkeys(("месяц", "месяца", "месяце", "месяцам"), 12),
    **dict.fromkeys(("неделю", "недели", "неделе", "неделям", "неделя"), 52),
}
EVERY = frozenset({"каждый", "каждого", "каждое", "каждую", "каждом", "каждая", "каждой"})

YEAR_WORDS = frozenset({"г", "гг", "год", "года", "году", "годом", "годы", "годов", "годах"})
QUARTER_WORDS = frozenset({"квартал", "квартала", "квартале", "кварталы", "кварталах", "кв"})
HALF_WORDS = frozenset({"полугодие", "полугодия", "полугодии", "полугодиях", "полугодье"})
ACADEMIC_WORDS = frozenset({"учебный", "учебного", "учебном", "учебному", "уч"})

#: Year-less windows as (start month, start day, due month, due day); day -1 = month end.
HOLIDAYS = {
    "summer": (6, 1, 8, -1),
    "autumn": (10, 26, 11, 9),
    "winter": (12, 28, 1, 8),
    "spring": (3, 22, 3, 31),
}
SEASONS = {
    "summer": (6, 1, 8, -1),
    "autumn": (9, 1, 11, -1),
    "winter": (12, 1, 2, -1),
    "spring": (3, 1, 5, -1),
}
SEASON_ADJECTIVES = {
    **dict.fromkeys(_forms("летн", "ий,его,ем,ее,яя,юю,ей,ие,их,им"), "summer"),
    **dict.fromkeys(_forms("осенн", "ий,его,ем,ее,яя,юю,ей,ие,их,им"), "autumn"),
    **dict.fromkeys(_forms("зимн", "ий,его,ем,ее,яя,юю,ей,ие,их,им"), "winter"),
    **dict.fromkeys(_forms("весенн", "ий,его,ем,ее,яя,юю,ей,ие,их,им"), "spring"),
}
SEASON_ADVERBS = {"летом": "summer", "осенью": "autumn", "зимой": "winter", "весной": "spring",
                  "лето": "summer", "осень": "autumn", "зима": "winter", "весна": "spring"}
HOLIDAY_NOUNS = frozenset({"каникулы", "каникул", "каникулах", "каникулам"})
SEASON_NOUNS = frozenset({"период", "периода", "периоде", "время", "сезон", "сезона"})

#: Misspellings and abbreviations read as the word meant; an abbreviation takes its dot.
SPELLINGS = {"течении": "течение"}
ABBREVIATIONS = {"теч": "течение"}

#: Words that only join parts of a phrase: «ноябрь, март», «до …, далее ежегодно».
SEPARATORS = frozenset({",", ";", ".", ":", "-", "и", "а", "но", "также", "так", "же", "далее",
                        "затем", "потом"})

# --- multi-word phrases (see the module docstring for the notation) ---

CONTINUOUS = (
    "постоянно|систематически|регулярно|бессрочно|ежедневно|круглосуточно",
    "в_постоянном_режиме|на_постоянной_основе|в_рабочем_порядке",
    "по мере? необходимости|потребности|надобности|поступления|запросу|запросам"
    "|требованию|обращению|обращениям",
)

#: School terms («четверти»): I September–October, II November–December, III January–March,
#: IV April–May; each is due at the end of its last month.
TERMS = (
    "ежечетвертно|почетвертно",
    "по четвертям",
    "каждую четверть",
    "1|один? раз в четверть",
    "по|в окончании|завершении|конце каждой? четверти",
)
#: The last month of each term → (month, day) it starts.
TERM_STARTS = {3: (1, 1), 5: (4, 1), 10: (9, 1), 12: (11, 1)}
#: «II четверть»: a term's number → its first and last month.
TERM_MONTHS = {1: (9, 10), 2: (11, 12), 3: (1, 3), 4: (4, 5)}
TERM_WORDS = frozenset({"четверть", "четверти", "четвертей", "четвертях"})

#: A schedule kept elsewhere («по графику», «согласно плану работы ОО»): the whole plan.
SCHEDULE = (
    "по|согласно|в_соответствии_с отдельному|утвержденному|установленному|единому? "
    "графику|плану|планам|расписанию|графикам",
    "в_соответствии_с|в_соответствии_со отдельным|утвержденным|установленным|единым? "
    "графиком|планом|планами|расписанием|графиками",
    "в|во установленные|определенные|утвержденные|согласованные сроки|срок",
    "по согласованию с|со?",
    "в установленный|определенный|согласованный срок",
    "в сроки|срок ,? установленные|определенные|утвержденные|указанные|согласованные",
)
#: Words that end the free tail of a schedule phrase («по графику Минпросвещения России»).
SCHEDULE_TAIL_STOP = frozenset({"в", "во", "до", "к", "ко", "с", "со", "по", "не", "на", "за",
                                "ежегодно", "ежемесячно", "ежеквартально"})

#: «в течение года»: the whole plan, or each year of a multi-year plan.
EACH_YEAR = (
    "в_течение|на_протяжении|за|на|в весь|всего? учебного|календарного|текущего|отчетного"
    "|учебный|календарный|текущий|отчетный? года|год|году",
    "весь|круглый учебный|календарный? год",
    "круглогодично|круглогодичный",
)
_TAIL = "реализации|действия? дорожной_карты|карты|программы|плана|проекта|мероприятия|мероприятий?"
#: «в течение всего периода»: always the whole plan.
WHOLE_PERIOD = (
    f"в_течение|на_протяжении|за|на|в? весь|всего период|периода|срок|срока {_TAIL}",
    "в_течение|на_протяжении|в|за? период|периода|срок|срока реализации|действия "
    "дорожной_карты|карты|программы|плана|проекта|мероприятия|мероприятий?",
)

#: After a year-less date or month: «каждого года» always repeats it, «текущего года»
#: repeats it only in a multi-year plan.
EVERY_YEAR = ",? ежегодно|каждого_года|каждый_год"
THIS_YEAR = "текущего|очередного|отчетного|соответствующего года|г"

MONTH_PREFIX = "в|во|на|в_течение|на_протяжении|с|со?"
DATE_PREFIX = "до|к|ко|по|на|с|со|не_позднее|не_позже|в_срок_до|срок_до|в_срок_не_позднее?"
PART_PREFIX = "в|во|на|в_течение|на_протяжении?"
SEASON_PREFIX = "в|во|на? период|время|дни|течение|ходе?"
YEAR_PREFIX = "в|во|на|за|в_течение|на_протяжении?"
END_WORDS = frozenset({"конца", "конец", "концу", "конце", "окончания", "окончанию"})
BEGIN_WORDS = frozenset({"начала", "начало", "началу"})
#: «в начале учебного года», «в начале сентября»: the first month of a year, the first ten
#: days of a month (not a single day: nobody is late on the second).
EARLY_WORDS = frozenset({"начале"})
#: «первая неделя сентября», «в последнюю неделю мая»: the month's first or last seven days.
WEEK_ORDINALS = {**dict.fromkeys(_forms("перв", "ая,ой,ую"), "first"),
                 **dict.fromkeys(_forms("последн", "яя,ей,юю"), "last")}
WEEK_WORDS = frozenset({"неделя", "недели", "неделю", "неделе"})
#: «до конца года»: (month, day) of the year-less date meant.
END_OF = {"календарного|текущего? года|г": (12, 31), "учебного года|г": (8, 31)}
BEGIN_OF = {"учебного года|г": (9, 1), "календарного|текущего? года|г": (1, 1)}
END_OF_PERIOD = f"периода|срока {_TAIL}"
MONTH_DAY = "число|числа|числу"
MONTH_DAY_TAIL = "каждого|текущего|отчетного|очередного? месяца"
#: «(месяца|года), следующего за отчетным кварталом»: reports on the period just ended.
FOLLOWING = ",? следующего|следующим|следующий за отчетным|отчетный месяцем|периодом|кварталом|годом?"
YEAR_FOLLOWING = f"года {FOLLOWING}"
QUARTER_REPORT_MONTHS = (1, 4, 7, 10)
