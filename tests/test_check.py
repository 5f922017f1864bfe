"""`roadmapctl check` through the real CLI: exact lines, exit codes, formats."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import DATA, ROADMAPS, ROOT, golden, run_process

NEGATIVE = sorted((DATA / "negative").glob("*.yaml"))
BAD = sorted((ROOT / "tests" / "corpus" / "bad").glob("*.yaml"))
AS_OF = "2024-06-01"


def _relative(path: Path) -> str:
    return str(path.relative_to(ROOT))


@pytest.mark.parametrize("path", NEGATIVE, ids=lambda p: p.stem)
def test_each_mistake_gives_the_expected_lines(cli, path: Path, monkeypatch) -> None:
    monkeypatch.chdir(ROOT)
    result = cli("check", "--as-of", AS_OF, _relative(path))
    golden(path.with_suffix(".expected"), result.out)
    expected_code = 1 if " error [" in result.out else 0
    assert result.code == expected_code
    assert result.err == ""


@pytest.mark.parametrize("path", BAD, ids=lambda p: p.stem)
def test_bad_inputs_give_clear_messages(cli, path: Path, monkeypatch) -> None:
    monkeypatch.chdir(ROOT)
    result = cli("check", "--as-of", AS_OF, _relative(path))
    golden(path.with_suffix(".expected"), result.out)
    assert result.code in (0, 1)
    assert "Traceback" not in result.out + result.err


def test_every_rule_has_a_failing_fixture() -> None:
    from roadmapctl.rules import all_rules

    expected = "".join(p.with_suffix(".expected").read_text(encoding="utf-8") for p in NEGATIVE)
    missing = [rule.ID for rule in all_rules() if f"[{rule.ID}]" not in expected]
    assert missing == []


def test_shipped_roadmaps_pass(cli, monkeypatch) -> None:
    monkeypatch.chdir(ROOT)
    result = cli("check", "--as-of", AS_OF, "roadmaps")
    assert result.code == 0
    assert " error [" not in result.out
    assert result.out.endswith("в 3 файлах.\n")


def test_default_path_is_roadmaps(cli, monkeypatch) -> None:
    monkeypatch.chdir(ROOT)
    assert cli("check", "--as-of", AS_OF).out == cli("check", "--as-of", AS_OF, "roadmaps").out


def test_clean_file_summary(cli) -> None:
    result = cli("check", "--as-of", AS_OF, DATA / "positive" / "minimal.yaml")
    assert (result.code, result.out) == (0, "Замечаний нет: проверено 1 файл.\n")


def test_bom_is_accepted(cli) -> None:
    result = cli("check", "--as-of", AS_OF, DATA / "positive" / "bom.yaml")
    assert (result.code, result.out) == (0, "Замечаний нет: проверено 1 файл.\n")


def test_json_format(cli, monkeypatch) -> None:
    monkeypatch.chdir(ROOT)
    result = cli("check", "--as-of", AS_OF, "--format", "json", "tests/data/negative/done-without-date.yaml")
    assert result.code == 1
    assert json.loads(result.out) == [{
        "path": "tests/data/negative/done-without-date.yaml", "line": 13, "column": 17,
        "level": "error", "code": "R105",
        "message": "статус done, но нет даты исполнения (completions: - date: …)",
    }]


def test_github_format(cli, monkeypatch) -> None:
    monkeypatch.chdir(ROOT)
    result = cli("check", "--as-of", AS_OF, "-f", "github", "tests/data/negative/done-without-date.yaml")
    assert result.out == (
        "::error file=tests/data/negative/done-without-date.yaml,line=13,col=17,title=R105::"
        "статус done, но нет даты исполнения (completions: - date: …)\n"
    )


def test_summary_counts_with_plurals(cli, monkeypatch) -> None:
    monkeypatch.chdir(ROOT)
    result = cli("check", "--as-of", AS_OF, "tests/data/negative/wrong-types.yaml",
                 "tests/data/negative/approval-mismatch.yaml")
    assert result.out.splitlines()[-1] == "4 ошибки, 2 предупреждения в 2 файлах."


def test_list_rules_prints_each_rules_own_docstring(cli) -> None:
    from roadmapctl.rules import all_rules

    result = cli("check", "--list-rules")
    assert result.code == 0
    ids = [line.split()[0] for line in result.out.splitlines() if line[:1] == "R"]
    assert ids == sorted(ids)
    for rule in all_rules():
        assert f"{rule.ID} {rule.NAME} (" in result.out
        first_line = rule.__doc__.strip().splitlines()[0]
        assert first_line in result.out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "nowhere/"], "roadmapctl: ошибка: нет такого файла или папки: nowhere\n"),
        (["check", "--format", "xml"], "roadmapctl: ошибка: --format: «xml» — допустимо text, json, github\n"),
        (["check", "--as-of", "31.02.2024"], "roadmapctl: ошибка: --as-of: даты «31.02.2024» не существует\n"),
        (["check", "--bogus"], "roadmapctl: ошибка: неизвестный параметр --bogus\n"
                               "  справка: roadmapctl check --help\n"),
        (["chekk"], "roadmapctl: ошибка: неизвестная команда «chekk» — может быть, «check»?\n"
                   "  справка: roadmapctl --help\n"),
        (["check", "--jobs", "abc"], "roadmapctl: ошибка: неверное значение --jobs: «abc» — не целое число\n"
                                     "  справка: roadmapctl check --help\n"),
        (["check", "-j"], "roadmapctl: ошибка: параметру -j нужно значение\n"
                          "  справка: roadmapctl check --help\n"),
        (["check", "--list-rules=yes"], "roadmapctl: ошибка: параметр --list-rules пишется без значения\n"
                                        "  справка: roadmapctl check --help\n"),
        (["when", "x"], "roadmapctl: ошибка: не указан обязательный параметр --period\n"
                        "  справка: roadmapctl when --help\n"),
        (["when", "x", "-p", "2023/2024", "extra"], "roadmapctl: ошибка: лишний аргумент «extra»\n"
                                                    "  справка: roadmapctl when --help\n"),
        (["when"], "roadmapctl: ошибка: не указан обязательный аргумент ФРАЗА\n"
                   "  справка: roadmapctl when --help\n"),
    ],
)
def test_usage_errors_exit_2_in_russian(cli, args: list[str], message: str, monkeypatch) -> None:
    monkeypatch.chdir(ROOT)
    result = cli(*args)
    assert (result.code, result.out, result.err) == (2, "", message)


def test_real_process_reports_without_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_bytes(b"\xff\xfe\x00garbage")
    result = run_process("check", bad)
    assert result.code == 1
    assert "Traceback" not in result.err
    assert "UTF-16" in result.out


def test_unreadable_folder_and_symlink_loop(tmp_path: Path, cli) -> None:
    import os

    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "ok.yaml").write_text((DATA / "positive" / "minimal.yaml").read_text(encoding="utf-8"),
                                      encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0)
    try:
        result = cli("check", "--as-of", AS_OF, tmp_path)
    finally:
        locked.chmod(0o755)
    if os.geteuid() == 0:
        assert result.code == 0  # root reads everything; the loop is still not followed
    else:
        assert f"{locked}:1:1: error [R001] не удалось прочитать: нет доступа к папке" in result.out
    assert result.out.endswith("проверено 1 файл.\n")


def test_huge_file_is_refused(tmp_path: Path, cli) -> None:
    big = tmp_path / "big.yaml"
    with big.open("wb") as handle:
        handle.write(b"title: x\n")
        handle.truncate(50 * 1024 * 1024)
    result = cli("check", big)
    assert result.code == 1
    assert result.out.startswith(f"{big}:1:1: error [R001] файл слишком большой (50.0 МБ, предел 10 МБ)")


def test_roadmaps_dir_has_the_showcase() -> None:
    assert sorted(p.name for p in ROADMAPS.glob("*.yaml")) == [
        "belgorod-2021-2025.yaml", "chelyabinsk-2023-2024.yaml", "lysva-2021-2022.yaml"]


ENGLISH = ("Usage", "Options", "Arguments", "Commands", "Show ", "Install ", "default:", "required",
           "the current shell", "[OPTIONS]", "ARGS")


@pytest.mark.parametrize("width", ["40", "80", "200"])
@pytest.mark.parametrize("command", [[], ["check"], ["when"], ["schema"]])
def test_help_is_russian_at_any_terminal_width(cli, monkeypatch, command: list[str], width: str) -> None:
    monkeypatch.setenv("COLUMNS", width)
    result = cli(*command, "--help")
    assert result.code == 0
    assert [word for word in ENGLISH if word in result.out] == []


def test_encoding_option_reads_windows_files(cli, monkeypatch) -> None:
    monkeypatch.chdir(ROOT)
    for name, codec in (("cp1251", "cp1251"), ("utf16", "utf-16")):
        result = cli("check", "--as-of", AS_OF, "--encoding", codec, f"tests/corpus/bad/{name}.yaml")
        assert (result.code, result.out) == (0, "Замечаний нет: проверено 1 файл.\n")


def test_unknown_encoding_is_a_usage_error(cli) -> None:
    result = cli("check", "--encoding", "koi9", "roadmaps")
    assert (result.code, result.err) == (
        2, "roadmapctl: ошибка: --encoding: неизвестная кодировка «koi9»; например: cp1251, utf-16\n")


@pytest.mark.parametrize(("executors", "message"), [
    ("uo, zam", "исполнитель «uo, zam» не найден в справочнике executors. Несколько исполнителей "
                "пишите списком: executors: [uo, zam]"),
    ("uo zam", "исполнитель «uo zam» не найден в справочнике executors. Несколько исполнителей "
               "пишите списком: executors: [uo, zam]"),
    ("uo - zam", "исполнитель «uo - zam» не найден в справочнике executors. Несколько исполнителей "
                 "пишите списком: executors: [uo, zam]"),
    ("\n          -uo", "исполнитель «-uo» не найден в справочнике executors. После «-» нужен пробел: «- uo»"),
])
def test_unknown_executor_says_how_to_write_a_list(cli, tmp_path: Path, executors: str, message: str) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("title: t\nperiod: 2023/2024\nexecutors:\n  uo: УО\n  zam: ЗДВР\nsections:\n"
                    "  - title: s\n    items:\n      - title: x\n        deadline: октябрь\n"
                    f"        executors: {executors}\n", encoding="utf-8")
    result = cli("check", "--as-of", AS_OF, path)
    assert result.out.splitlines()[0].split(" [R101] ")[1] == message


def test_done_with_a_wrong_date_is_told_once(cli, tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("title: t\nperiod: 2023/2024\nexecutors: {uo: УО}\nsections:\n  - title: s\n    items:\n"
                    "      - title: x\n        deadline: октябрь\n        executors: [uo]\n        status: done\n"
                    "        completions:\n          - date: сегодня\n", encoding="utf-8")
    result = cli("check", "--as-of", AS_OF, path)
    assert result.out == (f"{path}:12:19: error [R003] completions.date: «сегодня» — не дата; "
                          "пишите 2024-03-15 или 15.03.2024\n1 ошибка в 1 файле.\n")


@pytest.mark.parametrize(("written", "message"), [
    ("оо", "исполнитель «оо» не найден в справочнике executors. В справочнике есть «oo»: здесь русские "
           "буквы «о», «о» вместо латинских «o», «o»"),
    ("оbr", "исполнитель «оbr» не найден в справочнике executors. В справочнике есть «obr»: здесь русская "
            "буква «о» вместо латинской «o»"),
    ("OBR", "исполнитель «OBR» не найден в справочнике executors. В справочнике есть «obr»: отличается "
            "регистром букв"),
])
def test_lookalike_executor_names_the_letters(cli, tmp_path: Path, written: str, message: str) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("title: t\nperiod: 2023/2024\nexecutors:\n  oo: ОО\n  obr: Образование\nsections:\n"
                    "  - title: s\n    items:\n      - title: x\n        deadline: октябрь\n"
                    f"        executors: [{written}]\n", encoding="utf-8")
    result = cli("check", "--as-of", AS_OF, path)
    assert result.out.splitlines()[0].split(" [R101] ")[1] == message


@pytest.mark.parametrize(("written", "col"), [
    ("октябрь или когда-нибудь", 27),          # plain: the column of «или»
    ('"октябрь или когда-нибудь"', 28),        # quoted: one more for the quote
    ("'  октябрь или когда-нибудь'", 30),      # leading spaces inside quotes are skipped
    ("октябрь\n          или когда-нибудь", 19),  # on two lines: the start of the value
])
def test_unreadable_deadline_points_at_the_word(cli, tmp_path: Path, written: str, col: int) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("title: t\nperiod: 2023/2024\nexecutors: {uo: УО}\nsections:\n  - title: s\n    items:\n"
                    f"      - title: x\n        executors: [uo]\n        deadline: {written}\n", encoding="utf-8")
    result = cli("check", "--as-of", AS_OF, path)
    assert result.out.startswith(f"{path}:9:{col}: error [R201] ")


def test_a_folder_without_roadmaps_is_an_input_error(cli, tmp_path) -> None:
    (tmp_path / "notes.txt").write_text("не карта", encoding="utf-8")
    for fmt in ("text", "json"):
        result = cli("check", "--format", fmt, tmp_path)
        assert (result.code, result.out) == (2, "")
        assert result.err == f"roadmapctl: ошибка: в {tmp_path} нет дорожных карт (.yaml, .yml)\n"


def test_negative_jobs_is_a_usage_error(cli) -> None:
    result = cli("check", "-j", "-1", "roadmaps")
    assert result.code == 2
    assert result.err.startswith("roadmapctl: ошибка: неверное значение --jobs: «-1»")


def test_every_rule_has_its_own_id_and_name() -> None:
    """Two rules under one id would make `check` output and `--list-rules` ambiguous."""
    from roadmapctl.rules import all_rules

    rules = all_rules()
    ids = [rule.ID for rule in rules]
    names = [rule.NAME for rule in rules]
    assert len(set(ids)) == len(ids), sorted(i for i in ids if ids.count(i) > 1)
    assert len(set(names)) == len(names)
