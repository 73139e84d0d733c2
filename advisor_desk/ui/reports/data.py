"""Building the team report from the local cache, off the GUI thread.

The lead's workstation holds the whole team's cases, interactions and decisions (the feed sends
them); :func:`load_report` reads them and calls :func:`advisor_desk.domain.reports.build_report`.
When the cache holds no product ratings yet, the watched products come from the centre's summary on
each product (see :mod:`advisor_desk.ui.watch.data`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from advisor_desk.domain.channels import DEFAULT_TARGETS
from advisor_desk.domain.model import Product
from advisor_desk.domain.reports import ReportPeriod, TeamReport, build_report
from advisor_desk.domain.watch import watched
from advisor_desk.ui.watch.data import TeamData, load_team_data, statuses


@dataclass(frozen=True)
class ReportResult:
    report: TeamReport
    products: dict[str, Product]
    team: str


def compute_report(data: TeamData, period: ReportPeriod, now: datetime) -> ReportResult:
    report = build_report(
        period,
        now=now,
        cases=data.cases,
        interactions=data.interactions,
        decisions=data.decisions,
        satisfaction=data.satisfaction,
        product_ratings=data.ratings or (),
        targets=data.targets or DEFAULT_TARGETS,
        watch_rule=data.rule,
    )
    # products whose ratings have not reached this desk are judged on the centre's summary
    at = min(period.end, now)
    report = replace(report, watched_products=tuple(watched(statuses(data, at))))
    return ReportResult(report, data.products, data.team)


def load_report(cache: Any, team: str, period: ReportPeriod, now: datetime) -> ReportResult:
    """Blocking: the "db" lane's whole job for the Reports view."""
    return compute_report(load_team_data(cache, team), period, now)


class Preset:
    THIS_WEEK = "this_week"
    LAST_30_DAYS = "last_30_days"
    LAST_QUARTER = "last_quarter"


def preset_days(preset: str, now: datetime, time_zone: str) -> tuple[date, date]:
    """First and last local day of a preset period: this week (Monday to today), the last 30 days
    (today included), the last full calendar quarter."""
    today = now.astimezone(ZoneInfo(time_zone)).date()
    if preset == Preset.THIS_WEEK:
        return today - timedelta(days=today.weekday()), today
    if preset == Preset.LAST_30_DAYS:
        return today - timedelta(days=29), today
    if preset == Preset.LAST_QUARTER:
        quarter = (today.month - 1) // 3
        year = today.year
        if quarter == 0:
            year, quarter = year - 1, 4
        first = date(year, 3 * (quarter - 1) + 1, 1)
        next_first = date(year + (quarter == 4), 1 if quarter == 4 else 3 * quarter + 1, 1)
        return first, next_first - timedelta(days=1)
    raise ValueError(f"unknown period preset {preset!r}")
