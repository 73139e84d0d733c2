"""Fault-injected pushes through the real desk stack: LocalCache -> SyncEngine/ApiClient -> FaultProxy -> server.

:func:`push_through_faults` writes actions locally (notes with a unique text, and grants while the
envelope allows), syncs through a :class:`faultproxy.FaultProxy` that cuts requests, drops answers
after the server committed, truncates, delays and throttles, and keeps syncing until the outbox is
empty. :func:`prove_exactly_once` then checks, in the server's database and the cache, that every
mutation had exactly one effect. Shared by ``test_fault_pushes.py`` (about 500) and
``tests/benchmarks/fault_pushes.py`` (10,000 and more).
"""

from __future__ import annotations

import random
import sqlite3
import threading
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from faultproxy import FaultProxy
from sqlalchemy import func, select

from advisor_desk.cache.errors import CacheError
from advisor_desk.cache.store import LocalCache
from advisor_desk.sync.client import ApiClient
from advisor_desk.sync.engine import SyncEngine

# LocalCache.open runs Alembic, whose ``context`` is process-global: two caches opened at once from
# two threads break each other's migration ("table customers already exists"; reported). Desks
# pushing in parallel open their caches one at a time.
_OPEN_LOCK = threading.Lock()

FAULT_WEIGHTS = {
    "pass": 5.0,
    "cut_request": 1.0,
    "drop_response": 1.5,
    "cut_response": 1.0,
    "delay": 0.7,
    "throttle": 0.5,
}


@dataclass
class PushRun:
    notes: dict[str, str] = field(default_factory=dict)  # interaction id -> unique text
    grants: list[str] = field(default_factory=list)  # decision ids
    syncs: int = 0
    failed_syncs: int = 0
    faults: Counter[str] = field(default_factory=Counter)


def push_through_faults(
    proxy: FaultProxy,
    cache_path: Path,
    username: str,
    password: str,
    targets: list[tuple[str, str]],
    count: int,
    *,
    seed: int = 0,
    per_round: int = 40,
    grant_every: int = 5,
) -> PushRun:
    """Write ``count`` actions on ``targets`` [(customer id, case id)] and push them through faults."""
    rng = random.Random(seed)
    run = PushRun()
    weights = dict(proxy.weights)
    proxy.set_weights({"pass": 1.0})
    with _OPEN_LOCK:
        cache = LocalCache.open(cache_path)
    client = ApiClient(proxy.url, timeout=(2, 5))
    try:
        client.login(username, password)
        engine = SyncEngine(cache, client, long_poll_wait=0, rng=random.Random(seed))
        assert engine.sync_once().ok
        user = cache.current_user()
        assert user is not None
        proxy.set_weights(weights)
        made = 0
        while made < count:
            for _ in range(min(per_round, count - made)):
                customer_id, case_id = rng.choice(targets)
                if made % grant_every == 0:
                    try:
                        decision = cache.grant_gesture(
                            user, customer_id, case_id, "voucher", 100, "EUR", "service_failure", "fault test"
                        )
                        run.grants.append(decision.id)
                        made += 1
                        continue
                    except CacheError:
                        pass  # the envelope is spent: a note instead
                text = f"fault-note {uuid.uuid4()}"
                note = cache.add_note(customer_id, case_id, text, user)
                run.notes[note.id] = text
                made += 1
            _sync(engine, run)
        for _ in range(max(200, count // 10)):
            if cache.outbox_counts()[0] == 0:
                break
            _sync(engine, run)
        proxy.set_weights({"pass": 1.0})
        for _ in range(20):
            if cache.outbox_counts()[0] == 0 and _sync(engine, run):
                break
        assert cache.outbox_counts()[0] == 0, f"still pending after the faults: {cache.outbox_counts()}"
        assert cache.integrity_check() == "ok"
    finally:
        client.close()
        cache.close()
    run.faults = Counter(proxy.counts)
    return run


def _sync(engine: SyncEngine, run: PushRun) -> bool:
    report = engine.sync_once()
    run.syncs += 1
    run.failed_syncs += not report.ok
    return report.ok


def prove_exactly_once(database: Any, cache_path: Path, run: PushRun) -> dict[str, int]:
    """Every outbox entry confirmed and logged once on the server; every note and grant there once."""
    from advisor_desk.server.models import DecisionRow, InteractionRow, MutationLogRow

    conn = sqlite3.connect(f"file:{cache_path}?mode=ro", uri=True)
    try:
        outbox = conn.execute("SELECT id, kind, status FROM outbox").fetchall()
        local_status = dict(conn.execute("SELECT id, status FROM decisions").fetchall())
    finally:
        conn.close()
    statuses = Counter(status for _, _, status in outbox)
    assert set(statuses) <= {"confirmed", "rejected"}, statuses
    assert len(outbox) == len(run.notes) + len(run.grants)
    ids = [mid for mid, _, _ in outbox]
    with database.read() as session:
        logged = set()
        for chunk in range(0, len(ids), 500):
            logged |= set(
                session.scalars(
                    select(MutationLogRow.id).where(MutationLogRow.id.in_(ids[chunk : chunk + 500]))
                )
            )
        assert logged == set(ids), f"{len(set(ids) - logged)} outbox entries never reached the server"
        texts = Counter(
            session.scalars(
                select(InteractionRow.data["text"].as_string()).where(InteractionRow.id.in_(list(run.notes)))
            )
            if len(run.notes) < 30_000
            else []
        )
        by_text = Counter(
            text
            for (text,) in session.execute(
                select(InteractionRow.data["text"].as_string()).where(
                    InteractionRow.data["text"].as_string().like("fault-note %")
                )
            )
        )
        doubled = [t for t, n in by_text.items() if n > 1]
        assert not doubled, f"notes applied twice: {doubled[:3]}"
        assert set(run.notes.values()) <= set(by_text), "a note never arrived"
        assert sum(texts.values()) == len(run.notes)
        granted = dict(
            session.execute(
                select(DecisionRow.id, DecisionRow.status).where(DecisionRow.id.in_(run.grants))
            ).all()
        )
        assert len(granted) == len(run.grants)
        assert all(local_status[d] == s for d, s in granted.items()), (
            "cache and centre disagree on a decision"
        )
        total_decisions = session.scalar(select(func.count()).select_from(DecisionRow)) or 0
    return {
        "mutations": len(outbox),
        "notes": len(run.notes),
        "grants": len(run.grants),
        "granted": sum(1 for s in granted.values() if s == "granted"),
        "decisions_on_server": int(total_decisions),
        "syncs": run.syncs,
        "failed_syncs": run.failed_syncs,
        **{f"fault_{k}": v for k, v in run.faults.items()},
    }
