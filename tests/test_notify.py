"""`roadmapctl notify` against a real SMTP server on localhost (aiosmtpd), through the CLI."""

from __future__ import annotations

import email
import json
import shutil
import socket
from collections.abc import Iterator
from email import policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from conftest import DATA, ROADMAPS
from roadmapctl.output.tables import days
from roadmapctl.reading.loader import load
from roadmapctl.tracking import track

aiosmtpd = pytest.importorskip("aiosmtpd.controller", reason="нужен пакет aiosmtpd (тестовые зависимости)")

SMALL = DATA / "positive" / "notify-small.yaml"
AS_OF = "2024-02-01"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Handler:
    """Accepts everything, except addresses in `refuse`; drops the connection on `drop` (once each)."""

    def __init__(self) -> None:
        self.messages: list[tuple[list[str], EmailMessage]] = []
        self.refuse: set[str] = set()
        self.drop: set[str] = set()
        self.port = 0

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str, options: Any) -> str:
        if address in self.refuse:
            return f"550 5.1.1 <{address}>: mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        dropped = self.drop & set(envelope.rcpt_tos)
        if dropped:
            self.drop -= dropped
            server.transport.close()
            return "421 closing"
        msg = email.message_from_bytes(envelope.content, policy=policy.default)
        msg.raw = envelope.content  # type: ignore[attr-defined]
        self.messages.append((list(envelope.rcpt_tos), msg))  # type: ignore[arg-type]
        return "250 Message accepted"

    def take(self) -> list[tuple[list[str], EmailMessage]]:
        taken, self.messages = self.messages, []
        return taken


@pytest.fixture
def isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """No SMTP settings from the machine running the tests."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    for key in ("HOST", "PORT", "SECURITY", "USER", "PASSWORD", "PASSWORD_FILE", "FROM", "CONFIG", "TIMEOUT"):
        monkeypatch.delenv(f"ROADMAPCTL_SMTP_{key}", raising=False)
    return tmp_path


@pytest.fixture
def server(isolated: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Handler]:
    handler = Handler()
    port = free_port()
    handler.port = port
    controller = aiosmtpd.Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    monkeypatch.setenv("ROADMAPCTL_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("ROADMAPCTL_SMTP_PORT", str(port))
    monkeypatch.setenv("ROADMAPCTL_SMTP_SECURITY", "none")
    monkeypatch.setenv("ROADMAPCTL_SMTP_FROM", "Контроль исполнения <roadmapctl@example.ru>")
    try:
        yield handler
    finally:
        controller.stop()


@pytest.fixture(scope="session")
def addressed_maps(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The addressed sample roadmaps, written once a session (a ruamel round trip of each)."""
    return addressed_copy(ROADMAPS, tmp_path_factory.mktemp("notify") / "maps")


def fresh_copy(folder: Path, target: Path) -> Path:
    """A copy a test may change (notify keeps no state in the roadmaps, but a test may)."""
    shutil.copytree(folder, target)
    return target


def addressed_copy(source: Path, target: Path) -> Path:
    """The sample roadmaps with an example.ru address for every executor and a controller."""
    yaml = YAML()
    target.mkdir()
    for path in sorted(source.glob("*.yaml")):
        data = yaml.load(path.read_text(encoding="utf-8"))
        town = path.stem.split("-")[0]
        for ident, value in list(data["executors"].items()):
            address = f"{ident}.{town}@example.ru"
            if isinstance(value, str):
                data["executors"][ident] = {"name": value, "email": address}
            else:
                value["email"] = address
        data["controller"] = {"name": f"Методист ({town})", "email": f"metodist.{town}@example.ru"}
        with (target / path.name).open("w", encoding="utf-8") as handle:
            yaml.dump(data, handle)
    return target


