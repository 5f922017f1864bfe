"""Writing files so that nothing is ever lost.

Every file roadmapctl writes goes through `replace_file`: the data goes to a
temporary file next to the real target (a symlink is followed, so the link
stays a link and the file it names is the one that changes), is flushed to
disk, takes the old file's mode, owner and group and replaces it with
`os.replace`.  A crash or Ctrl-C at any moment leaves either the old file or
the new one, never half of either, and the temporary file is removed.

Only regular files are ever replaced: a device node, a FIFO or a socket is
refused before anything is written (as root, replacing /dev/null would break
the system), and so is a read-only file — someone protected it on purpose.
Which existing files an output may replace is decided in `output`.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from roadmapctl.errors import OutputError, OutputExists


def real_path(path: Path | str) -> Path:
    """The file a path names after following every symlink."""
    return Path(os.path.realpath(path))


def existing_target(path: Path) -> os.stat_result | None:
    """The stat of the file `path` names, or None; refuses anything but a regular, writable file."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise OutputError(f"не удалось записать {path}: {exc.strerror or exc}") from None
    if stat.S_ISDIR(info.st_mode):
        raise OutputError(f"{path} — это папка, а не файл", "укажите имя файла внутри неё")
    if not stat.S_ISREG(info.st_mode):
        raise OutputError(f"{path} — не обычный файл (устройство, канал или сокет): он не заменяется",
                          "укажите обычный файл или «-» для стандартного вывода")
    if not info.st_mode & 0o222 or not os.access(path, os.W_OK):
        raise OutputError(f"файл {path} защищён от записи — он не изменён",
                          "снимите защиту (chmod u+w) или укажите другой файл")
    return info


def replace_file(path: Path | str, data: bytes | bytearray | str) -> None:
    """Atomically put `data` into the file `path` names, keeping mode, owner and group."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    shown = Path(path)
    target = real_path(shown)
    info = existing_target(target)
    if info is None and shown.is_symlink():
        raise OutputError(f"{shown} — ссылка на несуществующий файл {target}",
                          "исправьте ссылку или укажите другой файл")
    folder = target.parent
    if not folder.is_dir():
        raise OutputError(f"папки {shown.parent} нет", "создайте её или укажите другой путь")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"не удалось записать {shown}: {exc.strerror or exc}") from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        _take_attributes(tmp, info)
        os.replace(tmp, target)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise OutputError(f"не удалось записать {shown}: {exc.strerror or exc}") from None
        raise
    _fsync_folder(folder)


def write_atomic(path: Path, data: bytes | str, *, overwrite: bool) -> None:
    """Write `data` to `path`; refuse to replace an existing file unless `overwrite`."""
    path = Path(path)
    if path.is_dir():
        raise OutputError(f"{path} — это папка, а не файл", "укажите имя файла внутри неё")
    if path.exists() and not overwrite:
        raise OutputExists(f"файл {path} уже существует")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"папки {folder} нет", "создайте её или укажите другой путь")
    replace_file(path, data)


def _take_attributes(tmp: Path, info: os.stat_result | None) -> None:
    """The old file's mode, owner and group; a new file gets the umask's mode."""
    if info is None:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        return
    if hasattr(os, "chown"):
        try:
            os.chown(tmp, info.st_uid, info.st_gid)
        except OSError:
            with contextlib.suppress(OSError):  # an ordinary user may still give the file its old group
                os.chown(tmp, -1, info.st_gid)
    os.chmod(tmp, stat.S_IMODE(info.st_mode))


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
