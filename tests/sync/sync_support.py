"""Workstations for the sync tests: a real local cache, the real client, the engine, against the live
reference server (``live_server`` from ``tests/conftest.py``), optionally through a misbehaving proxy."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import keyring.backend
import keyring.errors
import pytest
from sync_faults import FaultyProxy

from advisor_desk.cache import replica
from advisor_desk.cache.codec import loads
from advisor_desk.cache.store import LocalCache
from advisor_desk.domain.wire import EntityKind, to_wire
from advisor_desk.sync.client import ApiClient
from advisor_desk.sync.engine import SyncEngine

PASSWORD = "pw"


@dataclass
class Desk:
    """One workstation: its cache file, client and engine."""

    name: str
    username: str
    path: Path
    cache: LocalCache
    client: ApiClient
    engine: SyncEngine

    def reopen(self) -> None:
        """Close the cache and open it again, as after a crash and restart of the desk."""
        self.cache.close()
        self.cache = LocalCache.open(self.path)
        self.engine.cache = self.cache

    @property
    def user(self) -> Any:
        user = self.cache.current_user()
        assert user is not None, "sync once before acting: the cache learns its user from /me"
        return user


def cache_contents(path: Path) -> dict[tuple[str, str], Any]:
    """Every replicated entity in a cache file, as (kind, id) -> wire data (read with plain sqlite3)."""
    found: dict[tuple[str, str], Any] = {}
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        for kind, (table, key, _columns, _build) in replica.TABLES.items():
            for ident, data in conn.execute(f"SELECT {key}, data FROM {table}"):  # noqa: S608
                found[(kind.value, str(ident))] = to_wire(replica.decode(kind, data))
    finally:
        conn.close()
    return found


def server_view(server: Any, username: str) -> dict[tuple[str, str], Any]:
    """Everything the server's feed exposes to ``username`` now, read from scratch with a raw client."""
    token = server.login(username)["access_token"]
    view: dict[tuple[str, str], Any] = {}
    after = "0"
    with httpx.Client(base_url=server.api, headers={"Authorization": f"Bearer {token}"}, timeout=60) as http:
        while True:
            page = http.get("/changes", params={"after": after, "limit": 1000}).json()
            for change in page["changes"]:
                key = (change["entity"], change["id"])
                if change["op"] == "upsert":
                    view[key] = change["data"]
                else:
                    view.pop(key, None)
            after = page["next"]
            if not page["has_more"]:
                return view


