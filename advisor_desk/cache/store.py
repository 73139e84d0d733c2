"""The workstation's local cache: one SQLite file per server and user, written first, read at once.

``LocalCache`` is what the sync engine and the UI share. Three kinds of work go through it:

- the **pull side** writes pages of the changes feed, each page and its cursor in one transaction;
- **local actions** (a reply, a note, a grant...) change the local copy and add their outbox entry in
  one transaction, committed with ``synchronous=FULL`` so what the advisor saw as saved survives a
  power cut;
- the **push side** hands the outbox over in order and records what the centre answered.

Reads use their own connections (WAL lets them run beside a write); writes are serialised by a lock
and ``BEGIN IMMEDIATE``. Opening runs the Alembic migrations and an integrity check; a damaged file
is set aside and what can be read of the unsynced work is carried over (see :mod:`.recovery`).
"""

from __future__ import annotations

import secrets
import sqlite3
import threading
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.exc import OperationalError

from advisor_desk.cache import recovery, replica
from advisor_desk.cache.codec import dumps, loads, parse_ts, ts
from advisor_desk.cache.errors import (
    CacheError,
    GrantRefused,
    InvalidAction,
    NoAuthority,
    NotFound,
    StaleCase,
)
from advisor_desk.cache.paths import create_private_file
from advisor_desk.cache.replica import sql
from advisor_desk.cache.search import (
    Matcher,
    fts_query,
    snippet,
    worth_text_search,
)
from advisor_desk.cache.views import (
    AuthoritySnapshot,
    CustomerHit,
    LogRow,
    MatchedField,
    OutboxEntry,
    OutboxStatus,
    QueueCounts,
    QueueRow,
    QueueRowKind,
    RecoveryReport,
    Timeline,
)
from advisor_desk.domain import decision_chain
from advisor_desk.domain.authority import (
    CUSTOMER_WINDOW,
    GrantRequest,
    Usage,
    Verdict,
    check_grant,
    day_bounds,
    usage_from_decisions,
)
from advisor_desk.domain.channels import DEFAULT_TARGETS, Channel, ResponseState, countdown
from advisor_desk.domain.decision_chain import ChainEntry, EntryKind
from advisor_desk.domain.model import (
    AuthorityEnvelope,
    Case,
    CaseKind,
    CaseStatus,
    ComplaintCategory,
    Customer,
    Decision,
    DecisionStatus,
    Direction,
    Escalation,
    EscalationStatus,
    FollowUp,
    FollowUpOutcome,
    FollowUpStatus,
    GestureCode,
    GestureLimit,
    Interaction,
    Order,
    Product,
    ReasonCode,
    Role,
    RootCause,
    SatisfactionRating,
    User,
    can_transition,
)
from advisor_desk.domain.mutations import MutationKind, MutationStatus
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

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
#: The most text one message, note or reason may hold (the central API refuses more).
MAX_TEXT = 100_000
BUSY_TIMEOUT_MS = 10_000
#: How many of a customer's interactions ``timeline`` decodes at once; the rest load lazily.
TIMELINE_FIRST_PAGE = 200
_VOUCHER_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud at a counter
_MUTATION_ENTITY: dict[str, EntityKind] = {
    MutationKind.CASE_STATUS: EntityKind.CASE,
    MutationKind.CASE_ASSIGN: EntityKind.CASE,
    MutationKind.CASE_ACKNOWLEDGE: EntityKind.CASE,
    MutationKind.REPLY: EntityKind.CASE,
    MutationKind.DECISION_GRANT: EntityKind.DECISION,
    MutationKind.DECISION_REVOKE: EntityKind.DECISION,
    MutationKind.REVIEW_MARK: EntityKind.DECISION,
    MutationKind.ESCALATION: EntityKind.ESCALATION,
    MutationKind.ESCALATION_ANSWER: EntityKind.ESCALATION,
    MutationKind.FOLLOWUP: EntityKind.FOLLOWUP,
    MutationKind.FOLLOWUP_OUTCOME: EntityKind.FOLLOWUP,
    MutationKind.CSAT: EntityKind.SATISFACTION,
    MutationKind.NOTE: EntityKind.INTERACTION,
}


_QUEUE_SQL = (
    "SELECT c.id, c.customer_id, c.status, c.channel, c.kind, c.category, c.subject, "
    "c.assignee_id, c.opened_at, c.acknowledged_at, c.first_response_at, c.resolved_at, "
    "c.version, cu.first_name, cu.last_name "
    "FROM cases c LEFT JOIN customers cu ON cu.id = c.customer_id WHERE "
)
_CHANNELS = {c.value: c for c in Channel}
_CASE_KINDS = {k.value: k for k in CaseKind}
_CATEGORIES = {c.value: c for c in ComplaintCategory}
_STATUSES = {s.value: s for s in CaseStatus}


def _now_utc() -> datetime:
    return datetime.now(UTC)


