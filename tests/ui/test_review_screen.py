"""The Decisions view in pytest-qt: as the demo team lead against the real reference server (decisions
of the centre, flags, charts, a review mark synced by the real engine), and over a real local cache for
filters, totals, the CSV export, the integrity banner after an edit made with sqlite3, and the
read-only view of anyone else."""

from __future__ import annotations

import csv
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from conftest import settle
from desk_world import ADVISOR, LEAD, NOW, TEAM, World
from PySide6.QtCore import Qt

from advisor_desk.cache.store import LocalCache
from advisor_desk.domain.channels import Channel
from advisor_desk.domain.model import (
    Decision,
    DecisionStatus,
    Direction,
    GestureCode,
    Interaction,
    ReasonCode,
)
from advisor_desk.domain.review import CSV_COLUMNS, Reviewed
from advisor_desk.domain.wire import to_wire
from advisor_desk.sync.client import ApiClient
from advisor_desk.sync.engine import SyncEngine
from advisor_desk.ui.review.model import COL_AMOUNT, COL_CUSTOMER, COL_FLAGS, COL_REVIEWED, DECISION_ROLE

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("does not support propagateSizeHints", "does not support raise"),
]


def open_view(qtbot: Any, ctx: Any) -> Any:
    from advisor_desk.ui.review import create_view

    view = create_view(ctx)
    qtbot.addWidget(view)
    view.resize(1400, 900)
    view.show()
    settle(qtbot, ctx)
    return view


def rows(view: Any) -> list[Decision]:
    return view.visible_decisions()


def check_models(qtmodeltester: Any, view: Any) -> None:
    """qtmodeltester over models holding the view's data, owned by the test (the tester disconnects
    from the last one after the test, when the view and its own models are already gone)."""
    from advisor_desk.ui.review.model import DecisionFilterProxy, DecisionTableModel, LogEntryModel

    log = LogEntryModel()
    log.set_rows(view.log_model._rows, 1)
    qtmodeltester.check(log, force_py=True)
    model = DecisionTableModel(view.ctx.icons)
    model.set_decisions(view.model.decisions(), view.model.all_flags(), view.model.advisor_names(), {})
    qtmodeltester.check(model, force_py=True)
    proxy = DecisionFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_decision_filter(view.current_filter())
    proxy.sort(0)
    qtmodeltester.check(proxy, force_py=True)
    check_models.keep = (log, model, proxy)  # type: ignore[attr-defined]


# -- the demo team lead against the real server --------------------------------------------------------


@dataclass
class DemoLead:
    server: Any
    cache: LocalCache
    client: ApiClient
    engine: SyncEngine
    ctx: Any


@pytest.fixture
def demo_lead(live_server: Any, make_ctx: Callable[..., Any], tmp_path: Path) -> Iterator[DemoLead]:
    from advisor_desk.server.seed import run_demo
    from advisor_desk.server.seed.reference import DEMO_PASSWORD

    with live_server.database.write() as session:
        run_demo(session, now=NOW - timedelta(minutes=30))
    cache = LocalCache.open(tmp_path / "lead.cache.sqlite3", server_url=live_server.url, username="lead")
    client = ApiClient(live_server.url)
    client.login("lead", DEMO_PASSWORD)
    engine = SyncEngine(cache, client)
    report = engine.sync_once()
    assert report.failure is None, report.errors
    user = cache.current_user()
    assert user is not None and user.role.value == "team_lead"
    ctx = make_ctx(cache, user=user, client=client, engine=engine)
    yield DemoLead(live_server, cache, client, engine, ctx)
    client.close()
    cache.close()


