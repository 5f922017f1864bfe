"""An exclusive lock for commands that edit a roadmap in place (done, extend, rollover).

An atomic replace alone does not prevent lost updates: two `done` runs that
both read the file before either writes it would each write their own
version, and one mark would vanish.  Editors therefore take this lock, then
read, edit, verify and write, then release it.

The lock is `flock` on a sidecar file next to the real file (a symlink is
followed, so two names of one roadmap share one lock): «.карта.yaml.lock».
The holder removes it when done; a waiter that locked a removed sidecar
notices (the inode differs from the name's) and tries again, so at most
one editor ever holds the lock.  flock is advisory — it only stops other
roadmapctl runs, not a text editor — and unreliable on some network
filesystems (old NFS, SMB mounts): there edits are not protected.
On Windows `msvcrt.locking` takes the place of flock.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from roadmapctl.errors import OutputError
from roadmapctl.limits import EDIT_LOCK_SECONDS

_POLL = 0.02


def lock_path(path: Path) -> Path:
    """The sidecar lock file of a roadmap, next to the file its name finally points to."""
    real = Path(os.path.realpath(path))
    return real.with_name(f".{real.name}.lock")


@contextmanager
def edit_lock(path: Path, timeout: float = EDIT_LOCK_SECONDS) -> Iterator[None]:
    """Hold the edit lock of `path` for the duration of the block."""
    sidecar = lock_path(path)
    deadline = time.monotonic() + timeout
    while True:
        fd = _open(sidecar, path)
        if _try_lock(fd):
            if _still_named(fd, sidecar):
                break
            _unlock(fd)
        os.close(fd)
        if time.monotonic() >= deadline:
            raise OutputError(f"файл {path} сейчас изменяет другая команда roadmapctl "
                              f"(ждали {int(timeout)} с)",
                              f"повторите позже; если никто не работает с картой, удалите {sidecar}")
        time.sleep(_POLL)
    try:
        yield
    finally:
        with suppress(OSError):
            os.unlink(sidecar)
        _unlock(fd)
        os.close(fd)


def _open(sidecar: Path, path: Path) -> int:
    try:
        return os.open(sidecar, os.O_RDWR | os.O_CREAT, 0o666)
    except OSError as exc:
        raise OutputError(f"не удалось изменить {path}: нельзя создать файл блокировки {sidecar} "
                          f"({exc.strerror or exc})",
                          "нужны права на запись в папку карты") from None


def _still_named(fd: int, sidecar: Path) -> bool:
    """The locked file is still the one the sidecar's name points to (not removed meanwhile)."""
    try:
        named = os.stat(sidecar)
    except OSError:
        return False
    held = os.fstat(fd)
    return (named.st_dev, named.st_ino) == (held.st_dev, held.st_ino)


try:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        except OSError:  # a filesystem without locks: go on unprotected, as the docs say
            return True
        return True

    def _unlock(fd: int) -> None:
        with suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_UN)

except ImportError:  # pragma: no cover - Windows
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]
        except OSError:
            pass
