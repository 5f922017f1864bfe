"""Charts of execution: Ко per executor, planned against done over time, statuses per section.

Drawn with matplotlib, once, into both SVG (for HTML: text stays text, no
JavaScript, prints sharp) and PNG (for Word, which does not take SVG from
python-docx).  One drawing for both formats keeps the DOCX and the HTML
report saying the same thing.  matplotlib costs about half a second to
import; `report` and `site` are not on the commit path, and hand-written SVG
would still need a second, raster implementation for Word.

Output is reproducible (fixed SVG ids, no dates in metadata) so a dashboard
rebuilt every morning changes only where the data changed.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Any

from roadmapctl.model.text import shorten
from roadmapctl.reporting.execution import STATE_NAMES, STATE_ORDER
from roadmapctl.tracking.stats import Tally

COLOURS = {
    "on_time": "#2e7d32",
    "late": "#f9a825",
    "done": "#81c784",
    "extended": "#5c6bc0",
    "overdue": "#c62828",
    "open": "#b0bec5",
    "cancelled": "#e0e0e0",
}
PLANNED = "#5c6bc0"
DONE = "#2e7d32"
MAX_BARS = 40  # more executors than this would not read: the rest are summed in the table


@dataclass
class Chart:
    """A drawn figure; SVG and PNG are made on first use (HTML needs one, Word the other)."""

    title: str
    figure: Any
    alt: str  # the same information in words, for screen readers and text mail

    @cached_property
    def svg(self) -> str:
        svg = io.StringIO()
        self.figure.savefig(svg, format="svg", metadata={"Date": None, "Creator": None})
        text = svg.getvalue()
        return text[text.index("<svg"):]  # drop the XML prolog and DOCTYPE: the SVG goes inline

    @cached_property
    def png(self) -> bytes:
        png = io.BytesIO()
        self.figure.savefig(png, format="png", dpi=150, metadata={"Software": None})
        return png.getvalue()


def _figure(width: float, height: float) -> Any:
    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib.figure import Figure

    matplotlib.rcParams.update({
        "svg.fonttype": "none", "svg.hashsalt": "roadmapctl", "font.family": "DejaVu Sans",
        "font.size": 9, "axes.spines.top": False, "axes.spines.right": False,
    })
    return Figure(figsize=(width, height), dpi=100, layout="constrained")


def _finish(fig: Any, title: str, alt: str) -> Chart:
    return Chart(title, fig, alt)


def ko_bars(tallies: Sequence[Tally], title: str = "Ко по исполнителям, %") -> Chart | None:
    """Horizontal bars of Ко, worst first; None when nothing was due."""
    rows = [t for t in tallies if t.due and t.share is not None][:MAX_BARS]
    if not rows:
        return None
    rows.sort(key=lambda t: (t.share or 0.0, t.label))
    fig = _figure(7.0, 0.9 + 0.32 * len(rows))
    ax = fig.add_subplot()
    shares = [t.share or 0.0 for t in rows]
    colours = [COLOURS["on_time"] if s >= 90 else COLOURS["late"] if s >= 70 else COLOURS["overdue"]
               for s in shares]
    positions = range(len(rows))
    ax.barh(list(positions), shares, color=colours, height=0.6)
    ax.set_yticks(list(positions), [shorten(t.label, 38) for t in rows])
    ax.set_xlim(0, 100)
    ax.set_xlabel("Ко, % (выполнено в срок от наступивших сроков)")
    for y, tally in zip(positions, rows, strict=True):
        ax.text(min((tally.share or 0.0) + 1, 88), y, f"{_percent(tally.share)} ({tally.on_time} из {tally.due})",
                va="center", fontsize=8)
    alt = "; ".join(f"{t.label}: {_percent(t.share)} ({t.on_time} из {t.due})" for t in rows)
    return _finish(fig, title, alt)


def progress(planned: Sequence[date], done: Sequence[date], as_of: date,
             title: str = "Контрольные сроки и выполнение нарастающим итогом") -> Chart | None:
    """Cumulative control dates against cumulative completions; None without dates."""
    if not planned:
        return None
    fig = _figure(7.0, 3.2)
    ax = fig.add_subplot()
    ax.step(list(planned), range(1, len(planned) + 1), where="post", color=PLANNED,
            label="контрольные сроки (план)")
    if done:
        ax.step(list(done), range(1, len(done) + 1), where="post", color=DONE, linewidth=2,
                label="выполнено")
    ax.axvline(as_of, color="#616161", linestyle="--", linewidth=1)
    ax.annotate(f"на {as_of:%d.%m.%Y}", (as_of, 0), xytext=(3, 3), textcoords="offset points",
                fontsize=8, ha="left", va="bottom", color="#616161")
    ax.set_ylabel("нарастающим итогом")
    ax.legend(loc="upper left", frameon=False)
    import matplotlib.dates as mdates
    from matplotlib.ticker import MaxNLocator

    ax.xaxis.set_major_locator(mdates.AutoDateLocator(maxticks=8))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%m.%Y"))
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylim(0, len(planned) * 1.05)
    due_by_now = sum(1 for day in planned if day <= as_of)
    done_by_now = sum(1 for day in done if day <= as_of)
    alt = (f"К {as_of:%d.%m.%Y} наступило {due_by_now} из {len(planned)} контрольных сроков, "
           f"отмечено выполнений: {done_by_now}.")
    return _finish(fig, title, alt)


def donuts(sections: Sequence[tuple[str, Counter[str]]],
           title: str = "Состояние контрольных сроков по разделам") -> Chart | None:
    """A status donut per section (small multiples, four in a row); None without dates."""
    shown = [(label, states) for label, states in sections if sum(states.values())]
    if not shown:
        return None
    import textwrap

    per_row = min(3, len(shown))
    rows = (len(shown) + per_row - 1) // per_row
    fig = _figure(7.0, 0.6 + 2.4 * rows)
    alt_parts = []
    for index, (label, states) in enumerate(shown):
        ax = fig.add_subplot(rows, per_row, index + 1)
        keys = [key for key in STATE_ORDER if states.get(key)]
        ax.pie([states[key] for key in keys], colors=[COLOURS[key] for key in keys],
               startangle=90, counterclock=False, wedgeprops={"width": 0.38})
        total = sum(states.values())
        ax.text(0, 0, str(total), ha="center", va="center", fontsize=11, fontweight="bold")
        ax.set_title("\n".join(textwrap.wrap(shorten(label, 60), 30)), fontsize=8)
        alt_parts.append(f"{label}: " + ", ".join(f"{STATE_NAMES[k]} — {states[k]}" for k in keys))
    handles = _legend_handles(sorted({k for _, s in shown for k in s if s[k]}, key=STATE_ORDER.index))
    fig.legend(handles=handles, loc="outside lower center", ncol=3, frameon=False, fontsize=8)
    return _finish(fig, title, "; ".join(alt_parts))


def _legend_handles(keys: list[str]) -> list[Any]:
    from matplotlib.patches import Patch

    return [Patch(color=COLOURS[key], label=STATE_NAMES[key]) for key in keys]


def _percent(share: float | None) -> str:
    return "—" if share is None else f"{share:.1f} %".replace(".", ",")


