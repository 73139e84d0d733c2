"""The JSON shapes shared by the central API, the changes feed and the local cache.

``to_wire`` turns a domain dataclass into a JSON-ready dict (datetimes as ISO 8601 UTC with ``Z``,
enums as their values, tuples as lists); ``from_wire`` checks and rebuilds it. ``from_wire`` is the
gate for anything that came over the network: it raises :class:`WireError` on a missing field, a
wrong type or an unknown enum value, never anything else.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable
from datetime import UTC, datetime
from enum import Enum, StrEnum
from functools import cache
from typing import Any, TypeVar

from advisor_desk.domain import model
from advisor_desk.domain.channels import ResponseTarget

T = TypeVar("T")


class WireError(ValueError):
    """Data that does not have the shape the contract promises."""


class EntityKind(StrEnum):
    """Entities a workstation replicates through the changes feed."""

    CUSTOMER = "customer"
    ORDER = "order"
    PRODUCT = "product"
    CASE = "case"
    INTERACTION = "interaction"
    GESTURE_TYPE = "gesture_type"
    ENVELOPE = "envelope"
    SCRIPT = "script"
    FOLLOWUP = "followup"
    DECISION = "decision"
    ESCALATION = "escalation"
    SATISFACTION = "satisfaction"
    RESPONSE_TARGET = "response_target"
    SETTING = "setting"
    PRODUCT_RATING = "product_rating"


ENTITY_TYPES: dict[EntityKind, type[Any]] = {
    EntityKind.CUSTOMER: model.Customer,
    EntityKind.ORDER: model.Order,
    EntityKind.PRODUCT: model.Product,
    EntityKind.CASE: model.Case,
    EntityKind.INTERACTION: model.Interaction,
    EntityKind.GESTURE_TYPE: model.GestureType,
    EntityKind.ENVELOPE: model.AuthorityEnvelope,
    EntityKind.SCRIPT: model.ReplyScript,
    EntityKind.FOLLOWUP: model.FollowUp,
    EntityKind.DECISION: model.Decision,
    EntityKind.ESCALATION: model.Escalation,
    EntityKind.SATISFACTION: model.SatisfactionRating,
    EntityKind.RESPONSE_TARGET: ResponseTarget,
    EntityKind.SETTING: model.Setting,
    EntityKind.PRODUCT_RATING: model.ProductRating,
}
_KIND_OF_TYPE: dict[type[Any], EntityKind] = {tp: kind for kind, tp in ENTITY_TYPES.items()}


def entity_kind(obj: object) -> EntityKind:
    """The feed kind of a domain entity."""
    try:
        return _KIND_OF_TYPE[type(obj)]
    except KeyError:
        raise WireError(f"{type(obj).__name__} is not replicated") from None


def entity_id(obj: object) -> str:
    """The feed id of a domain entity: its ``id``, or its natural key for catalogue-like entities."""
    if isinstance(obj, model.GestureType):
        return obj.code.value
    if isinstance(obj, model.AuthorityEnvelope):
        return obj.role.value
    if isinstance(obj, ResponseTarget):
        return obj.channel.value
    if isinstance(obj, model.Setting):
        return obj.key
    value = getattr(obj, "id", None)
    if not isinstance(value, str):
        raise WireError(f"{type(obj).__name__} has no id")
    return value


def format_time(value: datetime) -> str:
    if value.tzinfo is None:
        raise WireError("naive datetime: times are stored in UTC with their zone")
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


def parse_time(value: object) -> datetime:
    if not isinstance(value, str) or len(value) > 40:
        raise WireError(f"expected an ISO 8601 time, got {type(value).__name__}")
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as exc:
        raise WireError(f"not an ISO 8601 time: {value[:40]!r}") from exc
    if parsed.tzinfo is UTC:  # the usual "Z": already what the domain keeps
        return parsed
    if parsed.tzinfo is None:
        raise WireError("time without a zone")
    try:
        return parsed.astimezone(UTC)
    except OverflowError as exc:  # 0001-01-01T00:00+01:00 is before the first representable UTC time
        raise WireError(f"time out of range: {value[:40]!r}") from exc


def to_wire(obj: Any) -> Any:
    """Turn a domain value into JSON-ready data."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_wire(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, Enum):
        return obj.value
    if isinstance(obj, datetime):
        return format_time(obj)
    if isinstance(obj, (list, tuple)):
        return [to_wire(v) for v in obj]
    if isinstance(obj, dict):
        return {str(k): to_wire(v) for k, v in obj.items()}
    return obj


def from_wire(cls: type[T], data: object) -> T:
    """Rebuild a domain dataclass from wire data, checking every field."""
    decode = _ROOT_DECODERS.get(cls)
    if decode is None:
        decode = _ROOT_DECODERS[cls] = _decoder(typing.cast(Any, cls), cls.__name__)
    return typing.cast(T, decode(data))


#: A compiled check-and-convert of one type at one place of a shape (``where`` names it in errors).
_Decode = Callable[[object], Any]
#: Decoders of the classes ``from_wire`` was asked for, by class: one dict lookup per call.
_ROOT_DECODERS: dict[type[Any], _Decode] = {}
_ABSENT = object()

# A feed page holds thousands of entities of a dozen classes: reading the type hints of every field
# for every value cost most of the time of applying a page. Each type is compiled once into a chain of
# closures (per place in the shape, so error messages are precomputed) that do only the checks.


