"""The showcase roadmaps hold every item of their source documents."""

from __future__ import annotations

import pytest

from conftest import ROADMAPS
from data.seed_counts import SEED_COUNTS
from roadmapctl.deadlines import Deadline, parse_deadline
from roadmapctl.model.roadmap import Item, Section
from roadmapctl.reading.loader import load


def _counts(sections: list[Section], into: dict[str, int]) -> None:
    for section in sections:
        into[section.number] = len(section.items)
        for item in section.items:
            _sub_counts(item, into)
        _counts(section.sections, into)


def _sub_counts(item: Item, into: dict[str, int]) -> None:
    if item.items:
        into[f"{item.number}/sub"] = len(item.items)


@pytest.mark.parametrize("name", sorted(SEED_COUNTS))
def test_every_section_has_the_items_of_the_source(name: str) -> None:
    roadmap = load(ROADMAPS / name).roadmap
    assert roadmap is not None
    actual: dict[str, int] = {}
    _counts(roadmap.sections, actual)
    actual["total_items"] = sum(1 for _ in roadmap.walk())
    actual["executors"] = len(roadmap.executors)
    assert actual == SEED_COUNTS[name]


@pytest.mark.parametrize("name", sorted(SEED_COUNTS))
def test_every_deadline_resolves(name: str) -> None:
    roadmap = load(ROADMAPS / name).roadmap
    for entry in roadmap.walk():
        phrase = entry.item.deadline
        if phrase:
            assert isinstance(parse_deadline(phrase, roadmap.period), Deadline), phrase


def test_statuses_for_overdue_showcase() -> None:
    roadmap = load(ROADMAPS / "chelyabinsk-2023-2024.yaml").roadmap
    statuses = [e.item.status for e in roadmap.walk()]
    assert statuses.count("done") >= 5
    assert "in_progress" in statuses
    assert any(e.item.extensions for e in roadmap.walk())
