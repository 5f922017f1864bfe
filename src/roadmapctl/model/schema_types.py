"""The building blocks of the roadmap format's JSON Schema: typed, documented values.

Every property carries a Russian `title` and `description` (the editor shows
them on hover); an optional value also accepts null (an empty `note:` is «not
given» for the loader); text accepts numbers and booleans, since the language
server types plain scalars by the YAML 1.2 core schema while the loader reads
them as text. See `format_schema` for the whole schema.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from roadmapctl.model.vocabulary import STATUS_NAMES

Schema = dict[str, Any]
Value = TypeVar("Value", bound=str)  # an enum's values, e.g. the Status literal

NULL: Schema = {"type": "null"}
TEXT_TYPES = ["string", "number", "boolean"]
DATE_PATTERN = (
    r"^\s*(\d{4}-(0?[1-9]|1[0-2])-(0?[1-9]|[12]\d|3[01])"
    r"|(0?[1-9]|[12]\d|3[01])\.(0?[1-9]|1[0-2])\.\d{4})\s*$"
)
PERIOD_PATTERN = (
    r"^\s*(\d{4}\s*/\s*\d{4}"
    r"|\d{4}(\s*[-–—]\s*\d{4})?"
    r"|\d{4}-\d{2}-\d{2}\s*\.\.\s*\d{4}-\d{2}-\d{2})\s*$"
)
# The loader's `^\w[\w.-]*$`, spelled for both ECMA 262 and Python regexes:
# Latin and Cyrillic letters, digits, «_», then also «.» and «-».
EXECUTOR_ID_PATTERN = r"^[0-9A-Za-z_\u0400-\u04ff][0-9A-Za-z_\u0400-\u04ff.-]*$"

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


def doc(title: str, description: str, body: Schema) -> Schema:
    return {"title": title, "description": description, **body}


def text(title: str, description: str) -> Schema:
    return doc(title, description, {"type": list(TEXT_TYPES)})


def date(title: str, description: str) -> Schema:
    return doc(
        title, f"{description} Пишите 2024-03-15 или 15.03.2024.",
        {"type": "string", "pattern": DATE_PATTERN, "examples": ["2024-03-15", "15.03.2024"]},
    )


def list_of(element: Schema) -> Schema:
    return {"type": "array", "items": element}


def object_of(properties: dict[str, Schema], required: tuple[str, ...] = ()) -> Schema:
    body: Schema = {"type": "object"}
    if required:
        body["required"] = list(required)
    body["properties"] = properties
    body["additionalProperties"] = False
    return body


def optional(body: Schema) -> Schema:
    """Also accept null: the loader treats an empty value as an absent key."""
    annotations: Schema = {key: body[key] for key in ("title", "description") if key in body}
    core = {key: value for key, value in body.items() if key not in annotations}
    if "anyOf" in core:
        return {**annotations, "anyOf": [*core["anyOf"], NULL]}
    if "type" in core and "enum" not in core:
        types = core["type"] if isinstance(core["type"], list) else [core["type"]]
        return {**annotations, **core, "type": [*types, "null"]}
    return {**annotations, "anyOf": [core, NULL]}


def text_list(title: str, description: str) -> Schema:
    """A list of texts or a single text, as the loader's `text_list` reads it."""
    return doc(title, description, {
        "anyOf": [{"type": list(TEXT_TYPES)}, list_of({"type": [*TEXT_TYPES, "null"]})],
    })


def enum(title: str, descriptions: Mapping[Value, str], default: str) -> Schema:
    listing = "; ".join(f"{value} — {meaning}" for value, meaning in descriptions.items())
    return doc(title, f"{listing}.", {
        "type": "string",
        "enum": list(descriptions),
        "enumDescriptions": list(descriptions.values()),
        "default": default,
    })


# -- the header ---------------------------------------------------------------
