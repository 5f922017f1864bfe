"""Printing a roadmap: the approving order and its annex, as DOCX or HTML.

`render_document` is the one entry: it picks the GOST profile, turns the
roadmap into plain template data (`context`) and hands it to the format's
renderer.  Templates live in the package's `templates/` folder; a department
can pass its own copy, which then runs sandboxed.
"""

from __future__ import annotations

from pathlib import Path

from roadmapctl.errors import ValueRefused
from roadmapctl.model.roadmap import Roadmap

WHATS = ("both", "order", "annex")
FORMATS = ("docx", "html")
EXECUTOR_MODES = ("full", "short")


def render_document(roadmap: Roadmap, what: str = "both", fmt: str = "docx",
                    template: Path | None = None, gost: str | None = None,
                    executors: str | None = None, qr: str | None = None,
                    timeline: bool = False) -> bytes:
    """The finished document's bytes; the roadmap must have passed `check` without errors.

    `executors` None prints names as the roadmap's executors column says (`names:`), else in full.
    `timeline` adds the HTML page «Мероприятия на шкале времени» with execution
    statuses after the annex: useful in a report, out of place in the approved
    document, so it is off unless asked for.  Choices that do not fit the
    roadmap are `ValueRefused` of the fields «what», «gost» and «qr»: the
    command names its options.
    """
    from roadmapctl.render.context import build_context, document_date
    from roadmapctl.render.gost import choose_profile

    if what == "order" and roadmap.order is None:
        raise ValueRefused("в карте нет блока order: — приказ печатать не из чего",
                           "напечатайте только приложение", field="what", given=False)
    profile = choose_profile(gost, document_date(roadmap, what))
    if qr and not profile.qr_allowed:
        raise ValueRefused(f"QR-кода нет среди реквизитов {profile.name}",
                           "уберите QR-код или выберите редакцию ГОСТ 2025", field="qr", given=False)
    context = build_context(roadmap, what=what, gost=profile, executors=executors, qr=qr)
    if fmt == "html":
        from roadmapctl.render.html import render_html

        return render_html(roadmap, context, template, timeline=timeline)
    from roadmapctl.render.docx import render_docx

    return render_docx(context, template, profile)


def approval_warnings(roadmap: Roadmap) -> list[tuple[int, str]]:
    """(line, message) for each way the approval stamp disagrees with the order (R109).

    The document is still printed — the clerk may be re-printing an original
    that has the slip — but nobody should sign it without having been told.
    """
    from datetime import date

    from roadmapctl.rules import Context, approval_mismatch

    findings = approval_mismatch.check(Context(roadmap, [], date.today()))
    return [(finding.pos.line, f"{finding.message} [{approval_mismatch.ID}]") for finding in findings]
