"""Goodwill gestures re-checked by the centre: envelopes, budgets, caps, the team lead's view."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import httpx
from sqlalchemy import func, select

from advisor_desk.domain.wire import EntityKind
from advisor_desk.server import store
from advisor_desk.server.models import DecisionRow
from server.support import Workstation, mutation, push


def _me(client: httpx.Client) -> dict:
    return client.get("/api/v1/me").json()["authority"]


def test_a_grant_within_the_envelope_is_applied_with_a_receipt(live_server) -> None:
    world = live_server.seed_world()
    client = live_server.client("advisor")
    station = Workstation()
    sent = station.grant("c-north-1", 2_500, case_id="c-north-1-case")
    [result] = station.send(client, sent)
    assert result["status"] == "applied" and result["reason"] is None
    decision = result["data"]["decision"]
    assert decision["status"] == "granted" and decision["user_id"] == world.users["advisor"].id
    assert decision["team"] == "north" and decision["chain_hash"] == sent["payload"]["chain"]["hash"]
    assert result["data"]["receipt"]["hash"] == sent["payload"]["chain"]["hash"]
    assert _me(client)["remaining_today_cents"] == 10_000 - 2_500


def test_a_grant_over_the_envelope_is_rejected_and_kept_for_the_lead(live_server) -> None:
    live_server.seed_world()
    client = live_server.client("advisor")
    station = Workstation()
    [result] = station.send(client, station.grant("c-north-1", 6_000))
    assert result["status"] == "rejected"
    assert result["reason"].startswith("per_decision")
    decision = result["data"]["decision"]
    assert decision["status"] == "rejected" and decision["rejection_reason"] == result["reason"]
    assert _me(client)["remaining_today_cents"] == 10_000, "a rejection spends nothing"
    listed = (
        live_server.client("lead").get("/api/v1/decisions", params={"status": "rejected"}).json()["decisions"]
    )
    assert [d["id"] for d in listed] == [decision["id"]]


def test_gestures_outside_the_role_and_other_currencies_are_refused(live_server) -> None:
    live_server.seed_world()
    client = live_server.client("advisor")
    station = Workstation()
    [replacement] = station.send(client, station.grant("c-north-1", 100, gesture="replacement"))
    assert replacement["status"] == "rejected" and "not in the role" in replacement["reason"]
    pounds = station.grant("c-north-1", 100)
    pounds["payload"]["currency"] = "GBP"
    [gbp] = station.send(client, pounds)
    assert gbp["status"] == "rejected" and "currency" in gbp["reason"]


def test_the_daily_budget_and_the_customer_cap_hold(live_server) -> None:
    live_server.seed_world()
    client = live_server.client("advisor")
    station = Workstation()
    # 8,000 per customer over 30 days: 5,000 + 3,000 pass, one more cent does not.
    results = station.send(
        client,
        station.grant("c-north-1", 5_000),
        station.grant("c-north-1", 3_000),
        station.grant("c-north-1", 1),
    )
    assert [r["status"] for r in results] == ["applied", "applied", "rejected"]
    assert results[2]["reason"].startswith("per_customer_30d")
    # The day's 10,000: 2,000 left, another customer cannot take 2,001.
    over = station.send(client, station.grant("c-north-2", 2_001))[0]
    assert over["status"] == "rejected" and over["reason"].startswith("daily_budget")
    exact = station.send(client, station.grant("c-north-2", 2_000))[0]
    assert exact["status"] == "applied"
    assert _me(client)["remaining_today_cents"] == 0
    # Another advisor's budget is untouched; the customer's cap is shared by everyone.
    advisor2 = live_server.client("advisor2")
    other_station = Workstation()
    assert other_station.send(advisor2, other_station.grant("c-north-1", 1))[0]["status"] == "rejected"
    assert other_station.send(advisor2, other_station.grant("c-north-2", 1_000))[0]["status"] == "applied"


def test_yesterday_in_the_users_time_zone_is_another_budget(live_server) -> None:
    live_server.seed_world()
    client = live_server.client("advisor")
    station = Workstation()
    yesterday = (datetime.now(UTC) - timedelta(days=1)).isoformat()
    [old] = station.send(client, station.grant("c-north-1", 5_000, granted_at=yesterday))
    assert old["status"] == "applied"
    assert _me(client)["remaining_today_cents"] == 10_000
    future = (datetime.now(UTC) + timedelta(hours=2)).isoformat()
    [ahead] = station.send(client, station.grant("c-north-2", 100, granted_at=future))
    assert ahead["status"] == "rejected" and ahead["reason"].startswith("invalid_time")


def test_a_refund_never_exceeds_what_was_paid_for_the_line(live_server) -> None:
    live_server.seed_world()
    client = live_server.client("lead")  # a lead's envelope allows 20,000 per decision
    station = Workstation()
    line = "c-north-1-l1"  # paid 4,000
    first = station.send(client, station.grant("c-north-1", 3_000, gesture="refund", order_line_id=line))[0]
    assert first["status"] == "applied"
    second = station.send(client, station.grant("c-north-1", 1_001, gesture="refund", order_line_id=line))[0]
    assert second["status"] == "rejected" and second["reason"].startswith("line_paid")
    other_line = station.send(
        client, station.grant("c-north-1", 100, gesture="refund", order_line_id="c-south-1-l1")
    )[0]
    assert other_line["status"] == "rejected" and other_line["reason"] == "unknown_order_line"


def test_another_teams_customer_cannot_be_granted(live_server) -> None:
    live_server.seed_world()
    station = Workstation()
    client = live_server.client("advisor")
    sent = station.grant("c-south-1", 100)
    decision_id = sent["payload"]["decision_id"]
    [result] = station.send(client, sent)
    assert result["status"] == "rejected" and result["reason"].startswith("forbidden")
    # Looked up by the decision's own id (the mutation id names the mutation, never a decision), and
    # nothing at all written for that customer.
    assert result["id"] != decision_id
    with live_server.database.read() as session:
        assert store.load(session, EntityKind.DECISION, decision_id) is None
        assert session.scalar(select(func.count()).where(DecisionRow.customer_id == "c-south-1")) == 0
    # The workstation's chain entry is acknowledged all the same, so its log verifies end to end.
    assert result["data"] == {"receipt": result["data"]["receipt"]} and result["data"]["receipt"]["seq"] == 1
    entries = client.get(f"/api/v1/chain/{station.workstation_id}").json()["entries"]
    assert [(e["seq"], e["prev_hash"]) for e in entries] == [(1, "0" * 64)]
    # The same lookup finds a decision the centre did keep: the check above can fail.
    own = station.grant("c-north-1", 100)
    [applied] = station.send(client, own)
    assert applied["status"] == "applied"
    with live_server.database.read() as session:
        kept = store.load(session, EntityKind.DECISION, own["payload"]["decision_id"])
    assert kept is not None and kept.customer_id == "c-north-1"


def test_revocation_and_review(live_server) -> None:
    live_server.seed_world()
    advisor, lead = live_server.client("advisor"), live_server.client("lead")
    station = Workstation()
    grant = station.grant("c-north-1", 4_000)
    decision_id = grant["payload"]["decision_id"]
    station.send(advisor, grant)
    assert _me(advisor)["remaining_today_cents"] == 6_000
    [reviewed] = push(lead, mutation("review.mark", {"decision_id": decision_id, "comment": "Fair"}))
    assert reviewed["data"]["decision"]["review_comment"] == "Fair"
    from advisor_desk.domain.decision_chain import EntryKind

    revoke = mutation(
        "decision.revoke",
        {
            "decision_id": decision_id,
            "reason_text": "Customer found the parcel",
            "chain": station.link(EntryKind.REVOCATION, {"decision_id": decision_id}),
        },
    )
    [revoked] = station.send(advisor, revoke)
    assert revoked["status"] == "applied" and revoked["data"]["decision"]["status"] == "revoked"
    assert _me(advisor)["remaining_today_cents"] == 10_000, "a revoked gesture gives the budget back"
    again = mutation(
        "decision.revoke",
        {**revoke["payload"], "chain": station.link(EntryKind.REVOCATION, {"d": decision_id})},
    )
    [twice] = station.send(advisor, again)
    assert twice["status"] == "rejected" and twice["reason"].startswith("not_revocable")


def test_decision_listing_is_for_leads_of_the_team(live_server) -> None:
    world = live_server.seed_world()
    for username, customer in (("advisor", "c-north-1"), ("advisor2", "c-north-2"), ("other", "c-south-1")):
        station = Workstation()
        assert (
            station.send(live_server.client(username), station.grant(customer, 1_000))[0]["status"]
            == "applied"
        )
    for username in ("advisor", "store", "other"):
        response = live_server.client(username).get("/api/v1/decisions")
        assert response.status_code == 403
        assert response.json()["error"]["code"] == "forbidden"
    lead = live_server.client("lead")
    answer = lead.get("/api/v1/decisions").json()
    listed = answer["decisions"]
    assert {d["team"] for d in listed} == {"north"} and len(listed) == 2
    # with the names of the colleagues who granted them, and nobody else's
    assert answer["people"] == {
        world.users["advisor"].id: world.users["advisor"].display_name,
        world.users["advisor2"].id: world.users["advisor2"].display_name,
    }
    assert answer["customers"] == {"c-north-1": "Hélène Dupont", "c-north-2": "John Smith"}
    mine = lead.get("/api/v1/decisions", params={"user_id": world.users["advisor"].id}).json()["decisions"]
    assert [d["customer_id"] for d in mine] == ["c-north-1"]
    # Asking for another team's member gives nothing of theirs.
    assert (
        lead.get("/api/v1/decisions", params={"user_id": world.users["other"].id}).json()["decisions"] == []
    )
    assert (
        len(
            lead.get("/api/v1/decisions", params={"reviewed": "false", "gesture": "voucher"}).json()[
                "decisions"
            ]
        )
        == 2
    )
    window = {"from": (datetime.now(UTC) + timedelta(hours=1)).isoformat()}
    assert lead.get("/api/v1/decisions", params=window).json()["decisions"] == []
    assert len(live_server.client("admin").get("/api/v1/decisions").json()["decisions"]) == 3
    assert lead.get("/api/v1/decisions", params={"status": "bogus"}).status_code == 422
    # The timeline shows an advisor only their own decisions, a lead the team's.
    assert (
        live_server.client("advisor2").get("/api/v1/customers/c-north-1/timeline").json()["decisions"] == []
    )
    assert len(lead.get("/api/v1/customers/c-north-1/timeline").json()["decisions"]) == 1
