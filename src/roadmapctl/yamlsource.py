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
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from roadmapctl.limits import MAX_ALIAS_EXPANSION as MAX_EXPANDED_NODES
from roadmapctl.limits import MAX_ROADMAP_BYTES as MAX_BYTES

_QUOTE_IT = "если это текст, возьмите его в кавычки"
# libyaml's problem (a fragment of it) → Russian, and which mark to point at:
# "context" where the mistake starts (the key without a colon, the opening
# quote), "problem" where the parser noticed it.  {line}: the context's line;
# {char}: the character at the problem.
_YAML_MESSAGES = (
    ("mapping values are not allowed", "problem",
     "здесь не может стоять «ключ: значение»: проверьте отступ строки, а если двоеточие — "
     "часть текста, возьмите значение в кавычки"),
    ("could not find expected ':'", "context", "после ключа нет двоеточия с пробелом («ключ: значение»)"),
    ("found unexpected end of stream", "problem", "файл внезапно закончился (незакрытая кавычка или скобка?)"),
    ("did not find expected key", "problem", "ожидался ключ (проверьте отступы и закрыты ли кавычки)"),
    ("did not find expected '-' indicator", "problem", "ожидался элемент списка «- …» (проверьте отступы)"),
    ("did not find expected ',' or ']'", "problem",
     "не закрыта квадратная скобка «[» из строки {line} (или между элементами нет запятой)"),
    ("did not find expected ',' or '}'", "problem",
     "не закрыта фигурная скобка «{{» из строки {line} (или между элементами нет запятой)"),
    ("found unknown escape character", "problem",
     "в тексте в двойных кавычках после «\\» стоит неизвестный знак; возьмите текст в одинарные "
     "кавычки или удвойте «\\»"),
    ("found undefined alias", "problem", f"ссылка на несуществующий якорь (*…); {_QUOTE_IT}"),
    ("found character that cannot start any token", "problem",
     "значение не может начинаться с «{char}»: возьмите его в кавычки"),
    ("did not find expected node content", "problem", "ожидалось значение"),
    ("expected <block end>, but found '<block sequence start>'", "problem",
     "элемент списка «- …» стоит не на своём отступе"),
    ("expected <block end>, but found '<block mapping start>'", "problem", "неверный отступ"),
    ("expected <block end>, but found '<scalar>'", "problem", "неверный отступ или лишний текст"),
    ("found another document", "problem", "в файле несколько YAML-документов (---), нужен один"),
    ("expected a single document", "problem", "в файле несколько YAML-документов (---), нужен один"),
    ("directive", "context", f"строка, начинающаяся с «%», — директива YAML; {_QUOTE_IT}"),
    ("did not find expected alphabetic or numeric character", "context",
     f"после «&» или «*» ожидалось имя якоря; {_QUOTE_IT}"),
    ("did not find the expected '>'", "context", f"неверный тег «!<…>»; {_QUOTE_IT}"),
    ("did not find expected comment or line break", "problem",
     "лишний текст после «|» или «>»; если это текст, возьмите значение в кавычки"),
)
_GENERIC = "запись не по правилам YAML (проверьте отступы, двоеточия и кавычки)"
#: A value that opens a quote: «key: "…», «- "…».
_OPENING_QUOTE = re.compile(r"""(?:^\s*(?:-\s+)*[^\s#"'][^:#]*:\s+|^\s*(?:-\s+)+)(["'])""")


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
        info = path.stat()
    except OSError as exc:
        return SourceProblem(f"не удалось прочитать файл: {_os_reason(exc)}")
    if not stat.S_ISREG(info.st_mode) and not stat.S_ISDIR(info.st_mode):
        # reading a pipe would wait for a writer forever: a hung pre-commit hook
        return SourceProblem("это не обычный файл (канал, устройство или сокет), в нём нет дорожной карты")
    if too_big := size_problem(info.st_size):
        return too_big
    try:
        data = path.read_bytes()
    except OSError as exc:
        return SourceProblem(f"не удалось прочитать файл: {_os_reason(exc)}")
    return decode(data, encoding)