def outbox_rows(path: Path) -> list[tuple[str, str, str]]:
    """(id, kind, status) of every outbox entry, in order."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [tuple(r) for r in conn.execute("SELECT id, kind, status FROM outbox ORDER BY seq")]
    finally:
        conn.close()


def decoded(data: str) -> Any:
    return loads(data)


@pytest.fixture
def desks(tmp_path: Path) -> Iterator[Callable[..., Desk]]:
    """Make workstations: ``desks(server_url, username, name="ws1", **engine_options)``."""
    made: list[Desk] = []

    def make(
        url: str, username: str, name: str = "ws1", *, timeout: tuple[float, float] = (2, 10), **options: Any
    ) -> Desk:
        path = tmp_path / f"{name}-{username}.sqlite3"
        cache = LocalCache.open(path)
        client = ApiClient(url, timeout=timeout)
        client.login(username, PASSWORD)
        options.setdefault("long_poll_wait", 0)
        engine = SyncEngine(cache, client, **options)
        desk = Desk(name, username, path, cache, client, engine)
        made.append(desk)
        return desk

    yield make
    for desk in made:
        desk.client.close()
        desk.cache.close()


@pytest.fixture
def proxy_factory() -> Iterator[Callable[[str], FaultyProxy]]:
    made: list[FaultyProxy] = []

    def make(upstream: str) -> FaultyProxy:
        proxy = FaultyProxy(upstream)
        made.append(proxy)
        return proxy

    yield make
    for proxy in made:
        proxy.close()


KINDS = [k.value for k in EntityKind]


def expire_access_tokens(server: Any) -> None:
    """Make every access token on the server expired (as 15 minutes later)."""
    from datetime import UTC, datetime, timedelta

    from sqlalchemy import update

    from advisor_desk.server.models import TokenRow

    with server.database.write() as session:
        session.execute(
            update(TokenRow)
            .where(TokenRow.kind == "access")
            .values(expires_at=datetime.now(UTC) - timedelta(seconds=1))
        )


def revoke_all_tokens(server: Any) -> None:
    """End every session on the server (an administrator revoked them, a password reset...)."""
    from datetime import UTC, datetime

    from sqlalchemy import update

    from advisor_desk.server.models import TokenRow

    with server.database.write() as session:
        session.execute(update(TokenRow).values(revoked_at=datetime.now(UTC)))


def server_count(server: Any, model_name: str, **where: Any) -> int:
    """How many rows of a server table match (``server_count(s, "DecisionRow", customer_id="c1")``)."""
    from sqlalchemy import func, select

    from advisor_desk.server import models

    row_type = getattr(models, model_name)
    query = select(func.count()).select_from(row_type)
    for name, value in where.items():
        query = query.where(getattr(row_type, name) == value)
    with server.database.write() as session:
        return int(session.execute(query).scalar_one())


def grant(desk: Desk, customer_id: str, amount_cents: int = 500, offline: bool = False) -> Any:
    """A voucher for the customer's open case, through the cache's real local-first write."""
    return desk.cache.grant_gesture(
        desk.user,
        customer_id,
        f"{customer_id}-case",
        "voucher",
        amount_cents,
        "EUR",
        "late_delivery",
        "parcel a week late",
        offline=offline,
    )


def add_customers(
    server: Any, count: int, *, prefix: str = "bulk", team: str = "north", interactions: int = 4
) -> None:
    """``count`` more customers of ``team``, each with an order, an open case and some messages."""
    from datetime import UTC, datetime, timedelta

    from advisor_desk.domain import model
    from advisor_desk.domain.channels import Channel

    now = datetime.now(UTC)
    batch: list[object] = []
    for n in range(count):
        cid = f"{prefix}-{n}"
        batch.append(
            model.Customer(
                cid, f"First{n}", f"Last{n}", emails=(f"{cid}@example.com",), team=team, updated_at=now
            )
        )
        batch.append(
            model.Order(
                f"{cid}-o1",
                f"ORD-{prefix}-{n}",
                cid,
                now - timedelta(days=3),
                "EUR",
                3_000,
                lines=(model.OrderLine(f"{cid}-l1", "p1", 1, 3_000, 3_000),),
            )
        )
        batch.append(
            model.Case(
                f"{cid}-case",
                cid,
                model.CaseKind.COMPLAINT,
                model.ComplaintCategory.DAMAGED_ITEM,
                model.CaseStatus.NEW,
                Channel.EMAIL,
                "Broken kettle",
                now - timedelta(hours=2),
                team,
            )
        )
        for i in range(interactions):
            batch.append(
                model.Interaction(
                    f"{cid}-i{i}",
                    cid,
                    Channel.EMAIL,
                    model.Direction.INBOUND,
                    now - timedelta(minutes=90 - i),
                    f"Message {i} about the kettle",
                    case_id=f"{cid}-case",
                    author=f"First{n} Last{n}",
                )
            )
        if len(batch) >= 2_000:
            server.save(*batch)
            batch = []
    if batch:
        server.save(*batch)


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A real keyring backend that keeps secrets in a dict: the seam ``keyring.set_keyring`` offers
    for tests (this machine has no Secret Service)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if (service, username) not in self.secrets:
            raise keyring.errors.PasswordDeleteError("not stored")
        del self.secrets[(service, username)]
