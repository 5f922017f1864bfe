"""Addresses and the messages themselves (`email.message.EmailMessage`).

Headers are encoded by the library (the default policy, no SMTPUTF8): a
Russian name or subject goes out as RFC 2047 words, which every mail system
reads.  Which addresses can be used is decided in `model.addresses`, by the
same function `check` uses (R121).
Every message says it was sent by a program (`Auto-Submitted`), so vacation
responders and mail rules leave it alone, and carries the controller as
`Reply-To`: a reply reaches the person who records completion.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from email.headerregistry import Address
from email.message import EmailMessage

from roadmapctl.model.addresses import normalise


@dataclass(frozen=True)
class Recipient:
    name: str  # shown in the To header
    addresses: tuple[str, ...]  # normalised: ASCII, domain in lower case

    @property
    def key(self) -> str:
        """Who this is for the state file and for grouping: the addresses, sorted."""
        return ", ".join(sorted(self.addresses))

    def headers(self) -> list[Address]:
        return [Address(display_name=self.name, addr_spec=a) for a in self.addresses]


def parse_addresses(texts: Iterable[str], name: str) -> tuple[Recipient | None, list[tuple[str, str]]]:
    """The usable addresses as one recipient (None if none), and the unusable ones with reasons."""
    good: list[str] = []
    bad: list[tuple[str, str]] = []
    for text in texts:
        result = normalise(text)
        if isinstance(result, tuple):
            bad.append(result)
        elif result not in good:
            good.append(result)
    return (Recipient(name, tuple(good)) if good else None), bad


def build(sender: Address, recipient: Recipient, subject: str, text: str, html: str,
          reply_to: Sequence[Address] = ()) -> EmailMessage:
    """A multipart/alternative message (plain text, then HTML) with the headers of automatic mail."""
    from email.utils import formatdate, make_msgid

    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = recipient.headers()
    if reply_to:
        msg["Reply-To"] = list(reply_to)
    msg["Subject"] = subject
    msg["Date"] = formatdate(localtime=True)
    msg["Message-ID"] = make_msgid(domain=sender.domain or None)
    msg["Auto-Submitted"] = "auto-generated"
    msg["X-Auto-Response-Suppress"] = "All"  # Outlook and Exchange: no out-of-office replies
    msg["Content-Language"] = "ru"
    msg.set_content(text)
    msg.add_alternative(html, subtype="html")
    return msg


def sender_address(text: str) -> Address | str:
    """The From address of the configuration: «Имя <a@b.ru>» or «a@b.ru»; else why not."""
    from email.utils import parseaddr

    name, addr = parseaddr(text)
    result = normalise(addr or text)
    if isinstance(result, tuple):
        return f"«{text}» — {result[1]}"
    return Address(display_name=name, addr_spec=result)
