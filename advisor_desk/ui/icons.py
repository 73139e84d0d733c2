"""The one icon registry: meanings ("channel.phone", "gesture.refund") mapped to qtawesome names.

Every panel asks ``ctx.icons.icon("channel.email")`` and never names a font glyph itself, so a channel
has the same picture everywhere and a glyph is changed in one place (Spyder's ``icon_manager``). All
names are from the Material Design Icons 6 font shipped with qtawesome 1.4 ("mdi6."); a test checks
each one resolves and that every channel, gesture and response state has an icon.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QIcon

from advisor_desk.domain.channels import Channel, ResponseState
from advisor_desk.domain.model import Direction, GestureCode

ICONS: dict[str, str] = {
    # channels: one picture per channel everywhere
    f"channel.{Channel.PHONE}": "mdi6.phone",
    f"channel.{Channel.EMAIL}": "mdi6.email-outline",
    f"channel.{Channel.CHAT}": "mdi6.chat-outline",
    f"channel.{Channel.SMS}": "mdi6.message-text-outline",
    f"channel.{Channel.TWITTER}": "mdi6.twitter",
    f"channel.{Channel.FACEBOOK}": "mdi6.facebook",
    f"channel.{Channel.REVIEW}": "mdi6.star-outline",
    f"channel.{Channel.STORE}": "mdi6.storefront-outline",
    f"channel.{Channel.LETTER}": "mdi6.email-newsletter",
    f"channel.{Channel.CALLBACK}": "mdi6.phone-return",
    f"channel.{Channel.WEB_FORM}": "mdi6.form-select",
    f"channel.{Channel.ORDER_EVENT}": "mdi6.shopping-outline",
    f"channel.{Channel.NOTE}": "mdi6.note-text-outline",
    # gestures
    f"gesture.{GestureCode.REFUND}": "mdi6.cash-refund",
    f"gesture.{GestureCode.SHIPPING_REFUND}": "mdi6.truck-fast-outline",
    f"gesture.{GestureCode.VOUCHER}": "mdi6.ticket-percent-outline",
    f"gesture.{GestureCode.FREE_SHIPPING}": "mdi6.truck-check-outline",
    f"gesture.{GestureCode.REPLACEMENT}": "mdi6.package-variant-closed",
    f"gesture.{GestureCode.EXCHANGE}": "mdi6.swap-horizontal",
    f"gesture.{GestureCode.LOYALTY_POINTS}": "mdi6.star-circle-outline",
    f"gesture.{GestureCode.GIFT}": "mdi6.gift-outline",
    # timeline entries that are not interactions (gestures use their gesture's icon)
    "entry.escalation": "mdi6.account-arrow-up-outline",
    "entry.rating": "mdi6.emoticon-happy-outline",
    "decision.pending": "mdi6.timer-sand",
    "decision.granted": "mdi6.check-decagram-outline",
    "decision.rejected": "mdi6.close-octagon-outline",
    "decision.revoked": "mdi6.undo-variant",
    # a follow-up call in the work queue
    "followup.call": "mdi6.phone-check-outline",
    # reply checks: passed, blocking, to confirm before sending, for information
    "check.pass": "mdi6.check-circle-outline",
    "check.block": "mdi6.close-octagon-outline",
    "check.confirm": "mdi6.alert-outline",
    "check.info": "mdi6.information-outline",
    # review flags on a decision: why it is worth a look
    "flag.repeat_customer": "mdi6.account-multiple-check-outline",
    "flag.near_limit": "mdi6.gauge-full",
    "flag.high_spender": "mdi6.cash-multiple",
    "flag.rejected": "mdi6.cancel",
    "flag.offline": "mdi6.cloud-off-outline",
    # response-time states
    f"state.{ResponseState.ON_TIME}": "mdi6.clock-outline",
    f"state.{ResponseState.NEAR_TARGET}": "mdi6.progress-clock",
    f"state.{ResponseState.PAST_TARGET}": "mdi6.clock-alert-outline",
    f"state.{ResponseState.PAST_LIMIT}": "mdi6.alert-circle",
    f"state.{ResponseState.DONE}": "mdi6.check-circle-outline",
    "state.overdue": "mdi6.alert-circle",
    # directions
    f"direction.{Direction.INBOUND}": "mdi6.call-received",
    f"direction.{Direction.OUTBOUND}": "mdi6.call-made",
    f"direction.{Direction.INTERNAL}": "mdi6.lock-outline",
    # actions
    "action.search": "mdi6.magnify",
    "action.note": "mdi6.note-plus-outline",
    "action.acknowledge": "mdi6.email-check-outline",
    "action.status": "mdi6.swap-vertical-bold",
    "action.assign": "mdi6.account-arrow-left-outline",
    "action.reply": "mdi6.reply-outline",
    "action.say_yes": "mdi6.hand-heart-outline",
    "action.customer360": "mdi6.card-account-details-outline",
    "action.decisions": "mdi6.clipboard-text-search-outline",
    "action.reports": "mdi6.chart-bar",
    "action.queue": "mdi6.format-list-checks",
    "action.timeline": "mdi6.message-reply-text-outline",
    "action.theme": "mdi6.theme-light-dark",
    "action.language": "mdi6.translate",
    "action.read_full": "mdi6.file-document-edit-outline",
    # sync states
    "sync.online": "mdi6.cloud-check-outline",
    "sync.syncing": "mdi6.cloud-sync-outline",
    "sync.offline": "mdi6.cloud-off-outline",
    "sync.needs_login": "mdi6.account-alert-outline",
    "sync.now": "mdi6.sync",
    "app.user": "mdi6.account-outline",
    "app.warning": "mdi6.alert-outline",
}


#: Pixmap sizes of :meth:`IconRegistry.row_icon` (16 and 24 px rows, at 1x and 2x).
ROW_ICON_SIZES = (16, 20, 24, 32, 48)


class IconRegistry:
    """Builds (and caches) the icon of a meaning, in the palette's text colour unless told otherwise."""

    def __init__(self, color: QColor | str | None = None) -> None:
        self._color = QColor(color) if color is not None else None
        self._cache: dict[tuple[str, str], QIcon] = {}
        self._rows: dict[str, QIcon] = {}

    def set_color(self, color: QColor | str) -> None:
        """Follow a theme change: icons are redrawn in the new text colour."""
        self._color = QColor(color)
        self._cache.clear()
        self._rows.clear()

    @staticmethod
    def name(meaning: str) -> str:
        try:
            return ICONS[meaning]
        except KeyError:
            raise KeyError(f"no icon for {meaning!r}: add it to advisor_desk/ui/icons.py") from None

    def icon(self, meaning: str, color: QColor | str | None = None) -> QIcon:
        wanted = QColor(color) if color is not None else self._color
        key = (meaning, wanted.name() if wanted is not None else "")
        found = self._cache.get(key)
        if found is None:
            import qtawesome

            options = {"color": wanted} if wanted is not None else {}
            found = qtawesome.icon(self.name(meaning), **options)
            self._cache[key] = found
        return found

    def row_icon(self, meaning: str) -> QIcon:
        """The icon drawn once into pixmaps of the sizes list rows use (and twice those, for HiDPI).

        A font icon redraws its glyph in Python at every paint; a list of 2,000 rows paints dozens at
        each scroll, so rows get pixmaps Qt paints by itself.
        """
        found = self._rows.get(meaning)
        if found is None:
            source = self.icon(meaning)
            found = QIcon()
            for size in ROW_ICON_SIZES:
                found.addPixmap(source.pixmap(QSize(size, size)))
            self._rows[meaning] = found
        return found

    def channel(self, channel: Channel | str) -> QIcon:
        return self.row_icon(f"channel.{Channel(channel)}")
