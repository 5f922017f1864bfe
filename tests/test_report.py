"""`roadmapctl report`: the execution report, its figures, and every format read back."""

from __future__ import annotations

import io
import json
import shutil
from datetime import datetime
from pathlib import Path

import pytest

from conftest import DATA, ROADMAPS, golden

GOLDEN = DATA / "golden" / "report"
MARKS = [  # (roadmap, item, --on, extra arguments): on time, late, evidence of every kind
    ("chelyabinsk-2023-2024.yaml", "2.2", "2023-09-20", ["--evidence", "приказ от 15.09.2023 № 101"]),
    ("chelyabinsk-2023-2024.yaml", "4.2", "2023-12-20",
     ["--evidence", "https://chel.example.ru/news/2023/12/monitoring",
      "--evidence", "отчёты/мониторинг-2023.pdf"]),
    ("lysva-2021-2022.yaml", "1.3", "2021-06-28",
     ["--note", "размещена на сайте", "--evidence", "приказ от 25.06.2021 № 240/01-08"]),
    ("lysva-2021-2022.yaml", "2.2", "2021-10-20", []),
    ("lysva-2021-2022.yaml", "2.3", "2022-01-12", ["--evidence", "https://lysva.example.ru/programma"]),
    ("belgorod-2021-2025.yaml", "1.1", "2021-08-30", ["--evidence", "https://beluo.example.ru/docs/1"]),
]
EXTENSIONS = [("lysva-2021-2022.yaml", "3.1", "2022-06-30", "перенос мониторинга", "письмо № 7")]
DATES = ("2021-07-01", "2022-01-15", "2024-01-15", "2026-09-01")