@cache
def _decoder(tp: Any, where: str) -> _Decode:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        return _union_decoder(typing.get_args(tp), where)
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        return _dataclass_decoder(tp, where)
    if origin is tuple:
        return _tuple_decoder(typing.get_args(tp)[0], f"{where}[]", f"{where}: expected a list")
    if origin is dict:
        return _dict_decoder(f"{where}: expected an object")
    if isinstance(tp, type) and issubclass(tp, Enum):
        return _enum_decoder(tp, where)
    if tp is datetime:
        return _time_decoder(where)
    if tp in _SCALARS:
        return _SCALARS[tp](where)
    if tp is object:
        return _any
    problem = f"{where}: unsupported type {tp!r}"

    def unsupported(value: object) -> Any:
        raise WireError(problem)

    return unsupported


def _exact(tp: Any) -> type[Any] | None:
    """The one type whose values a field takes as they are (``type(v) is``): a fast path that the
    full check behind it would accept unchanged."""
    return tp if tp in (str, int, bool, float) else None


def _union_decoder(args: tuple[Any, ...], where: str) -> _Decode:
    nullable = type(None) in args
    decoders = [_decoder(arg, where) for arg in args if arg is not type(None)]
    if len(decoders) == 1:
        (only,) = decoders

        def optional(value: object) -> Any:
            if value is None and nullable:
                return None
            return only(value)

        return optional

    def union(value: object) -> Any:
        if value is None and nullable:
            return None
        errors = []
        for decode in decoders:
            try:
                return decode(value)
            except WireError as exc:
                errors.append(str(exc))
        raise WireError(errors[0] if errors else f"{where}: unexpected value")

    return union


def _dataclass_decoder(tp: type[Any], where: str) -> _Decode:
    hints = typing.get_type_hints(tp)
    plan: list[tuple[str, type[Any] | None, bool, _Decode, str | None]] = []
    for f in dataclasses.fields(tp):
        hint = hints[f.name]
        arms = typing.get_args(hint) if typing.get_origin(hint) in (typing.Union, types.UnionType) else ()
        nullable = type(None) in arms
        solid = [a for a in arms if a is not type(None)]
        exact = _exact(solid[0] if nullable and len(solid) == 1 else hint)
        required = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        missing = f"{where}.{f.name}: missing" if required else None
        plan.append((f.name, exact, nullable, _decoder(hint, f"{where}.{f.name}"), missing))
    not_object = f"{where}: expected an object"

    def decode(value: object) -> Any:
        if not isinstance(value, dict):
            raise WireError(not_object)
        kwargs: dict[str, Any] = {}
        for name, exact, nullable, convert, missing in plan:
            item = value.get(name, _ABSENT)
            if item is _ABSENT:
                if missing is not None:
                    raise WireError(missing)
            elif type(item) is exact or (item is None and nullable):
                kwargs[name] = item
            else:
                kwargs[name] = convert(item)
        try:
            return tp(**kwargs)
        except (TypeError, ValueError) as exc:
            raise WireError(f"{where}: {exc}") from exc

    return decode


def _tuple_decoder(item_tp: Any, item_where: str, not_list: str) -> _Decode:
    exact = _exact(item_tp)
    convert = _decoder(item_tp, item_where)

    def decode(value: object) -> Any:
        if not isinstance(value, list):
            raise WireError(not_list)
        if exact is not None:
            for item in value:
                if type(item) is not exact:
                    break
            else:
                return tuple(value)
        return tuple([convert(item) for item in value])

    return decode


def _dict_decoder(not_object: str) -> _Decode:
    def decode(value: object) -> Any:
        if not isinstance(value, dict):
            raise WireError(not_object)
        return dict(value)

    return decode


def _enum_decoder(tp: type[Enum], where: str) -> _Decode:
    members: dict[object, Enum] = {m.value: m for m in tp}

    def decode(value: object) -> Any:
        try:
            return members[value]
        except (KeyError, TypeError):  # TypeError: an unhashable value (a list, an object)
            pass
        if isinstance(value, tp):
            return value
        try:  # what the enum itself accepts beyond its values (aliases, _missing_)
            return tp(value)
        except ValueError as exc:
            raise WireError(f"{where}: unknown value {str(value)[:40]!r}") from exc

    return decode


def _time_decoder(where: str) -> _Decode:
    def decode(value: object) -> Any:
        try:
            return parse_time(value)
        except WireError as exc:
            raise WireError(f"{where}: {exc}") from exc

    return decode


def _bool_decoder(where: str) -> _Decode:
    problem = f"{where}: expected true or false"

    def decode(value: object) -> Any:
        if not isinstance(value, bool):
            raise WireError(problem)
        return value

    return decode


def _int_decoder(where: str) -> _Decode:
    problem = f"{where}: expected an integer"

    def decode(value: object) -> Any:
        if isinstance(value, bool) or not isinstance(value, int):
            raise WireError(problem)
        return value

    return decode


def _float_decoder(where: str) -> _Decode:
    problem = f"{where}: expected a number"

    def decode(value: object) -> Any:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise WireError(problem)
        try:
            return float(value)
        except OverflowError:  # an integer beyond any float (JSON allows any number of digits)
            raise WireError(f"{where}: number out of range") from None

    return decode


def _str_decoder(where: str) -> _Decode:
    problem = f"{where}: expected text"

    def decode(value: object) -> Any:
        if not isinstance(value, str):
            raise WireError(problem)
        return value

    return decode


def _any(value: object) -> Any:
    return value


_SCALARS: dict[Any, Callable[[str], _Decode]] = {
    bool: _bool_decoder,
    int: _int_decoder,
    float: _float_decoder,
    str: _str_decoder,
}
