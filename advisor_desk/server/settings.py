"""Settings of the reference central API, read from the environment (prefix ``ADVISOR_DESK_``).

One typed place for every knob: ``ADVISOR_DESK_DATABASE_URL``, token lifetimes, the request body limit
and the login throttling policy. The command line overrides the database URL.
"""

from __future__ import annotations

from datetime import timedelta

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_DATABASE_URL = "sqlite:///./advisor_desk_server.db"


class ServerSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ADVISOR_DESK_", extra="ignore")

    database_url: str = DEFAULT_DATABASE_URL
    #: Connections each server process may hold on PostgreSQL. Keep workers x (pool + overflow) under
    #: the database's max_connections (100 by default): 4 workers x 20 = 80.
    db_pool_size: int = Field(default=8, ge=1, le=200)
    db_max_overflow: int = Field(default=12, ge=0, le=200)
    #: Seconds a request waits for a free connection before the answer is 503 with Retry-After.
    db_pool_timeout: float = Field(default=30.0, gt=0, le=300)
    access_token_minutes: int = Field(default=15, ge=1)
    refresh_token_days: int = Field(default=30, ge=1)
    #: Largest request body accepted (413 above it).
    max_body_bytes: int = Field(default=1024 * 1024, ge=1024)
    #: Failed logins allowed for one username (or one client address, times ten) before throttling.
    login_failures_allowed: int = Field(default=5, ge=1)
    #: How long a throttled username or address waits before trying again (doubles on each failure).
    login_lockout_seconds: int = Field(default=60, ge=1)
    login_lockout_max_seconds: int = Field(default=900, ge=1)
    #: argon2id cost (RFC 9106's second recommended option by default). Tests lower it to run fast;
    #: existing hashes are upgraded at the next login whenever these are raised.
    password_time_cost: int = Field(default=3, ge=1)
    password_memory_kib: int = Field(default=65536, ge=8)
    password_parallelism: int = Field(default=4, ge=1)
    #: Currency reported for a role without an authority envelope.
    currency: str = Field(default="EUR", pattern=r"^[A-Z]{3}$")
    #: Interval at which a long-polling changes request looks at the feed counter for commits made by
    #: other server processes (commits of its own process wake it at once: advisor_desk.server.bell).
    feed_poll_seconds: float = Field(default=1.0, gt=0)
    #: Per-user scope (API.md, "Scope"): each workstation receives only its user's customers. Off,
    #: a workstation receives every customer of its team (the contract's earlier behaviour).
    scope_per_user: bool = True

    @property
    def access_token_lifetime(self) -> timedelta:
        return timedelta(minutes=self.access_token_minutes)

    @property
    def refresh_token_lifetime(self) -> timedelta:
        return timedelta(days=self.refresh_token_days)
