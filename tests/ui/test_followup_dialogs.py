"""Follow-up calls: the default date in the user's time zone across days and DST, scheduling into
the real cache, the outcome dialog's effects, and a dissatisfied customer reopening the case through
the live server and the sync."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from conftest import settle
from desk_world import LEAD, Clock
from test_reports_world import build_loop_world

from advisor_desk.domain.model import CaseStatus, FollowUpOutcome, FollowUpStatus, User

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("does not support propagateSizeHints")]


@pytest.fixture
def loop(tmp_path: Path, clock: Clock) -> Iterator[Any]:
    w = build_loop_world(tmp_path / "loop.sqlite3", clock)
    yield w
    w.cache.close()


def wall(dialog_edit: Any) -> tuple[int, int, int, int, int]:
    dt = dialog_edit.dateTime()
    return dt.date().year(), dt.date().month(), dt.date().day(), dt.time().hour(), dt.time().minute()


@pytest.mark.parametrize(
    ("resolved_at", "time_zone", "expected_wall", "expected_utc"),
    [
        # Friday 20 Nov 2026 16:00 in Paris → Wednesday 25 Nov 10:00 Paris = 09:00 UTC
        (
            datetime(2026, 11, 20, 15, 0, tzinfo=UTC),
            "Europe/Paris",
            (2026, 11, 25, 10, 0),
            datetime(2026, 11, 25, 9, 0, tzinfo=UTC),
        ),
        # 23:30 UTC on Friday is already Saturday in Paris: the next Wednesday too
        (
            datetime(2026, 11, 20, 23, 30, tzinfo=UTC),
            "Europe/Paris",
            (2026, 11, 25, 10, 0),
            datetime(2026, 11, 25, 9, 0, tzinfo=UTC),
        ),
        # the same instant is still Friday afternoon in Montréal: Wednesday 10:00 there = 15:00 UTC
        (
            datetime(2026, 11, 20, 23, 30, tzinfo=UTC),
            "America/Montreal",
            (2026, 11, 25, 10, 0),
            datetime(2026, 11, 25, 15, 0, tzinfo=UTC),
        ),
        # across the end of summer time in Paris (25 Oct 2026): Thursday 22 → Tuesday 27, 10:00 CET = 09:00 UTC
        (
            datetime(2026, 10, 22, 12, 0, tzinfo=UTC),
            "Europe/Paris",
            (2026, 10, 27, 10, 0),
            datetime(2026, 10, 27, 9, 0, tzinfo=UTC),
        ),
    ],
)
def test_the_suggested_date_is_three_working_days_later_in_the_users_zone(
    qtbot: Any,
    make_ctx: Any,
    loop: Any,
    clock: Clock,
    resolved_at: datetime,
    time_zone: str,
    expected_wall: tuple[int, ...],
    expected_utc: datetime,
) -> None:
    from advisor_desk.ui.followups.schedule_dialog import ScheduleFollowUpDialog

    clock.now = resolved_at
    user = User(LEAD.id, LEAD.username, LEAD.display_name, LEAD.role, LEAD.team, time_zone)
    ctx = make_ctx(loop.cache, user)
    dialog = ScheduleFollowUpDialog(ctx, "c-1", "k-1", resolved_at)
    qtbot.addWidget(dialog)
    assert wall(dialog.when) == expected_wall
    assert dialog.due_at() == expected_utc


def test_scheduling_writes_the_follow_up_and_a_time_in_the_past_is_refused(
    qtbot: Any, make_ctx: Any, loop: Any, clock: Clock
) -> None:
    from advisor_desk.ui.followups.schedule_dialog import ScheduleFollowUpDialog, schedule
    from advisor_desk.ui.followups.times import to_wall

    ctx = make_ctx(loop.cache, LEAD)
    dialog = ScheduleFollowUpDialog(ctx, "c-1", "k-1")
    qtbot.addWidget(dialog)
    dialog.when.setDateTime(to_wall(clock.now - timedelta(hours=2), LEAD.time_zone))
    dialog.accept()
    assert dialog.result() != dialog.DialogCode.Accepted and "has passed" in dialog.problem.text()
    # today, in an hour: accepted, written, and due in the queue once its time comes
    dialog.when.setDateTime(to_wall(clock.now + timedelta(hours=1), LEAD.time_zone))
    dialog.note.setText("Vérifier la tente")
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    done: list[Any] = []
    schedule(ctx, "c-1", "k-1", dialog.due_at(), dialog.note.text(), done.append, pytest.fail)
    settle(qtbot, ctx)
    (followup,) = done
    assert followup.due_at == clock.now + timedelta(hours=1) and followup.note == "Vérifier la tente"
    assert loop.cache.followups_due(LEAD.id, clock.now) == []
    clock.advance(hours=1)
    assert [f.id for f in loop.cache.followups_due(LEAD.id, clock.now)] == [followup.id]
    rows = loop.cache.work_queue(LEAD.id, LEAD.team, clock.now)
    assert followup.id in [r.followup_id for r in rows]


def test_badge_text_of_a_follow_up(qtbot: Any, make_ctx: Any, loop: Any, clock: Clock) -> None:
    from advisor_desk.ui.followups import badge_text, due_badge_text

    f = loop.cache.schedule_followup("c-1", "k-1", datetime(2026, 11, 23, 22, 30, tzinfo=UTC), by=LEAD.id)
    # 22:30 UTC is 23:30 in Paris: still today there
    assert badge_text(f, clock.now, "Europe/Paris") == "Follow-up · today"
    # in Tokyo it is already tomorrow
    assert badge_text(f, clock.now, "Asia/Tokyo") == "Follow-up · later"
    assert badge_text(f, clock.now + timedelta(days=1), "Europe/Paris") == "Follow-up · overdue"
    assert due_badge_text(f.due_at, clock.now, "Europe/Paris") == "Follow-up · today"
    done = loop.cache.record_followup_outcome(f.id, FollowUpOutcome.SATISFIED)
    assert badge_text(done, clock.now, "Europe/Paris") == ""


def test_outcomes_say_what_they_do_and_not_reached_reschedules(
    qtbot: Any, make_ctx: Any, loop: Any, clock: Clock
) -> None:
    from advisor_desk.ui.followups.outcome_dialog import OutcomeDialog, record_outcome

    ctx = make_ctx(loop.cache, LEAD)
    f = loop.cache.schedule_followup("c-1", "k-1", clock.now, by=LEAD.id)
    dialog = OutcomeDialog(ctx, f, CaseStatus.RESOLVED)
    qtbot.addWidget(dialog)
    dialog.accept()
    assert "Choose how the call went" in dialog.problem.text()
    dialog.choose(FollowUpOutcome.NOT_SATISFIED)
    assert "reopened" in dialog.effect.text() and not dialog.when.isEnabled()
    closed = OutcomeDialog(ctx, f, CaseStatus.CLOSED)
    qtbot.addWidget(closed)
    closed.choose(FollowUpOutcome.NOT_SATISFIED)
    assert "new case" in closed.effect.text()
    dialog.choose(FollowUpOutcome.NOT_REACHED)
    assert dialog.when.isEnabled()
    # Monday 11:00 Paris → Tuesday 11:00 Paris (10:00 UTC)
    assert dialog.reschedule_at() == datetime(2026, 11, 24, 10, 0, tzinfo=UTC)
    dialog.when.setDateTime(dialog.when.dateTime().addDays(-2))
    dialog.accept()
    assert "later time" in dialog.problem.text()
    dialog.when.setDateTime(dialog.when.dateTime().addDays(2))
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    done: list[Any] = []
    record_outcome(
        ctx, f, FollowUpOutcome.NOT_REACHED, "Messagerie", dialog.reschedule_at(), done.append, pytest.fail
    )
    settle(qtbot, ctx)
    assert done[0].status is FollowUpStatus.SCHEDULED and done[0].due_at == datetime(
        2026, 11, 24, 10, 0, tzinfo=UTC
    )
    # satisfied closes it; recording again is refused with a clear error, nothing lost
    record_outcome(ctx, f, FollowUpOutcome.SATISFIED, "", None, done.append, pytest.fail)
    settle(qtbot, ctx)
    assert done[1].status is FollowUpStatus.DONE
    errors: list[BaseException] = []
    record_outcome(ctx, f, FollowUpOutcome.SATISFIED, "", None, done.append, errors.append)
    settle(qtbot, ctx)
    assert len(errors) == 1 and "already done" in str(errors[0])


def test_a_dissatisfied_customer_reopens_the_case_through_the_centre(
    qtbot: Any, make_ctx: Any, live_server: Any, tmp_path: Path
) -> None:
    from advisor_desk.cache.store import LocalCache
    from advisor_desk.domain.model import RootCause
    from advisor_desk.domain.wire import EntityKind
    from advisor_desk.server import store
    from advisor_desk.sync.client import ApiClient
    from advisor_desk.sync.engine import SyncEngine
    from advisor_desk.ui.followups.outcome_dialog import record_outcome
    from advisor_desk.ui.followups.schedule_dialog import schedule
    from advisor_desk.ui.resolution.dialog import ResolutionChoice, resolve
    from advisor_desk.ui.resolution.satisfaction import record_satisfaction

    live_server.seed_world()
    client = ApiClient(live_server.url)
    session = client.login("advisor", "pw")
    cache = LocalCache.open(tmp_path / "live.cache.sqlite3")
    try:
        cache.save_me(client.me())
        engine = SyncEngine(cache, client, None)
        assert engine.sync_once().ok
        ctx = make_ctx(cache, user=session.user)
        ctx.clock = Clock(datetime.now(UTC))
        case = cache.case("c-north-1-case")
        got: list[Any] = []
        resolve(ctx, case, ResolutionChoice(RootCause.CARRIER, None), got.append, pytest.fail)
        settle(qtbot, ctx)
        record_satisfaction(ctx, got[0], 2, got.append, pytest.fail)
        schedule(
            ctx, case.customer_id, case.id, ctx.now() + timedelta(minutes=1), "", got.append, pytest.fail
        )
        settle(qtbot, ctx)
        assert engine.sync_once().ok
        record_outcome(
            ctx, got[2], FollowUpOutcome.NOT_SATISFIED, "Toujours pas livré", None, got.append, pytest.fail
        )
        settle(qtbot, ctx)
        report = engine.sync_once()
        assert report.ok, report.errors
        with live_server.database.read() as db:
            stored = store.load(db, EntityKind.CASE, case.id)
            assert stored.status is CaseStatus.IN_PROGRESS and stored.root_cause is RootCause.CARRIER
            assert store.load(db, EntityKind.SATISFACTION, got[1].id).score == 2
            assert store.load(db, EntityKind.FOLLOWUP, got[2].id).status is FollowUpStatus.DONE
        # the centre's answer came back: the desk shows the case reopened
        assert cache.case(case.id).status is CaseStatus.IN_PROGRESS
    finally:
        client.close()
        cache.close()
