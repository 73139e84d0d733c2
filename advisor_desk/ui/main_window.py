"""The advisor's main window: it only assembles the feature panels and wires them together.

Layout (UX.md): toolbar (search Ctrl+K, Sync, user · role · budget left); work queue dock on the
left (Ctrl+1); the customer header and timeline in the centre (Ctrl+2); the side tabs on the right:
Reply (Ctrl+R), Say yes (Ctrl+G), Customer 360 (Ctrl+I); the status bar. The window remembers its
geometry and dock layout. Each feature lives in its folder (queue/, search/, timeline/, customer360/,
statusbar/); later panels plug in through :mod:`advisor_desk.ui.extensions`.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QByteArray, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QTabWidget,
    QTextBrowser,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from advisor_desk.cache.views import QueueRowKind
from advisor_desk.domain.model import Direction, Interaction
from advisor_desk.ui import i18n, labels
from advisor_desk.ui.changes import Changes
from advisor_desk.ui.context import DeskContext
from advisor_desk.ui.customer360.data import CustomerFile, load_customer_file
from advisor_desk.ui.customer360.header import CustomerHeader
from advisor_desk.ui.customer360.panel import Customer360Panel
from advisor_desk.ui.extensions import factory
from advisor_desk.ui.notifications import MessageNotifier
from advisor_desk.ui.panels import PanelRegistry, PlaceholderPanel
from advisor_desk.ui.queue.widget import QueueWidget
from advisor_desk.ui.search.widget import SearchBox
from advisor_desk.ui.statusbar.widget import DeskStatusBar, state_text
from advisor_desk.ui.timeline.actions import CaseActions
from advisor_desk.ui.timeline.widget import TimelineWidget


def tip(text: str, keys: str) -> str:
    return f"{text} ({QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)})"


class Banner(QFrame):
    """A strip above the timeline for states that need the user: needs login, errors."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.text = QLabel(self)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setWordWrap(True)
        self.button = QPushButton(self)
        self.close_button = QToolButton(self)
        self.close_button.setText("×")
        self.close_button.setAccessibleName(self.tr("Close the message"))
        self.close_button.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.button)
        layout.addWidget(self.close_button)
        self.hide()
        self.kind = ""
        self._slot: Callable[[], None] | None = None
        self.button.clicked.connect(self._clicked)

    def show_message(
        self, kind: str, text: str, button: str = "", slot: Callable[[], None] | None = None
    ) -> None:
        self.kind = kind
        self.text.setText(text)
        self._slot = slot
        self.button.setVisible(bool(button))
        self.button.setText(button)
        self.show()

    def _clicked(self) -> None:
        if self._slot is not None:
            self._slot()


def freeze_startup_objects() -> None:
    """Keep what the desk built to start (modules, widgets, their wrappers) out of the collector's sight.

    They live as long as the window. Left in the oldest generation, every full collection walked all of
    them again: 60 ms pauses landing in the middle of a queue refresh or a timeline opening. Once per
    process (a window rebuilt for another language does not freeze its predecessor's leftovers).
    """
    global _startup_frozen
    if _startup_frozen:
        return
    _startup_frozen = True
    gc.collect()
    gc.freeze()
    # Collect young objects ten times less often: a refresh or a timeline read makes tens of
    # thousands of short-lived tuples, each 700 of which triggered a pass (GC_THRESHOLDS).
    gc.set_threshold(*GC_THRESHOLDS)


_startup_frozen = False
#: The collector's thresholds once the desk has started (Python's default is 700, 10, 10).
GC_THRESHOLDS = (5000, 20, 50)


