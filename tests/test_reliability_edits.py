"""Editing a roadmap in place (done, extend, rollover) loses nothing (issue #13, cases 1, 3, 5, 6, 19, 20)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from functools import partial
from pathlib import Path
from typing import Any

import pytest

from conftest import ROADMAPS

HEAD = """\
format: 1
title: Дорожная карта
period: 2023/2024
executors:
  uo:
    name: Управление образования
sections:
  - number: "1"
    title: Раздел
    items:
"""


def _item(number: str, title: str = "Мероприятие", deadline: str = "до 1 октября 2023") -> str:
    return (f'      - number: "{number}"\n        title: {title} {number}\n'
            f"        executors: [uo]\n        deadline: {deadline}\n")


def _roadmap(path: Path, count: int) -> Path:
    path.write_text(HEAD + "".join(_item(f"1.{i}") for i in range(1, count + 1)), encoding="utf-8")
    return path


# The command that marks one item: `done`, or `extend` for «+N». Text, so that the new interpreters
# of `_WORKER` run the very same lines as the forked processes of `_edit_all`.
_ARGS = textwrap.dedent("""
    def edit_args(path, item):
        if item.startswith("+"):
            return ["extend", path, item[1:], "--to", "2023-11-20", "--reason", "болезнь", "--on", "2023-09-20"]
        return ["done", path, item, "--on", "2023-09-20"]
""")
_NAMES: dict[str, Any] = {}
exec(_ARGS, _NAMES)  # the module's own text above
edit_args = _NAMES["edit_args"]

# Marks every item named on the command line, one after another, in this process; two such
# processes run against one file at the same time.
_WORKER = _ARGS + textwrap.dedent("""
    import sys
    from roadmapctl.main import run
    path, *items = sys.argv[1:]
    print(" ".join(str(run(edit_args(path, item))) for item in items))
