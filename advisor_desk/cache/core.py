"""The shared ground of the local cache: connections, meta values, the decision chain, the authority
check against cached decisions, and re-applying pending local actions over fresher copies.

The authority check here is the domain's (:func:`~advisor_desk.domain.authority.check_grant`) with the
inputs the centre gives it, looked up in the cache instead: what was spent, what is left on a refunded
order line, and for a shipping refund the shipping paid on the order
:func:`~advisor_desk.domain.authority.shipping_order` picks and what earlier shipping refunds on that
order already took (:func:`shipping_refunded`). So a grant the desk writes offline is one the centre
accepts, barring grants it has not seen yet.

:class:`CacheCore` is the base of :class:`advisor_desk.cache.store.LocalCache`; the local actions
(:mod:`.actions`) and the UI reads (:mod:`.reads`) build on it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import OperationalError

from advisor_desk.cache import replica
from advisor_desk.cache.codec import dumps, loads, ts
from advisor_desk.cache.errors import (
    CacheUnwritable,
    InvalidAction,
    NoAuthority,
    NotFound,
    unwritable_message,
)
from advisor_desk.cache.replica import sql
from advisor_desk.cache.views import (
    AuthoritySnapshot,
    RecoveryReport,
)
from advisor_desk.domain import decision_chain
from advisor_desk.domain.authority import (
    CUSTOMER_WINDOW,
    GrantRequest,
    Usage,
    Verdict,
    check_grant,
    day_bounds,
    is_shipping_bound,
    shipping_order,
    shipping_refunded,
    usage_from_decisions,
)
from advisor_desk.domain.decision_chain import ChainEntry, EntryKind
from advisor_desk.domain.model import (
    AuthorityEnvelope,
    Case,
    Decision,
    DecisionStatus,
    GestureCode,
    GestureLimit,
    Order,
    Role,
    User,
)
from advisor_desk.domain.wire import (
    ENTITY_TYPES,
    EntityKind,
    from_wire,
    to_wire,
)


def _check(condition: bool, message: str) -> None:
    if not condition:
        raise InvalidAction(message)


class CacheCore:
    """Connections and the helpers every part of the cache uses (see :class:`LocalCache`)."""

    def __init__(
        self,
        path: Path,
        writer: Engine,
        reader: Engine,
        clock: Callable[[], datetime],
        recovery_report: RecoveryReport | None,
    ) -> None:
        self.path = path
        self._writer = writer
        self._reader = reader
        self._clock = clock
        self._lock = threading.RLock()
        #: Set when the file was found damaged at start-up and replaced; the UI tells the user.
        self.recovery = recovery_report

    # ------------------------------------------------------------------ plumbing

    def _now(self) -> datetime:
        return self._clock().astimezone(UTC)

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        try:
            with self._lock, self._writer.begin() as conn:
                yield conn
        except OperationalError as exc:
            # A full or read-only disk (or a lock held too long) is not a bug: by the time it gets
            # here ``begin()`` has rolled the transaction back, so nothing was half-written and the
            # same action works again once the cause is gone. Say so in words, not as SQL.
            raise CacheUnwritable(unwritable_message(self.path.name, str(exc.orig))) from exc

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        # One read transaction per call: a timeline's several queries see one snapshot.
        with self._reader.connect() as conn, conn.begin():
            yield conn

    @staticmethod
    def _meta(conn: Connection, key: str) -> str | None:
        row = sql(conn, "SELECT value FROM meta WHERE key = ?", (key,)).first()
        return None if row is None else str(row[0])

    @staticmethod
    def _set_meta(conn: Connection, key: str, value: str | None) -> None:
        if value is None:
            sql(conn, "DELETE FROM meta WHERE key = ?", (key,))
        else:
            sql(conn, "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    def meta(self, key: str) -> str | None:
        with self._read() as conn:
            return self._meta(conn, key)

    def set_meta(self, key: str, value: str | None) -> None:
        with self._write() as conn:
            self._set_meta(conn, key, value)

    @property
    def workstation_id(self) -> str:
        value = self.meta("workstation_id")
        assert value is not None  # made by open()
        return value

    def _authority_snapshot(self, conn: Connection) -> AuthoritySnapshot | None:
        value = self._meta(conn, "authority")
        taken = self._meta(conn, "authority_at")
        if value is None or taken is None:
            return None
        return _snapshot_from(loads(value), datetime.fromisoformat(taken.replace("Z", "+00:00")))

    def _undo(self, conn: Connection, effects: list[dict[str, Any]]) -> None:
        for effect in reversed(effects):
            kind = EntityKind(effect["entity"])
            if effect.get("before") is None:
                replica.delete(conn, kind, effect["id"])
            else:
                replica.upsert_many(conn, kind, [from_wire(ENTITY_TYPES[kind], effect["before"])])

    def _rebase(self, conn: Connection, touched: set[tuple[EntityKind, str]] | None) -> None:
        """Re-apply what pending local actions changed over fresher copies from the centre.

        Without this a page of the feed carrying an older copy of a case would undo, on screen, a
        status change the advisor made and that is still waiting in the outbox.
        """
        rows = sql(
            conn, "SELECT effects FROM outbox WHERE status = 'pending' AND effects IS NOT NULL ORDER BY seq"
        ).all()
        for (raw,) in rows:
            for effect in loads(raw):
                kind = EntityKind(effect["entity"])
                if touched is not None and (kind, effect["id"]) not in touched:
                    continue
                after = effect["after"]
                current = replica.load(conn, kind, effect["id"])
                if effect.get("before") is None:
                    if current is None:
                        replica.upsert_many(conn, kind, [from_wire(ENTITY_TYPES[kind], after)])
                    continue
                if current is None:
                    continue
                merged = to_wire(current)
                fields = effect.get("fields") or ()
                for name in fields:
                    if name != "version":
                        merged[name] = after.get(name)
                if "version" in fields:
                    # the centre raises the version once per change it applies: the fresh copy,
                    # plus the changes still waiting here
                    merged["version"] = merged["version"] + after["version"] - effect["before"]["version"]
                replica.upsert_many(conn, kind, [from_wire(ENTITY_TYPES[kind], merged)])

    # ------------------------------------------------------------------ decision log

    @staticmethod
    def _last_chain_entry(conn: Connection) -> ChainEntry | None:
        row = sql(
            conn, "SELECT seq, kind, fields, prev_hash, hash FROM decision_log ORDER BY position DESC LIMIT 1"
        ).first()
        if row is None:
            return None
        return ChainEntry(row[0], EntryKind(row[1]), loads(row[2]), row[3], row[4])

    def _append_chain(self, conn: Connection, kind: EntryKind, fields: dict[str, Any]) -> ChainEntry:
        entry = decision_chain.append(self._last_chain_entry(conn), kind, fields)
        sql(
            conn,
            "INSERT INTO decision_log (seq, kind, fields, prev_hash, hash) VALUES (?, ?, ?, ?, ?)",
            (entry.seq, entry.kind.value, dumps(dict(entry.fields)), entry.prev_hash, entry.hash),
        )
        return entry

    # ------------------------------------------------------------------ authority

    def _envelope_for(self, conn: Connection, role: Role | str) -> AuthorityEnvelope:
        row = sql(conn, "SELECT data FROM envelopes WHERE role = ?", (Role(role).value,)).first()
        if row is not None:
            envelope: AuthorityEnvelope = replica.decode(EntityKind.ENVELOPE, row[0])
            return envelope
        snapshot = self._authority_snapshot(conn)
        if snapshot is None:
            raise NoAuthority("no authority envelope has been synced for this role yet")
        return AuthorityEnvelope(
            role=Role(role),
            currency=snapshot.currency,
            daily_budget_cents=snapshot.daily_budget_cents,
            per_customer_30d_cents=snapshot.per_customer_30d_cents,
            gestures=tuple(GestureLimit(GestureCode(c), m) for c, m in snapshot.gestures.items()),
        )

    def _usage(self, conn: Connection, user_id: str, customer_id: str, at: datetime, time_zone: str) -> Usage:
        start, end = day_bounds(at, time_zone)
        since = at - CUSTOMER_WINDOW
        rows = sql(
            conn,
            "SELECT data FROM decisions WHERE status IN ('pending', 'granted') AND ("
            "(user_id = ? AND granted_at >= ? AND granted_at < ?) OR "
            "(customer_id = ? AND granted_at > ? AND granted_at <= ?))",
            (user_id, ts(start), ts(end), customer_id, ts(since), ts(at)),
        ).all()
        decisions = [replica.decode(EntityKind.DECISION, r[0]) for r in rows]
        usage = usage_from_decisions(decisions, user_id, customer_id, at, time_zone)
        snapshot = self._authority_snapshot(conn)
        if snapshot is not None and day_bounds(snapshot.taken_at, time_zone) == (start, end):
            # The offline rule: never more than what remained at the last sync. What the centre had
            # counted then, plus what this desk granted since and has not had confirmed.
            unconfirmed = sum(
                d.amount_cents
                for d in decisions
                if d.status is DecisionStatus.PENDING and d.user_id == user_id and start <= d.granted_at < end
            )
            counted = snapshot.daily_budget_cents - snapshot.remaining_today_cents
            usage = Usage(max(usage.user_today_cents, counted + unconfirmed), usage.customer_30d_cents)
        return usage

    def _verdict(
        self,
        conn: Connection,
        user: User,
        envelope: AuthorityEnvelope,
        customer_id: str,
        gesture: GestureCode,
        amount_cents: int,
        currency: str,
        order_line_id: str | None,
        now: datetime,
        *,
        case_id: str | None = None,
    ) -> Verdict:
        line_paid: int | None = None
        line_refunded = 0
        if order_line_id is not None:
            row = sql(
                conn,
                "SELECT l.paid_cents, l.refunded_cents, o.customer_id FROM order_lines l "
                "JOIN orders o ON o.id = l.order_id WHERE l.id = ?",
                (order_line_id,),
            ).first()
            if row is None:
                raise NotFound(f"order line {order_line_id} is not in the local cache")
            _check(row[2] == customer_id, "the order line is another customer's")
            bounded = sql(conn, "SELECT data FROM gesture_types WHERE code = ?", (gesture.value,)).first()
            by_line = gesture is GestureCode.REFUND or (
                bounded is not None and loads(bounded[0]).get("bounded_by") == "line"
            )
            if by_line:
                # What the line already gave back, as the centre counts it (one rule on both sides,
                # so the desk never allows what the centre will refuse): the order's figure, which is
                # what was refunded outside the desk and never includes desk decisions, plus every
                # decision of this gesture on the line that counts (granted ones, from any desk, and
                # this desk's pending ones). A pending refund the centre confirms is the same row
                # turned ``granted``: counted once.
                (decided,) = sql(
                    conn,
                    "SELECT coalesce(sum(amount_cents), 0) FROM decisions "
                    "WHERE order_line_id = ? AND gesture = ? AND status IN ('pending', 'granted')",
                    (order_line_id, gesture.value),
                ).one()
                line_paid, line_refunded = row[0], row[1] + int(decided)
        shipping_paid, shipping_refunded_cents = self._shipping_bound(conn, customer_id, case_id, gesture)
        usage = self._usage(conn, user.id, customer_id, now, user.time_zone)
        request = GrantRequest(
            user.id,
            customer_id,
            gesture,
            amount_cents,
            currency,
            now,
            line_paid,
            line_refunded,
            shipping_paid_cents=shipping_paid,
            shipping_refunded_cents=shipping_refunded_cents,
        )
        return check_grant(envelope, request, usage)

    def _shipping_bound(
        self, conn: Connection, customer_id: str, case_id: str | None, gesture: GestureCode
    ) -> tuple[int | None, int]:
        """The shipping paid on the order a shipping refund applies to and what was already refunded of
        it ((None, 0) for a gesture not bounded by shipping), as the centre works it out.

        The order is the case's, else the customer's latest (:func:`shipping_order`). With no such order
        here the grant is refused outright, as the centre refuses it (``unknown_order``) and as the
        cache refuses a refund on an order line it does not hold.
        """
        row = sql(conn, "SELECT data FROM gesture_types WHERE code = ?", (gesture.value,)).first()
        # A shipping refund is bounded by the shipping whatever the synced catalogue says; other
        # gestures when it says so (the centre's rule, as for the line bound).
        if not (
            is_shipping_bound(gesture) or (row is not None and loads(row[0]).get("bounded_by") == "shipping")
        ):
            return None, 0
        orders: list[Order] = [
            replica.decode(EntityKind.ORDER, r[0])
            for r in sql(conn, "SELECT data FROM orders WHERE customer_id = ?", (customer_id,))
        ]
        case_order_id: str | None = None
        if case_id is not None:
            case: Case | None = replica.load(conn, EntityKind.CASE, case_id)
            if case is None:
                raise NotFound(f"case {case_id} is not in the local cache")
            case_order_id = case.order_id
        order = shipping_order(orders, case_order_id)
        if order is None:
            if case_order_id:
                raise NotFound("the case's order is not in the local cache: its shipping cannot be refunded")
            raise NotFound("the customer has no order whose shipping could be refunded")
        earlier: list[Decision] = [
            replica.decode(EntityKind.DECISION, r[0])
            for r in sql(
                conn,
                "SELECT data FROM decisions WHERE customer_id = ? AND gesture = ? "
                "AND status IN ('pending', 'granted')",
                (customer_id, gesture.value),
            )
        ]
        case_orders: dict[str, str | None] = {}
        for known in sorted({d.case_id for d in earlier if d.case_id}):
            earlier_case: Case | None = replica.load(conn, EntityKind.CASE, known)
            if earlier_case is not None:
                case_orders[known] = earlier_case.order_id
        return order.shipping_cents, shipping_refunded(order, orders, earlier, case_orders, gesture)


def _snapshot_from(authority: dict[str, Any], taken_at: datetime) -> AuthoritySnapshot:
    gestures = authority.get("gestures") or []
    limits: dict[str, int] = {}
    for g in gestures:
        limits[GestureCode(g["code"]).value] = _int(g["max_per_decision_cents"])
    currency = authority["currency"]
    if not isinstance(currency, str):
        raise TypeError("currency")
    return AuthoritySnapshot(
        currency=currency,
        daily_budget_cents=_int(authority["daily_budget_cents"]),
        remaining_today_cents=_int(authority["remaining_today_cents"]),
        per_customer_30d_cents=_int(authority["per_customer_30d_cents"]),
        gestures=limits,
        taken_at=taken_at,
    )


def _int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError("expected an integer")
    return value
