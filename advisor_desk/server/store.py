"""Writing and reading replicated entities: the one door to their rows, feed included.

``save`` upserts any replicated domain dataclass (:data:`advisor_desk.domain.wire.ENTITY_TYPES`) into
its row and records the change in the feed; ``save_many`` does the same for thousands at once (bulk
statements, one feed position per entity); ``delete`` removes an entity (a customer with everything
attached to it) and tells the feed; ``load`` rebuilds the domain object. Callers own the transaction:
positions are assigned when it commits (:mod:`advisor_desk.server.feed`).

    with database.write() as session:
        store.save(session, customer)
"""

from __future__ import annotations

import dataclasses
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from enum import Enum
from typing import Any

from sqlalchemy import delete as sql_delete
from sqlalchemy import select
from sqlalchemy.orm import Session

from advisor_desk.domain import model
from advisor_desk.domain.identity import normalise_email, normalise_handle, normalise_phone
from advisor_desk.domain.wire import (
    ENTITY_TYPES,
    EntityKind,
    WireError,
    entity_id,
    entity_kind,
    format_time,
    from_wire,
    to_wire,
)
from advisor_desk.server.feed import Audience, Scope, pending_audience, record_change
from advisor_desk.server.models import (
    Base,
    CaseRow,
    CustomerIdentifierRow,
    CustomerRow,
    DecisionRow,
    EnvelopeRow,
    EscalationRow,
    FeedEntryRow,
    FollowUpRow,
    GestureTypeRow,
    InteractionRow,
    OrderLineRow,
    OrderRow,
    ProductRatingRow,
    ProductRow,
    ResponseTargetRow,
    SatisfactionRow,
    ScriptRow,
    SettingRow,
)
from advisor_desk.server.sql import chunks, upsert

TABLES: dict[EntityKind, type[Base]] = {
    EntityKind.CUSTOMER: CustomerRow,
    EntityKind.ORDER: OrderRow,
    EntityKind.PRODUCT: ProductRow,
    EntityKind.CASE: CaseRow,
    EntityKind.INTERACTION: InteractionRow,
    EntityKind.GESTURE_TYPE: GestureTypeRow,
    EntityKind.ENVELOPE: EnvelopeRow,
    EntityKind.SCRIPT: ScriptRow,
    EntityKind.FOLLOWUP: FollowUpRow,
    EntityKind.DECISION: DecisionRow,
    EntityKind.ESCALATION: EscalationRow,
    EntityKind.SATISFACTION: SatisfactionRow,
    EntityKind.RESPONSE_TARGET: ResponseTargetRow,
    EntityKind.SETTING: SettingRow,
    EntityKind.PRODUCT_RATING: ProductRatingRow,
}

#: Entities hanging on a customer: they follow the customer's team and go when it is erased.
ATTACHED: tuple[EntityKind, ...] = (
    EntityKind.ORDER,
    EntityKind.CASE,
    EntityKind.INTERACTION,
    EntityKind.FOLLOWUP,
    EntityKind.SATISFACTION,
)

#: Write order in bulk: what others refer to first.
_BULK_ORDER = (
    EntityKind.SETTING,
    EntityKind.RESPONSE_TARGET,
    EntityKind.GESTURE_TYPE,
    EntityKind.ENVELOPE,
    EntityKind.SCRIPT,
    EntityKind.PRODUCT,
    EntityKind.PRODUCT_RATING,
    EntityKind.CUSTOMER,
    EntityKind.ORDER,
    EntityKind.CASE,
    EntityKind.INTERACTION,
    EntityKind.FOLLOWUP,
    EntityKind.SATISFACTION,
    EntityKind.DECISION,
    EntityKind.ESCALATION,
)
_CUSTOMER_TEAMS = "advisor_desk.customer_teams"


class StoreError(ValueError):
    """An entity that cannot be stored (not replicated, or attached to an unknown customer)."""


