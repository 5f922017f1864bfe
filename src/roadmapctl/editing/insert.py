"""Where `done` and `extend` put new keys in a ruamel round-trip tree, comments kept in place.

New keys go where docs/format.md puts them (ITEM_KEYS order).  ruamel keeps
a comment (and blank lines) that follows a value with that value, so adding
keys after it would put them below a comment about the next item.  The
comment is split: lines indented at least as deep as the content they follow
stay; the rest (blank lines, notes about the next item) move below what is
added.
"""

from __future__ import annotations

from typing import Any

from roadmapctl.editing import comments
from roadmapctl.model.vocabulary import ITEM_KEYS


def set_key(node: Any, key: str, value: Any) -> None:
    if key in node:
        node[key] = value
    else:
        _insert(node, key, value)


def append_entry(node: Any, key: str, entry: dict[str, Any]) -> None:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    # Nested lists (evidence) as ruamel's own type, so a comment moved below the entry lands
    # after its last element and not between «evidence:» and the list.
    new = CommentedMap({k: CommentedSeq(v) if isinstance(v, list) else v for k, v in entry.items()})
    seq = node.get(key)
    if isinstance(seq, CommentedSeq) and len(seq):
        tail = _pop_after(seq, len(seq) - 1, seq.lc.col + 1)
        seq.append(new)
        _put_tail(seq, len(seq) - 1, tail)
    elif isinstance(seq, CommentedSeq):
        seq.fa.set_block_style()
        seq.append(new)
    else:
        _insert(node, key, CommentedSeq([new]))


def _insert(node: Any, key: str, value: Any) -> None:
    """Insert after the last key that comes before `key` in ITEM_KEYS."""
    rank = ITEM_KEYS.index(key)
    keys = list(node.keys())
    pos = 0
    for i, existing in enumerate(keys):
        if existing in ITEM_KEYS and ITEM_KEYS.index(existing) < rank:
            pos = i + 1
    tail = _pop_after(node, keys[pos - 1], node.lc.col) if pos else None
    node.insert(pos, key, value)
    _put_tail(node, key, tail)


def _pop_after(node: Any, key: Any, indent: int) -> Any:
    """Detach the part of the comment after `key`'s value that belongs to what follows."""
    for container, at in comments.trailing_slots(node, key):
        token = comments.get(container, at)
        if token is not None:
            stay, move = _split(token.value, indent)
            comments.put(container, at, comments.token_like(token, stay) if stay else None)
            return comments.token_like(token, move) if move else None
    return None


def _split(text: str, indent: int) -> tuple[str | None, str | None]:
    """A comment's text cut into (stays, moves): see the section comment above."""
    lines = text.split("\n")
    keep = 1
    while keep < len(lines) - 1 and lines[keep].strip().startswith("#") \
            and len(lines[keep]) - len(lines[keep].lstrip()) >= indent:
        keep += 1
    stay = "\n".join(lines[:keep]) + "\n" if lines[0] or keep > 1 else None
    rest = lines[keep:]
    move = "\n" + "\n".join(rest) if len(rest) > 1 else None
    return stay, move


def _put_tail(node: Any, key: Any, token: Any) -> None:
    """Attach `token` after `key`'s value, at the innermost last element."""
    comments.attach(node, key, [token])
