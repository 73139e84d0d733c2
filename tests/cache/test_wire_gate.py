"""``from_wire``, the gate of everything the cache takes from the network: every field of every
replicated entity is checked, and bad data raises ``WireError`` naming the field, never anything else.

The decoders are compiled once per class (a feed page decodes thousands of entities); these tests
make sure no check was lost on the way: they walk each entity's fields from its type hints, so a
field added later is covered too.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from datetime import datetime
from enum import Enum
from typing import Any

import pytest

from advisor_desk.domain.model import Order, Product
from advisor_desk.domain.wire import ENTITY_TYPES, WireError, from_wire, to_wire


def _arms(hint: Any) -> tuple[Any, ...]:
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        return tuple(a for a in typing.get_args(hint) if a is not type(None))
    return (hint,)


def _valid(hint: Any) -> Any:
    """A value of the wire form that ``hint`` accepts."""
    hint = _arms(hint)[0]
    origin = typing.get_origin(hint)
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        return sample(hint)
    if origin is tuple:
        return [_valid(typing.get_args(hint)[0])]
    if origin is dict:
        return {"k": "v"}
    if isinstance(hint, type) and issubclass(hint, Enum):
        return list(hint)[-1].value
    return {str: "x", int: 3, float: 2.5, bool: True, datetime: "2026-11-23T10:00:00Z", object: 1}[hint]


def sample(cls: type[Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    return {f.name: _valid(hints[f.name]) for f in dataclasses.fields(cls)}


def _wrong(hint: Any) -> list[Any]:
    """Values of the wrong type for ``hint`` (None too when the field is not optional)."""
    arms = _arms(hint)
    origin = typing.get_origin(arms[0])
    if arms[0] is object:
        return []
    values: list[Any] = [[1]] if origin is not tuple else ["text", 7]
    if origin is dict:
        values = [[], "text"]
    elif arms[0] is str:
        values += [12, 1.5, True]
    elif arms[0] is int:
        values += ["3", 3.0, True]
    elif arms[0] is float:
        values += ["2.5", False]
    elif arms[0] is bool:
        values += [1, "true"]
    elif arms[0] is datetime:
        values += [1_700_000_000, "2026-11-23T10:00:00", "demain", "2" * 41]
    elif isinstance(arms[0], type) and issubclass(arms[0], Enum):
        values += ["no-such-value", 3, {"a": 1}]
    if len(arms) == len(_arms_with_none(hint)):  # not optional
        values.append(None)
    return values


def _arms_with_none(hint: Any) -> tuple[Any, ...]:
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        return typing.get_args(hint)
    return (hint,)


CASES = [
    pytest.param(cls, f.name, bad, id=f"{cls.__name__}.{f.name}={bad!r}"[:80])
    for cls in ENTITY_TYPES.values()
    for f in dataclasses.fields(cls)
    for bad in _wrong(typing.get_type_hints(cls)[f.name])
]


@pytest.mark.parametrize("cls", list(ENTITY_TYPES.values()), ids=lambda c: c.__name__)
def test_every_entity_decodes_its_wire_form(cls: type[Any]) -> None:
    data = sample(cls)
    obj = from_wire(cls, data)
    assert to_wire(obj) == data or from_wire(cls, to_wire(obj)) == obj
    # twice: the compiled decoder gives the same answer as the first call
    assert from_wire(cls, data) == obj


@pytest.mark.parametrize(("cls", "name", "bad"), CASES)
def test_a_wrong_value_in_any_field_is_refused_by_name(cls: type[Any], name: str, bad: Any) -> None:
    with pytest.raises(WireError, match=rf"^{cls.__name__}\.{name}"):
        from_wire(cls, {**sample(cls), name: bad})


@pytest.mark.parametrize("cls", list(ENTITY_TYPES.values()), ids=lambda c: c.__name__)
def test_missing_required_fields_and_non_objects(cls: type[Any]) -> None:
    for f in dataclasses.fields(cls):
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            data = {k: v for k, v in sample(cls).items() if k != f.name}
            with pytest.raises(WireError, match=rf"^{cls.__name__}\.{f.name}: missing$"):
                from_wire(cls, data)
    for not_object in (None, [], "x", 3):
        with pytest.raises(WireError, match=rf"^{cls.__name__}: expected an object$"):
            from_wire(cls, not_object)


def test_nested_values_are_checked_with_their_path() -> None:
    order = sample(Order)
    line = order["lines"][0]
    with pytest.raises(WireError, match=r"^Order\.lines\[\]\.paid_cents: expected an integer$"):
        from_wire(Order, {**order, "lines": [line, {**line, "paid_cents": "40"}]})
    with pytest.raises(WireError, match=r"^Order\.lines\[\]: expected an object$"):
        from_wire(Order, {**order, "lines": [line, "ligne"]})
    assert len(from_wire(Order, {**order, "lines": [line, line]}).lines) == 2


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("rating_average", 10**400),  # JSON allows any number of digits: beyond any float
        ("updated_at", "0001-01-01T00:00:00+01:00"),  # before the first representable UTC time
        ("updated_at", "9999-12-31T23:59:59-01:00"),  # after the last
    ],
    ids=["huge-number", "year-1", "year-9999"],
)
def test_values_out_of_range_are_wire_errors_not_crashes(field: str, value: Any) -> None:
    with pytest.raises(WireError, match=rf"^Product\.{field}: "):
        from_wire(Product, {**sample(Product), field: value})


def test_times_are_kept_in_utc() -> None:
    product = from_wire(Product, {**sample(Product), "updated_at": "2026-11-23T11:00:00+01:00"})
    assert product.updated_at == datetime.fromisoformat("2026-11-23T10:00:00+00:00")
    assert product.updated_at is not None and product.updated_at.utcoffset() is not None
    assert product.updated_at.tzname() == "UTC"
