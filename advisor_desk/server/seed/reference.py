"""What every seeded server holds whatever its customers: users, catalogue, envelopes, targets, settings.

The demo users all have the password ``demo``: demo only, documented as such in the README.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from advisor_desk.domain.catalogue import DEFAULT_ENVELOPES, GESTURE_TYPES
from advisor_desk.domain.channels import DEFAULT_TARGETS
from advisor_desk.domain.model import Role, Setting, User
from advisor_desk.domain.watch import SETTING_MIN_RATINGS, SETTING_PERIOD_DAYS, SETTING_THRESHOLD

DEMO_PASSWORD = "demo"
MAIN_TEAM = "lyon"
SECOND_TEAM = "nantes"

#: Display names of the teams, for screens that show them (a central setting).
TEAMS: dict[str, dict[str, str]] = {
    MAIN_TEAM: {"fr": "Équipe Lyon", "en": "Lyon team"},
    SECOND_TEAM: {"fr": "Équipe Nantes", "en": "Nantes team"},
}

SETTING_RETENTION_DAYS = "retention.days"
SETTING_TEAMS = "teams"
SETTING_CURRENCY = "currency"


@dataclass(frozen=True, slots=True)
class DemoUser:
    username: str
    display_name: str
    role: Role
    team: str


DEMO_USERS: tuple[DemoUser, ...] = (
    DemoUser("advisor", "Camille Moreau", Role.ADVISOR, MAIN_TEAM),
    DemoUser("advisor2", "Julien Petit", Role.ADVISOR, MAIN_TEAM),
    DemoUser("store", "Sarah Benali", Role.STORE_STAFF, MAIN_TEAM),
    DemoUser("lead", "Nathalie Rousseau", Role.TEAM_LEAD, MAIN_TEAM),
    DemoUser("other", "Yann Le Goff", Role.ADVISOR, SECOND_TEAM),
)


def settings(now: datetime) -> list[Setting]:
    return [
        Setting(SETTING_THRESHOLD, 3.0, now),
        Setting(SETTING_PERIOD_DAYS, 365, now),
        Setting(SETTING_MIN_RATINGS, 25, now),
        Setting(SETTING_RETENTION_DAYS, 30, now),
        Setting(SETTING_CURRENCY, "EUR", now),
        Setting(SETTING_TEAMS, TEAMS, now),
    ]


def reference_entities(now: datetime) -> list[object]:
    """Catalogue, envelopes, response targets and settings (products come with their ratings)."""
    return [*settings(now), *DEFAULT_TARGETS.values(), *GESTURE_TYPES, *DEFAULT_ENVELOPES.values()]


def ensure_demo_users(session: Session) -> tuple[list[User], int]:
    """The demo users, created when missing; returns them and how many were created."""
    from advisor_desk.server.auth import create_user
    from advisor_desk.server.models import UserRow

    created = 0
    users: list[User] = []
    for spec in DEMO_USERS:
        row = session.scalar(select(UserRow).where(UserRow.username == spec.username))
        if row is None:
            create_user(session, spec.username, DEMO_PASSWORD, spec.role, spec.team, spec.display_name)
            created += 1
            row = session.scalar(select(UserRow).where(UserRow.username == spec.username))
            assert row is not None
        users.append(User(row.id, row.username, row.display_name, Role(row.role), row.team, row.time_zone))
    return users, created
