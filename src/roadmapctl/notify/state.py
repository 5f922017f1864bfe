"""What was already sent, so the same reminder never goes out twice on one day.

Cron may run `notify` again after a failure, or twice by mistake.  The state
file remembers, per day and per address, which control dates (file, item,
date) were delivered; a run sends each address only what it has not had that
day, so a re-run after a failure resends exactly what failed.  Delivery to
one address is recorded as soon as the server accepts it (the file is
rewritten atomically after every message): a run killed half-way does not
resend what it had delivered.  Days older than `KEEP_DAYS` are dropped.

The file is JSON: {"format": 1, "sent": {"2024-02-01": {"a@b.ru": ["file#1.2#2024-01-31", …]}}}.
A damaged file stops the run (exit 2) rather than risk mailing everyone again.
While a run sends, it holds a lock on `<state>.lock` (flock, POSIX only, advisory
and unreliable on network file systems): a second run started meanwhile
stops at once instead of sending the same messages.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path

from roadmapctl.errors import InputError

KEEP_DAYS = 31
DEFAULT_STATE = Path(".roadmapctl") / "notify-state.json"


def default_path(start: Path | None = None) -> Path:
    """`.roadmapctl/notify-state.json` in the root of the git work tree (else the current folder)."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / ".git").exists():
            return folder / DEFAULT_STATE
    return here / DEFAULT_STATE


class State:
    def __init__(self, path: Path, sent: dict[str, dict[str, set[str]]]) -> None:
        self.path = path
        self._sent = sent

    @classmethod
    def load(cls, path: Path) -> State:
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return cls(path, {})
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"не удалось прочитать файл состояния рассылки {path}: {exc}") from None
        try:
            data = json.loads(text)
            sent = {str(day): {str(addr): set(map(str, keys)) for addr, keys in by_addr.items()}
                    for day, by_addr in data["sent"].items()}
            for day in sent:
                date.fromisoformat(day)
        except (ValueError, KeyError, TypeError, AttributeError):
            raise InputError(
                f"файл состояния рассылки {path} повреждён",
                "без него те же письма могут уйти повторно; проверьте файл или удалите его, "
                "если сегодня рассылки ещё не было") from None
        return cls(path, sent)

    def sent(self, address: str, day: date) -> set[str]:
        return set(self._sent.get(day.isoformat(), {}).get(address, set()))

    def record(self, addresses: Iterable[str], keys: Iterable[str], day: date) -> None:
        """Remember a delivery and write the file at once."""
        keys = set(keys)
        by_addr = self._sent.setdefault(day.isoformat(), {})
        for address in addresses:
            by_addr.setdefault(address, set()).update(keys)
        self.save(day)

    def save(self, today: date) -> None:
        from roadmapctl.errors import OutputError
        from roadmapctl.output.fsio import write_atomic

        oldest = (today - timedelta(days=KEEP_DAYS)).isoformat()
        sent = {day: {addr: sorted(keys) for addr, keys in sorted(by_addr.items())}
                for day, by_addr in sorted(self._sent.items()) if day >= oldest}
        text = json.dumps({"format": 1, "sent": sent}, ensure_ascii=False, indent=1) + "\n"
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"не удалось создать папку {self.path.parent}: {exc.strerror or exc}") from None
        write_atomic(self.path, text, overwrite=True)


@contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock next to the state file for the whole run; refuse if another run holds it."""
    try:
        import fcntl
    except ImportError:  # Windows: no advisory locks; runs are not guarded against each other
        yield
        return
    from roadmapctl.errors import OutputError

    lock = path.with_name(path.name + ".lock")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as exc:
        raise OutputError(f"не удалось создать {lock}: {exc.strerror or exc}") from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise InputError(f"рассылка уже идёт: файл состояния {path} занят другим запуском notify",
                             "дождитесь его окончания и повторите") from None
        yield
    finally:
        os.close(fd)
