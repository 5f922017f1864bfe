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

from roadmapctl.errors import InputError
from roadmapctl.fsio import write_atomic


def _yaml() -> Any:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096
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
    try:
        data = _yaml().load(source)
    except Exception as exc:  # ruamel raises many types; all mean «cannot edit this file»
        raise InputError(
            f"{path}: файл не удаётся разобрать для правки ({type(exc).__name__})",
            f"сначала исправьте ошибки: roadmapctl check {path}",
        ) from None
    return data, text


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
    write_atomic(path, dump_document(data, original), overwrite=True)
