"""Mutations: each kind applied, idempotent forever, refused or conflicted cleanly, all or nothing."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from advisor_desk.domain import model
from advisor_desk.domain.wire import EntityKind
from advisor_desk.server import store
from advisor_desk.server.models import InteractionRow, MutationLogRow
from server.support import Workstation, drain, mutation, now_iso, push

CASE = "c-north-1-case"


def _reply(text: str = "We are sorry for the delay.", **extra: Any) -> dict[str, Any]:
    payload = {
        "interaction_id": str(uuid.uuid4()),
        "case_id": CASE,
        "customer_id": "c-north-1",
        "channel": "email",
        "text": text,
        "sent_at": now_iso(),
        **extra,
    }
    return mutation("reply", payload)


def _case(live_server, case_id: str = CASE) -> model.Case:
    with live_server.database.read() as session:
        return store.load(session, EntityKind.CASE, case_id)


def _interaction_count(live_server) -> int:
    with live_server.database.read() as session:
        return session.scalar(select(func.count()).select_from(InteractionRow))


def test_a_batch_sent_twice_applies_once(live_server) -> None:
    live_server.seed_world()
    client = live_server.client("advisor")
    before = _interaction_count(live_server)
    batch = [
        _reply(),
        mutation(
            "note",
            {
                "interaction_id": str(uuid.uuid4()),
                "customer_id": "c-north-1",
                "text": "Called the carrier",
                "created_at": now_iso(),
            },
        ),
    ]
    first = push(client, *batch)
    assert [r["status"] for r in first] == ["applied", "applied"]
    _, cursor = drain(client)
    second = push(client, *batch)
    assert [r["status"] for r in second] == ["duplicate", "duplicate"]
    assert [r["data"] for r in second] == [r["data"] for r in first]
    # From another worker connection and much later it is the same: remembered for good.
    third = push(live_server.client("advisor"), *batch)
    assert [r["status"] for r in third] == ["duplicate", "duplicate"]
    assert _interaction_count(live_server) == before + 2
    assert drain(client, after=cursor)[0] == [], "a duplicate changes nothing"
    assert _case(live_server).version == 2, "the reply bumped the case once"


def test_the_same_id_with_another_payload_is_refused(live_server) -> None:
    live_server.seed_world()
    client = live_server.client("advisor")
    original = _reply("first text")
    [applied] = push(client, original)
    assert applied["status"] == "applied"
    changed = {**original, "payload": {**original["payload"], "text": "second text"}}
    [reused] = push(client, changed)
    assert reused["status"] == "rejected"
    assert reused["reason"].startswith("id_reused")
    # Another user replaying someone's id learns nothing from it.
    [stolen] = push(live_server.client("advisor2"), original)
    assert stolen["status"] == "rejected" and stolen["data"] is None


def test_a_rejection_is_remembered_like_any_result(live_server) -> None:
    live_server.seed_world()
    client = live_server.client("advisor")
    bad = mutation("case.status", {"case_id": CASE, "status": "closed", "expected_version": 1})
    [first] = push(client, bad)
    assert first["status"] == "rejected" and first["reason"].startswith("invalid_transition")
    [again] = push(client, bad)
    assert again == {**first, "status": "duplicate"}


def test_reply_sets_first_response_and_moves_the_case(live_server) -> None:
    live_server.seed_world()
    client = live_server.client("advisor")
    [result] = push(client, _reply(new_status="waiting_customer"))
    assert result["status"] == "applied"
    case = result["data"]["case"]
    assert case["status"] == "waiting_customer" and case["first_response_at"] is not None
    assert case["version"] == 2 and case["updated_by"] == live_server.login("advisor")["user"]["id"]
    interaction = result["data"]["interaction"]
    assert interaction["direction"] == "outbound" and interaction["author_id"] == case["updated_by"]
    changes, _ = drain(client)
    assert ("interaction", interaction["id"]) in {(c["entity"], c["id"]) for c in changes}


def test_case_status_conflict_returns_the_current_case(live_server) -> None:
    live_server.seed_world()
    advisor, advisor2 = live_server.client("advisor"), live_server.client("advisor2")
    [moved] = push(
        advisor2, mutation("case.status", {"case_id": CASE, "status": "in_progress", "expected_version": 1})
    )
    assert moved["status"] == "applied"
    [late] = push(
        advisor, mutation("case.status", {"case_id": CASE, "status": "resolved", "expected_version": 1})
    )
    assert late["status"] == "conflict"
    current = late["data"]["case"]
    assert current["version"] == 2 and current["status"] == "in_progress"
    assert current["updated_by"] == live_server.login("advisor2")["user"]["id"]
    assert _case(live_server).status is model.CaseStatus.IN_PROGRESS


def test_resolving_with_a_root_cause_then_acknowledging_rules(live_server) -> None:
    live_server.seed_world()
    client = live_server.client("advisor")
    ack = mutation(
        "case.acknowledge",
        {
            "case_id": "c-north-2-case",
            "interaction_id": str(uuid.uuid4()),
            "channel": "email",
            "text": "Received.",
            "at": now_iso(),
        },
    )
    [acknowledged] = push(client, ack)
    assert acknowledged["data"]["case"]["status"] == "acknowledged"
    assert acknowledged["data"]["case"]["acknowledged_at"] is not None
    assert acknowledged["data"]["interaction"]["details"] == {"acknowledgement": True}
    resolve = mutation(
        "case.status",
        {
            "case_id": "c-north-2-case",
            "status": "resolved",
            "expected_version": 2,
            "root_cause": "carrier",
            "product_id": "p1",
        },
    )
    [resolved] = push(client, resolve)
    case = resolved["data"]["case"]
    assert (case["status"], case["root_cause"], case["product_id"]) == ("resolved", "carrier", "p1")
    assert case["resolved_at"] is not None


def test_followup_not_satisfied_reopens_a_resolved_case_or_opens_a_new_one(live_server) -> None:
    live_server.seed_world()
    client = live_server.client("advisor")
    for version, status in ((1, "resolved"),):
        push(
            client, mutation("case.status", {"case_id": CASE, "status": status, "expected_version": version})
        )
    due = (datetime.now(UTC) + timedelta(days=2)).isoformat()
    followup_id = str(uuid.uuid4())
    [created] = push(
        client,
        mutation(
            "followup",
            {
                "followup_id": followup_id,
                "customer_id": "c-north-1",
                "case_id": CASE,
                "due_at": due,
                "note": "Call back",
            },
        ),
    )
    assert created["data"]["followup"]["status"] == "scheduled"
    [outcome] = push(
        client,
        mutation(
            "followup.outcome",
            {
                "followup_id": followup_id,
                "outcome": "not_satisfied",
                "note": "Still unhappy",
                "at": now_iso(),
            },
        ),
    )
    assert outcome["status"] == "applied"
    assert outcome["data"]["case"]["id"] == CASE and outcome["data"]["case"]["status"] == "in_progress"
    assert outcome["data"]["case"]["resolved_at"] is None
    assert outcome["data"]["followup"]["status"] == "done"
    [twice] = push(
        client,
        mutation("followup.outcome", {"followup_id": followup_id, "outcome": "satisfied", "at": now_iso()}),
    )
    assert twice["status"] == "rejected" and twice["reason"].startswith("followup_closed")

    # A closed case stays closed: a new case is opened instead.
    push(client, mutation("case.status", {"case_id": CASE, "status": "resolved", "expected_version": 3}))
    push(client, mutation("case.status", {"case_id": CASE, "status": "closed", "expected_version": 4}))
    second = str(uuid.uuid4())
    push(
        client,
        mutation(
            "followup", {"followup_id": second, "customer_id": "c-north-1", "case_id": CASE, "due_at": due}
        ),
    )
    [reopened] = push(
        client,
        mutation("followup.outcome", {"followup_id": second, "outcome": "not_satisfied", "at": now_iso()}),
    )
    new_case = reopened["data"]["case"]
    assert new_case["id"] != CASE and new_case["status"] == "new" and new_case["customer_id"] == "c-north-1"
    assert _case(live_server).status is model.CaseStatus.CLOSED


def test_not_reached_with_a_new_date_reschedules(live_server) -> None:
    live_server.seed_world()
    client = live_server.client("advisor")
    task = str(uuid.uuid4())
    push(client, mutation("followup", {"followup_id": task, "customer_id": "c-north-1", "due_at": now_iso()}))
    later = (datetime.now(UTC) + timedelta(days=1)).replace(microsecond=0)
    [result] = push(
        client,
        mutation(
            "followup.outcome",
            {
                "followup_id": task,
                "outcome": "not_reached",
                "at": now_iso(),
                "reschedule_at": later.isoformat(),
            },
        ),
    )
    followup = result["data"]["followup"]
    assert followup["status"] == "scheduled" and followup["outcome"] == "not_reached"
    assert followup["due_at"] == later.isoformat().replace("+00:00", "Z")


def test_csat_assign_and_escalation_flow(live_server) -> None:
    world = live_server.seed_world()
    advisor, lead = live_server.client("advisor"), live_server.client("lead")
    rating = mutation(
        "csat",
        {
            "rating_id": str(uuid.uuid4()),
            "case_id": CASE,
            "customer_id": "c-north-1",
            "score": 2,
            "source": "advisor",
            "recorded_at": now_iso(),
        },
    )
    [rated] = push(advisor, rating)
    assert rated["data"]["satisfaction"]["score"] == 2
    [bad_score] = push(
        advisor, mutation("csat", {**rating["payload"], "rating_id": str(uuid.uuid4()), "score": 6})
    )
    assert bad_score["status"] == "rejected" and bad_score["reason"].startswith("invalid_payload")

    me = world.users["advisor"].id
    [taken] = push(
        advisor, mutation("case.assign", {"case_id": CASE, "assignee_id": me, "expected_version": 1})
    )
    assert taken["data"]["case"]["assignee_id"] == me
    [handed] = push(
        advisor,
        mutation(
            "case.assign", {"case_id": CASE, "assignee_id": world.users["advisor2"].id, "expected_version": 2}
        ),
    )
    assert handed["status"] == "rejected", "only a lead hands a case to someone else"
    [outsider] = push(
        lead,
        mutation(
            "case.assign", {"case_id": CASE, "assignee_id": world.users["other"].id, "expected_version": 2}
        ),
    )
    assert outsider["status"] == "rejected" and outsider["reason"].startswith("unknown_assignee")

    station = Workstation()
    escalation_id = str(uuid.uuid4())
    payload = {
        "escalation_id": escalation_id,
        "customer_id": "c-north-1",
        "case_id": CASE,
        "gesture": "refund",
        "amount_cents": 40_000,
        "currency": "EUR",
        "reason_code": "damaged_or_defective",
        "reason_text": "Broken on arrival",
        "requested_at": now_iso(),
    }
    payload["chain"] = station.link(model_entry("escalation"), {"escalation_id": escalation_id})
    [asked] = station.send(advisor, mutation("escalation", payload))
    assert asked["status"] == "applied" and asked["data"]["receipt"]["seq"] == 1
    [refused] = push(
        advisor, mutation("escalation.answer", {"escalation_id": escalation_id, "approved": True})
    )
    assert refused["status"] == "rejected", "an advisor cannot answer escalations"
    [answered] = push(
        lead,
        mutation(
            "escalation.answer",
            {"escalation_id": escalation_id, "approved": False, "comment": "Offer a voucher"},
        ),
    )
    assert answered["data"]["escalation"]["status"] == "declined"
    [other_team] = push(
        live_server.client("other"),
        mutation("escalation.answer", {"escalation_id": escalation_id, "approved": True}),
    )
    assert other_team["status"] == "rejected"


def model_entry(name: str):
    from advisor_desk.domain.decision_chain import EntryKind

    return EntryKind(name)


def test_one_bad_mutation_does_not_stop_the_batch(live_server) -> None:
    live_server.seed_world()
    client = live_server.client("advisor")
    results = push(
        client,
        _reply(),
        mutation("teleport", {"anywhere": True}),
        mutation(
            "note",
            {
                "interaction_id": "x",
                "customer_id": "c-north-1",
                "text": "n",
                "created_at": now_iso(),
                "extra": 1,
            },
        ),
        mutation(
            "note", {"interaction_id": "y", "customer_id": "c-north-1", "text": "n", "created_at": 1700000000}
        ),
        mutation("reply", {**_reply()["payload"], "channel": "carrier-pigeon"}),
        mutation(
            "note", {"interaction_id": "z", "customer_id": "c-south-1", "text": "n", "created_at": now_iso()}
        ),
        mutation(
            "note", {"interaction_id": "w", "customer_id": "nobody", "text": "n", "created_at": now_iso()}
        ),
        {"id": "not-a-uuid", "kind": "note", "payload": {}},
        _reply(),
    )
    assert [r["status"] for r in results] == ["applied"] + ["rejected"] * 7 + ["applied"]
    reasons = [r["reason"].split(":")[0] for r in results[1:8]]
    assert reasons == [
        "unknown_kind",
        "invalid_payload",
        "invalid_payload",
        "invalid_payload",
        "forbidden",
        "unknown_customer",
        "invalid_id",
    ]


def test_a_refused_mutation_writes_nothing(live_server) -> None:
    live_server.seed_world()
    client = live_server.client("advisor")
    interaction_id = str(uuid.uuid4())
    # The reply itself is fine but the status move is not allowed: neither the interaction nor
    # the case change may be written.
    bad = mutation("reply", {**_reply()["payload"], "interaction_id": interaction_id, "new_status": "closed"})
    _, cursor = drain(client)
    [result] = push(client, bad)
    assert result["status"] == "rejected"
    with live_server.database.read() as session:
        assert store.load(session, EntityKind.INTERACTION, interaction_id) is None
        assert session.get(MutationLogRow, bad["id"]).status == "rejected"
    assert _case(live_server).version == 1
    assert drain(client, after=cursor)[0] == []


@pytest.mark.parametrize("kind", ["review.mark", "escalation.answer"])
def test_lead_only_kinds_are_refused_to_advisors(live_server, kind: str) -> None:
    live_server.seed_world()
    payload = {"decision_id": "d"} if kind == "review.mark" else {"escalation_id": "e", "approved": True}
    [result] = push(live_server.client("advisor"), mutation(kind, payload))
    assert result["status"] == "rejected" and result["reason"].startswith("forbidden")


def test_chain_receipts_are_kept_and_listed(live_server) -> None:
    live_server.seed_world()
    client = live_server.client("advisor")
    station = Workstation()
    sent = [station.grant("c-north-1", 500), station.grant("c-north-2", 500)]
    results = station.send(client, *sent)
    assert [r["data"]["receipt"]["seq"] for r in results] == [1, 2]
    entries = client.get(f"/api/v1/chain/{station.workstation_id}").json()["entries"]
    assert [(e["seq"], e["hash"]) for e in entries] == [
        (m["payload"]["chain"]["seq"], m["payload"]["chain"]["hash"]) for m in sent
    ]
    assert live_server.client("other").get(f"/api/v1/chain/{station.workstation_id}").json()["entries"] == []
    # A rebuilt chain (same position, another hash) is refused, not silently accepted.
    forged = Workstation(station.workstation_id)
    [refused] = forged.send(client, forged.grant("c-north-1", 700))
    assert refused["status"] == "rejected" and refused["reason"].startswith("chain_conflict")
