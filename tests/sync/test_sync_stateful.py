"""Random interleavings of local actions, network failures, crashes and syncs (Hypothesis stateful).

Each example is a fresh advisor with fresh customers on the live server, and a fresh workstation behind
the misbehaving proxy. Whatever happened, once the network is back and the desk has synced, the local
cache equals what the server exposes to that advisor, every action reached the centre exactly once,
and every grant ended the same way on both sides (granted, or refused by the centre's re-check)."""

from __future__ import annotations

import dataclasses
import itertools
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test
from sync_faults import FaultyProxy
from sync_support import PASSWORD, add_customers, cache_contents, outbox_rows, server_count, server_view

from advisor_desk.cache.errors import CacheError
from advisor_desk.cache.store import LocalCache
from advisor_desk.domain.model import CaseStatus, DecisionStatus
from advisor_desk.sync.client import ApiClient
from advisor_desk.sync.engine import SyncEngine

NETWORK_FAULTS = ["reset", "500", "garbage", "wrong_shape", "truncate", "lose_answer"]


@pytest.mark.slow
def test_random_interleavings_converge(live_server, tmp_path: Path) -> None:
    live_server.seed_world()
    proxy = FaultyProxy(live_server.url)
    counter = itertools.count()

    class Workstation(RuleBasedStateMachine):
        def __init__(self) -> None:
            super().__init__()
            n = next(counter)
            self.username = f"advisor-{n}"
            live_server.create_user(self.username, team="north")
            self.customers = [f"st{n}-{i}" for i in range(2)]
            add_customers(live_server, 2, prefix=f"st{n}", interactions=1)
            self.path = tmp_path / f"ws-{n}.sqlite3"
            self.cache = LocalCache.open(self.path)
            self.client = ApiClient(proxy.url, timeout=(2, 5))
            proxy.fault = "pass"
            self.client.login(self.username, PASSWORD)
            self.engine = SyncEngine(self.cache, self.client, long_poll_wait=0)
            assert self.engine.sync_once().ok
            self.user = self.cache.current_user()
            self.actions = 0
            self.grants: list[str] = []

        # ---- local actions (each is one outbox entry when it succeeds)

        @rule(customer=st.integers(0, 1), text=st.text(min_size=1, max_size=30).filter(str.strip))
        def note(self, customer: int, text: str) -> None:
            self.cache.add_note(self.customers[customer], None, text, self.user)
            self.actions += 1

        @rule(customer=st.integers(0, 1), amount=st.integers(1, 3_000))
        def grant(self, customer: int, amount: int) -> None:
            cid = self.customers[customer]
            try:
                decision = self.cache.grant_gesture(
                    self.user, cid, f"{cid}-case", "voucher", amount, "EUR", "late_delivery", "late"
                )
            except CacheError:
                return  # refused locally (over the envelope): nothing queued
            self.grants.append(decision.id)
            self.actions += 1

        @rule(customer=st.integers(0, 1), status=st.sampled_from(list(CaseStatus)))
        def case_status(self, customer: int, status: CaseStatus) -> None:
            case = self.cache.case(f"{self.customers[customer]}-case")
            if case is None:
                return
            try:
                self.cache.change_case_status(case.id, status, case.version, by=self.user)
            except CacheError:
                return  # a transition the rules refuse
            self.actions += 1

        @rule(customer=st.integers(0, 1))
        def someone_else_changes_the_case(self, customer: int) -> None:
            """A colleague moves the case on the server: a later local change meets a conflict."""
            case = self.cache.case(f"{self.customers[customer]}-case")
            if case is None or not case.is_open:
                return
            live_server.save(
                dataclasses.replace(
                    case, version=case.version + 5, updated_at=datetime.now(UTC), updated_by="x"
                )
            )

        # ---- the world misbehaving

        @rule(fault=st.sampled_from(NETWORK_FAULTS))
        def network_fails(self, fault: str) -> None:
            proxy.fault = fault

        @rule()
        def network_recovers(self) -> None:
            proxy.fault = "pass"

        @rule()
        def crash_and_restart(self) -> None:
            self.cache.close()
            self.cache = LocalCache.open(self.path)
            self.engine.cache = self.cache

        @rule()
        def sync(self) -> None:
            self.engine.sync_once()  # never raises, whatever the network does

        @invariant()
        def cache_is_sound(self) -> None:
            assert self.cache.recovery is None
            pending, rejected, conflict = self.cache.outbox_counts()
            assert pending + rejected + conflict <= self.actions

        def teardown(self) -> None:
            proxy.fault = "pass"
            try:
                for _ in range(3):
                    report = self.engine.sync_once()
                    if report.ok and report.pending == 0:
                        break
                assert report.ok, report.errors
                assert report.pending == 0
                assert self.cache.integrity_check() == "ok"
                rows = outbox_rows(self.path)
                assert len(rows) == self.actions
                assert all(status in ("confirmed", "rejected", "conflict") for _, _, status in rows)
                workstation = self.engine.workstation_id()
                assert server_count(live_server, "MutationLogRow", workstation_id=workstation) == self.actions
                for decision_id in self.grants:
                    assert server_count(live_server, "DecisionRow", id=decision_id) == 1
                    local = self.cache.decision(decision_id)
                    assert local is not None and local.status in (
                        DecisionStatus.GRANTED,
                        DecisionStatus.REJECTED,
                    )
                assert cache_contents(self.path) == server_view(live_server, self.username)
            finally:
                self.client.close()
                self.cache.close()

    try:
        run_state_machine_as_test(
            Workstation,
            settings=settings(
                max_examples=10,
                stateful_step_count=12,
                deadline=None,
                suppress_health_check=list(HealthCheck),
                derandomize=True,
                database=None,
            ),
        )
    finally:
        proxy.close()
