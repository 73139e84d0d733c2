"""Helpers for the server tests: building mutations, a workstation's decision chain, draining the feed."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import httpx

from advisor_desk.domain.decision_chain import ChainEntry, EntryKind, append


def now_iso() -> str:
    return datetime.now(UTC).isoformat().replace("+00:00", "Z")


def mutation(kind: str, payload: dict[str, Any], mutation_id: str | None = None) -> dict[str, Any]:
    return {"id": mutation_id or str(uuid.uuid4()), "kind": kind, "payload": payload}


def push(client: httpx.Client, *mutations: dict[str, Any], workstation: str = "ws-1") -> list[dict[str, Any]]:
    response = client.post(
        "/api/v1/mutations", json={"workstation_id": workstation, "mutations": list(mutations)}
    )
    assert response.status_code == 200, response.text
    results: list[dict[str, Any]] = response.json()["results"]
    assert [r["id"] for r in results] == [m["id"] for m in mutations]
    return results


@dataclass
class Workstation:
    """A workstation's decision chain, as the desk would keep it."""

    workstation_id: str = field(default_factory=lambda: f"ws-{uuid.uuid4().hex[:8]}")
    head: ChainEntry | None = None

    def link(self, kind: EntryKind, fields: dict[str, Any]) -> dict[str, Any]:
        self.head = append(self.head, kind, fields)
        return {"seq": self.head.seq, "prev_hash": self.head.prev_hash, "hash": self.head.hash}

    def send(self, client: httpx.Client, *mutations: dict[str, Any]) -> list[dict[str, Any]]:
        return push(client, *mutations, workstation=self.workstation_id)

    def grant(
        self,
        customer_id: str,
        amount_cents: int,
        gesture: str = "voucher",
        *,
        case_id: str | None = None,
        order_line_id: str | None = None,
        granted_at: str | None = None,
        decision_id: str | None = None,
    ) -> dict[str, Any]:
        decision_id = decision_id or str(uuid.uuid4())
        payload: dict[str, Any] = {
            "decision_id": decision_id,
            "customer_id": customer_id,
            "case_id": case_id,
            "gesture": gesture,
            "amount_cents": amount_cents,
            "currency": "EUR",
            "reason_code": "late_delivery",
            "reason_text": "Parcel a week late",
            "granted_at": granted_at or now_iso(),
            "offline": False,
        }
        if order_line_id is not None:
            payload["order_line_id"] = order_line_id
        payload["chain"] = self.link(
            EntryKind.GRANT, {"decision_id": decision_id, "amount_cents": amount_cents}
        )
        return mutation("decision.grant", payload)


def drain(client: httpx.Client, after: str = "0", limit: int = 500) -> tuple[list[dict[str, Any]], str]:
    """Every page of the feed from ``after``; returns the changes and the final cursor."""
    changes: list[dict[str, Any]] = []
    while True:
        response = client.get("/api/v1/changes", params={"after": after, "limit": limit})
        assert response.status_code == 200, response.text
        page = response.json()
        changes += page["changes"]
        cursors = [int(c["cursor"]) for c in page["changes"]]
        assert cursors == sorted(cursors) and all(c > int(after) for c in cursors)
        assert int(page["next"]) >= int(after)
        after = page["next"]
        if not page["has_more"]:
            return changes, after


def latest(changes: list[dict[str, Any]]) -> dict[tuple[str, str], dict[str, Any]]:
    """The state a workstation ends with after applying ``changes`` in order."""
    state: dict[tuple[str, str], dict[str, Any]] = {}
    for change in changes:
        state[(change["entity"], change["id"])] = change
    return state
