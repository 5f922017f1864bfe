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
from collections.abc import Mapping
from typing import Any, TypeVar

from roadmapctl.model.vocabulary import ITEM_KEYS, STATUS_NAMES

DRAFT = "http://json-schema.org/draft-07/schema#"

Schema = dict[str, Any]
Value = TypeVar("Value", bound=str)  # an enum's values, e.g. the Status literal

_NULL: Schema = {"type": "null"}
_TEXT_TYPES = ["string", "number", "boolean"]
_DATE_PATTERN = (
    r"^\s*(\d{4}-(0?[1-9]|1[0-2])-(0?[1-9]|[12]\d|3[01])"
    r"|(0?[1-9]|[12]\d|3[01])\.(0?[1-9]|1[0-2])\.\d{4})\s*$"
)
_PERIOD_PATTERN = (
    r"^\s*(\d{4}\s*/\s*\d{4}"
    r"|\d{4}(\s*[-–—]\s*\d{4})?"
    r"|\d{4}-\d{2}-\d{2}\s*\.\.\s*\d{4}-\d{2}-\d{2})\s*$"
)
# The loader's `^\w[\w.-]*$`, spelled for both ECMA 262 and Python regexes:
# Latin and Cyrillic letters, digits, «_», then also «.» and «-».
_EXECUTOR_ID_PATTERN = r"^[0-9A-Za-z_\u0400-\u04ff][0-9A-Za-z_\u0400-\u04ff.-]*$"

STATUS_DESCRIPTIONS = {
    **STATUS_NAMES,
    "planned": f"{STATUS_NAMES['planned']} (по умолчанию)",
    "done": f"{STATUS_NAMES['done']} (нужна хотя бы одна отметка в completions)",
}
NUMBERING_DESCRIPTIONS = {
    "hierarchical": "сквозная: номер мероприятия начинается с номера раздела («1.1», «5.2.5»)",
    "local": "своя в каждом разделе: «1.», «2.», «3.» и снова «1.» в следующем",
}
COLUMN_DESCRIPTIONS = {
    "number": "номер",
    "title": "мероприятие",
    "deadline": "срок",
    "executors": "исполнители",
    "result": "результат",
    "indicator": "показатель",
    "form": "форма представления результата",
    "note": "примечание",
}
NAMES_DESCRIPTIONS = {
    "full": "полные наименования исполнителей (по умолчанию)",
    "short": "краткие наименования (short), как в оригинале",
}
ROLE_DESCRIPTIONS = {
    "responsible": "ответственный исполнитель (по умолчанию)",
    "co": "соисполнитель",
}


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
        **_object(
            {
                "format": _optional(_doc(
                    "Версия формата", "Необязательно; поддерживается только 1.",
                    {"enum": [1, "1", "1.0"]},
                )),
                "title": _text("Название дорожной карты", "Как в документе. Обязательно."),
                "territory": _optional(_text("Территория", "Например, «Лысьвенский городской округ».")),
                "period": _period(),
                "approval": _optional(_approval()),
                "goals": _optional(_goals()),
                "executors": _optional(_executors()),
                "default_executors": _optional(_default_executors("всех мероприятий карты")),
                "numbering": _optional(_numbering("всей карты")),
                "columns": _optional(_columns()),
                "sections": _doc(
                    "Разделы", "Разделы дорожной карты с мероприятиями. Обязательно (может быть пустым списком).",
                    _list({"$ref": "#/definitions/section"}),
                ),
                "order": _optional(_order()),
                "controller": _optional(_controller()),
            },
            required=("title", "period", "sections"),
        ),
        "definitions": {
            "section": _section(),
            "item": _item(),
            "orderPoint": _order_point(),
        },
    }


# -- building blocks ----------------------------------------------------------


def _doc(title: str, description: str, body: Schema) -> Schema:
    return {"title": title, "description": description, **body}


def _text(title: str, description: str) -> Schema:
    return _doc(title, description, {"type": list(_TEXT_TYPES)})


