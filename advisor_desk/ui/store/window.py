"""Store mode: the counter screen of a seller with a customer in front of them, in three steps.

**Find** — one field takes a loyalty card scan, a phone, an e-mail or an order number; a barcode
scanner types the card number fast and presses Enter, which searches at once (the local cache first,
then the centre when online and nothing was found here). **See** — the customer's name, last
interactions, open cases and what I can grant them. **Say yes** — a gesture picked with big buttons,
an amount from presets or typed in the locale's format, a reason, Confirm. Then the voucher code, in
big letters, and a receipt printed through Qt's print dialog or saved as PDF.

Escape always goes back one step and loses nothing: the amount, the gesture and the reason stay as
they were until the gesture is granted or another customer is opened. Everything that reads or writes
runs in the "db" lane (the centre's search in the "net" lane); the same domain authority check as the
desk's Say yes panel runs as the seller types (:mod:`advisor_desk.ui.compensation.draft`).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, QStandardPaths, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from advisor_desk.cache.errors import CacheError, GrantRefused
from advisor_desk.cache.views import MatchedField
from advisor_desk.domain.model import Customer, Decision, DecisionStatus, GestureCode, ReasonCode
from advisor_desk.domain.wire import WireError, from_wire
from advisor_desk.ui import i18n, labels
from advisor_desk.ui.changes import Changes
from advisor_desk.ui.compensation import words
from advisor_desk.ui.compensation.draft import LINE_BOUND, GrantContext, load_grant_context
from advisor_desk.ui.compensation.models import OrderLineModel
from advisor_desk.ui.compensation.notices import NoticeBanner, NoticeBoard
from advisor_desk.ui.compensation.panel import MAX_REASON, AmountCheck, amount_for_field
from advisor_desk.ui.context import DeskContext
from advisor_desk.ui.safe_text import display_text
from advisor_desk.ui.store.models import (
    CasesModel,
    CustomerResultsModel,
    FoundCustomer,
    InteractionsModel,
)
from advisor_desk.ui.store.receipt import Receipt, print_receipt, save_pdf

log = logging.getLogger(__name__)

#: Touch targets: at least 48 px high (WCAG 2.5.5 asks 44 CSS px), and large type for a counter.
TOUCH = 56
STYLE = f"""
#storeWindow, #storeWindow QWidget {{ font-size: 20px; }}
#storeWindow QPushButton, #storeWindow QToolButton, #storeWindow QLineEdit, #storeWindow QComboBox {{
    min-height: {TOUCH}px; font-size: 20px; }}