class MainWindow(QMainWindow):
    #: The desk controller listens: "fr", "en" or "system".
    languageRequested = Signal(str)
    themeRequested = Signal(str)
    loginRequested = Signal()
    # A sync brought a new inbound message for the customer on screen (the interaction's id); the
    # discreet notice was shown.
    inboundMessageNoticed = Signal(str)

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Advisor Desk") + (" — " + self.tr("demo") if ctx.demo else ""))
        self.customer_id: str | None = None
        self.case_id: str | None = None
        self.file: CustomerFile | None = None
        self._file_generation = 0
        # Interactions already announced, so a later pull that touches them again stays quiet.
        self._announced: set[str] = set()
        self.notifier = MessageNotifier(self)
        self.setDockOptions(QMainWindow.DockOption.AnimatedDocks | QMainWindow.DockOption.AllowTabbedDocks)

        # centre: header, banners, timeline
        self.header = CustomerHeader(ctx, self)
        self.banner = Banner(self)
        self.timeline = TimelineWidget(ctx, self)
        centre = QWidget(self)
        cl = QVBoxLayout(centre)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.setSpacing(0)
        cl.addWidget(self.banner)
        cl.addWidget(self.header)
        line = QFrame(centre)
        line.setFrameShape(QFrame.Shape.HLine)
        cl.addWidget(line)
        cl.addWidget(self.timeline, 1)
        self.setCentralWidget(centre)

        # left: the work queue
        self.queue = QueueWidget(ctx, self)
        self.queue_dock = QDockWidget(self.tr("Work queue"), self)
        self.queue_dock.setObjectName("queueDock")
        self.queue_dock.setWidget(self.queue)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.queue_dock)

        # right: the side panels
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("sidePanels")
        self.tabs.setDocumentMode(True)
        self.side_dock = QDockWidget(self.tr("Customer"), self)
        self.side_dock.setObjectName("sideDock")
        self.side_dock.setWidget(self.tabs)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.side_dock)
        self.panels = PanelRegistry(ctx, self.tabs)
        self._add_side_panels()

        self.actions_ = CaseActions(ctx, self.timeline.current_case, lambda: self.customer_id, self)
        self.actions_.done.connect(lambda m: self.statusBar().showMessage(m, 6000))
        self.actions_.failed.connect(self._action_failed)
        self.timeline.case_actions = self.actions_.all

        self.search = SearchBox(ctx, self)
        self.status = DeskStatusBar(ctx, self)
        self.setStatusBar(self.status)
        self._build_toolbar()
        self._build_menus()
        self._wire()
        self.resize(1500, 900)
        self.resizeDocks([self.queue_dock, self.side_dock], [740, 400], Qt.Orientation.Horizontal)
        self._restore_layout()
        self._update_actions()
        QTimer.singleShot(0, self, self.queue.refresh)

    # -- building ---------------------------------------------------------------------------------
    def _add_side_panels(self) -> None:
        ctx = self.ctx
        make_reply = factory("composer", "create_panel")
        reply = (
            make_reply(ctx, self)
            if make_reply
            else PlaceholderPanel(
                self.tr(
                    "Reply: the composer comes here (acknowledge → solve → close, with the checks list). Open a case to prepare its reply."
                ),
                self,
            )
        )
        make_yes = factory("compensation", "create_panel")
        yes = (
            make_yes(ctx, self)
            if make_yes
            else PlaceholderPanel(
                self.tr(
                    "Say yes: your envelope left, suggested gestures and amounts come here. Open a case to see what you can grant."
                ),
                self,
            )
        )
        #: The side panels themselves (the composer and Say yes when installed, else placeholders).
        self.reply_panel = reply
        self.yes_panel = yes
        self.reply_action = self.panels.add("reply", reply, self.tr("Reply"), "action.reply", "Ctrl+R")
        self.yes_action = self.panels.add("say_yes", yes, self.tr("Say yes"), "action.say_yes", "Ctrl+G")
        self.c360 = Customer360Panel(ctx, self)
        self.c360_action = self.panels.add(
            "customer360", self.c360, self.tr("Customer 360"), "action.customer360", "Ctrl+I"
        )

    def _build_toolbar(self) -> None:
        ctx = self.ctx
        bar = QToolBar(self.tr("Main toolbar"), self)
        bar.setObjectName("mainToolbar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        bar.addWidget(self.search)
        self.sync_button = QToolButton(self)
        self.sync_button.setObjectName("syncButton")
        self.sync_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.sync_button.clicked.connect(self.sync_now)
        bar.addWidget(self.sync_button)
        self._set_sync_state("offline" if ctx.sync is None else "syncing")
        spacer = QWidget(self)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        self.user_label = QLabel(self)
        self.user_label.setObjectName("userLabel")
        self.user_label.setTextFormat(Qt.TextFormat.PlainText)
        self.user_label.setContentsMargins(8, 0, 8, 0)
        bar.addWidget(self.user_label)
        self.update_user_label()
        self.toolbar = bar

    def update_user_label(self) -> None:
        u = self.ctx.user
        parts = [u.display_name, labels.role(u.role)]
        auth = self.ctx.authority
        if auth is not None:
            parts.append(
                self.tr("budget left today: %1").replace(
                    "%1", i18n.format_money(auth.remaining_today_cents, auth.currency)
                )
            )
        self.user_label.setText(" · ".join(parts))
        self.user_label.setAccessibleName(self.user_label.text())

    def _action(self, icon: str, text: str, keys: str, slot) -> QAction:  # type: ignore[no-untyped-def]
        a = QAction(self.ctx.icons.icon(icon) if icon else self.windowIcon(), text, self)
        if keys:
            a.setShortcut(QKeySequence(keys))
            a.setToolTip(tip(text, keys))
        a.triggered.connect(slot)
        return a

    def _build_menus(self) -> None:
        ctx = self.ctx
        menu = self.menuBar()
        desk = menu.addMenu(self.tr("&Desk"))
        self.sync_action = self._action("sync.now", self.tr("Sync now"), "F5", self.sync_now)
        desk.addAction(self.sync_action)
        self.sync_details_action = self._action(
            "sync.online", self.tr("Sync details…"), "", self.status.show_details
        )
        desk.addAction(self.sync_details_action)
        desk.addSeparator()
        quit_action = QAction(self.tr("Quit"), self)
        quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        quit_action.triggered.connect(self.close)
        desk.addAction(quit_action)

        go = menu.addMenu(self.tr("&Go"))
        self.search_action = self._action(
            "action.search", self.tr("Search a customer"), "Ctrl+K", self.search.focus_search
        )
        self.queue_action = self._action("action.queue", self.tr("Work queue"), "Ctrl+1", self.focus_queue)
        self.timeline_action = self._action(
            "action.timeline", self.tr("Timeline"), "Ctrl+2", self.focus_timeline
        )
        for a in (self.search_action, self.queue_action, self.timeline_action):
            go.addAction(a)
        go.addSeparator()
        for a in self.panels.actions():
            go.addAction(a)
            self.addAction(a)
        self.escape_action = QAction(self.tr("Back"), self)
        self.escape_action.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        self.escape_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.escape_action.triggered.connect(self.search.close_popup)

        case = menu.addMenu(self.tr("&Case"))
        for a in self.actions_.all:
            case.addAction(a)
        case.addSeparator()
        # The improvement loop: satisfaction, follow-up calls and their outcome.
        for a in self.actions_.loop:
            case.addAction(a)
        self.outcome_action = self._action(
            "followup.call", self.tr("Record the outcome…"), "", self.record_followup_outcome
        )
        case.addAction(self.outcome_action)
        case.addSeparator()
        case.addAction(self.timeline.read_full)

        view = menu.addMenu(self.tr("&View"))
        view.addAction(self.queue_dock.toggleViewAction())
        view.addAction(self.side_dock.toggleViewAction())
        view.addSeparator()
        theme = view.addMenu(ctx.icons.icon("action.theme"), self.tr("Theme"))
        theme_group = QActionGroup(self)
        for value, text in (
            ("system", self.tr("Follow the system")),
            ("light", self.tr("Light")),
            ("dark", self.tr("Dark")),
        ):
            a = theme.addAction(text)
            a.setCheckable(True)
            theme_group.addAction(a)
            a.setChecked(ctx.settings.theme == value)
            a.triggered.connect(lambda _c=False, v=value: self.themeRequested.emit(v))
        language = view.addMenu(ctx.icons.icon("action.language"), self.tr("Language"))
        language_group = QActionGroup(self)
        for value, text in (("system", self.tr("Follow the system")), ("fr", "Français"), ("en", "English")):
            a = language.addAction(text)
            a.setCheckable(True)
            language_group.addAction(a)
            a.setChecked(ctx.settings.language == value)
            a.triggered.connect(lambda _c=False, v=value: self.languageRequested.emit(v))

        self.decisions_action = self._action(
            "action.decisions", self.tr("Decisions"), "Ctrl+D", lambda: self.open_team_view("review")
        )
        self.reports_action = self._action(
            "action.reports", self.tr("Reports"), "Ctrl+P", lambda: self.open_team_view("reports")
        )
        if ctx.is_team_lead:
            team = menu.addMenu(self.tr("&Team"))
            team.addAction(self.decisions_action)
            team.addAction(self.reports_action)

        help_menu = menu.addMenu(self.tr("&Help"))
        help_menu.addAction(self._action("", self.tr("Keyboard shortcuts"), "F1", self.show_shortcuts))
        help_menu.addAction(self._action("", self.tr("About Advisor Desk"), "", self.show_about))

        for a in (
            self.sync_action,
            self.search_action,
            self.queue_action,
            self.timeline_action,
            self.escape_action,
            *self.actions_.all,
        ):
            self.addAction(a)

    def _wire(self) -> None:
        self.queue.caseActivated.connect(self.open_case)
        # Say yes -> Reply: "Insert into the reply" adds the gesture's sentence to the draft.
        insert = getattr(self.yes_panel, "insertIntoReply", None)
        if insert is not None and hasattr(self.reply_panel, "insert_sentence"):
            insert.connect(self._insert_into_reply)
        # After a resolution or a gesture, a follow-up call is offered.
        self.actions_.resolved.connect(lambda case: self.offer_follow_up(case.customer_id, case))
        granted = getattr(self.yes_panel, "gestureGranted", None)
        if granted is not None:
            granted.connect(self._gesture_granted)
        self.queue.table.selectionModel().currentChanged.connect(lambda *_a: self._update_actions())
        # Ctrl+Shift+A: the composer's acknowledgement (the script's text) when it has this case.
        self.actions_.acknowledge.triggered.disconnect()
        self.actions_.acknowledge.triggered.connect(self.acknowledge_receipt)
        self.search.customerChosen.connect(self.open_searched_customer)
        self.timeline.caseSelected.connect(self._timeline_case_selected)
        self.timeline.timelineLoaded.connect(self._update_actions)
        self.timeline.newActivity.connect(
            lambda _c: self.statusBar().showMessage(self.tr("New activity on the open case."), 6000)
        )
        self.ctx.changes.changed.connect(self._on_changes)
        self.ctx.tasks.unhandledError.connect(self._unhandled_error)
        sync = self.ctx.sync
        if sync is not None:
            sync.stateChanged.connect(self._set_sync_state)  # type: ignore[attr-defined]
            sync.syncFinished.connect(self._sync_finished)  # type: ignore[attr-defined]
            if hasattr(sync, "customerFetched"):
                sync.customerFetched.connect(self._customer_fetched)  # type: ignore[attr-defined]
                sync.customerFetchFailed.connect(self._customer_fetch_failed)  # type: ignore[attr-defined]
        self.setTabOrder(self.search, self.queue.table)
        self.setTabOrder(self.queue.table, self.timeline.view)
        self.setTabOrder(self.timeline.view, self.tabs)

    def _insert_into_reply(self, text: str) -> None:
        self.reply_panel.insert_sentence(text)  # type: ignore[attr-defined]
        self.panels.show("reply")

    def acknowledge_receipt(self) -> None:
        """The window's acknowledge action: the composer's script text if it holds this case."""
        reply = self.reply_panel
        file = getattr(reply, "file", None)
        if (
            hasattr(reply, "acknowledge_receipt")
            and file is not None
            and self.case_id is not None
            and file.case.id == self.case_id
        ):
            self.panels.show("reply")
            reply.acknowledge_receipt()  # type: ignore[attr-defined]
        else:
            self.actions_.acknowledge_case()

    # -- opening customers and cases --------------------------------------------------------------
    def open_case(self, customer_id: str, case_id: str) -> None:
        self.open_customer(customer_id, case_id or None)

    def open_customer(self, customer_id: str | None, case_id: str | None = None) -> None:
        changed = customer_id != self.customer_id
        self.customer_id = customer_id
        self.case_id = case_id
        # The timeline's read goes first into the one "db" lane: it is what the advisor looks at.
        self.timeline.show_customer(customer_id, case_id)
        if changed:
            self.file = None
            self.header.show_file(None, loading=customer_id is not None)
            self._load_file()
        self.panels.set_selection(customer_id, case_id)
        self._update_actions()

    def open_searched_customer(self, customer_id: str, local: bool) -> None:
        if local or self.ctx.sync is None:
            self.open_customer(customer_id)
            self.timeline.setFocus()
            return
        self.statusBar().showMessage(self.tr("Fetching the customer from the central system…"))
        self._fetching = customer_id
        self.ctx.sync.fetchCustomer(customer_id)  # type: ignore[attr-defined]

    def _customer_fetched(self, customer_id: str, _count: int) -> None:
        self.ctx.changes.publish(Changes.of(customer_id, kinds=("queue",)))
        if getattr(self, "_fetching", None) == customer_id:
            self._fetching = None
            self.statusBar().clearMessage()
            self.open_customer(customer_id)

    def _customer_fetch_failed(self, customer_id: str, _code: str, message: str) -> None:
        if getattr(self, "_fetching", None) == customer_id:
            self._fetching = None
            self.show_error(
                self.tr("The customer could not be fetched from the central system.") + " " + message
            )

    def _load_file(self) -> None:
        if self.customer_id is None:
            return
        self._file_generation += 1
        generation = self._file_generation
        cache, cid, now = self.ctx.cache, self.customer_id, self.ctx.now()

        def done(file: CustomerFile | None) -> None:
            if generation == self._file_generation:
                if file is None and self.file is not None and cid == self.customer_id:
                    self._customer_gone()
                    return
                self.file = file
                self.header.show_file(file)
                if file is None:
                    self.header.facts.setText(self.tr("This customer is not in the local cache."))

        self.ctx.tasks.run(
            "db",
            lambda: load_customer_file(cache, cid, now),
            done,
            lambda _e: self.show_error(self.tr("The customer could not be read from the local cache.")),
            owner=self,
            name="customer_header",
        )

    def _customer_gone(self) -> None:
        """The customer on screen left this desk's cache (erased at the centre, or out of scope): close
        it everywhere rather than keep its data on screen (its drafts went with it: see
        ``LocalCache.save_draft``)."""
        self.open_customer(None)
        self.statusBar().showMessage(
            self.tr(
                "The customer you had open was removed from this desk: erased at the centre, or no longer "
                "in your scope."
            ),
            20_000,
        )

    def _timeline_case_selected(self, case_id: str) -> None:
        self.case_id = case_id or None
        self.panels.set_selection(self.customer_id, self.case_id)
        if case_id:
            self.queue.select_case(case_id, emit=False)
        self._update_actions()

    def _update_actions(self) -> None:
        self.actions_.update_enabled()
        row = self.queue.current_row()
        self.outcome_action.setEnabled(row is not None and row.kind is QueueRowKind.FOLLOWUP)

    # -- the improvement loop ---------------------------------------------------------------------
    def record_followup_outcome(self) -> None:
        """On a follow-up row of the queue: reached and satisfied, not satisfied, or not reached."""
        row = self.queue.current_row()
        if row is None or row.kind is not QueueRowKind.FOLLOWUP or not row.followup_id:
            return
        ctx, followup_id = self.ctx, row.followup_id
        cache, user, now = ctx.cache, ctx.user, ctx.now()

        def load() -> tuple[Any, Any]:
            found = next((f for f in cache.followups_due(user.id, now) if f.id == followup_id), None)
            case = cache.case(found.case_id) if found is not None and found.case_id else None
            return found, case

        ctx.tasks.run(
            "db",
            load,
            self._ask_outcome,
            lambda exc: self._unhandled_error("follow-up", exc),
            owner=self,
            name="follow-up",
        )

    def _ask_outcome(self, found: tuple[Any, Any]) -> None:
        from advisor_desk.ui.followups.outcome_dialog import OutcomeDialog, record_outcome

        followup, case = found
        if followup is None:
            self.statusBar().showMessage(self.tr("This follow-up is no longer due."), 6000)
            return
        dialog = OutcomeDialog(self.ctx, followup, case.status if case is not None else None, self)
        self.outcome_dialog = dialog
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            outcome, note, when = dialog.outcome(), dialog.note.text().strip(), dialog.reschedule_at()
        finally:
            self.outcome_dialog = None
            dialog.deleteLater()
        if outcome is None:
            return

        def done(_result: Any) -> None:
            self.ctx.changes.publish(Changes.of(followup.customer_id, followup.case_id, ("queue", "local")))
            self.statusBar().showMessage(self.tr("Follow-up outcome recorded."), 6000)

        record_outcome(
            self.ctx,
            followup,
            outcome,
            note,
            when,
            done,
            lambda exc: self.show_error(self.actions_.describe_error(exc)),
            owner=self,
        )

    def offer_follow_up(self, customer_id: str, case: Any) -> None:
        """After a resolution or a gesture: propose a follow-up call (never forced, never modal)."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Follow-up call"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(self.tr("Schedule a follow-up call to check the customer is satisfied?"))
        schedule = box.addButton(self.tr("Schedule a follow-up…"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Not now"), QMessageBox.ButtonRole.RejectRole)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def clicked(button: Any) -> None:
            if button is schedule:
                QTimer.singleShot(0, self, lambda: self.actions_.schedule_follow_up_for(customer_id, case))

        box.buttonClicked.connect(clicked)
        # Not modal: the advisor may still be reading the voucher code to the customer.
        box.setWindowModality(Qt.WindowModality.NonModal)
        self.followup_offer = box
        self.followup_offer_schedule = schedule
        box.show()

    def _gesture_granted(self, decision: Any) -> None:
        case = None
        if decision.case_id:
            case = self.timeline.current_case()
            if case is None or case.id != decision.case_id:
                case = None
        self.offer_follow_up(decision.customer_id, case)

    def _on_changes(self, changes: Changes) -> None:
        if self.customer_id and changes.touches_customer(self.customer_id):
            self._load_file()
        QTimer.singleShot(0, self, self._update_actions)  # dropped if the window is gone

    # -- sync -------------------------------------------------------------------------------------
    def sync_now(self) -> None:
        if self.ctx.sync is None:
            self.statusBar().showMessage(self.tr("This desk has no connection to a central system."), 6000)
            return
        self.ctx.request_sync()

    def _set_sync_state(self, state: str) -> None:
        self.sync_state = state
        self.sync_button.setIcon(
            self.ctx.icons.icon(
                f"sync.{state}"
                if state in ("online", "offline", "syncing", "needs_login")
                else "sync.offline"
            )
        )
        self.sync_button.setText(self.tr("Sync") + " · " + state_text(state).split(" — ")[0])
        self.sync_button.setToolTip(tip(state_text(state) + " — " + self.tr("Sync now"), "F5"))
        self.sync_button.setAccessibleName(self.tr("Sync now") + ", " + state_text(state))
        if state == "needs_login":
            self.banner.show_message(
                "needs_login",
                self.tr(
                    "Your session with the central system has ended. The desk keeps working from the cache and your actions wait; log in again to sync them."
                ),
                self.tr("Log in again…"),
                self.loginRequested.emit,
            )
        elif self.banner.kind == "needs_login" and state in ("online", "syncing"):
            self.banner.hide()
            self.banner.kind = ""

    def _sync_finished(self, report: object) -> None:
        # Before the change bus asks the timeline to reload: what it shows now is what the advisor saw.
        self._notice_inbound(report)
        if (
            getattr(report, "pulled", 0)
            or getattr(report, "applied", 0)
            or getattr(report, "conflicts", 0)
            or getattr(report, "rejected", 0)
        ):
            self.ctx.changes.publish(Changes.everything())
        self.refresh_authority()

    def _notice_inbound(self, report: object) -> None:
        """A discreet notice when the pull brought a new inbound message for the customer on screen.

        "New" means absent from the timeline the advisor has been looking at (and not announced
        before): an interaction edited at the centre, or one of ours coming back, stays quiet. After
        a pull too big to list its changes the desk refreshes everything without a notice.
        """
        changed = getattr(report, "changed", None) or {}
        ids = changed.get("interaction")
        cid = self.customer_id
        model = self.timeline.model
        if not ids or cid is None or not self.timeline.loaded or model.customer_id != cid:
            return
        known = {iid for group in model.groups() for iid in group.ids}
        fresh = sorted(i for i in ids if i not in known and i not in self._announced)
        if not fresh:
            return
        cache = self.ctx.cache

        def done(found: list[Interaction]) -> None:
            if self.customer_id != cid:
                return  # the advisor moved on to another customer meanwhile
            inbound = [it for it in found if it.customer_id == cid and it.direction == Direction.INBOUND]
            if not inbound:
                return
            self._announced.update(it.id for it in inbound)
            newest = max(inbound, key=lambda it: it.occurred_at)
            # The channel only: never the text or the customer's name (screens are shared, and
            # OS notification centres keep a log).
            self.notifier.inbound_message(labels.channel(newest.channel))
            self.inboundMessageNoticed.emit(newest.id)

        self.ctx.tasks.run(
            "db",
            lambda: cache.interactions_by_ids(fresh),
            done,
            lambda _e: None,  # a notice is a courtesy: the timeline's own reload reports read errors
            owner=self,
            name="inbound_notice",
        )

    def refresh_authority(self) -> None:
        cache = self.ctx.cache
        getter = getattr(cache, "authority_snapshot", None)
        if getter is None:
            return

        def done(snapshot: object) -> None:
            from advisor_desk.ui.context import Authority

            auth = Authority.from_snapshot(snapshot)
            if auth is not None:
                self.ctx.authority = auth
                self.update_user_label()

        self.ctx.tasks.run("db", getter, done, lambda _e: None, owner=self, name="authority")

    # -- errors -----------------------------------------------------------------------------------
    def show_error(self, text: str) -> None:
        self.banner.show_message("error", text)

    def _action_failed(self, text: str) -> None:
        self.show_error(text)

    def _unhandled_error(self, _name: str, _exc: object) -> None:
        self.show_error(
            self.tr(
                "Something went wrong while reading or saving. Nothing was lost; try again, and tell support if it keeps happening."
            )
        )

    # -- focus and views --------------------------------------------------------------------------
    def focus_queue(self) -> None:
        self.queue_dock.show()
        self.queue_dock.raise_()
        self.queue.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if not self.queue.table.currentIndex().isValid() and self.queue.proxy.rowCount():
            self.queue.table.setCurrentIndex(self.queue.proxy.index(0, 0))

    def focus_timeline(self) -> None:
        self.timeline.view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def open_team_view(self, package: str) -> None:
        if not self.ctx.is_team_lead:
            return
        make = factory(package, "create_view")
        title = self.tr("Decisions") if package == "review" else self.tr("Reports")
        dialog = QDialog(self)
        dialog.setWindowTitle(title)
        dialog.resize(1000, 700)
        layout = QVBoxLayout(dialog)
        if make is not None:
            layout.addWidget(make(self.ctx, dialog))
        else:
            text = (
                self.tr("The decision log review of your team comes here.")
                if package == "review"
                else self.tr("Team reports come here.")
            )
            label = QLabel(text, dialog)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(label)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.team_view = dialog

    def show_shortcuts(self) -> None:
        rows = [
            (self.tr("Search a customer"), "Ctrl+K"),
            (self.tr("Work queue"), "Ctrl+1"),
            (self.tr("Timeline"), "Ctrl+2"),
            (self.tr("Reply"), "Ctrl+R"),
            (self.tr("Say yes"), "Ctrl+G"),
            (self.tr("Customer 360"), "Ctrl+I"),
            (self.tr("Internal note…"), "Ctrl+N"),
            (self.tr("Acknowledge receipt"), "Ctrl+Shift+A"),
            (self.tr("Send / confirm"), "Ctrl+Enter"),
            (self.tr("Decisions (team lead)"), "Ctrl+D"),
            (self.tr("Reports (team lead)"), "Ctrl+P"),
            (self.tr("Sync now"), "F5"),
            (self.tr("Back / close popup"), "Esc"),
        ]
        import html

        table = "".join(
            f"<tr><td>{html.escape(a)}</td><td><b>{html.escape(QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText))}</b></td></tr>"
            for a, k in rows
        )
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Keyboard shortcuts"))
        browser = QTextBrowser(dialog)
        browser.setHtml(f"<table cellpadding=4>{table}</table>")
        layout = QVBoxLayout(dialog)
        layout.addWidget(browser)
        dialog.resize(420, 460)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Advisor Desk"),
            self.tr(
                "Advisor Desk: one timeline per customer across every channel, and the power to say yes."
            ),
        )

    # -- layout memory ----------------------------------------------------------------------------
    def _restore_layout(self) -> None:
        geometry = self.ctx.settings.get("window/geometry")
        state = self.ctx.settings.get("window/state")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.setWindowState(Qt.WindowState.WindowMaximized)  # first start: all the room there is
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)
        else:
            # Dock sizes given before the window is shown are lost: share the room once it is.
            self._size_docks_when_shown = True

    def _default_dock_sizes(self) -> None:
        """First start: the queue wide enough for names and subjects, the side panel for a reply."""
        width = max(self.width(), 1000)
        self.resizeDocks(
            [self.queue_dock, self.side_dock],
            [int(width * 0.36), int(width * 0.28)],
            Qt.Orientation.Horizontal,
        )

    def save_layout(self) -> None:
        self.ctx.settings.set("window/geometry", self.saveGeometry())
        self.ctx.settings.set("window/state", self.saveState())
        self.ctx.settings.sync()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if getattr(self, "_size_docks_when_shown", False):
            self._size_docks_when_shown = False
            QTimer.singleShot(0, self, self._default_dock_sizes)
        QTimer.singleShot(0, self, freeze_startup_objects)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        self.search.close_popup()
        self.notifier.close()
        super().closeEvent(event)
