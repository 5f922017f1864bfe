"""ruamel's comment slots, read and written in one place.

ruamel keeps the comment lines and blank lines that follow a value on that
value: on the deepest last scalar of a block, in `ca.items[key]` — slot 2
of a mapping's entry, slot 0 of a sequence's. Adding keys after a value
(`insert`) or deleting a key (`delete`) must move that text, or a blank line
before the next section or a note about the next item ends up in the wrong
place or is lost. These are the only functions that touch those slots.
"""

from __future__ import annotations

from typing import Any


def _is_seq(node: Any) -> bool:
    return not hasattr(node, "keys")


def _last(node: Any) -> Any:
    return len(node) - 1 if _is_seq(node) else list(node)[-1]


def is_block(value: Any) -> bool:
    """A non-empty round-trip mapping or sequence (what carries its own comment slots)."""
    return hasattr(value, "ca") and len(value) > 0


def trailing_slots(node: Any, key: Any) -> list[tuple[Any, Any]]:
    """Where a comment after `node[key]` may sit: (container, key) pairs, deepest first."""
    chain = [(node, key)]
    while is_block(value := chain[-1][0][chain[-1][1]]):
        chain.append((value, _last(value)))
    return chain[::-1]


def get(container: Any, key: Any) -> Any:
    """The comment token after `container[key]`'s value, if any."""
    entry = container.ca.items.get(key)
    index = 0 if _is_seq(container) else 2
    return entry[index] if entry and len(entry) > index else None


def put(container: Any, key: Any, token: Any) -> None:
    """Set (or clear, with None) the comment after `container[key]`'s value."""
    if _is_seq(container):
        container.ca.items.setdefault(key, [None, None])[0] = token
    else:
        container.ca.items.setdefault(key, [None, None, None, None])[2] = token


def take(container: Any, key: Any) -> Any:
    """Detach and return the comment after `container[key]`'s value."""
    token = get(container, key)
    if token is not None:
        put(container, key, None)
    return token


def attach(node: Any, key: Any, tokens: list[Any]) -> None:
    """Put comment tokens after `node[key]`'s value, at its innermost last element, after any
    comment already there."""
    tokens = [t for t in tokens if t is not None]
    if not tokens:
        return
    container, at = trailing_slots(node, key)[0]
    put(container, at, joined(get(container, at), tokens))


def joined(existing: Any, tokens: list[Any]) -> Any:
    """One comment token holding the text of several, in order."""
    first, *rest = [t for t in (existing, *tokens) if t is not None]
    for token in rest:
        # Each token opens with the line end of the line it followed; one is enough.
        extra = token.value[1:] if first.value.endswith("\n") and token.value.startswith("\n") else token.value
        first.value += extra
    return first


def token_like(like: Any, value: str) -> Any:
    """A new comment token with another text, at the place of `like`."""
    from ruamel.yaml.tokens import CommentToken

    return CommentToken(value, like.start_mark, like.end_mark, like.column)
