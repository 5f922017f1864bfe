"""`roadmapctl import` of the table structures real roadmaps use, in Word, text and PDF.

Each layout below is one structure seen in real documents (not one
document): locally numbered directions with the header repeated, a table
without an executors column, the deadline as the last column, stages merged
down a column, a number column that also numbers the section rows, mixed
«1.1»/«1.2.» numbers, hyphenated headers, editorial notes between rows, a
goals block before the table, a stamp whose school name holds «№», a period
visible only in dates.  Every layout is written in the three forms by
`import_forms`, imported through the CLI and compared field by field.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from conftest import thorough
from import_forms import (
    UP,
    WRITERS,
    Block,
    Grid,
    Span,
    cached,
    docx_to_pdf,
    keep,
    pdf_font,
    recipe_key,
    soffice,
    write_docx,
    write_form,
    write_printable_xlsx,
)
from roadmapctl.reading.loader import load

# xl.pdf: the .xlsx laid out for printing (column widths, row heights, fitted to the page width, no
# borders, as Excel sheets are) and printed to PDF by LibreOffice Calc: cells separated by their padding
# only, notes and sections merged across flush left, rows set tight;
# lo.pdf: the .docx printed to PDF by LibreOffice; unruled.pdf: the tables drawn without lines (portrait,
# cells wrapped over lines, page numbers), read from the words' positions; lo-unruled.pdf: a .docx whose
# tables have no borders, printed by LibreOffice (Word's spacing; rows broken across pages)
FORMS = ("docx", "txt", "pdf", "lo.pdf", "xlsx", "unruled.pdf", "lo-unruled.pdf", "xl.pdf")

# (number, title, deadline, executors by name, result)
Expected = tuple[str | None, str, str | None, list[str], str | None]


@dataclass
class Layout:
    blocks: list[Block]
    items: list[Expected]
    sections: list[tuple[str | None, str]]
    title: str
    period: str
    extra: dict[str, Any] = field(default_factory=dict)


DIR = "Заместитель директора по ВР"
TEACHERS = "Классные руководители"
PSY = "Педагог-психолог"

H_SCHOOL = ("№ п/п", "Наименование мероприятий", "Сроки проведения", "Исполнители",
            "Форма представления результата")

_LONG = [(f"{n}.", f"Классный час «Профессия моих родителей» в {n} классе", "Октябрь 2024 г.", TEACHERS,
          f"Сценарий классного часа, {n} класс") for n in range(1, 41)]

LAYOUTS: dict[str, Layout] = {
    "long_table_across_pages": Layout(
        ["План профориентационной работы на 2024/2025 учебный год",
         Grid(("№", "Мероприятие", "Срок", "Ответственные", "Результат"), [
             (Span("Классные часы"),), *_LONG])],
        [(n, t, d, [e], r) for n, t, d, e, r in _LONG],
        [(None, "Классные часы")],
        "План профориентационной работы на 2024/2025 учебный год",
        "2024/2025",
        {"pages": 2},
    ),
    "local_numbering_repeated_headers": Layout(
        ["ПЛАН МЕРОПРИЯТИЙ", "по профориентации обучающихся МБОУ «СОШ № 7» на 2024/2025 учебный год",
         Grid(H_SCHOOL, [
             ("1", "2", "3", "4", "5"),
             (Span("Направление 1. Работа с обучающимися"),),
             ("1.", "Классные часы «Мир профессий»", "Сентябрь 2024 г.", TEACHERS, "Сценарии классных часов"),
             ("2.", "Экскурсии на предприятия города", "В течение учебного года", DIR, "Фотоотчёт"),
             ("3.", "Профориентационное тестирование", "Октябрь 2024 г.", PSY, "Справка"),
             H_SCHOOL,
             ("1", "2", "3", "4", "5"),
             (Span("Направление 2. Работа с родителями"),),
             ("1.", "Родительское собрание «Выбор профессии»", "Ноябрь 2024 г.", TEACHERS, "Протокол"),
             ("2.", "Консультации для родителей", "По запросу", PSY, "Журнал консультаций"),
         ])],
        [("1.", "Классные часы «Мир профессий»", "Сентябрь 2024 г.", [TEACHERS], "Сценарии классных часов"),
         ("2.", "Экскурсии на предприятия города", "В течение учебного года", [DIR], "Фотоотчёт"),
         ("3.", "Профориентационное тестирование", "Октябрь 2024 г.", [PSY], "Справка"),
         ("1.", "Родительское собрание «Выбор профессии»", "Ноябрь 2024 г.", [TEACHERS], "Протокол"),
         ("2.", "Консультации для родителей", "По запросу", [PSY], "Журнал консультаций")],
        [("1", "Работа с обучающимися"), ("2", "Работа с родителями")],
        "ПЛАН МЕРОПРИЯТИЙ по профориентации обучающихся МБОУ «СОШ № 7» на 2024/2025 учебный год",
        "2024/2025",
        {"columns": [("number", "№ п/п"), ("title", "Наименование мероприятий"),
                     ("deadline", "Сроки проведения"), ("executors", "Исполнители"),
                     ("result", "Форма представления результата")]},
    ),
    "no_executors_column": Layout(
        ["План работы по профилактике безнадзорности на 2023-2024 учебный год",
         "Ответственный: заместитель директора по ВР",
         Grid(("№", "Содержание работы", "Срок", "Результат"), [
             (Span("Раздел 1. Организационная работа"),),
             ("1.1", "Составление социального паспорта класса", "Сентябрь", "Социальный паспорт"),
             ("1.2", "Сверка списков обучающихся группы риска", "Ежеквартально", "Списки"),
             (Span("Раздел 2. Работа с семьями"),),
             ("2.1", "Рейды в семьи обучающихся", "По графику", "Акты обследования"),
         ])],
        [("1.1", "Составление социального паспорта класса", "Сентябрь", [], "Социальный паспорт"),
         ("1.2", "Сверка списков обучающихся группы риска", "Ежеквартально", [], "Списки"),
         ("2.1", "Рейды в семьи обучающихся", "По графику", [], "Акты обследования")],
        [("1", "Организационная работа"), ("2", "Работа с семьями")],
        "План работы по профилактике безнадзорности на 2023-2024 учебный год",
        "2023/2024",
        {"default_executors": ["Заместитель директора по ВР"]},
    ),
    "deadline_last_roman_sections": Layout(
        ["Дорожная карта по подготовке к государственной итоговой аттестации на 2023/2024 учебный год",
         Grid(("№ п/п", "Мероприятие", "Ответственный", "Ожидаемый результат", "Дата"), [
             (Span("I. Нормативное обеспечение"),),
             ("1", "Приказ о назначении ответственных за ГИА", "Директор", "Приказ", "Сентябрь 2023 г."),
             ("2", "Изучение порядка проведения ГИА", DIR, "Протокол", "Октябрь 2023 г."),
             (Span("II. Работа с выпускниками"),),
             ("3", "Пробные экзамены", DIR, "Аналитическая справка", "Декабрь 2023 г., март 2024 г."),
         ])],
        [("1", "Приказ о назначении ответственных за ГИА", "Сентябрь 2023 г.", ["Директор"], "Приказ"),
         ("2", "Изучение порядка проведения ГИА", "Октябрь 2023 г.", [DIR], "Протокол"),
         ("3", "Пробные экзамены", "Декабрь 2023 г., март 2024 г.", [DIR], "Аналитическая справка")],
        [("I", "Нормативное обеспечение"), ("II", "Работа с выпускниками")],
        "Дорожная карта по подготовке к государственной итоговой аттестации на 2023/2024 учебный год",
        "2023/2024",
        {"columns": [("number", "№ п/п"), ("title", "Мероприятие"), ("executors", "Ответственный"),
                     ("result", "Ожидаемый результат"), ("deadline", "Дата")]},
    ),
    "stages_merged_down": Layout(
        ["Дорожная карта введения обновлённых ФГОС на 2022-2025 годы",
         Grid(("Этап", "№", "Мероприятия", "Сроки реализации", "Ответственные (исполнители)",
               "Планируемый результат"), [
             ("Подготовительный этап", "1", "Создание рабочей группы", "Сентябрь 2022 г.", "Директор", "Приказ"),
             (UP, "2", "Анализ кадрового обеспечения", "Октябрь 2022 г.", DIR, "Справка"),
             ("Основной этап", "3", "Обучение педагогов на курсах", "2023 г.", DIR, "Удостоверения"),
             (UP, "4", "Разработка рабочих программ", "Май 2023 г.", "Руководители МО", "Рабочие программы"),
             ("Заключительный этап", "5", "Анализ результатов", "Май 2025 г.", "Директор", "Отчёт"),
         ])],
        [("1", "Создание рабочей группы", "Сентябрь 2022 г.", ["Директор"], "Приказ"),
         ("2", "Анализ кадрового обеспечения", "Октябрь 2022 г.", [DIR], "Справка"),
         ("3", "Обучение педагогов на курсах", "2023 г.", [DIR], "Удостоверения"),
         ("4", "Разработка рабочих программ", "Май 2023 г.", ["Руководители МО"], "Рабочие программы"),
         ("5", "Анализ результатов", "Май 2025 г.", ["Директор"], "Отчёт")],
        [(None, "Подготовительный этап"), (None, "Основной этап"), (None, "Заключительный этап")],
        "Дорожная карта введения обновлённых ФГОС на 2022-2025 годы",
        "2022-2025",
        {"report_lines": ["этап «Основной этап» из объединённой ячейки стал разделом",
                          # a stage wrapped over two lines of its cell is named on one line
                          "этап «Подготовительный этап» из объединённой ячейки стал разделом"]},
    ),
    "sections_in_number_column": Layout(
        ["План мероприятий по формированию функциональной грамотности на 2023/2024 учебный год",
         Grid(("№", "Мероприятие", "Срок исполнения", "Ответственный", "Результат"), [
             ("1.", Span("Организационные мероприятия", 1)),
             ("2.", "Утверждение плана работы", "Сентябрь", "Директор", "Приказ"),
             ("3.", "Формирование базы заданий", "Октябрь", DIR, "База заданий"),
             ("4.", Span("Работа с педагогами", 1)),
             ("5.", "Семинар по читательской грамотности", "Ноябрь", DIR, "Материалы семинара"),
         ])],
        [("2.", "Утверждение плана работы", "Сентябрь", ["Директор"], "Приказ"),
         ("3.", "Формирование базы заданий", "Октябрь", [DIR], "База заданий"),
         ("5.", "Семинар по читательской грамотности", "Ноябрь", [DIR], "Материалы семинара")],
        [("1.", "Организационные мероприятия"), ("4.", "Работа с педагогами")],
        "План мероприятий по формированию функциональной грамотности на 2023/2024 учебный год",
        "2023/2024",
    ),
    "mixed_dotted_numbers": Layout(
        ["Дорожная карта по повышению качества образования на 2023/2024 учебный год",
         Grid(("№ п/п", "Мероприятия", "Сроки", "Ответственные", "Планируемый результат"), [
             ("1.", Span("Аналитическая деятельность", 1)),
             ("1.1", "Анализ результатов ВПР", "Сентябрь", DIR, "Справка"),
             ("1.2.", "Анализ результатов ГИА", "Август", DIR, "Справка"),
             ("1.3.", "Мониторинг успеваемости", "Ежемесячно", TEACHERS, "Отчёты"),
             ("2.", Span("Работа с педагогами", 1)),
             ("2.1.", "Методический семинар", "Ноябрь", DIR, "Протокол"),
             ("2.2", "Взаимопосещение уроков", "В течение года", "Руководители МО", "Листы наблюдения"),
         ])],
        [("1.1", "Анализ результатов ВПР", "Сентябрь", [DIR], "Справка"),
         ("1.2.", "Анализ результатов ГИА", "Август", [DIR], "Справка"),
         ("1.3.", "Мониторинг успеваемости", "Ежемесячно", [TEACHERS], "Отчёты"),
         ("2.1.", "Методический семинар", "Ноябрь", [DIR], "Протокол"),
         ("2.2", "Взаимопосещение уроков", "В течение года", ["Руководители МО"], "Листы наблюдения")],
        [("1.", "Аналитическая деятельность"), ("2.", "Работа с педагогами")],
        "Дорожная карта по повышению качества образования на 2023/2024 учебный год",
        "2023/2024",
    ),
    "hyphenated_headers": Layout(
        ["Дорожная карта по развитию школьного спортивного клуба на 2024/2025 учебный год",
         Grid(("№\nп/п", "Наименова-\nние меро-\nприятия", "Срок реализа-\nции", "Ответствен-\nные испол-\nнители",
               "Ожидае-\nмый резуль-\nтат"), [
             (Span("1. Организация работы клуба"),),  # in text: a line without tabs
             ("1.1", "Утверждение состава совета клуба", "Сентябрь 2024 г.", "Директор", "Приказ"),
             ("1.2", "Составление расписания секций", "Сентябрь 2024 г.", "Руководитель клуба", "Расписание"),
             (Span("2. Спортивные мероприятия"),),
             ("2.1", "Школьная спартакиада", "Октябрь 2024 г. – апрель 2025 г.", "Руководитель клуба",
              "Протоколы сорев-\nнований"),
         ])],
        [("1.1", "Утверждение состава совета клуба", "Сентябрь 2024 г.", ["Директор"], "Приказ"),
         ("1.2", "Составление расписания секций", "Сентябрь 2024 г.", ["Руководитель клуба"], "Расписание"),
         ("2.1", "Школьная спартакиада", "Октябрь 2024 г. – апрель 2025 г.", ["Руководитель клуба"],
          "Протоколы соревнований")],
        [("1", "Организация работы клуба"), ("2", "Спортивные мероприятия")],
        "Дорожная карта по развитию школьного спортивного клуба на 2024/2025 учебный год",
        "2024/2025",
        {"columns": [("number", "№ п/п"), ("title", "Наименование мероприятия"), ("deadline", "Срок реализации"),
                     ("executors", "Ответственные исполнители"), ("result", "Ожидаемый результат")],
         "report_lines_broken": ["перенос слова склеен как «соревнований» — проверьте"]},
    ),
    "note_rows": Layout(
        ["План мероприятий по антитеррористической защищённости на 2023/2024 учебный год",
         Grid(("№", "Мероприятие", "Срок", "Ответственный", "Результат", "Примечание"), [
             ("1.", "Инструктажи персонала", "Сентябрь, январь", DIR, "Журнал инструктажей", ""),
             (Span("Примечание: инструктажи проводятся также при приёме на работу."),),
             ("2.", "Учебная эвакуация", "Октябрь, апрель", DIR, "Акт", "Совместно с МЧС"),
             (Span("(в ред. приказа от 12.01.2024 № 5)"),),
             ("3.", "Проверка системы оповещения", "Ежемесячно", "Завхоз", "Журнал проверок", ""),
         ])],
        [("1.", "Инструктажи персонала", "Сентябрь, январь", [DIR], "Журнал инструктажей"),
         ("2.", "Учебная эвакуация", "Октябрь, апрель", [DIR], "Акт"),
         ("3.", "Проверка системы оповещения", "Ежемесячно", ["Завхоз"], "Журнал проверок")],
        [(None, "Мероприятия")],
        "План мероприятий по антитеррористической защищённости на 2023/2024 учебный год",
        "2023/2024",
        {"notes": {"1.": "Примечание: инструктажи проводятся также при приёме на работу.",
                   "2.": "Совместно с МЧС (в ред. приказа от 12.01.2024 № 5)"}},
    ),
    "goals_block": Layout(
        ["Дорожная карта", "по реализации программы воспитания на 2023-2024 учебный год",
         "Цель: создание условий для личностного развития обучающихся.",
         "Задачи:", "1. Развивать ученическое самоуправление.", "2. Вовлекать родителей в жизнь школы.",
         "1-4 класс", "• участие в акциях;", "• экскурсии.",
         Grid(("№", "Мероприятие", "Сроки", "Ответственные", "Результат"), [
             ("1", "Выборы в совет обучающихся", "Сентябрь", DIR, "Протокол"),
             ("2", "Акция «Бессмертный полк»", "Май", TEACHERS, "Фотоотчёт"),
         ])],
        [("1", "Выборы в совет обучающихся", "Сентябрь", [DIR], "Протокол"),
         ("2", "Акция «Бессмертный полк»", "Май", [TEACHERS], "Фотоотчёт")],
        [(None, "Мероприятия")],
        "Дорожная карта по реализации программы воспитания на 2023-2024 учебный год",
        "2023/2024",
        {"goals": {"Цель": ["создание условий для личностного развития обучающихся."],
                   "Задачи": ["Развивать ученическое самоуправление.", "Вовлекать родителей в жизнь школы."],
                   "1-4 класс": ["участие в акциях;", "экскурсии."]}},
    ),
    "stamp_with_school_number": Layout(
        ["УТВЕРЖДЕНА", "приказом директора МБОУ «СОШ № 5»", "от 30.08.2024 № 112-о",
         "План мероприятий по профилактике дорожно-транспортного травматизма на 2024/2025 учебный год",
         Grid(("№", "Мероприятие", "Сроки", "Ответственные", "Результат"), [
             ("1", "Неделя безопасности", "Сентябрь", DIR, "План недели"),
             ("2", "Встреча с инспектором ГИБДД", "Октябрь", DIR, "Протокол"),
         ])],
        [("1", "Неделя безопасности", "Сентябрь", [DIR], "План недели"),
         ("2", "Встреча с инспектором ГИБДД", "Октябрь", [DIR], "Протокол")],
        [(None, "Мероприятия")],
        "План мероприятий по профилактике дорожно-транспортного травматизма на 2024/2025 учебный год",
        "2024/2025",
        {"approval": ("УТВЕРЖДЕНА", "приказом директора МБОУ «СОШ № 5»", "приказ", "2024-08-30", "112-о")},
    ),
    "period_from_dates": Layout(
        ["УТВЕРЖДЕНО приказом МАОУ «Лицей № 3» 29.08.2023 № 214",
         "План работы по профилактике правонарушений несовершеннолетних",
         Grid(("№ п/п", "Мероприятие", "Срок", "Ответственный", "Результат"), [
             ("1", "Составление банка данных", "Сентябрь 2023 г.", "Социальный педагог", "Банк данных"),
             ("2", "Совет профилактики", "до 25.12.2023", DIR, "Протокол"),
             ("3", "Отчёт о работе", "Май 2024 г.", "Социальный педагог", "Отчёт"),
         ])],
        [("1", "Составление банка данных", "Сентябрь 2023 г.", ["Социальный педагог"], "Банк данных"),
         ("2", "Совет профилактики", "до 25.12.2023", [DIR], "Протокол"),
         ("3", "Отчёт о работе", "Май 2024 г.", ["Социальный педагог"], "Отчёт")],
        [(None, "Мероприятия")],
        "План работы по профилактике правонарушений несовершеннолетних",
        "2023/2024",
        {"approval": ("УТВЕРЖДЕНО", "приказом МАОУ «Лицей № 3»", "приказ", "2023-08-29", "214"),
         "report": "Период: 2023/2024 (определён по"},
    ),
    "responsible_per_section": Layout(
        ["План работы с одарёнными детьми на 2024/2025 учебный год",
         "Направление 1. Олимпиадное движение", "Ответственный: руководитель ШМО",
         Grid(("№", "Мероприятие", "Срок", "Результат"), [
             ("1.1", "Школьный этап олимпиады", "Октябрь 2024 г.", "Протоколы"),
             ("1.2", "Подготовка к муниципальному этапу", "Ноябрь 2024 г.", "Участие"),
         ]),
         Grid(("№", "Мероприятие", "Срок", "Результат"), [
             (Span("Направление 2. Проектная деятельность (ответственный – заместитель директора по УВР)"),),
             ("2.1", "Защита проектов", "Апрель 2025 г.", "Проекты"),
         ])],
        [("1.1", "Школьный этап олимпиады", "Октябрь 2024 г.", [], "Протоколы"),
         ("1.2", "Подготовка к муниципальному этапу", "Ноябрь 2024 г.", [], "Участие"),
         ("2.1", "Защита проектов", "Апрель 2025 г.", [], "Проекты")],
        [("1", "Олимпиадное движение"), ("2", "Проектная деятельность")],
        "План работы с одарёнными детьми на 2024/2025 учебный год",
        "2024/2025",
        {"section_defaults": [["Руководитель ШМО"], ["Заместитель директора по УВР"]]},
    ),
    "period_in_a_heading_short_names": Layout(
        ["Комплексный план мероприятий по развитию инженерного образования",
         "Цель: рост интереса обучающихся к инженерным профессиям.",
         "Мероприятия на 2022-2028 годы",
         Grid(("№", "Мероприятие", "Срок", "Исполнители", "Результат"), [
             ("1", "Создание инженерных классов", "Сентябрь 2022 г.",
              "Управление образования (далее – УО), школы", "Приказ"),
             ("2", "Конкурс инженерных проектов", "Ежегодно", "УО", "Положение о конкурсе"),
             ("3", "Сетевое взаимодействие с вузами", "2023-2028", "УО", "Договоры"),
         ])],
        [("1", "Создание инженерных классов", "Сентябрь 2022 г.", ["Управление образования", "Школы"], "Приказ"),
         ("2", "Конкурс инженерных проектов", "Ежегодно", ["Управление образования"], "Положение о конкурсе"),
         ("3", "Сетевое взаимодействие с вузами", "2023-2028", ["Управление образования"], "Договоры")],
        [(None, "Мероприятия")],
        "Комплексный план мероприятий по развитию инженерного образования",
        "2022-2028",
        {"report": "Период: 2022-2028 (определён по заголовку «Мероприятия на 2022-2028 годы»",
         "names": "short"},
    ),
}


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory,
             pytestconfig: pytest.Config) -> dict[tuple[str, str], tuple[int, str, str, Path]]:
    """Every layout in every form, imported once: (code, stdout, stderr, written file)."""
    import contextlib
    import io

    from roadmapctl.main import run

    folder = tmp_path_factory.mktemp("structures")
    out: dict[tuple[str, str], tuple[int, str, str, Path]] = {}
    for name, layout in LAYOUTS.items():
        for form in ("docx", "txt", "pdf", "xlsx", "unruled.pdf"):
            if not form.endswith("pdf") or pdf_font():
                write_form(form, layout.blocks, folder / f"{name}.{form}", thorough(pytestconfig))
    if soffice():
        _print_with_libreoffice(folder, thorough(pytestconfig))
    for name in LAYOUTS:
        for form in FORMS:
            source = folder / f"{name}.{form}"
            if not source.exists() or not (thorough(pytestconfig) or quick_case(name, form)):
                continue
            target = folder / f"{name}.{form}.yaml"
            stdout, stderr = io.StringIO(), io.StringIO()
            with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
                code = run(["import", str(source), "-o", str(target)])
            out[name, form] = (code, stdout.getvalue(), stderr.getvalue(), target)
    return out


# What LibreOffice prints, per form: the source file's name part and how it is written.
# (Each source is named for its form, «<layout>.<form>.docx», so the PDFs of one run do not collide.)
_PRINTED = {
    "lo.pdf": ("docx", lambda blocks, path: write_docx(blocks, path)),
    "lo-unruled.pdf": ("docx", lambda blocks, path: write_docx(blocks, path, ruled=False)),
    "xl.pdf": ("xlsx", write_printable_xlsx),
}


def _print_with_libreoffice(folder: Path, fresh: bool) -> None:
    """LibreOffice's PDFs of the layouts: the .docx ruled and without borders, and the sheet laid
    out for printing, all in one run of LibreOffice (starting it takes seconds), kept between runs of
    the default profile like the other documents (`import_forms.write_form`); the key adds the
    LibreOffice installed. The default profile prints only what its cases read (`quick_case`); the
    thorough profile (CI) prints all, afresh. Without Calc (only Writer installed) LibreOffice
    makes no PDF of a sheet: that form is then absent."""
    exe = soffice()
    assert exe
    stamp = os.stat(os.path.realpath(exe))
    keys = {(name, form): recipe_key(form, layout.blocks, stamp.st_mtime_ns, stamp.st_size)
            for name, layout in LAYOUTS.items() for form in _PRINTED if fresh or quick_case(name, form)}
    missing = [case for case, key in keys.items() if fresh or cached(key, ".pdf") is None]
    if missing:
        sources, printed = folder / "to-print", folder / "printed"
        sources.mkdir()
        printed.mkdir()
        files = {}
        for name, form in missing:
            suffix, write = _PRINTED[form]
            files[name, form] = sources / f"{name}.{form.removesuffix('.pdf')}.{suffix}"
            write(LAYOUTS[name].blocks, files[name, form])
        docx_to_pdf(list(files.values()), printed)
        for case, source in files.items():
            made = printed / f"{source.name.rsplit('.', 1)[0]}.pdf"
            if made.exists():
                keep(made, keys[case], ".pdf")
    for (name, form), key in keys.items():
        hit = cached(key, ".pdf")
        if hit is not None:
            shutil.copyfile(hit, folder / f"{name}.{form}")


PDF_FORMS = ("pdf", "lo.pdf", "unruled.pdf", "lo-unruled.pdf", "xl.pdf")


def quick_case(name: str, form: str) -> bool:
    """The default profile imports every layout from .docx, text and .xlsx, and from one of the
    five PDF forms in turn (each PDF form on two or three layouts; pdfplumber takes most of the
    time); the thorough profile imports every layout from every form."""
    return form not in PDF_FORMS or PDF_FORMS[list(LAYOUTS).index(name) % len(PDF_FORMS)] == form


def _get(imported: dict, name: str, form: str) -> tuple[int, str, str, Path]:  # type: ignore[type-arg]
    if form in ("pdf", "unruled.pdf") and not pdf_font():
        pytest.skip("нет шрифта TrueType с кириллицей для построения PDF")
    if form in ("lo.pdf", "lo-unruled.pdf", "xl.pdf") and not soffice():
        pytest.skip("LibreOffice (soffice) не установлен: PDF из .docx и .xlsx не построить")
    if form == "xl.pdf" and not any(f == "xl.pdf" for _, f in imported):
        pytest.skip("LibreOffice Calc не установлен: PDF из .xlsx не построить")
    if (name, form) not in imported and not quick_case(name, form):
        pytest.skip("в быстром профиле этот макет читается из другой формы PDF; все формы — "
                    "ROADMAPCTL_TESTS=thorough")
    return imported[name, form]


CASES = [(name, form) for name in LAYOUTS for form in FORMS]
# the tests parametrized by layout and form (`pytest_generate_tests`), each over these cases
CASES_OF = {"test_items_equal_the_layout": CASES, "test_imported_roadmap_passes_check": CASES,
            "test_what_else_the_layout_carries": [(n, f) for n, f in CASES if LAYOUTS[n].extra]}


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """The cases the profile imports (`quick_case`): the default profile does not even collect the
    other PDF forms (a hundred skipped items cost a quarter of a second); the thorough one runs all."""
    cases = CASES_OF.get(metafunc.function.__name__)
    if cases is not None:
        metafunc.parametrize(("name", "form"),
                             [case for case in cases if thorough(metafunc.config) or quick_case(*case)])


def test_items_equal_the_layout(name: str, form: str, imported) -> None:
    _code, out, err, target = _get(imported, name, form)
    assert target.exists(), err
    layout = LAYOUTS[name]
    roadmap = load(target).roadmap
    got = [(e.item.number, e.item.title, e.item.deadline,
            [roadmap.executors[r.id].name for r in e.item.executors], e.item.result) for e in roadmap.walk()]
    assert len(got) == len(layout.items), out
    for have, want in zip(got, layout.items, strict=True):
        for field_name, a, b in zip(("number", "title", "deadline", "executors", "result"), have, want, strict=True):
            assert a == b, f"{field_name}: {a!r} != {b!r}\n{out}"

    def flat(sections: list) -> list:  # type: ignore[type-arg]
        return [x for s in sections for x in [(s.number, s.title), *flat(s.sections)]]

    assert flat(roadmap.sections) == layout.sections
    assert roadmap.title == layout.title
    assert roadmap.period.text == layout.period


def test_imported_roadmap_passes_check(name: str, form: str, imported, cli) -> None:
    code, out, _err, target = _get(imported, name, form)
    result = cli("check", target)
    assert result.code == 0, result.out + out
    assert code == 0, out


def test_what_else_the_layout_carries(name: str, form: str, imported) -> None:
    """Goals, approval stamps, editorial notes, default executors, columns, the period's report line."""
    _code, out, _err, target = _get(imported, name, form)
    extra = LAYOUTS[name].extra
    roadmap = load(target).roadmap
    if "goals" in extra:
        assert roadmap.goals == extra["goals"]
    if "approval" in extra:
        a = roadmap.approval
        assert (a.stamp, a.by, a.kind, a.date.isoformat(), a.number) == extra["approval"]
    if "notes" in extra:
        assert {e.item.number: e.item.note for e in roadmap.walk() if e.item.note} == extra["notes"]
        assert "строка-примечание перенесена в примечание мероприятия 1." in out
    if "pages" in extra and form.endswith("pdf"):
        import pdfplumber

        with pdfplumber.open(str(target)[: -len(".yaml")]) as pdf:
            assert len(pdf.pages) >= extra["pages"]  # the header repeats on each page
    for line in extra.get("report_lines_broken", []) if form != "txt" else []:
        assert line in out  # joined across a line end by guess: said so
    for line in extra.get("report_lines", []):
        assert line in out
    if "names" in extra:
        assert [c.names for c in roadmap.columns if c.field == "executors"] == [extra["names"]]
    if "report" in extra:
        assert extra["report"] in out
    if name == "period_from_dates":
        assert "определён по датам в сроках мероприятий (30.09.2023 – 31.05.2024) и дате утверждения " \
               "29.08.2023, а не по названию — проверьте его" in out
    text = target.read_text(encoding="utf-8")
    if "default_executors" in extra:
        refs = roadmap.default_executors
        assert [roadmap.executors[r.id].name for r in refs] == extra["default_executors"]
    if "section_defaults" in extra:
        assert [[roadmap.executors[r.id].name for r in section.default_executors]
                for section in roadmap.sections] == extra["section_defaults"]
    if "section_defaults" in extra:
        assert ": не указаны исполнители" not in out.split("Проверка roadmapctl check")[0]
    if "columns" in extra:
        assert [(c.field, c.heading) for c in roadmap.columns] == extra["columns"]
    assert text.count("\ncolumns:\n") == 1


