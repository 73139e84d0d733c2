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

With the encryption option (:mod:`.encryption`) the file is an SQLCipher database whose key lives in
the keyring; opening encrypts a plain cache in place, or decrypts one when the option is turned off
(:mod:`.at_rest`). An encrypted file that cannot be opened here (no key, wrong key, no keyring) is a
:class:`~advisor_desk.cache.errors.CacheUnavailable` and stays exactly as it was.
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.util.exc import CommandError
from sqlalchemy import Connection, Engine
from sqlalchemy.exc import OperationalError

from advisor_desk.cache import at_rest, disk, encryption, recovery, replica
from advisor_desk.cache.actions import LocalActions
from advisor_desk.cache.codec import dumps, loads, parse_ts
from advisor_desk.cache.core import _snapshot_from
from advisor_desk.cache.engines import cache_engine, raw_connect
from advisor_desk.cache.errors import (
    CacheError,
    CacheUnavailable,
    EncryptionUnavailable,
    unavailable_message,
)
from advisor_desk.cache.paths import create_private_file
from advisor_desk.cache.reads import CacheReads
from advisor_desk.cache.replica import sql
from advisor_desk.cache.views import (
    AuthoritySnapshot,
    OutboxEntry,
    OutboxStatus,
    RecoveryReport,
)
from advisor_desk.domain.decision_chain import EntryKind
from advisor_desk.domain.model import (
    Customer,
    Decision,
    DecisionStatus,
    User,
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
)

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
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


log = logging.getLogger(__name__)


def _default_text(default: encryption.Automatic) -> str:
    return f"{'encrypted' if default.encrypt else 'plain'}: {default.reason}"


def _now_utc() -> datetime:
    return datetime.now(UTC)


#: Alembic keeps the running migration's context in one process-wide place (``alembic.context``):
#: two threads migrating two different files at once would run each other's steps ("table customers
#: already exists"). Migrations are short and rare, so one at a time in the whole process.
_MIGRATION_LOCK = threading.Lock()