def test_the_demo_team_lead_sees_every_decision_of_the_team(
    qtbot: Any, qtmodeltester: Any, demo_lead: DemoLead
) -> None:
    view = open_view(qtbot, demo_lead.ctx)
    shown = rows(view)
    assert len(shown) > 20
    team = demo_lead.ctx.user.team
    assert {d.team for d in shown} == {team}
    # the same set the centre lists for the period
    start, end = view.period()
    central = demo_lead.client.decisions(**{"from": start.isoformat(), "to": end.isoformat()})
    assert {d.id for d in shown} == {c["id"] for c in central}
    assert "could not be asked" not in view.source_note.text()
    # reasons, advisors by name (not ids), flags with sentences
    advisors = {view.model.advisor_name(d.user_id) for d in shown}
    assert "Camille Moreau" in advisors
    # every one of them, even a colleague who never wrote in a timeline this desk holds (the
    # store seller who grants at the counter): the centre sends the names with the decisions
    assert all(d.user_id in view.model.advisor_names() for d in shown), advisors
    listing = demo_lead.client.decision_listing(**{"from": start.isoformat(), "to": end.isoformat()})
    assert {d["user_id"] for d in listing.decisions} <= set(listing.people)
    # and every customer by name too, even one outside this desk's scope
    for r in range(view.proxy.rowCount()):
        decision = view.proxy.data(view.proxy.index(r, 0), DECISION_ROLE)
        shown_name = view.proxy.data(view.proxy.index(r, COL_CUSTOMER), Qt.ItemDataRole.DisplayRole)
        assert shown_name and shown_name != decision.customer_id[:8], decision.customer_id
    assert any(
        c not in {x.id for x in demo_lead.cache.customers(list(listing.customers))} for c in listing.customers
    )
    flagged = [d for d in shown if view.model.flags_of(d.id)]
    assert flagged, "a demo month has flags worth a look"
    row = next(
        r
        for r in range(view.proxy.rowCount())
        if view.proxy.data(view.proxy.index(r, 0), DECISION_ROLE) in flagged
    )
    tooltip = view.proxy.data(view.proxy.index(row, COL_FLAGS), Qt.ItemDataRole.ToolTipRole)
    assert tooltip and ":" in tooltip
    # totals and charts follow the table
    assert f"{len(shown)} decisions shown" in view.totals_label.text()
    assert view.charts.per_day.chart().series() and view.charts.per_advisor.chart().series()
    assert view.charts.currency == "EUR"
    # the lead's own log is empty here: nothing to verify, and the centre was asked
    qtbot.waitUntil(lambda: view.banner.report is not None, timeout=10_000)
    assert view.banner.report.centre_compared and view.banner.report.ok
    check_models(qtmodeltester, view)


def test_the_demo_team_lead_marks_decisions_reviewed_and_the_centre_keeps_it(
    qtbot: Any, demo_lead: DemoLead
) -> None:
    view = open_view(qtbot, demo_lead.ctx)
    view.reviewed_filter.setCurrentIndex(view.reviewed_filter.findData(Reviewed.NO))
    todo = rows(view)
    assert todo and all(d.reviewed_at is None for d in todo)
    first, second = todo[0], todo[1]
    assert view.select_decision(first.id) and view.select_decision(second.id)
    assert view.mark_button.isEnabled() and "(2)" in view.mark_button.text()
    view.comment.setText("Vu en réunion d'équipe")
    with qtbot.waitSignal(view.marked, timeout=10_000):
        qtbot.keyClick(view.comment, Qt.Key.Key_Return)  # Enter in the comment marks the selection
    # the not-reviewed filter now hides them; the cache queued the marks
    assert first.id not in {d.id for d in rows(view)}
    marked = demo_lead.cache.decision(first.id)
    assert marked is not None and marked.reviewed_by == demo_lead.ctx.user.id
    assert marked.review_comment == "Vu en réunion d'équipe"
    report = demo_lead.engine.sync_once()
    assert report.failure is None and report.applied >= 2
    central = {d["id"]: d for d in demo_lead.client.decisions(reviewed="true")}
    assert central[first.id]["review_comment"] == "Vu en réunion d'équipe"
    assert central[second.id]["reviewed_by"] == demo_lead.ctx.user.id


def test_the_centre_unreachable_shows_the_local_copy_and_says_so(qtbot: Any, demo_lead: DemoLead) -> None:
    demo_lead.server.stop()
    view = open_view(qtbot, demo_lead.ctx)
    qtbot.waitUntil(lambda: view.banner.report is not None, timeout=20_000)
    assert "could not be asked" in view.source_note.text()
    assert len(rows(view)) > 20  # the team's decisions synced earlier are all here
    assert not view.banner.report.centre_compared
    assert "could not be asked" in view.banner.toolTip()  # the log is empty: nothing to compare


# -- a real local cache, no server -------------------------------------------------------------------------


