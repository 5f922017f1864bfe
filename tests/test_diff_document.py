"""`roadmapctl diff` over the whole document, in every format, through the real CLI.

Two pairs are derived from last year's Chelyabinsk test roadmap by explicit
edits, the way people edit a roadmap:

- «outside»: only the document around the items changes — an organisation
  renamed in the glossary, an e-mail added, a new order date, number and
  signatory, a reworded order point, a new addressee, the territory;
- «inside»: a new 5.2.3 inserted (5.2.3–5.2.8 become 5.2.4–5.2.9), section 5
  renamed «Меры, мероприятия …» → «Мероприятия …», a deadline rewritten
  («В течение года» → «1 раз в четверть»), a sub-item of 5.2.5 removed.

Each pair is compared in text, Markdown, JSON, HTML, DOCX and through the
`textconv` driver (as `git diff` would show it); goldens pin the wording.
"""

from __future__ import annotations

import difflib
import json
import re
from pathlib import Path

import pytest

from conftest import DATA, golden

BASE = DATA / "diff" / "chel-2023-2024.yaml"
GOLDEN = DATA / "golden"

OUTSIDE = (
    ("    name: ГБНОУ ОК Смена\n    short: ГБНОУ ОК Смена\n",
     "    name: ГБНОУ ОК «Смена»\n    short: ГБНОУ ОК «Смена»\n"),
    ("    short: Комитет\n", "    short: Комитет\n    email: edu@cheladmin.ru\n"),
    ("  date: 2023-08-07\n  number: 1828-у\n", "  date: 2023-08-10\n  number: 1840-у\n"),
    ("  kind: ПРИКАЗ\n  date: 2023-08-07\n  number: 1828-у\n", "  kind: ПРИКАЗ\n  date: 2023-08-10\n  number: 1840-у\n"),
    ("    name: С.В. Портье\n", "    name: И.И. Иванов\n"),
    ("принять в работу образовательной организации", "принять к исполнению в образовательной организации"),
    ("    - отдел исполнителя\n", "    - отдел исполнителя\n    - ГБНОУ ОК «Смена»\n"),
    ("territory: город Челябинск\n", "territory: Челябинский городской округ\n"),
)

NEW_ITEM = """          - number: "5.2.3"
            title: Проведение муниципального форума наставников профессионального самоопределения
            deadline: Ноябрь 2023 г.
            executors:
              - komitet
            result: Проведён форум наставников
"""
REMOVED_SUB = """              - title: Участие в региональных соревнованиях «ИкаР»
                deadline: Декабрь 2023 г.-май 2024 г.
                executors:
                  - obr-org
                result: Реализовано региональное мероприятие, способствующее профессиональному самоопределению обучающихся
"""


def _edit(text: str, edits: tuple[tuple[str, str], ...]) -> str:
    for before, after in edits:
        assert text.count(before) >= 1, before
        text = text.replace(before, after, 1)
    return text


def _inside(text: str) -> str:
    for n in range(8, 2, -1):
        text = _edit(text, ((f'- number: "5.2.{n}"', f'- number: "5.2.{n + 1}"'),))
    anchor = '          - number: "5.2.4"\n            title: Организация внедрения'
    return _edit(text, (
        (anchor, NEW_ITEM + anchor),
        ("    title: Меры, мероприятия в системе работы", "    title: Мероприятия в системе работы"),
        (REMOVED_SUB, ""),
        ("с учетом адресных рекомендаций по результатам мониторинга эффективности организационно-педагогического "
         "сопровождения профессионального самоопределения обучающихся\n        deadline: В течение года",
         "с учетом адресных рекомендаций по результатам мониторинга эффективности организационно-педагогического "
         "сопровождения профессионального самоопределения обучающихся\n        deadline: 1 раз в четверть"),
    ))


