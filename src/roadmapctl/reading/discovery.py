"""Which files a command works on: the paths given, folders searched for YAML.

Folders are walked lazily, in the order of their sorted paths, so a run
over a region's ten thousand roadmaps never holds the whole list of files:
memory does not grow with the size of the tree.  Symbolic links to folders
are not followed (no loops); hidden files and folders are skipped.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from roadmapctl.errors import InputError
from roadmapctl.model.records import Record

SUFFIXES = (".yaml", ".yml")
STDIN = "-"  # as in reading.source: standard input
DEFAULT_DIR = "roadmaps"


class Found(Record):
    __slots__ = ("files", "unreadable")
    files: list[Path]
    unreadable: list[tuple[Path, str]]

    def __init__(self, files: list[Path] | None = None, unreadable: list[tuple[Path, str]] | None = None) -> None:
        self.files = [] if files is None else files
        self.unreadable = [] if unreadable is None else unreadable


def find_roadmaps(paths: Iterable[str | Path]) -> Found:
    """All files at once, for commands that need the list."""
    found = Found()
    found.files = list(iter_roadmaps(paths, found.unreadable))
    return found


def iter_roadmaps(paths: Iterable[str | Path], unreadable: list[tuple[Path, str]]) -> Iterator[Path]:
    """Files as given, folders searched recursively; folders that cannot be read go to `unreadable`.

    Every path is checked before the first file is yielded, so a typo in the
    last argument fails the command before it prints anything.
    """
    given = [Path(p) for p in paths] or [Path(DEFAULT_DIR)]
    for path in given:
        if str(path) == STDIN:  # standard input: read by the loader, never a folder
            continue
        if not (path.exists() or path.is_symlink()):
            hint = None
            if str(path) == DEFAULT_DIR:
                hint = "укажите файлы или папки с дорожными картами, например: roadmapctl check путь/к/картам"
            raise InputError(f"нет такого файла или папки: {path}", hint)
    return _unique(given, unreadable)


def _unique(given: list[Path], unreadable: list[tuple[Path, str]]) -> Iterator[Path]:
    seen: set[str] | None = set() if len(given) > 1 else None  # one root cannot repeat a file
    for path in given:
        files = _walk(path, unreadable) if str(path) != STDIN and path.is_dir() else iter((path,))
        for file in files:
            if seen is not None:
                key = os.path.normpath(file)
                if key in seen:
                    continue
                seen.add(key)
            yield file


def _walk(folder: Path, unreadable: list[tuple[Path, str]]) -> Iterator[Path]:
    try:
        with os.scandir(folder) as listing:
            entries = [(e.name, e.is_dir(follow_symlinks=False), e.is_symlink()) for e in listing
                       if not e.name.startswith(".")]
    except OSError:
        unreadable.append((folder, "нет доступа к папке"))
        return
    # Sorting by name with a «/» after folders gives the order of sorted full paths.
    for name, is_dir, is_link in sorted(entries, key=lambda e: e[0] + ("/" if e[1] else "")):
        if is_dir:
            yield from _walk(folder / name, unreadable)
        elif name.endswith(SUFFIXES) and not (is_link and (folder / name).is_dir()):
            yield folder / name
