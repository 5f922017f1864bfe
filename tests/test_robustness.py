"""Bad input never crashes; writes never leave a half-written file.

Property tests feed random text and mutated real roadmaps to the loader and
the rules: the invariant is a result or a diagnostic, never an exception, and
the same input always gives the same findings.
"""

from __future__ import annotations

import os
import pickle
import signal
import subprocess
import sys
import textwrap
import time
from datetime import date
from functools import cache
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROADMAPS
from roadmapctl.reading import check, read
from roadmapctl.reading.loader import load_text

AS_OF = date(2024, 6, 1)
SEEDS = [p.read_text(encoding="utf-8") for p in sorted(ROADMAPS.glob("*.yaml"))]
SETTINGS = settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])  # examples: the profile


def findings(text: str) -> list[str]:
    """What `check` says about the text, through the one load path every command uses."""
    problems = check(read("x.yaml", data=text.encode("utf-8")), AS_OF)
    return [f"{p.line}:{p.col}:{p.code}:{p.message}" for p in problems]


@SETTINGS
@given(st.text(max_size=400))
def test_any_text_gives_findings_not_exceptions(text: str) -> None:
    assert findings(text) == findings(text)


yaml_ish = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=20),
              st.dates().map(str)),
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.sampled_from(["title", "period", "sections", "items", "number",
                                         "deadline", "executors", "status", "completions",
                                         "date", "due", "id", "name", "order", "points", "x"]),
                        children, max_size=5)),
    max_leaves=25)


@SETTINGS
@given(yaml_ish)
def test_random_documents_of_roadmap_words(data: object) -> None:
    import json

    text = json.dumps({"title": "t", "period": "2023/2024", "sections": [data]}, ensure_ascii=False)
    assert findings(text) == findings(text)


@st.composite
def mutated_roadmap(draw: st.DrawFn) -> str:
    lines = draw(st.sampled_from(SEEDS)).splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 6))):
        if not lines:
            break
        where = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "indent", "dedent", "duplicate", "cut", "swap"]))
        if action == "delete":
            del lines[where]
        elif action == "indent":
            lines[where] = "  " + lines[where]
        elif action == "dedent":
            lines[where] = lines[where][2:]
        elif action == "duplicate":
            lines.insert(where, lines[where])
        elif action == "cut":
            lines = lines[:where]
        else:
            other = draw(st.integers(0, len(lines) - 1))
            lines[where], lines[other] = lines[other], lines[where]
    return "".join(lines)


@SETTINGS
@given(mutated_roadmap())
def test_mutated_real_roadmaps(text: str) -> None:
    assert findings(text) == findings(text)


def test_kill_during_write_leaves_old_or_new_file(tmp_path: Path) -> None:
    target = tmp_path / "roadmap.yaml"
    old = "title: старая\n" * 1000
    new = "title: новая\n" * 400_000
    target.write_text(old, encoding="utf-8")
    script = textwrap.dedent(f"""
        from pathlib import Path
        from roadmapctl.output.fsio import write_atomic
        old, new = "title: старая\\n" * 1000, "title: новая\\n" * 400_000
        while True:
            write_atomic(Path({str(target)!r}), new, overwrite=True)
            write_atomic(Path({str(target)!r}), old, overwrite=True)
    """)
    for delay in (0.05, 0.12, 0.2, 0.31, 0.45):
        proc = subprocess.Popen([sys.executable, "-c", script])
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        content = target.read_text(encoding="utf-8")
        assert content in (old, new)
    leftovers = [p.name for p in tmp_path.iterdir() if p.name != "roadmap.yaml"]
    for name in leftovers:  # a killed writer may leave its temp file, never a broken target
        assert name.startswith(".roadmap.yaml.") and name.endswith(".tmp")


def test_ctrl_c_mid_write_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "roadmap.yaml"
    target.write_text("title: старая\n", encoding="utf-8")
    script = textwrap.dedent(f"""
        from pathlib import Path
        from roadmapctl.output.fsio import write_atomic
        import sys
        print("ready", flush=True)
        while True:
            write_atomic(Path({str(target)!r}), "title: новая\\n" * 300_000, overwrite=True)
            write_atomic(Path({str(target)!r}), "title: старая\\n", overwrite=True)
    """)
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "ready"
    time.sleep(0.3)
    proc.send_signal(signal.SIGINT)
    proc.wait(timeout=30)
    assert target.read_text(encoding="utf-8") in ("title: старая\n", "title: новая\n" * 300_000)
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    import pytest

    from roadmapctl.errors import OutputError
    from roadmapctl.output.fsio import write_atomic

    target = tmp_path / "out.html"
    target.write_text("важное", encoding="utf-8")
    with pytest.raises(OutputError) as exc:
        write_atomic(target, "новое", overwrite=False)
    assert exc.value.message == f"файл {target} уже существует"
    # the domain does not name options: the command line adds «--force» (main.run)
    assert type(exc.value).__name__ == "OutputExists" and exc.value.hint is None
    assert target.read_text(encoding="utf-8") == "важное"