""")


def _edit_all(path: str, items: list[str], conn: Any) -> None:
    """`_WORKER` in a process forked from this one: sends back the exit codes and stderr."""
    import contextlib
    import io

    from roadmapctl.main import run

    codes, err = [], io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        for item in items:
            codes.append(run(edit_args(path, item)))
    conn.send((codes, err.getvalue()))
    conn.close()


def _race(path: Path, first: list[str], second: list[str], real: bool) -> list[list[int]]:
    """Two processes edit one file at the same time, each its list of items one after another.

    With `real` (the thorough profile) each is a new interpreter (`_WORKER`); by default they are
    forked from this one, which has imported roadmapctl already: two processes all the same, each
    with its own lock and its own writes, racing from the first edit instead of after start-up.
    `test_real_runs_in_pairs` races new interpreters by default."""
    if not real:
        import multiprocessing

        context = multiprocessing.get_context("fork")
        started = []
        for items in (first, second):
            receive, send = context.Pipe(duplex=False)
            proc = context.Process(target=_edit_all, args=(str(path), items, send))
            proc.start()
            send.close()
            started.append((proc, receive))
        results = [receive.recv() for _, receive in started]
        for (proc, _), (_, err) in zip(started, results, strict=True):
            proc.join(timeout=600)
            assert proc.exitcode == 0, err
            assert "Traceback" not in err
        return [codes for codes, _ in results]
    procs = [subprocess.Popen([sys.executable, "-c", _WORKER, str(path), *items],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for items in (first, second)]
    outs = [p.communicate(timeout=600) for p in procs]
    for proc, (_, err) in zip(procs, outs, strict=True):
        assert proc.returncode == 0, err
        assert "Traceback" not in err
    return [[int(c) for c in out.splitlines()[-1].split()] for out, _ in outs]


def _marks(path: Path) -> dict[str, int]:
    from roadmapctl.reading.loader import load

    roadmap = load(path).roadmap
    assert roadmap is not None
    return {e.item.number: len(e.item.completions) + len(e.item.extensions) for e in roadmap.walk()}


def test_fifty_concurrent_pairs_of_edits_lose_nothing(tmp_path: Path, thorough_run: bool) -> None:
    pairs = 50 if thorough_run else 10
    path = _roadmap(tmp_path / "m.yaml", 2 * pairs)
    # 50 pairs (10 by default): each `done` of one process runs alongside a `done` or `extend` of the other
    first = [f"1.{i}" for i in range(1, pairs + 1)]
    second = [f"+1.{i}" if i % 2 else f"1.{i}" for i in range(pairs + 1, 2 * pairs + 1)]
    codes = _race(path, first, second, real=thorough_run)
    assert codes == [[0] * pairs, [0] * pairs]
    assert _marks(path) == {f"1.{i}": 1 for i in range(1, 2 * pairs + 1)}
    assert not [p.name for p in tmp_path.iterdir() if p.name != "m.yaml"]  # no lock or temp file left


def test_the_same_item_marked_twice_at_once_is_recorded_once(tmp_path: Path, thorough_run: bool) -> None:
    count = 30 if thorough_run else 6  # each pair of edits races for the lock; 6 races by default
    path = _roadmap(tmp_path / "m.yaml", count)
    items = [f"1.{i}" for i in range(1, count + 1)]
    first, second = _race(path, items, items, real=thorough_run)
    assert sorted(set(first + second)) in ([0, 2], [0])
    assert [sorted((a, b)) for a, b in zip(first, second, strict=True)] == [[0, 2]] * count  # one recorded, one refused
    assert _marks(path) == {item: 1 for item in items}


def test_real_runs_in_pairs(tmp_path: Path, thorough_run: bool) -> None:
    base = _roadmap(tmp_path / "base.yaml", 2)
    for _ in range(3 if thorough_run else 1):
        path = tmp_path / "m.yaml"
        shutil.copyfile(base, path)
        cmd = [sys.executable, "-m", "roadmapctl"]
        a = subprocess.Popen([*cmd, "done", str(path), "1.1", "--on", "2023-10-05"], stdout=subprocess.PIPE)
        b = subprocess.Popen([*cmd, "done", str(path), "1.2", "--on", "2023-12-05"], stdout=subprocess.PIPE)
        assert (a.wait(timeout=120), b.wait(timeout=120)) == (0, 0)
        assert path.read_text(encoding="utf-8").count("date: 2023-") == 2


def test_a_held_lock_makes_an_edit_wait_then_give_up(cli, tmp_path: Path, monkeypatch) -> None:
    from roadmapctl.editing import lock as filelock

    path = _roadmap(tmp_path / "m.yaml", 2)
    before = path.read_bytes()
    monkeypatch.setattr(filelock, "EDIT_LOCK_SECONDS", 0.2)
    with filelock.edit_lock(path):
        result = cli("done", path, "1.1", "--on", "2023-09-20")
    assert result.code == 2
    assert result.err.startswith(f"roadmapctl: ошибка: файл {path} сейчас изменяет другая команда roadmapctl")
    assert path.read_bytes() == before
    assert cli("done", path, "1.1", "--on", "2023-09-20").code == 0


def test_edit_through_a_symlink_changes_the_real_file_and_keeps_the_link(cli, tmp_path: Path) -> None:
    real = _roadmap(tmp_path / "real.yaml", 2)
    (tmp_path / "links").mkdir()
    link = tmp_path / "links" / "map.yaml"
    link.symlink_to(real)
    assert cli("done", link, "1.1", "--on", "2023-09-20").code == 0
    assert cli("extend", link, "1.2", "--to", "2023-11-20", "--reason", "болезнь", "--on", "2023-09-20").code == 0
    assert link.is_symlink() and os.readlink(link) == str(real)
    text = real.read_text(encoding="utf-8")
    assert "date: 2023-09-20" in text and "reason: болезнь" in text
    assert [p.name for p in (tmp_path / "links").iterdir()] == ["map.yaml"]


def test_rollover_through_a_symlink_keeps_the_link(cli, tmp_path: Path) -> None:
    real = tmp_path / "lysva-2021-2022.yaml"
    shutil.copyfile(ROADMAPS / "lysva-2021-2022.yaml", real)
    link = tmp_path / "link-2021-2022.yaml"
    link.symlink_to(real)
    before = real.read_text(encoding="utf-8")
    result = cli("rollover", link, "--to", "2022/2023", "-o", tmp_path / "new.yaml")
    assert result.code in (0, 1), result.err
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") != before  # keys were added to the real file
    assert "key:" in real.read_text(encoding="utf-8")


def test_mode_and_group_are_kept(cli, tmp_path: Path) -> None:
    path = _roadmap(tmp_path / "m.yaml", 2)
    path.chmod(0o664)
    before = path.stat()
    assert cli("done", path, "1.1", "--on", "2023-09-20").code == 0
    after = path.stat()
    assert (after.st_mode & 0o7777, after.st_uid, after.st_gid) == (0o664, before.st_uid, before.st_gid)
    assert after.st_ino != before.st_ino  # replaced atomically, not rewritten in place


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="changing owners needs root")
def test_owner_and_group_are_kept_as_root(cli, tmp_path: Path) -> None:
    path = _roadmap(tmp_path / "m.yaml", 2)
    os.chown(path, 65534, 65534)
    assert cli("done", path, "1.1", "--on", "2023-09-20").code == 0
    assert (path.stat().st_uid, path.stat().st_gid) == (65534, 65534)


def test_a_read_only_roadmap_is_refused(cli, tmp_path: Path) -> None:
    path = _roadmap(tmp_path / "m.yaml", 2)
    path.chmod(0o444)
    before = path.read_bytes()
    result = cli("done", path, "1.1", "--on", "2023-09-20")
    assert (result.code, result.out) == (2, "")
    assert result.err == (f"roadmapctl: ошибка: файл {path} защищён от записи — он не изменён\n"
                          "  снимите защиту (chmod u+w) или укажите другой файл\n")
    assert path.read_bytes() == before and path.stat().st_mode & 0o777 == 0o444
    assert cli("extend", path, "1.1", "--to", "2023-11-20", "--reason", "x").code == 2


ALIASED = HEAD + """\
      - number: "1.1"
        title: Первое
        executors: [uo]
        deadline: до 1 октября 2023
        completions: &shared
          - date: 2023-09-20
      - number: "1.2"
        title: Второе
        executors: [uo]
        deadline: до 1 октября 2023
        completions: *shared
