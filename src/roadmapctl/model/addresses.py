"""E-mail addresses as roadmaps write them, and whether mail can be sent to them.

`check` (rule R121) and `notify` judge an address by the same function, so a
file that passes `check` never meets «address refused» in the morning's
reminders. An address whose local part (before «@») has Russian letters would
need SMTPUTF8 on every server on its way, so it is refused with a reason; a
Russian domain («школа.рф») is written in its ASCII form (IDNA).
"""

from __future__ import annotations

import re

_LOCAL = re.compile(r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$")
_LABEL = re.compile(r"^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$")


def split_addresses(text: str | None) -> tuple[str, ...]:
    """«a@x.ru, b@x.ru» (commas, semicolons or spaces, as people paste them) as separate addresses."""
    if not text:
        return ()
    return tuple(dict.fromkeys(part for part in re.split(r"[,;\s]+", text) if part))


def normalise(text: str) -> str | tuple[str, str]:
    """An address ready for SMTP, or (the text, why it cannot be used) in Russian."""
    raw = text.strip().strip("<>").rstrip(".")
    local, at, domain = raw.rpartition("@")
    if not at or not local or not domain:
        return text, "нет «@» или имени до или после неё"
    if not local.isascii():
        return text, "русские буквы до «@» принимают не все почтовые серверы"
    if not _LOCAL.match(local):
        return text, "недопустимые знаки до «@»"
    try:
        ascii_domain = domain.encode("idna").decode("ascii").lower()
    except UnicodeError:
        return text, "недопустимое имя домена после «@»"
    labels = ascii_domain.split(".")
    if len(labels) < 2 or not all(_LABEL.match(label) for label in labels):
        return text, "недопустимое имя домена после «@»"
    return f"{local}@{ascii_domain}"
