"""The value classes written without `dataclasses` behave as the dataclasses they replaced.

`model.records` gives `==`, `hash()`, `repr()` and `replace()` from each
class's `__init__`; these tests hold every record class of the check path to
that contract, so a field added to `__slots__` but forgotten in `__init__`
(or the other way round) fails here, not in a user's roadmap.
"""

from __future__ import annotations

import inspect
import pickle
from datetime import date

import pytest

from roadmapctl import diagnostics, rules
from roadmapctl.deadlines import model as deadline_model
from roadmapctl.model import document, located, marks, numbering, period, roadmap
from roadmapctl.model.records import Record, Value, replace
from roadmapctl.reading import discovery, loader, policy, yamlsource

MODULES = (located, document, marks, roadmap, period, numbering, diagnostics, deadline_model, discovery, loader,
           policy, yamlsource, rules)
CLASSES = sorted({cls for module in MODULES for cls in vars(module).values()
                  if isinstance(cls, type) and issubclass(cls, Record) and cls not in (Record, Value)},
                 key=lambda cls: cls.__qualname__)


def slots(cls: type) -> set[str]:
    return {name for klass in cls.__mro__ for name in getattr(klass, "__slots__", ())}


@pytest.mark.parametrize("cls", CLASSES, ids=lambda cls: cls.__qualname__)
def test_every_field_is_an_init_parameter_and_a_slot(cls: type[Record]) -> None:
    params = list(inspect.signature(cls).parameters)
    assert params == list(cls._fields)
    assert set(params) == slots(cls)
    assert "__dict__" not in dir(cls)  # slotted: a misspelt attribute fails at once


def test_fields_keep_the_dataclass_order_and_defaults() -> None:
    item = roadmap.Item()
    assert roadmap.Item._fields[:4] == ("pos", "field_pos", "number", "title")
    assert (item.pos, item.field_pos, item.title, item.status, item.due) == (located.NOWHERE, {}, "", "planned", ())
    assert roadmap.Item().executors is not roadmap.Item().executors  # a fresh list each time
    assert roadmap.Evidence(located.Pos(3, 4), text="акт").pos == located.Pos(3, 4)  # positional, as before


def test_equality_and_repr_leave_out_positions_of_fields() -> None:
    a = roadmap.Item(number="1.1", title="Совещание", field_pos={"title": located.Pos(2, 3)})
    b = roadmap.Item(number="1.1", title="Совещание")
    assert a == b and a != replace(b, title="Семинар")
    assert a != roadmap.Section(number="1.1", title="Совещание")
    assert repr(located.Pos(1, 2)) == "Pos(line=1, col=2)"
    assert repr(a).startswith("Item(pos=Pos(line=0, col=0), number='1.1', title='Совещание', key=None,")
    assert "field_pos" not in repr(a)


def test_values_hash_and_records_do_not() -> None:
    assert len({located.Pos(1, 2), located.Pos(1, 2)}) == 1
    assert hash(period.parse_period("2023/2024")) == hash(period.parse_period("2023/2024"))
    with pytest.raises(TypeError):
        hash(roadmap.Item())


def test_problems_sort_by_their_fields() -> None:
    p = diagnostics.Problem("a.yaml", 2, 1, "error", "R101", "x")
    q = diagnostics.Problem("a.yaml", 10, 1, "error", "R101", "x")
    assert sorted([q, p]) == [p, q] and p < q and q >= p and not p > q


def test_replace_copies_and_refuses_unknown_fields() -> None:
    item = roadmap.Item(title="Совещание", due=(date(2024, 1, 1),))
    assert replace(item, status="done").due == item.due
    with pytest.raises(TypeError, match="no field"):
        replace(item, tittle="Совещание")


def test_a_roadmap_survives_pickling(tmp_path) -> None:
    """`check -j` and the tracking commands send results between processes."""
    from tests.conftest import ROOT

    result = loader.load(ROOT / "roadmaps" / "lysva-2021-2022.yaml")
    again = pickle.loads(pickle.dumps(result))
    assert again == result and again.roadmap == result.roadmap
    assert again.roadmap.sections[0].items[0].field_pos == result.roadmap.sections[0].items[0].field_pos
