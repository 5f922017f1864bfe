"""Reading a roadmap file into YAML nodes that remember their positions.

Read-only commands parse with libyaml's C parser and composer (PyYAML's
binding, the fastest that keeps positions) and walk the composed nodes, whose
marks carry line and column: this is several times
faster than the round-trip loader and keeps every position.  No implicit type
resolution happens here (every plain scalar stays text), so «2.10» can never
turn into the float 2.1; the loader decides types field by field.

Everything that can go wrong with the bytes of a file (encoding, size, binary
content, YAML syntax, alias bombs) comes back as a `SourceProblem`.
"""

from __future__ import annotations

import codecs
import stat
from pathlib import Path
from typing import Any

from roadmapctl.limits import MAX_ALIAS_EXPANSION
from roadmapctl.limits import MAX_ROADMAP_BYTES as MAX_BYTES
from roadmapctl.model.records import Value


class SourceProblem(Value):
    __slots__ = ("col", "line", "message")
    message: str
    line: int
    col: int

    def __init__(self, message: str, line: int = 1, col: int = 1) -> None:
        self.message = message
        self.line = line
        self.col = col


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
            text = data.decode(encoding).lstrip("\ufeff")
        except LookupError:
            return SourceProblem(f"неизвестная кодировка «{encoding}»; например: cp1251, utf-16")
        except UnicodeDecodeError as exc:
            before = data[: exc.start]
            line = before.count(b"\n") + 1
            col = len(before[before.rfind(b"\n") + 1:].decode(encoding, errors="replace")) + 1
            return SourceProblem(
                f"файл не читается в кодировке {encoding}: байт 0x{data[exc.start]:02x} в ней не "
                "встречается; проверьте --encoding (обычно utf-8 или cp1251)", line, col)
        if "\x00" in text:
            guess = _wide_encoding(data)
            declared = codecs.lookup(encoding).name.replace("-le", "").replace("-be", "")
            if guess and codecs.lookup(guess).name == declared:
                guess = None
            return SourceProblem(
                f"файл не читается в кодировке {encoding}: в тексте получились нулевые символы; "
                + (f"похоже, он в кодировке {guess}: укажите --encoding {guess.lower()}" if guess
                   else "проверьте --encoding (обычно utf-8 или cp1251)"))
        return text
    if guess := _wide_encoding(data):
        return SourceProblem(
            f"файл сохранён в кодировке {guess}; сохраните его в UTF-8 "
            "(в Блокноте: «Сохранить как» → кодировка UTF-8) "
            f"или укажите --encoding {guess.lower()}"
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


def _wide_encoding(data: bytes) -> str | None:
    """«UTF-32» or «UTF-16» when the bytes look like it (by the BOM, else by zero bytes)."""
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "UTF-32"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "UTF-16"
    head = data[:200]
    if len(head) >= 8 and (head[2::4] + head[3::4]).count(0) == len(head) // 2:
        return "UTF-32"  # little-endian; big-endian has its zeros first
    if len(head) >= 8 and (head[0::4] + head[1::4]).count(0) == len(head) // 2:
        return "UTF-32"
    if len(head) >= 4 and head[1::2].count(0) > len(head) // 4:
        return "UTF-16"
    return None


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


_COMPOSER: Any = None


def _composer() -> Any:
    """libyaml's C parser and composer (PyYAML) with no type resolution at all.

    Every untagged scalar is text, every collection a plain map or sequence;
    `resolve` is the only Python called per node, so it is a dictionary lookup.
    """
    global _COMPOSER
    if _COMPOSER is None:
        from yaml._yaml import CParser
        from yaml.nodes import MappingNode, ScalarNode, SequenceNode

        tags = {ScalarNode: "tag:yaml.org,2002:str", SequenceNode: "tag:yaml.org,2002:seq",
                MappingNode: "tag:yaml.org,2002:map"}

        class Composer(CParser):
            def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
                return tags[kind]

            def descend_resolver(self, *_: Any) -> None:
                pass

            def ascend_resolver(self, *_: Any) -> None:
                pass

        _COMPOSER = Composer
    return _COMPOSER


# The last text composed and its root node.  An in-place edit (`done`, `extend`,
# `rollover`) reads the file to check it and then finds the item in the very same
# text: on a 5,000-item file the second C parse cost as much as the first.  Nodes
# are never changed after composing, so sharing the root is safe; one entry keeps
# memory flat over a batch of files (a new text only costs a length comparison).
_LAST: tuple[str, Any] = ("", None)


def compose(text: str) -> Any | SourceProblem | None:
    """YAML text → the root node (None for an empty document).

    The text is checked before libyaml sees it (nesting deep enough to
    overflow the C composer) and after (alias bombs); a character YAML
    forbids is named with its line when libyaml refuses the text.
    Nodes are PyYAML's: `tag`, `value`, `style`, `flow_style`, and
    `start_mark`/`end_mark` with 0-based `line` and `column`.
    """
    global _LAST
    if _LAST[1] is not None and _LAST[0] == text:
        return _LAST[1]
    from roadmapctl.reading.yamlguard import alias_expansion, alias_message, forbidden_character, too_deep

    if (refused := too_deep(text)) is not None:
        return SourceProblem(*(forbidden_character(text) or refused))
    from yaml.error import MarkedYAMLError, YAMLError

    try:
        node = _composer()(text).get_single_node()
    except (YAMLError, UnicodeError) as exc:
        # libyaml reads every character and refuses those YAML forbids («control characters
        # are not allowed», at the start of its buffer): the scan that names the first one
        # with its line runs only then, not on every file that is fine.
        if (forbidden := forbidden_character(text)) is not None:
            return SourceProblem(*forbidden)
        if isinstance(exc, MarkedYAMLError):
            from roadmapctl.reading.yamlerrors import describe

            return SourceProblem(*describe(exc, text))
        from roadmapctl.reading.yamlerrors import GENERIC

        return SourceProblem(f"ошибка синтаксиса YAML: {GENERIC} ({exc})")
    if node is not None and alias_expansion(text, node) > MAX_ALIAS_EXPANSION:
        return SourceProblem(alias_message(), node.start_mark.line + 1, node.start_mark.column + 1)
    if node is not None:
        _LAST = (text, node)
    return node
