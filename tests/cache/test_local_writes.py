"""Local-first actions: the change and its outbox entry in one durable transaction, or nothing."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from cache_builders import ADVISOR, LEAD, NOW, Desk, case, decision

from advisor_desk.cache.errors import InvalidAction, NotFound, StaleCase
from advisor_desk.cache.store import LocalCache
from advisor_desk.domain.channels import Channel
from advisor_desk.domain.model import (
    CaseStatus,
    Escalation,
    FollowUp,
    GestureCode,
    ReasonCode,
    RootCause,
)

#: Payload keys of each mutation kind as advisor_desk/server/API.md lists them (optional ones apart).
REQUIRED = {
    "reply": {"interaction_id", "case_id", "customer_id", "channel", "text", "sent_at"},
    "note": {"interaction_id", "customer_id", "text", "created_at"},
    "case.status": {"case_id", "status", "expected_version"},
    "case.acknowledge": {"case_id", "interaction_id", "channel", "text", "at"},
    "case.assign": {"case_id", "assignee_id", "expected_version"},
    "decision.grant": {
        "decision_id", "customer_id", "case_id", "gesture", "amount_cents", "currency", "reason_code",
        "reason_text", "granted_at", "offline", "chain",
    },
    "decision.revoke": {"decision_id", "reason_text", "chain"},
    "csat": {"rating_id", "case_id", "customer_id", "score", "source", "recorded_at"},
    "followup": {"followup_id", "customer_id", "due_at", "note"},
    "followup.outcome": {"followup_id", "outcome", "note", "at"},
    "review.mark": {"decision_id"},
    "escalation": {
        "escalation_id", "customer_id", "gesture", "amount_cents", "currency", "reason_code", "reason_text",
        "requested_at", "chain",
    },
    "escalation.answer": {"escalation_id", "approved"},
}  # fmt: skip
OPTIONAL = {
    "reply": {"new_status"},
    "note": {"case_id"},
    "case.status": {"root_cause", "product_id"},
    "decision.grant": {"order_line_id", "voucher_code"},
    "followup": {"case_id"},
    "followup.outcome": {"reschedule_at"},
    "review.mark": {"comment"},
    "escalation": {"case_id"},
    "escalation.answer": {"comment"},
}


def _with_fixtures(desk: Desk) -> None:
    desk.feed(
        decision(1, "cust-1", 500, NOW - timedelta(hours=1)),
        FollowUp("f-1", "cust-1", NOW - timedelta(hours=1), ADVISOR.id, case_id="case-1"),
        Escalation(
            "esc-1", ADVISOR.id, ADVISOR.team, "cust-1", GestureCode.VOUCHER, 9_000, "EUR",
            ReasonCode.SERVICE_FAILURE, "gros souci", NOW - timedelta(hours=1),
        ),
    )  # fmt: skip


ACTIONS: dict[str, Callable[[LocalCache], Any]] = {
    "note": lambda c: c.add_note("cust-1", "case-1", "Client rappelé", ADVISOR),
    "reply": lambda c: c.send_reply(
        "case-1", Channel.EMAIL, "Bonjour Madame", ADVISOR, CaseStatus.IN_PROGRESS
    ),
    "case.acknowledge": lambda c: c.acknowledge("case-1", "email", "Bien reçu", ADVISOR),
    "case.status": lambda c: c.change_case_status("case-1", "resolved", 1, RootCause.CARRIER, by=ADVISOR),
    "case.assign": lambda c: c.assign_case("case-1", ADVISOR.id, by=ADVISOR),
    "decision.grant": lambda c: c.grant_gesture(
        ADVISOR, "cust-1", "case-1", "refund", 1_500, "EUR", "late_delivery", "retard", order_line_id="line-1"
    ),
    "decision.revoke": lambda c: c.revoke_decision(ADVISOR, "dec-1", "erreur de saisie"),
    "csat": lambda c: c.record_csat("case-1", 4, "advisor"),
    "followup": lambda c: c.schedule_followup(
        "cust-1", "case-1", NOW + timedelta(days=2), "rappel", by=ADVISOR
    ),
    "followup.outcome": lambda c: c.record_followup_outcome(
        "f-1", "satisfied", "ravie", NOW + timedelta(days=7)
    ),
    "review.mark": lambda c: c.mark_reviewed("dec-1", "vu", by=LEAD),
    "escalation": lambda c: c.request_escalation(
        ADVISOR, "cust-1", None, "voucher", 9_000, "EUR", "service_failure", "au-delà de mon plafond"
    ),
    "escalation.answer": lambda c: c.answer_escalation(LEAD, "esc-1", True, "d'accord"),
}


@pytest.mark.parametrize("kind", sorted(ACTIONS))
def test_action_writes_entity_and_outbox_entry(desk: Desk, kind: str) -> None:
    _with_fixtures(desk)
    result = ACTIONS[kind](desk.cache)
    [entry] = desk.cache.pending_mutations()
    assert entry.kind == kind
    keys = set(entry.payload)
    assert REQUIRED[kind] <= keys, REQUIRED[kind] - keys
    assert keys <= REQUIRED[kind] | OPTIONAL.get(kind, set()), (
        keys - REQUIRED[kind] - OPTIONAL.get(kind, set())
    )
    # the change is visible at once through the read side
    found = _reread(desk.cache, result)
    assert found == result


def _reread(cache: LocalCache, result: Any) -> Any:
    from advisor_desk.domain import model

    if isinstance(result, model.Interaction):
        return cache.interactions_by_ids([result.id])[0]
    if isinstance(result, model.Case):
        return cache.case(result.id)
    if isinstance(result, model.Decision):
        return cache.decision(result.id)
    if isinstance(result, model.Escalation):
        return next(e for e in cache.escalations() if e.id == result.id)
    if isinstance(result, model.SatisfactionRating):
        return cache.satisfaction(result.customer_id)[0]
    if isinstance(result, model.FollowUp):
        return next(f for f in cache.timeline(result.customer_id).followups if f.id == result.id)
    raise AssertionError(type(result))


def _dump(path: Path) -> dict[str, list[Any]]:
    conn = sqlite3.connect(path)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {t: sorted(map(repr, conn.execute(f"SELECT * FROM {t}"))) for t in tables}  # noqa: S608
    finally:
        conn.close()


@pytest.mark.parametrize("kind", sorted(ACTIONS))
def test_failure_in_the_middle_leaves_nothing_half_written(desk: Desk, kind: str) -> None:
    """The outbox insert is the last write of every action: make SQLite refuse it (like a full disk)."""
    _with_fixtures(desk)
    with sqlite3.connect(desk.path) as conn:
        conn.execute(
            "CREATE TRIGGER disk_full BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'disk full'); END"
        )
    conn.close()
    before = _dump(desk.path)
    with pytest.raises(Exception, match="disk full"):
        ACTIONS[kind](desk.cache)
    assert _dump(desk.path) == before


def test_writes_are_durable_and_in_wal(desk: Desk) -> None:
    assert desk.cache.pragmas() == {
        "journal_mode": "wal",
        "synchronous": 2,  # FULL
        "foreign_keys": 1,
        "busy_timeout": 10_000,
    }


def test_action_survives_reopening(desk: Desk, tmp_path: Path) -> None:
    note = desk.cache.add_note("cust-1", None, "note durable", ADVISOR)
    desk.cache.close()
    again = LocalCache.open(desk.path, clock=desk.clock)
    try:
        assert [e.payload["interaction_id"] for e in again.pending_mutations()] == [note.id]
        assert again.interactions_by_ids([note.id]) == [note]
    finally:
        again.close()
    desk.cache = LocalCache.open(desk.path, clock=desk.clock)


def test_reply_sets_first_response_and_moves_the_case(desk: Desk) -> None:
    cache = desk.cache
    cache.send_reply("case-1", "email", "Bonjour", ADVISOR, "waiting_customer")
    fresh = cache.case("case-1")
    assert (
        fresh.first_response_at == NOW and fresh.status is CaseStatus.WAITING_CUSTOMER and fresh.version == 2
    )
    [row] = cache.work_queue(ADVISOR.id, ADVISOR.team, NOW)
    assert row.countdown.clock == "resolution"


def test_acknowledgement_stops_the_first_response_clock(desk: Desk) -> None:
    cache = desk.cache
    cache.acknowledge("case-1", "email", "Nous avons bien reçu votre message", ADVISOR)
    fresh = cache.case("case-1")
    assert fresh.acknowledged_at == NOW and fresh.status is CaseStatus.ACKNOWLEDGED
    assert fresh.first_response_at is None
    [row] = cache.work_queue(ADVISOR.id, ADVISOR.team, NOW)
    assert row.countdown.clock == "resolution"


def test_stale_case_is_refused_with_the_fresh_copy(desk: Desk) -> None:
    desk.feed(case(1, "cust-1", version=3, updated_by="u-bob", status=CaseStatus.IN_PROGRESS))
    with pytest.raises(StaleCase) as raised:
        desk.cache.change_case_status("case-1", "resolved", expected_version=1)
    assert raised.value.current.version == 3 and raised.value.current.updated_by == "u-bob"
    assert desk.cache.outbox_counts() == (0, 0, 0)


@pytest.mark.parametrize(
    ("action", "error"),
    [
        (lambda c: c.add_note("cust-1", None, "   ", ADVISOR), InvalidAction),
        (lambda c: c.add_note("cust-1", None, "x" * 100_001, ADVISOR), InvalidAction),
        (lambda c: c.add_note("cust-404", None, "hello", ADVISOR), NotFound),
        (lambda c: c.send_reply("case-404", "email", "hello", ADVISOR), NotFound),
        (lambda c: c.send_reply("case-1", "note", "hello", ADVISOR), InvalidAction),
        (lambda c: c.send_reply("case-1", "pigeon", "hello", ADVISOR), InvalidAction),
        (lambda c: c.change_case_status("case-1", "closed", 1), InvalidAction),
        (lambda c: c.change_case_status("case-1", "archived", 1), InvalidAction),
        (lambda c: c.record_csat("case-1", 6), InvalidAction),
        (lambda c: c.record_csat("case-1", 3, "guess"), InvalidAction),
        (
            lambda c: c.schedule_followup("cust-1", None, NOW.replace(tzinfo=None), "x", by=ADVISOR),
            InvalidAction,
        ),
        (lambda c: c.mark_reviewed("dec-404", None, by=LEAD), NotFound),
        (lambda c: c.record_followup_outcome("f-404", "satisfied"), NotFound),
    ],
)
def test_bad_actions_are_refused_and_write_nothing(
    desk: Desk, action: Callable[[LocalCache], Any], error: type
) -> None:
    before = _dump(desk.path)
    with pytest.raises(error):
        action(desk.cache)
    assert _dump(desk.path) == before


def test_drafts_round_trip(desk: Desk) -> None:
    cache = desk.cache
    assert cache.load_draft("case-1") is None
    cache.save_draft("case-1", {"text": "Bonjour <b>Madame</b> 🙂", "channel": "email"})
    assert cache.load_draft("case-1") == {"text": "Bonjour <b>Madame</b> 🙂", "channel": "email"}
    cache.delete_draft("case-1")
    assert cache.load_draft("case-1") is None
    assert cache.outbox_counts() == (0, 0, 0)  # drafts never travel
