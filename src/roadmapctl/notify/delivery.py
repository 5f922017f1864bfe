"""The ways a message leaves: shown (dry run), written as an `.eml` file, or sent by SMTP.

Each `send` returns the addresses that did not get the message, with the
reason in Russian; an empty dict means delivered to all.  Nothing raises for
a failed delivery: the run goes on with the next recipient and reports each
failure.  `smtplib.send_message` raises only when every recipient is refused
and returns the refused ones otherwise — both end up in the same dict.

SMTP failures: a dropped connection fails the message being sent and the
next message connects again; a server that cannot be reached (or refuses
the login) fails every remaining message at once without trying again, so
a run against a dead server ends quickly and says so for each recipient.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from email.message import EmailMessage
from pathlib import Path
from typing import IO, Any

from roadmapctl.notify.smtp import SmtpConfig

Failed = dict[str, str]


def recipients(msg: EmailMessage) -> list[str]:
    return [a.addr_spec for a in msg["To"].addresses]


class Printer:
    """`--dry-run`: every message on standard output, headers decoded, the plain-text part as is."""

    def __init__(self, out: IO[str]) -> None:
        self.out = out
        self.count = 0

    def send(self, msg: EmailMessage) -> Failed:
        self.count += 1
        lines = [f"===== Письмо {self.count} =====",
                 f"Кому: {msg['To']}"]
        if msg["Reply-To"]:
            lines.append(f"Ответ: {msg['Reply-To']}")
        lines += [f"Тема: {msg['Subject']}", ""]
        self.out.write("\n".join(lines) + "\n" + text_part(msg) + "\n")
        return {}

    def close(self) -> None:
        pass


def text_part(msg: EmailMessage) -> str:
    part = msg.get_body(preferencelist=("plain",))
    assert part is not None
    return str(part.get_content())


class Outbox:
    """`--outbox DIR`: one `.eml` file per message, as it would go to the server."""

    def __init__(self, folder: Path, prefix: str) -> None:
        self.folder = folder
        self.prefix = prefix
        self.count = 0
        self.written: list[Path] = []

    def send(self, msg: EmailMessage) -> Failed:
        from roadmapctl.errors import OutputError
        from roadmapctl.output.fsio import write_atomic

        self.count += 1
        first = recipients(msg)[0]
        name = f"{self.prefix}-{self.count:03d}-{_safe(first)}.eml"
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"не удалось создать папку {self.folder}: {exc.strerror or exc}") from None
        path = self.folder / name
        write_atomic(path, msg.as_bytes(), overwrite=True)
        self.written.append(path)
        return {}

    def close(self) -> None:
        pass


def _safe(address: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "@.-_" else "_" for ch in address)


class Smtp:
    """One connection for the run, opened on the first message, paced by `rate` messages a minute."""

    def __init__(self, config: SmtpConfig, rate: int, sleep: Callable[[float], None] = time.sleep,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.config = config
        self.interval = 60.0 / rate if rate > 0 else 0.0
        self.sleep = sleep
        self.clock = clock
        self.last: float | None = None
        self.conn: Any = None
        self.dead: str | None = None  # why the server cannot be used for the rest of the run
        self.context: Any = None  # the TLS context, made on the first encrypted connection

    def send(self, msg: EmailMessage) -> Failed:
        import smtplib

        to = recipients(msg)
        if self.dead:
            return {a: self.dead for a in to}
        self._pace()
        if self.conn is None:
            try:
                self.conn = self._connect()
            except (OSError, smtplib.SMTPException, _Refusal) as exc:
                self.dead = _why_connect(exc, self.config)
                return {a: self.dead for a in to}
        try:
            refused = self.conn.send_message(msg, to_addrs=to)
        except smtplib.SMTPRecipientsRefused as exc:
            return {a: _reply(code, text) for a, (code, text) in exc.recipients.items()}
        except smtplib.SMTPSenderRefused as exc:
            return {a: f"сервер не принял адрес отправителя {exc.sender}: {_reply(exc.smtp_code, exc.smtp_error)}"
                    for a in to}
        except smtplib.SMTPResponseException as exc:
            self._drop()
            return {a: _reply(exc.smtp_code, exc.smtp_error) for a in to}
        except (OSError, smtplib.SMTPException) as exc:
            self._drop()
            return {a: f"соединение с сервером прервано ({type(exc).__name__}: {exc})" for a in to}
        return {a: _reply(code, text) for a, (code, text) in refused.items()}

    def _pace(self) -> None:
        now = self.clock()
        if self.last is not None and self.interval:
            wait = self.last + self.interval - now
            if wait > 0:
                self.sleep(wait)
                now += wait
        self.last = now

    def _connect(self) -> Any:
        import smtplib
        import ssl

        c = self.config
        if c.security != "none" and self.context is None:
            # Made once a run and only for an encrypted connection: loading the system's CA
            # certificates takes tens of milliseconds, and a run may reconnect after a drop.
            self.context = ssl.create_default_context(cafile=c.cafile)
        context = self.context
        if c.security == "ssl":
            conn: Any = smtplib.SMTP_SSL(c.host, c.port, timeout=c.timeout, context=context)
        else:
            conn = smtplib.SMTP(c.host, c.port, timeout=c.timeout)
        try:
            if c.security == "starttls":
                try:
                    conn.starttls(context=context)
                except smtplib.SMTPNotSupportedError:
                    raise _Refusal("не поддерживает STARTTLS: укажите security = ssl (порт 465) "
                                   "или другой порт") from None
            if c.user:
                try:
                    conn.login(c.user, c.password or "")
                except smtplib.SMTPNotSupportedError:
                    raise _Refusal("не поддерживает вход по имени и паролю (AUTH): уберите user и password "
                                   "или включите STARTTLS") from None
                except smtplib.SMTPAuthenticationError as exc:
                    raise _Refusal(f"не принял имя пользователя или пароль ({_reply(exc.smtp_code, exc.smtp_error)})"
                                   ) from None
        except BaseException:
            _quietly(conn.close)
            raise
        return conn

    def _drop(self) -> None:
        if self.conn is not None:
            _quietly(self.conn.close)
        self.conn = None

    def close(self) -> None:
        if self.conn is not None:
            _quietly(self.conn.quit)
            self._drop()


def _quietly(call: Callable[[], Any]) -> None:
    with contextlib.suppress(Exception):
        call()


def _reply(code: int, text: bytes | str) -> str:
    message = text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text)
    return f"сервер ответил {code} {message}".strip()


class _Refusal(Exception):
    """The server is there but will not take mail from us with these settings."""


def _why_connect(exc: BaseException, config: SmtpConfig) -> str:
    where = f"{config.host}:{config.port}"
    if isinstance(exc, _Refusal):
        return f"сервер {where} {exc}"
    detail = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return f"не удалось подключиться к серверу {where}: {detail}"
