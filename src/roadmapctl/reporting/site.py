"""The static dashboard: an index page, a page per roadmap and a page per executor.

Built from the roadmap files alone, for a web server or the git host's pages,
and opened from the file system as well: every page is one HTML file with
inline styles and SVG, links between pages are relative, nothing runs.  What
a head of department wants at a glance comes first on each page — what is
overdue today, what falls due in the next days, progress (Ко) — then the
charts, the timeline and the whole table.

A file that could not be read does not stop the dashboard (yesterday's
picture would be worse than today's incomplete one): every page carries a
banner naming it, and the command exits 2.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from roadmapctl.model.ru import date_numeric
from roadmapctl.model.text import fold
from roadmapctl.reporting import words
from roadmapctl.reporting.execution import ExecutionReport, build_report
from roadmapctl.tracking import TrackedItem
from roadmapctl.tracking.service import Loaded, TrackedFile, executor_labels

TEMPLATE = "site.html.j2"
_LATIN = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
                  ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p",
                   "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"],
                  strict=True))


@dataclass
class Page:
    name: str  # file name inside the site folder
    data: bytes


@dataclass
class Line:
    """One control date in an «overdue» or «coming» list."""

    roadmap: str
    page: str
    address: str
    title: str
    deadline: str
    due: str
    days: int
    executors: list[str]
    when: str


@dataclass
class Lists:
    overdue: list[Line] = field(default_factory=list)
    coming: list[Line] = field(default_factory=list)


def slug(text: str) -> str:
    """A readable, stable file name: «МБОУ «СОШ № 5»» → «mbou-sosh-5»."""
    latin = "".join(_LATIN.get(ch, ch) for ch in text.lower())
    return re.sub(r"[^a-z0-9]+", "-", latin).strip("-")[:60] or "page"


def build_site(loaded: Loaded, as_of: date, within: int = 14) -> list[Page]:
    from roadmapctl.reporting.charts import ko_bars
    from roadmapctl.reporting.html import block_context, cards, render_page, tally_rows

    report = build_report(loaded, as_of)
    roadmap_pages = _unique([slug(f.path.rsplit("/", 1)[-1].rsplit(".", 1)[0]) for f in loaded.files],
                            "roadmap")
    executor_names = [t.label for t in report.by_executor]
    for file in loaded.files:
        for item in file.items:
            executor_names += executor_labels(file.roadmap, item.executors)
    executor_names = sorted(set(executor_names), key=fold)
    executor_pages = dict(zip(executor_names, _unique([slug(n) for n in executor_names], "executor"), strict=True))
    lists = {path: _lists(file, as_of, within, page)
             for path, file, page in zip([f.path for f in loaded.files], loaded.files, roadmap_pages, strict=True)}
    common = {"errors": report.errors, "generated": f"по данным на {date_numeric(as_of)}",
              "as_of": date_numeric(as_of), "within": within, "days": words.days(within),
              "roadmap_links": [{"title": short_title(f), "href": p}
                                for f, p in zip(loaded.files, roadmap_pages, strict=True)],
              "executor_links": [{"title": n, "href": executor_pages[n]} for n in executor_names]}
    pages = []
    everything = Lists([x for ls in lists.values() for x in ls.overdue],
                       [x for ls in lists.values() for x in ls.coming])
    _sort(everything)
    index_charts = [c for c in (ko_bars(report.by_executor),) if c]  # a roadmap's own charts are on its page
    progress = [{"title": short_title(f), "href": p, "total": b.total, "share": words.share(b.total),
                 "share_value": b.total.share, "overdue": len(lists[b.path].overdue),
                 "coming": len(lists[b.path].coming)}
                for b, f, p in zip(report.roadmaps, loaded.files, roadmap_pages, strict=True)]
    executors = [{**row, "href": executor_pages.get(row["label"])}
                 for row in tally_rows(report.by_executor, report.total)]
    pages.append(Page("index.html", render_page(TEMPLATE, {
        **common, "kind": "index", "title": "Дорожные карты: исполнение на " + date_numeric(as_of),
        "cards": cards(report.total, report.states), "charts": index_charts, "overdue": everything.overdue,
        "coming": everything.coming, "progress": progress, "executors": executors})))
    for block, page in zip(report.roadmaps, roadmap_pages, strict=True):
        file = next(f for f in loaded.files if f.path == block.path)
        context = block_context(block, as_of)
        pages.append(Page(page, render_page(TEMPLATE, {
            **common, "kind": "roadmap", "title": block.title, "cards": cards(block.total, block.states),
            "overdue": lists[block.path].overdue, "coming": lists[block.path].coming,
            "roadmaps": [context], "timeline": _timeline(file)})))
    for name in executor_names:
        own = Lists([x for x in everything.overdue if name in x.executors],
                    [x for x in everything.coming if name in x.executors])
        tally = next((t for t in report.by_executor if t.label == name), None)
        pages.append(Page(executor_pages[name], render_page(TEMPLATE, {
            **common, "kind": "executor", "title": name, "overdue": own.overdue, "coming": own.coming,
            "cards": cards(tally, {}) if tally else [],
            "items": _executor_items(report, name)})))
    return pages


def _unique(names: list[str], prefix: str) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for name in names:
        base = f"{prefix}-{name}"
        seen[base] = seen.get(base, 0) + 1
        out.append(f"{base}.html" if seen[base] == 1 else f"{base}-{seen[base]}.html")
    return out


def _lists(file: TrackedFile, as_of: date, within: int, page: str) -> Lists:
    out = Lists()
    horizon = as_of + timedelta(days=within)
    for item in file.items:
        for occ in item.occurrences:
            if occ.state == "overdue":
                out.overdue.append(_line(file, item, occ.effective_due, occ.days_overdue, page,
                                         f"просрочено на {words.days(occ.days_overdue)}"))
            elif occ.state == "open" and as_of <= occ.effective_due <= horizon:
                days = (occ.effective_due - as_of).days
                when = "сегодня" if days == 0 else "завтра" if days == 1 else f"через {words.days(days)}"
                out.coming.append(_line(file, item, occ.effective_due, days, page, when))
    _sort(out)
    return out


def _line(file: TrackedFile, item: TrackedItem, due: date, days: int, page: str, when: str) -> Line:
    return Line(short_title(file), page, item.address, item.item.title, item.phrase or "указан датой",
                date_numeric(due), days, executor_labels(file.roadmap, item.executors), when)


def period_words(roadmap: Any) -> str:
    """«2023/2024», «2021-2025», or «01.06.2021 – 31.08.2022» for a period given by dates."""
    period = roadmap.period
    if period is None:
        return ""
    if ".." in period.text:
        return f"{date_numeric(period.start)} – {date_numeric(period.end)}"
    return period.text


def short_title(file: TrackedFile) -> str:
    """What a list calls a roadmap: its territory and period, else its title cut to a line."""
    roadmap = file.roadmap
    if roadmap.territory:
        return f"{roadmap.territory}, {period_words(roadmap)}" if roadmap.period else roadmap.territory
    title = " ".join(roadmap.title.split())
    return title if len(title) <= 70 else title[:69].rstrip() + "…"


def _sort(lists: Lists) -> None:
    lists.overdue.sort(key=lambda x: (-x.days, x.roadmap, x.address))
    lists.coming.sort(key=lambda x: (x.days, x.roadmap, x.address))


def _timeline(file: TrackedFile) -> Any:
    from markupsafe import Markup

    from roadmapctl.render.timeline import build_timeline

    return Markup(build_timeline(file.roadmap).svg)


def _executor_items(report: ExecutionReport, name: str) -> list[dict[str, Any]]:
    from roadmapctl.reporting.html import row_context

    out = []
    for block in report.roadmaps:
        rows = [row_context(r) for s in block.sections for r in s.rows if name in r.executors]
        if rows:
            out.append({"title": block.title, "rows": rows})
    return out
