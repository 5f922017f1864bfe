"""SMTP settings: environment variables, or a private TOML file outside the repository.

A password must never end up in git, on the command line (other users see
it in `ps`) or in a log.  So settings come from `ROADMAPCTL_SMTP_*`
environment variables (cron, systemd `EnvironmentFile=`), or from
`~/.config/roadmapctl/smtp.toml` (or the file `--smtp-config` names); a
variable wins over the file.  A settings file inside a git work tree is
refused, and so is a file holding a password that other users may read.
The password may also sit alone in its own file (`password_file`,
`ROADMAPCTL_SMTP_PASSWORD_FILE`: systemd credentials, Docker secrets), under
the same two rules.  A server whose certificate is signed by an organisation's
own CA is trusted through `cafile`; certificates are always verified.
Without a host nothing is configured and `notify` only
shows what it would send.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from roadmapctl.errors import InputError, UsageError

KEYS = ("host", "port", "security", "user", "password", "password_file", "from", "timeout", "cafile")
SECURITY = ("starttls", "ssl", "none")
ENV_PREFIX = "ROADMAPCTL_SMTP_"


@dataclass(frozen=True)
class SmtpConfig:
    host: str
    port: int
    security: str  # starttls | ssl | none
    user: str | None
    password: str | None
    sender: str | None  # the From address as written
    timeout: float
    source: str  # where the settings came from, for messages (never the password)
    cafile: str | None = None  # certificates of a private CA the server's certificate is signed by

    def __repr__(self) -> str:  # keep the password out of any traceback or log
        return f"SmtpConfig(host={self.host!r}, port={self.port}, security={self.security!r}, user={self.user!r})"


def default_file(env: Mapping[str, str]) -> Path:
    base = env.get("XDG_CONFIG_HOME") or str(Path(env.get("HOME") or Path.home()) / ".config")
    return Path(base) / "roadmapctl" / "smtp.toml"


def load(env: Mapping[str, str], config: str | None = None) -> SmtpConfig | None:
    """The settings, or None when no SMTP host is configured anywhere."""
    explicit = config or env.get(f"{ENV_PREFIX}CONFIG")
    path = Path(explicit) if explicit else default_file(env)
    values: dict[str, Any] = {}
    sources = []
    if explicit or path.is_file():
        values = _read_file(path)
        sources.append(str(path))
    from_env = {key: env[f"{ENV_PREFIX}{key.upper()}"] for key in KEYS
                if env.get(f"{ENV_PREFIX}{key.upper()}")}
    if from_env:
        sources.append("переменные окружения " + ", ".join(f"{ENV_PREFIX}{k.upper()}" for k in from_env))
    values.update(from_env)
    source = " и ".join(sources)
    if not values.get("host"):
        if values:
            raise UsageError(f"настройки SMTP ({source}): не указан сервер (host, {ENV_PREFIX}HOST)")
        return None
    return _config(values, source)


def _config(values: dict[str, Any], source: str) -> SmtpConfig:
    def fail(message: str) -> UsageError:
        return UsageError(f"настройки SMTP ({source}): {message}")

    security = str(values.get("security") or "").lower() or None
    if security is not None and security not in SECURITY:
        raise fail(f"security: «{security}» — допустимо {', '.join(SECURITY)}")
    try:
        port = int(values.get("port") or (465 if security == "ssl" else 587))
        timeout = float(values.get("timeout") or 60)
    except (TypeError, ValueError):
        raise fail("port и timeout — числа") from None
    if not 0 < port < 65536 or timeout <= 0:
        raise fail("port — от 1 до 65535, timeout — больше нуля")
    security = security or ("ssl" if port == 465 else "starttls")
    password = values.get("password")
    if values.get("password_file"):
        password = read_secret(Path(str(values["password_file"])))
    user = str(values["user"]) if values.get("user") else None
    host = str(values["host"])
    if user and security == "none" and not _loopback(host):
        raise fail("пароль нельзя передавать без шифрования: укажите security = starttls или ssl")
    cafile = str(values["cafile"]) if values.get("cafile") else None
    if cafile and not Path(cafile).is_file():
        raise fail(f"cafile: файла {cafile} нет")
    return SmtpConfig(host, port, security, user, str(password) if password else None,
                      str(values["from"]) if values.get("from") else None, timeout, source, cafile)


def _loopback(host: str) -> bool:
    return host in ("localhost", "::1") or host.startswith("127.")


def _read_file(path: Path) -> dict[str, Any]:
    try:
        import tomllib
    except ImportError:  # Python 3.10
        import tomli as tomllib  # type: ignore[no-redef]

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"файла настроек SMTP {path} нет") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"не удалось прочитать файл настроек SMTP {path}: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"файл настроек SMTP {path}: ошибка TOML: {exc}") from None
    data = data.get("smtp", data) if isinstance(data.get("smtp"), dict) else data
    unknown = sorted(set(data) - set(KEYS))
    if unknown:
        raise InputError(f"файл настроек SMTP {path}: неизвестные ключи {', '.join(unknown)}",
                         f"допустимы: {', '.join(KEYS)}")
    guard(path, holds_password="password" in data)
    return data


def read_secret(path: Path) -> str:
    guard(path, holds_password=True)
    try:
        return path.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"не удалось прочитать файл с паролем SMTP {path}: {exc}") from None


def guard(path: Path, holds_password: bool) -> None:
    """Refuse a settings file inside a git work tree, and a password file others may read."""
    where = in_work_tree(path)
    if where is not None:
        raise InputError(
            f"файл настроек SMTP {path} лежит в рабочей копии git ({where}): пароль попадёт в историю",
            "перенесите его в ~/.config/roadmapctl/smtp.toml или задайте переменные окружения ROADMAPCTL_SMTP_*")
    if holds_password and os.name == "posix":
        try:
            mode = path.stat().st_mode
        except OSError:
            return
        if mode & stat.S_IROTH:
            raise InputError(f"файл {path} с паролем SMTP могут читать все пользователи",
                             f"выполните: chmod 600 {path}")


def in_work_tree(path: Path) -> Path | None:
    """The root of the git work tree holding `path`, if any."""
    try:
        folder = path.resolve().parent
    except OSError:
        return None
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return None
