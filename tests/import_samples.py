"""Small documents the tests of the extra import formats share (a one-measure plan)."""

from __future__ import annotations

from import_forms import Block, Grid

# A title and a table of one measure: enough to tell which reader a file went to.
SMALL: list[Block] = ["План на 2025 год", Grid(("№", "Мероприятие", "Срок", "Ответственный"),
                                                [("1", "Семинар", "май", "Методист")])]
