"""Simulated workstations for the load tests, and the proof afterwards read from the server's database.

Each workstation is an asyncio task with its own user, its own workstation id and its own HTTP
connection pool. It logs in, reads ``/me``, then until the deadline: pulls the changes feed page by
page, searches customers, replies to cases and grants goodwill gestures, at a random pace (exponential
think time) with bursts of several actions back to back. A batch whose answer was lost is sent again
as is (the mutation ids make it safe), and now and then a batch is sent twice on purpose.

Grants are concentrated on a few customers per team so that the per-customer 30-day cap and the
users' daily budgets really bind under concurrency (many grants are expected to be refused).

:func:`verify` then proves, from the server's database and what the workstations saw:

- every grant mutation was applied exactly once (one ``mutation_log`` row and one decision per
  mutation id; the status the workstation was told is the status recorded; a grant whose answer never
  arrived is there once or not at all, and nothing else was recorded for the load's users);
- no user's daily budget, no customer's 30-day cap and no per-decision limit was exceeded;
- every workstation's feed delivered every change visible to it since it started (all the feed holds
  for its user above its start cursor, read again once all is quiet: each entity at its final
  position), and every reply and grant of its own that was applied.

Used by ``tests/benchmarks/load_test.py`` (PostgreSQL, several workers, 200+ workstations, figures)
and ``tests/reliability/test_load_small.py`` (a small run, correctness only).
"""

from __future__ import annotations

import asyncio
import hashlib
import random
import time
import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import httpx
from sqlalchemy import func, select

PASSWORD = "load-pw"
GENESIS = "0" * 64
SEARCH_TERMS = ["mar", "dup", "jean", "mor", "ber", "06", "+33", "lef", "ORD", "cla", "sop", "lu"]
ENDPOINTS = ("login", "me", "changes", "search", "mutations")


@dataclass
class Stats:
    """Latencies (seconds) per endpoint, statuses and transport failures."""

    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    statuses: Counter[tuple[str, int]] = field(default_factory=Counter)
    failures: Counter[str] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)  # first words of unexpected answers

    def summary(self, seconds: float) -> list[str]:
        lines = [f"{'endpoint':<10} {'requests':>9} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}"]
        for name in ENDPOINTS:
            values = sorted(self.latencies.get(name, []))
            if not values:
                continue
            lines.append(
                f"{name:<10} {len(values):>9} {len(values) / seconds:>8.1f} "
                f"{percentile(values, 50) * 1000:>8.1f} {percentile(values, 95) * 1000:>8.1f} "
                f"{percentile(values, 99) * 1000:>8.1f}"
            )
        every = sorted(v for vs in self.latencies.values() for v in vs)
        if every:
            lines.append(
                f"{'all':<10} {len(every):>9} {len(every) / seconds:>8.1f} {percentile(every, 50) * 1000:>8.1f} "
                f"{percentile(every, 95) * 1000:>8.1f} {percentile(every, 99) * 1000:>8.1f}"
            )
        lines.append("statuses: " + ", ".join(f"{n} {s}: {c}" for (n, s), c in sorted(self.statuses.items())))
        for error in sorted(set(self.errors))[:10]:
            lines.append("unexpected answer: " + error)
        if self.failures:
            lines.append("transport failures: " + ", ".join(f"{k}: {v}" for k, v in self.failures.items()))
        return lines

    def p99(self) -> float:
        every = sorted(v for vs in self.latencies.values() for v in vs)
        return percentile(every, 99) if every else 0.0


def percentile(sorted_values: list[float], p: float) -> float:
    index = min(len(sorted_values) - 1, max(0, round(p / 100 * len(sorted_values) + 0.5) - 1))
    return sorted_values[index]


@dataclass
class World:
    """What the workstations act on, read once from the database: per team, customers and open cases."""

    customers: dict[str, list[str]]
    cases: dict[str, list[tuple[str, str]]]  # team -> [(case id, customer id)]
    hot: dict[str, list[str]]  # team -> the few customers grants go to


