"""The parts of `notify` one by one: addresses, settings, state, pacing, working days, wording."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from conftest import DATA
from roadmapctl.errors import InputError, UsageError
from roadmapctl.model.addresses import split_addresses
from roadmapctl.notify import smtp
from roadmapctl.notify.compose import items, window
from roadmapctl.notify.delivery import Smtp
from roadmapctl.notify.mail import normalise, parse_addresses
from roadmapctl.notify.state import KEEP_DAYS, State, default_path
from roadmapctl.notify.workdays import day_off
from roadmapctl.reading.loader import load, load_text

SMALL = DATA / "positive" / "notify-small.yaml"


# -- addresses -------------------------------------------------------------------------


def test_addresses_are_split_the_way_people_paste_them() -> None:
    assert split_addresses("a@x.ru, b@x.ru;c@x.ru  d@x.ru") == ("a@x.ru", "b@x.ru", "c@x.ru", "d@x.ru")
    assert split_addresses("a@x.ru, a@x.ru") == ("a@x.ru",)
    assert split_addresses(None) == () and split_addresses("") == ()


@pytest.mark.parametrize(("text", "expected"), [
    ("Uo@Example.RU", "Uo@example.ru"),
    ("<uo@example.ru>", "uo@example.ru"),
    ("shkola1@школа.рф", "shkola1@xn--80atdl2c.xn--p1ai"),
])
def test_usable_addresses_are_normalised(text: str, expected: str) -> None:
    assert normalise(text) == expected


@pytest.mark.parametrize(("text", "why"), [
    ("uo.example.ru", "нет «@»"),
    ("иван@example.ru", "русские буквы до «@»"),
    ("a b@example.ru", "нет «@»"),  # split by spaces, «a» has no «@»
    ("uo@localhost", "недопустимое имя домена"),
    ("uo@exa_mple.ru", "недопустимое имя домена"),
    ("uo..x@example.ru", "недопустимые знаки до «@»"),
])
def test_unusable_addresses_say_why(text: str, why: str) -> None:
    _recipient, bad = parse_addresses(split_addresses(text), "УО")
    assert bad and why in bad[0][1]


def test_loader_reads_a_controller_and_several_addresses() -> None:
    roadmap = load(SMALL).roadmap
    assert roadmap is not None and roadmap.controller is not None
    assert roadmap.controller.name == "Иванова Ирина Игоревна, методист"
    assert roadmap.controller.emails == ("metodist@example.ru",)
    assert roadmap.executors["uo"].emails == ("uo@example.ru", "uo-zam@example.ru")
    assert roadmap.executors["oo"].emails == ()


def test_controller_with_an_unknown_key_is_a_problem_with_its_line() -> None:
    text = SMALL.read_text(encoding="utf-8").replace("  email: metodist@example.ru", "  mail: metodist@example.ru")
    result = load_text(text, "x.yaml")
    problems = [p for p in result.problems if p.is_error]
    assert len(problems) == 1
    assert problems[0].line == 7 and "mail" in problems[0].message


# -- SMTP settings ----------------------------------------------------------------------


def env(**values: str) -> dict[str, str]:
    return {f"ROADMAPCTL_SMTP_{k.upper()}": v for k, v in values.items()} | {"HOME": "/nonexistent"}


def test_no_host_means_not_configured() -> None:
    assert smtp.load(env()) is None


def test_environment_settings_and_defaults() -> None:
    config = smtp.load(env(host="mail.example.ru", user="robot@example.ru", password="pw"))
    assert config is not None
    assert (config.host, config.port, config.security, config.user) == ("mail.example.ru", 587, "starttls",
                                                                       "robot@example.ru")
    assert "pw" not in repr(config)
    assert smtp.load(env(host="mail.example.ru", port="465")).security == "ssl"  # type: ignore[union-attr]
    assert smtp.load(env(host="mail.example.ru", security="ssl")).port == 465  # type: ignore[union-attr]


@pytest.mark.parametrize(("values", "message"), [
    ({"host": "m.example.ru", "security": "tls"}, "security: «tls» — допустимо starttls, ssl, none"),
    ({"host": "m.example.ru", "port": "smtp"}, "port и timeout — числа"),
    ({"host": "m.example.ru", "port": "70000"}, "port — от 1 до 65535"),
    ({"host": "m.example.ru", "security": "none", "user": "u", "password": "p"},
     "пароль нельзя передавать без шифрования"),
    ({"user": "u"}, "не указан сервер"),
])
def test_bad_settings_are_usage_errors(values: dict[str, str], message: str) -> None:
    with pytest.raises(UsageError) as caught:
        smtp.load(env(**values))
    assert message in caught.value.message
    assert "ROADMAPCTL_SMTP_" in caught.value.message  # where the settings came from


def test_password_over_plain_smtp_is_allowed_to_this_machine_only() -> None:
    config = smtp.load(env(host="127.0.0.1", security="none", user="u", password="p"))
    assert config is not None and config.password == "p"


def test_settings_file_and_environment_together(tmp_path: Path) -> None:
    path = tmp_path / "smtp.toml"
    path.write_text('host = "mail.example.ru"\nport = 2525\nuser = "robot"\npassword = "pw"\n', encoding="utf-8")
    path.chmod(0o600)
    config = smtp.load(env(port="25", security="starttls"), str(path))
    assert config is not None
    assert (config.host, config.port, config.user, config.password) == ("mail.example.ru", 25, "robot", "pw")
    assert str(path) in config.source and "ROADMAPCTL_SMTP_PORT" in config.source


def test_world_readable_password_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "smtp.toml"
    path.write_text('host = "mail.example.ru"\npassword = "pw"\n', encoding="utf-8")
    path.chmod(0o644)
    with pytest.raises(InputError) as caught:
        smtp.load(env(), str(path))
    assert caught.value.message == f"файл {path} с паролем SMTP могут читать все пользователи"
    assert caught.value.hint == f"выполните: chmod 600 {path}"
    path.write_text('host = "mail.example.ru"\n', encoding="utf-8")  # no password: nothing to hide
    assert smtp.load(env(), str(path)) is not None


def test_password_file(tmp_path: Path) -> None:
    secret = tmp_path / "password"
    secret.write_text("pw\n", encoding="utf-8")
    secret.chmod(0o600)
    config = smtp.load(env(host="mail.example.ru", password_file=str(secret)))
    assert config is not None and config.password == "pw"
    secret.chmod(0o604)
    with pytest.raises(InputError):
        smtp.load(env(host="mail.example.ru", password_file=str(secret)))


def test_settings_file_mistakes(tmp_path: Path) -> None:
    path = tmp_path / "smtp.toml"
    path.write_text('hots = "mail.example.ru"\n', encoding="utf-8")
    with pytest.raises(InputError, match="неизвестные ключи hots"):
        smtp.load(env(), str(path))
    path.write_text('host = "mail.example.ru\n', encoding="utf-8")
    with pytest.raises(InputError, match="ошибка TOML"):
        smtp.load(env(), str(path))
    with pytest.raises(InputError, match="нет"):
        smtp.load(env(), str(tmp_path / "missing.toml"))


def test_default_settings_file_is_read_from_the_config_folder(tmp_path: Path) -> None:
    path = tmp_path / "roadmapctl" / "smtp.toml"
    path.parent.mkdir()
    path.write_text('host = "mail.example.ru"\n', encoding="utf-8")
    config = smtp.load({"XDG_CONFIG_HOME": str(tmp_path)})
    assert config is not None and config.host == "mail.example.ru"


# -- state -----------------------------------------------------------------------------------


def test_state_remembers_per_address_and_day_and_forgets_old_days(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "state.json"
    day = date(2024, 2, 1)
    state = State.load(path)
    state.record(["a@x.ru"], {"f#1.1#2024-01-20"}, date(2023, 12, 1))
    state.record(["a@x.ru", "b@x.ru"], {"f#1.2#2024-01-31"}, day)
    again = State.load(path)
    assert again.sent("a@x.ru", day) == {"f#1.2#2024-01-31"}
    assert again.sent("b@x.ru", day) == {"f#1.2#2024-01-31"}
    assert again.sent("a@x.ru", date(2024, 2, 2)) == set()
    assert (day - date(2023, 12, 1)).days > KEEP_DAYS  # so the December day is forgotten
    assert list(json.loads(path.read_text(encoding="utf-8"))["sent"]) == ["2024-02-01"]


def test_default_state_is_in_the_root_of_the_work_tree(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "roadmaps").mkdir()
    assert default_path(tmp_path / "roadmaps") == tmp_path.resolve() / ".roadmapctl" / "notify-state.json"


# -- pacing ------------------------------------------------------------------------------------


def test_rate_limit_waits_between_messages_without_real_time() -> None:
    now = [100.0]
    waits: list[float] = []

    def sleep(seconds: float) -> None:
        waits.append(seconds)
        now[0] += seconds

    sender = Smtp(smtp.SmtpConfig("h", 25, "none", None, None, None, 1, "test"), rate=30,
                  sleep=sleep, clock=lambda: now[0])
    sender._pace()
    now[0] += 0.5
    sender._pace()
    now[0] += 10
    sender._pace()
    assert waits == [1.5]  # 30 a minute: two seconds apart; a slow message needs no wait


# -- working days and wording ------------------------------------------------------------------


@pytest.mark.parametrize(("day", "why"), [
    (date(2024, 2, 1), None),
    (date(2024, 2, 23), "День защитника Отечества"),
    (date(2024, 4, 27), None),  # a Saturday made a working day
    (date(2024, 4, 28), "воскресенье"),
    (date(2024, 4, 29), "Выходной (перенесено с 27.04.2024)"),
])
def test_russian_working_days(day: date, why: str | None) -> None:
    assert day_off(day) == why


@pytest.mark.parametrize(("n", "text"), [(1, "1 мероприятие"), (2, "2 мероприятия"), (5, "5 мероприятий"),
                                         (11, "11 мероприятий"), (21, "21 мероприятие"), (22, "22 мероприятия")])
def test_item_counts_agree_with_the_number(n: int, text: str) -> None:
    assert items(n) == text


def test_window_phrases() -> None:
    as_of = date(2024, 2, 1)
    assert window(0, as_of) == "сегодня (01.02.2024)"
    assert window(1, as_of) == "сегодня или завтра (по 02.02.2024)"
    assert window(7, as_of) == "в ближайшие 7 дней (по 08.02.2024)"
    assert window(21, as_of) == "в ближайшие 21 день (по 22.02.2024)"


def test_a_second_run_while_one_sends_is_refused(tmp_path: Path) -> None:
    from roadmapctl.notify.state import locked

    pytest.importorskip("fcntl")
    path = tmp_path / "state.json"
    with locked(path), pytest.raises(InputError, match="рассылка уже идёт"), locked(path):
        pass
    with locked(path):  # released
        pass


def test_html_part_escapes_what_users_typed() -> None:
    from roadmapctl.notify.compose import to_html, to_text

    blocks = [("item", "1.1 План <b>срочно</b> & «важно»", ["Срок: «до 1 <марта>»"])]
    html = to_html("Тема <x>", blocks)
    assert "<b>срочно</b>" not in html and "&lt;b&gt;срочно&lt;/b&gt; &amp; «важно»" in html
    assert "<title>Тема &lt;x&gt;</title>" in html
    assert to_text(blocks) == "  1.1 План <b>срочно</b> & «важно»\n      Срок: «до 1 <марта>»\n"


def test_check_warns_about_exactly_the_addresses_notify_cannot_use(cli) -> None:
    """R121 and notify judge addresses by one function: what check flags, notify refuses."""
    import re

    from roadmapctl.reading import read

    path = DATA / "negative" / "email-address.yaml"
    flagged = set(re.findall(r"\[R121\] адрес почты .*«([^»]*)»: ", cli("check", path).out))
    roadmap = read(path).roadmap
    assert roadmap is not None and roadmap.controller is not None
    owners = [*roadmap.executors.values(), roadmap.controller]
    refused = {text for owner in owners for text, _why in parse_addresses(owner.emails, "")[1]}
    assert flagged == refused and len(flagged) == 4