def due_executors(folder: Path, within: int = 7) -> dict[str, set[str]]:
    """Oracle: per executor address, the item numbers overdue or due within `within` days."""
    from datetime import date, timedelta

    as_of = date.fromisoformat(AS_OF)
    wanted: dict[str, set[str]] = {}
    for path in sorted(folder.glob("*.yaml")):
        roadmap = load(path).roadmap
        assert roadmap is not None
        for tracked in track(roadmap, as_of):
            if any(o.state == "overdue" or (o.state == "open" and o.effective_due <= as_of + timedelta(days=within))
                   for o in tracked.occurrences):
                for ref in tracked.executors:
                    wanted.setdefault(roadmap.executors[ref.id].email or "", set()).add(tracked.address)
    return wanted


def notify(cli: Any, *args: Any, state: Path) -> Any:
    return cli("notify", *args, "--as-of", AS_OF, "--state", state, "--rate", "0")


def summaries(messages: list[tuple[list[str], EmailMessage]]) -> list[EmailMessage]:
    return [m for _to, m in messages if str(m["Subject"]).startswith("Рассылка напоминаний")]


def reminders(messages: list[tuple[list[str], EmailMessage]]) -> dict[str, EmailMessage]:
    out: dict[str, EmailMessage] = {}
    seen: list[str] = []
    for to, msg in messages:
        if not str(msg["Subject"]).startswith("Рассылка напоминаний"):
            seen += to
            out[to[0]] = msg
    assert len(seen) == len(set(seen)), "одному адресу — одно письмо"
    return out


def header(msg: EmailMessage, name: str) -> str:
    """A header as a mail reader shows it.

    Long Russian names are folded into several encoded words, as RFC 2047
    requires; Python's own address parser puts a space between such words
    inside a display name, mail readers (and `decode_header`) do not.
    """
    from email.header import decode_header, make_header

    raw = email.message_from_bytes(msg.raw, policy=policy.compat32)[name]  # type: ignore[attr-defined]
    return str(make_header(decode_header(raw)))


def text(msg: EmailMessage) -> str:
    part = msg.get_body(preferencelist=("plain",))
    assert part is not None
    return str(part.get_content())


# -- done when: the three roadmaps, one message per executor, then nothing -----------


def test_sample_roadmaps_one_message_per_executor_then_nothing(cli, server: Handler, tmp_path: Path,
                                                              addressed_maps: Path) -> None:
    maps = fresh_copy(addressed_maps, tmp_path / "maps")
    state = tmp_path / "state.json"
    expected = due_executors(maps)
    assert len(expected) > 10  # the oracle sees real work

    first = notify(cli, maps, state=state)
    assert first.code == 0, first.out + first.err
    got = server.take()
    mails = reminders(got)
    assert set(mails) == set(expected)
    for address, msg in mails.items():
        body = text(msg)
        for number in expected[address]:
            assert f"\n  {number} " in body, (address, number)
        assert msg["Auto-Submitted"] == "auto-generated"
        assert msg["Message-ID"] and msg["Date"]
        assert str(msg["Subject"]).startswith("Сроки дорожных карт на 01.02.2024: ")
        assert msg.get_content_type() == "multipart/alternative"
        assert [p.get_content_type() for p in msg.iter_parts()] == ["text/plain", "text/html"]
        town = address.split("@")[0].split(".")[-1]
        assert msg["Reply-To"].addresses[0].addr_spec == f"metodist.{town}@example.ru"
    controllers = sorted(m["To"].addresses[0].addr_spec for m in summaries(got))
    assert controllers == [f"metodist.{t}@example.ru" for t in ("belgorod", "chelyabinsk", "lysva")]
    assert len(got) == len(expected) + 3

    second = notify(cli, maps, state=state)
    assert second.code == 0, second.err
    assert server.take() == []
    assert "новых напоминаний сегодня нет" in second.out


def test_days_overdue_agree_with_the_overdue_report(cli, isolated: Path, tmp_path: Path,
                                                    addressed_maps: Path) -> None:
    """Read from a dry run: its bodies are the ones sent (test_dry_run_outbox_and_smtp_give_identical_bodies)."""
    maps = addressed_maps  # read, never changed
    report = cli("overdue", maps / "lysva-2021-2022.yaml", "--as-of", AS_OF, "--format", "json")
    entries = json.loads(report.out)
    assert entries
    dry = notify(cli, maps / "lysva-2021-2022.yaml", "--dry-run", state=tmp_path / "s.json")
    assert dry.code == 0, dry.err
    body = dry_bodies(dry.out)["uo.lysva@example.ru"]
    theirs = [entry for entry in entries
              if "УО" in entry["executors"] or any("Управление образования" in e for e in entry["executors"])]
    assert theirs  # the office does have overdue measures
    for entry in theirs:
        assert f"просрочено на {days(entry['days_overdue'])}" in body


