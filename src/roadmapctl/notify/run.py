"""One run of `roadmapctl notify`: plan, filter by what was sent today, deliver, summarise, report.

The order matters.  Reminders go first and their outcomes are collected; the
controller's summary is built afterwards, so it says who really got a
reminder and who did not.  A summary goes out when this run tried to send
any reminder in its scope, or when none went out today yet and there is
something to say (executors without an address, files that could not be
read) — so a second run on a quiet day sends nothing at all.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import date
from email.headerregistry import Address
from pathlib import Path
from typing import IO, Any

from roadmapctl.errors import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError, ValueRefused
from roadmapctl.limits import MAX_MESSAGES_PER_RUN, MESSAGES_PER_MINUTE
from roadmapctl.model.ru import count, date_numeric
from roadmapctl.notify.compose import Notified, reminder, summary, who
from roadmapctl.notify.digest import Digest, Plan, plan
from roadmapctl.notify.mail import Recipient, build, parse_addresses, sender_address
from roadmapctl.notify.state import State, locked

SUMMARY_KEY = "summary"
DRY_SENDER = "roadmapctl@localhost"


@dataclass
class Options:
    paths: Sequence[str]
    as_of: date
    within: int = 7
    to: Sequence[str] = ()
    state: Path | None = None
    dry_run: bool = False
    outbox: Path | None = None
    smtp_config: str | None = None
    rate: int = MESSAGES_PER_MINUTE
    max_messages: int = MAX_MESSAGES_PER_RUN
    workdays: bool = False
    encoding: str = "auto"
    jobs: int | None = 1
    env: Mapping[str, str] = field(default_factory=dict)


@dataclass
class Tally:
    notified: list[Notified] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # report lines
    sent: list[str] = field(default_factory=list)
    earlier: list[str] = field(default_factory=list)
    budget: int = 0


@dataclass
class Outcome:
    """What a run did, for the command to report: nothing here writes the report."""

    mode: str = "dry"  # dry | outbox | smtp
    day_off: str | None = None  # why nothing was sent today (`workdays`)
    unconfigured: bool = False  # a dry run because no SMTP server is configured
    plan: Plan = field(default_factory=Plan)
    tally: Tally = field(default_factory=Tally)

    @property
    def exit_code(self) -> int:
        if self.plan.skipped:
            return EXIT_USAGE
        return EXIT_FINDINGS if self.tally.failed else EXIT_OK


def run(opts: Options, out: IO[str]) -> Outcome:
    """Remind, summarise, remember; a dry run writes the messages to `out`."""
    from roadmapctl.notify.state import default_path

    if opts.workdays:
        from roadmapctl.notify.workdays import day_off

        why = day_off(opts.as_of)
        if why:
            return Outcome(day_off=f"{date_numeric(opts.as_of)} — нерабочий день ({why})")
    controllers = _given_controllers(opts.to)
    transport, mode, sender = _transport(opts, out)
    path = opts.state or default_path()
    outcome = Outcome(mode=mode, tally=Tally(budget=opts.max_messages),
                      unconfigured=mode == "dry" and not opts.dry_run)
    with locked(path) if mode == "smtp" else nullcontext():
        state = State.load(path)
        outcome.plan = plan(opts.paths, opts.as_of, opts.within, opts.encoding, opts.jobs)
        if mode == "smtp":
            state.save(opts.as_of)  # fail before sending anything if the state cannot be written
        try:
            for digest in outcome.plan.digests:
                _remind(digest, opts, state, transport, mode, sender, outcome.tally)
            _summaries(outcome.plan, controllers, opts, state, transport, mode, sender, outcome.tally)
        finally:
            transport.close()
    return outcome


def _given_controllers(to: Sequence[str]) -> Recipient | None:
    if not to:
        return None
    recipient, bad = parse_addresses([a for text in to for a in text.replace(";", ",").split(",")],
                                     "Контроль исполнения")
    if bad:
        text, why = bad[0]
        raise ValueRefused(f"адрес «{text}» — {why}", field="to")
    return recipient


def _transport(opts: Options, out: IO[str]) -> tuple[Any, str, Address]:
    from roadmapctl.notify import delivery, smtp

    config = None if opts.dry_run else smtp.load(opts.env, opts.smtp_config)
    given = (config.sender or (config.user if config.user and "@" in config.user else None)) if config else None
    if config is not None and given is None:
        raise UsageError(f"настройки SMTP ({config.source}): не указан адрес отправителя "
                         f"(from, {smtp.ENV_PREFIX}FROM)")
    given = given or opts.env.get(f"{smtp.ENV_PREFIX}FROM")
    sender = sender_address(given) if given else Address("roadmapctl", addr_spec=DRY_SENDER)
    if isinstance(sender, str):
        raise UsageError(f"адрес отправителя {sender}")
    if opts.outbox is not None:
        return delivery.Outbox(opts.outbox, opts.as_of.isoformat()), "outbox", sender
    if config is None:
        return delivery.Printer(out), "dry", sender
    return delivery.Smtp(config, opts.rate), "smtp", sender


def _send(msg: Any, transport: Any, tally: Tally, opts: Options) -> dict[str, str]:
    from roadmapctl.notify.delivery import recipients

    if tally.budget <= 0:
        why = f"превышен предел писем за один запуск ({opts.max_messages}); остальные уйдут при следующем запуске"
        return {a: why for a in recipients(msg)}
    tally.budget -= 1
    failed: dict[str, str] = transport.send(msg)
    return failed


def _remind(digest: Digest, opts: Options, state: State, transport: Any, mode: str, sender: Address,
            tally: Tally) -> None:
    """Send one recipient what they have not had today; note the outcome of each part."""
    wanted = digest.keys()
    groups: dict[frozenset[str], list[str]] = {}
    for address in digest.recipient.addresses:
        left = frozenset(wanted - state.sent(address, opts.as_of))
        if left:
            groups.setdefault(left, []).append(address)
    failures: dict[str, str] = {}
    for keys, addresses in groups.items():
        part = digest.only(set(keys))
        assert part is not None
        part = part.to(Recipient(digest.recipient.name, tuple(addresses)))
        subject, text, html = reminder(part, opts.as_of, opts.within)
        msg = build(sender, part.recipient, subject, text, html, _reply_to(digest))
        failed = _send(msg, transport, tally, opts)
        failures.update(failed)
        delivered = [a for a in addresses if a not in failed]
        if mode == "smtp" and delivered:
            state.record(delivered, keys, opts.as_of)
    status = "failed" if failures else ("earlier" if not groups else ("sent" if mode == "smtp" else "shown"))
    why = "; ".join(f"{a}: {reason}" for a, reason in failures.items())
    name = who(digest.recipient.name, sorted(digest.recipient.addresses))
    if failures:
        tally.failed.append(f"не отправлено: {name} — {why}")
    elif groups:
        tally.sent.append(name)
    else:
        tally.earlier.append(name)
    for p in digest.parts:
        tally.notified.append(Notified(p.file, p.executor, digest.recipient.key, p.count(True), p.count(False),
                                       status, why))


def _reply_to(digest: Digest) -> list[Address]:
    seen: dict[str, Address] = {}
    for part in digest.parts:
        controller = part.controller
        if controller is None:
            continue
        recipient, _bad = parse_addresses(controller.emails, controller.name or "")
        for address in recipient.headers() if recipient else []:
            seen.setdefault(address.addr_spec, address)
    return list(seen.values())


def _summaries(the_plan: Plan, given: Recipient | None, opts: Options, state: State, transport: Any,
               mode: str, sender: Address, tally: Tally) -> None:
    scopes: dict[str, tuple[Recipient, list[tuple[str, str]]]] = {}
    for file, roadmap in the_plan.files:
        recipient = given
        if recipient is None and roadmap.controller is not None:
            recipient, _bad = parse_addresses(roadmap.controller.emails,
                                              roadmap.controller.name or "Контроль исполнения")
        if recipient is not None:
            scopes.setdefault(recipient.key, (recipient, []))[1].append((file, roadmap.title))
    if given is not None and not scopes:
        scopes[given.key] = (given, [])
    for recipient, roadmaps in scopes.values():
        files = {file for file, _title in roadmaps}
        notified = [n for n in tally.notified if n.file in files]
        unreachable = [u for u in the_plan.unreachable if u.file in files]
        others = [f"{file}:" for file, _roadmap in the_plan.files if file not in files]
        problems = [*the_plan.errors,
                    *(w for w in the_plan.warnings if not any(other in w for other in others)),
                    *(text for file, text in the_plan.bad_addresses if file in files)]
        if not (notified or unreachable or problems):
            continue
        tried = any(n.status in ("sent", "failed", "shown") for n in notified)
        fresh = [a for a in recipient.addresses if SUMMARY_KEY not in state.sent(a, opts.as_of)]
        if not tried and not fresh:
            continue
        subject, text, html = summary(opts.as_of, opts.within, roadmaps, notified, unreachable, problems)
        msg = build(sender, recipient, subject, text, html)
        failed = _send(msg, transport, tally, opts)
        name = f"сводка: {who(recipient.name, sorted(recipient.addresses))}"
        if failed:
            tally.failed.append(f"не отправлена {name} — " + "; ".join(f"{a}: {w}" for a, w in failed.items()))
        else:
            tally.sent.append(name)
        delivered = [a for a in recipient.addresses if a not in failed]
        if mode == "smtp" and delivered:
            state.record(delivered, [SUMMARY_KEY], opts.as_of)


def report(outcome: Outcome, quiet: bool, outbox: Path | None = None) -> list[str]:
    """The lines of the run's report: every failure always; the rest unless `quiet`."""
    if outcome.day_off:
        return [] if quiet else [f"{outcome.day_off}: напоминания не отправляются."]
    tally, the_plan, mode = outcome.tally, outcome.plan, outcome.mode
    lines = list(tally.failed)
    if quiet:
        return lines
    done = {"smtp": "отправлено", "outbox": "записано", "dry": "подготовлено"}[mode]
    lines += [f"{done}: {name}" for name in tally.sent]
    lines += [f"уже отправлено сегодня: {name}" for name in tally.earlier]
    lines += [f"без адреса: {u.file}: {u.executor} ({u.why})" for u in the_plan.unreachable]
    lines += [text for _file, text in the_plan.bad_addresses]
    letters = count(len(tally.sent), "письмо", "письма", "писем")
    if mode == "dry":
        lines.append(f"Пробный запуск: подготовлено {letters}, ничего не отправлено" + (
            " — SMTP не настроен (ROADMAPCTL_SMTP_HOST или ~/.config/roadmapctl/smtp.toml)."
            if outcome.unconfigured else "."))
    elif mode == "outbox":
        lines.append(f"В папку {outbox} записано {letters}.")
    else:
        lines.append(f"Отправлено {letters}" + (f", не отправлено {len(tally.failed)}" if tally.failed else "")
                     + ("" if tally.sent or tally.failed else " — новых напоминаний сегодня нет") + ".")
    return lines
