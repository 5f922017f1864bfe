"""`roadmapctl site`: the static dashboard from the files alone."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from browser import CHROMIUM, layout
from conftest import DATA, ROADMAPS


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from roadmapctl.main import run

    out = tmp_path_factory.mktemp("site") / "public"
    assert run(["site", str(ROADMAPS), "-o", str(out), "--as-of", "2024-01-15"]) == 0
    return out


def test_pages_for_index_each_roadmap_and_each_executor(site: Path) -> None:
    names = sorted(p.name for p in site.iterdir())
    assert "index.html" in names
    assert [n for n in names if n.startswith("roadmap-")] == [
        "roadmap-belgorod-2021-2025.html", "roadmap-chelyabinsk-2023-2024.html", "roadmap-lysva-2021-2022.html"]
    assert "executor-komitet.html" in names and "executor-mbu-dpo-tsro.html" in names


def test_every_link_leads_to_a_page_and_nothing_is_loaded_from_outside(site: Path) -> None:
    for page in site.glob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "<script" not in text
        assert not re.search(r'(?:src|href)="(?:https?:)?//', text)
        for href in re.findall(r'href="([^"#][^"]*)"', text):
            assert (site / href).is_file(), f"{page.name}: {href}"


def test_index_shows_what_is_overdue_and_progress(site: Path) -> None:
    text = site.joinpath("index.html").read_text(encoding="utf-8")
    assert "<h1>Дорожные карты: исполнение на 15.01.2024</h1>" in text
    assert "Просрочено на 15.01.2024" in text and "Наступает в ближайшие 14 дней" in text
    chel = re.search(r'<a href="roadmap-chelyabinsk-2023-2024.html">город Челябинск, 2023/2024</a></td>\s*'
                     r'<td class="num" data-label="Наступило">(\d+)</td><td class="num" data-label="В срок">(\d+)</td>',
                     text)
    assert chel and chel.groups() == ("11", "5")  # the same figures as `stats` on that date


def test_executor_page_lists_only_their_items(site: Path) -> None:
    text = site.joinpath("executor-ooo.html").read_text(encoding="utf-8")
    assert "<h1>ООО</h1>" in text
    assert "Определение образовательными организациями уровня профминимума" in text  # 2.2, ООО
    assert "Муниципальный мониторинг эффективности" not in text  # 3.1: Комитет, ОО


def test_a_broken_roadmap_is_named_on_every_page_and_exit_2(cli, tmp_path: Path) -> None:
    folder = tmp_path / "roadmaps"
    folder.mkdir()
    shutil.copy(DATA / "positive" / "minimal.yaml", folder)  # the smallest roadmap: index, its page, two executors
    (folder / "broken.yaml").write_text("title: [\n", encoding="utf-8")
    result = cli("site", folder, "-o", tmp_path / "public", "--as-of", "2024-01-15")
    assert result.code == 2 and "сводка неполная" in result.err
    pages = sorted((tmp_path / "public").glob("*.html"))
    assert [p.name for p in pages if p.name.startswith("roadmap-")] == ["roadmap-minimal.html"]
    for page in pages:
        assert "Сводка неполная" in page.read_text(encoding="utf-8")


def test_output_must_be_a_folder(cli, tmp_path: Path) -> None:
    target = tmp_path / "file.html"
    target.write_text("x", encoding="utf-8")
    result = cli("site", ROADMAPS, "-o", target)
    assert result.code == 2 and "сайт пишется в папку" in result.err
    assert target.read_text(encoding="utf-8") == "x"


def test_slugs_are_readable_and_stable() -> None:
    from roadmapctl.reporting.site import slug

    assert slug("МБОУ «СОШ № 5»") == "mbou-sosh-5"
    assert slug("Щёлковский лицей") == "shchelkovskiy-litsey"
    assert slug("«»") == "page"


@pytest.mark.skipif(CHROMIUM is None, reason="нет Chromium")
def test_pages_read_on_a_phone(site: Path, tmp_path: Path) -> None:
    for name in ("index.html", "roadmap-chelyabinsk-2023-2024.html", "executor-komitet.html"):
        phone = layout(site / name, 390, tmp_path)
        assert phone["scroll"] == 390, (name, phone["wide"])


@pytest.mark.skipif(CHROMIUM is None or shutil.which("pdfinfo") is None, reason="нет Chromium или pdfinfo")
def test_index_prints_on_a4(site: Path, tmp_path: Path) -> None:
    import subprocess

    from browser import print_pdf

    pdf = tmp_path / "index.pdf"
    print_pdf(site / "index.html", pdf, tmp_path)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info)
    assert size and (round(float(size[1])), round(float(size[2]))) == (842, 595)  # A4 landscape
