"""HTML output: self-contained, escaped, every item present, timeline by status."""

from __future__ import annotations

import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import DATA, ROADMAPS, golden
from roadmapctl.reading.loader import load, load_text
from roadmapctl.render import render_document
from roadmapctl.render.context import clean

SEEDS = sorted(ROADMAPS.glob("*.yaml"))
SMALL = DATA / "positive" / "render-small.yaml"
HOSTILE = DATA / "positive" / "hostile.yaml"


class _Page(HTMLParser):
    """Text and tags of a page, as a browser would see them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _html(path: Path, **options) -> str:
    result = load(path)
    assert result.roadmap is not None
    return render_document(result.roadmap, fmt="html", **options).decode("utf-8")


def _page(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    return page


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_every_item_is_in_the_text(path: Path) -> None:
    roadmap = load(path).roadmap
    page = _page(_html(path))
    cells = [" ".join(t.split()) for t in page.text]  # non-breaking spaces as spaces
    for entry in roadmap.walk():
        assert " ".join(clean(entry.item.title).split()) in cells
    assert " ".join(clean(roadmap.title).split()) in cells


@pytest.mark.parametrize("path", [*SEEDS, HOSTILE], ids=lambda p: p.stem)
def test_page_is_self_contained(path: Path) -> None:
    html = _html(path, gost="2025", qr="https://example.org/x")
    page = _page(html)
    names = {tag for tag, _ in page.tags}
    assert not names & {"script", "link", "img", "iframe", "object", "embed"}
    for _, attrs in page.tags:
        for name, value in attrs.items():
            if name != "xmlns":  # a namespace name, not a resource
                assert name not in ("src", "href") and "//" not in (value or "")
    assert "url(" not in html and "@import" not in html
    assert "@page" in html and "size: A4" in html


def test_hostile_values_are_escaped() -> None:
    html = _html(HOSTILE)
    assert "<script>" not in html and "<b>" not in html and "<img" not in html
    page = _page(html)
    text = "".join(page.text)
    assert "Об утверждении <script>document.write(1)</script> & \"карты\" '{{ 7*7 }}' {%p if x %}" in text
    assert "Результат <img src=x onerror=alert(1)> & \"готово\"" in text
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f]", html)
    assert "<title>Дорожная карта &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html


def test_timeline_colours_items_by_status() -> None:
    html = _html(SMALL, timeline=True)
    svg = html[html.index("<svg"):html.index("</svg>")]
    assert svg.count('<g class="row') == 5
    assert 'class="row status-done"' in svg and 'class="row status-cancelled"' in svg
    assert svg.count('class="window"') == 2  # «Октябрь – ноябрь», «Март 2024 г.»
    assert svg.count('class="date"') == 1 + 4  # «до 15 сентября», four quarters
    assert svg.count('class="continuous"') == 1  # «Постоянно»
    assert "Без отметки на шкале" not in html


def test_unreadable_deadline_is_listed_without_a_bar() -> None:
    text = SMALL.read_text(encoding="utf-8").replace("deadline: Постоянно", "deadline: как согласуем")
    roadmap = load_text(text, "small.yaml").roadmap
    html = render_document(roadmap, fmt="html", timeline=True).decode("utf-8")
    assert 'class="continuous"' not in html
    assert "Без отметки на шкале (1 мероприятие):" in html
    assert "2.1.2 Консультации для родителей — «как согласуем»: не удалось разобрать срок" in html


def test_order_only_has_no_table_and_no_timeline() -> None:
    html = _html(SMALL, what="order")
    assert "<table" not in html and "<svg" not in html
    assert "ПРИКАЗЫВАЮ:" in html


def test_golden_small_roadmap() -> None:
    html = _html(SMALL, gost="2025", qr="https://example.org/roadmaps/15-у", timeline=True)
    assert html == _html(SMALL, gost="2025", qr="https://example.org/roadmaps/15-у", timeline=True)
    golden(DATA / "golden" / "render-small.html", html)


def test_grouping_item_without_deadline_is_not_listed() -> None:
    page = _html(ROADMAPS / "chelyabinsk-2023-2024.yaml", timeline=True)
    assert "Региональные мероприятия в рамках внедрения Концепции:" in page
    unread = page[page.index("Без отметки на шкале"):]
    assert "5.2.5" not in unread and "Региональные мероприятия" not in unread
    text = SMALL.read_text(encoding="utf-8").replace(
        "            deadline: Постоянно\n", "")
    roadmap = load_text(text, "small.yaml").roadmap
    html = render_document(roadmap, fmt="html", timeline=True).decode("utf-8")
    assert "<li>2.1.2 Консультации для родителей: срок не указан</li>" in html


def _media_blocks(css: str, media: str) -> str:
    """The text of every `@media MEDIA { … }` block of a stylesheet."""
    blocks, start = [], 0
    while (start := css.find(f"@media {media}", start)) >= 0:
        depth, end = 0, css.index("{", start)
        while True:
            depth += {"{": 1, "}": -1}.get(css[end], 0)
            if depth == 0:
                break
            end += 1
        blocks.append(css[start:end + 1])
        start = end
    return "".join(blocks)


def test_sheet_widths_apply_to_the_screen_only() -> None:
    html = _html(SMALL)
    css = html[html.index("<style>"):html.index("</style>")]
    screen = _media_blocks(css, "screen")
    assert "width: 297mm" in screen and "width: 210mm" in screen
    outside = re.sub(r"@media screen[^{]*\{(?:[^{}]|\{[^{}]*\})*\}", "", css)
    assert "@media screen" not in outside and "@media print" in outside
    assert "297mm" not in outside and "210mm" not in outside  # print keeps to the @page box


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def _grey_page(pdf: Path, number: int, dpi: int) -> tuple[int, int, bytes]:
    """One page of a PDF as (width, height, grey pixels), through pdftoppm's PGM output."""
    prefix = pdf.with_name(f"{pdf.stem}-page")
    subprocess.run(["pdftoppm", "-gray", "-r", str(dpi), "-f", str(number), "-l", str(number),
                    "-singlefile", str(pdf), str(prefix)], check=True, capture_output=True, timeout=120)
    magic, width, height, depth, pixels = prefix.with_suffix(".pgm").read_bytes().split(maxsplit=4)
    assert (magic, depth) == (b"P5", b"255")
    return int(width), int(height), pixels


