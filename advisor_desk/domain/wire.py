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
    if parsed.tzinfo is None:
        raise WireError("time without a zone")
    return parsed.astimezone(UTC)


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


@cache
def _hints(cls: type[Any]) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def from_wire(cls: type[T], data: object) -> T:
    """Rebuild a domain dataclass from wire data, checking every field."""
    return typing.cast(T, _convert(cls, data, cls.__name__))


def _convert(tp: Any, value: object, where: str) -> Any:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = typing.get_args(tp)
        if value is None and type(None) in args:
            return None
        errors = []
        for arg in args:
            if arg is type(None):
                continue
            try:
                return _convert(arg, value, where)
            except WireError as exc:
                errors.append(str(exc))
        raise WireError(errors[0] if errors else f"{where}: unexpected value")
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        if not isinstance(value, dict):
            raise WireError(f"{where}: expected an object")
        hints = _hints(tp)
        kwargs: dict[str, Any] = {}
        for f in dataclasses.fields(tp):
            if f.name in value:
                kwargs[f.name] = _convert(hints[f.name], value[f.name], f"{where}.{f.name}")
            elif f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                raise WireError(f"{where}.{f.name}: missing")
        try:
            return tp(**kwargs)
        except (TypeError, ValueError) as exc:
            raise WireError(f"{where}: {exc}") from exc
    if origin is tuple:
        if not isinstance(value, list):
            raise WireError(f"{where}: expected a list")
        (item_tp, *_rest) = typing.get_args(tp)
        return tuple(_convert(item_tp, v, f"{where}[]") for v in value)
    if origin is dict:
        if not isinstance(value, dict):
            raise WireError(f"{where}: expected an object")
        return dict(value)
    if isinstance(tp, type) and issubclass(tp, Enum):
        try:
            return tp(value)
        except ValueError as exc:
            raise WireError(f"{where}: unknown value {str(value)[:40]!r}") from exc
    if tp is datetime:
        try:
            return parse_time(value)
        except WireError as exc:
            raise WireError(f"{where}: {exc}") from exc
    if tp is bool:
        if not isinstance(value, bool):
            raise WireError(f"{where}: expected true or false")
        return value
    if tp is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise WireError(f"{where}: expected an integer")
        return value
    if tp is float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise WireError(f"{where}: expected a number")
        return float(value)
    if tp is str:
        if not isinstance(value, str):
            raise WireError(f"{where}: expected text")
        return value
    if tp is object:
        return value
    raise WireError(f"{where}: unsupported type {tp!r}")
