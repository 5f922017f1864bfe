"""Word's XML rules the DOCX writers rely on, in one place.

Word refuses a file whose properties come out of the order its schema
(ECMA-376) fixes, so every property added by hand goes through
`insert_in_order`; `row_flag` is how a table row is told to repeat on each
page (tblHeader) or not to break across pages (cantSplit). The order,
annex, report and diff tables all use these.
"""

from __future__ import annotations

from typing import Any

# The children of w:sectPr, w:trPr and w:tblPr in the order the schema fixes.
SECT_PR_ORDER = ("headerReference", "footerReference", "footnotePr", "endnotePr", "type",
                 "pgSz", "pgMar", "paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols",
                 "formProt", "vAlign", "noEndnote", "titlePg", "textDirection", "bidi",
                 "rtlGutter", "docGrid", "printerSettings", "sectPrChange")
TR_ORDER = ("cnfStyle", "divId", "gridBefore", "gridAfter", "wBefore", "wAfter", "cantSplit",
            "trHeight", "tblHeader", "tblCellSpacing", "jc", "hidden")
TBL_PR_ORDER = ("tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize",
                "tblStyleColBandSize", "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders",
                "shd", "tblLayout", "tblCellMar", "tblLook", "tblCaption", "tblDescription")


def row_flag(tr_pr: Any, name: str) -> None:
    """Switch on a row property such as cantSplit or tblHeader."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    if tr_pr.find(qn(f"w:{name}")) is None:
        insert_in_order(tr_pr, OxmlElement(f"w:{name}"), TR_ORDER)


def insert_in_order(parent: Any, element: Any, order: tuple[str, ...]) -> None:
    """Put `element` before the first sibling the schema wants after it."""
    from docx.oxml.ns import qn

    name = element.tag.rsplit("}", 1)[-1]
    later = {qn(f"w:{n}") for n in order[order.index(name) + 1:]}
    anchor = next((child for child in parent if child.tag in later), None)
    if anchor is not None:
        anchor.addprevious(element)
    else:
        parent.append(element)