@dataclass
class Workstation:
    username: str
    team: str
    user_id: str = ""
    workstation_id: str = field(default_factory=lambda: f"load-{uuid.uuid4()}")
    start_cursor: int = 0
    cursor: str = "0"
    received: set[tuple[str, str]] = field(default_factory=set)
    seq: int = 0
    head: str = GENESIS
    grants: dict[str, dict[str, Any]] = field(default_factory=dict)  # mutation id -> payload
    told: dict[str, str] = field(default_factory=dict)  # mutation id -> status first told
    replies: dict[str, str] = field(default_factory=dict)  # mutation id -> interaction id
    unanswered: set[str] = field(default_factory=set)
    duplicates: int = 0
    authority: dict[str, Any] = field(default_factory=dict)
    feed_done: bool = False
    token: str = ""


def load_world(database: Any, hot_per_team: int = 6, hot_offset: int = 0) -> World:
    """Customers and cases per team; grants go to ``hot_per_team`` customers from ``hot_offset`` on."""
    from advisor_desk.server.models import CaseRow, CustomerRow

    customers: dict[str, list[str]] = defaultdict(list)
    cases: dict[str, list[tuple[str, str]]] = defaultdict(list)
    with database.read() as session:
        for cid, team in session.execute(select(CustomerRow.id, CustomerRow.team).order_by(CustomerRow.id)):
            customers[team].append(cid)
        for case_id, cid, team in session.execute(
            select(CaseRow.id, CaseRow.customer_id, CaseRow.team).order_by(CaseRow.id)
        ):
            cases[team].append((case_id, cid))
    hot = {team: ids[hot_offset : hot_offset + hot_per_team] for team, ids in customers.items()}
    return World(dict(customers), dict(cases), hot)


def feed_head(database: Any) -> int:
    from advisor_desk.server.models import FeedCounterRow

    with database.read() as session:
        return int(session.scalar(select(FeedCounterRow.position)) or 0)


def create_users(database: Any, prefix: str, count: int, teams: list[str]) -> list[Workstation]:
    """``count`` advisors spread over ``teams``, created through the server's own store."""
    from advisor_desk.server.auth import create_user

    made = []
    with database.write() as session:
        for n in range(count):
            team = teams[n % len(teams)]
            user = create_user(
                session, f"{prefix}{n:04d}", PASSWORD, "advisor", team, f"Load {n}", "Europe/Paris"
            )
            made.append(Workstation(user.username, team, user.id))
    return made


