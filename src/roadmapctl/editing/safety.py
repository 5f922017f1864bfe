"""The one check every in-place edit passes before it writes: the new text only adds lines.

`done`, `extend` and `rollover` (which writes missing `key:` lines into last
year's file) all round-trip YAML through ruamel, which can reformat what it
was not asked to touch: re-indent a list, re-quote a string, move a comment.
Nothing is written unless the old text survives, line for line and in
order, inside the new one; the edit may add lines (of the kinds it allows)
and may change only the few lines it names (`status:` when the status moves,
`completions: []` when the first entry arrives).

The comparison is one pass with two cursors, linear in the file's length: a
general line diff is quadratic on the many identical lines of a large
roadmap.  Since the lines of the old text are all matched, what is left of
the new one does not depend on which copy of a repeated line was matched,
so the greedy pass finds an alignment whenever one exists.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable


def unexpected_changes(before: str, after: str, *, may_add: Callable[[str], object] | None = None,
                       may_change: Iterable[str] = ()) -> list[str]:
    """What the edit would change that it should not: empty when `after` is safe to write.

    The list holds the added lines `may_add` refuses and the first line of
    `before` that `after` does not keep.
    `may_add` says which added lines are allowed (any, by default);
    `may_change` lists key prefixes («status:») of lines that may be
    rewritten in place, each once, at the same indentation.
    """
    old, new = before.splitlines(), after.splitlines()
    changeable = list(may_change)
    wrong: list[str] = []
    i = 0
    for line in new:
        if i < len(old) and line == old[i]:
            i += 1
        elif i < len(old) and (prefix := _same_key(old[i], line, changeable)):
            changeable.remove(prefix)
            i += 1
        elif may_add is not None and not may_add(line):
            wrong.append(line.strip())
    # The first line of the old text the new one does not keep (what follows it is unmatched too).
    wrong.extend(line.strip() for line in old[i:i + 1])
    return wrong


def _same_key(old: str, new: str, prefixes: list[str]) -> str | None:
    """The prefix both lines start with, at the same indentation (`- ` of a list entry aside)."""
    indent = len(old) - len(old.lstrip())
    if len(new) - len(new.lstrip()) != indent:
        return None
    old_key, new_key = old.strip().removeprefix("- "), new.strip().removeprefix("- ")
    return next((p for p in prefixes if old_key.startswith(p) and new_key.startswith(p)), None)