def _date(title: str, description: str) -> Schema:
    return _doc(
        title, f"{description} Пишите 2024-03-15 или 15.03.2024.",
        {"type": "string", "pattern": _DATE_PATTERN, "examples": ["2024-03-15", "15.03.2024"]},
    )


def _list(element: Schema) -> Schema:
    return {"type": "array", "items": element}


def _object(properties: dict[str, Schema], required: tuple[str, ...] = ()) -> Schema:
    body: Schema = {"type": "object"}
    if required:
        body["required"] = list(required)
    body["properties"] = properties
    body["additionalProperties"] = False
    return body


def _optional(body: Schema) -> Schema:
    """Also accept null: the loader treats an empty value as an absent key."""
    annotations: Schema = {key: body[key] for key in ("title", "description") if key in body}
    core = {key: value for key, value in body.items() if key not in annotations}
    if "anyOf" in core:
        return {**annotations, "anyOf": [*core["anyOf"], _NULL]}
    if "type" in core and "enum" not in core:
        types = core["type"] if isinstance(core["type"], list) else [core["type"]]
        return {**annotations, **core, "type": [*types, "null"]}
    return {**annotations, "anyOf": [core, _NULL]}


def _text_list(title: str, description: str) -> Schema:
    """A list of texts or a single text, as the loader's `text_list` reads it."""
    return _doc(title, description, {
        "anyOf": [{"type": list(_TEXT_TYPES)}, _list({"type": [*_TEXT_TYPES, "null"]})],
    })


def _enum(title: str, descriptions: Mapping[Value, str], default: str) -> Schema:
    listing = "; ".join(f"{value} — {meaning}" for value, meaning in descriptions.items())
    return _doc(title, f"{listing}.", {
        "type": "string",
        "enum": list(descriptions),
        "enumDescriptions": list(descriptions.values()),
        "default": default,
    })


# -- the header ---------------------------------------------------------------


def _period() -> Schema:
    return _doc(
        "Период",
        "Учебный год «2023/2024» (1 сентября – 31 августа), календарные годы «2021-2025» "
        "или «2021», явные даты «2021-06-01..2022-08-31» или словарь {start, end}. Обязательно.",
        {
            "anyOf": [
                {"type": "string", "pattern": _PERIOD_PATTERN},
                {"type": "integer", "minimum": 1000, "maximum": 9999},
                _object(
                    {
                        "start": _date("Начало периода", "Первый день периода."),
                        "end": _date("Конец периода", "Последний день периода."),
                    },
                    required=("start", "end"),
                ),
            ],
            "examples": ["2023/2024", "2021-2025", "2021-06-01..2022-08-31"],
        },
    )


def _approval() -> Schema:
    return _doc("Гриф утверждения", "Как в грифе документа; все поля необязательны.", _object({
        "stamp": _optional(_text("Слово грифа", "УТВЕРЖДЕНА, Утверждено, Приложение…")),
        "by": _optional(_text("Кем утверждена", "Как в грифе: «приказом начальника управления образования».")),
        "kind": _optional(_text("Вид документа", "Например, «приказ».")),
        "date": _optional(_date("Дата документа", "Дата приказа об утверждении.")),
        "number": _optional(_text("Номер документа", "Как написан, в кавычках: \"240/01-08\".")),
    }))


def _goals() -> Schema:
    group = _text_list("Цели группы", "Список целей этой группы.")
    return _doc(
        "Цели и задачи",
        "Список строк или словарь «группа → список», например цели по уровням образования.",
        {"anyOf": [
            {"type": list(_TEXT_TYPES)},
            _list({"type": [*_TEXT_TYPES, "null"]}),
            {"type": "object", "additionalProperties": _optional(group)},
        ]},
    )


