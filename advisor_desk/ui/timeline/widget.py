"""The timeline panel (Ctrl+2): filters, the case-grouped tree of interactions, the new-activity banner.

Opening a customer loads, in the "db" lane, the ids of every interaction per case group plus the
first page; the rest is loaded as it scrolls into view. A newer load always wins over an older one
(a generation number), so a slow answer for the previous customer never shows over the current one.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QPushButton,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from advisor_desk.cache.codec import parse_ts, ts
from advisor_desk.domain.channels import Channel
from advisor_desk.domain.model import Case, Interaction
from advisor_desk.ui import i18n, labels
from advisor_desk.ui.changes import Changes
from advisor_desk.ui.context import DeskContext
from advisor_desk.ui.queue.widget import FilterButton
from advisor_desk.ui.safe_text import ReadInFullDialog, one_line
from advisor_desk.ui.timeline.delegate import TimelineDelegate
from advisor_desk.ui.timeline.model import (
    CASE_ROLE,
    INTERACTION_ROLE,
    KIND_ROLE,
    PAGE,
    CaseGroup,
    CaseListModel,
    TimelineEntry,
    TimelineModel,
    TimelineSnapshot,
)


def load_snapshot(
    cache: Any,
    customer_id: str,
    channels: list[str] | None,
    case_id: str | None,
    team: str = "",
    now: datetime | None = None,
    focus: str | None = None,
) -> TimelineSnapshot:
    """Runs in the "db" lane: the case groups (ids only) and the first page of each expanded group.

    Nothing is decoded that the first paint does not show: the interaction index (id, case, time)
    groups the history and places gestures and ratings among it; cases stay in their stored form
    until their header is painted; only the open cases' first pages (and the ``focus`` case's, the
    one the advisor came for) are read.
    """
    if cache.customer(customer_id) is None:
        return TimelineSnapshot(customer_id, [], {}, 0)
    case_rows = cache.case_rows(customer_id)
    known = {cid for cid, _open, _raw in case_rows}
    index = cache.interaction_times(customer_id, channels=channels)
    by_case: dict[str | None, list[str]] = {}
    newest: dict[str | None, int] = {}
    times: dict[str, str] = {}
    for position, (iid, cid, when) in enumerate(index):
        key = cid if cid in known else None
        group_ids = by_case.get(key)
        if group_ids is None:
            by_case[key] = group_ids = []
            newest[key] = position
        group_ids.append(iid)
        times[iid] = when
    groups: list[CaseGroup] = []
    for cid, is_open, raw in case_rows:
        if case_id and cid != case_id:
            continue
        ids = by_case.get(cid, [])
        if ids or not channels:  # with a channel filter, a case with nothing to show is left out
            groups.append(
                CaseGroup(
                    case_id=cid, is_open=is_open, raw=raw, decode=cache.decode_case, ids=ids, count=len(ids)
                )
            )
    if not case_id and by_case.get(None):
        groups.append(CaseGroup(None, by_case[None], count=len(by_case[None])))
    big = len(index) + 1
    # Open cases first, then by their newest interaction (newest first).
    groups.sort(key=lambda g: (0 if g.is_open else 1, newest.get(g.case_id, big) if g.ids else big))
    # Gestures, escalations and ratings join their case (not with a channel filter: they have none).
    entries = {} if channels else case_entries(cache, customer_id)
    by_group: dict[str | None, list[tuple[str, str]]] = {}
    for entry, cid, when in entries.values():
        by_group.setdefault(cid if cid in known else None, []).append((entry.id, when))
    if by_group.get(None) and not case_id and not any(g.case_id is None for g in groups):
        groups.append(CaseGroup(None, [], count=0))
    for g in groups:
        extra = by_group.get(g.case_id)
        if extra:
            g.ids = merge_entries(g.ids, extra, times)
    only = len(groups) == 1
    wanted = [
        i
        for g in groups
        if g.is_open or only or (focus is not None and g.case_id == focus)
        for i in g.ids[:PAGE]
        if i in times
    ]
    loaded = {it.id: it for it in cache.interactions_by_ids(wanted)} if wanted else {}
    where = {iid: (n, r) for n, g in enumerate(groups) for r, iid in enumerate(g.ids)}
    watch = watch_statuses(cache, groups, team, now) if team else {}
    return TimelineSnapshot(
        customer_id, groups, loaded, len(index), {e.id: e for e, _c, _w in entries.values()}, watch, where
    )


def watch_statuses(
    cache: Any, groups: list[CaseGroup], team: str, now: datetime | None = None
) -> dict[str, Any]:
    """Watch flags of the cases' products (watched ones only). It reads the team's complaints (tens
    of ms): the widget runs it after the first paint rather than inside the snapshot."""
    products = {g.case.product_id for g in groups if g.case is not None and g.case.product_id}
    if not products or not team:
        return {}
    from advisor_desk.ui.watch.data import product_statuses

    when = now or datetime.now().astimezone()
    return {k: v for k, v in product_statuses(cache, products, team, when).items() if v.watched}


def case_entries(cache: Any, customer_id: str) -> dict[str, tuple[TimelineEntry, str | None, str]]:
    """The customer's gestures, escalation requests and satisfaction ratings as timeline rows:
    by entry id, (entry, case id, time as the cache stores it)."""
    out: dict[str, tuple[TimelineEntry, str | None, str]] = {}
    gesture_title = QCoreApplication.translate("Timeline", "Goodwill gesture: %1 %2")
    for d in cache.decisions(customer_id=customer_id):
        entry = TimelineEntry(
            f"decision:{d.id}",
            "decision",
            d.granted_at,
            f"gesture.{d.gesture}",
            gesture_title.replace("%1", labels.gesture(d.gesture)).replace(
                "%2", i18n.format_money(d.amount_cents, d.currency)
            ),
            " · ".join(
                p
                for p in (
                    labels.decision_status(d.status),
                    d.voucher_code or "",
                    one_line(d.rejection_reason or "", 120),
                    one_line(d.reason_text, 120),
                )
                if p
            ),
            str(d.status),
        )
        out[entry.id] = (entry, d.case_id, ts(d.granted_at))
    escalation_title = QCoreApplication.translate("Timeline", "Escalation to the team lead: %1 %2")
    for e in cache.escalations(customer_id=customer_id):
        entry = TimelineEntry(
            f"escalation:{e.id}",
            "escalation",
            e.requested_at,
            "entry.escalation",
            escalation_title.replace("%1", labels.gesture(e.gesture)).replace(
                "%2", i18n.format_money(e.amount_cents, e.currency)
            ),
            " · ".join(
                p
                for p in (
                    labels.escalation_status(e.status),
                    one_line(e.answer_comment or "", 120),
                    one_line(e.reason_text, 120),
                )
                if p
            ),
            str(e.status),
        )
        out[entry.id] = (entry, e.case_id, ts(e.requested_at))
    sources = {
        "survey": QCoreApplication.translate("Timeline", "survey"),
        "": QCoreApplication.translate("Timeline", "entered by the advisor"),
    }
    rating_title = QCoreApplication.translate("Timeline", "Customer satisfaction: %1/5")
    titles = {score: rating_title.replace("%1", str(score)) for score in range(1, 6)}
    for rid, case_id, when, score, source in cache.satisfaction_marks(customer_id):
        entry = TimelineEntry(
            f"rating:{rid}",
            "rating",
            parse_ts(when),
            "entry.rating",
            titles[score],
            "★" * score + "☆" * (5 - score) + " · " + sources.get(source, sources[""]),
        )
        out[entry.id] = (entry, case_id, when)
    return out


def merge_entries(ids: list[str], entries: list[tuple[str, str]], times: dict[str, str]) -> list[str]:
    """Put entries, (entry id, stored time), among a group's interaction ids (newest first) by time.

    ``times`` are the interactions' stored UTC texts (text order is time order), so nothing needs
    decoding; an entry goes before an interaction of the same instant.
    """
    ordered = sorted(((when, entry_id) for entry_id, when in entries), reverse=True)
    out: list[str] = []
    k = 0
    for iid in ids:
        when = times.get(iid, "")
        while k < len(ordered) and ordered[k][0] >= when:
            out.append(ordered[k][1])
            k += 1
        out.append(iid)
    out.extend(entry_id for _when, entry_id in ordered[k:])
    return out


#: How long after a timeline is shown its product-watch flags are read (the first paint comes first).
WATCH_DELAY_MS = 200


class TimelineWidget(QWidget):
    caseSelected = Signal(str)  # case id, "" for none
    newActivity = Signal(str)  # case id that got new interactions while open
    #: A customer's timeline was (re)loaded: the current case may have changed state.
    timelineLoaded = Signal()

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("timeline")
        self.customer_id: str | None = None
        self.case_id: str | None = None
        self._generation = 0
        self._seen: dict[str, int] = {}
        self._loading = False
        self.loaded = False

        self.channels = FilterButton(
            self.tr("Channels"),
            [(c.value, labels.channel(c)) for c in Channel],
            ctx.settings.get("timeline/channels"),
            self,
        )
        self.channels.setToolTip(self.tr("Show only some channels"))
        self.channels.changed.connect(self._filters_changed)
        self.case_filter = QComboBox(self)
        self.case_filter.setAccessibleName(self.tr("Case filter"))
        self.case_filter.setToolTip(self.tr("Show one case"))
        self.case_filter.setMinimumContentsLength(24)
        self.case_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.case_list = CaseListModel(self.tr("All cases"), ctx.icons.channel, self)
        self.case_filter.setModel(self.case_list)
        view = self.case_filter.view()
        if isinstance(view, QListView):
            view.setUniformItemSizes(True)  # a thousand cases: labels made only for those in view
        self.case_filter.activated.connect(self._filters_changed)
        self.this_case_only = QCheckBox(self.tr("This case only"), self)
        self.this_case_only.setToolTip(self.tr("Show only the case selected in the work queue"))
        self.this_case_only.toggled.connect(self._this_case_toggled)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.channels)
        bar.addWidget(self.case_filter, 1)
        bar.addWidget(self.this_case_only)

        self.banner = QFrame(self)
        self.banner.setObjectName("newActivityBanner")
        self.banner.setFrameShape(QFrame.Shape.StyledPanel)
        self.banner_text = QLabel(self.banner)
        self.banner_text.setTextFormat(Qt.TextFormat.PlainText)
        self.banner_show = QPushButton(self.tr("Show"), self.banner)
        self.banner_show.clicked.connect(self._show_new_activity)
        bl = QHBoxLayout(self.banner)
        bl.setContentsMargins(8, 4, 8, 4)
        bl.addWidget(self.banner_text, 1)
        bl.addWidget(self.banner_show)
        self.banner.hide()

        self.model = TimelineModel(self)
        self.model.now = ctx.now
        self.model.request_page = self._load_page
        self.view = QTreeView(self)
        self.view.setModel(self.model)
        self.model.rowsInserted.connect(self._groups_revealed)
        self.view.setHeaderHidden(True)
        self.view.setUniformRowHeights(True)
        self.view.setItemDelegate(TimelineDelegate(ctx.icons, ctx.now, self.view))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setAccessibleName(self.tr("Customer timeline"))
        self.view.setAnimated(False)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.activated.connect(self._on_activated)
        self.view.selectionModel().currentChanged.connect(self._on_current)

        self.read_full = QAction(ctx.icons.icon("action.read_full"), self.tr("Read in full"), self)
        self.read_full.setShortcut(QKeySequence(Qt.Key.Key_Space))
        self.read_full.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.read_full.triggered.connect(self.read_current_in_full)
        self.view.addAction(self.read_full)

        self.message = QLabel(self)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.message)
        self.stack.addWidget(self.view)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.banner)
        layout.addWidget(self.stack, 1)
        self.setFocusProxy(self.view)
        self._show_message(
            self.tr("No customer open. Pick a case in the work queue (Ctrl+1) or search a customer (Ctrl+K).")
        )
        ctx.changes.changed.connect(self._on_changes)

    # -- opening ----------------------------------------------------------------------------------
    def show_customer(self, customer_id: str | None, case_id: str | None = None) -> None:
        changed_customer = customer_id != self.customer_id
        self.customer_id = customer_id
        self.case_id = case_id or None
        self.banner.hide()
        if changed_customer:
            self._seen.clear()
            self.case_filter.setCurrentIndex(0)
        if customer_id is None:
            self.model.set_snapshot(None)
            self._show_message(
                self.tr(
                    "No customer open. Pick a case in the work queue (Ctrl+1) or search a customer (Ctrl+K)."
                )
            )
            return
        if changed_customer:
            self._show_message(self.tr("Loading the timeline…"))
        self.reload(scroll_to_case=True)

    def reload(self, scroll_to_case: bool = False, from_change: bool = False) -> None:
        if self.customer_id is None:
            return
        self._generation += 1
        generation = self._generation
        customer_id = self.customer_id
        channels = self.channels.values() or None
        case_id = self._case_filter_value()
        focus = self.case_id
        cache = self.ctx.cache
        self.ctx.tasks.run(
            "db",
            lambda: load_snapshot(cache, customer_id, channels, case_id, focus=focus),
            lambda snap: self._loaded(generation, snap, scroll_to_case, from_change),
            lambda exc: self._failed(generation, exc),
            owner=self,
            name="timeline",
        )

    def _case_filter_value(self) -> str | None:
        if self.this_case_only.isChecked() and self.case_id:
            return self.case_id
        value = self.case_filter.currentData()
        return value or None

    def _loaded(self, generation: int, snap: TimelineSnapshot, scroll: bool, from_change: bool) -> None:
        if generation != self._generation:
            return  # an older answer: a newer load is on its way
        # Resetting the model, showing the view and expanding move the view's current row: none of
        # that is the advisor choosing another case, so the selection is not announced meanwhile.
        self._loading = True
        try:
            self._show_snapshot(snap, scroll, from_change)
        finally:
            self._loading = False
        self.timelineLoaded.emit()
        # After the first paint: the watch read is Python-heavy and would hold the GIL meanwhile.
        QTimer.singleShot(WATCH_DELAY_MS, self, lambda: self._load_watch(generation, snap))

    def _load_watch(self, generation: int, snap: TimelineSnapshot) -> None:
        """Product-watch flags on the case headers, read after the first paint (they cost more)."""
        groups = list(snap.groups)
        if not any(g.case_id for g in groups):
            return
        cache, team, now = self.ctx.cache, self.ctx.user.team, self.ctx.now()

        def done(watch: dict[str, Any]) -> None:
            if generation == self._generation and watch:
                self.model.set_watch(watch)

        self.ctx.tasks.run(
            "db",
            lambda: watch_statuses(cache, groups, team, now),
            done,
            lambda _exc: None,  # no flag rather than an error: the timeline itself is fine
            owner=self,
            name="timeline_watch",
        )

    def _show_snapshot(self, snap: TimelineSnapshot, scroll: bool, from_change: bool) -> None:
        self._check_new_activity(snap, from_change)
        expanded = self._expanded_case_ids() if from_change else None
        current_case = self.current_case()
        target = self.case_id if scroll else (current_case.id if current_case is not None else None)
        self.model.set_snapshot(snap)
        self._fill_case_filter(snap)
        self.loaded = True
        if not snap.groups:
            self._show_message(
                self.tr("No interaction matches these filters.")
                if snap.total or self.channels.values() or self._case_filter_value()
                else self.tr("This customer has no interaction yet.")
            )
            return
        self.stack.setCurrentWidget(self.view)
        self._expand_groups(0, self.model.shown_groups() - 1, expanded)
        if target:
            self.scroll_to_case(target)
        elif scroll:
            self.view.scrollToTop()

    def _expand_groups(self, first: int, last: int, expanded: set[str] | None = None) -> None:
        """Expand the open cases (and the one the advisor came for) among these header rows; after a
        change, keep what the advisor had expanded instead. Folded rows are left alone (they are)."""
        groups = self.model.groups()
        single = len(groups) == 1
        for row in range(first, min(last, len(groups) - 1) + 1):
            group = groups[row]
            if expanded is not None:
                keep = (group.case_id or "") in expanded
            else:
                keep = (group.case_id is None and single) or (
                    group.case_id is not None and (group.is_open or group.case_id == self.case_id)
                )
            if keep:
                self.view.setExpanded(self.model.index(row, 0), True)

    def _groups_revealed(self, parent: QModelIndex, first: int, last: int) -> None:
        if not parent.isValid():  # more case headers came into view as the advisor scrolled
            self._expand_groups(first, last)

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._show_message(self.tr("The timeline could not be read from the local cache."))

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.stack.setCurrentWidget(self.message)

    def _load_page(self, ids: list[str]) -> None:
        generation = self._generation
        cache = self.ctx.cache

        def done(items: list[Interaction]) -> None:
            if generation == self._generation:
                self.model.add_interactions(items)

        self.ctx.tasks.run(
            "db",
            lambda: list(cache.interactions_by_ids(ids)),
            done,
            lambda _exc: self.model.forget_requests(ids),
            owner=self,
            name="timeline_page",
        )

    def _fill_case_filter(self, snap: TimelineSnapshot) -> None:
        if self._case_filter_value():
            return  # keep the list while one case is shown
        keep = self.case_filter.currentData()
        self.case_filter.blockSignals(True)
        self.case_list.set_groups(snap.groups)
        self.case_filter.setCurrentIndex(self.case_list.row_of(keep))
        self.case_filter.blockSignals(False)

    def _expanded_case_ids(self) -> set[str]:
        out: set[str] = set()
        for row in range(self.model.rowCount()):
            index = self.model.index(row, 0)
            if self.view.isExpanded(index):
                case = index.data(CASE_ROLE)
                out.add(case.id if case else "")
        return out

    # -- selection and scrolling ------------------------------------------------------------------
    def scroll_to_case(self, case_id: str) -> bool:
        row = self.model.group_row_of_case(case_id)
        if row < 0:
            return False
        self.model.reveal(row)
        index = self.model.index(row, 0)
        self.view.setExpanded(index, True)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtTop)
        return True

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid() or self._loading:
            return
        group = current if current.data(KIND_ROLE) == "case" else current.parent()
        case = group.data(CASE_ROLE)
        case_id = case.id if case is not None else ""
        if case_id != (self.case_id or ""):
            self.case_id = case_id or None
            self.caseSelected.emit(case_id)

    def current_case(self) -> Case | None:
        index = self.view.currentIndex()
        if not index.isValid():
            row = self.model.group_row_of_case(self.case_id) if self.case_id else -1
            return self.model.index(row, 0).data(CASE_ROLE) if row >= 0 else None
        group = index if index.data(KIND_ROLE) == "case" else index.parent()
        return group.data(CASE_ROLE)

    def _on_activated(self, index: QModelIndex) -> None:
        if index.data(KIND_ROLE) == "interaction":
            self.read_current_in_full()
        else:
            self.view.setExpanded(index, not self.view.isExpanded(index))

    def read_current_in_full(self) -> None:
        index = self.view.currentIndex()
        it: Interaction | None = index.data(INTERACTION_ROLE) if index.isValid() else None
        if it is None:
            return
        title = f"{labels.channel(it.channel)} · {one_line(it.author, 60)}"
        dialog = ReadInFullDialog(title, it.text, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.last_dialog = dialog

    def _context_menu(self, pos: Any) -> None:
        index = self.view.indexAt(pos)
        if not index.isValid():
            return
        menu = QMenu(self)
        if index.data(KIND_ROLE) == "interaction":
            menu.addAction(self.read_full)
        for action in getattr(self, "case_actions", []):
            menu.addAction(action)
        menu.popup(self.view.viewport().mapToGlobal(pos))

    # -- filters and changes ----------------------------------------------------------------------
    def _filters_changed(self, *_args: Any) -> None:
        self.ctx.settings.set("timeline/channels", self.channels.values())
        self.reload()

    def _this_case_toggled(self, _on: bool) -> None:
        self.reload(scroll_to_case=True)

    def _on_changes(self, changes: Changes) -> None:
        if self.customer_id and changes.touches_customer(self.customer_id):
            # What this desk wrote itself is not "new activity" for the advisor who wrote it.
            self.reload(from_change="local" not in changes.kinds)

    def _check_new_activity(self, snap: TimelineSnapshot, from_change: bool) -> None:
        counts = {
            g.case_id: g.count if g.count is not None else sum(1 for i in g.ids if i not in snap.entries)
            for g in snap.groups
            if g.case_id is not None
        }
        if from_change and self.case_id and self.case_id in self._seen:
            before = self._seen[self.case_id]
            after = counts.get(self.case_id, before)
            if after > before:
                self.banner_text.setText(
                    self.tr(
                        "New activity on this case since you opened it: %n new interaction(s).",
                        "",
                        after - before,
                    )
                )
                self.banner.show()
                self.newActivity.emit(self.case_id)
        for case_id, n in counts.items():
            if case_id not in self._seen or not from_change:
                self._seen[case_id] = n

    def _show_new_activity(self) -> None:
        self.banner.hide()
        if self.case_id:
            row = self.model.group_row_of_case(self.case_id)
            group = self.model.index(row, 0)
            if row >= 0:
                self._seen[self.case_id] = self.model.interaction_count(self.model.groups()[row])
            self.scroll_to_case(self.case_id)
            if self.model.rowCount(group):
                self.view.setCurrentIndex(self.model.index(0, 0, group))
