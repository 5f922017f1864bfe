"""The one safety check of in-place edits (`editing.safety`): only additions, named changes once."""

from __future__ import annotations

import random

from hypothesis import given
from hypothesis import strategies as st

from roadmapctl.editing.safety import unexpected_changes

ITEM = """\
  - number: "1.1"
    title: План
    status: in_progress
    completions: []
  - number: "1.2"
    title: План
"""


def _key_line(line: str) -> bool:
    return line.lstrip().removeprefix("- ").startswith("key: ")


def test_added_lines_are_allowed_and_a_lost_line_is_not() -> None:
    added = ITEM.replace("    title: План\n    status", "    title: План\n    note: новое\n    status")
    assert unexpected_changes(ITEM, added) == []
    assert unexpected_changes(ITEM, ITEM.replace("    note: x\n", "")) == []
    assert unexpected_changes(ITEM, ITEM.replace('  - number: "1.2"\n', "")) == ['- number: "1.2"']


def test_a_changed_line_is_refused_unless_named_and_then_only_once() -> None:
    done = ITEM.replace("status: in_progress", "status: done").replace(
        "completions: []", "completions:\n    - date: 2026-01-10")
    assert unexpected_changes(ITEM, done) != []
    assert unexpected_changes(ITEM, done, may_change=["status:"]) == ["completions: []"]
    assert unexpected_changes(ITEM, done, may_change=["status:", "completions:"]) == []
    twice = done.replace("title: План\n    status", "title: Отчёт\n    status", 1)
    assert unexpected_changes(ITEM, twice, may_change=["status:", "completions:"]) != []


def test_a_named_change_keeps_its_indentation() -> None:
    moved = ITEM.replace("    status: in_progress", "      status: done")
    assert unexpected_changes(ITEM, moved, may_change=["status:"]) == ["status: in_progress"]


def test_only_allowed_kinds_of_lines_may_be_added() -> None:
    keyed = ITEM.replace('  - number: "1.1"\n', '  - number: "1.1"\n    key: plan-1\n')
    assert unexpected_changes(ITEM, keyed, may_add=_key_line) == []
    noted = keyed.replace("    key: plan-1\n", "    key: plan-1\n    note: x\n")
    assert unexpected_changes(ITEM, noted, may_add=_key_line) == ["note: x"]


def test_repeated_lines_do_not_fool_the_one_pass() -> None:
    """Many identical lines: an added copy matched first leaves the same lines over."""
    before = "a\n" * 5 + "b\n" + "a\n" * 5
    assert unexpected_changes(before, "a\n" * 6 + "b\n" + "a\n" * 5) == []
    assert unexpected_changes(before, "a\n" * 5 + "b\n" + "a\n" * 4) == ["a"]
    assert unexpected_changes(before, "a\n" * 11) == ["b"]


@given(st.lists(st.sampled_from(["a", "b", "- key: k", "  c"]), max_size=30), st.randoms())
def test_inserting_allowed_lines_anywhere_is_safe_and_dropping_one_is_not(lines: list[str],
                                                                          rng: random.Random) -> None:
    before = "".join(f"{line}\n" for line in lines)
    after = list(lines)
    for _ in range(rng.randint(0, 5)):
        after.insert(rng.randint(0, len(after)), "  key: new")
    assert unexpected_changes(before, "".join(f"{line}\n" for line in after), may_add=_key_line) == []
    if lines:
        del after[next(i for i, line in enumerate(after) if line != "  key: new")]
        assert unexpected_changes(before, "".join(f"{line}\n" for line in after), may_add=_key_line) != []
