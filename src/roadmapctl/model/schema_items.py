"""The JSON Schema of a section and an item: keys from the vocabulary, in its order."""

from __future__ import annotations

from roadmapctl.model.schema_types import (
    NUMBERING_DESCRIPTIONS,
    ROLE_DESCRIPTIONS,
    STATUS_DESCRIPTIONS,
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
from roadmapctl.model.vocabulary import ITEM_KEYS


def default_executors(whose: str) -> Schema:
    return doc(
        "Исполнители по умолчанию",
        f"Исполнители {whose}, у которых не указаны свои executors (для таблиц без столбца "
        "исполнителей): идентификатор из справочника executors или список идентификаторов. "
        "Мероприятие без исполнителей берёт их у родителя, затем у ближайшего раздела, затем у карты.",
        {"anyOf": [executor_ref(), list_of(optional(executor_ref()))]},
    )


def numbering(whose: str) -> Schema:
    body = enum("Нумерация", NUMBERING_DESCRIPTIONS, "hierarchical")
    body.pop("default")  # without the key check detects the style: there is no default to fill in
    return {**body,
            "description": f"Как нумеруются мероприятия {whose}: "
                           + "; ".join(f"{k} — {v}" for k, v in NUMBERING_DESCRIPTIONS.items())
                           + ". Без этого ключа roadmapctl check определяет нумерацию сам."}


def section() -> Schema:
    return doc("Раздел", "Раздел дорожной карты: номер, название, мероприятия, подразделы.", object_of(
        {
            "number": optional(text("Номер раздела", "Как в документе, в кавычках: \"1\" или \"1.\".")),
            "title": text("Название раздела", "Обязательно."),
            "default_executors": optional(default_executors("мероприятий раздела и его подразделов")),
            "numbering": optional(numbering("раздела и его подразделов")),
            "items": optional(doc("Мероприятия", "Мероприятия раздела.", list_of({"$ref": "#/definitions/item"}))),
            "sections": optional(doc(
                "Подразделы", "Вложенные разделы (5 → 5.1).", list_of({"$ref": "#/definitions/section"}),
            )),
            "note": optional(text("Примечание", "Свободное примечание к разделу.")),
        },
        required=("title",),
    ))


def in_order(keys: tuple[str, ...], properties: dict[str, Schema]) -> dict[str, Schema]:
    """The properties in the vocabulary's order; a key described here but not there (or the
    reverse) is a programming error the schema tests catch at once."""
    if set(keys) != set(properties):
        raise ValueError(f"schema and vocabulary disagree: {sorted(set(keys) ^ set(properties))}")
    return {key: properties[key] for key in keys}


def item() -> Schema:
    return doc(
        "Мероприятие",
        "Мероприятие или подпункт. У мероприятия нужны срок и исполнители; "
        "подпункт без них наследует их от родителя.",
        object_of(
            in_order(ITEM_KEYS, {
                "number": optional(text(
                    "Номер мероприятия",
                    "Как в документе, в кавычках: \"1.1\" или \"1.1.\" — без кавычек YAML прочтёт 2.10 как 2.1.",
                )),
                "key": optional(text("Постоянный ключ",
                                       "Не меняется при перенумерации, например «lysva-plan-develop».")),
                "title": text("Название мероприятия", "Обязательно."),
                "deadline": optional(text(
                    "Срок",
                    "Дословно, как в документе: «до 21 июня 2021», «Октябрь – ноябрь», «ежегодно». "
                    "Как он понят, покажет roadmapctl when.",
                )),
                "due": optional(doc(
                    "Явная дата срока",
                    "Дата или список дат, если фраза срока неоднозначна; явная дата главнее фразы.",
                    {"anyOf": [
                        date("Дата срока", "Дата."),
                        list_of(date("Дата срока", "Одна из дат.")),
                    ]},
                )),
                "executors": optional(doc(
                    "Исполнители",
                    "Ссылка на справочник executors или список ссылок; ссылка — идентификатор "
                    "или словарь {id, note, role}.",
                    {"anyOf": [executor_ref(), list_of(optional(executor_ref()))]},
                )),
                "result": optional(text("Ожидаемый результат", "Как в документе.")),
                "indicator": optional(indicator()),
                "form": optional(text("Форма представления результата", "Например, «Приказ», «Справка».")),
                "note": optional(text("Примечание", "Свободное примечание.")),
                "status": optional(enum("Состояние", STATUS_DESCRIPTIONS, "planned")),
                "completions": optional(doc(
                    "Отметки об исполнении", "Когда выполнено; для повторяющихся — за какой срок.",
                    list_of(completion()),
                )),
                "extensions": optional(doc("Переносы срока", "Куда, почему и на каком основании.",
                                             list_of(extension()))),
                "items": optional(doc(
                    "Подпункты", "Подпункты без номера или с номером; наследуют срок и исполнителей.",
                    list_of({"$ref": "#/definitions/item"}),
                )),
            }),
            required=("title",),
        ),
    )


def executor_ref() -> Schema:
    return doc("Исполнитель", "Идентификатор из справочника executors или словарь {id, note, role}.", {
        "anyOf": [
            {"type": list(TEXT_TYPES)},
            object_of(
                {
                    "id": text("Идентификатор исполнителя", "Из справочника executors. Обязательно."),
                    "note": optional(text("Примечание к исполнителю", "Например, «по согласованию».")),
                    "role": optional(enum("Роль", ROLE_DESCRIPTIONS, "responsible")),
                },
                required=("id",),
            ),
        ],
    })


def indicator() -> Schema:
    return doc("Показатель", "Текст показателя или словарь {text, targets}.", {"anyOf": [
        {"type": list(TEXT_TYPES)},
        object_of({
            "text": optional(text("Текст показателя", "Например, «Доля обучающихся, охваченных …».")),
            "targets": optional(doc(
                "Целевые значения", "Словарь «год: значение», например {\"2021\": \"40%\"}.",
                {"type": "object", "additionalProperties": {"type": [*TEXT_TYPES, "null"]}},
            )),
        }),
    ]})


def completion() -> Schema:
    return doc("Отметка об исполнении", "Дата исполнения обязательна.", object_of(
        {
            "date": date("Дата исполнения", "Когда выполнено. Обязательно."),
            "due": optional(date("За какой срок", "Для повторяющихся мероприятий — дата срока, который закрыт.")),
            "note": optional(text("Примечание", "Например, «приказ № 12».")),
            "evidence": optional(text_list(
                "Подтверждение",
                "Чем подтверждено исполнение: реквизиты документа («приказ от 12.10.2023 № 45»), "
                "ссылка на страницу сайта (https://…) или путь к файлу. Одна строка или список.")),
        },
        required=("date",),
    ))


def extension() -> Schema:
    return doc("Перенос срока", "Новый срок и причина обязательны.", object_of(
        {
            "to": date("Новый срок", "Дата, на которую перенесён срок. Обязательно."),
            "reason": text("Причина переноса", "Обязательно."),
            "basis": optional(text("Основание", "Например, «служебная записка № 5».")),
            "date": optional(date("Дата переноса", "Когда принято решение о переносе.")),
        },
        required=("to", "reason"),
    ))


# -- the order --------------------------------------------------------------------