def fold(text: str) -> str:
    """Lower-case without accents, for searching names however they are typed."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _customer_columns(c: model.Customer) -> dict[str, Any]:
    first, last = fold(c.first_name).strip(), fold(c.last_name).strip()
    return {
        "team": c.team,
        "search_name": f"{first} {last}|{last} {first}",
        "loyalty_card": c.loyalty_card.strip().upper() if c.loyalty_card else None,
        "updated_at": c.updated_at,
    }


def _order_columns(o: model.Order) -> dict[str, Any]:
    return {
        "number": o.number.strip().upper(),
        "customer_id": o.customer_id,
        "placed_at": o.placed_at,
        "updated_at": o.updated_at,
    }


def _case_columns(c: model.Case) -> dict[str, Any]:
    return {
        "customer_id": c.customer_id,
        "team": c.team,
        "status": c.status.value,
        "version": c.version,
        "opened_at": c.opened_at,
        "updated_at": c.updated_at,
    }


def _interaction_columns(i: model.Interaction) -> dict[str, Any]:
    return {
        "customer_id": i.customer_id,
        "case_id": i.case_id,
        "channel": i.channel.value,
        "occurred_at": i.occurred_at,
        "updated_at": i.updated_at,
    }


def _followup_columns(f: model.FollowUp) -> dict[str, Any]:
    return {
        "customer_id": f.customer_id,
        "case_id": f.case_id,
        "status": f.status.value,
        "due_at": f.due_at,
        "updated_at": f.updated_at,
    }


def _satisfaction_columns(s: model.SatisfactionRating) -> dict[str, Any]:
    return {
        "customer_id": s.customer_id,
        "case_id": s.case_id,
        "score": s.score,
        "recorded_at": s.recorded_at,
        "updated_at": s.updated_at,
    }


def _decision_columns(d: model.Decision) -> dict[str, Any]:
    return {
        "user_id": d.user_id,
        "team": d.team,
        "customer_id": d.customer_id,
        "gesture": d.gesture.value,
        "amount_cents": d.amount_cents,
        "currency": d.currency,
        "status": d.status.value,
        "granted_at": d.granted_at,
        "order_line_id": d.order_line_id,
        "reviewed": d.reviewed_at is not None,
        "updated_at": d.updated_at,
    }


def _escalation_columns(e: model.Escalation) -> dict[str, Any]:
    return {
        "user_id": e.user_id,
        "team": e.team,
        "customer_id": e.customer_id,
        "status": e.status.value,
        "requested_at": e.requested_at,
        "updated_at": e.updated_at,
    }


def _product_columns(p: model.Product) -> dict[str, Any]:
    return {"sku": p.sku, "updated_at": p.updated_at}


def _product_rating_columns(r: model.ProductRating) -> dict[str, Any]:
    return {
        "product_id": r.product_id,
        "customer_id": r.customer_id,
        "stars": r.stars,
        "rated_at": r.rated_at,
        "updated_at": r.updated_at,
    }


def _updated_only(obj: Any) -> dict[str, Any]:
    return {"updated_at": obj.updated_at}


def _no_columns(_obj: Any) -> dict[str, Any]:
    return {}


_COLUMNS: dict[EntityKind, Callable[[Any], dict[str, Any]]] = {
    EntityKind.CUSTOMER: _customer_columns,
    EntityKind.ORDER: _order_columns,
    EntityKind.PRODUCT: _product_columns,
    EntityKind.CASE: _case_columns,
    EntityKind.INTERACTION: _interaction_columns,
    EntityKind.FOLLOWUP: _followup_columns,
    EntityKind.SATISFACTION: _satisfaction_columns,
    EntityKind.DECISION: _decision_columns,
    EntityKind.ESCALATION: _escalation_columns,
    EntityKind.SCRIPT: _updated_only,
    EntityKind.SETTING: _updated_only,
    EntityKind.GESTURE_TYPE: _no_columns,
    EntityKind.ENVELOPE: _no_columns,
    EntityKind.RESPONSE_TARGET: _no_columns,
    EntityKind.PRODUCT_RATING: _product_rating_columns,
}


def _identifiers(c: model.Customer) -> list[dict[str, Any]]:
    found: dict[tuple[str, str], None] = {}
    for email in c.emails:
        if value := normalise_email(email):
            found[("email", value)] = None
    for phone in c.phones:
        if value := normalise_phone(phone):
            found[("phone", value)] = None
    for handle in c.social_handles:
        if value := normalise_handle(handle):
            found[("handle", value)] = None
    return [{"customer_id": c.id, "kind": k, "value": v} for k, v in found]


def _order_lines(o: model.Order) -> list[dict[str, Any]]:
    return [
        {
            "id": line.id,
            "order_id": o.id,
            "product_id": line.product_id,
            "quantity": line.quantity,
            "unit_price_cents": line.unit_price_cents,
            "paid_cents": line.paid_cents,
            "refunded_cents": line.refunded_cents,
        }
        for line in o.lines
    ]


def _kind_and_id(entity: object) -> tuple[EntityKind, str]:
    try:
        return entity_kind(entity), entity_id(entity)
    except WireError as exc:
        raise StoreError(str(exc)) from exc


_FIELD_NAMES: dict[type[Any], tuple[str, ...]] = {}


def _field_names(cls: type[Any]) -> tuple[str, ...]:
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(f.name for f in dataclasses.fields(cls))
    return names


def wire_form(entity: Any) -> dict[str, Any]:
    """``to_wire(entity)``, faster for the flat fields most entities are made of (bulk seeding).

    Strings, numbers, booleans and None are copied as they are; anything else (times, enums,
    tuples, nested dataclasses, dicts) goes through :func:`advisor_desk.domain.wire.to_wire`, so the
    result is identical (a test compares them for every kind).
    """
    out: dict[str, Any] = {}
    for name in _field_names(type(entity)):
        value = getattr(entity, name)
        if value is None or type(value) in _PLAIN:
            out[name] = value
        elif isinstance(value, Enum):
            out[name] = value.value
        elif isinstance(value, datetime):
            out[name] = format_time(value)
        else:
            out[name] = to_wire(value)
    return out


_PLAIN = frozenset({str, int, float, bool})


def _row(kind: EntityKind, key: str, entity: Any) -> dict[str, Any]:
    return {"id": key, "data": wire_form(entity), **_COLUMNS[kind](entity)}


def _known_teams(session: Session) -> dict[str, str]:
    teams: dict[str, str] = session.info.setdefault(_CUSTOMER_TEAMS, {})
    return teams


def customer_teams(session: Session, customer_ids: Iterable[str]) -> dict[str, str]:
    """The team of each customer id (those unknown are left out)."""
    known = _known_teams(session)
    missing = sorted({cid for cid in customer_ids if cid not in known})
    for part in chunks(missing, 500):
        for cid, team in session.execute(
            select(CustomerRow.id, CustomerRow.team).where(CustomerRow.id.in_(part))
        ):
            known[cid] = team
    return known


def audience_of(session: Session, kind: EntityKind, entity: Any) -> Audience:
    """Who receives this entity through the feed."""
    if kind is EntityKind.CUSTOMER:
        return Audience(Scope.TEAM, team=entity.team)
    if kind in ATTACHED:
        team = _known_teams(session).get(entity.customer_id)
        if team is None:
            team = customer_teams(session, [entity.customer_id]).get(entity.customer_id)
        if team is None:
            raise StoreError(f"{kind.value} {entity_id(entity)} refers to an unknown customer")
        return Audience(Scope.TEAM, team=team)
    if kind in (EntityKind.DECISION, EntityKind.ESCALATION):
        return Audience(Scope.OWNER, team=entity.team, owner_id=entity.user_id)
    if kind is EntityKind.ENVELOPE:
        return Audience(Scope.ROLE, role=entity.role.value)
    return Audience(Scope.ALL)


def save(session: Session, entity: object) -> None:
    """Insert or update one replicated entity and record the change in the feed."""
    save_many(session, [entity])


def save_many(session: Session, entities: Iterable[object]) -> None:
    """Insert or update many entities with bulk statements (the volume seed's path).

    Entities may come in any order and any mix of kinds; those others refer to (customers, products)
    are written first. The same entity given twice keeps its last version.
    """
    by_kind: dict[EntityKind, dict[str, Any]] = {}
    for entity in entities:
        kind, key = _kind_and_id(entity)
        by_kind.setdefault(kind, {})[key] = entity
    teams = _known_teams(session)
    for kind in _BULK_ORDER:
        batch = by_kind.get(kind)
        if not batch:
            continue
        table = TABLES[kind]
        if kind is EntityKind.CUSTOMER:
            teams.update({key: c.team for key, c in batch.items()})
        audiences = [(key, audience_of(session, kind, e)) for key, e in batch.items()]
        upsert(session, table, [_row(kind, key, e) for key, e in batch.items()], ("id",))
        if kind is EntityKind.CUSTOMER:
            _replace_children(
                session,
                CustomerIdentifierRow,
                CustomerIdentifierRow.customer_id,
                list(batch),
                [row for c in batch.values() for row in _identifiers(c)],
                ("customer_id", "kind", "value"),
            )
        elif kind is EntityKind.ORDER:
            _replace_children(
                session,
                OrderLineRow,
                OrderLineRow.order_id,
                list(batch),
                [row for o in batch.values() for row in _order_lines(o)],
                ("id",),
            )
        for key, audience in audiences:
            record_change(session, kind, key, "upsert", audience)


def _replace_children(
    session: Session,
    table: type[Base],
    parent_column: Any,
    parent_ids: Sequence[str],
    rows: list[dict[str, Any]],
    keys: Sequence[str],
) -> None:
    for part in chunks(parent_ids, 500):
        session.execute(sql_delete(table).where(parent_column.in_(part)))
    upsert(session, table, rows, keys)


def load(session: Session, kind: EntityKind, id: str) -> Any | None:
    """The domain object stored under ``kind`` and ``id``, or None."""
    table: Any = TABLES[kind]
    data = session.scalar(select(table.data).where(table.id == id))
    if data is None:
        return None
    return from_wire(ENTITY_TYPES[kind], data)


def load_many(session: Session, kind: EntityKind, ids: Iterable[str]) -> dict[str, Any]:
    """Wire data of several entities of one kind, by id (those missing are left out)."""
    table: Any = TABLES[kind]
    found: dict[str, Any] = {}
    for part in chunks(sorted(set(ids)), 500):
        for key, data in session.execute(select(table.id, table.data).where(table.id.in_(part))):
            found[key] = data
    return found


def delete(session: Session, kind: EntityKind, id: str) -> None:
    """Remove an entity and tell the workstations that hold it.

    Erasing a customer removes everything attached to it (orders, cases, interactions, follow-ups,
    ratings); decisions and escalations stay, as the audit record of money given.
    """
    targets: list[tuple[EntityKind, str]] = [(kind, id)]
    if kind is EntityKind.CUSTOMER:
        for attached in ATTACHED:
            table: Any = TABLES[attached]
            targets += [
                (attached, key) for key in session.scalars(select(table.id).where(table.customer_id == id))
            ]
    audiences = _feed_audiences(session, targets)
    # Children before the customer: the foreign keys would cascade, but explicit is predictable.
    for target_kind, key in reversed(targets):
        target_table: Any = TABLES[target_kind]
        session.execute(sql_delete(target_table).where(target_table.id == key))
    _known_teams(session).pop(id, None)
    for target_kind, key in targets:
        audience = audiences.get((target_kind.value, key))
        if audience is not None:
            record_change(session, target_kind, key, "delete", audience)


def _feed_audiences(
    session: Session, targets: list[tuple[EntityKind, str]]
) -> dict[tuple[str, str], Audience]:
    """Who received these entities: a deletion goes to the same workstations as the entity did."""
    found: dict[tuple[str, str], Audience] = {}
    by_kind: dict[str, list[str]] = {}
    for kind, key in targets:
        pending = pending_audience(session, kind, key)
        if pending is not None:
            found[(kind.value, key)] = pending
        else:
            by_kind.setdefault(kind.value, []).append(key)
    for kind_value, keys in by_kind.items():
        for part in chunks(keys, 500):
            for row in session.scalars(
                select(FeedEntryRow).where(FeedEntryRow.kind == kind_value, FeedEntryRow.entity_id.in_(part))
            ):
                found[(row.kind, row.entity_id)] = Audience(
                    Scope(row.scope), row.team, row.owner_id, row.role
                )
    return found
