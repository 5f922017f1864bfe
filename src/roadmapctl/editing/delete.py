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

from roadmapctl.editing import comments


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
    slots = comments.trailing_slots(mapping, key)
    below = next((t for container, at in slots[:-1] if (t := comments.take(container, at)) is not None), None)
    carried = [t for t in (below, comments.take(mapping, key)) if t is not None]
    del mapping[key]
    index = keys.index(key)
    if carried and index > 0:
        comments.attach(mapping, keys[index - 1], carried)
