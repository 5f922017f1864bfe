"""The execution report as one self-contained HTML page (charts inline as SVG).

The page is for a screen first — a head of department opens it on a phone —
and prints on A4 landscape; tables turn into cards below 700 px.  Values are
escaped by Jinja's autoescape; links from `evidence` become links only when
they are real http(s) addresses.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Any

from roadmapctl.reporting import words
from roadmapctl.reporting.charts import Chart
from roadmapctl.reporting.execution import ExecutionReport, ItemRow, RoadmapBlock
from roadmapctl.tracking.stats import Tally

TEMPLATE = "report.html.j2"


def render_page(template: str, data: dict[str, Any]) -> bytes:
    """A shipped page template filled with `data`; the one place report pages are rendered."""
    env = _environment()
    data = {**data, "charts": [_inline(c) for c in data.get("charts", [])]}
    for block in data.get("roadmaps", []):
        block["charts"] = [_inline(c) for c in block.get("charts", [])]
    data.setdefault("generated", "")
    text = env.get_template(template).render(data)
    return text.encode("utf-8")


@lru_cache(maxsize=1)
def _environment() -> Any:
    """One environment per run: the dashboard renders dozens of pages from the same templates."""
    from roadmapctl.render.jinja import make_env, templates_dir

    return make_env(templates_dir(), trusted=True)


def _inline(chart: Chart | dict[str, Any]) -> dict[str, Any]:
    from markupsafe import Markup

    if isinstance(chart, dict):
        return chart
    return {"title": chart.title, "svg": Markup(chart.svg), "alt": chart.alt}


def report_html(report: ExecutionReport, charts: bool = True) -> bytes:
    return render_page(TEMPLATE, report_context(report, charts))


def report_context(report: ExecutionReport, charts: bool = True) -> dict[str, Any]:
    from roadmapctl.reporting import charts as draw

    top: list[Chart] = []
    if charts:
        top = [c for c in (draw.ko_bars(report.by_executor),) if c]
    return {
        "title": words.heading(report), "heading": words.heading(report),
        "summary": words.summary_sentence(report), "errors": report.errors,
        "cards": cards(report.total, report.states), "charts": top,
        "roadmaps": [block_context(b, report.as_of, charts) for b in report.roadmaps],
        "by_executor": tally_rows(report.by_executor, report.total),
        "ko_note": words.KO_NOTE, "generated": f"по данным на {report.as_of:%d.%m.%Y}",
    }


def cards(total: Tally, states: Any) -> list[dict[str, Any]]:
    return [
        {"value": total.due, "label": "наступило контрольных сроков", "state": "open"},
        {"value": total.on_time, "label": "выполнено в срок", "state": "on_time"},
        {"value": total.late, "label": "выполнено с нарушением срока", "state": "late"},
        {"value": total.overdue, "label": "не выполнено, срок истёк", "state": "overdue"},
        {"value": total.extended, "label": "перенесено", "state": "extended"},
        {"value": words.share(total), "label": "Ко — исполнительская дисциплина", "state": "on_time"},
    ]


def block_context(block: RoadmapBlock, as_of: date, charts: bool = True) -> dict[str, Any]:
    from roadmapctl.reporting import charts as draw

    drawn: list[Chart] = []
    if charts:
        drawn = [c for c in (draw.progress(block.planned, block.done, as_of),
                             draw.donuts([(s.label, s.states) for s in block.sections])) if c]
    t = block.total
    return {
        "title": block.title, "path": block.path, "period": block.period,
        "summary": (f"Наступило сроков: {t.due}, в срок: {t.on_time}, с нарушением: {t.late}, "
                    f"не выполнено: {t.overdue}, перенесено: {t.extended}; Ко = {words.share(t)}."),
        "charts": drawn,
        "sections": [{"label": s.label, "rows": [row_context(r) for r in s.rows]} for s in block.sections],
        "by_section": tally_rows([s.tally for s in block.sections if s.tally.due], t),
    }


def row_context(row: ItemRow) -> dict[str, Any]:
    from roadmapctl.model.roadmap import Evidence
    from roadmapctl.rules.evidence import url_problem

    def proofs(texts: tuple[str, ...]) -> list[dict[str, Any]]:
        out = []
        for text in texts:
            link = Evidence(text=text).kind == "url" and url_problem(text) is None
            out.append({"text": text, "url": text if link else None})
        return out

    dates = [{"control": words.control_date(d), "state": d.state, "text": words.state_text(d),
              "done": words.done_text(d), "evidence": proofs(d.evidence), "note": d.note or ""}
             for d in row.dates]
    if not dates:
        dates = [{"control": "", "state": "open", "text": words.remark_text(row), "done": "",
                  "evidence": [], "note": ""}]
    return {"address": row.address, "title": row.title, "deadline": row.deadline or "указан датой",
            "executors": ", ".join(row.executors), "dates": dates}


def tally_rows(tallies: list[Tally], total: Tally) -> list[dict[str, Any]]:
    rows = []
    for t in [*tallies, total]:
        rows.append({"label": t.label, "due": t.due, "on_time": t.on_time, "late": t.late,
                     "overdue": t.overdue, "extended": t.extended, "share": words.share(t),
                     "share_value": t.share, "total": t is total})
    return rows