def test_permissions_are_kept(tmp_path: Path) -> None:
    from roadmapctl.output.fsio import write_atomic

    target = tmp_path / "roadmap.yaml"
    target.write_text("a", encoding="utf-8")
    os.chmod(target, 0o640)
    write_atomic(target, "b", overwrite=True)
    assert (target.stat().st_mode & 0o777, target.read_text(encoding="utf-8")) == (0o640, "b")


PHRASES = ["октябрь", "Октябрь – ноябрь", "ежегодно", "постоянно", "до 20 июня", "в течение года",
           "как получится", "2 раза в год", "Декабрь 2023 г."]


def duplicate(roadmap):  # type: ignore[no-untyped-def]
    """A deep copy (shared references stay shared) through pickle: four times faster than
    `copy.deepcopy` on the slotted model classes, and the properties copy on every example."""
    return pickle.loads(pickle.dumps(roadmap, pickle.HIGHEST_PROTOCOL))


@cache
def seed_models() -> list:
    """The seed roadmaps, loaded once (examples deep-copy them)."""
    return [load_text(text, "x.yaml").roadmap for text in SEEDS]


# A comparison takes ~0.1 s: the diff properties run on a quarter of the profile's examples.
DIFF_SETTINGS = settings(SETTINGS, max_examples=max(10, settings.default.max_examples // 4))


@st.composite
def edited_model(draw: st.DrawFn, start=None):  # start: a Roadmap, or None for a seed
    """A valid roadmap edited the way people edit next year's copy."""
    roadmap = start or duplicate(draw(st.sampled_from(seed_models())))
    entries = list(roadmap.walk())
    for _ in range(draw(st.integers(0, 8))):
        entry = draw(st.sampled_from(entries))
        action = draw(st.sampled_from(["title", "deadline", "number", "drop", "executors"]))
        if action == "title":
            entry.item.title = draw(st.text(min_size=1, max_size=60))
        elif action == "deadline":
            entry.item.deadline = draw(st.sampled_from(PHRASES))
            entry.item.due = ()
        elif action == "number":
            entry.item.number = draw(st.sampled_from([None, "1.1", "9.9", "2.10", ""]))
        elif action == "drop":
            container = entry.parent.items if entry.parent else entry.section.items
            if entry.item in container:
                container.remove(entry.item)
        else:
            entry.item.executors = entry.item.executors[:draw(st.integers(0, 2))]
    return roadmap


@st.composite
def edited_pair(draw: st.DrawFn):
    """Two editions of one seed roadmap: this year's and next year's copy."""
    first = draw(edited_model())
    return first, draw(edited_model(duplicate(first)))


def item_labels(refs) -> list[tuple[str, str]]:
    return sorted((ref.label, ref.title) for ref in refs)


@DIFF_SETTINGS
@given(edited_model())
def test_a_roadmap_compared_with_itself_has_no_changes(roadmap) -> None:
    from roadmapctl.diff import compare

    diff = compare(roadmap, duplicate(roadmap))
    assert not diff.has_changes, diff
    assert diff.unchanged_count == sum(1 for _ in roadmap.walk())


@DIFF_SETTINGS
@given(edited_pair())
def test_swapping_arguments_swaps_added_and_removed(pair) -> None:
    from roadmapctl.diff import compare

    old, new = pair
    forward, backward = compare(old, new), compare(new, old)
    assert item_labels(forward.added) == item_labels(backward.removed)
    assert item_labels(forward.removed) == item_labels(backward.added)
    assert len(forward.changed) == len(backward.changed)
    assert forward.has_changes == backward.has_changes


def test_writing_onto_a_folder_says_so(tmp_path: Path) -> None:
    import pytest

    from roadmapctl.errors import OutputError
    from roadmapctl.output.fsio import write_atomic

    with pytest.raises(OutputError) as exc:
        write_atomic(tmp_path, "x", overwrite=False)
    assert (exc.value.message, exc.value.hint) == (f"{tmp_path} — это папка, а не файл",
                                                   "укажите имя файла внутри неё")


def test_round_trip_keeps_single_entry_mappings_in_flow_lists(tmp_path: Path) -> None:
    from roadmapctl.editing.roundtrip import dump_document, load_document

    path = tmp_path / "flow.yaml"
    path.write_text("completions: [{date: 2024-01-15}]\nexecutors: [uo, {id: oo, note: x}]\n",
                    encoding="utf-8")
    data, original = load_document(path)
    assert dump_document(data, original) == original
