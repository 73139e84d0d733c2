"""Finding a customer however their details were typed, and reading a timeline, within one's team."""

from __future__ import annotations

import httpx
import pytest


def _found(client: httpx.Client, q: str) -> list[str]:
    response = client.get("/api/v1/customers/search", params={"q": q})
    assert response.status_code == 200, response.text
    return [c["id"] for c in response.json()["customers"]]


@pytest.mark.parametrize(
    "query",
    [
        "helene",  # accents and case do not matter
        "HÉLÈNE DUP",
        "dupont hel",
        "Hélène.Dupont@EXAMPLE.com",
        "06 12 34 56 78",
        "06.12.34.56.78",
        "+33 6 12 34 56 78",
        "0033612345678",
        "0612",
        "@dupont",
        "lc-c-north-1",
        "ORD-NORTH-1",
    ],
)
def test_search_finds_by_every_identifier(live_server, query: str) -> None:
    live_server.seed_world()
    assert _found(live_server.client("advisor"), query) == ["c-north-1"]


def test_search_stays_within_the_team(live_server) -> None:
    live_server.seed_world()
    advisor, other = live_server.client("advisor"), live_server.client("other")
    assert _found(advisor, "curie") == []
    assert _found(other, "curie") == ["c-south-1"]
    assert _found(other, "dupont") == []
    assert set(_found(live_server.client("admin"), "example.com")) == set()  # e-mails match from the start
    assert set(_found(live_server.client("admin"), "o")) == set(), "one character finds nothing"
    assert _found(advisor, "100%_\\") == []


def test_search_validates_its_parameters(live_server) -> None:
    live_server.seed_world()
    client = live_server.client("advisor")
    assert client.get("/api/v1/customers/search").status_code == 422
    assert client.get("/api/v1/customers/search", params={"q": "x", "limit": 0}).status_code == 422
    assert client.get("/api/v1/customers/search", params={"q": "x" * 201}).status_code == 422


def test_timeline_holds_everything_about_the_customer(live_server) -> None:
    live_server.seed_world()
    timeline = live_server.client("advisor").get("/api/v1/customers/c-north-2/timeline").json()
    assert timeline["customer"]["id"] == "c-north-2"
    assert [o["id"] for o in timeline["orders"]] == ["c-north-2-o1"]
    assert [p["id"] for p in timeline["products"]] == ["p1"]
    assert [c["id"] for c in timeline["cases"]] == ["c-north-2-case"]
    assert [i["id"] for i in timeline["interactions"]] == ["c-north-2-i0", "c-north-2-i1"]
    assert timeline["followups"] == timeline["satisfaction"] == timeline["decisions"] == []
    assert live_server.client("other").get("/api/v1/customers/c-north-2/timeline").status_code == 404


def test_logs_carry_ids_never_what_was_searched_or_written(live_server, caplog) -> None:
    import logging
    import uuid

    from server.support import mutation, now_iso, push

    live_server.seed_world()
    client = live_server.client("advisor")
    with caplog.at_level(logging.INFO, logger="advisor_desk"):
        assert _found(client, "Dupont") == ["c-north-1"]
        _found(client, "06 12 34 56 78")
        note = mutation(
            "note",
            {
                "interaction_id": str(uuid.uuid4()),
                "customer_id": "c-north-1",
                "text": "Secret-Remark",
                "created_at": now_iso(),
            },
        )
        push(client, note)
    text = caplog.text
    assert "GET /api/v1/customers/search 200" in text and note["id"] in text
    for private in ("Dupont", "12 34", "12%2034", "Secret-Remark", "Hélène"):
        assert private not in text
