"""Writing files so that nothing is ever lost.

Every command that writes goes through `write_atomic`: the data goes to a
temporary file in the same folder, is flushed to disk, takes the old file's
permissions and replaces it with `os.replace`.  A crash or Ctrl-C at any
moment leaves either the old file or the new one, never half of either.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from roadmapctl.errors import OutputError, OutputExists


def write_atomic(path: Path, data: bytes | str, *, overwrite: bool) -> None:
    """Write `data` to `path`; refuse to replace an existing file unless `overwrite`."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    path = Path(path)
    if path.is_dir():
        raise OutputError(f"{path} — это папка, а не файл", "укажите имя файла внутри неё")
    if path.exists() and not overwrite:
        raise OutputExists(f"файл {path} уже существует")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"папки {folder} нет", "создайте её или укажите другой путь")
    try:
        mode = stat.S_IMODE(path.stat().st_mode) if path.exists() else None
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"не удалось записать {path}: {exc.strerror or exc}") from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise OutputError(f"не удалось записать {path}: {exc.strerror or exc}") from None
        raise
    _fsync_folder(folder)


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