def _executors() -> Schema:
    entry = _doc(
        "Исполнитель",
        "Полное наименование строкой или словарь {name, short, kind, email}.",
        {"anyOf": [
            {"type": list(_TEXT_TYPES)},
            _object(
                {
                    "name": _text("Полное наименование", "Обязательно."),
                    "short": _optional(_text("Краткое наименование", "Например, «УО».")),
                    "kind": _optional(_text("Вид", "Например, «орган управления образованием».")),
                    "email": _optional(_emails("Для рассылки напоминаний (roadmapctl notify).")),
                },
                required=("name",),
            ),
        ]},
    )
    return _doc(
        "Исполнители",
        "Справочник: идентификатор (латинские буквы, цифры, «_», «-») → описание. "
        "Мероприятия ссылаются на исполнителей по идентификатору.",
        {
            "type": "object",
            "propertyNames": {"pattern": _EXECUTOR_ID_PATTERN},
            "additionalProperties": _optional(entry),
        },
    )


def _emails(description: str) -> Schema:
    return _text_list(
        "Адрес электронной почты",
        f"{description} Один адрес, несколько через запятую или список адресов.",
    )


def _controller() -> Schema:
    return _doc(
        "Контроль исполнения",
        "Кто контролирует исполнение карты: ему исполнители сообщают о выполнении, "
        "ему приходит сводка рассылки напоминаний (roadmapctl notify).",
        _object({
            "name": _optional(_text("Кто контролирует", "Должность и фамилия или подразделение.")),
            "email": _optional(_emails("Адрес для отчётов об исполнении и сводки рассылки.")),
        }),
    )


def _default_executors(whose: str) -> Schema:
    return _doc(
        "Исполнители по умолчанию",
        f"Исполнители {whose}, у которых не указаны свои executors (для таблиц без столбца "
        "исполнителей): идентификатор из справочника executors или список идентификаторов. "
        "Мероприятие без исполнителей берёт их у родителя, затем у ближайшего раздела, затем у карты.",
        {"anyOf": [_executor_ref(), _list(_optional(_executor_ref()))]},
    )


def _numbering(whose: str) -> Schema:
    body = _enum("Нумерация", NUMBERING_DESCRIPTIONS, "hierarchical")
    body.pop("default")  # without the key check detects the style: there is no default to fill in
    return {**body,
            "description": f"Как нумеруются мероприятия {whose}: "
                           + "; ".join(f"{k} — {v}" for k, v in NUMBERING_DESCRIPTIONS.items())
                           + ". Без этого ключа roadmapctl check определяет нумерацию сам."}


def _columns() -> Schema:
    field = _enum("Поле", COLUMN_DESCRIPTIONS, "title")
    field.pop("default")
    mapping = _object(
        {
            "field": field,
            "heading": _optional(_text("Заголовок столбца", "Как в оригинале: «Сроки проведения».")),
            "names": _optional(_enum(
                "Как печатать исполнителей", NAMES_DESCRIPTIONS, "full",
            ) | {"description": "Только у столбца executors: " + "; ".join(
                f"{k} — {v}" for k, v in NAMES_DESCRIPTIONS.items()) + "."}),
        },
        required=("field",),
    )
    # `names` belongs to the executors column only.
    mapping["if"] = {"required": ["field"], "properties": {"field": {"not": {"const": "executors"}}}}
    mapping["then"] = {"properties": {"names": _NULL}}
    column = _doc("Столбец", "Поле мероприятия (строкой) или словарь {field, heading, names}.",
                  {"anyOf": [field, mapping]})
    return _doc(
        "Столбцы таблицы",
        "Какие столбцы печатает roadmapctl render и в каком порядке, с заголовками оригинала. "
        "Без этого ключа — столбцы по умолчанию.",
        {"type": "array", "minItems": 1, "items": column},
    )


# -- sections and items ---------------------------------------------------------


