"""The roadmap as one self-contained HTML file: order, annex, timeline.

Nothing is loaded from outside: styles are inline, the timeline and the QR
code are inline SVG.  Every value goes through Jinja's autoescape, so a
title with «<», «&» or quotes prints as text.
"""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Any

from roadmapctl.model import Roadmap
from roadmapctl.render.jinja import make_env, shipped_template, template_error, template_line

TEMPLATE = "roadmap.html.j2"


def render_html(roadmap: Roadmap, context: dict[str, Any], template: Path | None) -> bytes:
    """Render the context with the shipped template or the user's (sandboxed) one."""
    from jinja2 import TemplateError
    from markupsafe import Markup

    from roadmapctl.render.timeline import build_timeline, legend

    path = template or shipped_template(TEMPLATE)
    env = make_env(path.parent, trusted=template is None)
    data = dict(context)
    timeline = build_timeline(roadmap) if context["has_annex"] else None
    data["timeline"] = Markup(timeline.svg) if timeline else ""
    data["unread"] = [asdict(u) for u in timeline.unread] if timeline else []
    data["legend"] = legend()
    data["qr_svg"] = Markup(qr_svg(context["qr"])) if context["qr"] else ""
    filename = str(path)
    try:
        loaded = env.get_template(path.name)
        filename = loaded.filename or filename
        text = loaded.render(data)
    except TemplateError as exc:
        raise template_error(exc, str(path), template_line(exc, filename)) from None
    return text.encode("utf-8")


def qr_svg(text: str) -> str:
    """The QR-code requisite as inline SVG (segno escapes nothing it is not given)."""
    import segno

    return segno.make(text, error="m").svg_inline(omitsize=True, border=2, svgclass="qr")
