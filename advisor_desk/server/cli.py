"""The ``advisor-desk-server`` command: set up, seed and serve the reference central API.

    advisor-desk-server init-db [--database-url URL]
    advisor-desk-server serve [--host 127.0.0.1] [--port 8765] [--workers N]
    advisor-desk-server seed --demo | --customers N [--seed S]
    advisor-desk-server create-user USERNAME --role ROLE --team TEAM [--display-name NAME] [--time-zone TZ]
    advisor-desk-server message --customer WHO [--case ID] [--channel CHANNEL] TEXT
    advisor-desk-server erase --customer WHO [--reason-code CODE]

Every command takes ``--database-url`` (default: ``ADVISOR_DESK_DATABASE_URL``, else a SQLite file
in the current directory). ``create-user`` reads the password from the terminal, or from standard
input when it is not a terminal (one line). ``message`` and ``erase`` act at the centre as a channel
connector and a data-protection officer would (:mod:`advisor_desk.server.console`); WHO is a customer's
id, e-mail, phone number or loyalty card. Also runnable as ``python -m advisor_desk.server.cli``.
"""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from advisor_desk.domain.channels import Channel
from advisor_desk.domain.model import Role
from advisor_desk.server.settings import ServerSettings

if TYPE_CHECKING:
    from advisor_desk.server.db import Database

READY_LINE = "Advisor Desk central API listening on http://{host}:{port}"


def _database_url(args: argparse.Namespace) -> str:
    return str(args.database_url or ServerSettings().database_url)


def _init_db(args: argparse.Namespace) -> int:
    from advisor_desk.server.db import Database
    from advisor_desk.server.migrate import upgrade

    database = Database(_database_url(args))
    try:
        upgrade(database)
    finally:
        database.dispose()
    print(f"database ready: {_redacted(database.url)}")
    return 0