def _section() -> Schema:
    return _doc("Раздел", "Раздел дорожной карты: номер, название, мероприятия, подразделы.", _object(
        {
            "number": _optional(_text("Номер раздела", "Как в документе, в кавычках: \"1\" или \"1.\".")),
            "title": _text("Название раздела", "Обязательно."),
            "default_executors": _optional(_default_executors("мероприятий раздела и его подразделов")),
            "numbering": _optional(_numbering("раздела и его подразделов")),
            "items": _optional(_doc("Мероприятия", "Мероприятия раздела.", _list({"$ref": "#/definitions/item"}))),
            "sections": _optional(_doc(
                "Подразделы", "Вложенные разделы (5 → 5.1).", _list({"$ref": "#/definitions/section"}),
            )),
            "note": _optional(_text("Примечание", "Свободное примечание к разделу.")),
        },
        required=("title",),
    ))


def _in_order(keys: tuple[str, ...], properties: dict[str, Schema]) -> dict[str, Schema]:
    """The properties in the vocabulary's order; a key described here but not there (or the
    reverse) is a programming error the schema tests catch at once."""
    if set(keys) != set(properties):
        raise ValueError(f"schema and vocabulary disagree: {sorted(set(keys) ^ set(properties))}")
    return {key: properties[key] for key in keys}


def _item() -> Schema:
    return _doc(
        "Мероприятие",
        "Мероприятие или подпункт. У мероприятия нужны срок и исполнители; "
        "подпункт без них наследует их от родителя.",
        _object(
            _in_order(ITEM_KEYS, {
                "number": _optional(_text(
                    "Номер мероприятия",
                    "Как в документе, в кавычках: \"1.1\" или \"1.1.\" — без кавычек YAML прочтёт 2.10 как 2.1.",
                )),
                "key": _optional(_text("Постоянный ключ",
                                       "Не меняется при перенумерации, например «lysva-plan-develop».")),
                "title": _text("Название мероприятия", "Обязательно."),
                "deadline": _optional(_text(
                    "Срок",
                    "Дословно, как в документе: «до 21 июня 2021», «Октябрь – ноябрь», «ежегодно». "
                    "Как он понят, покажет roadmapctl when.",
                )),
                "due": _optional(_doc(
                    "Явная дата срока",
                    "Дата или список дат, если фраза срока неоднозначна; явная дата главнее фразы.",
                    {"anyOf": [
                        _date("Дата срока", "Дата."),
                        _list(_date("Дата срока", "Одна из дат.")),
                    ]},
                )),
                "executors": _optional(_doc(
                    "Исполнители",
                    "Ссылка на справочник executors или список ссылок; ссылка — идентификатор "
                    "или словарь {id, note, role}.",
                    {"anyOf": [_executor_ref(), _list(_optional(_executor_ref()))]},
                )),
                "result": _optional(_text("Ожидаемый результат", "Как в документе.")),
                "indicator": _optional(_indicator()),
                "form": _optional(_text("Форма представления результата", "Например, «Приказ», «Справка».")),
                "note": _optional(_text("Примечание", "Свободное примечание.")),
                "status": _optional(_enum("Состояние", STATUS_DESCRIPTIONS, "planned")),
                "completions": _optional(_doc(
                    "Отметки об исполнении", "Когда выполнено; для повторяющихся — за какой срок.",
                    _list(_completion()),
                )),
                "extensions": _optional(_doc("Переносы срока", "Куда, почему и на каком основании.",
                                             _list(_extension()))),
                "items": _optional(_doc(
                    "Подпункты", "Подпункты без номера или с номером; наследуют срок и исполнителей.",
                    _list({"$ref": "#/definitions/item"}),
                )),
            }),
            required=("title",),
        ),
    )


def _executor_ref() -> Schema:
    return _doc("Исполнитель", "Идентификатор из справочника executors или словарь {id, note, role}.", {
        "anyOf": [
            {"type": list(_TEXT_TYPES)},
            _object(
                {
                    "id": _text("Идентификатор исполнителя", "Из справочника executors. Обязательно."),
                    "note": _optional(_text("Примечание к исполнителю", "Например, «по согласованию».")),
                    "role": _optional(_enum("Роль", ROLE_DESCRIPTIONS, "responsible")),
                },
                required=("id",),
            ),
        ],
    })