def _engine(path: Path, *, writer: bool) -> Engine:
    engine = create_engine(
        f"sqlite:///{path}",
        connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Take transaction control from the sqlite3 module: SQLAlchemy's "begin" event below
        # decides when a transaction starts and of which kind.
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        # FULL on every write connection: a local action is durable when the call returns.
        cursor.execute("PRAGMA synchronous = FULL")
        if not writer:
            cursor.execute("PRAGMA query_only = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        # IMMEDIATE takes the write lock at once: two writers never deadlock upgrading read locks.
        conn.exec_driver_sql("BEGIN IMMEDIATE" if writer else "BEGIN")

    return engine


def migrate(engine: Engine, revision: str = "head") -> None:
    """Bring the cache schema to ``revision`` with the migrations shipped in the package."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, revision)


def schema_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        try:
            row = sql(conn, "SELECT version_num FROM alembic_version").first()
        except OperationalError:  # no table yet: an empty file
            return None
        return None if row is None else str(row[0])


def _check(condition: bool, message: str) -> None:
    if not condition:
        raise InvalidAction(message)


def _text(value: str, what: str, *, allow_empty: bool = False) -> str:
    _check(isinstance(value, str), f"{what} must be text")
    _check(allow_empty or bool(value.strip()), f"{what} cannot be empty")
    _check(len(value) <= MAX_TEXT, f"{what} is longer than {MAX_TEXT} characters")
    return value


def _voucher_code() -> str:
    raw = "".join(secrets.choice(_VOUCHER_ALPHABET) for _ in range(8))
    return f"AD-{raw[:4]}-{raw[4:]}"


class LocalCache:
    """The local cache of one user on one server. Safe to share between the UI and the sync thread."""

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

    # ------------------------------------------------------------------ opening and closing

    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        clock: Callable[[], datetime] | None = None,
        server_url: str | None = None,
        username: str | None = None,
    ) -> LocalCache:
        """Open (creating, upgrading or repairing as needed) the cache at ``path``."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        report: RecoveryReport | None = None
        salvage: recovery.Salvage | None = None
        problem = recovery.integrity_problem(path) if path.exists() else None
        if problem is not None:
            set_aside = recovery.set_aside(path, (clock or _now_utc)())
            salvage = recovery.salvage(set_aside)
            report = RecoveryReport(
                problem=problem,
                set_aside=str(set_aside),
                recovered_outbox=len(salvage.outbox),
                recovered_log_entries=len(salvage.decision_log),
                recovered_drafts=len(salvage.drafts),
                unreadable=tuple(salvage.unreadable),
            )
        create_private_file(path)
        with sqlite3.connect(path) as raw:
            # WAL is a property of the file: set once, outside any transaction.
            raw.execute("PRAGMA journal_mode = WAL")
        raw.close()
        writer = _engine(path, writer=True)
        reader = _engine(path, writer=False)
        try:
            migrate(writer)
        except Exception:
            writer.dispose()
            reader.dispose()
            raise
        cache = cls(path, writer, reader, clock or _now_utc, report)
        with cache._write() as conn:
            if cache._meta(conn, "search_rebuild"):
                replica.rebuild_search(conn)
                sql(conn, "DELETE FROM meta WHERE key = 'search_rebuild'")
            if salvage is not None:
                recovery.restore(conn, salvage)
                # bring back, from their outbox entries, the notes and grants made on this desk
                cache._rebase(conn, None)
            if not cache._meta(conn, "workstation_id"):
                cache._set_meta(conn, "workstation_id", str(uuid.uuid4()))
                cache._set_meta(conn, "created_at", format_time(cache._now()))
            if server_url and not cache._meta(conn, "server_url"):
                cache._set_meta(conn, "server_url", server_url)
            if username and not cache._meta(conn, "username"):
                cache._set_meta(conn, "username", username)
        return cache

    def close(self) -> None:
        """Fold the WAL back into the file and release every connection."""
        self._reader.dispose()
        try:
            with self._lock:
                # Outside any transaction (a checkpoint cannot run inside one): the raw connection.
                raw = self._writer.raw_connection()
                try:
                    raw.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                finally:
                    raw.close()
        finally:
            self._writer.dispose()

    def __enter__(self) -> LocalCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def integrity_check(self) -> str:
        """``PRAGMA quick_check`` as text ("ok" when the file is sound)."""
        with self._read() as conn:
            rows = [r[0] for r in sql(conn, "PRAGMA quick_check")]
        return "; ".join(rows)

    def pragmas(self) -> dict[str, Any]:
        """The settings a write runs under (journal mode, durability, foreign keys, busy timeout)."""
        with self._write() as conn:
            return {
                name: sql(conn, f"PRAGMA {name}").scalar()
                for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")
            }

    # ------------------------------------------------------------------ plumbing

    def _now(self) -> datetime:
        return self._clock().astimezone(UTC)

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        with self._lock, self._writer.begin() as conn:
            yield conn

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

    # ------------------------------------------------------------------ session facts from the sync

    def save_me(self, me: dict[str, Any]) -> None:
        """Keep the answer of ``GET /me`` ({user, authority}): the offline ceiling for grants."""
        user = me.get("user") if isinstance(me, dict) else None
        authority = me.get("authority") if isinstance(me, dict) else None
        if not isinstance(user, dict) or not isinstance(authority, dict):
            raise CacheError("the /me answer has no user or authority object")
        try:
            _snapshot_from(authority, self._now())
            from_wire(User, user)
        except (WireError, KeyError, TypeError, ValueError) as exc:
            raise CacheError(f"the /me answer does not have the expected shape: {exc}") from exc
        with self._write() as conn:
            self._set_meta(conn, "user", dumps(user))
            self._set_meta(conn, "authority", dumps(authority))
            self._set_meta(conn, "authority_at", format_time(self._now()))

    def current_user(self) -> User | None:
        value = self.meta("user")
        return None if value is None else from_wire(User, loads(value))

    def authority_snapshot(self) -> AuthoritySnapshot | None:
        with self._read() as conn:
            return self._authority_snapshot(conn)

    def _authority_snapshot(self, conn: Connection) -> AuthoritySnapshot | None:
        value = self._meta(conn, "authority")
        taken = self._meta(conn, "authority_at")
        if value is None or taken is None:
            return None
        return _snapshot_from(loads(value), datetime.fromisoformat(taken.replace("Z", "+00:00")))

    def set_last_sync(self, at: datetime | None = None) -> None:
        with self._write() as conn:
            self._set_meta(conn, "last_sync_at", format_time(at or self._now()))
            self._set_meta(conn, "last_error", None)

    def set_last_error(self, message: str | None) -> None:
        with self._write() as conn:
            self._set_meta(conn, "last_error", message)

    def last_sync_at(self) -> datetime | None:
        value = self.meta("last_sync_at")
        return None if value is None else datetime.fromisoformat(value.replace("Z", "+00:00"))

    def last_error(self) -> str | None:
        return self.meta("last_error")

    # ------------------------------------------------------------------ pull side

    def cursor(self) -> str:
        """Where the changes feed resumes ("0" for a fresh cache)."""
        return self.meta("cursor") or "0"

    def apply_page(self, changes: Sequence[dict[str, Any]], next_cursor: str) -> dict[str, int]:
        """Apply one page of the changes feed and save ``next_cursor``, all in one transaction.

        Every change is checked first; a bad one raises :class:`CacheError` and nothing of the page
        is written. Returns counts: ``upsert``, ``delete`` and one per entity kind.
        """
        if not isinstance(next_cursor, str) or not next_cursor or len(next_cursor) > 200:
            raise CacheError("the page's next cursor is not a non-empty string")
        if not isinstance(changes, (list, tuple)):
            raise CacheError("the page's changes are not a list")
        parsed = [_parse_change(index, change) for index, change in enumerate(changes)]
        counts: dict[str, int] = {"upsert": 0, "delete": 0}
        with self._write() as conn:
            touched_customers: set[str] = set()
            known: dict[str, Customer] = {}
            touched: set[tuple[EntityKind, str]] = set()
            for kind, op, run in _runs(parsed):
                if op == "upsert":
                    objects = [p[3] for p in run]
                    touched_customers |= replica.upsert_many(conn, kind, objects, wires=[p[4] for p in run])
                    if kind is EntityKind.CUSTOMER:
                        known.update((o.id, o) for o in objects)
                else:
                    for p in run:
                        touched_customers |= replica.delete(conn, kind, p[2])
                        known.pop(p[2], None)
                counts[op] += len(run)
                counts[kind.value] = counts.get(kind.value, 0) + len(run)
                touched |= {(kind, p[2]) for p in run}
            replica.refresh_customer_search(conn, touched_customers, known)
            self._rebase(conn, touched)
            self._set_meta(conn, "cursor", next_cursor)
        return counts

    def reset_for_full_pull(self) -> None:
        """Forget replicated data and the cursor; keep the outbox, the decision log and drafts."""
        with self._write() as conn:
            replica.clear_replicated(conn)
            self._set_meta(conn, "cursor", None)
            self._rebase(conn, None)

    def upsert_entities(self, entities: Sequence[Any]) -> dict[str, int]:
        """Store entities fetched on demand (a customer's timeline): kept although outside the feed.

        Accepts domain objects, or ``{"entity": kind, "data": wire}`` dicts (checked like the feed).
        """
        objects: list[Any] = []
        for index, item in enumerate(entities):
            if isinstance(item, dict):
                kind, _, _, obj, _ = _parse_change(
                    index,
                    {"entity": item.get("entity"), "op": "upsert", "id": None, "data": item.get("data")},
                )
                objects.append(obj)
            else:
                try:
                    entity_kind(item)
                except WireError as exc:
                    raise CacheError(f"entity {index}: {exc}") from exc
                objects.append(item)
        counts: dict[str, int] = {}
        with self._write() as conn:
            touched: set[str] = set()
            for kind in EntityKind:
                group = [o for o in objects if entity_kind(o) is kind]
                if group:
                    touched |= replica.upsert_many(conn, kind, group, kept=True)
                    counts[kind.value] = len(group)
            replica.refresh_customer_search(conn, touched)
            self._rebase(conn, {(entity_kind(o), entity_id(o)) for o in objects})
        return counts

    # ------------------------------------------------------------------ push side

    def pending_mutations(self, limit: int = 100) -> list[OutboxEntry]:
        """The oldest pending outbox entries, in the order they were made."""
        with self._read() as conn:
            rows = sql(
                conn,
                "SELECT id, seq, kind, payload, created_at, status, attempts, last_error, reason "
                "FROM outbox WHERE status = 'pending' ORDER BY seq LIMIT ?",
                (max(0, int(limit)),),
            ).all()
        return [_outbox_entry(r) for r in rows]

    def outbox_entries(self, status: OutboxStatus | None = None) -> list[OutboxEntry]:
        with self._read() as conn:
            query = (
                "SELECT id, seq, kind, payload, created_at, status, attempts, last_error, reason FROM outbox"
            )
            if status is None:
                rows = sql(conn, query + " ORDER BY seq").all()
            else:
                rows = sql(conn, query + " WHERE status = ? ORDER BY seq", (status.value,)).all()
        return [_outbox_entry(r) for r in rows]

    def rejected_entries(self) -> list[OutboxEntry]:
        return self.outbox_entries(OutboxStatus.REJECTED)

    def conflict_entries(self) -> list[OutboxEntry]:
        return self.outbox_entries(OutboxStatus.CONFLICT)

    def outbox_counts(self) -> tuple[int, int, int]:
        """(pending, rejected, conflict)."""
        with self._read() as conn:
            counts = dict(sql(conn, "SELECT status, count(*) FROM outbox GROUP BY status").all())
        return (counts.get("pending", 0), counts.get("rejected", 0), counts.get("conflict", 0))

    def mark_attempt(self, ids: Sequence[str], error: str | None = None) -> None:
        """Count a delivery attempt of these entries (and why it failed, when it did)."""
        with self._write() as conn:
            sql(
                conn,
                "UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE id = ?",
                [(error, i) for i in ids],
            )

    def record_results(self, results: Sequence[dict[str, Any]]) -> dict[str, int]:
        """Record the centre's answers to pushed mutations (one transaction for the batch).

        applied/duplicate confirm the entry; rejected marks it (undoing its local effect; a refused
        grant becomes a rejected decision with a REJECTION entry in the decision log); conflict
        refreshes the entity from the answer. Results for unknown or already answered ids are
        ignored: the same answer delivered twice changes nothing.
        """
        checked: list[tuple[str, MutationStatus, str | None, Any]] = []
        if not isinstance(results, (list, tuple)):
            raise CacheError("the mutation results are not a list")
        for index, result in enumerate(results):
            if not isinstance(result, dict) or not isinstance(result.get("id"), str):
                raise CacheError(f"result {index} has no mutation id")
            try:
                status = MutationStatus(result.get("status"))
            except ValueError:
                raise CacheError(
                    f"result {index} has an unknown status {str(result.get('status'))[:40]!r}"
                ) from None
            reason = result.get("reason")
            if reason is not None and not isinstance(reason, str):
                raise CacheError(f"result {index} has a reason that is not text")
            checked.append((result["id"], status, reason, result.get("data")))
        counts = {"confirmed": 0, "rejected": 0, "conflict": 0, "ignored": 0}
        with self._write() as conn:
            for mutation_id, status, reason, data in checked:
                row = sql(
                    conn, "SELECT kind, payload, status, effects FROM outbox WHERE id = ?", (mutation_id,)
                ).first()
                if row is None or row[2] != OutboxStatus.PENDING:
                    counts["ignored"] += 1
                    continue
                kind, payload, effects = row[0], loads(row[1]), loads(row[3] or "[]")
                outcome = self._record_one(conn, mutation_id, kind, payload, effects, status, reason, data)
                counts[outcome] += 1
        return counts

    def _record_one(
        self,
        conn: Connection,
        mutation_id: str,
        kind: str,
        payload: dict[str, Any],
        effects: list[dict[str, Any]],
        status: MutationStatus,
        reason: str | None,
        data: Any,
    ) -> str:
        if kind == MutationKind.DECISION_GRANT:
            decision = _decision_from(data)
            refused = status in (MutationStatus.REJECTED, MutationStatus.CONFLICT) or (
                decision is not None and decision.status is DecisionStatus.REJECTED
            )
            if not refused:
                if decision is not None:
                    replica.upsert_many(conn, EntityKind.DECISION, [decision])
                self._store_receipt(conn, payload, data)
                self._set_outbox_status(conn, mutation_id, OutboxStatus.CONFIRMED, reason)
                return "confirmed"
            why = reason or (decision.rejection_reason if decision else None) or "refused by the centre"
            self._record_refused_grant(conn, payload, decision, why)
            self._set_outbox_status(conn, mutation_id, OutboxStatus.REJECTED, why)
            return "rejected"
        if status.confirms:
            self._set_outbox_status(conn, mutation_id, OutboxStatus.CONFIRMED, reason)
            return "confirmed"
        if status is MutationStatus.REJECTED:
            self._undo(conn, effects)
            self._set_outbox_status(
                conn, mutation_id, OutboxStatus.REJECTED, reason or "refused by the centre"
            )
            self._rebase(conn, {(EntityKind(e["entity"]), e["id"]) for e in effects})
            return "rejected"
        fresh = self._entity_from_answer(kind, data)
        if fresh is not None:
            replica.upsert_many(conn, entity_kind(fresh), [fresh])
        else:
            self._undo(conn, effects)
        self._set_outbox_status(
            conn, mutation_id, OutboxStatus.CONFLICT, reason or "changed by someone else meanwhile"
        )
        self._rebase(conn, {(EntityKind(e["entity"]), e["id"]) for e in effects})
        return "conflict"

    @staticmethod
    def _entity_from_answer(kind: str, data: Any) -> Any | None:
        expected = _MUTATION_ENTITY.get(kind)
        if expected is None or not isinstance(data, dict):
            return None
        candidate = data.get(expected.value, data) if expected.value in data else data
        try:
            return from_wire(ENTITY_TYPES[expected], candidate)
        except WireError:
            return None

    @staticmethod
    def _set_outbox_status(
        conn: Connection, mutation_id: str, status: OutboxStatus, reason: str | None
    ) -> None:
        sql(
            conn, "UPDATE outbox SET status = ?, reason = ? WHERE id = ?", (status.value, reason, mutation_id)
        )

    @staticmethod
    def _store_receipt(conn: Connection, payload: dict[str, Any], data: Any) -> None:
        receipt = data.get("receipt") if isinstance(data, dict) else None
        chain = payload.get("chain") or {}
        if not isinstance(receipt, dict):
            return
        seq, digest, received = receipt.get("seq"), receipt.get("hash"), receipt.get("received_at")
        if not isinstance(seq, int) or not isinstance(digest, str) or seq != chain.get("seq"):
            return
        sql(
            conn,
            "UPDATE decision_log SET receipt_hash = ?, receipt_at = ? WHERE seq = ? AND hash = ?",
            (digest, received if isinstance(received, str) else None, seq, chain.get("hash")),
        )

    def _record_refused_grant(
        self, conn: Connection, payload: dict[str, Any], decision: Decision | None, reason: str
    ) -> None:
        decision_id = payload["decision_id"]
        local = replica.load(conn, EntityKind.DECISION, decision_id)
        base = decision if decision is not None and decision.id == decision_id else local
        if base is not None:
            rejected = replace(
                base,
                status=DecisionStatus.REJECTED,
                rejection_reason=reason,
                chain_seq=local.chain_seq if local else base.chain_seq,
                chain_hash=local.chain_hash if local else base.chain_hash,
                updated_at=self._now(),
            )
            replica.upsert_many(conn, EntityKind.DECISION, [rejected])
        self._append_chain(
            conn,
            EntryKind.REJECTION,
            {"decision_id": decision_id, "reason": reason, "at": format_time(self._now())},
        )

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
                for name in effect.get("fields") or ():
                    merged[name] = after.get(name)
                if "version" in merged and "version" in after:
                    merged["version"] = max(merged["version"], after["version"])
                replica.upsert_many(conn, kind, [from_wire(ENTITY_TYPES[kind], merged)])

    # ------------------------------------------------------------------ local actions

    def _enqueue(
        self,
        conn: Connection,
        kind: MutationKind,
        payload: dict[str, Any],
        changes: Sequence[tuple[Any, Any | None, Sequence[str] | None]],
    ) -> str:
        """Write the action's entity changes and its outbox entry (inside the caller's transaction).

        ``changes`` holds (new entity, previous copy or None, fields changed or None for a new one).
        """
        effects = []
        for after, before, fields in changes:
            kind_of = entity_kind(after)
            replica.upsert_many(conn, kind_of, [after])
            effects.append(
                {
                    "entity": kind_of.value,
                    "id": entity_id(after),
                    "before": None if before is None else to_wire(before),
                    "after": to_wire(after),
                    "fields": list(fields) if fields else None,
                }
            )
        mutation_id = str(uuid.uuid4())
        sql(
            conn,
            "INSERT INTO outbox (id, kind, payload, created_at, status, attempts, effects) "
            "VALUES (?, ?, ?, ?, 'pending', 0, ?)",
            (mutation_id, kind.value, dumps(payload), ts(self._now()), dumps(effects)),
        )
        return mutation_id

    def _case(self, conn: Connection, case_id: str) -> Case:
        case = replica.load(conn, EntityKind.CASE, case_id)
        if case is None:
            raise NotFound(f"case {case_id} is not in the local cache")
        return case

    def _require_customer(self, conn: Connection, customer_id: str) -> None:
        row = sql(conn, "SELECT 1 FROM customers WHERE id = ?", (customer_id,)).first()
        if row is None:
            raise NotFound(f"customer {customer_id} is not in the local cache")

    def _author_id(self, conn: Connection, by: User | str | None) -> str | None:
        if isinstance(by, User):
            return by.id
        if isinstance(by, str):
            return by
        user = self._meta(conn, "user")
        return loads(user).get("id") if user else None

    def add_note(self, customer_id: str, case_id: str | None, text: str, author: User) -> Interaction:
        """An internal note on the customer (and case), visible at once, queued for the centre."""
        _text(text, "a note")
        with self._write() as conn:
            self._require_customer(conn, customer_id)
            if case_id is not None:
                _check(self._case(conn, case_id).customer_id == customer_id, "the case is another customer's")
            now = self._now()
            note = Interaction(
                id=str(uuid.uuid4()),
                customer_id=customer_id,
                channel=Channel.NOTE,
                direction=Direction.INTERNAL,
                occurred_at=now,
                text=text,
                case_id=case_id,
                author=author.display_name,
                author_id=author.id,
                updated_at=now,
            )
            payload: dict[str, Any] = {
                "interaction_id": note.id,
                "customer_id": customer_id,
                "text": text,
                "created_at": format_time(now),
            }
            if case_id is not None:
                payload["case_id"] = case_id
            self._enqueue(conn, MutationKind.NOTE, payload, [(note, None, None)])
        return note

    def send_reply(
        self,
        case_id: str,
        channel: Channel | str,
        text: str,
        author: User,
        new_status: CaseStatus | str | None = None,
    ) -> Interaction:
        """An outbound reply on a case; sets the first response, and moves the case when asked."""
        _text(text, "a reply")
        channel = Channel(channel)
        _check(channel.customer_facing, f"cannot reply on {channel.value}")
        status = CaseStatus(new_status) if new_status is not None else None
        with self._write() as conn:
            case = self._case(conn, case_id)
            now = self._now()
            reply = Interaction(
                id=str(uuid.uuid4()),
                customer_id=case.customer_id,
                channel=channel,
                direction=Direction.OUTBOUND,
                occurred_at=now,
                text=text,
                case_id=case_id,
                author=author.display_name,
                author_id=author.id,
                updated_at=now,
            )
            changed = replace(
                case, first_response_at=case.first_response_at or now, updated_at=now, updated_by=author.id
            )
            fields = ["first_response_at", "updated_at", "updated_by"]
            if status is not None and status is not case.status:
                _check(
                    can_transition(case.status, status), f"a case cannot go from {case.status} to {status}"
                )
                changed = _with_status(changed, status, now)
                fields += ["status", "version", "resolved_at"]
            payload: dict[str, Any] = {
                "interaction_id": reply.id,
                "case_id": case_id,
                "customer_id": case.customer_id,
                "channel": channel.value,
                "text": text,
                "sent_at": format_time(now),
            }
            if status is not None:
                payload["new_status"] = status.value
            self._enqueue(conn, MutationKind.REPLY, payload, [(reply, None, None), (changed, case, fields)])
        return reply

    def acknowledge(self, case_id: str, channel: Channel | str, text: str, author: User) -> Interaction:
        """The acknowledgement of receipt: stops the first-response clock (not the resolution one)."""
        _text(text, "an acknowledgement")
        channel = Channel(channel)
        _check(channel.customer_facing, f"cannot acknowledge on {channel.value}")
        with self._write() as conn:
            case = self._case(conn, case_id)
            _check(case.is_open, "the case is closed")
            now = self._now()
            message = Interaction(
                id=str(uuid.uuid4()),
                customer_id=case.customer_id,
                channel=channel,
                direction=Direction.OUTBOUND,
                occurred_at=now,
                text=text,
                case_id=case_id,
                author=author.display_name,
                author_id=author.id,
                details={"acknowledgement": True},
                updated_at=now,
            )
            changed = replace(
                case, acknowledged_at=case.acknowledged_at or now, updated_at=now, updated_by=author.id
            )
            fields = ["acknowledged_at", "updated_at", "updated_by"]
            if case.status is CaseStatus.NEW:
                changed = _with_status(changed, CaseStatus.ACKNOWLEDGED, now)
                fields += ["status", "version"]
            payload = {
                "case_id": case_id,
                "interaction_id": message.id,
                "channel": channel.value,
                "text": text,
                "at": format_time(now),
            }
            self._enqueue(
                conn, MutationKind.CASE_ACKNOWLEDGE, payload, [(message, None, None), (changed, case, fields)]
            )
        return message

    def change_case_status(
        self,
        case_id: str,
        status: CaseStatus | str,
        expected_version: int,
        root_cause: RootCause | str | None = None,
        product_id: str | None = None,
        *,
        by: User | str | None = None,
    ) -> Case:
        """Move a case; raises :class:`StaleCase` (with the fresh copy) when it changed meanwhile."""
        new = CaseStatus(status)
        cause = RootCause(root_cause) if root_cause is not None else None
        with self._write() as conn:
            case = self._case(conn, case_id)
            if case.version != expected_version:
                raise StaleCase(case)
            _check(can_transition(case.status, new), f"a case cannot go from {case.status} to {new}")
            now = self._now()
            changed = replace(
                _with_status(case, new, now),
                root_cause=cause or case.root_cause,
                product_id=product_id or case.product_id,
                updated_at=now,
                updated_by=self._author_id(conn, by),
            )
            payload: dict[str, Any] = {
                "case_id": case_id,
                "status": new.value,
                "expected_version": expected_version,
            }
            if cause is not None:
                payload["root_cause"] = cause.value
            if product_id is not None:
                payload["product_id"] = product_id
            fields = [
                "status",
                "version",
                "resolved_at",
                "root_cause",
                "product_id",
                "updated_at",
                "updated_by",
            ]
            self._enqueue(conn, MutationKind.CASE_STATUS, payload, [(changed, case, fields)])
        return changed

    def assign_case(
        self, case_id: str, user_id: str, *, expected_version: int | None = None, by: User | str | None = None
    ) -> Case:
        with self._write() as conn:
            case = self._case(conn, case_id)
            if expected_version is not None and case.version != expected_version:
                raise StaleCase(case)
            now = self._now()
            changed = replace(
                case,
                assignee_id=user_id,
                version=case.version + 1,
                updated_at=now,
                updated_by=self._author_id(conn, by),
            )
            payload = {"case_id": case_id, "assignee_id": user_id, "expected_version": case.version}
            fields = ["assignee_id", "version", "updated_at", "updated_by"]
            self._enqueue(conn, MutationKind.CASE_ASSIGN, payload, [(changed, case, fields)])
        return changed

    # -- the power to say yes

    def grant_preview(
        self,
        user: User,
        customer_id: str,
        gesture: GestureCode | str,
        amount_cents: int = 1,
        currency: str | None = None,
        order_line_id: str | None = None,
    ) -> Verdict:
        """What the authority check would answer now (remaining budgets, max for the gesture)."""
        with self._read() as conn:
            envelope = self._envelope_for(conn, user.role)
            return self._verdict(
                conn,
                user,
                envelope,
                customer_id,
                GestureCode(gesture),
                amount_cents,
                currency or envelope.currency,
                order_line_id,
                self._now(),
            )

    def grant_gesture(
        self,
        user: User,
        customer_id: str,
        case_id: str | None,
        gesture: GestureCode | str,
        amount_cents: int,
        currency: str,
        reason_code: ReasonCode | str,
        reason_text: str,
        order_line_id: str | None = None,
        offline: bool = False,
    ) -> Decision:
        """Say yes: check the envelope, then write decision, log entry and outbox entry durably.

        Raises :class:`GrantRefused` with the verdict (which limit, by how much) when the authority
        check refuses; offline, never more than what remained at the last sync.
        """
        code = GestureCode(gesture)
        reason = ReasonCode(reason_code)
        _text(reason_text, "the reason")
        with self._write() as conn:
            self._require_customer(conn, customer_id)
            if case_id is not None:
                _check(self._case(conn, case_id).customer_id == customer_id, "the case is another customer's")
            envelope = self._envelope_for(conn, user.role)
            now = self._now()
            verdict = self._verdict(
                conn, user, envelope, customer_id, code, amount_cents, currency, order_line_id, now
            )
            if not verdict.allowed:
                raise GrantRefused(verdict)
            workstation = self._meta(conn, "workstation_id")
            decision = Decision(
                id=str(uuid.uuid4()),
                user_id=user.id,
                team=user.team,
                customer_id=customer_id,
                gesture=code,
                amount_cents=amount_cents,
                currency=currency,
                reason_code=reason,
                reason_text=reason_text,
                granted_at=now,
                status=DecisionStatus.PENDING,
                case_id=case_id,
                order_line_id=order_line_id,
                voucher_code=_voucher_code(),
                offline=bool(offline),
                workstation_id=workstation,
                updated_at=now,
            )
            fields = {
                "decision_id": decision.id,
                "user_id": user.id,
                "customer_id": customer_id,
                "case_id": case_id,
                "order_line_id": order_line_id,
                "gesture": code.value,
                "amount_cents": amount_cents,
                "currency": currency,
                "reason_code": reason.value,
                "reason_text": reason_text,
                "granted_at": format_time(now),
                "offline": bool(offline),
                "voucher_code": decision.voucher_code,
            }
            entry = self._append_chain(conn, EntryKind.GRANT, fields)
            decision = replace(decision, chain_seq=entry.seq, chain_hash=entry.hash)
            payload: dict[str, Any] = {
                "decision_id": decision.id,
                "customer_id": customer_id,
                "case_id": case_id,
                "gesture": code.value,
                "amount_cents": amount_cents,
                "currency": currency,
                "reason_code": reason.value,
                "reason_text": reason_text,
                "granted_at": format_time(now),
                "offline": bool(offline),
                "voucher_code": decision.voucher_code,
                "chain": {"seq": entry.seq, "prev_hash": entry.prev_hash, "hash": entry.hash},
            }
            if order_line_id is not None:
                payload["order_line_id"] = order_line_id
            self._enqueue(conn, MutationKind.DECISION_GRANT, payload, [(decision, None, None)])
        return decision

    def revoke_decision(self, user: User, decision_id: str, reason_text: str) -> Decision:
        """Revoke a decision (a new log entry; the original entry stays as it was)."""
        _text(reason_text, "the reason")
        with self._write() as conn:
            decision = replica.load(conn, EntityKind.DECISION, decision_id)
            if decision is None:
                raise NotFound(f"decision {decision_id} is not in the local cache")
            _check(decision.status.counts_against_budget, "only a pending or granted decision can be revoked")
            now = self._now()
            entry = self._append_chain(
                conn,
                EntryKind.REVOCATION,
                {
                    "decision_id": decision_id,
                    "by": user.id,
                    "reason_text": reason_text,
                    "at": format_time(now),
                },
            )
            revoked = replace(decision, status=DecisionStatus.REVOKED, updated_at=now)
            payload = {
                "decision_id": decision_id,
                "reason_text": reason_text,
                "chain": {"seq": entry.seq, "prev_hash": entry.prev_hash, "hash": entry.hash},
            }
            self._enqueue(
                conn, MutationKind.DECISION_REVOKE, payload, [(revoked, decision, ["status", "updated_at"])]
            )
        return revoked

    def request_escalation(
        self,
        user: User,
        customer_id: str,
        case_id: str | None,
        gesture: GestureCode | str,
        amount_cents: int,
        currency: str,
        reason_code: ReasonCode | str,
        reason_text: str,
    ) -> Escalation:
        """Ask the team lead for a gesture beyond the envelope (logged and queued)."""
        code = GestureCode(gesture)
        reason = ReasonCode(reason_code)
        _text(reason_text, "the reason")
        _check(
            isinstance(amount_cents, int) and not isinstance(amount_cents, bool) and amount_cents > 0,
            "the amount must be a positive number of cents",
        )
        with self._write() as conn:
            self._require_customer(conn, customer_id)
            now = self._now()
            escalation = Escalation(
                id=str(uuid.uuid4()),
                user_id=user.id,
                team=user.team,
                customer_id=customer_id,
                gesture=code,
                amount_cents=amount_cents,
                currency=currency,
                reason_code=reason,
                reason_text=reason_text,
                requested_at=now,
                case_id=case_id,
                updated_at=now,
            )
            body = {
                "escalation_id": escalation.id,
                "customer_id": customer_id,
                "case_id": case_id,
                "gesture": code.value,
                "amount_cents": amount_cents,
                "currency": currency,
                "reason_code": reason.value,
                "reason_text": reason_text,
                "requested_at": format_time(now),
            }
            entry = self._append_chain(conn, EntryKind.ESCALATION, {**body, "user_id": user.id})
            payload: dict[str, Any] = {k: v for k, v in body.items() if not (k == "case_id" and v is None)}
            payload["chain"] = {"seq": entry.seq, "prev_hash": entry.prev_hash, "hash": entry.hash}
            self._enqueue(conn, MutationKind.ESCALATION, payload, [(escalation, None, None)])
        return escalation

    def answer_escalation(
        self, user: User, escalation_id: str, approved: bool, comment: str | None = None
    ) -> Escalation:
        """The team lead's answer to an escalation request."""
        if comment is not None:
            _text(comment, "the comment", allow_empty=True)
        with self._write() as conn:
            escalation = replica.load(conn, EntityKind.ESCALATION, escalation_id)
            if escalation is None:
                raise NotFound(f"escalation {escalation_id} is not in the local cache")
            _check(escalation.status is EscalationStatus.OPEN, "the escalation was already answered")
            now = self._now()
            answered = replace(
                escalation,
                status=EscalationStatus.APPROVED if approved else EscalationStatus.DECLINED,
                answered_by=user.id,
                answered_at=now,
                answer_comment=comment,
                updated_at=now,
            )
            self._append_chain(
                conn,
                EntryKind.ESCALATION_ANSWER,
                {
                    "escalation_id": escalation_id,
                    "approved": bool(approved),
                    "comment": comment,
                    "answered_by": user.id,
                    "answered_at": format_time(now),
                },
            )
            payload: dict[str, Any] = {"escalation_id": escalation_id, "approved": bool(approved)}
            if comment:
                payload["comment"] = comment
            fields = ["status", "answered_by", "answered_at", "answer_comment", "updated_at"]
            self._enqueue(conn, MutationKind.ESCALATION_ANSWER, payload, [(answered, escalation, fields)])
        return answered

    def record_csat(self, case_id: str, score: int, source: str = "advisor") -> SatisfactionRating:
        _check(
            isinstance(score, int) and not isinstance(score, bool) and 1 <= score <= 5,
            "satisfaction is rated from 1 to 5",
        )
        _check(source in ("survey", "advisor"), "the source is 'survey' or 'advisor'")
        with self._write() as conn:
            case = self._case(conn, case_id)
            now = self._now()
            rating = SatisfactionRating(
                id=str(uuid.uuid4()),
                case_id=case_id,
                customer_id=case.customer_id,
                score=score,
                source=source,
                recorded_at=now,
                updated_at=now,
            )
            payload = {
                "rating_id": rating.id,
                "case_id": case_id,
                "customer_id": case.customer_id,
                "score": score,
                "source": source,
                "recorded_at": format_time(now),
            }
            self._enqueue(conn, MutationKind.CSAT, payload, [(rating, None, None)])
        return rating

    def schedule_followup(
        self,
        customer_id: str,
        case_id: str | None,
        due_at: datetime,
        note: str = "",
        *,
        by: User | str | None = None,
    ) -> FollowUp:
        _text(note, "the note", allow_empty=True)
        _check(isinstance(due_at, datetime) and due_at.tzinfo is not None, "the due time needs its time zone")
        with self._write() as conn:
            self._require_customer(conn, customer_id)
            author = self._author_id(conn, by)
            _check(author is not None, "who schedules the follow-up is unknown")
            now = self._now()
            followup = FollowUp(
                id=str(uuid.uuid4()),
                customer_id=customer_id,
                due_at=due_at.astimezone(UTC),
                created_by=author or "",
                case_id=case_id,
                note=note,
                updated_at=now,
            )
            payload: dict[str, Any] = {
                "followup_id": followup.id,
                "customer_id": customer_id,
                "due_at": format_time(due_at),
                "note": note,
            }
            if case_id is not None:
                payload["case_id"] = case_id
            self._enqueue(conn, MutationKind.FOLLOWUP, payload, [(followup, None, None)])
        return followup

    def record_followup_outcome(
        self,
        followup_id: str,
        outcome: FollowUpOutcome | str,
        note: str = "",
        reschedule_at: datetime | None = None,
    ) -> FollowUp:
        """What the follow-up call gave; the centre reopens the case when not satisfied."""
        result = FollowUpOutcome(outcome)
        _text(note, "the note", allow_empty=True)
        with self._write() as conn:
            followup = replica.load(conn, EntityKind.FOLLOWUP, followup_id)
            if followup is None:
                raise NotFound(f"follow-up {followup_id} is not in the local cache")
            _check(followup.status is FollowUpStatus.SCHEDULED, "the follow-up is already done")
            now = self._now()
            done = replace(followup, status=FollowUpStatus.DONE, outcome=result, done_at=now, updated_at=now)
            payload: dict[str, Any] = {
                "followup_id": followup_id,
                "outcome": result.value,
                "note": note,
                "at": format_time(now),
            }
            if reschedule_at is not None:
                payload["reschedule_at"] = format_time(reschedule_at)
            fields = ["status", "outcome", "done_at", "updated_at"]
            self._enqueue(conn, MutationKind.FOLLOWUP_OUTCOME, payload, [(done, followup, fields)])
        return done

    def mark_reviewed(
        self, decision_id: str, comment: str | None = None, *, by: User | str | None = None
    ) -> Decision:
        """The team lead's review mark on a decision."""
        if comment is not None:
            _text(comment, "the comment", allow_empty=True)
        with self._write() as conn:
            decision = replica.load(conn, EntityKind.DECISION, decision_id)
            if decision is None:
                raise NotFound(f"decision {decision_id} is not in the local cache")
            now = self._now()
            reviewed = replace(
                decision,
                reviewed_by=self._author_id(conn, by),
                reviewed_at=now,
                review_comment=comment,
                updated_at=now,
            )
            payload: dict[str, Any] = {"decision_id": decision_id}
            if comment:
                payload["comment"] = comment
            fields = ["reviewed_by", "reviewed_at", "review_comment", "updated_at"]
            self._enqueue(conn, MutationKind.REVIEW_MARK, payload, [(reviewed, decision, fields)])
        return reviewed

    # -- drafts (local only, never sent)

    def save_draft(self, case_id: str, data: dict[str, Any]) -> None:
        with self._write() as conn:
            sql(
                conn,
                "INSERT OR REPLACE INTO drafts (case_id, data, updated_at) VALUES (?, ?, ?)",
                (case_id, dumps(data), ts(self._now())),
            )

    def load_draft(self, case_id: str) -> dict[str, Any] | None:
        with self._read() as conn:
            row = sql(conn, "SELECT data FROM drafts WHERE case_id = ?", (case_id,)).first()
        return None if row is None else loads(row[0])

    def delete_draft(self, case_id: str) -> None:
        with self._write() as conn:
            sql(conn, "DELETE FROM drafts WHERE case_id = ?", (case_id,))

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

    def decision_log_entries(self) -> list[ChainEntry]:
        """The local chain in stored order, as :func:`decision_chain.verify` expects it."""
        return [
            ChainEntry(r.seq, _entry_kind(r.kind), r.fields, r.prev_hash, r.hash)
            for r in self.decision_log_rows()
        ]

    def decision_log_rows(self) -> list[LogRow]:
        with self._read() as conn:
            rows = sql(
                conn,
                "SELECT seq, kind, fields, prev_hash, hash, receipt_hash, receipt_at "
                "FROM decision_log ORDER BY position",
            ).all()
        out = []
        for seq, kind, fields, prev_hash, digest, receipt_hash, receipt_at in rows:
            try:
                parsed = loads(fields)
            except ValueError:
                parsed = {"unreadable": fields}
            received = None
            if receipt_at:
                try:
                    received = datetime.fromisoformat(receipt_at.replace("Z", "+00:00"))
                except ValueError:
                    received = None
            out.append(LogRow(seq, kind, parsed, prev_hash, digest, receipt_hash, received))
        return out

    def decision_receipts(self) -> dict[int, str]:
        """Sequence number -> hash the centre acknowledged (for verification)."""
        return {r.seq: r.receipt_hash for r in self.decision_log_rows() if r.receipt_hash}

    # ------------------------------------------------------------------ authority

    def _envelope_for(self, conn: Connection, role: Role | str) -> AuthorityEnvelope:
        row = sql(conn, "SELECT data FROM envelopes WHERE role = ?", (Role(role).value,)).first()
        if row is not None:
            return replica.decode(EntityKind.ENVELOPE, row[0])
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

    def envelope(self, role: Role | str) -> AuthorityEnvelope | None:
        with self._read() as conn:
            try:
                return self._envelope_for(conn, role)
            except NoAuthority:
                return None

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

    def usage(self, user_id: str, customer_id: str, now: datetime, time_zone: str) -> Usage:
        with self._read() as conn:
            return self._usage(conn, user_id, customer_id, now, time_zone)

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
            if gesture in (GestureCode.REFUND,):
                # What the line already gave back: the order's figure (or the confirmed refunds on
                # the line, when our copy of the order is older than them) plus the refunds made here
                # and not yet confirmed.
                granted, pending = sql(
                    conn,
                    "SELECT coalesce(sum(CASE WHEN status = 'granted' THEN amount_cents END), 0), "
                    "coalesce(sum(CASE WHEN status = 'pending' THEN amount_cents END), 0) FROM decisions "
                    "WHERE order_line_id = ? AND gesture = 'refund'",
                    (order_line_id,),
                ).one()
                line_paid, line_refunded = row[0], max(row[1], int(granted)) + int(pending)
        usage = self._usage(conn, user.id, customer_id, now, user.time_zone)
        request = GrantRequest(
            user.id, customer_id, gesture, amount_cents, currency, now, line_paid, line_refunded
        )
        return check_grant(envelope, request, usage)

    # ------------------------------------------------------------------ reads for the UI

    def customer(self, customer_id: str) -> Customer | None:
        with self._read() as conn:
            return replica.load(conn, EntityKind.CUSTOMER, customer_id)

    def customers(self, ids: Sequence[str]) -> list[Customer]:
        return self._many(EntityKind.CUSTOMER, "customers", "id", ids)

    def _many(self, kind: EntityKind, table: str, key: str, ids: Sequence[str]) -> list[Any]:
        out: dict[str, Any] = {}
        with self._read() as conn:
            for start in range(0, len(ids), 500):
                chunk = list(ids[start : start + 500])
                marks = ",".join("?" * len(chunk))
                for ident, data in sql(
                    conn,
                    f"SELECT {key}, data FROM {table} WHERE {key} IN ({marks})",  # noqa: S608
                    tuple(chunk),
                ):
                    out[ident] = replica.decode(kind, data)
        return [out[i] for i in ids if i in out]

    def search_customers(self, text: str, limit: int = 50) -> list[CustomerHit]:
        """Customers matching what is typed so far: identity first, then interaction text."""
        query = fts_query(text or "")
        if query is None or limit <= 0:
            return []
        hits: list[CustomerHit] = []
        seen: set[str] = set()
        with self._read() as conn:
            rows = sql(
                conn,
                "SELECT c.id, c.data FROM customer_fts f JOIN customers c ON c.key = f.rowid "
                "WHERE customer_fts MATCH ? ORDER BY f.rank LIMIT ?",
                (query, limit),
            ).all()
            numbers: dict[str, list[str]] = {}
            if rows:
                marks = ",".join("?" * len(rows))
                for customer_id, number in sql(
                    conn,
                    f"SELECT customer_id, number FROM orders WHERE customer_id IN ({marks})",  # noqa: S608
                    tuple(r[0] for r in rows),
                ):
                    numbers.setdefault(customer_id, []).append(number)
            matcher = Matcher(text)
            for ident, data in rows:
                customer = replica.decode(EntityKind.CUSTOMER, data)
                matched, matched_text = matcher.match(customer, numbers.get(ident, []))
                hits.append(CustomerHit(customer, matched, matched_text))
                seen.add(ident)
            if len(hits) < limit and worth_text_search(text):
                rows = sql(
                    conn,
                    "SELECT i.customer_id, i.data FROM interaction_fts f "
                    "JOIN interactions i ON i.key = f.rowid WHERE interaction_fts MATCH ? "
                    "ORDER BY f.rowid DESC LIMIT ?",
                    (query, (limit - len(hits)) * 4),
                ).all()
                for customer_id, data in rows:
                    if customer_id in seen or len(hits) >= limit:
                        continue
                    customer = replica.load(conn, EntityKind.CUSTOMER, customer_id)
                    if customer is None:
                        continue
                    seen.add(customer_id)
                    body = loads(data).get("text", "")
                    hits.append(CustomerHit(customer, MatchedField.INTERACTION, snippet(str(body), text)))
        return hits

    def _targets(self, conn: Connection) -> dict[str, Any]:
        targets = {c.value: t for c, t in DEFAULT_TARGETS.items()}
        targets.update(replica.response_targets(conn))
        return targets

    def work_queue(
        self,
        user_id: str,
        team: str,
        now: datetime,
        mine_only: bool = False,
        channels: Sequence[Channel | str] | None = None,
        kinds: Sequence[CaseKind | str] | None = None,
        statuses: Sequence[CaseStatus | str] | None = None,
        include_followups: bool = True,
    ) -> list[QueueRow]:
        """Open cases of the team (and due follow-ups), most urgent first."""
        channel_set = {Channel(c).value for c in channels} if channels else None
        kind_set = {CaseKind(k).value for k in kinds} if kinds else None
        status_set = {CaseStatus(s).value for s in statuses} if statuses else None
        # Filters go to SQL (the covering index ix_cases_queue answers it all); ``?`` lists are built
        # from validated enum values only.
        where = ["c.team = ?", "c.is_open = 1"]
        params: list[Any] = [team]
        if mine_only:
            where.append("c.assignee_id = ?")
            params.append(user_id)
        for column, values in (("c.channel", channel_set), ("c.kind", kind_set), ("c.status", status_set)):
            if values is not None:
                where.append(f"{column} IN ({','.join('?' * len(values))})")
                params += sorted(values)
        rows: list[QueueRow] = []
        with self._read() as conn:
            targets = self._targets(conn)
            query = _QUEUE_SQL + " AND ".join(where)
            cases = sql(conn, query, tuple(params)).all()
            for (
                case_id,
                customer_id,
                status,
                channel,
                kind,
                category,
                subject,
                assignee,
                opened,
                acked,
                first,
                resolved,
                version,
                first_name,
                last_name,
            ) in cases:
                opened_at = parse_ts(opened)
                acked_at = parse_ts(acked) if acked else None
                first_at = parse_ts(first) if first else None
                stopped = (
                    acked_at
                    if first_at is None
                    else (first_at if acked_at is None else min(acked_at, first_at))
                )
                clock = countdown(
                    targets[channel], opened_at, now, stopped, parse_ts(resolved) if resolved else None
                )
                rows.append(
                    QueueRow(
                        kind=QueueRowKind.CASE,
                        customer_id=customer_id,
                        customer_name=f"{first_name or ''} {last_name or ''}".strip(),
                        channel=_CHANNELS[channel],
                        state=clock.state,
                        seconds_left=clock.seconds_left,
                        due_at=clock.due_at,
                        case_id=case_id,
                        case_kind=_CASE_KINDS[kind],
                        category=_CATEGORIES[category],
                        status=_STATUSES[status],
                        subject=subject,
                        opened_at=opened_at,
                        acknowledged_at=acked_at,
                        first_response_at=first_at,
                        assignee_id=assignee,
                        version=version,
                        countdown=clock,
                    )
                )
            if include_followups and (kind_set is None or "followup" in kind_set) and status_set is None:
                rows += self._followup_rows(conn, user_id, team, now, mine_only, channel_set)
        rows.sort(key=lambda r: r.seconds_left)
        return rows

    def _followup_rows(
        self,
        conn: Connection,
        user_id: str,
        team: str | None,
        now: datetime,
        mine_only: bool,
        channel_set: set[str] | None,
    ) -> list[QueueRow]:
        query = (
            "SELECT f.id, f.customer_id, f.case_id, f.created_by, f.due_at, f.data, cu.first_name, "
            "cu.last_name, cu.team FROM followups f LEFT JOIN customers cu ON cu.id = f.customer_id "
            "WHERE f.status = 'scheduled' AND f.due_at <= ?"
        )
        out = []
        for (
            fid,
            customer_id,
            case_id,
            created_by,
            due,
            data,
            first_name,
            last_name,
            cteam,
        ) in sql(conn, query, (ts(now),)):
            if mine_only and created_by != user_id:
                continue
            if team is not None and cteam != team and created_by != user_id:
                continue
            if channel_set is not None and Channel.PHONE.value not in channel_set:
                continue
            due_at = parse_ts(due)
            late = (due_at - now).total_seconds()
            out.append(
                QueueRow(
                    kind=QueueRowKind.FOLLOWUP,
                    customer_id=customer_id,
                    customer_name=f"{first_name or ''} {last_name or ''}".strip(),
                    channel=Channel.PHONE,  # a follow-up is a call back to the customer
                    state=ResponseState.PAST_TARGET,
                    seconds_left=late,
                    due_at=due_at,
                    case_id=case_id,
                    assignee_id=created_by,
                    followup_id=fid,
                    note=str(loads(data).get("note", "")),
                )
            )
        return out

    def queue_counts(
        self,
        user_id: str,
        team: str,
        now: datetime,
        channels: Sequence[Channel | str] | None = None,
        kinds: Sequence[CaseKind | str] | None = None,
        statuses: Sequence[CaseStatus | str] | None = None,
    ) -> QueueCounts:
        """Counts for the queue's filter bar (per urgency, channel, kind, status; mine; follow-ups)."""
        rows = self.work_queue(user_id, team, now, False, channels, kinds, statuses)
        by_state: dict[str, int] = {}
        by_channel: dict[str, int] = {}
        by_kind: dict[str, int] = {}
        by_status: dict[str, int] = {}
        mine = followups = 0
        for row in rows:
            if row.kind is QueueRowKind.FOLLOWUP:
                followups += 1
            else:
                by_state[row.state.value] = by_state.get(row.state.value, 0) + 1
                if row.case_kind is not None:
                    by_kind[row.case_kind.value] = by_kind.get(row.case_kind.value, 0) + 1
                if row.status is not None:
                    by_status[row.status.value] = by_status.get(row.status.value, 0) + 1
            by_channel[row.channel.value] = by_channel.get(row.channel.value, 0) + 1
            if row.assignee_id == user_id:
                mine += 1
        return QueueCounts(len(rows), mine, followups, by_state, by_channel, by_kind, by_status)

    def followups_due(self, user_id: str, now: datetime) -> list[FollowUp]:
        with self._read() as conn:
            rows = sql(
                conn,
                "SELECT data FROM followups WHERE status = 'scheduled' AND due_at <= ? AND created_by = ? "
                "ORDER BY due_at",
                (ts(now), user_id),
            ).all()
        return [replica.decode(EntityKind.FOLLOWUP, r[0]) for r in rows]

    def interaction_ids(
        self,
        customer_id: str,
        channels: Sequence[Channel | str] | None = None,
        case_id: str | None = None,
    ) -> list[str]:
        """Ids of a customer's interactions, newest first (for lazy lists)."""
        query = "SELECT id FROM interactions WHERE customer_id = ?"
        params: list[Any] = [customer_id]
        if case_id is not None:
            query += " AND case_id = ?"
            params.append(case_id)
        if channels:
            values = [Channel(c).value for c in channels]
            query += f" AND channel IN ({','.join('?' * len(values))})"
            params += values
        query += " ORDER BY occurred_at DESC, key DESC"
        with self._read() as conn:
            return [r[0] for r in sql(conn, query, tuple(params))]

    def interactions_by_ids(self, ids: Sequence[str]) -> list[Interaction]:
        """The interactions with these ids, in the order asked (missing ones left out)."""
        return self._many(EntityKind.INTERACTION, "interactions", "id", ids)

    def timeline(self, customer_id: str, first_page: int = TIMELINE_FIRST_PAGE) -> Timeline | None:
        """Everything about a customer, interactions newest first (the first ``first_page`` decoded)."""
        with self._read() as conn:
            customer = replica.load(conn, EntityKind.CUSTOMER, customer_id)
            if customer is None:
                return None

            def all_of(kind: EntityKind, table: str, order: str) -> tuple[Any, ...]:
                rows = sql(
                    conn,
                    f"SELECT data FROM {table} WHERE customer_id = ? ORDER BY {order}",  # noqa: S608
                    (customer_id,),
                ).all()
                return tuple(replica.decode(kind, r[0]) for r in rows)

            ids = tuple(
                r[0]
                for r in sql(
                    conn,
                    "SELECT id FROM interactions WHERE customer_id = ? ORDER BY occurred_at DESC, key DESC",
                    (customer_id,),
                )
            )
            first = sql(
                conn,
                "SELECT data FROM interactions WHERE customer_id = ? ORDER BY occurred_at DESC, key DESC LIMIT ?",
                (customer_id, first_page),
            ).all()
            return Timeline(
                customer=customer,
                cases=all_of(EntityKind.CASE, "cases", "opened_at DESC"),
                interaction_ids=ids,
                interactions=tuple(replica.decode(EntityKind.INTERACTION, r[0]) for r in first),
                orders=all_of(EntityKind.ORDER, "orders", "placed_at DESC"),
                followups=all_of(EntityKind.FOLLOWUP, "followups", "due_at DESC"),
                satisfaction=all_of(EntityKind.SATISFACTION, "satisfaction", "recorded_at DESC"),
                decisions=all_of(EntityKind.DECISION, "decisions", "granted_at DESC"),
                escalations=all_of(EntityKind.ESCALATION, "escalations", "requested_at DESC"),
            )

    def cases(self, customer_id: str) -> list[Case]:
        with self._read() as conn:
            rows = sql(
                conn, "SELECT data FROM cases WHERE customer_id = ? ORDER BY opened_at DESC", (customer_id,)
            ).all()
        return [replica.decode(EntityKind.CASE, r[0]) for r in rows]

    def case(self, case_id: str) -> Case | None:
        with self._read() as conn:
            return replica.load(conn, EntityKind.CASE, case_id)

    def orders(self, customer_id: str) -> list[Order]:
        with self._read() as conn:
            rows = sql(
                conn, "SELECT data FROM orders WHERE customer_id = ? ORDER BY placed_at DESC", (customer_id,)
            ).all()
        return [replica.decode(EntityKind.ORDER, r[0]) for r in rows]

    def products(self, ids: Sequence[str]) -> list[Product]:
        return self._many(EntityKind.PRODUCT, "products", "id", ids)

    def satisfaction(self, customer_id: str) -> list[SatisfactionRating]:
        with self._read() as conn:
            rows = sql(
                conn,
                "SELECT data FROM satisfaction WHERE customer_id = ? ORDER BY recorded_at DESC",
                (customer_id,),
            ).all()
        return [replica.decode(EntityKind.SATISFACTION, r[0]) for r in rows]

    def decisions(
        self,
        *,
        user_id: str | None = None,
        team: str | None = None,
        customer_id: str | None = None,
        gesture: GestureCode | str | None = None,
        status: DecisionStatus | str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        reviewed: bool | None = None,
        min_amount_cents: int | None = None,
        max_amount_cents: int | None = None,
    ) -> list[Decision]:
        """Decisions held locally (the centre's and this desk's own), newest first."""
        clauses: list[str] = []
        params: list[Any] = []
        for column, value in (
            ("user_id", user_id),
            ("team", team),
            ("customer_id", customer_id),
            ("gesture", GestureCode(gesture).value if gesture is not None else None),
            ("status", DecisionStatus(status).value if status is not None else None),
        ):
            if value is not None:
                clauses.append(f"{column} = ?")
                params.append(value)
        if since is not None:
            clauses.append("granted_at >= ?")
            params.append(ts(since))
        if until is not None:
            clauses.append("granted_at < ?")
            params.append(ts(until))
        if reviewed is not None:
            clauses.append("reviewed = ?")
            params.append(int(reviewed))
        if min_amount_cents is not None:
            clauses.append("amount_cents >= ?")
            params.append(min_amount_cents)
        if max_amount_cents is not None:
            clauses.append("amount_cents <= ?")
            params.append(max_amount_cents)
        where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
        with self._read() as conn:
            rows = sql(
                conn,
                f"SELECT data FROM decisions{where} ORDER BY granted_at DESC",  # noqa: S608 - fixed clauses
                tuple(params),
            ).all()
        return [replica.decode(EntityKind.DECISION, r[0]) for r in rows]

    def decision(self, decision_id: str) -> Decision | None:
        with self._read() as conn:
            return replica.load(conn, EntityKind.DECISION, decision_id)

    def escalations(
        self, *, user_id: str | None = None, status: EscalationStatus | str | None = None
    ) -> list[Escalation]:
        clauses, params = [], []
        if user_id is not None:
            clauses.append("user_id = ?")
            params.append(user_id)
        if status is not None:
            clauses.append("status = ?")
            params.append(EscalationStatus(status).value)
        where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
        with self._read() as conn:
            rows = sql(
                conn,
                f"SELECT data FROM escalations{where} ORDER BY requested_at DESC",  # noqa: S608 - fixed clauses
                tuple(params),
            ).all()
        return [replica.decode(EntityKind.ESCALATION, r[0]) for r in rows]

    def gesture_types(self) -> list[Any]:
        with self._read() as conn:
            rows = sql(conn, "SELECT data FROM gesture_types ORDER BY code").all()
        return [replica.decode(EntityKind.GESTURE_TYPE, r[0]) for r in rows]

    def response_targets(self) -> dict[Channel, Any]:
        with self._read() as conn:
            return {Channel(c): t for c, t in self._targets(conn).items()}

    def scripts(self) -> list[Any]:
        with self._read() as conn:
            rows = sql(conn, "SELECT data FROM scripts ORDER BY category, language").all()
        return [replica.decode(EntityKind.SCRIPT, r[0]) for r in rows]

    def settings(self) -> dict[str, object]:
        with self._read() as conn:
            rows = sql(conn, "SELECT data FROM settings").all()
        return {s.key: s.value for s in (replica.decode(EntityKind.SETTING, r[0]) for r in rows)}

    def stats(self) -> dict[str, Any]:
        """Row counts per entity and the sync state (for ``advisor-desk cache stats``)."""
        with self._read() as conn:
            counts = {
                table: sql(conn, f"SELECT count(*) FROM {table}").scalar_one()  # noqa: S608
                for table in (*replica.REPLICATED_TABLES, "decision_log", "drafts")
            }
            meta = dict(sql(conn, "SELECT key, value FROM meta").all())
        pending, rejected, conflict = self.outbox_counts()
        return {
            "path": str(self.path),
            "server_url": meta.get("server_url"),
            "username": meta.get("username"),
            "workstation_id": meta.get("workstation_id"),
            "rows": counts,
            "outbox": {"pending": pending, "rejected": rejected, "conflict": conflict},
            "cursor": meta.get("cursor", "0"),
            "last_sync_at": meta.get("last_sync_at"),
            "last_error": meta.get("last_error"),
        }


# ---------------------------------------------------------------------- helpers


def _with_status(case: Case, status: CaseStatus, now: datetime) -> Case:
    resolved = case.resolved_at
    if status in (CaseStatus.RESOLVED, CaseStatus.CLOSED):
        resolved = resolved or now
    elif status.is_open:
        resolved = None
    return replace(case, status=status, version=case.version + 1, resolved_at=resolved)


def _entry_kind(value: str) -> EntryKind:
    try:
        return EntryKind(value)
    except ValueError:
        # A tampered kind must still load so that verification can point at it.
        return EntryKind.CORRECTION


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


def _decision_from(data: Any) -> Decision | None:
    if not isinstance(data, dict) or not isinstance(data.get("decision"), dict):
        return None
    try:
        return from_wire(Decision, data["decision"])
    except WireError:
        return None


def _outbox_entry(row: Any) -> OutboxEntry:
    ident, seq, kind, payload, created, status, attempts, last_error, reason = row
    return OutboxEntry(
        id=ident,
        seq=seq,
        kind=kind,
        payload=loads(payload),
        created_at=parse_ts(created),
        status=OutboxStatus(status),
        attempts=attempts,
        last_error=last_error,
        reason=reason,
    )


def _parse_change(index: int, change: Any) -> tuple[EntityKind, str, str, Any, Any]:
    """Check one feed change; returns (kind, op, id, entity or id, wire data)."""
    if not isinstance(change, dict):
        raise CacheError(f"change {index} is not an object")
    try:
        kind = EntityKind(change.get("entity"))
    except ValueError:
        raise CacheError(f"change {index}: unknown entity {str(change.get('entity'))[:40]!r}") from None
    op = change.get("op")
    ident = change.get("id")
    if op == "delete":
        if not isinstance(ident, str) or not ident:
            raise CacheError(f"change {index}: a delete without an id")
        return kind, "delete", ident, ident, None
    if op != "upsert":
        raise CacheError(f"change {index}: unknown operation {str(op)[:40]!r}")
    try:
        obj = from_wire(ENTITY_TYPES[kind], change.get("data"))
        real_id = entity_id(obj)
    except WireError as exc:
        raise CacheError(f"change {index} ({kind.value} {str(ident)[:60]}): {exc}") from exc
    if ident is not None and ident != real_id:
        raise CacheError(f"change {index}: id {str(ident)[:60]!r} does not match its data ({real_id!r})")
    return kind, "upsert", real_id, obj, change["data"]


def _runs(
    parsed: list[tuple[EntityKind, str, str, Any, Any]],
) -> Iterator[tuple[EntityKind, str, list[tuple[EntityKind, str, str, Any, Any]]]]:
    """Consecutive changes of one kind and operation, batched; feed order is kept between runs."""
    start = 0
    while start < len(parsed):
        kind, op = parsed[start][0], parsed[start][1]
        end = start
        while end < len(parsed) and parsed[end][0] is kind and parsed[end][1] == op:
            end += 1
        yield kind, op, parsed[start:end]
        start = end
