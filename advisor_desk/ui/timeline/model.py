"""The timeline's model: case headers with their interactions as children, newest first.

A customer may have 5,000 interactions. The model keeps only ids per case group (cheap, known at
once) and the interactions it has been given; a row whose interaction is not loaded yet shows a
placeholder and asks for its page through ``request_page`` (the widget loads it in the "db" lane and
calls :meth:`TimelineModel.add_interactions`), as Anki's browser table does. So the first paint needs
only the ids and the first page, and scrolling loads what comes into view.

Case headers are lazy too: a customer with a thousand closed cases shows the first
:data:`FIRST_GROUPS` headers (every open case among them), and the view asks for more through
``canFetchMore``/``fetchMore`` as the advisor scrolls; a case still in its stored form is decoded when
its header is first painted.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from advisor_desk.domain.channels import DEFAULT_TARGETS, Countdown, ResponseTarget, countdown
from advisor_desk.domain.model import Case, Interaction
from advisor_desk.ui import i18n, labels
from advisor_desk.ui.safe_text import one_line, plain_tooltip

KIND_ROLE = Qt.ItemDataRole.UserRole + 1  # "case" or "interaction"
CASE_ROLE = Qt.ItemDataRole.UserRole + 2  # the Case of a header row (None for "no case")
INTERACTION_ROLE = Qt.ItemDataRole.UserRole + 3  # the Interaction, None until loaded
ID_ROLE = Qt.ItemDataRole.UserRole + 4
COUNTDOWN_ROLE = Qt.ItemDataRole.UserRole + 5
COUNT_ROLE = Qt.ItemDataRole.UserRole + 6
WATCH_ROLE = Qt.ItemDataRole.UserRole + 8  # a case header's product-watch flag text ("" when none)
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 7  # the TimelineEntry of a decision, escalation or rating row

PAGE = 100
#: Case headers shown at first (all open cases are, however many), then this many more per fetch.
FIRST_GROUPS = 40
MORE_GROUPS = 100
_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
#: Made once: combining Qt flags in Python at each call costs more than the rest of flags().
_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class CaseGroup:
    """A case header of the timeline (``case`` None: interactions linked to no case) and its rows.

    ``ids`` are the interaction (and entry) ids, newest first. The case may be given decoded, or in
    its stored form with the function that decodes it (``raw``/``decode``): then it is decoded on
    first use, so opening a customer with a thousand closed cases decodes only the headers in view.
    """

    __slots__ = ("_case", "_decode", "_raw", "case_id", "count", "ids", "is_open")

    def __init__(
        self,
        case: Case | None = None,
        ids: list[str] | None = None,
        *,
        case_id: str | None = None,
        is_open: bool = False,
        raw: str | None = None,
        decode: Callable[[str], Case] | None = None,
        count: int | None = None,
    ) -> None:
        self._case = case
        self._raw = raw if case is None else None
        self._decode = decode
        self.case_id: str | None = case.id if case is not None else case_id
        self.is_open: bool = case.is_open if case is not None else is_open
        self.ids: list[str] = ids if ids is not None else []
        #: How many interactions (not gestures, escalations, ratings) the group holds, when known.
        self.count: int | None = count

    @property
    def case(self) -> Case | None:
        if self._case is None and self._raw is not None and self._decode is not None:
            self._case = self._decode(self._raw)
            self._raw = None
        return self._case

    def __repr__(self) -> str:
        return f"CaseGroup({self.case_id!r}, {len(self.ids)} rows)"


@dataclass(frozen=True)
class TimelineEntry:
    """A row that is not an interaction: a goodwill gesture, an escalation request, a satisfaction rating.

    They live in the case they belong to (or "not linked"), among its interactions by time. Their ids
    carry a prefix ("decision:", "escalation:", "rating:") so they never collide with interactions'.
    """

    id: str
    kind: str  # "decision", "escalation" or "rating"
    when: datetime
    icon: str  # a meaning of the icon registry
    title: str
    detail: str
    status: str = ""  # decisions: "pending", "granted", "rejected", "revoked"; escalations: theirs


@dataclass
class TimelineSnapshot:
    """What the widget loads in the background for one customer and one filter."""

    customer_id: str
    groups: list[CaseGroup]
    interactions: dict[str, Interaction]
    total: int
    entries: dict[str, TimelineEntry] = field(default_factory=dict)
    #: Product watch flags of the cases' products (watched ones only), by product id.
    watch: dict[str, Any] = field(default_factory=dict)
    #: Where each row id sits, (group, row): worked out with the snapshot, off the GUI thread.
    where: dict[str, tuple[int, int]] | None = None


class TimelineModel(QAbstractItemModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._groups: list[CaseGroup] = []
        self._items: dict[str, Interaction] = {}
        self._entries: dict[str, TimelineEntry] = {}
        self._watch: dict[str, Any] = {}
        self._where: dict[str, tuple[int, int]] = {}
        self._requested: set[str] = set()
        self._shown = 0  # case headers exposed to the view so far (see fetchMore)
        self.customer_id: str | None = None
        self.now: Callable[[], datetime] = lambda: datetime.now().astimezone()
        self.targets: dict[Any, ResponseTarget] = dict(DEFAULT_TARGETS)
        #: Called with ids to load; the widget runs the query and calls add_interactions.
        self.request_page: Callable[[list[str]], None] | None = None

    # -- content ----------------------------------------------------------------------------------
    def set_snapshot(self, snapshot: TimelineSnapshot | None) -> None:
        self.beginResetModel()
        self._groups = list(snapshot.groups) if snapshot else []
        self._items = dict(snapshot.interactions) if snapshot else {}
        self._entries = dict(snapshot.entries) if snapshot else {}
        self._watch = dict(snapshot.watch) if snapshot else {}
        self.customer_id = snapshot.customer_id if snapshot else None
        if snapshot is not None and snapshot.where is not None:
            self._where = snapshot.where
        else:
            self._where = {
                iid: (g, r) for g, group in enumerate(self._groups) for r, iid in enumerate(group.ids)
            }
        self._requested = set(self._items) | set(self._entries)
        open_groups = sum(1 for g in self._groups if g.is_open)
        self._shown = min(len(self._groups), max(FIRST_GROUPS, open_groups))
        self.endResetModel()

    def canFetchMore(self, parent: _Index = _ROOT) -> bool:
        return not parent.isValid() and self._shown < len(self._groups)

    def fetchMore(self, parent: _Index = _ROOT) -> None:
        if parent.isValid():
            return
        self.reveal(self._shown + MORE_GROUPS - 1)

    def reveal(self, group_row: int) -> None:
        """Expose the case headers up to ``group_row`` (to scroll to a case not shown yet)."""
        last = min(len(self._groups), group_row + 1)
        if last <= self._shown:
            return
        self.beginInsertRows(QModelIndex(), self._shown, last - 1)
        self._shown = last
        self.endInsertRows()

    def shown_groups(self) -> int:
        return self._shown

    def add_interactions(self, interactions: Iterable[Interaction]) -> None:
        touched: dict[int, list[int]] = {}
        for it in interactions:
            place = self._where.get(it.id)
            if place is None:
                continue
            if place[0] >= self._shown:
                self._items[it.id] = it
                continue
            self._items[it.id] = it
            touched.setdefault(place[0], []).append(place[1])
        for g, rows in touched.items():
            parent = self.index(g, 0)
            self.dataChanged.emit(self.index(min(rows), 0, parent), self.index(max(rows), 0, parent))

    def groups(self) -> list[CaseGroup]:
        return list(self._groups)

    def group_row_of_case(self, case_id: str) -> int:
        for i, g in enumerate(self._groups):
            if g.case_id == case_id:
                return i
        return -1

    def set_watch(self, watch: dict[str, Any]) -> None:
        """Product-watch statuses arrived: repaint the case headers."""
        self._watch = dict(watch)
        if self._shown:
            self.dataChanged.emit(self.index(0, 0), self.index(self._shown - 1, 0))

    def entry(self, entry_id: str) -> TimelineEntry | None:
        return self._entries.get(entry_id)

    def interaction_count(self, group: CaseGroup) -> int:
        """Interactions only (gestures, escalations and ratings are not "new activity")."""
        if group.count is not None:
            return group.count
        return sum(1 for i in group.ids if i not in self._entries)

    def loaded_count(self) -> int:
        return len(self._items)

    def _request_around(self, group: int, row: int) -> None:
        ids = self._groups[group].ids
        start = max(0, row - row % PAGE)
        wanted = [i for i in ids[start : start + PAGE] if i not in self._requested]
        if wanted and self.request_page is not None:
            self._requested.update(wanted)
            self.request_page(wanted)

    def forget_requests(self, ids: Iterable[str]) -> None:
        """A page load failed: let those rows ask again."""
        self._requested.difference_update(ids)

    # -- Qt model ---------------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: _Index = _ROOT) -> QModelIndex:
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, 0) if row < self._shown else QModelIndex()
        if parent.internalId() != 0:
            return QModelIndex()
        g = parent.row()
        if g >= self._shown or row >= len(self._groups[g].ids):
            return QModelIndex()
        return self.createIndex(row, 0, g + 1)

    def parent(self, index: _Index = _ROOT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: _Index = _ROOT) -> int:
        if not parent.isValid():
            return self._shown
        if parent.internalId() == 0 and parent.column() == 0 and parent.row() < self._shown:
            return len(self._groups[parent.row()].ids)
        return 0

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 1

    def hasChildren(self, parent: _Index = _ROOT) -> bool:
        return self.rowCount(parent) > 0

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _ROW_FLAGS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and section == 0:
            return self.tr("Timeline")
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            if index.row() >= self._shown:
                return None
            return self._case_data(self._groups[index.row()], role)
        g = index.internalId() - 1
        if g >= self._shown or index.row() >= len(self._groups[g].ids):
            return None
        iid = self._groups[g].ids[index.row()]
        entry = self._entries.get(iid)
        if entry is not None:
            return self._entry_data(entry, role)
        it = self._items.get(iid)
        if it is None and role in (Qt.ItemDataRole.DisplayRole, INTERACTION_ROLE):
            self._request_around(g, index.row())
        return self._interaction_data(iid, it, role)

    def watch_text(self, case: Case | None) -> str:
        """ "Under review · 2,4/5 · 7 complaints" when the case's product is under watch."""
        if case is None or not case.product_id:
            return ""
        from advisor_desk.ui.watch.badge import watch_badge_text

        return watch_badge_text(self._watch.get(case.product_id))

    def countdown_of(self, case: Case) -> Countdown:
        target = self.targets.get(case.channel) or DEFAULT_TARGETS[case.channel]
        return countdown(
            target, case.opened_at, self.now(), case.first_response_clock_stopped_at, case.resolved_at
        )

    def _case_data(self, group: CaseGroup, role: int) -> Any:
        case = group.case
        if role == KIND_ROLE:
            return "case"
        if role == CASE_ROLE:
            return case
        if role == COUNT_ROLE:
            return self.interaction_count(group)
        if role == ID_ROLE:
            return group.case_id or ""
        if role == COUNTDOWN_ROLE:
            return self.countdown_of(case) if case is not None and case.is_open else None
        if role == WATCH_ROLE:
            return self.watch_text(case)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if case is None:
                return self.tr("Not linked to a case") + f" · {len(group.ids)}"
            parts = list(
                dict.fromkeys(
                    (labels.kind(case.kind), labels.category(case.category), labels.status(case.status))
                )
            )
            if case.is_open:
                cd = self.countdown_of(case)
                parts.append(f"{labels.state(cd.state)} ({i18n.format_countdown(cd.seconds_left)})")
            parts.append(one_line(case.subject, 120))
            parts.append(self.watch_text(case))
            return " · ".join(p for p in parts if p)
        if role == Qt.ItemDataRole.ToolTipRole and case is not None:
            text = (
                self.tr("Opened %1").replace("%1", i18n.format_absolute(case.opened_at)) + "\n" + case.subject
            )
            return plain_tooltip(text)
        return None

    def _entry_data(self, entry: TimelineEntry, role: int) -> Any:
        if role == KIND_ROLE:
            return entry.kind
        if role == ID_ROLE:
            return entry.id
        if role == ENTRY_ROLE:
            return entry
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return " · ".join(
                p for p in (entry.title, entry.detail, i18n.format_relative(entry.when, self.now())) if p
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(i18n.format_absolute(entry.when) + "\n" + entry.title + "\n" + entry.detail)
        return None

    def _interaction_data(self, iid: str, it: Interaction | None, role: int) -> Any:
        if role == KIND_ROLE:
            return "interaction"
        if role == ID_ROLE:
            return iid
        if role == INTERACTION_ROLE:
            return it
        if it is None:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return self.tr("Loading…")
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return " · ".join(
                p
                for p in (
                    labels.channel(it.channel),
                    labels.direction(it.direction),
                    one_line(it.author, 60),
                    i18n.format_relative(it.occurred_at, self.now()),
                    details_text(it),
                    one_line(it.text, 200),
                )
                if p
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(i18n.format_absolute(it.occurred_at) + "\n" + it.text)
        return None


def details_text(it: Interaction) -> str:
    """Channel details worth a glance: call duration, review stars, order amount, e-mail subject."""
    d = it.details or {}
    parts: list[str] = []
    duration = d.get("duration_s")
    if isinstance(duration, (int, float)) and not isinstance(duration, bool):
        parts.append(i18n.format_duration(float(duration)))
    stars = d.get("stars")
    if isinstance(stars, int) and not isinstance(stars, bool) and 0 <= stars <= 5:
        parts.append("★" * stars + "☆" * (5 - stars))
    amount = d.get("amount_cents")
    currency = d.get("currency")
    if (
        isinstance(amount, int)
        and not isinstance(amount, bool)
        and isinstance(currency, str)
        and len(currency) == 3
    ):
        parts.append(i18n.format_money(amount, currency))
    subject = d.get("subject")
    if isinstance(subject, str) and subject:
        parts.append(one_line(subject, 80))
    return " · ".join(parts)


class CaseListModel(QAbstractListModel):
    """The case filter's choices: "All cases", then the customer's cases in timeline order.

    A model rather than items so that a customer with a thousand cases fills the list at once: a
    label is made (and its case decoded) only when the list shows it.
    """

    def __init__(self, all_label: str, icon_of: Callable[[Any], Any], parent: Any = None) -> None:
        super().__init__(parent)
        self._all_label = all_label
        self._icon_of = icon_of
        self._groups: list[CaseGroup] = []
        self._rows: dict[str, int] = {}

    def set_groups(self, groups: Iterable[CaseGroup]) -> None:
        self.beginResetModel()
        self._groups = [g for g in groups if g.case_id]
        self._rows = {g.case_id: i + 1 for i, g in enumerate(self._groups) if g.case_id}
        self.endResetModel()

    def row_of(self, case_id: str | None) -> int:
        """The row of this case (0, "All cases", when it is not in the list)."""
        return self._rows.get(case_id or "", 0)

    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._groups) + 1

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() <= len(self._groups):
            return None
        if index.row() == 0:
            if role == Qt.ItemDataRole.UserRole:
                return ""
            return self._all_label if role == Qt.ItemDataRole.DisplayRole else None
        group = self._groups[index.row() - 1]
        if role == Qt.ItemDataRole.UserRole:
            return group.case_id
        case = group.case
        if case is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{labels.kind(case.kind)} · {labels.status(case.status)} · {one_line(case.subject, 50)}"
        if role == Qt.ItemDataRole.DecorationRole:
            return self._icon_of(case.channel)
        return None
