"""`roadmapctl schema`: the committed schema is current and agrees with the loader."""

from __future__ import annotations

import copy
import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from conftest import DATA, ROADMAPS, ROOT
from roadmapctl.model.format_schema import build_schema, render_schema
from roadmapctl.reading import codes
from roadmapctl.reading.loader import load_text

jsonschema = pytest.importorskip("jsonschema", reason="нужен пакет jsonschema (тестовые зависимости)")

SCHEMA_FILE = ROOT / "schema" / "roadmap.schema.json"
REGENERATE = "roadmapctl schema -o schema/roadmap.schema.json --force"
GOOD_FILES = sorted(ROADMAPS.glob("*.yaml")) + sorted((DATA / "positive").glob("*.y*ml"))


def as_language_server_sees(value: Any) -> Any:
    """YAML data as JSON: the YAML language server keeps unquoted dates as strings."""
    if isinstance(value, dict):
        return {str(key): as_language_server_sees(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_language_server_sees(item) for item in value]
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def parse(text: str) -> Any:
    return as_language_server_sees(YAML(typ="safe").load(text))


def read(path: Path) -> Any:
    return parse(path.read_text(encoding="utf-8-sig"))


@pytest.fixture(scope="module")
def validator() -> Any:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema)


def errors(validator: Any, data: Any) -> list[tuple[list[Any], str]]:
    return sorted(
        ((list(e.absolute_path), e.validator) for e in validator.iter_errors(data)), key=repr,
    )


# -- the committed file and the command ------------------------------------------


def test_committed_schema_matches_the_command(cli) -> None:
    result = cli("schema")
    assert (result.code, result.err) == (0, "")
    assert SCHEMA_FILE.read_text(encoding="utf-8") == result.out, (
        f"{SCHEMA_FILE.relative_to(ROOT)} устарел; обновите его: {REGENERATE}"
    )


def test_output_is_stable_pretty_json() -> None:
    text = render_schema()
    assert text == render_schema()
    assert text.endswith("}\n") and not text.endswith("\n\n")
    assert json.loads(text) == build_schema()
    assert '"title": "Мероприятие"' in text
    assert text.startswith('{\n  "$schema": "http://json-schema.org/draft-07/schema#",\n')


def test_output_file_is_written_then_reported_current(cli, tmp_path: Path) -> None:
    target = tmp_path / "roadmap.schema.json"
    first = cli("schema", "-o", target)
    assert (first.code, first.out, first.err) == (0, f"схема записана в {target}\n", "")
    assert target.read_text(encoding="utf-8") == render_schema()
    again = cli("schema", "--output", target)
    assert (again.code, again.out, again.err) == (0, f"схема в {target} уже актуальна\n", "")


def test_existing_different_file_needs_force(cli, tmp_path: Path) -> None:
    target = tmp_path / "roadmap.schema.json"
    target.write_text("{}\n", encoding="utf-8")
    refused = cli("schema", "-o", target)
    assert refused.code == 2
    assert refused.out == ""
    assert refused.err == (
        f"roadmapctl: ошибка: файл {target} уже существует и создан не roadmapctl\n"
        "  чтобы перезаписать его, добавьте --force\n"
    )
    assert target.read_text(encoding="utf-8") == "{}\n"
    forced = cli("schema", "-o", target, "--force")
    assert (forced.code, forced.out) == (0, f"схема записана в {target}\n")
    assert target.read_text(encoding="utf-8") == render_schema()


def test_an_older_schema_is_regenerated_without_force(cli, tmp_path: Path) -> None:
    target = tmp_path / "roadmap.schema.json"
    target.write_text(render_schema().replace("draft-07", "draft-06"), encoding="utf-8")
    result = cli("schema", "-o", target)
    assert (result.code, result.out) == (0, f"схема записана в {target}\n")
    assert target.read_text(encoding="utf-8") == render_schema()


def test_missing_folder_is_an_output_error(cli, tmp_path: Path) -> None:
    result = cli("schema", "-o", tmp_path / "nowhere" / "s.json")
    assert result.code == 2
    assert result.err.startswith(f"roadmapctl: ошибка: папки {tmp_path / 'nowhere'} нет\n")


# -- validating roadmaps -----------------------------------------------------------


@pytest.mark.parametrize("path", GOOD_FILES, ids=lambda p: p.name)
def test_good_roadmaps_validate(validator: Any, path: Path) -> None:
    assert errors(validator, read(path)) == []


def _item(data: dict[str, Any]) -> dict[str, Any]:
    return data["sections"][0]["items"][0]


