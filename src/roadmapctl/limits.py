"""Every bound roadmapctl puts on its inputs, as data, in one place.

A roadmap is a few hundred kilobytes at most; these bounds sit far above any
real document and far below what would take a machine down.  Each command
that reads or writes takes its bound from here, so `import` never writes
what `check` would refuse, and every refusal can name the limit it hit.
Messages are built where the limit is hit: they need the file and the line.
"""

from __future__ import annotations

from datetime import date

# A roadmap YAML file, and the YAML that `import` may write.
MAX_ROADMAP_BYTES = 10 * 1024 * 1024
# Nesting of YAML collections («[[[[…» or deep indentation); libyaml's C
# composer overflows its stack long before Python would notice.
MAX_NESTING_DEPTH = 200
# Nodes produced by expanding aliases (*ref); plain nodes do not count.
MAX_ALIAS_EXPANSION = 200_000
# Control dates one item may produce (a monthly deadline over 100 years is 1,200).
MAX_OCCURRENCES_PER_ITEM = 2_000
# Control dates one run holds for its report, over all files: the dates `overdue`
# lists, every tracked date of `list` and `calendar` (`stats` keeps counts only).
# Half a million is far beyond any readable report and a few hundred megabytes.
MAX_OCCURRENCES_PER_RUN = 500_000
# Dates users may write or pass: outside this range a date is a typo.
MIN_DATE = date(1900, 1, 1)
MAX_DATE = date(2199, 12, 31)
# Years a roadmap's period and the years in deadline phrases may name.
MIN_YEAR = 1900
MAX_YEAR = 2100
# A look-ahead window in days (`--within`).
MAX_WINDOW_DAYS = 3_660
# `notify`: messages one run may send (a runaway list must not mail a region
# thousands of times), and the default pace of sending, in messages a minute.
MAX_MESSAGES_PER_RUN = 200
MESSAGES_PER_MINUTE = 60
# A document to import: the file itself and its unpacked contents (.docx, .xlsx are zips).
MAX_IMPORT_BYTES = 100 * 1024 * 1024
MAX_UNPACKED_BYTES = 300 * 1024 * 1024
# How long LibreOffice may take to convert an old format (.doc, .rtf, .xls, .ods) for import.
CONVERT_SECONDS = 120
# Pages of a PDF to import: the longest roadmap annex is tens of pages; pdfminer
# inflates every page's streams, so a bound on pages bounds the work.
MAX_PDF_PAGES = 500
# Rendering a user's template: seconds and characters of output.
TEMPLATE_SECONDS = 60
TEMPLATE_OUTPUT_CHARS = 200 * 1024 * 1024
# How long `done`, `extend`, `rollover` wait for another edit of the same roadmap to finish.
EDIT_LOCK_SECONDS = 10


def megabytes(n: int) -> str:
    """«10 МБ» for a byte count."""
    return f"{n // (1024 * 1024)} МБ"