def _decision(n: int, user_id: str, customer: str, cents: int, days_ago: float, **kw: Any) -> Decision:
    values: dict[str, Any] = {
        "id": f"dec-r{n}",
        "user_id": user_id,
        "team": TEAM,
        "customer_id": customer,
        "gesture": GestureCode.VOUCHER,
        "amount_cents": cents,
        "currency": "EUR",
        "reason_code": ReasonCode.LATE_DELIVERY,
        "reason_text": f"raison {n}",
        "granted_at": NOW - timedelta(days=days_ago),
        "status": DecisionStatus.GRANTED,
        "updated_at": NOW - timedelta(days=days_ago),
    }
    values.update(kw)
    return Decision(**values)


@pytest.fixture
def lead_world(world: World) -> World:
    """The desk world seen by its team lead: decisions of three advisors, one of them local and unsynced."""
    world.feed(
        _decision(1, "u-alice", "cust-01", 2_900, 1),  # 29.00 of 30.00: near the limit
        _decision(2, "u-alice", "cust-01", 1_000, 2),  # same customer within 30 days
        _decision(
            3, "u-bob", "cust-02", 500, 3, gesture=GestureCode.REFUND, reason_code=ReasonCode.WRONG_ITEM
        ),
        _decision(
            4, "u-carl", "cust-03", 700, 4, status=DecisionStatus.REJECTED, rejection_reason="over_budget"
        ),
        _decision(
            5,
            "u-bob",
            "cust-04",
            1_200,
            5,
            offline=True,
            reviewed_by="u-lea",
            reviewed_at=NOW - timedelta(days=1),
        ),
        _decision(6, "u-carl", "cust-02", 800, 45),  # outside the last 30 days
    )
    # advisors sign what they send: that is where the desk learns their names
    for n, (who, name) in enumerate((("u-alice", "Alice Martin"), ("u-bob", "Bob Durand"))):
        world.feed(
            Interaction(
                f"i-sig-{n}",
                "cust-01",
                Channel.EMAIL,
                Direction.OUTBOUND,
                NOW - timedelta(days=2),
                "Bonjour",
                author=name,
                author_id=who,
            )
        )
    world.cache.grant_gesture(
        ADVISOR, "cust-03", None, "voucher", 1_500, "EUR", "other", "=cmd|' /C calc'!A0"
    )
    return world


def test_local_decisions_filters_totals_and_flags(
    qtbot: Any, qtmodeltester: Any, make_ctx: Callable[..., Any], lead_world: World
) -> None:
    ctx = make_ctx(lead_world.cache, user=LEAD)
    view = open_view(qtbot, ctx)
    ids = {d.id for d in rows(view)}
    assert "dec-r6" not in ids and {"dec-r1", "dec-r2", "dec-r3", "dec-r4", "dec-r5"} <= ids
    assert len(ids) == 6  # and the unsynced local grant
    pending = [d for d in rows(view) if d.status is DecisionStatus.PENDING]
    assert len(pending) == 1 and "could not be asked" in view.source_note.text()  # no client here
    codes = {d.id: [f.code.value for f in view.model.flags_of(d.id)] for d in rows(view)}
    # alice spent 54.00 in the period, the team's median is bob's 17.00: far above the usual level
    assert codes["dec-r1"] == ["repeat_customer", "near_limit", "high_spender"]
    assert codes["dec-r4"] == ["rejected_by_server"]
    assert codes["dec-r5"] == ["offline"]
    # spend leaves the rejected one out: 29 + 10 + 5 + 12 + 15 = 71.00
    assert "6 decisions shown" in view.totals_label.text() and "71" in view.totals_label.text()

    view.gesture_filter.setCurrentIndex(view.gesture_filter.findData(GestureCode.REFUND))
    assert [d.id for d in rows(view)] == ["dec-r3"]
    view.gesture_filter.setCurrentIndex(0)
    view.status_filter.setCurrentIndex(view.status_filter.findData(DecisionStatus.REJECTED))
    assert [d.id for d in rows(view)] == ["dec-r4"]
    assert "spent" in view.totals_label.text() and "1 decisions shown" in view.totals_label.text()
    view.status_filter.setCurrentIndex(0)
    view.reviewed_filter.setCurrentIndex(view.reviewed_filter.findData(Reviewed.YES))
    assert [d.id for d in rows(view)] == ["dec-r5"]
    view.reviewed_filter.setCurrentIndex(0)
    assert view.advisor_filter.itemText(view.advisor_filter.findData("u-bob")) == "Bob Durand"
    view.advisor_filter.setCurrentIndex(view.advisor_filter.findData("u-bob"))
    assert {d.id for d in rows(view)} == {"dec-r3", "dec-r5"}
    view.advisor_filter.setCurrentIndex(0)
    view.reason_filter.setCurrentIndex(view.reason_filter.findData(ReasonCode.WRONG_ITEM))
    assert [d.id for d in rows(view)] == ["dec-r3"]
    view.reason_filter.setCurrentIndex(0)
    # amounts typed in the user's way, inclusive bounds; a bad one is explained and ignored
    view.min_amount.setText("10")
    view.max_amount.setText("15.00")
    assert {d.id for d in rows(view)} == {"dec-r2", "dec-r5"} | {p.id for p in pending}
    view.max_amount.setText("abc")
    assert view.max_amount.property("invalid") is True and "amount" in view.max_amount.toolTip().lower()
    assert {d.id for d in rows(view)} == {"dec-r1", "dec-r2", "dec-r5"} | {p.id for p in pending}
    view.min_amount.clear()
    view.max_amount.clear()
    assert len(rows(view)) == 6
    # a narrower period reloads
    view.set_period(date(2026, 11, 21), date(2026, 11, 23))
    settle(qtbot, ctx)
    assert {d.id for d in rows(view)} == {"dec-r1", "dec-r2"} | {p.id for p in pending}
    check_models(qtmodeltester, view)