@pytest.fixture
def pair(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    base = BASE.read_text(encoding="utf-8")

    def make(kind: str) -> tuple[str, str]:
        Path("old.yaml").write_text(base, encoding="utf-8")
        Path("new.yaml").write_text(_edit(base, OUTSIDE) if kind == "outside" else _inside(base), encoding="utf-8")
        return "old.yaml", "new.yaml"

    return make


def _docx_text(path: Path) -> str:
    """The comparison table as text: a row per line, cells by « | », struck words [-…-], marked {+…+}."""
    from docx import Document

    lines = []
    for row in Document(str(path)).tables[0].rows:
        cells = []
        for cell in row.cells:
            parts = []
            for paragraph in cell.paragraphs:
                runs = "".join(f"[-{r.text}-]" if r.font.strike else f"{{+{r.text}+}}" if r.font.underline else r.text
                               for r in paragraph.runs)
                parts.append(runs)
            cells.append(" / ".join(parts))
        lines.append(" | ".join(cells))
    return "\n".join(lines) + "\n"


def _git_diff(cli, old: str, new: str) -> str:
    """What `git diff` shows with the textconv driver: a unified diff of the two renderings."""
    a, b = cli("textconv", old), cli("textconv", new)
    assert (a.code, b.code, a.err, b.err) == (0, 0, "", "")
    return "".join(difflib.unified_diff(a.out.splitlines(True), b.out.splitlines(True), "a/карта", "b/карта", n=0))


@pytest.mark.parametrize("kind", ["outside", "inside"])
def test_every_format_matches_its_golden(cli, pair, tmp_path: Path, kind: str) -> None:
    old, new = pair(kind)
    for fmt, suffix in (("text", "txt"), ("markdown", "md"), ("json", "json")):
        result = cli("diff", old, new, "--format", fmt)
        assert (result.code, result.err) == (1, ""), result.err
        golden(GOLDEN / f"diff-{kind}.{suffix}", result.out)
    assert cli("diff", old, new, "-o", "t.html").code == 1
    golden(GOLDEN / f"diff-{kind}.html", (tmp_path / "t.html").read_text(encoding="utf-8"))
    assert cli("diff", old, new, "-o", "t.docx").code == 1
    golden(GOLDEN / f"diff-{kind}.docx.txt", _docx_text(tmp_path / "t.docx"))
    golden(GOLDEN / f"diff-{kind}.gitdiff", _git_diff(cli, old, new))


OUTSIDE_NAMED = {
    # what: a phrase each format must carry
    "rename": "ГБНОУ ОК «Смена»",
    "date": "10.08.2023",
    "number": "1840-у",
    "signatory": "И.И. Иванов",
    "point": "исполнению",
    "territory": "Челябинский городской округ",
    "email": "edu@cheladmin.ru",
}


def test_a_pair_that_differs_only_outside_the_items_exits_1_and_names_each_change(cli, pair, tmp_path) -> None:
    old, new = pair("outside")
    text = cli("diff", old, new)
    assert text.code == 1
    assert "Мероприятия не изменились (41 мероприятие)." in text.out
    assert "Вне таблицы мероприятий: 11 изменений." in text.out
    data = json.loads(cli("diff", old, new, "-f", "json").out)
    assert data["summary"]["document"] == 11 and data["summary"]["changed"] == 0
    renamed = next(c for c in data["document"] if c["kind"] == "renamed" and c["field"] == "name")
    assert renamed["diff"] == "ГБНОУ ОК [-Смена-] {+«Смена»+}"
    assert renamed["items"] == ["5.2.3", "5.2.5/7", "5.2.5/8", "5.2.5/9"]
    assert {(c["part"], c["field"]) for c in data["document"]} >= {
        ("document", "territory"), ("approval", "date"), ("approval", "number"), ("executors", "name"),
        ("executors", "short"), ("executors", "email"), ("order", "date"), ("order", "number"),
        ("order", "points"), ("order", "signatory"), ("order", "distribution")}
    markdown = cli("diff", old, new, "-f", "markdown").out
    cli("diff", old, new, "-o", "t.html")
    cli("diff", old, new, "-o", "t.docx")
    html = (tmp_path / "t.html").read_text(encoding="utf-8")
    docx = _docx_text(tmp_path / "t.docx")
    git = _git_diff(cli, old, new)
    for what, phrase in OUTSIDE_NAMED.items():
        for name, output in (("text", text.out), ("markdown", markdown), ("json", json.dumps(data, ensure_ascii=False)),
                             ("html", html), ("docx", docx), ("textconv", git)):
            assert phrase in output.replace("\\", ""), f"{what} не назван в {name}"


def test_a_renamed_organisation_left_behind_in_the_order_is_named(cli, tmp_path: Path) -> None:
    """The glossary says «ГБНОУ ОК «Смена»», the order's distribution still the old name: say where."""
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    base = BASE.read_text(encoding="utf-8")
    old.write_text(_edit(base, (("    - отдел исполнителя\n", "    - отдел исполнителя\n    - ГБНОУ ОК Смена\n"),)),
                   encoding="utf-8")
    new.write_text(_edit(base, (OUTSIDE[0], ("    - отдел исполнителя\n", "    - отдел исполнителя\n    - ГБНОУ ОК Смена\n"))),
                   encoding="utf-8")
    out = cli("diff", old, new).out
    assert ("полное наименование изменено: ГБНОУ ОК [-Смена-] {+«Смена»+}; прежнее наименование осталось в "
            "приказе: рассылка\n") in out
    assert "краткое наименование: «ГБНОУ ОК Смена» → «ГБНОУ ОК «Смена»»; прежнее наименование осталось в " \
           "приказе: рассылка\n" in out
    data = json.loads(cli("diff", old, new, "-f", "json").out)
    assert [c["note"] for c in data["document"] if c["part"] == "executors"] == [
        "прежнее наименование осталось в приказе: рассылка"] * 2


def test_glossary_change_names_the_items_it_touches(cli, pair) -> None:
    old, new = pair("outside")
    out = cli("diff", old, new).out
    block = out.split("Справочник исполнителей\n")[1].split("\n\n")[0]
    assert "~ исполнитель «ГБНОУ ОК «Смена»» (gbnou-ok-smena): полное наименование изменено: " \
           "ГБНОУ ОК [-Смена-] {+«Смена»+}" in block
    assert re.search(r"касается мероприяти(я|й) 5\.2\.3", block)


def test_inside_renumbering_is_said_once_and_not_counted(cli, pair) -> None:
    old, new = pair("inside")
    out = cli("diff", old, new).out
    assert "Изменено 1 мероприятие, добавлено 1, удалено 1, перенумеровано 6, без изменений 33." in out
    assert "  № 5.2.3–5.2.8 → 5.2.4–5.2.9 перенумерованы (вставлен новый 5.2.3)" in out
    assert "перенумеровано: 5.2.3" not in out  # no item listed as changed only for its number
    data = json.loads(cli("diff", old, new, "-f", "json").out)
    assert data["summary"]["changed"] == 1 and data["summary"]["renumbered"] == 6
    assert data["renumbered"] == [{
        "old": ["5.2.3", "5.2.4", "5.2.5", "5.2.6", "5.2.7", "5.2.8"],
        "new": ["5.2.4", "5.2.5", "5.2.6", "5.2.7", "5.2.8", "5.2.9"],
        "titles": data["renumbered"][0]["titles"], "section": {"number": "5.2", "title": "Организационно-методическое обеспечение"},
        "cause": "вставлен новый 5.2.3",
        "summary": "5.2.3–5.2.8 → 5.2.4–5.2.9 перенумерованы (вставлен новый 5.2.3)"}]


def test_inside_deadline_as_written_and_section_rename_by_words(cli, pair, tmp_path: Path) -> None:
    old, new = pair("inside")
    out = cli("diff", old, new).out
    assert "срок изменён: «В течение года» → «1 раз в четверть»" in out
    assert "[-Меры, мероприятия-] {+Мероприятия+} в системе работы" in out
    cli("diff", old, new, "-o", "t.html")
    html = (tmp_path / "t.html").read_text(encoding="utf-8")
    assert "«<del>Меры, мероприятия</del> в системе работы" in html
    assert "«<ins>Мероприятия</ins> в системе работы" in html
    cli("diff", old, new, "-o", "t.docx")
    row = next(line for line in _docx_text(tmp_path / "t.docx").splitlines() if line.startswith("5 |"))
    assert "[-Меры, мероприятия-]" in row and "{+Мероприятия+}" in row


def test_removed_sub_item_is_listed_where_it_stood(cli, pair) -> None:
    old, new = pair("inside")
    out = cli("diff", old, new).out
    lines = [ln for ln in out.splitlines() if ln.startswith("  ")]
    removed = next(i for i, ln in enumerate(lines) if ln.startswith("  - 5.2.5/2 "))
    assert lines[removed - 1].startswith("  № 5.2.3–5.2.8")  # right after its parent's place, not at the end
    assert not any(ln.startswith(("  ~", "  +", "  №")) for ln in lines[removed + 1:] if "Раздел 5.2" in ln)


@pytest.mark.parametrize("fmt", ["text", "markdown", "json", "html", "docx"])
def test_sub_items_are_addressed_as_everywhere(cli, pair, tmp_path: Path, fmt: str) -> None:
    old, new = pair("inside")
    target = tmp_path / f"out.{ {'text': 'txt', 'markdown': 'md'}.get(fmt, fmt)}"
    assert cli("diff", old, new, "--format", fmt, "-o", target).code == 1
    shown = _docx_text(target) if fmt == "docx" else target.read_text(encoding="utf-8")
    assert "5.2.5/2" in shown
    assert "подп." not in shown and "б/н" not in shown


SETTINGS = """title: План воспитательной работы
period: 2023/2024
executors:
  zam: {name: Заместитель директора по ВР, short: ЗДВР}
  kl: {name: Классные руководители}
  ped: {name: Педагог-организатор}
columns:
  - {field: number, heading: "№"}
  - {field: title, heading: Мероприятие}
  - {field: deadline, heading: Срок}
default_executors: [zam]
sections:
  - number: "1"
    title: Общешкольные дела
    items:
      - {number: "1.", title: Линейка «День знаний», deadline: Сентябрь}
      - {number: "2.", title: Осенний бал, deadline: Октябрь}
  - number: "2"
    title: Работа с родителями
    default_executors: [kl]
    items:
      - {number: "1.", title: Родительские собрания, deadline: 1 раз в четверть}
      - number: "2."
        title: День открытых дверей
        deadline: Апрель
"""


def test_table_settings_are_compared_once_not_at_every_item(cli, tmp_path: Path, monkeypatch) -> None:
    """Default executors and columns changed: one line each, not a change of every item that follows them;
    items are addressed as `done` addresses them under local numbering («2:1»)."""
    monkeypatch.chdir(tmp_path)
    Path("old.yaml").write_text(SETTINGS, encoding="utf-8")
    Path("new.yaml").write_text(_edit(SETTINGS, (
        ("default_executors: [zam]\n", "default_executors: [ped]\n"),
        ("    default_executors: [kl]\n", "    default_executors: [kl, zam]\n"),
        ('  - {field: deadline, heading: Срок}\n', '  - {field: deadline, heading: Сроки}\n'),
        ("        deadline: Апрель\n", "        deadline: Май\n"),
    )), encoding="utf-8")
    assert cli("check", "old.yaml", "new.yaml").code == 0
    result = cli("diff", "old.yaml", "new.yaml")
    assert result.code == 1
    assert "Изменено 1 мероприятие, добавлено 0, удалено 0, без изменений 3." in result.out
    assert "  ~ столбцы таблицы: «№ (number) | Мероприятие (title) | Срок (deadline)» → " \
           "«№ (number) | Мероприятие (title) | Сроки (deadline)»" in result.out
    assert "  ~ исполнители по умолчанию: «ЗДВР» → «Педагог-организатор»" in result.out
    assert "  ~ раздел 2: исполнители по умолчанию: «Классные руководители» → " \
           "«Классные руководители, ЗДВР»" in result.out
    assert "  ~ 2:2 День открытых дверей\n      срок перенесён: «Апрель» → «Май» (на 1 мес. позже)" in result.out
    data = json.loads(cli("diff", "old.yaml", "new.yaml", "-f", "json").out)
    assert [c["new"] for c in data["changed"]] == ["2:2"]
    assert {(c["part"], c["field"]) for c in data["document"]} == {("columns", "columns"),
                                                                  ("document", "default_executors")}
    assert [s["kinds"] for s in data["sections"]] == [["executors"]]
    assert cli("done", "new.yaml", "2:2", "--on", "2024-05-20").code == 0  # the same address works in `done`


GLOSSARY = """title: План на 2023/2024 учебный год
period: 2023/2024
approval: {stamp: УТВЕРЖДЕН, by: приказом директора МАОУ СОШ № 1, date: 2023-08-30, number: "45"}
goals:
  Цели:
    - Создание условий для профессионального самоопределения
  Задачи:
    - Организовать профессиональные пробы
    - Провести родительские собрания
executors:
  zam: {name: Заместитель директора по ВР, short: ЗДВР}
  psy: {name: Педагог-психолог}
order:
  authority: [МАОУ СОШ № 1]
  title: Об утверждении плана на 2023/2024 учебный год
  points: [Утвердить план на 2023/2024 учебный год.]
  distribution: [дело]
sections:
  - number: "1"
    title: Мероприятия
    items:
      - {number: "1.1", title: Профессиональные пробы, deadline: Октябрь, executors: [zam]}
      - {number: "1.2", title: Диагностика интересов, deadline: Ноябрь, executors: [psy]}
"""


def test_goals_glossary_stamp_and_order_lists(cli, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("old.yaml").write_text(GLOSSARY, encoding="utf-8")
    Path("new.yaml").write_text(_edit(GLOSSARY.replace("2023/2024", "2024/2025"), (
        ("    - Провести родительские собрания\n",
         "    - Провести родительские собрания и классные часы\n    - Вести портфолио обучающихся\n"),
        ("  psy: {name: Педагог-психолог}\n", "  soc: {name: Социальный педагог}\n"),
        ("executors: [psy]", "executors: [soc]"),
        ("by: приказом директора МАОУ СОШ № 1", "by: приказом и. о. директора МАОУ СОШ № 1"),
        ("  authority: [МАОУ СОШ № 1]", "  authority: [Управление образования, МАОУ СОШ № 1]"),
    )), encoding="utf-8")
    out = cli("diff", "old.yaml", "new.yaml").out
    # The period moved with the title, the order's title and point: only the period itself is a change.
    assert "  ~ период: «2023/2024» → «2024/2025»" in out
    assert "название карты" not in out and "заголовок приказа" not in out and "пункт 1 приказа" not in out
    assert ("  ~ пункт целей и задач изменён: Задачи: Провести родительские собрания {+и классные часы+}"
            in out)
    assert "  + пункт целей и задач добавлен: «Задачи: Вести портфолио обучающихся»" in out
    assert ("  ~ кем утверждена (гриф) изменены: приказом {+и. о.+} директора МАОУ СОШ № 1" in out)
    assert "  + строка бланка добавлена: «Управление образования»" in out
    assert ("  + в справочник добавлен исполнитель «Социальный педагог» (soc)\n"
            "      касается мероприятия 1.2") in out
    assert ("  - из справочника исключён исполнитель «Педагог-психолог» (psy)\n"
            "      касается мероприятия 1.2") in out
    assert "добавлен исполнитель Социальный педагог; исключён исполнитель Педагог-психолог" in out