"""


def test_extend_refuses_an_extensions_list_shared_by_an_alias(cli, tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    moved = ("extensions: &moved\n          - to: 2023-10-15\n            reason: болезнь\n"
             "            date: 2023-09-20")
    path.write_text(ALIASED.replace("completions: &shared\n          - date: 2023-09-20", moved)
                    .replace("completions: *shared", "extensions: *moved"), encoding="utf-8")
    before = path.read_bytes()
    for item in ("1.1", "1.2"):
        result = cli("extend", path, item, "--to", "2023-11-20", "--reason", "отпуск", "--on", "2023-09-21")
        assert (result.code, result.out) == (2, "")
        assert result.err.startswith(f"roadmapctl: ошибка: в карте {path} 1 ошибка — файл не изменён\n")
        assert "[R111] у мероприятия «1.2» общие переносы срока с мероприятием «1.1»" in result.err
    assert path.read_bytes() == before
    assert "R111" in cli("check", path).out


def test_alias_refusal_message(tmp_path: Path) -> None:
    """Both ways of editing (one item, whole file) refuse a shared list the same way."""
    from roadmapctl.editing.item import _edit_item_only, _edit_whole_file
    from roadmapctl.errors import OutputError
    from roadmapctl.reading.loader import load
    from roadmapctl.tracking import track

    path = tmp_path / "m.yaml"
    path.write_text(ALIASED, encoding="utf-8")
    roadmap = load(path).roadmap
    assert roadmap is not None
    item = next(t for t in track(roadmap, roadmap.period.start) if t.address == "1.2")
    for edit in (_edit_item_only, _edit_whole_file):
        with pytest.raises(OutputError) as exc:
            edit(path, item, "completions", {"date": "2023-09-21"}, "done")
        assert exc.value.message == ("completions мероприятия 1.2 — ссылка YAML (&якорь / *якорь), общая с "
                                     "другим мероприятием: запись попала бы в оба")


def test_check_reports_completions_shared_by_an_alias(cli, tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(ALIASED, encoding="utf-8")
    result = cli("check", path)
    assert result.code == 1
    assert "R111" in result.out
    assert "общие отметки" in result.out
    listed = cli("check", "--list-rules")
    assert "R111 shared-marks (" in listed.out


def test_done_with_a_value_over_4096_characters(cli, tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    long_title = "Очень длинное название " * 400  # 9,200 characters on one line
    path.write_text(HEAD + _item("1.1", long_title.strip()) + _item("1.2"), encoding="utf-8")
    before = path.read_text(encoding="utf-8")
    result = cli("done", path, "1.1", "--on", "2023-09-20")
    assert (result.code, result.err) == (0, "")
    after = path.read_text(encoding="utf-8")
    assert long_title.strip() in after
    assert [line for line in after.splitlines() if line not in before.splitlines()] == [
        "        status: done", "        completions:", "          - date: 2023-09-20"]


def test_note_keeps_a_next_line_character(cli, tmp_path: Path) -> None:
    path = _roadmap(tmp_path / "m.yaml", 2)
    note = "приказ\u0085№ 12\u2028стр. 3"
    assert cli("done", path, "1.1", "--on", "2023-09-20", "--note", note).code == 0
    from roadmapctl.reading.loader import load

    roadmap = load(path).roadmap
    assert roadmap is not None
    completion = roadmap.sections[0].items[0].completions[0]
    assert completion.note == note


def _edit_copy(edit_tree: Any, loaded: tuple[Any, str], path: Path, *args: Any) -> str:
    """A whole-file edit of a deep copy of the file's round-trip tree, loaded once."""
    import copy

    return edit_tree(copy.deepcopy(loaded[0]), loaded[1], path, *args)  # type: ignore[no-any-return]