def _indicator() -> Schema:
    return _doc("Показатель", "Текст показателя или словарь {text, targets}.", {"anyOf": [
        {"type": list(_TEXT_TYPES)},
        _object({
            "text": _optional(_text("Текст показателя", "Например, «Доля обучающихся, охваченных …».")),
            "targets": _optional(_doc(
                "Целевые значения", "Словарь «год: значение», например {\"2021\": \"40%\"}.",
                {"type": "object", "additionalProperties": {"type": [*_TEXT_TYPES, "null"]}},
            )),
        }),
    ]})


def _completion() -> Schema:
    return _doc("Отметка об исполнении", "Дата исполнения обязательна.", _object(
        {
            "date": _date("Дата исполнения", "Когда выполнено. Обязательно."),
            "due": _optional(_date("За какой срок", "Для повторяющихся мероприятий — дата срока, который закрыт.")),
            "note": _optional(_text("Примечание", "Например, «приказ № 12».")),
            "evidence": _optional(_text_list(
                "Подтверждение",
                "Чем подтверждено исполнение: реквизиты документа («приказ от 12.10.2023 № 45»), "
                "ссылка на страницу сайта (https://…) или путь к файлу. Одна строка или список.")),
        },
        required=("date",),
    ))


def _extension() -> Schema:
    return _doc("Перенос срока", "Новый срок и причина обязательны.", _object(
        {
            "to": _date("Новый срок", "Дата, на которую перенесён срок. Обязательно."),
            "reason": _text("Причина переноса", "Обязательно."),
            "basis": _optional(_text("Основание", "Например, «служебная записка № 5».")),
            "date": _optional(_date("Дата переноса", "Когда принято решение о переносе.")),
        },
        required=("to", "reason"),
    ))


# -- the order --------------------------------------------------------------------


def _order() -> Schema:
    return _doc("Приказ об утверждении", "Что нужно для печати приказа; все поля необязательны.", _object({
        "authority": _optional(_text_list("Бланк", "Строки бланка сверху: наименования органов и организаций.")),
        "contacts": _optional(_text("Справочные данные", "Адрес, телефон, электронная почта на бланке.")),
        "kind": _optional(_text("Вид документа", "Например, «ПРИКАЗ».")),
        "date": _optional(_date("Дата приказа", "Дата документа.")),
        "number": _optional(_text("Номер приказа", "Как написан, например «1828-у».")),
        "place": _optional(_text("Место издания", "Например, «г. Челябинск».")),
        "title": _optional(_text("Заголовок к тексту", "«Об утверждении дорожной карты …».")),
        "preamble": _optional(_text("Преамбула", "«В соответствии с …».")),
        "command": _optional(_text("Распорядительное слово", "Например, «ПРИКАЗЫВАЮ».")),
        "points": _optional(_doc("Пункты приказа", "Текст пункта или словарь {text, points}.", _list(
            {"$ref": "#/definitions/orderPoint"},
        ))),
        "signatory": _optional(_doc("Подпись", "Должность и имя подписывающего.", _object({
            "position": _optional(_text("Должность", "Например, «Председатель Комитета».")),
            "name": _optional(_text("Инициалы и фамилия", "Например, «С.В. Портье».")),
        }))),
        "performer": _optional(_text("Исполнитель документа", "Фамилия и телефон.")),
        "distribution": _optional(_text_list("Разослать", "Кому рассылается приказ.")),
    }))


def _order_point() -> Schema:
    return _doc("Пункт приказа", "Текст пункта или словарь {text, points} с подпунктами.", {"anyOf": [
        {"type": [*_TEXT_TYPES, "null"]},
        _object(
            {
                "text": _text("Текст пункта", "Обязательно."),
                "points": _optional(_doc("Подпункты", "Подпункты пункта.",
                                         _list({"$ref": "#/definitions/orderPoint"}))),
            },
            required=("text",),
        ),
    ]})