def migrate(engine: Engine, revision: str = "head") -> None:
    """Bring the cache schema to ``revision`` with the migrations shipped in the package."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with _MIGRATION_LOCK, engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, revision)


def _operational_errors() -> tuple[type[Exception], ...]:
    """SQLAlchemy's OperationalError and each loaded driver's (sqlite3, SQLCipher)."""
    return (OperationalError, *replica.OPERATIONAL_ERRORS)


def schema_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        try:
            row = sql(conn, "SELECT version_num FROM alembic_version").first()
        except _operational_errors():  # no table yet: an empty file
            return None
        return None if row is None else str(row[0])


class LocalCache(LocalActions, CacheReads):
    """The local cache of one user on one server. Safe to share between the UI and the sync thread."""

    #: Whether the file is an SQLCipher database (set by :meth:`open`).
    encrypted: bool = False
    #: Why it is or is not (for ``cache stats``): the setting, or the default's reason for a new cache.
    at_rest_reason: str = ""

    # ------------------------------------------------------------------ opening and closing

    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        clock: Callable[[], datetime] | None = None,
        server_url: str | None = None,
        username: str | None = None,
        encrypt: bool | None = None,
    ) -> LocalCache:
        """Open (creating, upgrading, repairing, encrypting or decrypting as needed) the cache at ``path``.

        ``encrypt`` overrides the encryption setting (:func:`advisor_desk.cache.encryption.setting`:
        the environment, then the data folder's settings file); None reads it.
        """
        path = Path(path)
        try:
            return cls._open(path, clock=clock, server_url=server_url, username=username, encrypt=encrypt)
        except Exception as exc:
            # judged now: opening may have loaded the SQLCipher driver, and its errors with it
            if not isinstance(exc, (OSError, *_operational_errors())):
                raise
            # The folder or file cannot be written here (read-only disk, no permission, full, held
            # by another program): a sentence the desk can show, and the file left as it was.
            reason = str(exc.orig) if isinstance(exc, OperationalError) else str(exc)
            raise CacheUnavailable(unavailable_message(path.name, reason)) from exc

    @classmethod
    def _open(
        cls,
        path: Path,
        *,
        clock: Callable[[], datetime] | None,
        server_url: str | None,
        username: str | None,
        encrypt: bool | None,
    ) -> LocalCache:
        path.parent.mkdir(parents=True, exist_ok=True)
        wanted = encryption.setting(path) if encrypt is None else encrypt
        state = at_rest.file_state(path)
        encrypted_now = state is at_rest.FileState.ENCRYPTED
        # Not set: a cache stays as it is (an encrypted one is never decrypted by a missing setting),
        # and a new one follows the disk (encryption.automatic).
        encrypted_next = encrypted_now if wanted is None else wanted
        why = "set by the settings" if wanted is not None else "kept as it was (no setting)"
        key: str | None = None
        if encrypted_now:
            encryption.sqlcipher()
            key = encryption.key_for_existing(path)  # never a new key for a file that has one
        elif encrypted_next:
            encryption.sqlcipher()  # before a key is made: no binding, nothing changes
            key = encryption.cache_key(path)
        elif wanted is None and state is at_rest.FileState.NEW:
            default = encryption.automatic(path)
            why = default.reason
            if default.encrypt:
                try:
                    key = encryption.cache_key(path)
                    encrypted_next = True
                except EncryptionUnavailable as exc:
                    # The default asked, nobody required it: plain, and said (explicitly "on" is an error).
                    why = f"the disk is not encrypted and the keyring could not keep a key ({type(exc).__name__})"
                    log.warning("new cache %s left plain: %s", path.name, why)
        report: RecoveryReport | None = None
        salvage: recovery.Salvage | None = None
        problem = (
            None
            if state is at_rest.FileState.NEW
            else recovery.integrity_problem(path, key if encrypted_now else None)
        )
        if problem is not None:
            set_aside = recovery.set_aside(path, (clock or _now_utc)())
            salvage = recovery.salvage(set_aside, key if encrypted_now else None)
            report = RecoveryReport(
                problem=problem,
                set_aside=str(set_aside),
                recovered_outbox=len(salvage.outbox),
                recovered_log_entries=len(salvage.decision_log),
                recovered_drafts=len(salvage.drafts),
                unreadable=tuple(salvage.unreadable),
            )
        elif state is not at_rest.FileState.NEW and encrypted_now != encrypted_next:
            assert key is not None
            if encrypted_next:
                at_rest.encrypt_in_place(path, key)
            else:
                at_rest.decrypt_in_place(path, key)
        if not encrypted_next:
            key = None
        create_private_file(path)
        raw = raw_connect(path, key)
        try:
            # WAL is a property of the file: set once, outside any transaction.
            raw.execute("PRAGMA journal_mode = WAL")
        finally:
            raw.close()
        writer = cache_engine(path, writer=True, key=key)
        reader = cache_engine(path, writer=False, key=key)
        try:
            migrate(writer)
        except CommandError as exc:
            writer.dispose()
            reader.dispose()
            # Most likely a cache written by a newer desk: never drop or downgrade it.
            raise CacheError(
                f"the cache {path.name} has a schema this version of Advisor Desk does not know "
                f"({exc}); it was left untouched: use the newer Advisor Desk, or another data folder"
            ) from exc
        except Exception:
            writer.dispose()
            reader.dispose()
            raise
        cache = cls(path, writer, reader, clock or _now_utc, report)
        cache.encrypted = key is not None
        cache.at_rest_reason = why
        try:
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
        except BaseException:
            writer.dispose()
            reader.dispose()
            raise
        return cache

    def close(self) -> None:
        """Fold the WAL back into the file and release every connection."""
        self._reader.dispose()
        try:
            with self._lock:
                # Outside any transaction (a checkpoint cannot run inside one): the raw connection.
                raw = self._writer.raw_connection()
                try:
                    driver = raw.driver_connection
                    assert driver is not None
                    driver.execute("PRAGMA wal_checkpoint(TRUNCATE)")
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
            "encrypted": self.encrypted,
            "at_rest": self.at_rest_reason,
            "disk": disk.describe(disk.disk_encryption(self.path)),
            "new_cache_default": _default_text(encryption.automatic(self.path)),
            "server_url": meta.get("server_url"),
            "username": meta.get("username"),
            "workstation_id": meta.get("workstation_id"),
            "rows": counts,
            "outbox": {"pending": pending, "rejected": rejected, "conflict": conflict},
            "cursor": meta.get("cursor", "0"),
            "last_sync_at": meta.get("last_sync_at"),
            "last_error": meta.get("last_error"),
        }

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
                status = MutationStatus(str(result.get("status")))
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
        if status is MutationStatus.DUPLICATE and reason:
            # "duplicate" repeats the first answer; a reason means that answer was not "applied"
            status = (
                MutationStatus.CONFLICT if reason.startswith("version_mismatch") else MutationStatus.REJECTED
            )
        if kind == MutationKind.DECISION_GRANT:
            decision = _decision_from(data)
            refused = status in (MutationStatus.REJECTED, MutationStatus.CONFLICT) or (
                decision is not None and decision.status is DecisionStatus.REJECTED
            )
            if refused:
                why = reason or (decision.rejection_reason if decision else None) or "refused by the centre"
                self._record_refused_grant(conn, payload, decision, why)
                # the centre acknowledged the grant's place in the chain all the same: verification
                # of the log needs that receipt as much as an applied grant's
                self._store_receipt(conn, payload, data)
                self._set_outbox_status(conn, mutation_id, OutboxStatus.REJECTED, why)
                return "rejected"
        if status.confirms:
            # confirmed first: the rebase below must no longer re-apply this entry's own changes
            self._set_outbox_status(conn, mutation_id, OutboxStatus.CONFIRMED, None)
            self._apply_answer(conn, data, effects)
            self._store_receipt(conn, payload, data)
            return "confirmed"
        touched = {(EntityKind(e["entity"]), e["id"]) for e in effects}
        if status is MutationStatus.REJECTED:
            self._undo(conn, effects)
            self._store_receipt(conn, payload, data)  # a refused chained action keeps its receipt too
            self._set_outbox_status(
                conn, mutation_id, OutboxStatus.REJECTED, reason or "refused by the centre"
            )
            self._rebase(conn, touched)
            return "rejected"
        fresh = self._entity_from_answer(kind, data)
        if fresh is not None:
            replica.upsert_many(conn, entity_kind(fresh), [fresh])
        else:
            self._undo(conn, effects)
        self._set_outbox_status(
            conn, mutation_id, OutboxStatus.CONFLICT, reason or "changed by someone else meanwhile"
        )
        self._rebase(conn, touched)
        return "conflict"

    def _apply_answer(self, conn: Connection, data: Any, effects: list[dict[str, Any]]) -> None:
        """Store the centre's copies of what an applied mutation changed (``data`` by entity kind).

        They carry what only the centre knows (its version numbers, times, a grant's status), so the
        desk need not wait for the feed; anything unreadable is left for the feed to bring.
        """
        if not isinstance(data, dict):
            return
        fresh: list[Any] = []
        for key, wire_form in data.items():
            try:
                kind = EntityKind(key)
                fresh.append(from_wire(ENTITY_TYPES[kind], wire_form))
            except (ValueError, WireError):
                continue
        for obj in fresh:
            replica.upsert_many(conn, entity_kind(obj), [obj])
        touched = {(entity_kind(o), entity_id(o)) for o in fresh}
        touched |= {(EntityKind(e["entity"]), e["id"]) for e in effects}
        self._rebase(conn, touched)

    @staticmethod
    def _entity_from_answer(kind: str, data: Any) -> Any | None:
        expected = _MUTATION_ENTITY.get(kind)
        if expected is None or not isinstance(data, dict):
            return None
        candidate = data.get(expected.value, data)
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
        kind = EntityKind(str(change.get("entity")))
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
