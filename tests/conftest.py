"""Shared fixtures: fresh server databases (SQLite, and PostgreSQL when configured) and a live server.

Fixtures
--------
``database_url`` (function scope, parametrized ``sqlite`` / ``postgres``)
    URL of a fresh database already initialised to the latest schema (``init-db``), private to the
    test. SQLite: a file under the test's tmp dir. PostgreSQL: only when the environment variable
    ``ADVISOR_DESK_TEST_POSTGRES_URL`` is set (the maintenance database, e.g.
    ``postgresql+psycopg://postgres@127.0.0.1:5432/postgres``); a uniquely named database is cloned
    from a migrated template and dropped after the test. Tests using it are marked ``postgres``
    on that parameter. ``request.node.callspec.params["database_url"]`` is ``"sqlite"`` or
    ``"postgres"``.

``blank_database_url`` (same parametrization)
    URL of a fresh *empty* database (no tables), for migration tests and ``init-db``.

``database`` -> :class:`advisor_desk.server.db.Database` on ``database_url`` (disposed after).

``live_server`` -> :class:`LiveServer`: the real FastAPI app served by uvicorn on 127.0.0.1 (free
    port, in a thread of the test process) over ``database_url``. Stopped and joined after the test.
    Its API::

        server.url               # "http://127.0.0.1:PORT"  (GET server.url + "/health")
        server.api               # server.url + "/api/v1"
        server.database_url      # the database it serves
        server.database          # a Database on it, to seed or inspect directly
        server.backend           # "sqlite" or "postgres"
        server.create_user(username, password="pw", role="advisor", team="north",
                           display_name=None, time_zone="Europe/Paris") -> domain User
        server.save(*entities)   # store.save_many in one committed transaction (feed included)
        server.delete(kind, id)  # store.delete in one committed transaction
        server.login(username, password="pw") -> dict   # the POST /auth/token answer
        server.client(username=None, password="pw") -> httpx.Client
            # base_url = server.url, bearer token of that user when a username is given;
            # closed automatically at teardown
        server.seed_world() -> World   # a small ready-made world, see below

``live_server_factory`` -> callable ``(database_url=None) -> LiveServer`` to start more servers
    (several on one database, e.g. two workers); all are stopped after the test.

``World`` (from ``server.seed_world()``): users ``advisor``, ``advisor2`` (team ``north``),
``store`` (store_staff, north), ``lead`` (team_lead, north), ``other`` (advisor, team ``south``),
``admin`` (admin, team ``hq``), all with password ``pw``; envelopes for every role (EUR; advisor:
daily 10,000 cents, per customer 30 days 8,000, refund/voucher/shipping_refund/gift up to 5,000
each); the gesture catalogue; products ``p1``, ``p2``; customers ``c-north-1``, ``c-north-2``
(team north) and ``c-south-1`` (south), each with an order (line ``<customer>-l1`` paid 4,000
cents), an open case ``<customer>-case`` (status new, version 1) and two interactions. Attributes:
``world.users[name]`` (domain User), ``world.customers`` (ids by team), ``world.envelopes``.

Password hashing: this module sets ``ADVISOR_DESK_PASSWORD_TIME_COST=1``, ``..._MEMORY_KIB=64`` and
``..._PARALLELISM=1`` for the test session (argon2id stays the algorithm; only its cost drops).

Thread hygiene: a test that leaves a Python thread running fails (napari's rule, after segfaults),
unless marked ``@pytest.mark.allow_threads``.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

# Cheap password hashing for the whole test session (servers started as subprocesses inherit it);
# production keeps argon2id's recommended cost.
os.environ.setdefault("ADVISOR_DESK_PASSWORD_TIME_COST", "1")
os.environ.setdefault("ADVISOR_DESK_PASSWORD_MEMORY_KIB", "64")
os.environ.setdefault("ADVISOR_DESK_PASSWORD_PARALLELISM", "1")
# Never the developer's own keyring: tokens and cache keys of test runs must not land in it (and a new
# cache on an unencrypted disk would otherwise be encrypted by default). Tests that need a keyring
# install an in-memory one, or a real Secret Service in a private D-Bus session.
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")

POSTGRES_ENV = "ADVISOR_DESK_TEST_POSTGRES_URL"
BACKENDS = ["sqlite"] + (["postgres"] if os.environ.get(POSTGRES_ENV) else [])
PASSWORD = "pw"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "allow_threads: the test may leave Python threads running")


# --- thread hygiene ------------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def _no_thread_left_behind(request: pytest.FixtureRequest) -> Iterator[None]:
    before = set(threading.enumerate())
    yield
    if request.node.get_closest_marker("allow_threads"):
        return
    deadline = time.monotonic() + 2.0
    left: list[threading.Thread] = []
    while True:
        left = [t for t in threading.enumerate() if t not in before and t.is_alive()]
        if not left or time.monotonic() > deadline:
            break
        time.sleep(0.02)
    if left:
        pytest.fail(f"the test left threads running: {[t.name for t in left]}", pytrace=False)


# --- databases -----------------------------------------------------------------------------------


def _postgres_admin_engine() -> Any:
    from sqlalchemy import create_engine

    from advisor_desk.server.db import normalise_url

    return create_engine(normalise_url(os.environ[POSTGRES_ENV]), isolation_level="AUTOCOMMIT")


def _postgres_url_for(name: str) -> str:
    from sqlalchemy.engine import make_url

    from advisor_desk.server.db import normalise_url

    return make_url(normalise_url(os.environ[POSTGRES_ENV])).set(database=name).render_as_string(False)


@dataclass
class _Templates:
    """Migrated template databases, cloned for each test (much faster than migrating each time)."""

    sqlite_file: Path
    postgres_name: str | None = None


@pytest.fixture(scope="session")
def _templates(tmp_path_factory: pytest.TempPathFactory) -> Iterator[_Templates]:
    from advisor_desk.server.db import Database
    from advisor_desk.server.migrate import upgrade

    sqlite_file = tmp_path_factory.mktemp("template") / "server.db"
    database = Database(f"sqlite:///{sqlite_file}")
    upgrade(database)
    database.dispose()
    templates = _Templates(sqlite_file)
    admin = None
    if "postgres" in BACKENDS:
        from sqlalchemy import text

        admin = _postgres_admin_engine()
        name = f"ad_template_{uuid.uuid4().hex[:12]}"
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        database = Database(_postgres_url_for(name))
        upgrade(database)
        database.dispose()
        templates.postgres_name = name
    yield templates
    if admin is not None and templates.postgres_name:
        from sqlalchemy import text

        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{templates.postgres_name}" WITH (FORCE)'))
        admin.dispose()


def _fresh_postgres(template: str | None) -> tuple[str, Callable[[], None]]:
    from sqlalchemy import text

    admin = _postgres_admin_engine()
    name = f"ad_test_{uuid.uuid4().hex[:12]}"
    with admin.connect() as connection:
        connection.execute(
            text(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
        )

    def drop() -> None:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return _postgres_url_for(name), drop


def _backend_param(name: str) -> Any:
    return pytest.param(name, marks=[pytest.mark.postgres] if name == "postgres" else [], id=name)


@pytest.fixture(params=[_backend_param(b) for b in BACKENDS])
def database_url(request: pytest.FixtureRequest, _templates: _Templates, tmp_path: Path) -> Iterator[str]:
    """A fresh database at the latest schema, private to the test (see the module docstring)."""
    if request.param == "sqlite":
        target = tmp_path / "server.db"
        shutil.copyfile(_templates.sqlite_file, target)
        yield f"sqlite:///{target}"
        return
    url, drop = _fresh_postgres(_templates.postgres_name)
    try:
        yield url
    finally:
        drop()


@pytest.fixture(params=[_backend_param(b) for b in BACKENDS])
def blank_database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh empty database (no tables), private to the test."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'blank.db'}"
        return
    url, drop = _fresh_postgres(None)
    try:
        yield url
    finally:
        drop()


@pytest.fixture
def database(database_url: str) -> Iterator[Any]:
    """A :class:`advisor_desk.server.db.Database` on ``database_url``."""
    from advisor_desk.server.db import Database

    db = Database(database_url)
    yield db
    db.dispose()


# --- the live server -----------------------------------------------------------------------------


@dataclass
class World:
    users: dict[str, Any]
    customers: dict[str, list[str]]
    envelopes: dict[str, Any]


@dataclass
class LiveServer:
    """The real server on loopback; see the module docstring for the API."""

    url: str
    database_url: str
    database: Any
    backend: str
    _stop: Callable[[], None]
    _clients: list[httpx.Client] = field(default_factory=list)

    @property
    def api(self) -> str:
        return self.url + "/api/v1"

    def create_user(
        self,
        username: str,
        password: str = PASSWORD,
        role: str = "advisor",
        team: str = "north",
        display_name: str | None = None,
        time_zone: str = "Europe/Paris",
    ) -> Any:
        from advisor_desk.server.auth import create_user

        with self.database.write() as session:
            return create_user(
                session, username, password, role, team, display_name or username.title(), time_zone
            )

    def save(self, *entities: object) -> None:
        from advisor_desk.server import store

        with self.database.write() as session:
            store.save_many(session, entities)

    def delete(self, kind: Any, entity_id: str) -> None:
        from advisor_desk.server import store

        with self.database.write() as session:
            store.delete(session, kind, entity_id)

    def login(self, username: str, password: str = PASSWORD) -> dict[str, Any]:
        response = httpx.post(
            self.api + "/auth/token", json={"username": username, "password": password}, timeout=30
        )
        response.raise_for_status()
        answer: dict[str, Any] = response.json()
        return answer

    def client(self, username: str | None = None, password: str = PASSWORD) -> httpx.Client:
        headers = {}
        if username is not None:
            headers["Authorization"] = "Bearer " + self.login(username, password)["access_token"]
        client = httpx.Client(base_url=self.url, headers=headers, timeout=60)
        self._clients.append(client)
        return client

    def seed_world(self) -> World:
        return seed_world(self)

    def stop(self) -> None:
        for client in self._clients:
            client.close()
        self._stop()


def _serve(database_url: str, backend: str) -> LiveServer:
    import uvicorn

    from advisor_desk.server.app import create_app
    from advisor_desk.server.db import Database
    from advisor_desk.server.settings import ServerSettings

    database = Database(database_url)
    app = create_app(ServerSettings(database_url=database_url), database=Database(database_url))
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(app, log_level="warning", lifespan="on", timeout_graceful_shutdown=5)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, name=f"live-server-{port}")
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the live server did not start")
        time.sleep(0.01)

    def stop() -> None:
        server.should_exit = True
        thread.join(timeout=15)
        sock.close()
        app.state.database.dispose()
        database.dispose()

    return LiveServer(f"http://127.0.0.1:{port}", database_url, database, backend, stop)


@pytest.fixture
def live_server_factory(database_url: str) -> Iterator[Callable[..., LiveServer]]:
    """Start live servers (default: on this test's ``database_url``); all stop after the test."""
    started: list[LiveServer] = []
    backend = "sqlite" if database_url.startswith("sqlite") else "postgres"

    def start(url: str | None = None) -> LiveServer:
        server = _serve(url or database_url, backend)
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


@pytest.fixture
def live_server(live_server_factory: Callable[..., LiveServer]) -> LiveServer:
    """The real server on 127.0.0.1 over a fresh database (see the module docstring)."""
    return live_server_factory()


# --- a small world ---------------------------------------------------------------------------------


def seed_world(server: LiveServer) -> World:
    """Users of every role in two teams, envelopes, catalogue, three customers with a case each."""
    from advisor_desk.domain import model
    from advisor_desk.domain.channels import DEFAULT_TARGETS, Channel

    G = model.GestureCode
    users = {
        "advisor": server.create_user("advisor", role="advisor", team="north"),
        "advisor2": server.create_user("advisor2", role="advisor", team="north"),
        "store": server.create_user("store", role="store_staff", team="north"),
        "lead": server.create_user("lead", role="team_lead", team="north"),
        "other": server.create_user("other", role="advisor", team="south"),
        "admin": server.create_user("admin", role="admin", team="hq"),
    }

    def envelope(
        role: model.Role, daily: int, per_customer: int, per_decision: int
    ) -> model.AuthorityEnvelope:
        codes = (G.REFUND, G.VOUCHER, G.SHIPPING_REFUND, G.GIFT)
        return model.AuthorityEnvelope(
            role, "EUR", daily, per_customer, tuple(model.GestureLimit(c, per_decision) for c in codes)
        )

    envelopes = {
        "advisor": envelope(model.Role.ADVISOR, 10_000, 8_000, 5_000),
        "store_staff": envelope(model.Role.STORE_STAFF, 5_000, 5_000, 3_000),
        "team_lead": envelope(model.Role.TEAM_LEAD, 50_000, 30_000, 20_000),
        "admin": envelope(model.Role.ADMIN, 100_000, 100_000, 50_000),
    }
    now = datetime.now(UTC)
    bounds = {G.REFUND: "line", G.SHIPPING_REFUND: "shipping"}
    entities: list[object] = [
        model.GestureType(
            code, code.value.replace("_", " "), code.value.replace("_", " "), bounds.get(code, "")
        )
        for code in G
    ]
    entities += list(envelopes.values())
    entities += list(DEFAULT_TARGETS.values())
    entities += [model.Product("p1", "SKU-1", "Kettle"), model.Product("p2", "SKU-2", "Toaster")]
    customers: dict[str, list[str]] = {"north": [], "south": []}
    for cid, team, first, last, phone in (
        ("c-north-1", "north", "Hélène", "Dupont", "06 12 34 56 78"),
        ("c-north-2", "north", "John", "Smith", "+44 7700 900123"),
        ("c-south-1", "south", "Marie", "Curie", "06 98 76 54 32"),
    ):
        customers[team].append(cid)
        entities.append(
            model.Customer(
                cid,
                first,
                last,
                emails=(f"{first.lower()}.{last.lower()}@example.com",),
                phones=(phone,),
                social_handles=(f"@{last.lower()}",),
                loyalty_card=f"LC-{cid.upper()}",
                team=team,
                updated_at=now,
            )
        )
        entities.append(
            model.Order(
                f"{cid}-o1",
                f"ORD-{cid[-7:].upper()}",
                cid,
                now - timedelta(days=5),
                "EUR",
                4_500,
                500,
                lines=(model.OrderLine(f"{cid}-l1", "p1", 1, 4_000, 4_000),),
            )
        )
        entities.append(
            model.Case(
                f"{cid}-case",
                cid,
                model.CaseKind.COMPLAINT,
                model.ComplaintCategory.LATE_DELIVERY,
                model.CaseStatus.NEW,
                Channel.EMAIL,
                "Late parcel",
                now - timedelta(hours=3),
                team,
                order_id=f"{cid}-o1",
            )
        )
        for n in range(2):
            entities.append(
                model.Interaction(
                    f"{cid}-i{n}",
                    cid,
                    Channel.EMAIL,
                    model.Direction.INBOUND,
                    now - timedelta(hours=3 - n),
                    "Where is my parcel?",
                    case_id=f"{cid}-case",
                    author=f"{first} {last}",
                )
            )
    server.save(*entities)
    return World(users, customers, envelopes)
