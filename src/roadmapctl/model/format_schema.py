"""JSON Schema of the roadmap format, for editors.

The YAML language server (VS Code with the YAML extension, JetBrains IDEs)
validates a file against the schema named in its first line and shows each
property's `title` and `description` on hover, so those are in Russian.

The schema mirrors what `reading/loader.py` accepts (item keys: `vocabulary.ITEM_KEYS`), no more and no less: the same
keys, the same required fields, the same value shapes.  What the loader
checks beyond shape (executors that exist, deadlines that parse, numbers
inside their section) is left to `roadmapctl check`.  Two differences in how
the language server reads YAML decide the details:

- it types plain scalars by the YAML 1.2 core schema, so `format: 1` is a
  number and `title: 2021` too, while the loader reads every scalar as text —
  hence text fields accept numbers and booleans;
- unquoted dates stay strings (the core schema has no timestamps), so a date
  is a string with a pattern.

An empty value (`note:`) is «not given» for the loader, so optional fields
also accept null; required ones do not, as the loader reports them empty.
"""

from __future__ import annotations

import json

from roadmapctl.model.schema_items import default_executors, item, numbering, section
from roadmapctl.model.schema_types import (
    COLUMN_DESCRIPTIONS,
    EXECUTOR_ID_PATTERN,
    NAMES_DESCRIPTIONS,
    NULL,
    PERIOD_PATTERN,
    TEXT_TYPES,
    Schema,
    date,
    doc,
    enum,
    list_of,
    object_of,
    optional,
    text,
    text_list,
)

DRAFT = "http://json-schema.org/draft-07/schema#"


