"""Text that XML 1.0 can hold: what every DOCX and HTML writer passes its strings through.

A title pasted from Word may carry a vertical tab (Word's manual line break),
a unit separator or U+FFFE; lxml refuses to put them into a .docx (ValueError)
and browsers show them as boxes.  `render` and the comparison tables of
`diff` strip them the same way, here.
"""

from __future__ import annotations

import re

# Everything outside XML 1.0's Char production except tab, newline and carriage return.
ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """`text` without the characters XML 1.0 cannot hold."""
    return ILLEGAL.sub("", text)