# -- the small roadmap: headers, bodies, several addresses --------------------------


def test_headers_and_body_of_a_reminder(cli, server: Handler, tmp_path: Path) -> None:
    result = notify(cli, SMALL, state=tmp_path / "s.json")
    assert result.code == 0, result.err
    got = server.take()
    mails = reminders(got)
    assert sorted(mails) == ["cro@example.ru", "uo@example.ru"]  # uo: one message to both addresses
    cro = mails["cro@example.ru"]
    assert header(cro, "From") == "Контроль исполнения <roadmapctl@example.ru>"
    assert header(cro, "To") == "ЦРО — Центр развития образования <cro@example.ru>"
    assert header(cro, "Reply-To") == "Иванова Ирина Игоревна, методист <metodist@example.ru>"
    assert cro["Subject"] == ("Сроки дорожных карт на 01.02.2024: просрочено 2 мероприятия; "
                              "срок в ближайшие 7 дней — 1 мероприятие")
    raw = cro.as_string()
    assert "=?utf-8?" in raw  # Russian headers are encoded words on the wire
    body = text(cro)
    assert "просрочено на 12 дней" in body and "через 4 дня" in body
    assert "перенесён на 20.01.2024" in body
    assert "Перенос срока: на 20.01.2024 (решение от 10.01.2024); причина: поздно поступили данные; " \
           "основание: письмо № 7" in body
    assert "Вы указаны соисполнителем." in body and "Другие исполнители: УО" in body
    assert "просрочено на 43 дня" in body and "просрочено на 10 дней" in body
    assert "контролёру исполнения: Иванова Ирина Игоревна, методист, metodist@example.ru" in body
    assert "1.3" not in body and "1.5" not in body  # not due soon; done
    html = cro.get_body(preferencelist=("html",))
    assert html is not None and "просрочено на 12 дней" in html.get_content()


def test_an_executor_with_two_addresses_gets_one_message(cli, server: Handler, tmp_path: Path) -> None:
    assert notify(cli, SMALL, state=tmp_path / "s.json").code == 0
    got = server.take()
    to_uo = [to for to, msg in got if "uo@example.ru" in to]
    assert to_uo == [["uo@example.ru", "uo-zam@example.ru"]]


def test_summary_names_who_has_no_address(cli, server: Handler, tmp_path: Path) -> None:
    result = notify(cli, SMALL, state=tmp_path / "s.json")
    summary = summaries(server.take())
    assert len(summary) == 1
    body = text(summary[0])
    assert "Напоминания отправлены: 2" in body
    assert "ОО — Общеобразовательные организации: просрочено: 1 (адреса нет)" in body
    assert "Школа № 1: просрочено: 1 (адрес записан с ошибкой)" in body
    assert "без адреса: " in result.out


def test_to_replaces_the_controller(cli, server: Handler, tmp_path: Path) -> None:
    result = notify(cli, SMALL, "--to", "boss@example.ru", "--to", "deputy@example.ru", state=tmp_path / "s.json")
    assert result.code == 0
    summary = summaries(server.take())
    assert [sorted(a.addr_spec for a in m["To"].addresses) for m in summary] == [
        ["boss@example.ru", "deputy@example.ru"]]


# -- failures -------------------------------------------------------------------------


