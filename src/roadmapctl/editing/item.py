"""Adding one entry to one item of a roadmap file, changing nothing but what is added.

`completions` decides what to record; this module writes it.  The item's
own lines are round-tripped where possible (`splice`, fast on a file of any
size), else the whole file (`roundtrip`); either way the result passes the
one safety check of in-place edits (`safety`): if anything but the added
lines (and the `status:` line, an empty «key: []») would change, nothing is
written.
Lists shared through YAML aliases and items written in one line are refused.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from roadmapctl.errors import InputError, OutputError

if TYPE_CHECKING:
    from roadmapctl.tracking import TrackedItem


def as_written(value: str) -> Any:
    """A user's text as YAML keeps it: line breaks YAML folds (NEL, LS, PS, tabs, control
    characters) are written as escapes in double quotes, and the text reads back unchanged."""
    if value.isprintable() and "\x85" not in value:
        return value
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    return DoubleQuotedScalarString(value)


def add_entry(path: Path, item: TrackedItem, key: str, entry: dict[str, Any], status: str | None) -> None:
    """Add `entry` to the item's `key` list (and set its status) in the file, touching nothing else."""
    from roadmapctl.editing.splice import NotLocal
    from roadmapctl.output.fsio import replace_file

    try:
        text = _edit_item_only(path, item, key, entry, status)
    except NotLocal:
        text = _edit_whole_file(path, item, key, entry, status)
    replace_file(path, text)


def _apply(node: Any, key: str, entry: dict[str, Any], status: str | None, address: str) -> list[str]:
    """Change the round-trip node of the item; the lines that may change (not only be added)."""
    from roadmapctl.editing.insert import append_entry, set_key

    _refuse_one_line(node, key, address)
    may_change = []  # lines that are edited rather than added: the status, an empty «key: []»
    if status is not None and node.get("status") != status:
        may_change.append("status:")
        set_key(node, "status", status)
    if key in node and not node[key]:
        may_change.append(f"{key}:")
    append_entry(node, key, entry)
    return may_change


def _edit_item_only(path: Path, item: TrackedItem, key: str, entry: dict[str, Any],
                    status: str | None) -> str:
    """The fast way (`yamlsplice`): round-trip only the item's own lines."""
    from roadmapctl.editing.roundtrip import dump_document, load_text, shared_error
    from roadmapctl.editing.splice import NotLocal, cut, find_item, paste, shared, value_of

    try:
        original = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        raise NotLocal from None
    source = original.lstrip("\ufeff").replace("\r\n", "\n")
    lines = source.split("\n")
    piece = find_item(lines, source, item.steps)
    if found := shared(piece.root, [piece.node, value_of(piece.node, key)]):
        raise shared_error("item" if found[0] is piece.node else "list", key, item.address)
    try:
        data = load_text(cut(lines, piece))
    except InputError:  # an alias to an anchor outside the item, a tag …
        raise NotLocal from None
    node = data["items"][0]
    may_change = _apply(node, key, entry, status, item.address)
    edited = paste(dump_document(data, ""), piece)
    try:
        _only_additions("\n".join(lines[piece.start:piece.end]) + "\n", "\n".join(edited) + "\n",
                        path, may_change)
    except OutputError:
        raise NotLocal from None
    text = "\n".join(lines[:piece.start] + edited + lines[piece.end:])
    if "\r\n" in original:
        text = text.replace("\n", "\r\n")
    return "\ufeff" + text if original.startswith("\ufeff") else text


def _edit_whole_file(path: Path, item: TrackedItem, key: str, entry: dict[str, Any],
                     status: str | None) -> str:
    """The general way: round-trip the whole file (slow on very big files)."""
    from roadmapctl.editing.roundtrip import load_document

    data, original = load_document(path)
    return _edit_tree(data, original, path, item, key, entry, status)


def _edit_tree(data: Any, original: str, path: Path, item: TrackedItem, key: str, entry: dict[str, Any],
               status: str | None) -> str:
    """`_edit_whole_file` on the round-trip tree of `path` and its text, loaded already (the tree
    is changed in place)."""
    from roadmapctl.editing.roundtrip import dump_document, refuse_shared

    node = data
    for name, index in item.steps:
        node = node[name][index]
    refuse_shared(data, node, key, item.address)
    may_change = _apply(node, key, entry, status, item.address)
    # A file saved without a final newline is compared with one and written back without it.
    eol = "" if original.endswith("\n") else "\r\n" if "\r\n" in original else "\n"
    text = dump_document(data, original)
    _only_additions(original + eol, text, path, may_change)
    return text.removesuffix(eol)


def _refuse_one_line(node: Any, key: str, address: str) -> None:
    """An item or a non-empty list written in one line ({…}, […]) cannot grow by added lines."""
    entries = node.get(key)
    if node.fa.flow_style():
        what = f"мероприятие {address} записано"
    elif entries and hasattr(entries, "fa") and entries.fa.flow_style():
        what = f"{key} мероприятия {address} записаны"
    else:
        return
    raise OutputError(f"{what} в одну строку: отметку не добавить, не переписав эту строку",
                      "запишите по строкам (ключ: значение, «- » для элементов списка) "
                      "или внесите отметку вручную")


def _only_additions(before: str, after: str, path: Path, may_change: list[str]) -> None:
    """Refuse to write when anything but added lines (and the `may_change` ones) would change."""
    from roadmapctl.editing.safety import unexpected_changes

    if unexpected_changes(before, after, may_change=may_change):
        raise OutputError(f"не удалось внести отметку в {path}, не изменив оформление файла",
                          "внесите её вручную (см. docs/format.md) и сообщите разработчикам")
