"""The Say yes tab in the real desk window, against the real central server, through the real sync.

Two workstations of the same advisor each grant a gesture the customer's 30-day cap allows alone but
not together (as two desks offline at once would); the centre applies the first to arrive and refuses
the second. The second desk must show the refusal — banner and history — and never drop it. Then the
advisor asks the team lead for more; the lead answers on the centre; the answer comes back through
sync and is shown.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale, Qt

from advisor_desk.cache.store import LocalCache
from advisor_desk.domain.model import DecisionStatus, GestureCode
from advisor_desk.sync.client import ApiClient
from advisor_desk.sync.engine import SyncEngine
from advisor_desk.ui import i18n
from advisor_desk.ui.changes import ChangeBus
from advisor_desk.ui.compensation import words
from advisor_desk.ui.compensation.panel import CompensationPanel
from advisor_desk.ui.context import DeskContext
from advisor_desk.ui.icons import IconRegistry
from advisor_desk.ui.settings import DeskSettings
from advisor_desk.ui.sync_adapter import SyncAdapter
from advisor_desk.ui.tasks import TaskRunner

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("does not support propagateSizeHints")]
PASSWORD = "pw"


class Station:
    """One workstation: its cache, its API session, its sync engine, and (when asked) its window."""

    def __init__(self, url: str, username: str, folder: Path) -> None:
        self.cache = LocalCache.open(folder / f"{username}.sqlite3")
        self.client = ApiClient(url, timeout=(2, 10))
        self.client.login(username, PASSWORD)
        self.engine = SyncEngine(self.cache, self.client, long_poll_wait=0)
        self.ctx: DeskContext | None = None
        self.adapter: SyncAdapter | None = None
        self.folder = folder

    def sync(self) -> Any:
        report = self.engine.sync_once()
        assert report.ok, report.errors
        return report

    def desk(self) -> DeskContext:
        user = self.cache.current_user()
        assert user is not None
        self.adapter = SyncAdapter(self.engine)
        self.ctx = DeskContext(
            cache=self.cache,
            user=user,
            settings=DeskSettings.in_file(self.folder / "settings.ini"),
            tasks=TaskRunner(),
            icons=IconRegistry("#202124"),
            changes=ChangeBus(),
            sync=self.adapter,
            engine=self.engine,
            client=self.client,
            language="fr",
        )
        return self.ctx

    def close(self) -> None:
        if self.ctx is not None:
            self.ctx.tasks.shutdown(wait=True)
        if self.adapter is not None:
            self.adapter.close()
        self.client.close()
        self.cache.close()


@pytest.fixture
def stations(tmp_path: Path, qapp: Any) -> Iterator[Callable[[str, str, str], Station]]:
    made: list[Station] = []
    QLocale.setDefault(i18n.locale_for("fr"))

    def make(url: str, username: str, name: str) -> Station:
        folder = tmp_path / name
        folder.mkdir()
        station = Station(url, username, folder)
        made.append(station)
        return station

    yield make
    for station in made:
        station.close()
    QLocale.setDefault(i18n.locale_for("en"))


def settle(qtbot: Any, ctx: DeskContext) -> None:
    qtbot.waitUntil(ctx.tasks.is_idle, timeout=10_000)
    qtbot.wait(20)
    qtbot.waitUntil(ctx.tasks.is_idle, timeout=10_000)


def test_a_grant_refused_by_the_centre_is_shown_in_the_desk_and_an_answer_comes_back(
    qtbot: Any, live_server: Any, stations: Callable[[str, str, str], Station]
) -> None:
    from advisor_desk.ui.main_window import MainWindow

    live_server.seed_world()
    first = stations(live_server.url, "advisor", "ws1")
    second = stations(live_server.url, "advisor", "ws2")
    first.sync()
    second.sync()
    ctx = second.desk()
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    window.open_customer("c-north-1", "c-north-1-case")
    panel = window.panels.get("say_yes")
    assert isinstance(panel, CompensationPanel)  # the main window found the feature folder
    window.yes_action.trigger()  # Ctrl+G
    assert panel.isVisible()
    settle(qtbot, ctx)
    assert panel.grant_context is not None
    eur = lambda cents: words.money(cents, "EUR")  # noqa: E731
    assert panel.left_customer.text() == f"{eur(8_000)} left of {eur(8_000)}"

    # the first desk says yes to 50 € and reaches the centre first
    user = first.cache.current_user()
    assert user is not None
    first.cache.grant_gesture(
        user, "c-north-1", None, GestureCode.VOUCHER, 5_000, "EUR", "late_delivery", "retard"
    )
    assert first.sync().applied == 1
    # the second desk has not heard of it yet and says yes to 50 € too: its cache allows it; saying
    # yes asks the sync to run (its own thread), and the centre refuses on arrival
    assert panel.select_gesture(GestureCode.VOUCHER)
    qtbot.keyClicks(panel.amount, "50")
    qtbot.keyClicks(panel.reason_text, "Colis en retard")
    with qtbot.waitSignal(second.adapter.syncFinished, timeout=20_000) as finished:
        qtbot.keyClick(panel.reason_text, Qt.Key.Key_Return)
    assert finished.args[0].rejected == 1
    mine = panel.last_decision
    # written at once, before the centre answered; by now the panel may already hold the refusal
    # (its refresh races this line), which the assertions below require anyway
    assert mine is not None and mine.status in (DecisionStatus.PENDING, DecisionStatus.REJECTED)
    qtbot.waitUntil(panel.banner.isVisible, timeout=10_000)
    settle(qtbot, ctx)
    body = panel.banner.body.text()
    assert "Refused by the centre" in body and eur(5_000) in body and mine.voucher_code in body
    assert second.cache.decision(mine.id).status is DecisionStatus.REJECTED
    # the confirmation the advisor was looking at now says it must not be promised
    assert "Refused by the centre" in panel.confirmation_label.text()
    assert panel.voucher_label.isHidden() and panel.insert_button.isHidden()
    rows = [panel.history.data(panel.history.index(r, 0)) for r in range(panel.history.rowCount())]
    assert any("refused by the centre" in r and eur(5_000) in r for r in rows), rows
    assert panel.left_customer.text() == f"{eur(3_000)} left of {eur(8_000)}"  # the first desk's 50 € count

    # beyond what is left: ask the team lead, who approves on the centre
    qtbot.mouseClick(panel.banner.dismiss_button, Qt.MouseButton.LeftButton)
    panel.amount.clear()
    qtbot.keyClicks(panel.amount, "45")
    qtbot.keyClicks(panel.reason_text, "Cliente fidele")
    assert not panel.say_yes.isEnabled() and panel.escalate.isVisible()
    with qtbot.waitSignal(second.adapter.syncFinished, timeout=20_000) as finished:
        qtbot.mouseClick(panel.escalate, Qt.MouseButton.LeftButton)
    assert finished.args[0].applied == 1
    lead = stations(live_server.url, "lead", "lead")
    lead.sync()
    lead_user = lead.cache.current_user()
    [request] = lead.cache.escalations(status="open")
    assert request.amount_cents == 4_500
    lead.cache.answer_escalation(lead_user, request.id, True, "OK, cliente fidèle")
    lead.sync()
    ctx.request_sync()  # what F5 does; the answer comes back through the feed
    qtbot.waitUntil(lambda: "Your team lead approved" in panel.banner.body.text(), timeout=20_000)
    assert "OK, cliente fidèle" in panel.banner.body.text() and panel.banner.isVisible()
    window.close()
