"""What the desk reads from the local cache: search, work queue, timeline, decisions and the log.

Every read runs in one read transaction (a consistent snapshot beside the writer) on indexed columns,
so that it takes milliseconds on 10,000 customers and 200,000 interactions.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from datetime import time as clock_time
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection

from advisor_desk.cache import replica
from advisor_desk.cache.codec import loads, parse_ts, ts
from advisor_desk.cache.core import CacheCore
from advisor_desk.cache.errors import (
    NoAuthority,
)
from advisor_desk.cache.replica import sql
from advisor_desk.cache.search import (
    Matcher,
    body_matches,
    fts_query,
    interaction_body,
    snippet,
    text_query,
    worth_text_search,
)
from advisor_desk.cache.views import (
    CustomerHit,
    LogRow,
    MatchedField,
    QueueCounts,
    QueueRow,
    QueueRowKind,
    Timeline,
)
from advisor_desk.domain.authority import (
    Usage,
)
from advisor_desk.domain.channels import DEFAULT_TARGETS, Channel, ResponseState, countdown
from advisor_desk.domain.decision_chain import ChainEntry, EntryKind
from advisor_desk.domain.followups import Badge, badge, due_today
from advisor_desk.domain.model import (
    AuthorityEnvelope,
    Case,
    CaseKind,
    CaseStatus,
    ComplaintCategory,
    Customer,
    Decision,
    DecisionStatus,
    Escalation,
    EscalationStatus,
    FollowUp,
    GestureCode,
    Interaction,
    Order,
    Product,
    ProductRating,
    Role,
    SatisfactionRating,
)
from advisor_desk.domain.wire import (
    EntityKind,
)

#: How many of a customer's interactions ``timeline`` decodes at once; the rest load lazily.
TIMELINE_FIRST_PAGE = 200
#: Past this many identity matches (a letter or two typed), results are not ranked: ranking them
#: all would cost more than a keystroke may take, and none is a better answer than another.
BROAD_MATCH = 1_000
#: Most results one search returns (as the central API's search).
MAX_SEARCH_RESULTS = 200
#: The follow-up badges the work queue lists: today's calls and those left over from earlier days.
_TODAY = (Badge.OVERDUE, Badge.DUE_TODAY)
#: Time the interaction-text part of search as you type may take (seconds).
TEXT_SEARCH_BUDGET_S = 0.008


_QUEUE_SQL = (
    "SELECT c.id, c.customer_id, c.status, c.channel, c.kind, c.category, c.subject, "
    "c.assignee_id, c.opened_at, c.acknowledged_at, c.first_response_at, c.resolved_at, "
    "c.version, cu.first_name, cu.last_name "
    "FROM cases c LEFT JOIN customers cu INDEXED BY ix_customers_name ON cu.id = c.customer_id WHERE "
)
_COUNTS_SQL = (
    "SELECT status, channel, kind, assignee_id, opened_at, acknowledged_at, first_response_at "
    "FROM cases INDEXED BY ix_cases_queue WHERE "
)
_CHANNELS = {c.value: c for c in Channel}
_CASE_KINDS = {k.value: k for k in CaseKind}
_CATEGORIES = {c.value: c for c in ComplaintCategory}
_STATUSES = {s.value: s for s in CaseStatus}


class CacheReads(CacheCore):
    """Queries for the UI (mixed into :class:`LocalCache`)."""

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

    def envelope(self, role: Role | str) -> AuthorityEnvelope | None:
        with self._read() as conn:
            try:
                return self._envelope_for(conn, role)
            except NoAuthority:
                return None

    def usage(self, user_id: str, customer_id: str, now: datetime, time_zone: str) -> Usage:
        with self._read() as conn:
            return self._usage(conn, user_id, customer_id, now, time_zone)

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
        """Customers matching what is typed so far: identity first, then interaction text.

        Built for a keystroke: ranking is skipped when the text matches most customers (one or
        two characters), and the interaction-text part runs under a time budget (it gives what it
        found by then). The central API's search completes it when the desk is online.
        """
        query = fts_query(text or "")
        if query is None or limit <= 0:
            return []
        limit = min(limit, MAX_SEARCH_RESULTS)
        hits: list[CustomerHit] = []
        seen: set[str] = set()
        with self._read() as conn:
            keys = [
                r[0]
                for r in sql(
                    conn,
                    "SELECT rowid FROM customer_fts WHERE customer_fts MATCH ? LIMIT ?",
                    (query, BROAD_MATCH),
                )
            ]
            if len(keys) < BROAD_MATCH:
                # few enough matches to rank them all (bm25: the best field match first)
                keys = [
                    r[0]
                    for r in sql(
                        conn,
                        "SELECT rowid FROM customer_fts WHERE customer_fts MATCH ? ORDER BY rank LIMIT ?",
                        (query, limit),
                    )
                ]
            keys = keys[:limit]
            rows: list[Any] = []
            if keys:
                marks = ",".join("?" * len(keys))
                by_key = {
                    r[0]: r[1:]
                    for r in sql(
                        conn,
                        f"SELECT key, id, data FROM customers WHERE key IN ({marks})",  # noqa: S608
                        tuple(keys),
                    )
                }
                rows = [by_key[k] for k in keys if k in by_key]
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
            words_query = text_query(text)
            if len(hits) < limit and words_query is not None and worth_text_search(text):
                for customer_id, data in self._text_matches(conn, words_query, (limit - len(hits)) * 4):
                    if customer_id in seen or len(hits) >= limit:
                        continue
                    message = loads(data)
                    body = interaction_body(message)
                    if not body_matches(text, body):
                        continue  # found through a shorter prefix than typed
                    customer = replica.load(conn, EntityKind.CUSTOMER, customer_id)
                    if customer is None:
                        continue
                    seen.add(customer_id)
                    hits.append(CustomerHit(customer, MatchedField.INTERACTION, snippet(body, text)))
        return hits

    @staticmethod
    def _text_matches(conn: Connection, query: str, limit: int) -> list[tuple[str, str]]:
        """Newest interactions matching ``query``, as many as found within the time budget."""
        raw = replica.raw_sqlite(conn)  # sqlite3's, or SQLCipher's when the cache is encrypted
        deadline = time.perf_counter() + TEXT_SEARCH_BUDGET_S
        # SQLite calls this every 1,000 virtual-machine steps; a true answer interrupts the query.
        raw.set_progress_handler(lambda: time.perf_counter() > deadline, 1_000)
        found: list[tuple[str, str]] = []
        try:
            cursor = raw.execute(
                "SELECT i.customer_id, i.data FROM interaction_fts f "
                "JOIN interactions i ON i.key = f.rowid WHERE interaction_fts MATCH ? "
                "ORDER BY f.rowid DESC LIMIT ?",
                (query, limit),
            )
            for row in cursor:
                found.append(row)
        except replica.OPERATIONAL_ERRORS as exc:
            if "interrupted" not in str(exc):
                raise
        finally:
            raw.set_progress_handler(None, 0)
        return found

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
        time_zone: str | None = None,
    ) -> list[QueueRow]:
        """Open cases of the team and today's follow-ups, most urgent first.

        A follow-up shows from the start of its local day (the user's ``time_zone``; by default the
        signed-in user's, see :meth:`_queue_zone`) until it is done: one due later today is on the
        advisor's list for the day, and an overdue one stays.
        """
        channel_set = {Channel(c).value for c in channels} if channels else None
        kind_set, with_followups = _queue_kinds(kinds)
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
                # Positional: keyword arguments cost a quarter of the loop for 2,000 rows.
                rows.append(
                    QueueRow(
                        QueueRowKind.CASE,
                        customer_id,
                        f"{first_name or ''} {last_name or ''}".strip(),
                        _CHANNELS[channel],
                        clock.state,
                        clock.seconds_left,
                        clock.due_at,
                        case_id,
                        _CASE_KINDS[kind],
                        _CATEGORIES[category],
                        _STATUSES[status],
                        subject,
                        opened_at,
                        acked_at,
                        first_at,
                        assignee,
                        version,
                        clock,
                    )
                )
            if include_followups and with_followups and status_set is None:
                zone = self._queue_zone(conn, user_id, now, time_zone)
                rows += self._followup_rows(conn, user_id, team, now, zone, mine_only, channel_set)
        rows.sort(key=lambda r: r.seconds_left)
        return rows

    def _followup_rows(
        self,
        conn: Connection,
        user_id: str,
        team: str | None,
        now: datetime,
        time_zone: str,
        mine_only: bool,
        channel_set: set[str] | None,
    ) -> list[QueueRow]:
        query = (
            "SELECT f.id, f.customer_id, f.case_id, f.created_by, f.due_at, f.data, cu.first_name, "
            "cu.last_name, cu.team FROM followups f LEFT JOIN customers cu ON cu.id = f.customer_id "
            "WHERE f.status = 'scheduled' AND f.due_at < ?"
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
        ) in sql(conn, query, (ts(_local_day_end(now, time_zone)),)):
            if mine_only and created_by != user_id:
                continue
            if team is not None and cteam != team and created_by != user_id:
                continue
            if channel_set is not None and Channel.PHONE.value not in channel_set:
                continue
            due_at = parse_ts(due)
            # the domain's rule decides (the SQL bound only narrows the rows it looks at)
            if badge(FollowUp(fid, customer_id, due_at, created_by), now, time_zone) not in _TODAY:
                continue
            late = (due_at - now).total_seconds()
            out.append(
                QueueRow(
                    kind=QueueRowKind.FOLLOWUP,
                    customer_id=customer_id,
                    customer_name=f"{first_name or ''} {last_name or ''}".strip(),
                    channel=Channel.PHONE,  # a follow-up is a call back to the customer
                    state=ResponseState.PAST_TARGET if late <= 0 else ResponseState.ON_TIME,
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
        time_zone: str | None = None,
    ) -> QueueCounts:
        """Counts for the queue's filter bar (per urgency, channel, kind, status; mine; follow-ups)."""
        channel_set = {Channel(c).value for c in channels} if channels else None
        kind_set, with_followups = _queue_kinds(kinds)
        status_set = {CaseStatus(s).value for s in statuses} if statuses else None
        by_state: dict[str, int] = {}
        by_channel: dict[str, int] = {}
        by_kind: dict[str, int] = {}
        by_status: dict[str, int] = {}
        where = ["team = ?", "is_open = 1"]
        params: list[Any] = [team]
        for column, values in (("channel", channel_set), ("kind", kind_set), ("status", status_set)):
            if values is not None:
                where.append(f"{column} IN ({','.join('?' * len(values))})")
                params += sorted(values)
        mine = total = 0
        with self._read() as conn:
            targets = self._targets(conn)
            query = _COUNTS_SQL + " AND ".join(where)
            for status, channel, kind, assignee, opened, acked, first in sql(conn, query, tuple(params)):
                stopped = _earliest(acked, first)
                state = countdown(targets[channel], parse_ts(opened), now, stopped).state.value
                by_state[state] = by_state.get(state, 0) + 1
                by_channel[channel] = by_channel.get(channel, 0) + 1
                by_kind[kind] = by_kind.get(kind, 0) + 1
                by_status[status] = by_status.get(status, 0) + 1
                mine += assignee == user_id
                total += 1
            followups = 0
            if with_followups and status_set is None:
                zone = self._queue_zone(conn, user_id, now, time_zone)
                for row in self._followup_rows(conn, user_id, team, now, zone, False, channel_set):
                    followups += 1
                    total += 1
                    mine += row.assignee_id == user_id
                    by_channel[row.channel.value] = by_channel.get(row.channel.value, 0) + 1
        return QueueCounts(total, mine, followups, by_state, by_channel, by_kind, by_status)

    def followups_due(self, user_id: str, now: datetime, time_zone: str | None = None) -> list[FollowUp]:
        """The user's scheduled follow-ups, earliest first: with ``time_zone``, those of the user's
        local day and earlier ones not done (what the queue shows); without, those whose time has come.
        """
        bound = now if time_zone is None else _local_day_end(now, time_zone)
        with self._read() as conn:
            rows = sql(
                conn,
                "SELECT data FROM followups WHERE status = 'scheduled' AND due_at <= ? AND created_by = ? "
                "ORDER BY due_at, id",
                (ts(bound), user_id),
            ).all()
        found: list[FollowUp] = [replica.decode(EntityKind.FOLLOWUP, r[0]) for r in rows]
        if time_zone is None:
            return found
        return due_today(found, now, time_zone)

    def _queue_zone(self, conn: Connection, user_id: str, now: datetime, time_zone: str | None) -> str:
        """The time zone whose day the queue's follow-ups belong to: the one asked for, else the
        signed-in user's (kept from ``/me``), else the zone ``now`` carries, else UTC."""
        if time_zone is not None:
            return time_zone
        stored = self._meta(conn, "user")
        if stored:
            user = loads(stored)
            if isinstance(user, dict) and user.get("id") == user_id and user.get("time_zone"):
                return str(user["time_zone"])
        if isinstance(now.tzinfo, ZoneInfo):
            return now.tzinfo.key
        return "UTC"

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

    def interaction_index(
        self,
        customer_id: str,
        channels: Sequence[Channel | str] | None = None,
        case_id: str | None = None,
    ) -> list[tuple[str, str | None]]:
        """(interaction id, case id) of a customer's interactions, newest first, in one indexed query.

        The timeline groups a customer's history by case from this alone (nothing decoded), so a
        customer with 5,000 interactions opens without reading their texts.
        """
        query = "SELECT id, case_id FROM interactions WHERE customer_id = ?"
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
            return [(r[0], r[1]) for r in sql(conn, query, tuple(params))]

    def interaction_times(
        self,
        customer_id: str,
        channels: Sequence[Channel | str] | None = None,
        case_id: str | None = None,
    ) -> list[tuple[str, str | None, str]]:
        """(interaction id, case id, occurred_at) newest first, in one indexed query, nothing decoded.

        ``occurred_at`` is the cache's fixed-width UTC text (text order is time order): enough for
        the timeline to place gestures and ratings among interactions it has not read yet.
        """
        query = "SELECT id, case_id, occurred_at FROM interactions WHERE customer_id = ?"
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
            return sql(conn, query, tuple(params)).all()

    def case_rows(self, customer_id: str) -> list[tuple[str, bool, str]]:
        """(case id, is open, stored form) of a customer's cases, newest first, none decoded.

        A customer with a thousand closed cases opens on the few the advisor sees first;
        :meth:`decode_case` reads the others when they come into view.
        """
        with self._read() as conn:
            rows = sql(
                conn,
                "SELECT id, is_open, data FROM cases WHERE customer_id = ? ORDER BY opened_at DESC",
                (customer_id,),
            ).all()
        return [(r[0], bool(r[1]), r[2]) for r in rows]

    @staticmethod
    def decode_case(data: str) -> Case:
        """A case from the stored form :meth:`case_rows` gave (no database access: any thread)."""
        case: Case = replica.decode(EntityKind.CASE, data)
        return case

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

    def product_ids(self) -> list[str]:
        """Every product the cache holds, by id (the catalogue: thousands, not millions; the watch
        list looks at all of it)."""
        with self._read() as conn:
            return [str(r[0]) for r in sql(conn, "SELECT id FROM products ORDER BY id")]

    def satisfaction_marks(self, customer_id: str) -> list[tuple[str, str, str, int, str]]:
        """(id, case id, recorded_at as stored, score, source) of a customer's ratings, newest first.

        SQLite reads the two fields out of the stored form: a timeline shows hundreds of ratings
        without decoding them. Rows whose score is missing (a file edited by hand) are left out.
        """
        with self._read() as conn:
            rows = sql(
                conn,
                "SELECT id, case_id, recorded_at, json_extract(data, '$.score'), "
                "json_extract(data, '$.source') FROM satisfaction WHERE customer_id = ? "
                "ORDER BY recorded_at DESC",
                (customer_id,),
            ).all()
        return [
            (r[0], r[1], r[2], min(5, max(1, r[3])), str(r[4] or "")) for r in rows if isinstance(r[3], int)
        ]

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

    def product_ratings(
        self, product_ids: Sequence[str] | None = None, since: datetime | None = None
    ) -> list[ProductRating]:
        """Ratings of these products (all when None), oldest first, from ``since`` when given."""
        query = "SELECT data FROM product_ratings WHERE rated_at >= ?"
        params: list[Any] = [ts(since) if since is not None else ""]
        if product_ids is not None:
            ids = sorted(set(product_ids))
            if not ids:
                return []
            query += f" AND product_id IN ({','.join('?' * len(ids))})"
            params += ids
        with self._read() as conn:
            rows = sql(conn, query + " ORDER BY rated_at", tuple(params)).all()
        return [replica.decode(EntityKind.PRODUCT_RATING, r[0]) for r in rows]

    def team_cases(self, team: str, kind: CaseKind | str | None = None) -> list[Case]:
        """Every case of a team (open and closed), oldest first: the input of team reports."""
        query = "SELECT data FROM cases WHERE team = ?"
        params: list[Any] = [team]
        if kind is not None:
            query += " AND kind = ?"
            params.append(CaseKind(kind).value)
        with self._read() as conn:
            rows = sql(conn, query + " ORDER BY opened_at", tuple(params)).all()
        return [replica.decode(EntityKind.CASE, r[0]) for r in rows]

    def team_interactions(self, team: str) -> list[Interaction]:
        """Interactions attached to the team's cases, oldest first (a bulk read: call it off the GUI thread)."""
        with self._read() as conn:
            rows = sql(
                conn,
                "SELECT i.data FROM interactions i JOIN cases c ON c.id = i.case_id "
                "WHERE c.team = ? ORDER BY i.occurred_at",
                (team,),
            ).all()
        return [replica.decode(EntityKind.INTERACTION, r[0]) for r in rows]

    def team_satisfaction(self, team: str) -> list[SatisfactionRating]:
        with self._read() as conn:
            rows = sql(
                conn,
                "SELECT s.data FROM satisfaction s JOIN cases c ON c.id = s.case_id "
                "WHERE c.team = ? ORDER BY s.recorded_at",
                (team,),
            ).all()
        return [replica.decode(EntityKind.SATISFACTION, r[0]) for r in rows]

    def decision(self, decision_id: str) -> Decision | None:
        with self._read() as conn:
            return replica.load(conn, EntityKind.DECISION, decision_id)

    def escalations(
        self,
        *,
        user_id: str | None = None,
        status: EscalationStatus | str | None = None,
        customer_id: str | None = None,
    ) -> list[Escalation]:
        clauses, params = [], []
        if user_id is not None:
            clauses.append("user_id = ?")
            params.append(user_id)
        if customer_id is not None:
            clauses.append("customer_id = ?")
            params.append(customer_id)
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


#: The queue's kind filter takes the case kinds and this one, for the follow-up calls due.
FOLLOWUP_KIND = "followup"


def _queue_kinds(kinds: Sequence[CaseKind | str] | None) -> tuple[set[str] | None, bool]:
    """The case kinds a queue filter asks for (None: all) and whether it asks for follow-ups."""
    if not kinds:
        return None, True
    wanted = {str(k.value if isinstance(k, CaseKind) else k) for k in kinds}
    with_followups = FOLLOWUP_KIND in wanted
    # An empty set lists no case at all ("IN ()" is false in SQLite): follow-ups only.
    return {CaseKind(k).value for k in wanted - {FOLLOWUP_KIND}}, with_followups


def _local_day_end(now: datetime, time_zone: str) -> datetime:
    """The start (UTC) of the day after ``now``'s day in ``time_zone``."""
    tz = ZoneInfo(time_zone)
    tomorrow = now.astimezone(tz).date() + timedelta(days=1)
    # where midnight is skipped by a DST change this lands later, never earlier: badge() decides
    return datetime.combine(tomorrow, clock_time(0), tzinfo=tz).astimezone(UTC)


def _earliest(acked: str | None, first: str | None) -> datetime | None:
    """When the first-response clock stopped: an acknowledgement counts as a first response."""
    if acked is None:
        return parse_ts(first) if first else None
    if first is None:
        return parse_ts(acked)
    return parse_ts(min(acked, first))  # fixed-width UTC strings: text order is time order


def _entry_kind(value: str) -> EntryKind:
    try:
        return EntryKind(value)
    except ValueError:
        # A tampered kind must still load so that verification can point at it.
        return EntryKind.CORRECTION