@pytest.fixture(scope="module")
def marked(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The three roadmaps with completions, evidence and an extension added through the CLI."""
    from roadmapctl.main import run

    folder = tmp_path_factory.mktemp("report") / "roadmaps"
    shutil.copytree(ROADMAPS, folder)
    for name, item, on, extra in MARKS:
        assert run(["done", str(folder / name), item, "--on", on, *extra]) == 0
    for name, item, to, reason, basis in EXTENSIONS:
        assert run(["extend", str(folder / name), item, "--to", to, "--reason", reason,
                    "--basis", basis, "--on", "2022-05-20"]) == 0  # decided before the new date
    return folder


def _report(cli, folder: Path, *args: str):
    result = cli("report", folder, *args)
    assert result.code == 0, result.err
    return result.out.replace(str(folder.parent) + "/", "")


@pytest.mark.parametrize("as_of", DATES)
def test_golden_text_report_at_several_dates(cli, marked: Path, as_of: str) -> None:
    golden(GOLDEN / f"all-{as_of}.txt", _report(cli, marked, "--as-of", as_of))


def test_golden_json_and_markdown_mid_year(cli, marked: Path) -> None:
    golden(GOLDEN / "all-2022-01-15.json", _report(cli, marked, "--as-of", "2022-01-15", "-f", "json"))
    golden(GOLDEN / "chel-2024-01-15.md",
           _report(cli, marked / "chelyabinsk-2023-2024.yaml", "--as-of", "2024-01-15", "-f", "markdown"))


@pytest.mark.parametrize("as_of", DATES)
def test_figures_equal_stats_and_overdue(cli, marked: Path, as_of: str) -> None:
    report = json.loads(cli("report", marked, "--as-of", as_of, "-f", "json").out)
    stats = json.loads(cli("stats", marked, "--as-of", as_of, "--format", "json").out)
    assert report["total"] == stats["total"]
    assert report["by_executor"] == stats["groups"]
    overdue = json.loads(cli("overdue", marked, "--as-of", as_of, "--format", "json").out)
    entries = overdue if isinstance(overdue, list) else overdue.get("overdue", overdue.get("items", []))
    shown = [d for b in report["roadmaps"] for s in b["sections"] for i in s["items"] for d in i["dates"]
             if d["state"] == "overdue"]
    assert len(shown) == report["total"]["overdue"] == len(entries)


def test_period_from_counts_only_what_falls_in_it(cli, marked: Path) -> None:
    whole = json.loads(cli("report", marked / "chelyabinsk-2023-2024.yaml", "--as-of", "2024-01-15",
                           "-f", "json").out)
    quarter = json.loads(cli("report", marked / "chelyabinsk-2023-2024.yaml", "--as-of", "2024-01-15",
                             "--from", "2023-10-01", "-f", "json").out)
    assert quarter["since"] == "2023-10-01"
    dates = [d for b in quarter["roadmaps"] for s in b["sections"] for i in s["items"] for d in i["dates"]]
    for d in dates:  # each date is in the quarter, or done in it, or a debt still overdue
        assert (d["effective_due"] >= "2023-10-01" or (d["done_on"] or "") >= "2023-10-01"
                or d["state"] == "overdue")
    assert quarter["total"]["due"] < whole["total"]["due"]
    september = [i for b in quarter["roadmaps"] for s in b["sections"] for i in s["items"] if i["item"] == "2.2"]
    assert september[0]["dates"] == []  # done in September: before the quarter


def test_xlsx_read_back_cell_by_cell(cli, marked: Path, tmp_path: Path) -> None:
    import openpyxl

    target = tmp_path / "r.xlsx"
    assert cli("report", marked / "chelyabinsk-2023-2024.yaml", "--as-of", "2024-01-15", "-o", target).code == 0
    data = json.loads(cli("report", marked / "chelyabinsk-2023-2024.yaml", "--as-of", "2024-01-15",
                          "-f", "json").out)
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["Исполнение", "По разделам", "По исполнителям"]
    sheet = book["Исполнение"]
    assert sheet.freeze_panes == "A4" and sheet.auto_filter.ref.startswith("A3:")
    header = [c.value for c in sheet[3]]
    assert header[:4] == ["Карта", "Раздел", "№", "Мероприятие"]
    rows = list(sheet.iter_rows(min_row=4, values_only=True))
    expected = []
    for block in data["roadmaps"]:
        for section in block["sections"]:
            for item in section["items"]:
                for d in item["dates"] or [None]:
                    expected.append((item["item"], item["title"], d))
    assert len(rows) == len(expected)
    for row, (number, title, d) in zip(rows, expected, strict=True):
        assert (row[2], row[3]) == (number, title)
        if d is None:
            continue
        assert row[7] == datetime.fromisoformat(d["due"])  # a real date
        assert row[9] == d["state_text"]
        assert row[10] == (datetime.fromisoformat(d["done_on"]) if d["done_on"] else None)
        assert row[11] == (d["days"] or None) and (row[11] is None or isinstance(row[11], int))
        assert row[12] == ("; ".join(d["evidence"]) or None)
    executors = list(book["По исполнителям"].iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[1], r[2]) for r in executors] == [
        (t["group"], t["due"], t["on_time"]) for t in [*data["by_executor"], data["total"]]]


def test_docx_read_back(cli, marked: Path, tmp_path: Path) -> None:
    import docx

    target = tmp_path / "r.docx"
    assert cli("report", marked / "chelyabinsk-2023-2024.yaml", "--as-of", "2024-01-15", "-o", target).code == 0
    data = json.loads(cli("report", marked / "chelyabinsk-2023-2024.yaml", "--as-of", "2024-01-15",
                          "-f", "json").out)
    document = docx.Document(str(target))
    assert document.paragraphs[0].text == ("Информация об исполнении дорожной карты (плана мероприятий) "
                                           "по состоянию на 15.01.2024")
    section = document.sections[0]
    assert section.page_width > section.page_height  # A4 landscape
    assert len(document.inline_shapes) == 3  # Ко, progress, statuses per section
    table = document.tables[0]
    texts = [[c.text for c in row.cells] for row in table.rows]
    assert texts[0][0] == "№" and texts[0][5] == "Исполнение"
    first_item = data["roadmaps"][0]["sections"][1]["items"][1]  # 2.2, done with evidence
    row = next(r for r in texts if r[0] == first_item["item"])
    assert row[5].startswith(first_item["dates"][0]["state_text"])
    assert row[6].replace("\xa0", " ") == "; ".join(first_item["dates"][0]["evidence"])  # «№\xa0101»: typeset
    summary = [[c.text for c in row.cells] for row in document.tables[-1].rows]
    assert summary[-1][:3] == ["Итого", str(data["total"]["due"]), str(data["total"]["on_time"])]


def test_formula_text_stays_text_in_xlsx(cli, tmp_path: Path) -> None:
    import openpyxl

    source = (ROADMAPS / "lysva-2021-2022.yaml").read_text(encoding="utf-8")
    first = source.index("title:", source.index("items:"))
    end = source.index("\n", first)
    source = source[:first] + 'title: "=HYPERLINK(\\"http://evil.example\\",\\"x\\")"' + source[end:]
    path = tmp_path / "evil.yaml"
    path.write_text(source, encoding="utf-8")
    assert cli("done", path, "1.1", "--on", "2021-08-01", "--evidence", "+1", "--evidence", "@SUM(A1)").code == 0
    target = tmp_path / "r.xlsx"
    assert cli("report", path, "--as-of", "2021-09-01", "-o", target).code == 0
    sheet = openpyxl.load_workbook(target)["Исполнение"]
    cells = {c.value: c.data_type for row in sheet.iter_rows() for c in row if isinstance(c.value, str)}
    assert cells['=HYPERLINK("http://evil.example","x")'] == "s"
    assert cells["+1; @SUM(A1)"] == "s"
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)


def test_report_refuses_a_roadmap_with_errors(cli, tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    text = (ROADMAPS / "lysva-2021-2022.yaml").read_text(encoding="utf-8")
    broken.write_text(text.replace("        executors:\n", "        executors:\n          - nobody\n", 1),
                      encoding="utf-8")
    result = cli("report", broken, "--as-of", "2022-01-15", "-o", tmp_path / "r.docx")
    assert result.code == 2
    assert "отчёт не составлен" in result.err and not (tmp_path / "r.docx").exists()


def test_format_from_extension_and_unknown_extension(cli, marked: Path, tmp_path: Path) -> None:
    result = cli("report", marked, "--as-of", "2022-01-15", "-o", tmp_path / "r.pdf")
    assert result.code == 2 and "не понять формат" in result.err
    result = cli("report", marked, "--as-of", "2022-01-15", "--from", "2022-02-01")
    assert result.code == 2 and "позже даты отчёта" in result.err


def test_executor_filter_keeps_only_their_items(cli, marked: Path) -> None:
    data = json.loads(cli("report", marked / "chelyabinsk-2023-2024.yaml", "--as-of", "2024-01-15",
                          "-e", "ООО", "-f", "json").out)
    items = [i for b in data["roadmaps"] for s in b["sections"] for i in s["items"]]
    assert items and all("ООО" in i["executors"] for i in items)


# --- evidence in the format --------------------------------------------------------------


def test_done_writes_evidence_and_check_validates_it(cli, tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    shutil.copy(ROADMAPS / "lysva-2021-2022.yaml", path)
    before = path.read_text(encoding="utf-8")
    assert cli("done", path, "1.1", "--on", "2021-10-01", "--evidence", "приказ от 01.10.2021 № 45",
               "--evidence", "https://school.example.ru/news/1").code == 0
    after = path.read_text(encoding="utf-8")
    added = [line for line in after.splitlines() if line not in before.splitlines()]
    assert added == ["        status: done", "        completions:", "          - date: 2021-10-01",
                     "            evidence:", "              - приказ от 01.10.2021 № 45",
                     "              - https://school.example.ru/news/1"]
    result = cli("done", path, "1.2", "--on", "2021-10-01", "--evidence", "https//school.example.ru/x")
    assert result.code == 2 and "после http или https должно стоять «://»" in result.err
    broken = after.replace("https://school.example.ru/news/1", "https://school/news 1").replace(
        "приказ от 01.10.2021 № 45", "приказ от 31.09.2021 № 45")
    path.write_text(broken, encoding="utf-8")
    out = cli("check", path).out.splitlines()
    assert f"{path}:64:17: error [R120] в подтверждении «приказ от 31.09.2021 № 45» нет такой даты: 31.09.2021" in out
    assert f"{path}:65:17: error [R120] ссылка «https://school/news 1»: в адресе не может быть пробелов" in out


def test_evidence_kinds() -> None:
    from roadmapctl.model.roadmap import Evidence

    kinds = {text: Evidence(text=text).kind for text in (
        "https://x.ru/a", "www.x.ru", "http//x.ru", "приказ от 12.10.2023 № 45/01-08",
        "docs/приказ 45.pdf", "scan.jpg", "протокол заседания № 3")}
    assert kinds == {"https://x.ru/a": "url", "www.x.ru": "url", "http//x.ru": "url",
                     "приказ от 12.10.2023 № 45/01-08": "document", "docs/приказ 45.pdf": "file",
                     "scan.jpg": "file", "протокол заседания № 3": "document"}


# --- the page in a real browser --------------------------------------------------------------

from browser import CHROMIUM, layout  # noqa: E402


@pytest.mark.skipif(CHROMIUM is None, reason="нет Chromium")
def test_html_report_reads_on_a_phone_and_a_desktop(cli, marked: Path, tmp_path: Path) -> None:
    page = tmp_path / "r.html"
    assert cli("report", marked, "--as-of", "2022-01-15", "-o", page).code == 0
    text = page.read_text(encoding="utf-8")
    assert "<script" not in text and "http://" not in text.split("<body>")[0]  # self-contained, no JS
    phone = layout(page, 390, tmp_path)
    assert phone["scroll"] == phone["inner"] == 390, phone["wide"]
    assert phone["svgs"] >= 3
    desktop = layout(page, 1280, tmp_path)
    assert desktop["scroll"] <= 1280
# --- Excel from list, overdue and stats ------------------------------------------------------


@pytest.mark.parametrize("command", ["list", "overdue", "stats"])
def test_xlsx_of_list_overdue_stats_matches_csv(cli, command: str, tmp_path: Path) -> None:
    import csv

    import openpyxl

    target = tmp_path / f"{command}.xlsx"
    args = [command, ROADMAPS, "--as-of", "2024-01-15"]
    assert cli(*args, "-f", "xlsx", "-o", target).code == 0
    rows = list(csv.DictReader(io.StringIO(cli(*args, "-f", "csv").out)))
    sheet = openpyxl.load_workbook(target).active
    assert sheet.freeze_panes == "A4" and "15.01.2024" in sheet["A1"].value
    values = list(sheet.iter_rows(min_row=4, values_only=True))
    assert len(values) == len(rows)
    for got, want in zip(values, rows, strict=True):
        for cell, (key, text) in zip(got, want.items(), strict=True):
            if command == "stats":
                numeric = key not in ("group",) and text
                assert cell == ((float(text) if "." in text else int(text)) if numeric else (text or None))
            elif key in ("due", "start", "original_due", "done") and text:
                assert cell == datetime.fromisoformat(text)
            elif key in ("line", "due_count", "days_overdue", "on_time") and text:
                assert cell == int(text)
            elif key in ("status", "state"):
                assert cell != text or not text  # in Russian: «запланировано», «просрочено»
            elif key not in ("executors", "on_time_share", "average_delay", "due", "late", "overdue", "extended"):
                assert cell == (text or None), key


def test_binary_to_a_terminal_is_refused(monkeypatch: pytest.MonkeyPatch, cli) -> None:
    import sys

    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    result = cli("stats", ROADMAPS, "-f", "xlsx")
    assert result.code == 2 and "XLSX не выводится на терминал" in result.err


def test_text_report_to_a_file(cli, tmp_path: Path) -> None:
    target = tmp_path / "stats.txt"
    assert cli("stats", ROADMAPS, "--as-of", "2024-01-15", "-o", target).code == 0
    assert target.read_text(encoding="utf-8") == cli("stats", ROADMAPS, "--as-of", "2024-01-15").out
