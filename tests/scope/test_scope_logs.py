"""Logs carry ids, never personal data: a full demo session through the real server, sync engine and
cache, logged as verbosely as the product allows (root and every ``advisor_desk`` logger at DEBUG, the
server's access log included; libraries capped by :mod:`advisor_desk.logsafe` as the entry points do),
leaves no demo customer's name, e-mail or phone number in what was logged."""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from advisor_desk import logsafe
from advisor_desk.cache.store import LocalCache
from advisor_desk.domain.channels import Channel
from advisor_desk.server.models import CaseRow, CustomerRow
from advisor_desk.server.seed import run_demo
from advisor_desk.sync.client import ApiClient
from advisor_desk.sync.engine import SyncEngine

#: Loggers that do not propagate to the root (uvicorn's own), captured directly. uvicorn's access log
#: is off in ``advisor-desk-server serve`` (access_log=False: ours, advisor_desk.server.access, has no
#: query strings); the test fixture's server leaves it on, and logsafe caps it like production.
_DETACHED = ("uvicorn", "uvicorn.access", "uvicorn.error")


@pytest.fixture
def everything_logged() -> Iterator[io.StringIO]:
    """Every logger at DEBUG into one buffer; levels and handlers restored afterwards."""
    buffer = io.StringIO()
    handler = logging.StreamHandler(buffer)
    handler.setLevel(logging.DEBUG)
    handler.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))
    names = ["", *logging.root.manager.loggerDict, *_DETACHED, *logsafe.LIBRARY_LOGGERS]
    levels = {name: logging.getLogger(name).level for name in names}
    for name in names:
        if name == "" or name.startswith(("advisor_desk", "uvicorn")):
            logging.getLogger(name).setLevel(logging.DEBUG)
    logsafe.cap_library_loggers()
    logging.getLogger().addHandler(handler)
    for name in _DETACHED:
        logging.getLogger(name).addHandler(handler)
    yield buffer
    logging.getLogger().removeHandler(handler)
    for name in _DETACHED:
        logging.getLogger(name).removeHandler(handler)
    for name, level in levels.items():
        logging.getLogger(name).setLevel(level)


def _personal_data(server) -> tuple[list[str], set[str]]:
    """(every demo customer's names, e-mails and phones; ids of the customers with an open case)."""
    found: list[str] = []
    with server.database.read() as session:
        for data in session.scalars(select(CustomerRow.data)):
            first, last = data["first_name"].strip(), data["last_name"].strip()
            found += [f"{first} {last}", last, *data["emails"], *data["phones"]]
            found += ["".join(ch for ch in p if ch.isdigit()) for p in data["phones"]]
        open_cases = set(
            session.scalars(select(CaseRow.id).where(CaseRow.status.not_in(("resolved", "closed"))))
        )
    return [v for v in found if len(v) >= 4], open_cases


def test_a_full_demo_session_logs_no_customer_personal_data(
    live_server, tmp_path: Path, everything_logged: io.StringIO
) -> None:
    with live_server.database.write() as session:
        run_demo(session)
    personal, _ = _personal_data(live_server)
    assert len(personal) > 400, "the demo seed has about 200 customers"

    cache = LocalCache.open(tmp_path / "desk.sqlite3")
    client = ApiClient(live_server.url, timeout=(5, 30))
    try:
        client.login("advisor", "demo")
        engine = SyncEngine(cache, client, long_poll_wait=0)
        report = engine.sync_once()
        assert report.failure is None and report.pulled > 0
        user = cache.current_user()
        assert user is not None
        with cache._read() as conn:
            rows = conn.exec_driver_sql(
                "SELECT c.id, c.customer_id, k.data FROM cases c JOIN customers k ON k.id = c.customer_id "
                "WHERE c.status NOT IN ('resolved', 'closed') ORDER BY c.id LIMIT 3"
            ).all()
        assert rows, "the demo advisor has open cases in scope"
        case_id, customer_id, _ = rows[0]
        customer = cache.customer(customer_id)
        assert customer is not None
        # Searches, locally and at the centre, by name, e-mail and phone.
        for text in (customer.last_name, customer.first_name, *customer.emails, *customer.phones):
            cache.search_customers(text)
            client.search(text)
        cache.timeline(customer_id)
        engine.fetch_customer(customer_id)
        # A reply and a grant, pushed by the next sync.
        cache.send_reply(case_id, Channel.EMAIL, "Dear customer, done.", user)
        cache.grant_gesture(user, customer_id, case_id, "voucher", 500, "EUR", "late_delivery", "parcel late")
        report = engine.sync_once()
        assert report.failure is None, report.errors
        assert report.applied >= 2
        # A grant seen by the lead's workstation too.
        lead = ApiClient(live_server.url, timeout=(5, 30))
        lead.login("lead", "demo")
        lead.changes("0", limit=1000)
        lead.close()
    finally:
        client.close()
        cache.close()

    logged = everything_logged.getvalue()
    assert "/api/v1/changes" in logged or "sync:" in logged, "the capture saw the session"
    leaks = sorted({v for v in personal if re.search(rf"(?<!\w){re.escape(v)}(?!\w)", logged)})
    assert leaks == [], f"personal data in the logs: {leaks[:10]}"