def _redacted(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from advisor_desk.server.db import Database
    from advisor_desk.server.migrate import is_current

    url = _database_url(args)
    database = Database(url)
    try:
        if not is_current(database):
            print(
                "advisor-desk-server: the database schema is missing or outdated; run `advisor-desk-server init-db`",
                file=sys.stderr,
            )
            return 1
    finally:
        database.dispose()
    # The app factory reads its settings from the environment in every worker process.
    os.environ["ADVISOR_DESK_DATABASE_URL"] = url
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")

    class _Ready(uvicorn.Server):
        async def startup(self, sockets: list | None = None) -> None:  # type: ignore[type-arg]
            await super().startup(sockets)
            print(READY_LINE.format(host=args.host, port=args.port), flush=True)

    config = uvicorn.Config(
        "advisor_desk.server.app:create_app",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        log_level="info",
        access_log=False,  # ours leaves out query strings (searched names, e-mails, phones)
        proxy_headers=args.proxy_headers,
        timeout_keep_alive=args.keep_alive,
    )
    if args.workers > 1:
        # The supervisor forks the workers; the launcher waits for /health rather than this line.
        print(READY_LINE.format(host=args.host, port=args.port) + f" ({args.workers} workers)", flush=True)
        uvicorn.run(
            "advisor_desk.server.app:create_app",
            factory=True,
            host=args.host,
            port=args.port,
            workers=args.workers,
            log_level="info",
            access_log=False,
            proxy_headers=args.proxy_headers,
            timeout_keep_alive=args.keep_alive,
        )
        return 0
    _Ready(config).run()
    return 0


def _analyze(database: Database) -> None:
    """Refresh PostgreSQL's statistics after a bulk load: planned on the empty tables' statistics,
    searches and feed pages scan thousands of rows instead of using their indexes (autovacuum would
    do it later, if it runs at all)."""
    if database.is_sqlite:
        return
    from sqlalchemy import text

    with database.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(text("ANALYZE"))


def _seed(args: argparse.Namespace) -> int:
    try:
        from advisor_desk.server import seed
    except ImportError as exc:
        print(f"advisor-desk-server: seeding is not available in this installation ({exc})", file=sys.stderr)
        return 1
    from advisor_desk.server.db import Database

    database = Database(_database_url(args))
    try:
        with database.write() as session:
            if args.demo:
                run_demo = getattr(seed, "run_demo", None)
                if run_demo is None:
                    print("advisor-desk-server: demo seeding is not available", file=sys.stderr)
                    return 1
                summary = run_demo(session)
            else:
                run_volume = getattr(seed, "run_volume", None)
                if run_volume is None:
                    print("advisor-desk-server: volume seeding is not available", file=sys.stderr)
                    return 1
                summary = run_volume(session, args.customers, args.seed)
        _analyze(database)
    finally:
        database.dispose()
    print("seeded:")
    for line in summary.lines():
        print(f"  {line}")
    return 0


def _read_password() -> str:
    if sys.stdin.isatty():
        first = getpass.getpass("Password: ")
        if getpass.getpass("Password again: ") != first:
            raise ValueError("the two passwords differ")
        return first
    return sys.stdin.readline().rstrip("\r\n")


def _create_user(args: argparse.Namespace) -> int:
    from advisor_desk.server.auth import UserError, create_user
    from advisor_desk.server.db import Database

    try:
        password = _read_password()
    except (ValueError, EOFError, KeyboardInterrupt) as exc:
        print(f"advisor-desk-server: {exc or 'no password given'}", file=sys.stderr)
        return 1
    database = Database(_database_url(args))
    try:
        with database.write() as session:
            user = create_user(
                session,
                args.username,
                password,
                args.role,
                args.team,
                args.display_name or args.username,
                args.time_zone,
            )
    except UserError as exc:
        print(f"advisor-desk-server: {exc}", file=sys.stderr)
        return 1
    finally:
        database.dispose()
    print(f"user {user.username} created ({user.role.value}, team {user.team}, id {user.id})")
    return 0


def _message(args: argparse.Namespace) -> int:
    from advisor_desk.server import console
    from advisor_desk.server.db import Database

    text = sys.stdin.read() if args.text == "-" else args.text
    database = Database(_database_url(args))
    try:
        with database.write() as session:
            delivered = console.deliver_message(
                session, args.customer, text, case_id=args.case, channel=args.channel
            )
    except console.ConsoleError as exc:
        print(f"advisor-desk-server: {exc}", file=sys.stderr)
        return 1
    finally:
        database.dispose()
    message = delivered.interaction
    where = f"on case {delivered.case.id}" if delivered.case is not None else "with no case (none is open)"
    # Ids only: the customer's words and name stay out of terminals and their logs.
    print(f"message {message.id} from customer {message.customer_id} by {message.channel.value}, {where}")
    return 0


def _erase(args: argparse.Namespace) -> int:
    from advisor_desk.server import console
    from advisor_desk.server.db import Database

    database = Database(_database_url(args))
    try:
        with database.write() as session:
            tombstone = console.erase_customer(session, args.customer, args.reason_code)
    except console.ConsoleError as exc:
        print(f"advisor-desk-server: {exc}", file=sys.stderr)
        return 1
    finally:
        database.dispose()
    print(
        f"customer {tombstone['customer_id']} erased at {tombstone['erased_at']} "
        f"({tombstone['reason_code']}); its workstations remove it at their next sync"
    )
    return 0


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--database-url",
        default=None,
        help="SQLAlchemy URL (sqlite:///file.db or postgresql+psycopg://...); "
        "default: ADVISOR_DESK_DATABASE_URL, else sqlite:///./advisor_desk_server.db",
    )
    parser = argparse.ArgumentParser(
        prog="advisor-desk-server", description="Advisor Desk reference central API."
    )
    commands = parser.add_subparsers(dest="command", required=True)

    commands.add_parser(
        "init-db", parents=[common], help="create or upgrade the database schema"
    ).set_defaults(run=_init_db)

    serve = commands.add_parser("serve", parents=[common], help="serve the API")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8765)
    serve.add_argument(
        "--workers", type=int, default=1, help="worker processes (PostgreSQL recommended above 1)"
    )
    serve.add_argument(
        "--proxy-headers",
        action="store_true",
        help="trust X-Forwarded-For from a reverse proxy (client addresses)",
    )
    serve.add_argument(
        "--keep-alive",
        type=int,
        default=75,
        metavar="SECONDS",
        help="how long an idle connection stays open (default 75, longer than a desk's pause between "
        "requests, so its next request never races the server closing the connection)",
    )
    serve.set_defaults(run=_serve)

    seed = commands.add_parser("seed", parents=[common], help="load demo or volume data")
    what = seed.add_mutually_exclusive_group(required=True)
    what.add_argument("--demo", action="store_true", help="about 200 customers, demo users (password 'demo')")
    what.add_argument("--customers", type=int, metavar="N", help="N customers of deterministic volume data")
    seed.add_argument("--seed", type=int, default=1, metavar="S", help="random seed of the volume data")
    seed.set_defaults(run=_seed)

    user = commands.add_parser(
        "create-user", parents=[common], help="create a user (password from the terminal or stdin)"
    )
    user.add_argument("username")
    user.add_argument("--role", required=True, choices=[r.value for r in Role])
    user.add_argument("--team", required=True)
    user.add_argument("--display-name", default=None)
    user.add_argument("--time-zone", default="Europe/Paris")
    user.set_defaults(run=_create_user)

    who = "the customer: id, e-mail, phone number or loyalty card"
    message = commands.add_parser(
        "message",
        parents=[common],
        help="record a customer's inbound message at the centre, as a channel connector does",
    )
    message.add_argument("--customer", required=True, metavar="WHO", help=who)
    message.add_argument(
        "--case", default=None, metavar="ID", help="the case (default: the customer's open case touched last)"
    )
    message.add_argument(
        "--channel",
        default=None,
        choices=[c.value for c in Channel if c.customer_facing],
        help="default: the case's channel, else chat",
    )
    message.add_argument("text", help="what the customer wrote ('-' reads standard input)")
    message.set_defaults(run=_message)

    erase = commands.add_parser(
        "erase", parents=[common], help="erase a customer (right to be forgotten); keeps a tombstone"
    )
    erase.add_argument("--customer", required=True, metavar="WHO", help=who)
    erase.add_argument("--reason-code", default="gdpr_art17_request", help="a machine code, kept")
    erase.set_defaults(run=_erase)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "seed" and args.customers is not None and args.customers < 1:
        print("advisor-desk-server: --customers must be at least 1", file=sys.stderr)
        return 2
    try:
        code: int = args.run(args)
    except KeyboardInterrupt:
        return 130
    return code


if __name__ == "__main__":
    raise SystemExit(main())