def test_refused_recipient_is_reported_and_resent_alone(cli, server: Handler, tmp_path: Path) -> None:
    state = tmp_path / "s.json"
    server.refuse = {"cro@example.ru"}
    first = notify(cli, SMALL, state=state)
    assert first.code == 1
    assert "не отправлено: ЦРО — Центр развития образования <cro@example.ru> — cro@example.ru: " \
           "сервер ответил 550" in first.out
    got = server.take()
    assert "cro@example.ru" not in reminders(got)
    assert "Не отправлены (следующий запуск отправит их снова): 1" in text(summaries(got)[0])

    server.refuse = set()
    second = notify(cli, SMALL, state=state)
    assert second.code == 0, second.out
    again = server.take()
    assert list(reminders(again)) == ["cro@example.ru"]
    assert len(summaries(again)) == 1  # the controller learns of the resend


def test_one_refused_address_of_two_is_resent_alone(cli, server: Handler, tmp_path: Path) -> None:
    state = tmp_path / "s.json"
    server.refuse = {"uo-zam@example.ru"}
    assert notify(cli, SMALL, state=state).code == 1
    first = [to for to, _m in server.take()]
    assert ["uo@example.ru"] in first
    server.refuse = set()
    assert notify(cli, SMALL, state=state).code == 0
    assert [to for to, m in server.take() if not summaries([(to, m)])] == [["uo-zam@example.ru"]]


def test_dropped_connection_fails_one_message_and_the_next_goes(cli, server: Handler, tmp_path: Path) -> None:
    state = tmp_path / "s.json"
    server.drop = {"cro@example.ru"}
    first = notify(cli, SMALL, state=state)
    assert first.code == 1
    assert "не отправлено: ЦРО" in first.out
    got = reminders(server.take())
    assert "uo@example.ru" in got and "cro@example.ru" not in got
    assert notify(cli, SMALL, state=state).code == 0
    assert list(reminders(server.take())) == ["cro@example.ru"]