BROKEN = {
    "unknown top key": (lambda d: d.update(titel="x"), [([], "additionalProperties")]),
    "unknown item key": (lambda d: _item(d).update(срок="завтра"),
                         [(["sections", 0, "items", 0], "additionalProperties")]),
    "title is a list": (lambda d: d.update(title=["Карта"]), [(["title"], "type")]),
    "missing title": (lambda d: d.pop("title"), [([], "required")]),
    "empty title": (lambda d: d.update(title=None), [(["title"], "type")]),
    "item without title": (lambda d: _item(d).pop("title"), [(["sections", 0, "items", 0], "required")]),
    "missing sections": (lambda d: d.pop("sections"), [([], "required")]),
    "bad status": (lambda d: _item(d).update(status="finished"), [(["sections", 0, "items", 0, "status"], "anyOf")]),
    "bad role": (
        lambda d: _item(d).update(executors=[{"id": "uo", "role": "boss"}]),
        [(["sections", 0, "items", 0, "executors"], "anyOf")],
    ),
    "executor ref without id": (
        lambda d: _item(d).update(executors=[{"note": "x"}]),
        [(["sections", 0, "items", 0, "executors"], "anyOf")],
    ),
    "date in words": (lambda d: d["approval"].update(date="25 июня 2021"), [(["approval", "date"], "pattern")]),
    "due is a number": (lambda d: _item(d).update(due=2024), [(["sections", 0, "items", 0, "due"], "anyOf")]),
    "bad period": (lambda d: d.update(period="весь год"), [(["period"], "anyOf")]),
    "executor id with a space": (
        lambda d: d["executors"].update({"рабочая группа": "Рабочая группа"}),
        [(["executors"], "pattern")],
    ),
    "executor without name": (
        lambda d: d["executors"].update(uo={"short": "УО"}),
        [(["executors", "uo"], "anyOf")],
    ),
    "format 2": (lambda d: d.update(format=2), [(["format"], "anyOf")]),
    "completion without date": (
        lambda d: _item(d).update(completions=[{"note": "сделано"}]),
        [(["sections", 0, "items", 0, "completions", 0], "required")],
    ),
    "sections is a mapping": (lambda d: d.update(sections={"1": "x"}), [(["sections"], "type")]),
}


@pytest.mark.parametrize("name", BROKEN)
def test_broken_variants_are_rejected_where_they_break(validator: Any, name: str) -> None:
    data = copy.deepcopy(read(ROADMAPS / "lysva-2021-2022.yaml"))
    assert errors(validator, data) == []
    breaking, expected = BROKEN[name]
    breaking(data)
    assert errors(validator, data) == expected


# -- the schema and the loader agree ---------------------------------------------

HEAD = "title: Карта\nperiod: 2023/2024\n"
ITEM = "sections:\n  - title: Раздел\n    items:\n      - title: План\n"

