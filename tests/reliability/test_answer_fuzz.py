"""Hypothesis fuzzing of what the desk does with the server's answers.

The client's answer checks (``advisor_desk.sync.client.check_*``) get arbitrary JSON and mangled
versions of real answers: they return a checked value or raise ``BadAnswer``, nothing else. The
local cache's ``apply_page`` gets garbage and wrong-shape changes mixed into valid ones: it applies
the page or raises ``CacheError``; on refusal every table is exactly as before (cursor included), and
``PRAGMA integrity_check`` stays ``ok`` either way.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from advisor_desk.cache.errors import CacheError
from advisor_desk.cache.store import LocalCache
from advisor_desk.domain import model
from advisor_desk.domain.channels import Channel
from advisor_desk.domain.wire import to_wire
from advisor_desk.sync import client
from advisor_desk.sync.client import BadAnswer

NOW = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=12), children, max_size=6)
    ),
    max_leaves=25,
)


def _valid_changes() -> list[dict[str, Any]]:
    customer = model.Customer(
        "fz-c1",
        "Zoé",
        "Martin",
        emails=("zoe@example.com",),
        phones=("06 11 22 33 44",),
        team="north",
        updated_at=NOW,
    )
    product = model.Product("fz-p1", "SKU-FZ", "Kettle")
    case = model.Case(
        "fz-case",
        "fz-c1",
        model.CaseKind.COMPLAINT,
        model.ComplaintCategory.LATE_DELIVERY,
        model.CaseStatus.NEW,
        Channel.EMAIL,
        "Late",
        NOW - timedelta(hours=2),
        "north",
    )
    interaction = model.Interaction(
        "fz-i1", "fz-c1", Channel.EMAIL, model.Direction.INBOUND, NOW, "Where is it?", case_id="fz-case"
    )
    changes = []
    for n, (kind, entity) in enumerate(
        (("customer", customer), ("product", product), ("case", case), ("interaction", interaction))
    ):
        changes.append(
            {"cursor": str(n + 1), "entity": kind, "op": "upsert", "id": entity.id, "data": to_wire(entity)}
        )
    return changes


VALID = _valid_changes()


def _mangle(value: Any, data: st.DataObject) -> Any:
    """A copy of ``value`` with one spot replaced, removed or retyped."""
    if isinstance(value, dict) and value and data.draw(st.booleans()):
        key = data.draw(st.sampled_from(sorted(value)))
        copy = dict(value)
        action = data.draw(st.sampled_from(["drop", "replace", "deeper"]))
        if action == "drop":
            del copy[key]
        elif action == "replace":
            copy[key] = data.draw(json_values)
        else:
            copy[key] = _mangle(copy[key], data)
        return copy
    if isinstance(value, list) and value and data.draw(st.booleans()):
        index = data.draw(st.integers(0, len(value) - 1))
        copy = list(value)
        copy[index] = _mangle(copy[index], data)
        return copy
    return data.draw(json_values)


def _expect_checked_or_bad_answer(check: Any, *args: Any) -> None:
    try:
        check(*args)
    except BadAnswer as exc:
        assert exc.user_message  # a sentence for the user, whatever the garbage
    # any other exception type fails the test with its traceback


def test_a_list_as_entity_kind_is_a_bad_answer() -> None:
    page = {"changes": [dict(VALID[0], entity=[])], "next": "1", "has_more": False}
    with pytest.raises(BadAnswer):
        client.check_changes(page)


def test_an_object_as_mutation_status_is_a_bad_answer() -> None:
    answer = {"results": [{"id": "m1", "status": {}, "reason": None, "data": None}]}
    with pytest.raises(BadAnswer):
        client.check_results(answer, ["m1"])


PAGE = {"changes": VALID, "next": "4", "has_more": False}
SESSION = {
    "access_token": "a" * 43,
    "refresh_token": "r" * 43,
    "token_type": "bearer",
    "expires_in": 900,
    "user": {"id": "u1", "username": "advisor", "display_name": "A", "role": "advisor", "team": "north"},
}
ME = {
    "user": SESSION["user"],
    "authority": {
        "currency": "EUR",
        "daily_budget_cents": 10000,
        "remaining_today_cents": 10000,
        "per_customer_30d_cents": 8000,
        "gestures": [{"code": "voucher", "max_per_decision_cents": 3000}],
    },
}
RESULTS = {
    "results": [{"id": "m1", "status": "applied", "reason": None, "data": {"interaction": VALID[3]["data"]}}]
}
TIMELINE = {
    "customer": VALID[0]["data"],
    "orders": [],
    "products": [VALID[1]["data"]],
    "cases": [VALID[2]["data"]],
    "interactions": [VALID[3]["data"]],
    "followups": [],
    "satisfaction": [],
    "decisions": [],
}


def test_the_untouched_answers_pass_their_checks() -> None:
    """The fuzzing below starts from answers the checks accept (else it would prove little)."""
    assert len(client.check_changes(PAGE).changes) == 4
    client.check_session(SESSION)
    client.check_me(ME)
    assert client.check_results(RESULTS, ["m1"])[0].status.value == "applied"
    client.check_timeline(TIMELINE)


@settings(max_examples=300, deadline=None)
@given(body=json_values)
def test_any_json_answer_is_checked_or_refused_as_a_bad_answer(body: Any) -> None:
    for check in (client.check_changes, client.check_session, client.check_me, client.check_timeline):
        _expect_checked_or_bad_answer(check, body)
    _expect_checked_or_bad_answer(client.check_results, body, ["m1"])


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_mangled_real_answers_are_checked_or_refused_as_a_bad_answer(data: st.DataObject) -> None:
    for check, answer in (
        (client.check_changes, PAGE),
        (client.check_session, SESSION),
        (client.check_me, ME),
        (client.check_timeline, TIMELINE),
    ):
        _expect_checked_or_bad_answer(check, _mangle(answer, data))
    _expect_checked_or_bad_answer(client.check_results, _mangle(RESULTS, data), ["m1"])


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LocalCache, Path]]:
    path = tmp_path_factory.mktemp("fuzzcache") / "cache.sqlite3"
    opened = LocalCache.open(path)
    opened.apply_page(VALID, "4")
    yield opened, path
    opened.close()


def _dump(path: Path) -> list[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_garbage_changes_leave_the_cache_intact_or_applied_whole(
    cache: tuple[LocalCache, Path], data: Any
) -> None:
    local, path = cache
    bad = data.draw(st.sampled_from(["mangled", "random_item", "random_page", "bad_next"]))
    changes: Any = [dict(c, data=dict(c["data"])) for c in VALID]
    next_cursor: Any = str(uuid.uuid4().int % 10**9)
    if bad == "mangled":
        index = data.draw(st.integers(0, len(changes) - 1))
        changes[index] = _mangle(changes[index], data)
    elif bad == "random_item":
        changes.insert(data.draw(st.integers(0, len(changes))), data.draw(json_values))
    elif bad == "random_page":
        changes = data.draw(json_values)
    else:
        next_cursor = data.draw(json_values)
    before, cursor = _dump(path), local.cursor()
    try:
        local.apply_page(changes, next_cursor)
    except CacheError as exc:
        assert str(exc)
        assert _dump(path) == before, "a refused page changed the cache"
        assert local.cursor() == cursor
    else:
        assert local.cursor() == next_cursor
    assert local.integrity_check() == "ok"
