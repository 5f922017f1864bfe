"""Reading a roadmap file into YAML nodes that remember their positions.

Read-only commands parse with the C parser of ruamel.yaml (libyaml) and walk
the composed nodes, whose marks carry line and column: this is several times
faster than the round-trip loader and keeps every position.  No implicit type
resolution happens here (every plain scalar stays text), so «2.10» can never
turn into the float 2.1; the loader decides types field by field.

Everything that can go wrong with the bytes of a file (encoding, size, binary
content, YAML syntax, alias bombs) comes back as a `SourceProblem`.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MAX_BYTES = 10 * 1024 * 1024
MAX_EXPANDED_NODES = 200_000

_YAML_MESSAGES = {
    "mapping values are not allowed here": (
        "здесь не может стоять «ключ: значение» (проверьте отступы или возьмите значение в кавычки)"
    ),
    "could not find expected ':'": "не найдено двоеточие после ключа",
    "found unexpected end of stream": "файл внезапно закончился (незакрытая кавычка или скобка?)",
    "did not find expected key": "ожидался ключ (проверьте отступы и закрыты ли кавычки)",
    "did not find expected '-' indicator": "ожидался элемент списка «- …» (проверьте отступы)",
    "found undefined alias": "ссылка на несуществующий якорь (*…)",
    "found character that cannot start any token": "символ, с которого не может начинаться значение",
    "did not find expected node content": "ожидалось значение",
    "expected <block end>, but found '<block sequence start>'": (
        "элемент списка «- …» стоит не на своём отступе"
    ),
    "expected <block end>, but found '<block mapping start>'": "неверный отступ",
    "expected <block end>, but found '<scalar>'": "неверный отступ или лишний текст",
    "expected a single document in the stream": "в файле несколько YAML-документов (---), нужен один",
}


@dataclass(frozen=True)
class SourceProblem:
    message: str
    line: int = 1
    col: int = 1


class Encoding:
    """How to decode: 'auto' accepts UTF-8 (with or without BOM) only."""

    AUTO = "auto"


def read_text(path: Path, encoding: str = Encoding.AUTO) -> str | SourceProblem:
    try:
        size = path.stat().st_size
    except OSError as exc:
        return SourceProblem(f"не удалось прочитать файл: {_os_reason(exc)}")
    if size > MAX_BYTES:
        return SourceProblem(
            f"файл слишком большой ({size / 1024 / 1024:.1f} МБ, предел "
            f"{MAX_BYTES // 1024 // 1024} МБ): это не похоже на дорожную карту"
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        return SourceProblem(f"не удалось прочитать файл: {_os_reason(exc)}")
    return decode(data, encoding)


def decode(data: bytes, encoding: str = Encoding.AUTO) -> str | SourceProblem:
    if encoding != Encoding.AUTO:
        try:
            return data.decode(encoding).lstrip("\ufeff")
        except (UnicodeDecodeError, LookupError) as exc:
            return SourceProblem(f"не удалось прочитать файл в кодировке {encoding}: {exc}")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _looks_utf16(data):
        return SourceProblem(
            "файл сохранён в кодировке UTF-16; сохраните его в UTF-8 "
            "(в Блокноте: «Сохранить как» → кодировка UTF-8) "
            "или укажите --encoding utf-16"
        )
    if b"\x00" in data[:8192]:
        return SourceProblem("это двоичный файл, а не текст YAML")
    try:
        return data.decode("utf-8").lstrip("\ufeff")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        if _looks_cp1251(data):
            return SourceProblem(
                "файл не в UTF-8, похоже на кодировку Windows-1251; пересохраните его "
                "в UTF-8 (iconv -f cp1251 -t utf-8 файл.yaml > новый.yaml) "
                "или укажите --encoding cp1251",
                line,
                1,
            )
        return SourceProblem("файл не в кодировке UTF-8", line, 1)


def _looks_utf16(data: bytes) -> bool:
    head = data[:200]
    return len(head) >= 4 and head[1::2].count(0) > len(head) // 4


def _looks_cp1251(data: bytes) -> bool:
    text = data.decode("cp1251", errors="replace")
    letters = sum(1 for ch in text if "а" <= ch.lower() <= "я" or ch in "ёЁ")
    high = sum(1 for b in data if b >= 0x80)
    return high > 0 and letters >= high * 0.8


def _os_reason(exc: OSError) -> str:
    import errno

    reasons = {
        errno.EACCES: "нет прав на чтение",
        errno.ENOENT: "файл не найден",
        errno.EISDIR: "это папка",
        errno.ELOOP: "циклическая символическая ссылка",
    }
    return reasons.get(exc.errno or 0, exc.strerror or str(exc))


def compose(text: str) -> Any | SourceProblem | None:
    """YAML text → the root node (None for an empty document)."""
    from _ruamel_yaml import CParser
    from ruamel.yaml.error import MarkedYAMLError, YAMLError
    from ruamel.yaml.resolver import BaseResolver

    class _Composer(CParser, BaseResolver):  # type: ignore[misc]
        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            BaseResolver.__init__(self)

    try:
        node = _Composer(text).get_single_node()
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        if _char_at(text, line, col) == "\t":
            message = "символ табуляции: в YAML отступы делаются только пробелами"
        else:
            message = _yaml_message(exc)
        return SourceProblem(f"ошибка синтаксиса YAML: {message}", line, col)
    except YAMLError as exc:
        return SourceProblem(f"ошибка синтаксиса YAML: {exc}")
    if node is not None:
        expanded = _expanded_size(node, {})
        if expanded > MAX_EXPANDED_NODES:
            return SourceProblem(
                f"слишком много узлов после раскрытия ссылок (*якорей): {expanded}; "
                "похоже на «бомбу ссылок», файл не обработан",
                node.start_mark.line + 1,
                node.start_mark.column + 1,
            )
    return node


def _char_at(text: str, line: int, col: int) -> str:
    lines = text.splitlines()
    if 0 < line <= len(lines) and 0 < col <= len(lines[line - 1]):
        return lines[line - 1][col - 1]
    return ""


def _yaml_message(exc: Any) -> str:
    problem = str(exc.problem or "").strip()
    for english, russian in _YAML_MESSAGES.items():
        if problem.startswith(english) or english in problem:
            return russian
    return problem or str(exc).splitlines()[0]


def _expanded_size(node: Any, memo: dict[int, int]) -> int:
    """Node count with aliases expanded, computed once per distinct node."""
    key = id(node)
    if key in memo:
        return memo[key]
    memo[key] = 1  # guards against recursive aliases
    total = 1
    value = node.value
    if isinstance(value, list):
        for child in value:
            if isinstance(child, tuple):
                total += _expanded_size(child[0], memo) + _expanded_size(child[1], memo)
            else:
                total += _expanded_size(child, memo)
            if total > MAX_EXPANDED_NODES:
                break
    memo[key] = total
    return total
