"""Local copies follow the centre's rules (API.md), so actions taken offline reach it without surprise."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from cache_builders import ADVISOR, LEAD, NOW, Desk, case, decision, order
from test_push import answer

from advisor_desk.cache.views import OutboxStatus
from advisor_desk.domain import decision_chain
from advisor_desk.domain.model import (
    CaseStatus,
    DecisionStatus,
    FollowUp,
    FollowUpStatus,
    GestureCode,
    GestureType,
    OrderLine,
)
from advisor_desk.domain.wire import to_wire


def test_every_case_change_raises_the_version_once(desk: Desk) -> None:
    """Offline: reply, acknowledge, assign, then a status change that expects the right version."""
    cache = desk.cache
    cache.send_reply("case-1", "email", "Bonjour", ADVISOR)  # v1 -> v2 (first response)
    cache.acknowledge("case-1", "email", "Bien reçu", ADVISOR)  # v3
    cache.assign_case("case-1", ADVISOR.id)  # v4
    changed = cache.change_case_status("case-1", "in_progress", expected_version=4)  # v5
    assert changed.version == 5
    payloads = [e.payload for e in cache.pending_mutations()]
    assert payloads[2]["expected_version"] == 3 and payloads[3]["expected_version"] == 4


def test_same_status_is_accepted_without_a_new_version(desk: Desk) -> None:
    unchanged = desk.cache.change_case_status("case-1", "new", expected_version=1)
    assert unchanged.version == 1
    [entry] = desk.cache.pending_mutations()
    assert entry.payload["status"] == "new"
    with_cause = desk.cache.change_case_status("case-1", "new", 1, root_cause="carrier")
    assert with_cause.version == 2


def test_resolving_and_reopening(desk: Desk) -> None:
    cache = desk.cache
    resolved = cache.change_case_status("case-1", "resolved", 1)
    assert resolved.resolved_at == NOW
    desk.clock.advance(hours=1)
    reopened = cache.change_case_status("case-1", "in_progress", 2)
    assert reopened.resolved_at is None and reopened.version == 3


def test_unassign(desk: Desk) -> None:
    desk.feed(case(1, "cust-1", assignee_id=ADVISOR.id))
    dropped = desk.cache.assign_case("case-1", None)
    assert dropped.assignee_id is None
    assert desk.cache.pending_mutations()[0].payload["assignee_id"] is None


def test_applied_answer_brings_the_centres_copy(desk: Desk) -> None:
    cache = desk.cache
    reply = cache.send_reply("case-1", "email", "Bonjour", ADVISOR)
    cache.change_case_status("case-1", "in_progress", expected_version=2)
    first, _ = cache.pending_mutations()
    # the centre had another change of the case in between: its copy after our reply is version 4
    theirs = case(
        1, "cust-1", version=4, first_response_at=NOW, updated_by=ADVISOR.id, subject="Sujet du centre"
    )
    sent = cache.interactions_by_ids([reply.id])[0]
    cache.record_results(
        [answer(first.id, "applied", None, {"interaction": to_wire(sent), "case": to_wire(theirs)})]
    )
    fresh = cache.case("case-1")
    # the centre's copy, plus the status change still waiting
    assert fresh.subject == "Sujet du centre"
    assert fresh.status is CaseStatus.IN_PROGRESS and fresh.version == 5


def test_duplicate_of_a_refusal_is_a_refusal(desk: Desk) -> None:
    cache = desk.cache
    note = cache.add_note("cust-1", "case-1", "note", ADVISOR)
    [entry] = cache.pending_mutations()
    counts = cache.record_results([answer(entry.id, "duplicate", "unknown_case", None)])
    assert counts["rejected"] == 1
    assert cache.rejected_entries()[0].reason == "unknown_case"
    assert cache.interactions_by_ids([note.id]) == []


def test_duplicate_of_a_conflict_is_a_conflict(desk: Desk) -> None:
    cache = desk.cache
    cache.change_case_status("case-1", "resolved", 1)
    [entry] = cache.pending_mutations()
    theirs = case(1, "cust-1", version=2, status=CaseStatus.IN_PROGRESS, updated_by="u-bob")
    cache.record_results(
        [answer(entry.id, "duplicate", "version_mismatch: expected 1, current 2", {"case": to_wire(theirs)})]
    )
    assert cache.conflict_entries()[0].id == entry.id
    assert cache.case("case-1") == theirs


def test_receipts_for_every_chained_mutation(desk: Desk) -> None:
    cache = desk.cache
    esc = cache.request_escalation(
        ADVISOR, "cust-1", None, "voucher", 9_000, "EUR", "service_failure", "trop"
    )
    [entry] = cache.pending_mutations()
    chain = entry.payload["chain"]
    receipt = {"seq": chain["seq"], "hash": chain["hash"], "received_at": "2026-11-23T10:00:01Z"}
    cache.record_results(
        [answer(entry.id, "applied", None, {"escalation": to_wire(esc), "receipt": receipt})]
    )
    assert cache.decision_receipts() == {1: chain["hash"]}
    # a receipt whose hash differs from what was sent is kept as the centre said it: evidence that
    # verification reports
    desk.feed(decision(1, "cust-1", 500, NOW - timedelta(hours=1)))
    cache.revoke_decision(ADVISOR, "dec-1", "saisie en double")
    [revoke] = cache.pending_mutations()
    bad = {"seq": revoke.payload["chain"]["seq"], "hash": "f" * 64, "received_at": "2026-11-23T10:00:02Z"}
    cache.record_results([answer(revoke.id, "applied", None, {"receipt": bad})])
    assert cache.decision_receipts() == {1: chain["hash"], 2: "f" * 64}
    report = decision_chain.verify(cache.decision_log_entries(), cache.decision_receipts())
    assert (report.problem, report.first_bad_seq) == (decision_chain.Tampering.REBUILT, 2)


def test_revoked_decision_stops_counting(desk: Desk) -> None:
    cache = desk.cache
    desk.feed(decision(1, "cust-1", 5_000, NOW - timedelta(hours=1)))
    assert cache.usage(ADVISOR.id, "cust-1", NOW, ADVISOR.time_zone).user_today_cents == 5_000
    revoked = cache.revoke_decision(LEAD, "dec-1", "geste en double")
    assert revoked.status is DecisionStatus.REVOKED and revoked.rejection_reason == "geste en double"
    assert cache.usage(ADVISOR.id, "cust-1", NOW, ADVISOR.time_zone).user_today_cents == 0


def test_not_reached_with_a_new_time_stays_scheduled(desk: Desk) -> None:
    cache = desk.cache
    desk.feed(
        FollowUp("f-1", "cust-1", NOW - timedelta(hours=1), ADVISOR.id),
        FollowUp("f-2", "cust-1", NOW, ADVISOR.id),
    )
    later = NOW + timedelta(days=1)
    again = cache.record_followup_outcome("f-1", "not_reached", "messagerie", reschedule_at=later)
    assert again.status is FollowUpStatus.SCHEDULED and again.due_at == later
    done = cache.record_followup_outcome("f-2", "satisfied", "ravie", reschedule_at=later)
    assert done.status is FollowUpStatus.DONE
    assert [f.id for f in cache.followups_due(ADVISOR.id, later)] == ["f-1"]


def test_catalogue_line_bound_applies_to_other_gestures(desk: Desk) -> None:
    from cache_builders import ENVELOPE

    from advisor_desk.cache.errors import GrantRefused
    from advisor_desk.domain.authority import LimitKind
    from advisor_desk.domain.model import GestureLimit

    envelope = replace(ENVELOPE, gestures=(*ENVELOPE.gestures, GestureLimit(GestureCode.EXCHANGE, 10_000)))
    desk.feed(
        envelope,
        GestureType(GestureCode.EXCHANGE, "Échange", "Exchange", bounded_by="line"),
        order(1, "cust-1", lines=(OrderLine("line-1", "prod-1", 1, 3_000, 3_000),)),
    )
    try:
        desk.cache.grant_gesture(
            ADVISOR, "cust-1", None, "exchange", 3_001, "EUR", "wrong_item", "erreur", "line-1"
        )
    except GrantRefused as refused:
        assert refused.verdict.refusals[0].limit is LimitKind.LINE_PAID
    else:
        raise AssertionError("a line-bounded gesture above the line was granted")
    assert desk.cache.grant_gesture(
        ADVISOR, "cust-1", None, "exchange", 3_000, "EUR", "wrong_item", "erreur", "line-1"
    )


def test_outbox_status_after_confirmation(desk: Desk) -> None:
    desk.cache.add_note("cust-1", None, "ok", ADVISOR)
    [entry] = desk.cache.pending_mutations()
    desk.cache.record_results([answer(entry.id, "applied")])
    [done] = desk.cache.outbox_entries(OutboxStatus.CONFIRMED)
    assert done.id == entry.id and done.reason is None


def test_refused_revocation_keeps_its_receipt(desk: Desk) -> None:
    cache = desk.cache
    desk.feed(decision(1, "cust-1", 500, NOW - timedelta(hours=1)))
    cache.revoke_decision(ADVISOR, "dec-1", "saisie en double")
    [revoke] = cache.pending_mutations()
    chain = revoke.payload["chain"]
    receipt = {"seq": chain["seq"], "hash": chain["hash"], "received_at": "2026-11-23T10:00:02Z"}
    cache.record_results([answer(revoke.id, "rejected", "not_allowed: too late", {"receipt": receipt})])
    assert cache.decision("dec-1").status is DecisionStatus.GRANTED  # the revocation was undone
    assert cache.decision_receipts() == {chain["seq"]: chain["hash"]}
    assert decision_chain.verify(cache.decision_log_entries(), cache.decision_receipts()).ok