def size_problem(size: int) -> SourceProblem | None:
    """The refusal of a roadmap over the size bound; the same for files, stdin and git blobs."""
    if size <= MAX_BYTES:
        return None
    return SourceProblem(f"файл слишком большой ({size / 1024 / 1024:.1f} МБ, предел "
                         f"{MAX_BYTES // 1024 // 1024} МБ): это не похоже на дорожную карту")


def decode(data: bytes, encoding: str = Encoding.AUTO) -> str | SourceProblem:
    if encoding != Encoding.AUTO:
        try:
            return data.decode(encoding).lstrip("\ufeff")
        except LookupError:
            return SourceProblem(f"неизвестная кодировка «{encoding}»; например: cp1251, utf-16")
        except UnicodeDecodeError as exc:
            before = data[: exc.start]
            line = before.count(b"\n") + 1
            col = len(before[before.rfind(b"\n") + 1:].decode(encoding, errors="replace")) + 1
            return SourceProblem(
                f"файл не читается в кодировке {encoding}: байт 0x{data[exc.start]:02x} в ней не "
                "встречается; проверьте --encoding (обычно utf-8 или cp1251)", line, col)
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
        return SourceProblem(*_describe(exc, text))
    except YAMLError as exc:
        return SourceProblem(f"ошибка синтаксиса YAML: {_GENERIC} ({exc})")
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


def _describe(exc: Any, text: str) -> tuple[str, int, int]:
    """A Russian message for a libyaml error, and the line and column the mistake is at."""
    problem = " ".join(str(part or "") for part in (exc.context, exc.problem))
    marks = {"problem": exc.problem_mark or exc.context_mark, "context": exc.context_mark or exc.problem_mark}
    where, message = "problem", _GENERIC
    for english, where_, russian in _YAML_MESSAGES:
        if english in problem:
            where, message = where_, russian
            break
    if "quoted scalar" in problem and "end of stream" in problem:
        where, message = "context", "кавычка не закрыта до конца файла"
    mark = marks[where]
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    if "document start" in problem and (stray := _first_content(text)) and stray[0] < line:
        line, col = stray  # a line swapped to the top: the root ended before the roadmap began
        return ("ошибка синтаксиса YAML: строка не на своём месте: карта начинается с ключа у левого "
                "края («title: …»); проверьте отступ или перенесите строку", line, col)
    context_line = exc.context_mark.line + 1 if exc.context_mark else line
    char = _char_at(text, line, col)
    if char == "\t":
        message = "символ табуляции: в YAML отступы делаются только пробелами"
    elif quote := _unclosed_quote(text, context_line, line):
        line, col = quote
        message = f"кавычка «{_char_at(text, line, col)}» не закрыта в конце строки: допишите закрывающую"
    else:
        message = message.format(line=context_line, char=char)
    return f"ошибка синтаксиса YAML: {message}", line, col


def _first_content(text: str) -> tuple[int, int] | None:
    """Line and column of the first line that is neither blank nor a comment."""
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.lstrip()
        if stripped and not stripped.startswith("#"):
            return number, len(line) - len(stripped) + 1
    return None


def _unclosed_quote(text: str, first: int, last: int) -> tuple[int, int] | None:
    """The line (at or before the error) whose quoted value runs on past its end: the usual cause."""
    lines = text.splitlines()
    for number in range(min(last, len(lines)) - 1, max(first, 1) - 2, -1):
        if number + 1 == last:
            continue  # the error line itself: the parser saw it whole
        line = lines[number]
        if (m := _OPENING_QUOTE.match(line)) and not _closes(line[m.end():], m[1]):
            return number + 1, m.start(1) + 1
    return None


def _closes(rest: str, quote: str) -> bool:
    if quote == "'":
        return "'" in rest.replace("''", "")
    return re.search(r'(?<!\\)(?:\\\\)*"', rest) is not None


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