@pytest.mark.skipif(CHROMIUM is None or shutil.which("pdftoppm") is None,
                    reason="нет Chromium или pdftoppm")
def test_printed_annex_table_ends_at_the_right_margin(tmp_path: Path) -> None:
    source = tmp_path / "small.html"
    source.write_text(_html(SMALL, timeline=True), encoding="utf-8")
    pdf = tmp_path / "small.pdf"
    subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={tmp_path}/c",
         "--no-pdf-header-footer", f"--print-to-pdf={pdf}", source.as_uri()],
        check=True, capture_output=True, timeout=180,
    )
    dpi = 100
    sizes = [_grey_page(pdf, n, 10)[:2] for n in (1, 2, 3)]
    assert [width > height for width, height in sizes] == [False, True, True]  # annex, timeline wide
    width, height, pixels = _grey_page(pdf, 2, dpi)
    lines = [x for x in range(width)
             if sum(pixels[row * width + x] < 200 for row in range(height)) > 0.2 * height]
    edge = width - 10 / 25.4 * dpi  # the 10 mm right margin
    assert edge - 2 / 25.4 * dpi < lines[-1] <= edge + 1, "правая граница таблицы не у поля"


def test_deadline_outside_the_period_is_listed_not_drawn_on_the_edge() -> None:
    page = _html(ROADMAPS / "chelyabinsk-2023-2024.yaml", timeline=True)  # period 01.09.2023–31.08.2024
    svg = page[page.index("<svg"):page.index("</svg>")]
    row = svg[svg.index("<title>2.2 Определение"):]
    assert row[:row.index("</g>")].count("<rect") == 0
    assert "Без отметки на шкале (2 мероприятия):" in page
    assert ("<li>2.2 Определение образовательными организациями уровня профминимума на 2023/2024 "
            "учебный год — «август 2023\u00a0г.»: срок раньше периода карты</li>") in page
    text = SMALL.read_text(encoding="utf-8").replace("deadline: Март 2024 г.", "deadline: Март 2025 г.")
    html = render_document(load_text(text, "small.yaml").roadmap, fmt="html", timeline=True).decode("utf-8")
    assert "Пробы на базе колледжей — «Март 2025\u00a0г.»: срок позже периода карты" in html


def test_long_timeline_is_split_into_charts_that_fit_a_page() -> None:
    from roadmapctl.render.timeline import CHART_ROWS, build_timeline

    roadmap = load(ROADMAPS / "chelyabinsk-2023-2024.yaml").roadmap
    svg = build_timeline(roadmap).svg
    charts = svg.split("</svg>")[:-1]
    rows = [chart.count('<g class="row') for chart in charts]
    assert rows == [21, 20] and sum(rows) == len(list(roadmap.walk())) and max(rows) <= CHART_ROWS
    for chart in charts:
        assert chart.count(">2023</text>") == chart.count(">2024</text>") == 1  # each has its axis
    assert build_timeline(load(SMALL).roadmap).svg.count("<svg") == 1
