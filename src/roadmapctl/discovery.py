"""Which files a command works on: the paths given, folders searched for YAML."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from roadmapctl.errors import InputError

SUFFIXES = (".yaml", ".yml")
DEFAULT_DIR = "roadmaps"


@dataclass
class Found:
    files: list[Path] = field(default_factory=list)
    unreadable: list[tuple[Path, str]] = field(default_factory=list)


def find_roadmaps(paths: Iterable[str | Path]) -> Found:
    """Files as given; folders searched recursively (hidden folders skipped), sorted."""
    given = [Path(p) for p in paths] or [Path(DEFAULT_DIR)]
    found = Found()
    seen: set[Path] = set()
    for path in given:
        if path.is_dir():
            for file in _walk(path, found):
                if file not in seen:
                    seen.add(file)
                    found.files.append(file)
        elif path.exists() or path.is_symlink():
            if path not in seen:
                seen.add(path)
                found.files.append(path)
        else:
            hint = None
            if str(path) == DEFAULT_DIR:
                hint = "укажите файлы или папки с дорожными картами, например: roadmapctl check путь/к/картам"
            raise InputError(f"нет такого файла или папки: {path}", hint)
    return found


def _walk(root: Path, found: Found) -> list[Path]:
    result: list[Path] = []

    def on_error(exc: OSError) -> None:
        found.unreadable.append((Path(exc.filename or root), "нет доступа к папке"))

    for folder, dirs, files in os.walk(root, onerror=on_error, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.endswith(SUFFIXES) and not name.startswith("."):
                result.append(Path(folder) / name)
    return sorted(result)
