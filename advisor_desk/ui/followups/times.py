"""Wall times in the user's time zone for the follow-up date pickers (not the machine's zone: an
advisor in Paris on a workstation set to UTC still schedules in Paris time)."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QDateTime, QTime


def to_wall(value: datetime, time_zone: str) -> QDateTime:
    local = value.astimezone(ZoneInfo(time_zone))
    return QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))


def from_wall(value: QDateTime, time_zone: str) -> datetime:
    d, t = value.date(), value.time()
    local = datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=ZoneInfo(time_zone))
    return local.astimezone(UTC)
