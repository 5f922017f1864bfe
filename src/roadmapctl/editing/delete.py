"""Deleting keys from a ruamel round-trip tree without losing what followed them.

ruamel keeps the comments and blank lines that follow a value on that value
(on the deepest last scalar of a block).  Deleting `completions:` from the
last measure of a section would therefore also delete the blank line before
the next section, and deleting `date:` from an order the comment about the
field after it.  `drop_key` moves those onto the value before the deleted
key, so the rest of the file reads exactly as before.
"""

from __future__ import annotations

from typing import Any


def same_style(old: Any, text: str) -> Any:
    """A new text written with the old value's quoting."""
    from ruamel.yaml.scalarstring import ScalarString

    return type(old)(text) if isinstance(old, ScalarString) else text


def drop_key(mapping: Any, key: str) -> None:
    """Delete a key but keep the comments and blank lines that followed it.

    ruamel keeps what follows a value (comment lines, blank lines) on that
    value — on the deepest last scalar of a block; deleting the key would
    delete them too, so they are moved onto the value before it.
    """
    keys = list(mapping)
    carried = [t for t in (_take_trailing(mapping[key]), _pop_post(mapping, key)) if t is not None]
    del mapping[key]
    index = keys.index(key)
    if not carried or index == 0:
        return
    previous = keys[index - 1]
    if hasattr(mapping[previous], "ca") and len(mapping[previous]):
        _put_trailing(mapping[previous], carried)
    else:
        entry = mapping.ca.items.setdefault(previous, [None, None, None, None])
        entry[2] = _joined(entry[2], carried)


def _pop_post(node: Any, key: Any) -> Any:
    entry = node.ca.items.get(key)
    slot = 2 if hasattr(node, "keys") else 0
    if entry and len(entry) > slot and entry[slot] is not None:
        token, entry[slot] = entry[slot], None
        return token
    return None


def _take_trailing(node: Any) -> Any:
    """Detach the comment after the deepest last value of a block, if any."""
    if not hasattr(node, "ca") or not len(node):
        return None
    last = list(node)[-1] if hasattr(node, "keys") else len(node) - 1
    return _take_trailing(node[last]) or _pop_post(node, last)


def _put_trailing(node: Any, tokens: list[Any]) -> None:
    last = list(node)[-1] if hasattr(node, "keys") else len(node) - 1
    if hasattr(node[last], "ca") and len(node[last]):
        _put_trailing(node[last], tokens)
        return
    slot = 2 if hasattr(node, "keys") else 0
    entry = node.ca.items.setdefault(last, [None, None, None, None] if slot == 2 else [None, None])
    entry[slot] = _joined(entry[slot], tokens)


def _joined(existing: Any, tokens: list[Any]) -> Any:
    """One comment token holding the text of several, in order."""
    first, *rest = [t for t in (existing, *tokens) if t is not None]
    for token in rest:
        # Each token opens with the line end of the line it followed; one is enough.
        extra = token.value[1:] if first.value.endswith("\n") and token.value.startswith("\n") else token.value
        first.value += extra
    return first