def test_sorting_is_on_values_not_on_text(
    qtbot: Any, make_ctx: Callable[..., Any], lead_world: World
) -> None:
    view = open_view(qtbot, make_ctx(lead_world.cache, user=LEAD))
    view.table.sortByColumn(COL_AMOUNT, Qt.SortOrder.AscendingOrder)
    amounts = [d.amount_cents for d in rows(view)]
    assert amounts == sorted(amounts)
    view.table.sortByColumn(COL_FLAGS, Qt.SortOrder.DescendingOrder)
    assert view.model.flags_of(rows(view)[0].id)


def test_mark_reviewed_on_a_local_cache_queues_the_mark(
    qtbot: Any, make_ctx: Callable[..., Any], lead_world: World
) -> None:
    ctx = make_ctx(lead_world.cache, user=LEAD)
    view = open_view(qtbot, ctx)
    assert not view.mark_button.isEnabled()  # nothing selected
    view.select_decision("dec-r3")
    with qtbot.waitSignal(view.marked, timeout=5000):
        view.mark_button.click()
    row = next(
        r
        for r in range(view.proxy.rowCount())
        if view.proxy.data(view.proxy.index(r, 0), DECISION_ROLE).id == "dec-r3"
    )
    assert view.proxy.data(view.proxy.index(row, COL_REVIEWED))  # the review time shows
    kinds = [e.kind for e in lead_world.cache.pending_mutations()]
    assert "review.mark" in kinds
    assert "marked reviewed" in view.action_note.text()


def test_the_csv_export_writes_what_is_shown(
    qtbot: Any, make_ctx: Callable[..., Any], lead_world: World, tmp_path: Path
) -> None:
    view = open_view(qtbot, make_ctx(lead_world.cache, user=LEAD))
    view.advisor_filter.setCurrentIndex(view.advisor_filter.findData("u-alice"))
    out = tmp_path / "export.csv"
    with qtbot.waitSignal(view.exported, timeout=5000):
        view.export_to(out)
    with out.open(encoding="utf-8-sig", newline="") as handle:
        table = list(csv.reader(handle))
    assert tuple(table[0]) == CSV_COLUMNS
    body = [dict(zip(table[0], r, strict=True)) for r in table[1:]]
    assert {r["decision_id"] for r in body} == {d.id for d in rows(view)}
    assert all(r["advisor_id"] == "u-alice" for r in body)
    local = next(r for r in body if r["status"] == "pending")
    assert local["reason_text"].startswith("'=")  # never a formula in the spreadsheet
    assert local["advisor_name"] == "Alice Martin"
    near = next(r for r in body if r["decision_id"] == "dec-r1")
    assert near["flags"] == "repeat_customer;near_limit;high_spender" and near["amount"] == "29.00"
    # a folder that does not exist: the view says so, nothing crashes
    view.export_to(tmp_path / "missing" / "x.csv")
    settle(qtbot, view.ctx)
    assert "could not be written" in view.action_note.text()


