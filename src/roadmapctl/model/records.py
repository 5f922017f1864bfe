"""Value classes without `dataclasses`: equality, repr and hashing from the fields of `__init__`.

`check` runs on every commit, and its start-up is mostly imports.  Creating a
class with `@dataclass` compiles its methods at import time (about a
millisecond each, and the `dataclasses` module pulls in `inspect`); the
thirty classes on the check path cost more than checking a 40-item file.
Classes here write `__slots__` and `__init__` by hand and inherit the rest:

- fields are the parameters of `__init__`, in their order (which is the
  order a dataclass would use: a base's fields first), each stored under its
  own name; names in `_hidden` take no part in `==`, `hash()` and `repr()`
  (a dataclass field with `compare=False, repr=False`);
- `==` holds between instances of the same class with equal fields, as for a
  dataclass; `Value` adds `hash()` over the same fields, like
  `@dataclass(frozen=True)` (its instances are not changed after `__init__`:
  by convention, since enforcing it would slow down every creation);
- `replace(obj, **changes)` is `dataclasses.replace` for these classes; their
  `__init__` takes every field by name.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from operator import attrgetter
from typing import Any, TypeVar

R = TypeVar("R", bound="Record")


class Record:
    """Base of mutable value classes: `==` and `repr()` over the fields."""

    __slots__ = ()
    _fields: tuple[str, ...] = ()  # every field, for replace()
    _compared: tuple[str, ...] = ()  # the fields of ==, hash() and repr()
    _hidden: tuple[str, ...] = ()
    _getter: tuple[Callable[[Any], tuple[Any, ...]]] = (lambda obj: (),)  # the compared fields' values

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        code = getattr(cls.__init__, "__code__", None)  # None: object's own, no fields
        names = code.co_varnames[1:code.co_argcount] if code is not None else ()  # `self` first
        cls._fields = names
        cls._compared = tuple(name for name in names if name not in cls._hidden)
        # One C call for the fields compared (== and hash() run for every `Pos` put in a
        # set and every `Period` a cache looks up): attrgetter of two names or more gives
        # a tuple, of one its value.  Kept in a 1-tuple: a callable class attribute would
        # be taken for a method.
        compared = cls._compared
        if len(compared) > 1:
            cls._getter = (attrgetter(*compared),)
        else:
            cls._getter = (partial(_values_of, names=compared),)

    def _values(self) -> tuple[Any, ...]:
        return self._getter[0](self)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        get = self._getter[0]
        return bool(get(self) == get(other))

    # __eq__ without __hash__: Python makes instances unhashable, as a mutable dataclass.

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._compared)
        return f"{type(self).__qualname__}({fields})"


def _values_of(obj: Any, names: tuple[str, ...]) -> tuple[Any, ...]:
    return tuple(getattr(obj, name) for name in names)


class Value(Record):
    """Base of immutable value classes: hashable, like a frozen dataclass."""

    __slots__ = ()

    def __hash__(self) -> int:
        return hash(self._getter[0](self))


def replace(obj: R, **changes: Any) -> R:
    """A copy of `obj` with some fields changed (`dataclasses.replace`)."""
    unknown = set(changes) - set(obj._fields)
    if unknown:
        raise TypeError(f"{type(obj).__name__} has no field(s) {', '.join(sorted(unknown))}")
    return type(obj)(**{name: changes.get(name, getattr(obj, name)) for name in obj._fields})