class Runner:
    def __init__(
        self,
        api: str,
        world: World,
        workstations: list[Workstation],
        *,
        duration: float,
        think: float,
        seed: int = 1,
        page_limit: int = 500,
        timeout: float = 30.0,
    ) -> None:
        self.api = api
        self.world = world
        self.workstations = workstations
        self.duration = duration
        self.think = think
        self.seed = seed
        self.page_limit = page_limit
        self.timeout = timeout
        self.stats = Stats()
        self.elapsed = 0.0
        self._stopped = 0

    async def _call(
        self, http: httpx.AsyncClient, name: str, method: str, url: str, **kw: Any
    ) -> httpx.Response:
        started = time.perf_counter()
        try:
            response = await http.request(method, url, **kw)
        except httpx.HTTPError as exc:
            self.stats.failures[f"{name} {type(exc).__name__}"] += 1
            raise
        self.stats.latencies[name].append(time.perf_counter() - started)
        self.stats.statuses[(name, response.status_code)] += 1
        return response

    async def _login(self, http: httpx.AsyncClient, ws: Workstation) -> None:
        for _ in range(5):
            try:
                r = await self._call(
                    http, "login", "POST", "/auth/token", json={"username": ws.username, "password": PASSWORD}
                )
            except httpx.HTTPError:
                continue
            if r.status_code == 200:
                ws.token = r.json()["access_token"]
                http.headers["Authorization"] = "Bearer " + ws.token
                for _ in range(5):
                    try:
                        me = await self._call(http, "me", "GET", "/me")
                    except httpx.HTTPError:
                        continue
                    if me.status_code == 200:
                        ws.authority = me.json()["authority"]
                        return
                    self.stats.errors.append(f"/me {me.status_code}: {me.text[:200]}")
                    await asyncio.sleep(0.5)
                continue
            self.stats.errors.append(f"login {r.status_code}: {r.text[:200]}")
            await asyncio.sleep(0.5)
        raise RuntimeError(f"{ws.username} could not log in")

    async def _sync(self, http: httpx.AsyncClient, ws: Workstation) -> bool:
        """Drain the feed from the workstation's cursor; False when a page failed (retry later)."""
        while True:
            try:
                r = await self._call(
                    http, "changes", "GET", "/changes", params={"after": ws.cursor, "limit": self.page_limit}
                )
            except httpx.HTTPError:
                return False
            if r.status_code != 200:
                return False
            page = r.json()
            for change in page["changes"]:
                ws.received.add((change["entity"], change["id"]))
            ws.cursor = page["next"]
            if not page["has_more"]:
                return True

    async def _search(self, http: httpx.AsyncClient, rng: random.Random) -> None:
        try:
            await self._call(
                http, "search", "GET", "/customers/search", params={"q": rng.choice(SEARCH_TERMS)}
            )
        except httpx.HTTPError:
            pass

    def _reply(self, ws: Workstation, rng: random.Random) -> dict[str, Any]:
        case_id, customer_id = rng.choice(self.world.cases[ws.team])
        mid, iid = str(uuid.uuid4()), str(uuid.uuid4())
        ws.replies[mid] = iid
        payload = {
            "interaction_id": iid,
            "case_id": case_id,
            "customer_id": customer_id,
            "channel": "email",
            "text": f"Load reply {rng.random():.6f}: we are on it.",
            "sent_at": _now(),
        }
        return {"id": mid, "kind": "reply", "payload": payload}

    def _grant(self, ws: Workstation, rng: random.Random) -> dict[str, Any]:
        ws.seq += 1
        new_hash = hashlib.sha256(f"{ws.workstation_id}:{ws.seq}".encode()).hexdigest()
        chain = {"seq": ws.seq, "prev_hash": ws.head, "hash": new_hash}
        ws.head = new_hash
        mid = str(uuid.uuid4())
        payload = {
            "decision_id": str(uuid.uuid4()),
            "customer_id": rng.choice(self.world.hot[ws.team]),
            "case_id": None,
            "gesture": "voucher",
            "amount_cents": rng.choice([500, 1000, 1500, 2000, 2500, 3000]),
            "currency": ws.authority.get("currency", "EUR"),
            "reason_code": "service_failure",
            "reason_text": "Load test gesture",
            "granted_at": _now(),
            "offline": False,
            "chain": chain,
        }
        ws.grants[mid] = payload
        return {"id": mid, "kind": "decision.grant", "payload": payload}

    async def _push(self, http: httpx.AsyncClient, ws: Workstation, batch: list[dict[str, Any]]) -> None:
        body = {"workstation_id": ws.workstation_id, "mutations": batch}
        for attempt in range(6):
            try:
                r = await self._call(http, "mutations", "POST", "/mutations", json=body)
            except httpx.HTTPError:
                await asyncio.sleep(0.2 * 2**attempt)
                continue
            if r.status_code == 200:
                for result in r.json()["results"]:
                    ws.told.setdefault(result["id"], result["status"])
                    ws.duplicates += result["status"] == "duplicate"
                    ws.unanswered.discard(result["id"])
                return
            await asyncio.sleep(retry_after(r, 0.2 * 2**attempt))
        ws.unanswered.update(m["id"] for m in batch if m["id"] not in ws.told)

    async def _act(
        self, http: httpx.AsyncClient, ws: Workstation, rng: random.Random, deadline: float
    ) -> None:
        await asyncio.sleep(rng.uniform(0, min(3.0, self.think)))
        await self._login(http, ws)
        ws.cursor = str(ws.start_cursor)
        await self._work(http, ws, rng, deadline)

    async def _work(
        self, http: httpx.AsyncClient, ws: Workstation, rng: random.Random, deadline: float
    ) -> None:
        """A logged-in desk's day until ``deadline``: sync, search, replies and grants, with bursts."""
        previous: list[dict[str, Any]] | None = None
        while time.monotonic() < deadline:
            actions = rng.randint(3, 8) if rng.random() < 0.1 else 1  # bursts
            for _ in range(actions):
                roll = rng.random()
                if roll < 0.35:
                    await self._sync(http, ws)
                elif roll < 0.60:
                    await self._search(http, rng)
                elif roll < 0.95:
                    batch = []
                    for _ in range(rng.randint(1, 3)):
                        batch.append(self._grant(ws, rng) if rng.random() < 0.5 else self._reply(ws, rng))
                    await self._push(http, ws, batch)
                    previous = batch
                elif previous is not None:
                    await self._push(http, ws, previous)  # the same batch again: all duplicates
            await asyncio.sleep(max(0.0, min(rng.expovariate(1 / self.think), deadline - time.monotonic())))

    def _http(self) -> httpx.AsyncClient:
        """One desk's connections (a desk keeps two: its feed watcher and everything else)."""
        limits = httpx.Limits(max_connections=2, max_keepalive_connections=2)
        return httpx.AsyncClient(base_url=self.api, timeout=self.timeout, limits=limits)

    def _stop_one(self) -> None:
        """A workstation stopped acting (subclasses measure what comes after apart)."""
        self._stopped += 1

    async def _final_drain(self, http: httpx.AsyncClient, ws: Workstation) -> None:
        """Once every workstation has stopped acting: the feed read to its end, what the proof
        compares with the database."""
        while self._stopped < len(self.workstations):
            await asyncio.sleep(0.2)
        for attempt in range(10):
            if await self._sync(http, ws):
                ws.feed_done = True
                break
            await asyncio.sleep(0.5 * (attempt + 1))

    async def _workstation(self, ws: Workstation, index: int, deadline: float) -> None:
        rng = random.Random(self.seed * 100_003 + index)
        async with self._http() as http:
            # Log-ins spread over the first seconds, as desks open in the morning.
            try:
                await self._act(http, ws, rng, deadline)
            finally:
                self._stop_one()
            await self._final_drain(http, ws)

    async def run(self) -> None:
        started = time.monotonic()
        deadline = started + self.duration
        self._stopped = 0
        await asyncio.gather(*(self._workstation(ws, i, deadline) for i, ws in enumerate(self.workstations)))
        self.elapsed = time.monotonic() - started


