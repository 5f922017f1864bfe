"""Which files commands work on: order, links, hidden folders, bad paths."""

from __future__ import annotations

from pathlib import Path

import pytest

from roadmapctl.errors import InputError
from roadmapctl.reading.discovery import find_roadmaps, iter_roadmaps


def _touch(root: Path, *names: str) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("title: x\n", encoding="utf-8")


def test_files_come_in_sorted_path_order(tmp_path: Path) -> None:
    _touch(tmp_path, "b.yaml", "b/x.yaml", "a.yml", "c.yaml", "b/a/z.yaml", "notes.txt", ".hidden.yaml",
           ".git/config.yaml")
    found = [str(p.relative_to(tmp_path)) for p in find_roadmaps([tmp_path]).files]
    assert found == ["a.yml", "b.yaml", "b/a/z.yaml", "b/x.yaml", "c.yaml"]
    assert found == sorted(found)


def test_linked_folders_are_not_followed(tmp_path: Path) -> None:
    _touch(tmp_path, "maps/a.yaml")
    (tmp_path / "maps" / "loop").symlink_to(tmp_path, target_is_directory=True)
    assert [p.name for p in find_roadmaps([tmp_path]).files] == ["a.yaml"]


def test_the_same_file_named_twice_is_checked_once(tmp_path: Path) -> None:
    _touch(tmp_path, "a.yaml")
    assert len(find_roadmaps([tmp_path, tmp_path / "a.yaml", f"{tmp_path}/./a.yaml"]).files) == 1


def test_a_missing_path_fails_before_any_file_is_yielded(tmp_path: Path) -> None:
    _touch(tmp_path, "a.yaml")
    with pytest.raises(InputError) as exc:
        iter_roadmaps([tmp_path, tmp_path / "nope"], [])
    assert exc.value.message == f"нет такого файла или папки: {tmp_path / 'nope'}"


def test_folders_are_listed_only_when_the_walk_reaches_them(tmp_path: Path) -> None:
    _touch(tmp_path, "a/1.yaml", "b/2.yaml")
    files = iter_roadmaps([tmp_path], [])
    assert next(files).name == "1.yaml"
    (tmp_path / "b" / "3.yaml").write_text("title: x\n", encoding="utf-8")  # b/ not listed yet
    assert [p.name for p in files] == ["2.yaml", "3.yaml"]
