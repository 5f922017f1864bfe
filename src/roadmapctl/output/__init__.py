"""The one place where a command's `-o` becomes bytes on disk or on stdout.

Every command that writes a result (render, import, diff, calendar, schema,
rollover) hands its data here with the set of files it read.  The rules:

- `-` is the standard output; a binary format (DOCX) is not sent to a
  terminal, where it would only fill the screen with garbage;
- an input of the same run is never replaced, whatever its name: the
  comparison is by file identity (device and inode), so a hard link, a
  symlink or «../x/plan.yaml» are caught as well as the plain name;
- only regular files are written (`fsio.existing_target`); the replace is
  atomic and keeps mode, owner and group (`fsio.replace_file`);
- the overwrite rule: a *generated* output (a document, a calendar, a
  comparison table, the schema) is regenerated in place — an existing file
  of the same kind that roadmapctl wrote (it carries roadmapctl's mark) is
  replaced without `--force`, so a cron job can rebuild it every morning;
  any other existing file needs `--force` (a Word original next to the
  roadmap is not lost to a default `render`), and a roadmap (.yaml, .yml)
  is never replaced by a generated output.  An output that *is* a roadmap
  (import, rollover) replaces an existing file only with `--force`.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from pathlib import Path

from roadmapctl.errors import OutputError, OutputExists, UsageError

STDOUT = "-"
ROADMAP_SUFFIXES = (".yaml", ".yml")


def is_stdout(target: Path | str | None) -> bool:
    return target is not None and str(target) == STDOUT


def write_output(target: Path | str, data: bytes | bytearray | str, *, inputs: Iterable[Path | str] = (),
                 force: bool = False, generated: bool = True, suffixes: tuple[str, ...] = (),
                 binary: str | None = None) -> None:
    """Write a command's result to `target` (a path or «-»), by the rules above.

    `suffixes`: the extensions of the kind of file written (a generated file
    with one of them is replaced freely); `binary`: the format's name when
    the data must not go to a terminal («DOCX»).
    """
    if is_stdout(target):
        to_stdout(data, binary)
        return
    check_target(target, inputs=inputs, force=force, generated=generated, suffixes=suffixes)
    from roadmapctl.output.fsio import replace_file

    replace_file(Path(target), data)


def check_target(target: Path | str, *, inputs: Iterable[Path | str] = (), force: bool = False,
                 generated: bool = True, suffixes: tuple[str, ...] = ()) -> None:
    """Refuse now what `write_output` would refuse, so that a command whose work is costly (a
    rollover's round trip) says so before doing it; `write_output` checks again when it writes."""
    if is_stdout(target):
        return
    path = Path(target)
    refuse_input(path, inputs)
    from roadmapctl.output.fsio import existing_target

    if existing_target(path) is not None:
        _may_replace(path, force, generated, suffixes)
    elif not (path.parent if str(path.parent) else Path(".")).is_dir():
        raise OutputError(f"папки {path.parent} нет", "создайте её или укажите другой путь")


def to_stdout(data: bytes | bytearray | str, binary: str | None = None) -> None:
    """Data on the standard output; bytes pass unchanged (CRLF of iCalendar, a DOCX in a pipe)."""
    if binary and sys.stdout.isatty():
        suffix = binary.lower()
        raise UsageError(f"{binary} не выводится на терминал: это двоичный файл",
                         f"перенаправьте вывод в файл (> документ.{suffix}) или укажите -o документ.{suffix}")
    if isinstance(data, str):
        sys.stdout.write(data)
        sys.stdout.flush()
        return
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


def refuse_input(path: Path, inputs: Iterable[Path | str]) -> None:
    """An input of this run is never an output, whatever name reaches it."""
    for source in inputs:
        if is_stdout(source):
            continue
        try:
            same = os.path.samefile(path, source)
        except OSError:  # one of them does not exist (yet): they cannot be the same file
            continue
        if same:
            also = "" if str(source) == str(path) else f" (это тот же файл, что и {source})"
            raise OutputError(f"{path} — входной файл этой команды{also}: он не перезаписывается",
                              "укажите для результата другой файл")


def _may_replace(path: Path, force: bool, generated: bool, suffixes: tuple[str, ...]) -> None:
    suffix = path.suffix.lower()
    if generated and suffix in ROADMAP_SUFFIXES:
        raise OutputError(f"файл {path} — похоже, дорожная карта: результат команды не записывается "
                          "на её место", "укажите для результата другой файл")
    if force or (generated and suffix in suffixes and written_by_roadmapctl(path)):
        return
    why = "" if not generated else " и создан не roadmapctl"
    raise OutputExists(f"файл {path} уже существует{why}")  # main.run adds the --force hint


def written_by_roadmapctl(path: Path) -> bool:
    """The file carries roadmapctl's mark: the generator of an HTML page or an iCalendar,
    the author of a Word document, the title of the schema."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(_HEAD_BYTES)
    except OSError:
        return False
    if head.startswith(b"PK"):
        return _zip_marked(path)
    return MARK in head


MARK = b"roadmapctl"
_HEAD_BYTES = 64 * 1024


def _zip_marked(path: Path) -> bool:
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo("docProps/core.xml")
            if info.file_size > _HEAD_BYTES:
                return False
            core = archive.read(info)
    except (OSError, KeyError, zipfile.BadZipFile, RuntimeError, ValueError):
        return False
    return b"<dc:creator>roadmapctl</dc:creator>" in core