def test_editing_one_item_gives_the_same_text_as_editing_the_whole_file(tmp_path: Path,
                                                                       thorough_run: bool) -> None:
    """The fast path (`yamlsplice`) is checked against the general one on every sample item.

    By default on every tenth item of each sample, starting at a different place in each file:
    first items of sections, sub-items, items with and without marks all come up; the thorough
    profile edits them all. A whole-file edit is a full ruamel round trip of the file: by default
    the first one of each file loads it (`_edit_whole_file`), the others edit a deep copy of that
    tree (`_edit_tree`, the same code after the load)."""
    from roadmapctl.editing.item import _edit_item_only, _edit_tree, _edit_whole_file
    from roadmapctl.editing.item import as_written as _text
    from roadmapctl.editing.roundtrip import load_document
    from roadmapctl.editing.splice import NotLocal
    from roadmapctl.errors import RoadmapctlError
    from roadmapctl.reading.loader import load
    from roadmapctl.tracking import track

    compared = 0
    for offset, source in enumerate(sorted(ROADMAPS.glob("*.yaml"))):
        path = tmp_path / source.name
        shutil.copyfile(source, path)
        roadmap = load(path).roadmap
        assert roadmap is not None
        tracked = track(roadmap, roadmap.period.start)
        loaded = None if thorough_run else load_document(path)
        for number, item in enumerate(tracked if thorough_run else tracked[3 * offset::10]):
            entry = {"date": roadmap.period.start, "note": _text("приказ\x85№ 12"),
                     "evidence": ["приказ № 12", "https://example.ru/1"]}
            outcomes = []
            whole_file = _edit_whole_file if loaded is None or number == 0 else \
                partial(_edit_copy, _edit_tree, loaded)
            for edit in (_edit_item_only, whole_file):
                try:
                    outcomes.append(edit(path, item, "completions", entry, "done"))
                except NotLocal:
                    outcomes.append("not local")
                except RoadmapctlError as exc:
                    outcomes.append(exc.message)
            if outcomes[0] != "not local":
                assert outcomes[0] == outcomes[1], item.address
                compared += 1
    assert compared > (80 if thorough_run else 7)


def test_done_on_a_big_file_edits_only_the_item(tmp_path: Path, monkeypatch, thorough_run: bool) -> None:
    """A 5,000-item file is edited without a round trip of the whole file (#13 case 19).

    2,000 items by default: the patched whole-file edit proves the item alone was edited at any
    size; the thorough profile edits the full 5,000-item file."""
    from roadmapctl.editing import item as editfile
    from roadmapctl.main import run

    count = 5000 if thorough_run else 2000
    target = "1.4321" if thorough_run else "1.1729"
    path = tmp_path / "big.yaml"
    path.write_text(HEAD + "".join(_item(f"1.{i}") for i in range(1, count + 1)), encoding="utf-8")
    before = path.read_text(encoding="utf-8")

    def whole_file(*args: object) -> str:
        raise AssertionError("the whole file was round-tripped")

    monkeypatch.setattr(editfile, "_edit_whole_file", whole_file)
    from roadmapctl.reading import yamlsource

    parses: list[int] = []
    composer = yamlsource._composer
    monkeypatch.setattr(yamlsource, "_composer", lambda: parses.append(1) or composer())
    assert run(["done", str(path), target, "--on", "2023-09-20"]) == 0
    assert len(parses) == 1  # checked and spliced from one C parse of the file
    after = path.read_text(encoding="utf-8").splitlines()
    assert len(after) == len(before.splitlines()) + 3
    at = after.index(f'      - number: "{target}"')
    assert after[at + 4:at + 7] == ["        status: done", "        completions:", "          - date: 2023-09-20"]


def test_rollover_refuses_a_read_only_old_roadmap_before_writing(cli, tmp_path: Path) -> None:
    old = tmp_path / "lysva-2021-2022.yaml"
    shutil.copyfile(ROADMAPS / "lysva-2021-2022.yaml", old)
    old.chmod(0o444)
    before = old.read_bytes()
    result = cli("rollover", old, "--to", "2022/2023", "-o", tmp_path / "new.yaml")
    assert result.code == 2 and "защищён от записи" in result.err
    assert old.read_bytes() == before
    assert not (tmp_path / "new.yaml").exists()  # nothing half done: the new map is not written either
