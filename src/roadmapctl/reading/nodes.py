"""Reading YAML nodes field by field, turning every mistake into a `Problem`.

`NodeReader` knows the shapes a roadmap is made of (a mapping with known
keys, text, a date, a list) but nothing of roadmaps themselves; the loader
builds on it.  Positions come from the node marks of the C parser.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

from roadmapctl.diagnostics import Problem
from roadmapctl.model.roadmap import Located, Pos
from roadmapctl.model.ru import read_date
from roadmapctl.model.text import fold, shorten
from roadmapctl.model.vocabulary import STATUS_WORDS
from roadmapctl.reading import codes

T = TypeVar("T")

MAP = "tag:yaml.org,2002:map"
SEQ = "tag:yaml.org,2002:seq"
STR = "tag:yaml.org,2002:str"

_PLAIN_TAGS = {f"tag:yaml.org,2002:{name}" for name in
               ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")}
_LOSSY_FLOAT = re.compile(r"^\d+\.(\d*0)?$")
_NULLS = {"", "~", "null", "Null", "NULL"}
# Russian words people type instead of a key or a status, for «did you mean …?»;
# the first of the choices that fits the place is suggested.
_RUSSIAN_WORDS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(("название", "наименование", "заголовок"), ("title", "name", "heading")),
    **dict.fromkeys(("столбцы", "колонки", "графы", "столбцы таблицы"), ("columns",)),
    **dict.fromkeys(("поле",), ("field",)),
    **dict.fromkeys(("нумерация",), ("numbering",)),
    **dict.fromkeys(("исполнители по умолчанию", "ответственные по умолчанию"), ("default_executors",)),
    **dict.fromkeys(("мероприятие", "тема"), ("title",)),
    **dict.fromkeys(("срок", "сроки", "срок исполнения", "сроки исполнения", "сроки выполнения",
                     "срок выполнения", "сроки проведения"), ("deadline", "to")),
    **dict.fromkeys(("явная дата", "контрольная дата", "контрольный срок"), ("due",)),
    **dict.fromkeys(("новый срок", "перенести на", "перенос на"), ("to",)),
    **dict.fromkeys(("номер", "№", "номер п/п", "п/п"), ("number",)),
    **dict.fromkeys(("исполнители", "ответственные", "ответственный", "ответственные исполнители",
                     "исполнитель", "ответственный исполнитель"), ("executors", "id")),
    **dict.fromkeys(("результат", "ожидаемый результат", "планируемый результат"), ("result",)),
    **dict.fromkeys(("показатель", "индикатор", "показатели"), ("indicator",)),
    **dict.fromkeys(("значения", "целевые значения"), ("targets",)),
    **dict.fromkeys(("форма", "форма представления"), ("form",)),
    **dict.fromkeys(("примечание", "примечания", "комментарий"), ("note",)),
    **dict.fromkeys(("статус", "состояние"), ("status",)),
    **dict.fromkeys(("отметки", "исполнение", "выполнение", "отметки об исполнении"), ("completions",)),
    **dict.fromkeys(("переносы", "перенос", "перенос срока"), ("extensions",)),
    **dict.fromkeys(("причина",), ("reason",)),
    **dict.fromkeys(("основание",), ("basis",)),
    **dict.fromkeys(("ключ",), ("key",)),
    **dict.fromkeys(("подпункты", "мероприятия"), ("items",)),
    **dict.fromkeys(("разделы", "подразделы"), ("sections",)),
    **dict.fromkeys(("период", "период реализации"), ("period",)),
    **dict.fromkeys(("территория", "муниципалитет", "округ"), ("territory",)),
    **dict.fromkeys(("утверждение", "гриф", "утверждена", "утверждено"), ("approval", "stamp")),
    **dict.fromkeys(("цели", "задачи", "цели и задачи"), ("goals",)),
    **dict.fromkeys(("формат",), ("format",)),
    **dict.fromkeys(("дата",), ("date",)),
    **dict.fromkeys(("кем",), ("by",)),
    **dict.fromkeys(("вид",), ("kind",)),
    **dict.fromkeys(("краткое", "сокращение", "кратко"), ("short",)),
    **dict.fromkeys(("почта", "e-mail", "эл. почта", "электронная почта"), ("email",)),
    **dict.fromkeys(("роль",), ("role",)),
    **dict.fromkeys(("приказ",), ("order",)),
    **dict.fromkeys(("пункты",), ("points",)),
    **dict.fromkeys(("текст",), ("text",)),
    **dict.fromkeys(("подпись", "подписал"), ("signatory",)),
    **dict.fromkeys(("должность",), ("position",)),
    **dict.fromkeys(("рассылка", "разослать"), ("distribution",)),
    **dict.fromkeys(("преамбула",), ("preamble",)),
    **dict.fromkeys(("место",), ("place",)),
    # statuses
    **{word: (status,) for word, status in STATUS_WORDS.items()},
}


def pos_of(node: Any) -> Pos:
    mark = node.start_mark
    return Pos(mark.line + 1, mark.column + 1)


class NodeReader:
    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []

    # -- reporting -------------------------------------------------------
    def problem(self, pos: Pos, message: str, code: str = codes.SCHEMA) -> None:
        self.problems.append(Problem(self.path, pos.line, pos.col, "error", code, message))

    # -- generic shapes --------------------------------------------------
    def fields(
        self, node: Any, what: str, allowed: tuple[str, ...], required: tuple[str, ...] = (),
        into: Located | None = None,
    ) -> dict[str, Any] | None:
        """A mapping's values by key, after checking keys: unknown, duplicate, missing.

        With `into`, the record is located in the same pass (see `locate`):
        a roadmap has a mapping per item, and each was walked twice.
        """
        if node.tag != MAP:
            self.problem(pos_of(node), f"{what}: ожидался словарь «ключ: значение», а здесь {kind_of(node)}")
            return None
        located: dict[str, Pos] | None = None
        if into is not None:
            into.pos = pos_of(node)
            located = into.field_pos
        pairs: dict[str, Any] = {}  # key → its first key node, for the message about a repeat
        values: dict[str, Any] = {}  # the keys with a value that is not null
        for key_node, value_node in node.value:
            key = key_node.value
            if located is not None and isinstance(key, str) and key not in located:
                mark = value_node.start_mark
                located[key] = Pos(mark.line + 1, mark.column + 1)
            if key_node.tag != STR or not isinstance(key, str):
                self.problem(pos_of(key_node), f"{what}: ключ должен быть простым словом")
                continue
            if key in pairs:
                self.problem(
                    pos_of(key_node),
                    f"ключ «{key}» повторяется (первый раз — в строке {pairs[key].start_mark.line + 1}); "
                    "YAML оставил бы только последнее значение",
                    codes.YAML,
                )
                continue
            if key not in allowed:
                self.problem(pos_of(key_node), f"{what}: неизвестный ключ «{key}»{suggest(key, allowed)}")
                continue
            pairs[key] = key_node
            if value_node.tag != STR or value_node.style or value_node.value not in _NULLS:
                values[key] = value_node
        for key in required:
            if key not in values:
                self.problem(pos_of(node), f"{what}: не заполнено обязательное поле «{key}»", codes.SCHEMA)
        return values

    def text(self, node: Any, what: str) -> str | None:
        if node.tag not in _PLAIN_TAGS:
            self.problem(pos_of(node), f"{what}: тег «{node.tag}» не поддерживается, допустим только обычный текст")
            return None
        if not isinstance(node.value, str):
            hint = ""
            if node.tag == SEQ:
                hint = ("; в YAML квадратные скобки — это список: возьмите текст в кавычки"
                        if node.flow_style else "; несколько значений пишите одной строкой через запятую")
            self.problem(pos_of(node), f"{what}: ожидался текст, а здесь {kind_of(node)}{hint}")
            return None
        return node.value.strip()

    def number(self, node: Any, what: str) -> str | None:
        """Official numbers are text; an error where other tools would read another number.

        An error, not a warning: pre-commit shows warnings only when a commit
        fails, and «2.10» read as 2.1 collides with the real 2.1 everywhere else.
        """
        value = self.text(node, what)
        if value is not None and not node.style and _LOSSY_FLOAT.match(value):
            pos = pos_of(node)
            self.problems.append(Problem(
                self.path, pos.line, pos.col, "error", codes.NUMBER_AS_FLOAT,
                f"{what} {value} без кавычек: YAML и редакторы прочитают его как число "
                f"{float(value)!r}; пишите \"{value}\""))
        return value

    def text_list(self, node: Any, what: str) -> list[str]:
        if node.tag == SEQ:
            return [t for child in node.value if (t := self.text(child, what)) is not None]
        single = self.text(node, what)
        return [single] if single else []

    def items_of(self, node: Any, what: str, build: Callable[[Any], T | None]) -> list[T]:
        if node.tag != SEQ:
            self.problem(pos_of(node),
                         f"{what}: ожидался список (строки, начинающиеся с «- »), а здесь {kind_of(node)}")
            return []
        return [built for child in node.value if (built := build(child)) is not None]

    def date(self, node: Any, what: str) -> date | None:
        raw = self.text(node, what)
        if raw is None:
            return None
        day = read_date(raw)
        if isinstance(day, str):
            self.problem(pos_of(node), f"{what}: {day}", codes.DATE)
            return None
        return day

    def locate(self, record: Located, node: Any) -> None:
        """Where the record and each of its keys' values stand (the first of repeated keys)."""
        record.pos = pos_of(node)
        if node.tag != MAP:
            return
        field_pos = record.field_pos
        for key_node, value_node in node.value:
            key = key_node.value
            if isinstance(key, str) and key not in field_pos:
                field_pos[key] = pos_of(value_node)

    # -- the roadmap -----------------------------------------------------

def _is_null(node: Any) -> bool:
    return node.tag == STR and not node.style and node.value in _NULLS


def kind_of(node: Any) -> str:
    if node.tag == MAP or type(node).__name__ == "MappingNode":
        return "словарь"
    if node.tag == SEQ or type(node).__name__ == "SequenceNode":
        return "список"
    return f"текст «{shorten(str(node.value))}»"




def suggest(word: str, choices: tuple[str, ...]) -> str:
    from difflib import get_close_matches

    lower = " ".join(fold(word).split())
    if meant := next((c for c in _RUSSIAN_WORDS.get(lower, ()) if c in choices), None):
        return f" — может быть, «{meant}»?"
    close = get_close_matches(lower, choices, n=1, cutoff=0.6)
    return f" — может быть, «{close[0]}»?" if close else ""