def test_server_down_fails_every_message_and_sends_all_later(cli, isolated: Path, monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("ROADMAPCTL_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("ROADMAPCTL_SMTP_PORT", str(free_port()))
    monkeypatch.setenv("ROADMAPCTL_SMTP_SECURITY", "none")
    monkeypatch.setenv("ROADMAPCTL_SMTP_FROM", "roadmapctl@example.ru")
    state = tmp_path / "s.json"
    result = notify(cli, SMALL, state=state)
    assert result.code == 1
    failed = [line for line in result.out.splitlines() if line.startswith("не отправлен")]
    assert len(failed) == 3  # two reminders and the summary
    assert all("не удалось подключиться к серверу 127.0.0.1:" in line for line in failed)
    assert json.loads(state.read_text(encoding="utf-8"))["sent"] == {}


def test_message_limit_leaves_the_rest_for_the_next_run(cli, server: Handler, tmp_path: Path) -> None:
    state = tmp_path / "s.json"
    first = notify(cli, SMALL, "--max-messages", "1", state=state)
    assert first.code == 1
    assert "превышен предел писем за один запуск (1); остальные уйдут при следующем запуске" in first.out
    assert len(server.take()) == 1
    assert notify(cli, SMALL, state=state).code == 0
    assert len(reminders(server.take())) == 1


def test_broken_roadmap_is_in_the_summary_and_exit_2(cli, server: Handler, tmp_path: Path) -> None:
    folder = tmp_path / "maps"
    folder.mkdir()
    (folder / "a.yaml").write_text(SMALL.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "b.yaml").write_text("title: [\n", encoding="utf-8")
    result = notify(cli, folder, state=tmp_path / "s.json")
    assert result.code == 2
    assert f"ошибка: карта {folder / 'b.yaml'} пропущена" in result.err
    got = server.take()
    assert f"карта {folder / 'b.yaml'} не прочитана — в ней ошибки" in text(summaries(got)[0])
    assert sorted(reminders(got)) == ["cro@example.ru", "uo@example.ru"]  # the readable roadmap is served


def test_damaged_state_file_stops_before_sending(cli, server: Handler, tmp_path: Path) -> None:
    state = tmp_path / "s.json"
    state.write_text("{not json", encoding="utf-8")
    result = notify(cli, SMALL, state=state)
    assert result.code == 2
    assert "файл состояния рассылки" in result.err and "повреждён" in result.err
    assert server.take() == []


QUIET = """title: Карта без близких сроков
period: 2023/2024
controller: {name: Методист, email: metodist@example.ru}
executors:
  cro: {name: Центр развития образования, email: cro@example.ru}
sections:
  - number: "1"
    title: Раздел
    items:
      - number: "1.1"
        title: Далёкое мероприятие
        deadline: до 1 июня 2024
        executors: [cro]
"""


def test_nothing_due_sends_nothing(cli, server: Handler, tmp_path: Path) -> None:
    quiet = tmp_path / "quiet.yaml"
    quiet.write_text(QUIET, encoding="utf-8")
    result = notify(cli, quiet, state=tmp_path / "s.json")
    assert result.code == 0, result.err
    assert server.take() == []
    assert notify(cli, quiet, "--quiet", state=tmp_path / "s.json").out == ""


# -- dry run and outbox -----------------------------------------------------------------


def dry_bodies(out: str) -> dict[str, str]:
    """The plain-text bodies of a dry run, by the first address in «Кому»."""
    messages = out.split("\nподготовлено: ")[0] + "\n"
    bodies = {}
    for block in messages.split("===== Письмо ")[1:]:
        head, _, body = block.partition("\n\n")
        bodies[head.split("<", 1)[1].split(">", 1)[0]] = body[:-1]
    return bodies


def test_dry_run_outbox_and_smtp_give_identical_bodies(cli, server: Handler, tmp_path: Path) -> None:
    dry = notify(cli, SMALL, "--dry-run", state=tmp_path / "s.json")
    assert dry.code == 0
    assert server.take() == []
    assert not (tmp_path / "s.json").exists()  # a dry run remembers nothing
    shown = dry_bodies(dry.out)

    outbox = tmp_path / "outbox"
    written = notify(cli, SMALL, "--outbox", outbox, state=tmp_path / "s.json")
    assert written.code == 0
    assert f"В папку {outbox} записано 3 письма." in written.out
    files = sorted(outbox.glob("*.eml"))
    assert len(files) == 3
    assert server.take() == []
    stored = {}
    for path in files:
        msg = email.message_from_bytes(path.read_bytes(), policy=policy.default)
        stored[msg["To"].addresses[0].addr_spec] = text(msg)  # type: ignore[union-attr]

    assert notify(cli, SMALL, state=tmp_path / "s.json").code == 0
    sent = {to[0]: text(m) for to, m in server.take()}
    assert set(shown) == set(stored) == set(sent) == {"cro@example.ru", "uo@example.ru", "metodist@example.ru"}
    for address in shown:
        assert shown[address].encode() == stored[address].encode()
        if address != "metodist@example.ru":  # the summary says «отправлены» only when they were
            assert shown[address].encode() == sent[address].encode()


def test_without_smtp_settings_it_is_a_dry_run(cli, isolated: Path, tmp_path: Path) -> None:
    result = notify(cli, SMALL, state=tmp_path / "s.json")
    assert result.code == 0
    assert result.out.startswith("===== Письмо 1 =====\nКому: ЦРО — Центр развития образования <cro@example.ru>\n")
    assert "SMTP не настроен" in result.out
    assert not (tmp_path / "s.json").exists()


# -- working days -------------------------------------------------------------------------


@pytest.mark.parametrize(("day", "why"), [("2024-02-23", "День защитника Отечества"), ("2024-04-28", "воскресенье")])
def test_workdays_skip_holidays_and_weekends(cli, server: Handler, tmp_path: Path, day: str, why: str) -> None:
    result = cli("notify", SMALL, "--as-of", day, "--workdays", "--state", tmp_path / "s.json", "--rate", "0")
    assert result.code == 0
    assert why in result.out and "напоминания не отправляются" in result.out
    assert server.take() == []


def test_workdays_send_on_a_working_saturday(cli, server: Handler, tmp_path: Path) -> None:
    result = cli("notify", SMALL, "--as-of", "2024-04-27", "--workdays", "--state", tmp_path / "s.json",
                 "--rate", "0")
    assert result.code == 0, result.out
    assert server.take() != []


# -- settings that the server does not accept ------------------------------------------


def test_login_refused_names_the_reason_and_never_the_password(cli, server: Handler, monkeypatch,
                                                               tmp_path: Path) -> None:
    monkeypatch.setenv("ROADMAPCTL_SMTP_USER", "robot")
    monkeypatch.setenv("ROADMAPCTL_SMTP_PASSWORD", "s3cret-Пароль")
    result = notify(cli, SMALL, state=tmp_path / "s.json")
    assert result.code == 1
    assert "не поддерживает вход по имени и паролю (AUTH)" in result.out
    assert "s3cret" not in result.out + result.err
    assert server.take() == []


def test_starttls_the_server_does_not_offer(cli, server: Handler, monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("ROADMAPCTL_SMTP_SECURITY", "starttls")
    result = notify(cli, SMALL, state=tmp_path / "s.json")
    assert result.code == 1
    assert "не поддерживает STARTTLS" in result.out
    assert server.take() == []


def test_settings_file_in_a_git_work_tree_is_refused(cli, isolated: Path, tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    config = repo / "smtp.toml"
    config.write_text('host = "127.0.0.1"\npassword = "x"\n', encoding="utf-8")
    config.chmod(0o600)
    result = notify(cli, SMALL, "--smtp-config", config, state=tmp_path / "s.json")
    assert result.code == 2
    assert f"файл настроек SMTP {config} лежит в рабочей копии git ({repo})" in result.err
    assert "Traceback" not in result.err and result.out == ""


def test_settings_file_outside_the_repository_is_used(cli, server: Handler, monkeypatch, isolated: Path,
                                                      tmp_path: Path) -> None:
    for key in ("HOST", "PORT", "SECURITY", "FROM"):  # the file, not the environment, carries the settings
        monkeypatch.delenv(f"ROADMAPCTL_SMTP_{key}")
    config = isolated / "home" / ".config" / "roadmapctl" / "smtp.toml"
    config.parent.mkdir(parents=True)
    config.write_text(f'[smtp]\nhost = "127.0.0.1"\nport = {server.port}\nsecurity = "none"\n'
                      'from = "roadmapctl@example.ru"\n', encoding="utf-8")
    result = notify(cli, SMALL, state=tmp_path / "s.json")
    assert result.code == 0, result.out + result.err
    assert len(server.take()) == 3


def test_dry_run_of_the_small_roadmap_matches_the_golden_file(cli, isolated: Path, monkeypatch,
                                                              tmp_path: Path) -> None:
    from conftest import golden

    monkeypatch.chdir(SMALL.parent)
    result = cli("notify", SMALL.name, "--as-of", AS_OF, "--state", tmp_path / "s.json")
    assert result.code == 0
    golden(DATA / "golden" / "notify" / "dry-run.txt", result.out)


@pytest.mark.parametrize(("args", "message"), [
    (("--within", "-1"), "--within: число дней — от 0 до"),
    (("--to", "metodist"), "--to: адрес «metodist» — нет «@»"),
])
def test_bad_arguments_exit_2(cli, isolated: Path, tmp_path: Path, args: tuple[str, ...], message: str) -> None:
    result = notify(cli, SMALL, *args, state=tmp_path / "s.json")
    assert result.code == 2
    assert message in result.err
    assert result.out == ""


def test_quiet_prints_only_what_failed(cli, server: Handler, tmp_path: Path) -> None:
    server.refuse = {"cro@example.ru"}
    result = notify(cli, SMALL, "--quiet", state=tmp_path / "s.json")
    assert result.code == 1
    assert result.out.splitlines() == [
        "не отправлено: ЦРО — Центр развития образования <cro@example.ru> — cro@example.ru: "
        "сервер ответил 550 5.1.1 <cro@example.ru>: mailbox unavailable"]


# -- encrypted connections: STARTTLS and SMTPS with a certificate of a private CA --------


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A self-signed certificate for localhost, issued once for the module (an RSA key takes a while)."""
    import shutil
    import subprocess

    if shutil.which("openssl") is None:
        pytest.skip("нужна программа openssl, чтобы выпустить сертификат для теста")
    folder = tmp_path_factory.mktemp("certificate")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert,
                    "-days", "2", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost"],
                   check=True, capture_output=True, timeout=60)
    return cert, key


class Login:
    """Accepts one user and password (aiosmtpd authenticator)."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def __call__(self, server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any) -> Any:
        from aiosmtpd.smtp import AuthResult

        self.seen.append(auth_data.login.decode())
        ok = (auth_data.login, auth_data.password) == (b"robot", b"s3cret-Pass")
        return AuthResult(success=ok, handled=False)  # handled=False: the server answers 535 itself


@pytest.mark.parametrize("security", ["starttls", "ssl"])
def test_encrypted_login_and_delivery(cli, isolated: Path, monkeypatch, tmp_path: Path,
                                      certificate: tuple[Path, Path], security: str) -> None:
    import ssl

    cert, key = certificate
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    handler, login, port = Handler(), Login(), free_port()
    tls = {"tls_context": context, "require_starttls": True} if security == "starttls" else {"ssl_context": context}
    # aiosmtpd does not count SMTPS as TLS for `auth_require_tls`; the connection is encrypted all the same
    controller = aiosmtpd.Controller(handler, hostname="localhost", port=port, authenticator=login,
                                     auth_require_tls=security == "starttls", server_hostname="localhost", **tls)
    controller.start()
    try:
        for key_, value in {"HOST": "localhost", "PORT": str(port), "SECURITY": security, "USER": "robot",
                            "PASSWORD": "s3cret-Pass", "FROM": "robot@example.ru", "CAFILE": str(cert),
                            "TIMEOUT": "20"}.items():
            monkeypatch.setenv(f"ROADMAPCTL_SMTP_{key_}", value)
        result = notify(cli, SMALL, state=tmp_path / "s.json")
        assert result.code == 0, result.out + result.err
        assert len(handler.take()) == 3 and login.seen == ["robot"]

        monkeypatch.setenv("ROADMAPCTL_SMTP_PASSWORD", "wrong")
        refused = notify(cli, SMALL, state=tmp_path / "other.json")
        assert refused.code == 1
        assert "не принял имя пользователя или пароль" in refused.out
        assert "wrong" not in refused.out + refused.err
        assert handler.take() == []

        monkeypatch.delenv("ROADMAPCTL_SMTP_CAFILE")  # a certificate nobody vouches for is not trusted
        untrusted = notify(cli, SMALL, state=tmp_path / "third.json")
        assert untrusted.code == 1
        assert "не удалось подключиться к серверу localhost:" in untrusted.out
        assert handler.take() == []
    finally:
        controller.stop()


def test_default_executors_are_reminded_too(cli, isolated: Path, tmp_path: Path) -> None:
    roadmap = tmp_path / "defaults.yaml"
    roadmap.write_text(QUIET.replace("executors: [cro]", "deadline: до 20 января 2024")
                       .replace("        deadline: до 1 июня 2024\n", "")
                       .replace("sections:\n", "default_executors: [cro]\nsections:\n"), encoding="utf-8")
    assert cli("check", roadmap).code == 0
    result = notify(cli, roadmap, "--dry-run", state=tmp_path / "s.json")
    assert result.code == 0, result.err
    assert "Кому: Центр развития образования <cro@example.ru>\n" in result.out
    assert "  1.1 Далёкое мероприятие\n      Срок: «до 20 января 2024» (до 20.01.2024) — просрочено на 12 дней" \
        in result.out


def test_encoding_reads_a_cp1251_roadmap(cli, isolated: Path, tmp_path: Path) -> None:
    legacy = tmp_path / "карта.yaml"
    legacy.write_bytes(SMALL.read_text(encoding="utf-8").replace("Школа № 1", "Школа 1").encode("cp1251"))
    assert notify(cli, legacy, "--dry-run", state=tmp_path / "s.json").code == 2
    read = notify(cli, legacy, "--dry-run", "--encoding", "cp1251", state=tmp_path / "s.json")
    assert read.code == 0, read.err
    assert "Кому: ЦРО — Центр развития образования <cro@example.ru>" in read.out