def retry_after(response: httpx.Response, default: float) -> float:
    """How long to wait before trying again: the server's ``Retry-After`` on 503 and 429 (at most a
    minute), never less than ``default``."""
    if response.status_code in (429, 503):
        try:
            return min(60.0, max(default, float(response.headers.get("Retry-After", ""))))
        except ValueError:
            pass
    return default


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _parse(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def verify(database: Any, api: str, workstations: list[Workstation]) -> dict[str, int]:
    """Prove exactly-once, budgets and feed completeness; raise AssertionError naming the first fault."""
    from advisor_desk.server.models import DecisionRow, InteractionRow, MutationLogRow

    by_user = {ws.user_id: ws for ws in workstations}
    figures: Counter[str] = Counter()
    with database.read() as session:
        logged = {
            row.id: row
            for row in session.scalars(
                select(MutationLogRow).where(MutationLogRow.user_id.in_(list(by_user)))
            )
        }
        decisions = {
            row.id: row
            for row in session.scalars(select(DecisionRow).where(DecisionRow.user_id.in_(list(by_user))))
        }
        grant_ids = {p["decision_id"]: (mid, ws) for ws in workstations for mid, p in ws.grants.items()}
        # 1. exactly once
        for ws in workstations:
            for mid, payload in ws.grants.items():
                log = logged.get(mid)
                decision = decisions.get(payload["decision_id"])
                if mid in ws.told:
                    assert log is not None, f"grant {mid} answered {ws.told[mid]} but not in mutation_log"
                    assert decision is not None, f"grant {mid} answered but its decision is missing"
                    expected = {"applied": "granted", "rejected": "rejected"}[log.status]
                    assert decision.status == expected, (
                        f"decision {decision.id}: {decision.status} != {expected}"
                    )
                    assert ws.told[mid] in (log.status, "duplicate"), (
                        f"{mid}: told {ws.told[mid]}, logged {log.status}"
                    )
                    figures["grants_" + log.status] += 1
                else:
                    assert ws.unanswered and mid in ws.unanswered, f"grant {mid} neither answered nor pending"
                    assert (log is None) == (decision is None), f"grant {mid}: log and decision disagree"
                    figures["grants_unanswered"] += 1
                if decision is not None:
                    assert decision.amount_cents == payload["amount_cents"]
                    assert decision.customer_id == payload["customer_id"]
            for mid, iid in ws.replies.items():
                if ws.told.get(mid) == "applied":
                    assert session.get(InteractionRow, iid) is not None, (
                        f"reply {mid} applied, interaction missing"
                    )
                    figures["replies_applied"] += 1
        stray = [d for d in decisions if d not in grant_ids]
        assert not stray, f"decisions nobody asked for: {stray[:5]}"
        assert sum(1 for r in logged.values() if r.kind == "decision.grant") == len(decisions)
        # 2. budgets: per decision, per user and day (user's zone), per customer over 30 days
        daily: Counter[tuple[str, str]] = Counter()
        per_customer: dict[str, list[DecisionRow]] = defaultdict(list)
        counting = session.scalars(
            select(DecisionRow).where(DecisionRow.status.in_(["granted", "pending"]))
        ).all()
        for d in counting:
            per_customer[d.customer_id].append(d)
            ws = by_user.get(d.user_id)
            if ws is None:
                continue
            day = _aware(d.granted_at).astimezone(ZoneInfo("Europe/Paris")).date().isoformat()
            daily[(d.user_id, day)] += d.amount_cents
            limit = {g["code"]: g["max_per_decision_cents"] for g in ws.authority["gestures"]}[d.gesture]
            assert d.amount_cents <= limit, f"decision {d.id} over the per-decision limit"
        for (user_id, day), spent in daily.items():
            budget = by_user[user_id].authority["daily_budget_cents"]
            assert spent <= budget, f"user {by_user[user_id].username} spent {spent} > {budget} on {day}"
            figures["users_at_budget"] += spent + 500 > budget
        cap = workstations[0].authority["per_customer_30d_cents"]
        for customer_id, rows in per_customer.items():
            for d in rows:
                end = _aware(d.granted_at)
                window = sum(
                    x.amount_cents for x in rows if end - timedelta(days=30) < _aware(x.granted_at) <= end
                )
                assert window <= cap, f"customer {customer_id} received {window} > {cap} in 30 days"
            figures["customers_at_cap"] += sum(x.amount_cents for x in rows) + 500 > cap
        # 3. every workstation's feed delivered every change visible to it since its start: read the
        # feed again from the start cursor now that all is quiet (each entity at its final position,
        # in this user's scope) -- what the busy incremental drain received must cover it all.
        for ws in workstations:
            assert ws.feed_done, f"{ws.username}: the final drain of the feed never succeeded"
            visible = fresh_feed(api, ws)
            missing = visible - ws.received
            assert not missing, f"{ws.username}: the feed never delivered {sorted(missing)[:5]}"
            figures["feed_changes_checked"] += len(visible)
            own = {
                ("decision", p["decision_id"])
                for mid, p in ws.grants.items()
                if ws.told.get(mid) == "applied"
            }
            own_replies = {
                ("interaction", iid) for mid, iid in ws.replies.items() if ws.told.get(mid) == "applied"
            }
            assert own <= ws.received, f"{ws.username}: own grants missing from its feed"
            assert own_replies <= ws.received, f"{ws.username}: own replies missing from its feed"
        figures["mutations_logged"] = len(logged)
        figures["duplicates_told"] = sum(ws.duplicates for ws in workstations)
        figures["decisions_total"] = int(
            session.scalar(
                select(func.count()).select_from(DecisionRow).where(DecisionRow.user_id.in_(list(by_user)))
            )
            or 0
        )
    return dict(figures)


def fresh_feed(api: str, ws: Workstation) -> set[tuple[str, str]]:
    """Every (entity, id) the feed holds for ``ws`` after its start cursor, read now in one go."""
    found: set[tuple[str, str]] = set()
    after = str(ws.start_cursor)
    with httpx.Client(base_url=api, headers={"Authorization": f"Bearer {ws.token}"}, timeout=60) as http:
        while True:
            response = http.get("/changes", params={"after": after, "limit": 1000})
            assert response.status_code == 200, response.text
            page = response.json()
            found |= {(c["entity"], c["id"]) for c in page["changes"]}
            after = page["next"]
            if not page["has_more"]:
                return found


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)