def render_schema() -> str:
    """The schema as the text of `schema/roadmap.schema.json`: stable, UTF-8, final newline."""
    return json.dumps(build_schema(), ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def build_schema() -> Schema:
    return {
        "$schema": DRAFT,
        "title": "Дорожная карта (roadmapctl, формат 1)",
        "description": (
            "Одна дорожная карта — один YAML-файл. Описание формата: docs/format.md; "
            "полная проверка — roadmapctl check."
        ),
        **object_of(
            {
                "format": optional(doc(
                    "Версия формата", "Необязательно; поддерживается только 1.",
                    {"enum": [1, "1", "1.0"]},
                )),
                "title": text("Название дорожной карты", "Как в документе. Обязательно."),
                "territory": optional(text("Территория", "Например, «Лысьвенский городской округ».")),
                "period": _period(),
                "approval": optional(_approval()),
                "goals": optional(_goals()),
                "executors": optional(_executors()),
                "default_executors": optional(default_executors("всех мероприятий карты")),
                "numbering": optional(numbering("всей карты")),
                "columns": optional(_columns()),
                "sections": doc(
                    "Разделы", "Разделы дорожной карты с мероприятиями. Обязательно (может быть пустым списком).",
                    list_of({"$ref": "#/definitions/section"}),
                ),
                "order": optional(_order()),
                "controller": optional(_controller()),
            },
            required=("title", "period", "sections"),
        ),
        "definitions": {
            "section": section(),
            "item": item(),
            "orderPoint": _order_point(),
        },
    }


# -- building blocks ----------------------------------------------------------


def _period() -> Schema:
    return doc(
        "Период",
        "Учебный год «2023/2024» (1 сентября – 31 августа), календарные годы «2021-2025» "
        "или «2021», явные даты «2021-06-01..2022-08-31» или словарь {start, end}. Обязательно.",
        {
            "anyOf": [
                {"type": "string", "pattern": PERIOD_PATTERN},
                {"type": "integer", "minimum": 1000, "maximum": 9999},
                object_of(
                    {
                        "start": date("Начало периода", "Первый день периода."),
                        "end": date("Конец периода", "Последний день периода."),
                    },
                    required=("start", "end"),
                ),
            ],
            "examples": ["2023/2024", "2021-2025", "2021-06-01..2022-08-31"],
        },
    )


def _approval() -> Schema:
    return doc("Гриф утверждения", "Как в грифе документа; все поля необязательны.", object_of({
        "stamp": optional(text("Слово грифа", "УТВЕРЖДЕНА, Утверждено, Приложение…")),
        "by": optional(text("Кем утверждена", "Как в грифе: «приказом начальника управления образования».")),
        "kind": optional(text("Вид документа", "Например, «приказ».")),
        "date": optional(date("Дата документа", "Дата приказа об утверждении.")),
        "number": optional(text("Номер документа", "Как написан, в кавычках: \"240/01-08\".")),
    }))


def _goals() -> Schema:
    group = text_list("Цели группы", "Список целей этой группы.")
    return doc(
        "Цели и задачи",
        "Список строк или словарь «группа → список», например цели по уровням образования.",
        {"anyOf": [
            {"type": list(TEXT_TYPES)},
            list_of({"type": [*TEXT_TYPES, "null"]}),
            {"type": "object", "additionalProperties": optional(group)},
        ]},
    )


def _executors() -> Schema:
    entry = doc(
        "Исполнитель",
        "Полное наименование строкой или словарь {name, short, kind, email}.",
        {"anyOf": [
            {"type": list(TEXT_TYPES)},
            object_of(
                {
                    "name": text("Полное наименование", "Обязательно."),
                    "short": optional(text("Краткое наименование", "Например, «УО».")),
                    "kind": optional(text("Вид", "Например, «орган управления образованием».")),
                    "email": optional(_emails("Для рассылки напоминаний (roadmapctl notify).")),
                },
                required=("name",),
            ),
        ]},
    )
    return doc(
        "Исполнители",
        "Справочник: идентификатор (латинские буквы, цифры, «_», «-») → описание. "
        "Мероприятия ссылаются на исполнителей по идентификатору.",
        {
            "type": "object",
            "propertyNames": {"pattern": EXECUTOR_ID_PATTERN},
            "additionalProperties": optional(entry),
        },
    )


def _emails(description: str) -> Schema:
    return text_list(
        "Адрес электронной почты",
        f"{description} Один адрес, несколько через запятую или список адресов.",
    )


def _controller() -> Schema:
    return doc(
        "Контроль исполнения",
        "Кто контролирует исполнение карты: ему исполнители сообщают о выполнении, "
        "ему приходит сводка рассылки напоминаний (roadmapctl notify).",
        object_of({
            "name": optional(text("Кто контролирует", "Должность и фамилия или подразделение.")),
            "email": optional(_emails("Адрес для отчётов об исполнении и сводки рассылки.")),
        }),
    )


def _columns() -> Schema:
    field = enum("Поле", COLUMN_DESCRIPTIONS, "title")
    field.pop("default")
    mapping = object_of(
        {
            "field": field,
            "heading": optional(text("Заголовок столбца", "Как в оригинале: «Сроки проведения».")),
            "names": optional(enum(
                "Как печатать исполнителей", NAMES_DESCRIPTIONS, "full",
            ) | {"description": "Только у столбца executors: " + "; ".join(
                f"{k} — {v}" for k, v in NAMES_DESCRIPTIONS.items()) + "."}),
        },
        required=("field",),
    )
    # `names` belongs to the executors column only.
    mapping["if"] = {"required": ["field"], "properties": {"field": {"not": {"const": "executors"}}}}
    mapping["then"] = {"properties": {"names": NULL}}
    column = doc("Столбец", "Поле мероприятия (строкой) или словарь {field, heading, names}.",
                  {"anyOf": [field, mapping]})
    return doc(
        "Столбцы таблицы",
        "Какие столбцы печатает roadmapctl render и в каком порядке, с заголовками оригинала. "
        "Без этого ключа — столбцы по умолчанию.",
        {"type": "array", "minItems": 1, "items": column},
    )


# -- the document's other parts ----------------------------------------------


def _order() -> Schema:
    return doc("Приказ об утверждении", "Что нужно для печати приказа; все поля необязательны.", object_of({
        "authority": optional(text_list("Бланк", "Строки бланка сверху: наименования органов и организаций.")),
        "contacts": optional(text("Справочные данные", "Адрес, телефон, электронная почта на бланке.")),
        "kind": optional(text("Вид документа", "Например, «ПРИКАЗ».")),
        "date": optional(date("Дата приказа", "Дата документа.")),
        "number": optional(text("Номер приказа", "Как написан, например «1828-у».")),
        "place": optional(text("Место издания", "Например, «г. Челябинск».")),
        "title": optional(text("Заголовок к тексту", "«Об утверждении дорожной карты …».")),
        "preamble": optional(text("Преамбула", "«В соответствии с …».")),
        "command": optional(text("Распорядительное слово", "Например, «ПРИКАЗЫВАЮ».")),
        "points": optional(doc("Пункты приказа", "Текст пункта или словарь {text, points}.", list_of(
            {"$ref": "#/definitions/orderPoint"},
        ))),
        "signatory": optional(doc("Подпись", "Должность и имя подписывающего.", object_of({
            "position": optional(text("Должность", "Например, «Председатель Комитета».")),
            "name": optional(text("Инициалы и фамилия", "Например, «С.В. Портье».")),
        }))),
        "performer": optional(text("Исполнитель документа", "Фамилия и телефон.")),
        "distribution": optional(text_list("Разослать", "Кому рассылается приказ.")),
    }))


def _order_point() -> Schema:
    return doc("Пункт приказа", "Текст пункта или словарь {text, points} с подпунктами.", {"anyOf": [
        {"type": [*TEXT_TYPES, "null"]},
        object_of(
            {
                "text": text("Текст пункта", "Обязательно."),
                "points": optional(doc("Подпункты", "Подпункты пункта.",
                                         list_of({"$ref": "#/definitions/orderPoint"}))),
            },
            required=("text",),
        ),
    ]})
