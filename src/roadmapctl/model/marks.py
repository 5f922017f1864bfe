"""What happened to an item: completions, extensions of its deadline, and their evidence.

Part of the domain model (`roadmapctl.model.roadmap` re-exports every name).
"""

from __future__ import annotations

import re
from typing import Literal

from roadmapctl.model.located import NOWHERE, Day, Located, Pos


class Evidence(Located):
    """What proves a completion: a document reference, a link or a file path, as written."""

    __slots__ = ("text",)
    text: str

    def __init__(self, pos: Pos = NOWHERE, field_pos: dict[str, Pos] | None = None, text: str = "") -> None:
        Located.__init__(self, pos, field_pos)
        self.text = text

    @property
    def kind(self) -> Literal["url", "file", "document"]:
        """A link has a scheme (or «www.»); a file ends in an extension; anything else is a document."""
        lowered = self.text.lower()
        if "://" in lowered or lowered.startswith(("www.", "http:", "https:", "http/", "https/")):
            return "url"
        if re.search(r"\.[A-Za-z0-9]{2,5}$", self.text) and ("/" in self.text or "\\" in self.text
                                                            or " " not in self.text):
            return "file"
        return "document"


class Completion(Located):
    __slots__ = ("date", "due", "evidence", "note")
    date: Day | None
    due: Day | None
    note: str | None
    evidence: list[Evidence]

    def __init__(self, pos: Pos = NOWHERE, field_pos: dict[str, Pos] | None = None, date: Day | None = None,
                 due: Day | None = None, note: str | None = None, evidence: list[Evidence] | None = None) -> None:
        Located.__init__(self, pos, field_pos)
        self.date = date
        self.due = due
        self.note = note
        self.evidence = [] if evidence is None else evidence


class Extension(Located):
    __slots__ = ("basis", "date", "reason", "to")
    to: Day | None
    reason: str | None
    basis: str | None
    date: Day | None

    def __init__(self, pos: Pos = NOWHERE, field_pos: dict[str, Pos] | None = None, to: Day | None = None,
                 reason: str | None = None, basis: str | None = None, date: Day | None = None) -> None:
        Located.__init__(self, pos, field_pos)
        self.to = to
        self.reason = reason
        self.basis = basis
        self.date = date
