"""Layout profiles of GOST R 7.0.97, one per edition (see docs/gost.md).

The 2025 edition came into force on 18.08.2025; a document dated earlier is
laid out by the 2016 edition unless the user asks otherwise.  Both formats
read their page geometry and type sizes from here, so the DOCX and the HTML
of one roadmap look alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from roadmapctl.errors import ValueRefused

EDITIONS = ("2025", "2016")
EDITION_2025_START = date(2025, 8, 18)


@dataclass(frozen=True)
class GostProfile:
    edition: str
    corner_width_mm: float  # longest line of a requisite set in the top right corner
    qr_allowed: bool  # the QR-code requisite exists only from 2025 on

    @property
    def name(self) -> str:
        return f"ГОСТ Р 7.0.97-{self.edition}"


PROFILES = {
    "2016": GostProfile("2016", 75.0, False),
    "2025": GostProfile("2025", 80.0, True),
}

# Page geometry shared by both editions: A4, margins in millimetres.
PAGE_WIDTH_MM = 210.0
PAGE_HEIGHT_MM = 297.0
MARGIN_LEFT_MM = 30.0
MARGIN_RIGHT_MM = 10.0
MARGIN_TOP_MM = 20.0
MARGIN_BOTTOM_MM = 20.0
HEADER_DISTANCE_MM = 10.0  # page number at least 10 mm from the top edge
FONT = "Times New Roman"
TEXT_PT = 14
TABLE_PT = 12
SMALL_PT = 10  # performer and distribution list
PARAGRAPH_INDENT_MM = 12.5
LANDSCAPE_FROM_COLUMNS = 5
QR_SIZE_MM = 20.0


def text_width_mm(landscape: bool) -> float:
    page = PAGE_HEIGHT_MM if landscape else PAGE_WIDTH_MM
    return page - MARGIN_LEFT_MM - MARGIN_RIGHT_MM


def choose_profile(edition: str | None, document_date: date | None) -> GostProfile:
    """The profile asked for, else the one in force on the document's date."""
    if edition is not None:
        if edition not in PROFILES:
            raise ValueRefused(f"«{edition}» — допустимо {', '.join(EDITIONS)}", field="gost")
        return PROFILES[edition]
    if document_date is not None and document_date < EDITION_2025_START:
        return PROFILES["2016"]
    return PROFILES["2025"]