@pytest.mark.parametrize("form", ["docx", "pdf"])
def test_render_of_an_import_prints_the_source_columns(form: str, imported, cli, tmp_path: Path) -> None:
    """The annex re-printed for signature has the original's columns, order and headings."""
    import re

    _, _, _, target = _get(imported, "deadline_last_roman_sections", form)
    page = tmp_path / "annex.html"
    result = cli("render", target, "--what", "annex", "-o", page)
    assert result.code == 0, result.err
    html = page.read_text(encoding="utf-8")
    head = html[html.index("<thead"):html.index("</thead>")]
    cells = re.findall(r"<th[^>]*>.*?</th>", head, re.S)
    assert [re.sub(r"<[^>]+>", "", h).replace("\xa0", " ").strip() for h in cells] == [
        "№ п/п", "Мероприятие", "Ответственный", "Ожидаемый результат", "Дата"]


def test_pasted_two_line_header_repeated_before_each_direction(tmp_path: Path, cli) -> None:
    """Word pastes a header with broken cells as two lines, again before each direction (issue 12)."""
    header = ["№\tНаименование\tСроки\tИсполнители\tФорма представления",
              "п/п\tмероприятий\tпроведения\t\tрезультата"]
    source = tmp_path / "plan.txt"
    source.write_text("\n".join([
        "План работы на 2023/2024 учебный год", *header,
        "Направление 1. Работа с детьми",
        f"1.\tКлассный час\tСентябрь\t{TEACHERS}\tСценарий",
        f"2.\tЭкскурсия\tОктябрь\t{DIR}\tОтчёт",
        *header,
        "Направление 2. Работа с родителями",
        f"1.\tСобрание\tНоябрь\t{TEACHERS}\tПротокол", ""]), encoding="utf-8")
    target = tmp_path / "plan.yaml"
    result = cli("import", source, "-o", target)
    assert result.code == 0, result.out
    roadmap = load(target).roadmap
    assert [(e.section.number, e.item.number, e.item.title, e.item.deadline) for e in roadmap.walk()] == [
        ("1", "1.", "Классный час", "Сентябрь"), ("1", "2.", "Экскурсия", "Октябрь"),
        ("2", "1.", "Собрание", "Ноябрь")]
    assert [(c.field, c.heading) for c in roadmap.columns] == [
        ("number", "№ п/п"), ("title", "Наименование мероприятий"), ("deadline", "Сроки проведения"),
        ("executors", "Исполнители"), ("result", "Форма представления результата")]
    assert "Проверьте" not in result.out
    assert cli("check", target).code == 0


@pytest.mark.parametrize("form", ["docx", "txt"])
def test_section_rows_with_only_the_first_cell_filled(form: str, tmp_path: Path, cli) -> None:
    """«I. …» and «Раздел 2. …» typed into the number cell, the rest of the row left empty (not merged)."""
    source = tmp_path / f"plan.{form}"
    WRITERS[form](["План на 2023/2024 учебный год", Grid(("№", "Мероприятие", "Срок", "Ответственный", "Результат"), [
        ("I. Организационная работа", "", "", "", ""), ("1", "Совещание", "Сентябрь", "Директор", "Протокол"),
        ("Раздел 2. Контроль", "", "", "", ""), ("2", "Проверка", "Май", "Директор", "Справка")])], source)
    target = tmp_path / "plan.yaml"
    assert cli("import", source, "-o", target).code == 0
    roadmap = load(target).roadmap
    assert [(s.number, s.title, [i.number for i in s.items]) for s in roadmap.sections] == [
        ("I", "Организационная работа", ["1"]), ("2", "Контроль", ["2"])]