#storeWindow QListView {{ font-size: 19px; }}
#storeWindow QLabel#stepTitle {{ font-size: 30px; font-weight: bold; }}
#storeWindow QLabel#customerName {{ font-size: 34px; font-weight: bold; }}
#storeWindow QLabel#voucherCode {{ font-size: 56px; font-weight: bold; font-family: monospace; }}
#storeWindow QLineEdit#findField {{ font-size: 30px; min-height: 72px; }}
#storeWindow QLineEdit#storeAmount {{ font-size: 28px; }}
#storeWindow QPushButton#primary {{ font-weight: bold; min-height: 72px; }}
#storeWindow QLabel#problem {{ color: #b3261e; }}
"""
#: How many interactions the See step shows: the last few, the whole story is on the desk.
LAST_INTERACTIONS = 5
#: Matches that are a person's identifier: one such hit opens the customer at once.
IDENTIFIERS = {MatchedField.LOYALTY_CARD, MatchedField.PHONE, MatchedField.EMAIL, MatchedField.ORDER}


def _touch(button: QPushButton | QToolButton) -> None:
    button.setMinimumHeight(TOUCH)
    button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)


def _label(text: str = "", parent: QWidget | None = None, name: str = "") -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    return label


class FindPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addWidget(_label(self.tr("Find the customer"), self, "stepTitle"))
        layout.addWidget(
            _label(
                self.tr(
                    "Scan the loyalty card, or type a phone number, an e-mail or an order number, then Enter."
                ),
                self,
            )
        )
        self.field = QLineEdit(self)
        self.field.setObjectName("findField")
        self.field.setAccessibleName(self.tr("Loyalty card, phone, e-mail or order number"))
        self.field.setMaxLength(200)
        self.field.setClearButtonEnabled(True)
        layout.addWidget(self.field)
        self.status = _label("", self, "findStatus")
        layout.addWidget(self.status)
        self.results = CustomerResultsModel(self)
        self.view = QListView(self)
        self.view.setModel(self.results)
        self.view.setAccessibleName(self.tr("Customers found"))
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.hide()
        layout.addWidget(self.view, 1)
        layout.addStretch(0)


class SeePage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.name = _label("", self, "customerName")
        layout.addWidget(self.name)
        self.details = _label("", self)
        layout.addWidget(self.details)
        columns = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(_label(self.tr("Last interactions"), self, "stepTitle"))
        self.interactions_view = QListView(self)
        self.interactions_view.setAccessibleName(self.tr("Last interactions"))
        self.interactions_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.interactions_view.setWordWrap(True)
        left.addWidget(self.interactions_view, 1)
        left.addWidget(_label(self.tr("Open cases"), self, "stepTitle"))
        self.cases_view = QListView(self)
        self.cases_view.setAccessibleName(self.tr("Open cases"))
        self.cases_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        left.addWidget(self.cases_view, 1)
        self.no_cases = _label(self.tr("No open case."), self)
        left.addWidget(self.no_cases)
        columns.addLayout(left, 3)
        right = QVBoxLayout()
        right.addWidget(_label(self.tr("What I can grant"), self, "stepTitle"))
        self.left_today = _label("", self, "leftToday")
        self.left_customer = _label("", self, "leftCustomer")
        right.addWidget(self.left_today)
        right.addWidget(self.left_customer)
        self.no_authority = _label("", self, "problem")
        right.addWidget(self.no_authority)
        right.addStretch(1)
        self.say_yes = QPushButton(self.tr("Say yes (Enter)"), self)
        self.say_yes.setObjectName("primary")
        _touch(self.say_yes)
        right.addWidget(self.say_yes)
        self.another = QPushButton(self.tr("Another customer"), self)
        _touch(self.another)
        right.addWidget(self.another)
        columns.addLayout(right, 2)
        layout.addLayout(columns, 1)


class SayYesPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.title = _label(self.tr("Say yes"), self, "stepTitle")
        layout.addWidget(self.title)
        self.gesture_box = QWidget(self)
        self.gesture_grid = QGridLayout(self.gesture_box)
        self.gesture_grid.setContentsMargins(0, 0, 0, 0)
        self.gesture_group = QButtonGroup(self)
        self.gesture_group.setExclusive(True)
        layout.addWidget(self.gesture_box)
        self.line_label = _label(self.tr("Order line to refund"), self)
        layout.addWidget(self.line_label)
        self.lines = OrderLineModel(self)
        self.line_combo = QComboBox(self)
        self.line_combo.setModel(self.lines)
        self.line_combo.setAccessibleName(self.tr("Order line to refund"))
        layout.addWidget(self.line_combo)
        row = QHBoxLayout()
        amount_label = _label(self.tr("Amount"), self)
        amount_label.setWordWrap(False)
        row.addWidget(amount_label)
        self.amount = QLineEdit(self)
        self.amount.setObjectName("storeAmount")
        self.amount.setAccessibleName(self.tr("Amount"))
        self.amount.setMaxLength(40)
        amount_label.setBuddy(self.amount)
        row.addWidget(self.amount, 1)
        self.presets_box = QWidget(self)
        self.presets_row = QHBoxLayout(self.presets_box)
        self.presets_row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.presets_box, 2)
        layout.addLayout(row)
        self.bounds = _label("", self, "storeBounds")
        layout.addWidget(self.bounds)
        self.problem = _label("", self, "problem")
        self.problem.hide()
        layout.addWidget(self.problem)
        reason_row = QHBoxLayout()
        self.reason_code = QComboBox(self)
        self.reason_code.setAccessibleName(self.tr("Reason category"))
        self.reason_code.addItem(self.tr("Choose a reason…"), "")
        for code in ReasonCode:
            self.reason_code.addItem(words.reason_label(code), code.value)
        reason_row.addWidget(self.reason_code, 1)
        self.reason_text = QLineEdit(self)
        self.reason_text.setPlaceholderText(self.tr("What happened, in a few words"))
        self.reason_text.setAccessibleName(self.tr("Reason, in a few words"))
        self.reason_text.setMaxLength(MAX_REASON)
        reason_row.addWidget(self.reason_text, 2)
        layout.addLayout(reason_row)
        self.verdict = _label("", self, "storeVerdict")
        layout.addWidget(self.verdict)
        layout.addStretch(1)
        self.confirm = QPushButton(self.tr("Confirm"), self)
        self.confirm.setObjectName("primary")
        _touch(self.confirm)
        layout.addWidget(self.confirm)
        self.preset_buttons: list[QPushButton] = []
        self.gesture_buttons: dict[GestureCode, QToolButton] = {}


class DonePage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.summary = _label("", self, "stepTitle")
        self.summary.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.summary)
        code_title = _label(self.tr("Voucher code"), self)
        code_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(code_title)
        self.code = QLabel(self)
        self.code.setObjectName("voucherCode")
        self.code.setTextFormat(Qt.TextFormat.PlainText)
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.code)
        self.pending = _label(self.tr("Pending confirmation by the centre."), self, "pendingNote")
        self.pending.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.pending)
        self.receipt_status = _label("", self)
        self.receipt_status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.receipt_status)
        layout.addStretch(1)
        row = QHBoxLayout()
        self.print_button = QPushButton(self.tr("Print the receipt"), self)
        self.pdf_button = QPushButton(self.tr("Save the receipt as PDF"), self)
        self.next_button = QPushButton(self.tr("Next customer"), self)
        self.next_button.setObjectName("primary")
        for b in (self.print_button, self.pdf_button, self.next_button):
            _touch(b)
            row.addWidget(b)
        layout.addLayout(row)


class StoreWindow(QWidget):
    """The counter screen. Show it with ``showFullScreen()``."""

    FIND, SEE, SAY_YES, DONE = range(4)
    #: A gesture was granted at the counter.
    gestureGranted = Signal(object)
    #: The step now shown (0 find, 1 see, 2 say yes, 3 done).
    stepChanged = Signal(int)

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("storeWindow")
        self.setWindowTitle(self.tr("Advisor Desk — store counter"))
        self.setStyleSheet(STYLE)
        self.online = ctx.sync is not None
        self.customer_id: str | None = None
        self.grant_context: GrantContext | None = None
        self.decision: Decision | None = None
        self.receipt: Receipt | None = None
        self._search_seq = 0
        self._load_seq = 0
        self._busy = False
        self._touched_amount = False

        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        self.back_button = QPushButton(self.tr("← Back (Esc)"), self)
        self.back_button.setMinimumHeight(TOUCH)
        top.addWidget(self.back_button)
        self.steps = _label("", self, "steps")
        self.steps.setWordWrap(False)
        top.addWidget(self.steps, 1)
        self.seller = _label(f"{ctx.user.display_name} · {labels.role(ctx.user.role)}", self)
        self.seller.setWordWrap(False)
        top.addSpacing(24)
        top.addWidget(self.seller)
        outer.addLayout(top)
        self.offline_note = _label(
            self.tr(
                "Offline: gestures are granted within what remained at the last sync and confirmed by the centre later."
            ),
            self,
            "offlineNote",
        )
        self.offline_note.setVisible(not self.online)
        outer.addWidget(self.offline_note)
        self.board = NoticeBoard(ctx, self)
        self.banner = NoticeBanner(self.board, self)
        outer.addWidget(self.banner)
        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        outer.addWidget(line)

        self.stack = QStackedWidget(self)
        self.find_page = FindPage(self.stack)
        self.see_page = SeePage(self.stack)
        self.yes_page = SayYesPage(self.stack)
        self.done_page = DonePage(self.stack)
        for page in (self.find_page, self.see_page, self.yes_page, self.done_page):
            self.stack.addWidget(page)
        outer.addWidget(self.stack, 1)

        self.interactions = InteractionsModel(ctx.icons, self)
        self.see_page.interactions_view.setModel(self.interactions)
        self.cases = CasesModel(self)
        self.see_page.cases_view.setModel(self.cases)

        self._wire()
        self.board.refresh()
        self.go(self.FIND)
        # The size it has if the window manager ignores full screen (a kiosk without one).
        screen = QGuiApplication.primaryScreen()
        if screen is not None:
            self.resize(screen.availableGeometry().size())

    # -- wiring -------------------------------------------------------------------------------------
    def _wire(self) -> None:
        f, s, y, d = self.find_page, self.see_page, self.yes_page, self.done_page
        f.field.returnPressed.connect(self.search)
        f.view.activated.connect(lambda index: self.choose(index.row()))
        s.say_yes.clicked.connect(lambda: self.go(self.SAY_YES))
        s.another.clicked.connect(self.new_customer)
        y.gesture_group.idClicked.connect(lambda _i: self._gesture_changed())
        y.line_combo.currentIndexChanged.connect(lambda _i: self._gesture_changed())
        y.amount.textEdited.connect(self._amount_edited)
        y.amount.returnPressed.connect(self.confirm)
        y.reason_text.returnPressed.connect(self.confirm)
        y.reason_text.textChanged.connect(lambda _t: self.revalidate())
        y.reason_code.currentIndexChanged.connect(lambda _i: self.revalidate())
        y.confirm.clicked.connect(self.confirm)
        d.print_button.clicked.connect(self.print_receipt)
        d.pdf_button.clicked.connect(self._ask_pdf)
        d.next_button.clicked.connect(self.new_customer)
        self.back_button.clicked.connect(self.back)
        self.escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        self.escape.setContext(Qt.ShortcutContext.WindowShortcut)
        self.escape.activated.connect(self.back)
        self.enter_see = QShortcut(QKeySequence(Qt.Key.Key_Return), s)
        self.enter_see.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.enter_see.activated.connect(lambda: self.go(self.SAY_YES))
        # Full screen has no title bar: the keyboard closes the counter and syncs it.
        self.close_shortcut = QShortcut(QKeySequence("Ctrl+Q"), self)
        self.close_shortcut.activated.connect(self.close)
        self.sync_shortcut = QShortcut(QKeySequence("F5"), self)
        self.sync_shortcut.activated.connect(self.ctx.request_sync)
        self.ctx.changes.changed.connect(lambda changes: self._reload_if(changes))
        sync = self.ctx.sync
        if sync is not None and hasattr(sync, "stateChanged"):
            sync.stateChanged.connect(self._sync_state)  # type: ignore[attr-defined]
        if sync is not None and hasattr(sync, "syncFinished"):
            # No desk window around the counter to say what the sync changed: listen directly.
            sync.syncFinished.connect(self._sync_finished)  # type: ignore[attr-defined]

    def _sync_finished(self, report: Any) -> None:
        changed = any(
            getattr(report, k, 0) for k in ("pulled", "applied", "rejected", "conflicts", "duplicates")
        )
        if changed and self.customer_id is not None:
            self.load_customer(self.customer_id, keep_step=True)

    def _sync_state(self, state: str) -> None:
        self.online = state in ("online", "syncing")
        self.offline_note.setVisible(not self.online)

    def _reload_if(self, changes: Any) -> None:
        if (
            self.customer_id is not None
            and changes.touches_customer(self.customer_id)
            and changes.source is not self
        ):
            self.load_customer(self.customer_id, keep_step=True)

    # -- steps --------------------------------------------------------------------------------------
    @property
    def step(self) -> int:
        return self.stack.currentIndex()

    def go(self, step: int) -> None:
        if step == self.SAY_YES and (self.grant_context is None or self.grant_context.envelope is None):
            return
        self.stack.setCurrentIndex(step)
        names = [self.tr("1 Find"), self.tr("2 See"), self.tr("3 Say yes")]
        shown = min(step, 2)
        self.steps.setText("   ›   ".join(f"[{n}]" if i == shown else n for i, n in enumerate(names)))
        self.back_button.setEnabled(step != self.FIND or bool(self.find_page.field.text()))
        if step == self.FIND:
            self.find_page.field.setFocus()
            self.find_page.field.selectAll()
        elif step == self.SEE:
            self.see_page.say_yes.setFocus()
        elif step == self.SAY_YES:
            self._focus_form()
        else:
            self.done_page.next_button.setFocus()
        self.stepChanged.emit(step)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        # A card scanned while the previous customer is still on screen: the scanner types into
        # whatever has focus (a button, which ignores digits), so the keys arrive here. Start a new
        # search with them rather than losing the scan.
        text = event.text()
        if self.step in (self.SEE, self.DONE) and text and text.isprintable() and not text.isspace():
            self.new_customer()
            self.find_page.field.setText(text)
            self.find_page.field.setFocus()
            return
        super().keyPressEvent(event)

    def back(self) -> None:
        """One step back; what was typed stays."""
        step = self.step
        if step == self.DONE:
            self.go(self.SEE)
        elif step == self.SAY_YES:
            self.go(self.SEE)
        elif step == self.SEE:
            self.go(self.FIND)
        else:
            self.find_page.field.selectAll()  # already the first step: ready for the next scan

    def new_customer(self) -> None:
        self.customer_id = None
        self.grant_context = None
        self.decision = None
        self._clear_form()
        self.find_page.field.clear()
        self.find_page.status.clear()
        self.find_page.results.set_results([])
        self.find_page.view.hide()
        self.go(self.FIND)

    # -- find ---------------------------------------------------------------------------------------
    def search(self) -> None:
        """Search what the field holds (a scanner's Enter lands here)."""
        text = self.find_page.field.text().strip()
        if not text:
            self.find_page.status.setText(self.tr("Scan a card or type something to search for."))
            return
        self._search_seq += 1
        seq = self._search_seq
        self.find_page.status.setText(self.tr("Searching…"))
        cache = self.ctx.cache
        self.ctx.tasks.run(
            "db",
            lambda: cache.search_customers(text, limit=10),
            on_done=lambda hits: self._found_locally(seq, text, hits),
            on_error=lambda exc: self._search_failed(seq, exc),
            owner=self,
            name="store search",
        )

    def _found_locally(self, seq: int, text: str, hits: list[Any]) -> None:
        if seq != self._search_seq:
            return  # a newer scan came in meanwhile
        results = [FoundCustomer(h.customer, h.matched_text) for h in hits]
        exact = [h for h in hits if h.matched in IDENTIFIERS]
        if len(exact) == 1 or len(hits) == 1:
            chosen = exact[0] if len(exact) == 1 else hits[0]
            self.find_page.status.clear()
            self.find_page.view.hide()
            self.load_customer(chosen.customer.id)
            return
        if results:
            self._show_results(results)
            return
        client = self.ctx.client
        if client is not None and self.online:
            self.find_page.status.setText(self.tr("Not on this desk; asking the centre…"))
            self.ctx.tasks.run(
                "net",
                lambda: client.search(text, 10),
                on_done=lambda found: self._found_remotely(seq, found),
                on_error=lambda exc: self._search_failed(seq, exc),
                owner=self,
                name="store central search",
            )
            return
        self._nothing_found()

    def _found_remotely(self, seq: int, found: list[dict[str, Any]]) -> None:
        if seq != self._search_seq:
            return
        results = []
        for data in found:
            try:
                results.append(FoundCustomer(from_wire(Customer, data), remote=True))
            except WireError:
                log.warning("the centre sent a customer that does not have the expected shape")
        if len(results) == 1:
            self.choose_found(results[0])
        elif results:
            self._show_results(results)
        else:
            self._nothing_found()

    def _nothing_found(self) -> None:
        self.find_page.results.set_results([])
        self.find_page.view.hide()
        self.find_page.status.setText(
            self.tr("No customer found. Check the number, or ask for the phone number or the e-mail.")
            if self.online or self.ctx.client is None
            else self.tr("No customer found on this desk, and the centre cannot be reached (offline).")
        )
        self.find_page.field.selectAll()

    def _search_failed(self, seq: int, exc: BaseException) -> None:
        if seq != self._search_seq:
            return
        log.warning("store search failed: %s", exc)
        message = getattr(exc, "user_message", None) or self.tr("The search failed. Try again.")
        self.find_page.status.setText(str(message))

    def _show_results(self, results: list[FoundCustomer]) -> None:
        self.find_page.results.set_results(results)
        self.find_page.view.show()
        self.find_page.status.setText(self.tr("%n customer(s) found: pick one.", "", len(results)))
        self.find_page.view.setCurrentIndex(self.find_page.results.index(0, 0))
        self.find_page.view.setFocus()

    def choose(self, row: int) -> None:
        found = self.find_page.results.result(row)
        if found is not None:
            self.choose_found(found)

    def choose_found(self, found: FoundCustomer) -> None:
        if not found.remote:
            self.load_customer(found.customer.id)
            return
        engine = self.ctx.engine
        if engine is None:
            self.find_page.status.setText(
                self.tr("This customer is not on this desk and cannot be fetched now.")
            )
            return
        self.find_page.status.setText(self.tr("Fetching the customer from the centre…"))
        customer_id = found.customer.id
        self.ctx.tasks.run(
            "net",
            lambda: engine.fetch_customer(customer_id),
            on_done=lambda _n: self.load_customer(customer_id),
            on_error=lambda exc: self._search_failed(self._search_seq, exc),
            owner=self,
            name="store fetch customer",
        )

    # -- see ----------------------------------------------------------------------------------------
    def load_customer(self, customer_id: str, keep_step: bool = False) -> None:
        if customer_id != self.customer_id:
            self._clear_form()
            self.decision = None
        self.customer_id = customer_id
        self._load_seq += 1
        seq = self._load_seq
        cache, user, at = self.ctx.cache, self.ctx.user, self.ctx.now()

        def read() -> tuple[Any, GrantContext | None]:
            timeline = cache.timeline(customer_id, LAST_INTERACTIONS)
            open_cases = [c for c in cache.cases(customer_id) if c.is_open]
            case_id = open_cases[0].id if open_cases else None
            return timeline, load_grant_context(cache, user, customer_id, case_id, at)

        self.ctx.tasks.run(
            "db",
            read,
            on_done=lambda result: self._loaded(seq, result, keep_step),
            on_error=lambda exc: self._search_failed(self._search_seq, exc),
            owner=self,
            name="store customer",
        )

    def _loaded(self, seq: int, result: tuple[Any, GrantContext | None], keep_step: bool) -> None:
        if seq != self._load_seq:
            return
        timeline, context = result
        if timeline is None or context is None:
            self.find_page.status.setText(self.tr("This customer is not on this desk."))
            self.go(self.FIND)
            return
        self.grant_context = context
        c = context.customer
        s = self.see_page
        s.name.setText(display_text(c.display_name))
        details = [labels.tier(c.tier)]
        if c.loyalty_card:
            details.append(self.tr("card %1").replace("%1", c.loyalty_card))
        details += [display_text(p, isolate=False) for p in c.phones[:1]] + [
            display_text(e, isolate=False) for e in c.emails[:1]
        ]
        s.details.setText(" · ".join(details))
        self.interactions.set_interactions(timeline.interactions[:LAST_INTERACTIONS], context.at)
        open_cases = [k for k in timeline.cases if k.is_open]
        self.cases.set_cases(open_cases)
        s.no_cases.setVisible(not open_cases)
        s.cases_view.setVisible(bool(open_cases))
        cur = context.currency
        env = context.envelope
        if env is None:
            s.left_today.clear()
            s.left_customer.clear()
            s.no_authority.setText(
                self.tr(
                    "Your authority has not been received from the centre yet: connect once before granting."
                )
            )
            s.say_yes.setEnabled(False)
        else:
            s.no_authority.clear()
            remaining_today = max(0, env.daily_budget_cents - context.usage.user_today_cents)
            remaining_customer = max(0, env.per_customer_30d_cents - context.usage.customer_30d_cents)
            s.left_today.setText(self.tr("Left today: %1").replace("%1", words.money(remaining_today, cur)))
            s.left_customer.setText(
                self.tr("Left for this customer (30 days): %1").replace(
                    "%1", words.money(remaining_customer, cur)
                )
            )
            s.say_yes.setEnabled(True)
        self._fill_form(context)
        self._refresh_done(context)
        if not keep_step:
            self.go(self.SEE)

    def _refresh_done(self, context: GrantContext) -> None:
        """The centre's answer to the gesture on screen, as soon as the sync brings it."""
        if self.decision is None:
            return
        fresh = next((d for d in context.decisions if d.id == self.decision.id), None)
        if fresh is None or fresh.status is self.decision.status:
            return
        self.decision = fresh
        d = self.done_page
        d.pending.setVisible(fresh.status is DecisionStatus.PENDING)
        if fresh.status is DecisionStatus.GRANTED:
            d.receipt_status.setText(self.tr("Confirmed by the centre."))
        elif fresh.status is DecisionStatus.REJECTED:
            d.code.setText(self.tr("%1 — not valid").replace("%1", fresh.voucher_code or ""))
            d.receipt_status.setText(
                self.tr("Refused by the centre: %1").replace(
                    "%1", display_text(fresh.rejection_reason or "", isolate=False)
                )
            )
        if self.receipt is not None:
            self.receipt = self.make_receipt(fresh, context.customer)

    # -- say yes ------------------------------------------------------------------------------------
    def _clear_form(self) -> None:
        y = self.yes_page
        y.amount.clear()
        y.reason_text.clear()
        y.reason_code.setCurrentIndex(0)
        y.problem.hide()
        self._touched_amount = False
        checked = y.gesture_group.checkedButton()
        if checked is not None:
            y.gesture_group.setExclusive(False)
            checked.setChecked(False)
            y.gesture_group.setExclusive(True)

    def _fill_form(self, context: GrantContext) -> None:
        y = self.yes_page
        current = self.current_gesture()
        for button in list(y.gesture_buttons.values()):
            y.gesture_group.removeButton(button)
            y.gesture_grid.removeWidget(button)
            button.deleteLater()
        y.gesture_buttons = {}
        suggested = set(context.suggested())
        for i, code in enumerate(context.gestures()):
            button = QToolButton(y.gesture_box)
            button.setText(words.gesture_label(code))
            button.setIcon(self.ctx.icons.icon(f"gesture.{code}"))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setCheckable(True)
            button.setMinimumHeight(72)
            button.setIconSize(QSize(32, 32))
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.setAccessibleName(words.gesture_label(code))
            if code in suggested:
                button.setToolTip(self.tr("Suggested for this case"))
                font = button.font()
                font.setBold(True)
                button.setFont(font)
            y.gesture_group.addButton(button, i)
            y.gesture_grid.addWidget(button, i // 3, i % 3)
            y.gesture_buttons[code] = button
        if current in y.gesture_buttons:
            y.gesture_buttons[current].setChecked(True)
        elif y.gesture_buttons:
            # the most fitting gesture already picked: one tap less at the counter
            next(iter(y.gesture_buttons.values())).setChecked(True)
        y.line_combo.blockSignals(True)
        y.lines.set_lines(context.lines)
        order = context.order
        rows = [
            i
            for i, line in enumerate(context.lines)
            if line.left_cents > 0 and (order is None or line.order_id == order.id)
        ]
        y.line_combo.setCurrentIndex(rows[0] if rows else (0 if context.lines else -1))
        y.line_combo.blockSignals(False)
        if context.case is not None and y.reason_code.currentIndex() == 0:
            code = words.REASON_FOR_CATEGORY.get(context.case.category)
            if code is not None:
                y.reason_code.setCurrentIndex(y.reason_code.findData(code.value))
        self._gesture_changed()

    def current_gesture(self) -> GestureCode | None:
        for code, button in self.yes_page.gesture_buttons.items():
            if button.isChecked():
                return code
        return None

    def pick_gesture(self, code: GestureCode) -> bool:
        button = self.yes_page.gesture_buttons.get(code)
        if button is None:
            return False
        button.setChecked(True)
        self._gesture_changed()
        return True

    def _line_id(self, gesture: GestureCode | None) -> str | None:
        if gesture not in LINE_BOUND:
            return None
        line = self.yes_page.lines.line(self.yes_page.line_combo.currentIndex())
        return line.line_id if line is not None else None

    def _focus_form(self) -> None:
        y = self.yes_page
        if self.current_gesture() is None:
            buttons = list(y.gesture_buttons.values())
            if buttons:
                buttons[0].setFocus()
        else:
            y.amount.setFocus()

    def _gesture_changed(self) -> None:
        y, context, gesture = self.yes_page, self.grant_context, self.current_gesture()
        is_line = gesture in LINE_BOUND
        y.line_label.setVisible(is_line)
        y.line_combo.setVisible(is_line)
        for button in y.preset_buttons:
            y.presets_row.removeWidget(button)
            button.deleteLater()
        y.preset_buttons = []
        if context is not None and gesture is not None:
            line_id = self._line_id(gesture)
            ceiling = context.ceiling(gesture, line_id)
            for cents in context.presets(gesture, line_id)[:5]:
                button = QPushButton(words.money(cents, context.currency), y.presets_box)
                button.setAccessibleName(self.tr("Amount %1").replace("%1", button.text()))
                if cents > ceiling.max_grantable_cents:
                    button.setEnabled(False)
                    button.setToolTip(self.tr("Beyond what I can grant now"))
                button.setProperty("cents", cents)
                button.setAutoDefault(False)
                _touch(button)
                button.clicked.connect(lambda _c=False, v=cents: self.set_amount_cents(v))
                y.presets_row.addWidget(button)
                y.preset_buttons.append(button)
            if ceiling.max_grantable_cents > 0:
                y.bounds.setText(
                    self.tr("From %1 to %2")
                    .replace("%1", words.money(1, context.currency))
                    .replace("%2", words.money(ceiling.max_grantable_cents, context.currency))
                )
            else:
                y.bounds.setText(self.tr("Nothing left to grant now for this gesture."))
        else:
            y.bounds.clear()
        self.revalidate()

    def set_amount_cents(self, cents: int) -> None:
        self.yes_page.amount.setText(amount_for_field(cents))
        self._touched_amount = True
        self.revalidate()

    def _amount_edited(self, _text: str) -> None:
        self._touched_amount = True
        self.revalidate()

    def revalidate(self) -> bool:
        y, context, gesture = self.yes_page, self.grant_context, self.current_gesture()
        check = AmountCheck(y.amount.text())
        currency = context.currency if context else "EUR"
        show = check.problem is not None and self._touched_amount and bool(y.amount.text().strip())
        y.problem.setVisible(show)
        if show and check.problem is not None:
            y.problem.setText(words.amount_problem(check.problem, currency))
        y.verdict.setStyleSheet("")
        ok = False
        if context is None or gesture is None:
            y.verdict.setText(self.tr("Pick a gesture."))
        elif gesture in LINE_BOUND and self._line_id(gesture) is None:
            y.verdict.setText(self.tr("Choose the order line to refund."))
        elif check.cents is None:
            y.verdict.setText("" if show else self.tr("Pick or type an amount."))
        else:
            verdict = context.verdict(gesture, check.cents, self._line_id(gesture))
            if not verdict.allowed:
                y.verdict.setText(words.verdict_text(verdict, gesture, currency))
                y.verdict.setStyleSheet("color: #b3261e;")
                y.confirm.setText(words.over_by(verdict, currency))
                y.confirm.setEnabled(False)
                return False
            if y.reason_code.currentData() and y.reason_text.text().strip():
                ok = True
                y.verdict.clear()
            else:
                y.verdict.setText(self.tr("Give a reason: a category and a few words."))
        if ok and check.cents is not None:
            y.confirm.setText(
                self.tr("Confirm: %1 (Enter)").replace("%1", words.money(check.cents, currency))
            )
        else:
            y.confirm.setText(self.tr("Confirm"))
        y.confirm.setEnabled(ok and not self._busy)
        return ok

    def confirm(self) -> None:
        self._touched_amount = True
        if self._busy or not self.revalidate():
            return
        y, context, gesture = self.yes_page, self.grant_context, self.current_gesture()
        assert context is not None and gesture is not None
        cents = AmountCheck(y.amount.text()).cents
        args = dict(
            user=self.ctx.user,
            customer_id=context.customer.id,
            case_id=context.case.id if context.case else None,
            gesture=gesture,
            amount_cents=cents,
            currency=context.currency,
            reason_code=ReasonCode(y.reason_code.currentData()),
            reason_text=y.reason_text.text().strip(),
            order_line_id=self._line_id(gesture),
            offline=not self.online,
        )
        cache = self.ctx.cache
        self._busy = True
        y.confirm.setEnabled(False)
        y.confirm.setText(self.tr("Saying yes…"))
        self.ctx.tasks.run(
            "db",
            lambda: cache.grant_gesture(**args),
            on_done=self._granted,
            on_error=self._grant_failed,
            owner=self,
            name="store grant",
        )

    def _granted(self, decision: Decision) -> None:
        self._busy = False
        self.decision = decision
        context = self.grant_context
        assert context is not None
        self._clear_form()
        self.receipt = self.make_receipt(decision, context.customer)
        d = self.done_page
        d.summary.setText(
            self.tr("Granted: %1 %2")
            .replace("%1", words.gesture_label(decision.gesture))
            .replace("%2", words.money(decision.amount_cents, decision.currency))
        )
        d.code.setText(decision.voucher_code or "")
        d.pending.setVisible(decision.status is DecisionStatus.PENDING)
        d.receipt_status.clear()
        self.gestureGranted.emit(decision)
        self.ctx.changes.publish(
            Changes.of(decision.customer_id, decision.case_id, kinds=("decisions",), source=self)
        )
        self.ctx.request_sync()
        self.go(self.DONE)
        self.load_customer(decision.customer_id, keep_step=True)

    def _grant_failed(self, exc: BaseException) -> None:
        self._busy = False
        self.revalidate()
        y, context, gesture = self.yes_page, self.grant_context, self.current_gesture()
        if isinstance(exc, GrantRefused) and context is not None and gesture is not None:
            y.verdict.setText(words.verdict_text(exc.verdict, gesture, context.currency))
        elif isinstance(exc, CacheError):
            y.verdict.setText(self.tr("The gesture was not saved: %1").replace("%1", str(exc)))
        else:
            log.error("store grant failed", exc_info=exc)
            y.verdict.setText(
                self.tr("The gesture was not saved because of an unexpected error. Nothing was granted.")
            )
        y.verdict.setStyleSheet("color: #b3261e;")
        if self.customer_id:
            self.load_customer(self.customer_id, keep_step=True)

    # -- receipt ------------------------------------------------------------------------------------
    def make_receipt(self, decision: Decision, customer: Customer) -> Receipt:
        return Receipt(
            store=self.ctx.user.team,
            date_text=i18n.format_absolute(decision.granted_at),
            customer_name=customer.display_name,
            gesture=words.gesture_label(decision.gesture),
            amount=words.money(decision.amount_cents, decision.currency),
            voucher_code=decision.voucher_code or "",
            pending=decision.status is DecisionStatus.PENDING,
            seller=self.ctx.user.display_name,
            reason=words.reason_label(decision.reason_code),
        )

    def save_receipt_pdf(self, path: Path | str) -> Path | None:
        if self.receipt is None:
            return None
        try:
            saved = save_pdf(self.receipt, path)
        except OSError as exc:
            self.done_page.receipt_status.setText(
                self.tr("The receipt could not be saved: %1").replace("%1", str(exc))
            )
            return None
        self.done_page.receipt_status.setText(self.tr("Receipt saved: %1").replace("%1", str(saved)))
        return saved

    def _ask_pdf(self) -> None:
        if self.receipt is None:
            return
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name = f"{self.receipt.voucher_code or 'receipt'}.pdf"
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the receipt as PDF"), str(Path(folder) / name), self.tr("PDF files (*.pdf)")
        )
        if path:
            self.save_receipt_pdf(path)

    def print_receipt(self) -> None:
        if self.receipt is not None and print_receipt(self.receipt, self):
            self.done_page.receipt_status.setText(self.tr("Receipt sent to the printer."))
