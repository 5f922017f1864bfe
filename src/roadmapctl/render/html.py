"""The roadmap as one self-contained HTML file: order, annex and, on request, a timeline.

Nothing is loaded from outside: styles are inline, the timeline and the QR
code are inline SVG.  Every value goes through Jinja's autoescape, so a
title with «<», «&» or quotes prints as text.
"""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Any

from roadmapctl.model.roadmap import Roadmap
from roadmapctl.render.jinja import locate, make_env, shipped_template, template_error

TEMPLATE = "roadmap.html.j2"


def render_html(roadmap: Roadmap, context: dict[str, Any], template: Path | None,
                timeline: bool = False) -> bytes:
    """Render the context with the shipped template or the user's (sandboxed) one;
    the timeline page only when asked for."""
    from markupsafe import Markup

    from roadmapctl.render.timeline import build_timeline, legend

    path = template or shipped_template(TEMPLATE)
    env = make_env(path.parent, trusted=template is None)
    data = dict(context)
    drawn = build_timeline(roadmap) if timeline and context["has_annex"] else None
    data["timeline"] = Markup(drawn.svg) if drawn else ""
    data["unread"] = [asdict(u) for u in drawn.unread] if drawn else []
    data["legend"] = legend()
    data["qr_svg"] = Markup(qr_svg(context["qr"])) if context["qr"] else ""
    try:
        text = env.get_template(path.name).render(data)
    except Exception as exc:
        # A user's template may fail in any way (1/0, a bad format, another
        # encoding): its author gets the file and line; ours failing is our bug.
        from jinja2 import TemplateError

        if template is None and not isinstance(exc, TemplateError):
            raise
        filename, line = locate(exc)
        raise template_error(exc, _shown(filename, path), line) from None
    return text.encode("utf-8")


def _shown(filename: str | None, path: Path) -> str:
    """The template to name in an error: the one given, or the file it included."""
    if filename and Path(filename).is_file() and Path(filename).resolve() != path.resolve():
        return filename
    return str(path)


def qr_svg(text: str) -> str:
    """The QR-code requisite as inline SVG (segno escapes nothing it is not given)."""
    import segno

    return segno.make(text, error="m").svg_inline(omitsize=True, border=2, svgclass="qr")
