"""Long-polling wakes for a change committed by another process (no in-process bell rings there):
the shared counter look of the waiting server finds it before the wait ends."""

from __future__ import annotations

import subprocess
import sys
import threading
from typing import Any

import httpx

WRITER = """
import sys
from datetime import UTC, datetime
from advisor_desk.domain import model
from advisor_desk.server import store
from advisor_desk.server.db import Database

database = Database(sys.argv[1])
with database.write() as session:
    store.save(session, model.Customer("c-north-1", "Hélène", "Dupont", tier="gold", team="north",
                                       updated_at=datetime.now(UTC)))
database.dispose()
"""


def test_a_change_from_another_process_ends_the_wait(live_server) -> None:
    live_server.seed_world()
    client = live_server.client("advisor")
    cursor = "0"
    while True:
        page = client.get("/api/v1/changes", params={"after": cursor, "limit": 1000}).json()
        cursor = page["next"]
        if not page["has_more"]:
            break
    answer: dict[str, Any] = {}

    def wait() -> None:
        token = client.headers["Authorization"]
        with httpx.Client(base_url=live_server.url, headers={"Authorization": token}, timeout=60) as http:
            answer.update(http.get("/api/v1/changes", params={"after": cursor, "wait": 25}).json())

    waiter = threading.Thread(target=wait)
    waiter.start()
    subprocess.run([sys.executable, "-c", WRITER, live_server.database_url], check=True, timeout=60)
    waiter.join(60)
    assert not waiter.is_alive()
    changed = [(c["entity"], c["id"]) for c in answer["changes"]]
    assert changed == [("customer", "c-north-1")], "answered with the change, not at the end of the wait"
    assert answer["changes"][0]["data"]["tier"] == "gold"
