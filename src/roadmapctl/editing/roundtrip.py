"""Round-trip editing of roadmap files: change a field, keep every other byte.

Read-only commands use the fast C-backed reader (`yamlsource`); commands that
edit a file (`done`, `extend`, `rollover`) load it here with ruamel's
round-trip mode, which keeps comments, quoting, key order and blank lines,
and write it back atomically.  The dump settings match how roadmapctl and
its users indent: mappings by 2, list items by 4 with the dash at 2.
"""

from __future__ import annotations

from io import StringIO
from pathlib import Path
from typing import Any

from roadmapctl.errors import InputError, OutputError
from roadmapctl.output.fsio import replace_file


def _yaml() -> Any:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 1 << 30  # never fold a long line: an edit must not rewrap what it did not add
    yaml.allow_duplicate_keys = False
    # Keep «[{date: 2024-01-15}]» as written instead of turning it into «[date: …]».
    yaml.brace_single_entry_mapping_in_flow_sequence = True
    return yaml


def load_document(path: Path) -> tuple[Any, str]:
    """The round-trip tree and the original text (for byte comparisons).

    Windows line endings are read as plain newlines (ruamel drops blank lines
    around comments otherwise) and restored by `dump_document`.
    """
    try:
        text = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"не удалось прочитать {path}: {exc}") from None
    source = text.lstrip("\ufeff").replace("\r\n", "\n")
    return load_text(source, path), text


def load_text(source: str, path: Path | None = None) -> Any:
    """The round-trip tree of a text with plain newlines."""
    try:
        return _yaml().load(source)
    except Exception as exc:  # ruamel raises many types; all mean «cannot edit this file»
        raise InputError(
            f"{path}: файл не удаётся разобрать для правки ({type(exc).__name__})",
            f"сначала исправьте ошибки: roadmapctl check {path}",
        ) from None


def dump_document(data: Any, original: str) -> str:
    """The edited document, with the original's BOM and line endings (Windows editors)."""
    buffer = StringIO()
    _yaml().dump(data, buffer)
    text = buffer.getvalue()
    if "\r\n" in original:
        text = text.replace("\n", "\r\n")
    if original.startswith("\ufeff"):
        text = "\ufeff" + text
    return text


def save_document(path: Path, data: Any, original: str) -> None:
    replace_file(path, dump_document(data, original))


def refuse_shared(data: Any, node: Any, key: str, address: str) -> None:
    """Refuse to append to a list (or an item) that a YAML alias shares with another place.

    ruamel loads `*anchor` as the very same object as `&anchor`: appending a
    completion to one item's aliased list would record it on every item
    that names the anchor.  One linear walk counts how often each object is
    reached.
    """
    wanted = {id(node): "item"}
    target = node.get(key)
    if hasattr(target, "append"):
        wanted[id(target)] = "list"
    seen: dict[int, int] = {}
    stack = [data]
    while stack:
        current = stack.pop()
        children = current.values() if hasattr(current, "values") else current if isinstance(current, list) else ()
        for child in children:
            if not isinstance(child, (dict, list)):
                continue
            ident = id(child)
            seen[ident] = seen.get(ident, 0) + 1
            if seen[ident] == 1:
                stack.append(child)
    shared = [what for ident, what in wanted.items() if seen.get(ident, 0) > 1]
    if shared:
        raise shared_error("item" if "item" in shared else "list", key, address)


def shared_error(what: str, key: str, address: str) -> OutputError:
    """The refusal to edit data a YAML alias shares between two places."""
    if what == "item":
        return OutputError(f"мероприятие {address} записано через ссылку YAML (&якорь / *якорь) и "
                           "совпадает с другим местом карты: запись попала бы в оба",
                           "замените ссылку полной записью мероприятия")
    return OutputError(f"{key} мероприятия {address} — ссылка YAML (&якорь / *якорь), общая с "
                       "другим мероприятием: запись попала бы в оба",
                       f"запишите у мероприятия собственный список {key} вместо ссылки")