def test_the_banner_names_an_entry_edited_with_sqlite3(
    qtbot: Any, make_ctx: Callable[..., Any], lead_world: World
) -> None:
    cache = lead_world.cache
    cache.grant_gesture(ADVISOR, "cust-01", None, "voucher", 900, "EUR", "late_delivery", "deuxième")
    ctx = make_ctx(cache, user=LEAD)
    view = open_view(qtbot, ctx)
    qtbot.waitUntil(lambda: view.banner.report is not None, timeout=5000)
    assert view.banner.report.ok and "Log verified up to entry 2." in view.banner.text.text()
    assert view.log_model.rowCount() == 2
    # the team lead edits the workstation's file with sqlite3 while the desk is open
    decision_id = view.log_model._rows[1].fields["decision_id"]
    conn = sqlite3.connect(cache.path)
    conn.execute(
        "UPDATE decisions SET data = json_set(data, '$.amount_cents', 90000), amount_cents = 90000 WHERE id = ?",
        (decision_id,),
    )
    conn.commit()
    conn.close()
    with qtbot.waitSignal(view.verified, timeout=5000):
        view.banner.again.click()
    assert not view.banner.report.ok
    assert "Entry 2 of the log was altered." in view.banner.text.text()
    assert decision_id in view.banner.toolTip()
    assert view.log_model.data(view.log_model.index(1, 0), Qt.ItemDataRole.FontRole).bold()
    assert view.log_model.data(view.log_model.index(0, 0), Qt.ItemDataRole.FontRole) is None


def test_anyone_else_sees_this_workstations_log_read_only(
    qtbot: Any, make_ctx: Callable[..., Any], lead_world: World
) -> None:
    view = open_view(qtbot, make_ctx(lead_world.cache, user=ADVISOR))
    assert view.read_only and view.tabs.count() == 1
    assert view.tabs.widget(0) is view.log_page
    qtbot.waitUntil(lambda: view.log_model.rowCount() == 1, timeout=5000)
    view.mark_selected_reviewed()  # nothing happens, nothing breaks
    assert lead_world.cache.pending_mutations()[0].kind == "decision.grant"


def test_ctrl_d_opens_the_view_for_a_team_lead(
    qtbot: Any, make_ctx: Callable[..., Any], lead_world: World
) -> None:
    from advisor_desk.ui.main_window import MainWindow
    from advisor_desk.ui.review.view import ReviewView

    ctx = make_ctx(lead_world.cache, user=LEAD)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    settle(qtbot, ctx)
    window.decisions_action.trigger()
    settle(qtbot, ctx)
    found = window.team_view.findChildren(ReviewView)
    assert len(found) == 1 and len(rows(found[0])) == 6
    window.team_view.close()
    settle(qtbot, ctx)


def test_a_decision_only_the_centre_lists_can_still_be_marked(
    qtbot: Any, make_ctx: Callable[..., Any], lead_world: World
) -> None:
    """The centre's list can hold a decision the feed has not brought yet: marking it keeps it here."""
    from advisor_desk.ui.review.view import merge

    extra = _decision(9, "u-dan", "cust-02", 300, 1)
    merged, only_local = merge(lead_world.cache.decisions(), [extra])
    assert extra in merged and only_local == len(lead_world.cache.decisions())
    ctx = make_ctx(lead_world.cache, user=LEAD)
    view = open_view(qtbot, ctx)
    view.model.set_decisions([extra, *rows(view)], {}, {}, {})
    view.apply_filters()
    assert view.select_decision(extra.id)
    with qtbot.waitSignal(view.marked, timeout=5000):
        view.mark_selected_reviewed()
    assert lead_world.cache.decision(extra.id).reviewed_by == LEAD.id
    assert to_wire(lead_world.cache.decision(extra.id))["amount_cents"] == 300