AGREEMENT = {
    # accepted by both
    "minimal": (HEAD + "sections: []\n", True),
    "format as number": ("format: 1\n" + HEAD + "sections: []\n", True),
    "format as text": ('format: "1.0"\n' + HEAD + "sections: []\n", True),
    "period one year": ("title: Карта\nperiod: 2021\nsections: []\n", True),
    "period years": ("title: Карта\nperiod: 2021 – 2025\nsections: []\n", True),
    "period dates": ("title: Карта\nperiod: 2021-06-01..2022-08-31\nsections: []\n", True),
    "period mapping": ("title: Карта\nperiod: {start: 01.06.2021, end: 2022-08-31}\nsections: []\n", True),
    "goals list": (HEAD + "goals: [Первая, Вторая]\nsections: []\n", True),
    "goals single": (HEAD + "goals: Одна цель\nsections: []\n", True),
    "goals by group": (HEAD + 'goals:\n  "1-4 классы": [А, Б]\n  "5-9 классы": В\nsections: []\n', True),
    "executor as text": (HEAD + "executors:\n  uo: Управление образования\nsections: []\n", True),
    "executor id with dot": (HEAD + "executors:\n  mbu.cro: {name: ЦРО}\nsections: []\n", True),
    "empty optional values": (HEAD + "territory:\napproval:\ngoals:\nsections: []\norder:\n", True),
    "unquoted numbers as text": (
        HEAD + "sections:\n  - number: 2\n    title: 2021\n    items:\n      - number: 2.10\n        title: План\n",
        True,
    ),
    "single executor ref": (HEAD + ITEM + "        executors: uo\n", True),
    "executor ref mapping": (HEAD + ITEM + "        executors: {id: uo, role: co, note: по согласованию}\n", True),
    "due list in both date styles": (HEAD + ITEM + "        due: [2024-01-31, 30.06.2024]\n", True),
    "indicator text": (HEAD + ITEM + "        indicator: Доля обучающихся\n", True),
    "indicator targets": (HEAD + ITEM + '        indicator: {text: Доля, targets: {2021: 40%, "2022": 50}}\n', True),
    "empty status": (HEAD + ITEM + "        status:\n", True),
    "nested items and sections": (
        HEAD + "sections:\n  - title: Р\n    sections:\n      - title: П\n        items:\n"
        "          - title: М\n            items:\n              - title: Подпункт\n",
        True,
    ),
    "completions and extensions": (
        HEAD + ITEM + "        status: done\n"
        "        completions: [{date: 2024-02-09, due: 2024-01-31, note: справка}]\n"
        "        extensions: [{to: 2024-02-15, reason: данные, basis: записка, date: 2024-01-24}]\n",
        True,
    ),
    "order": (
        HEAD + "sections: []\norder:\n  authority: [АДМИНИСТРАЦИЯ]\n  date: 07.08.2023\n  number: 1828-у\n"
        "  points:\n    - Утвердить\n    - text: Руководителям\n      points: [Рассмотреть]\n"
        "  signatory: {position: Председатель, name: С.В. Портье}\n  distribution: дело\n",
        True,
    ),
    "columns": (
        HEAD + "columns:\n  - {field: number, heading: №}\n  - title\n"
        "  - {field: executors, heading: Ответственные, names: short}\n  - {field: deadline, heading: ~}\n"
        "sections: []\n",
        True,
    ),
    "default executors": (
        HEAD + "executors: {uo: УО}\ndefault_executors: uo\nsections:\n  - title: Р\n"
        "    default_executors: [uo, {id: uo, role: co}]\n    items: []\n",
        True,
    ),
    "numbering": (HEAD + "numbering: local\nsections:\n  - title: Р\n    numbering: hierarchical\n", True),
    # rejected by both
    "columns empty": (HEAD + "columns: []\nsections: []\n", False),
    "column unknown field": (HEAD + "columns: [{field: colour}]\nsections: []\n", False),
    "column without field": (HEAD + "columns: [{heading: Срок}]\nsections: []\n", False),
    "names on a non-executors column": (HEAD + "columns: [{field: title, names: short}]\nsections: []\n", False),
    "names misspelt": (HEAD + "columns: [{field: executors, names: brief}]\nsections: []\n", False),
    "numbering misspelt": (HEAD + "numbering: locl\nsections: []\n", False),
    "section numbering misspelt": (HEAD + "sections:\n  - title: Р\n    numbering: flat\n", False),
    "unknown key": (HEAD + "sections: []\nтерритория: город\n", False),
    "format 2": ("format: 2\n" + HEAD + "sections: []\n", False),
    "period in words": ("title: Карта\nperiod: весь год\nsections: []\n", False),
    "period mapping without end": ("title: Карта\nperiod: {start: 2021-06-01}\nsections: []\n", False),
    "empty required title": ("title:\nperiod: 2023/2024\nsections: []\n", False),
    "goals nested mapping": (HEAD + "goals: {a: {b: c}}\nsections: []\n", False),
    "executors as list": (HEAD + "executors: [uo]\nsections: []\n", False),
    "executor without name": (HEAD + "executors:\n  uo: {short: УО}\nsections: []\n", False),
    "executor id with space": (HEAD + "executors:\n  рабочая группа: РГ\nsections: []\n", False),
    "section without title": (HEAD + "sections:\n  - number: '1'\n", False),
    "section as text": (HEAD + "sections:\n  - Раздел\n", False),
    "item key typo": (HEAD + ITEM + "        dedline: октябрь\n", False),
    "bad status": (HEAD + ITEM + "        status: finished\n", False),
    "bad role": (HEAD + ITEM + "        executors: [{id: uo, role: main}]\n", False),
    "date in words": (HEAD + ITEM + "        due: 15 марта 2024\n", False),
    "empty due in list": (HEAD + ITEM + "        due: [2024-01-31, ~]\n", False),
    "completion without date": (HEAD + ITEM + "        completions: [{note: сделано}]\n", False),
    "extension without reason": (HEAD + ITEM + "        extensions: [{to: 2024-02-15}]\n", False),
    "indicator as list": (HEAD + ITEM + "        indicator: [a]\n", False),
    "title as mapping": (HEAD + ITEM.replace("title: План", "title: {text: План}"), False),
    "order point without text": (HEAD + "sections: []\norder:\n  points: [{points: [a]}]\n", False),
    "signatory unknown key": (HEAD + "sections: []\norder:\n  signatory: {post: Председатель}\n", False),
}


@pytest.mark.parametrize("name", AGREEMENT)
def test_schema_and_loader_agree(validator: Any, name: str) -> None:
    text, accepted = AGREEMENT[name]
    loader_problems = [  # warnings (such as an unquoted 2.10) have no counterpart in JSON Schema
        p.message for p in load_text(text, "карта.yaml").problems
        if p.code in (codes.SCHEMA, codes.DATE) and p.is_error
    ]
    schema_problems = errors(validator, parse(text))
    assert (loader_problems == [], schema_problems == []) == (accepted, accepted), (
        loader_problems, schema_problems,
    )


def test_item_keys_come_from_the_vocabulary(cli, tmp_path: Path) -> None:
    """The schema describes exactly the vocabulary's item keys, in its order, and the loader
    accepts exactly those: a key outside it is reported as unknown."""
    from roadmapctl.model.vocabulary import ITEM_KEYS

    schema = json.loads(cli("schema").out)
    assert tuple(schema["definitions"]["item"]["properties"]) == ITEM_KEYS
    text = (ROADMAPS / "lysva-2021-2022.yaml").read_text(encoding="utf-8")
    broken = tmp_path / "unknown-key.yaml"
    broken.write_text(text.replace("    title:", "    titel:", 1).replace("  - title:", "  - titel:", 1),
                      encoding="utf-8")
    result = cli("check", broken)
    assert result.code == 1 and "titel" in result.out
