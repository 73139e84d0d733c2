"""10,000 (or more) fault-injected mutations through the real desk stack, each with exactly one effect.

Run on demand::

    python tests/benchmarks/fault_pushes.py [--mutations 10000] [--desks 4]
        [--postgres postgresql+psycopg://postgres@127.0.0.1:5432/postgres | --sqlite]

Starts the reference server (in a thread, on a fresh PostgreSQL database by default, or SQLite),
seeds the small test world, and has ``--desks`` workstations (advisor, advisor2, lead, store: real
LocalCache, SyncEngine, ApiClient) write notes and grants and push them at the same time through
:class:`faultproxy.FaultProxy` (cut requests, answers dropped after the commit, truncated answers,
delays, throttling). Afterwards :func:`pushes.prove_exactly_once` checks each desk's outbox against
the server's database. Prints the faults injected, the figures and the time taken.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

TESTS = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(TESTS / "reliability"))

from faultproxy import FaultProxy  # noqa: E402
from pushes import FAULT_WEIGHTS, PushRun, prove_exactly_once, push_through_faults  # noqa: E402
from rootconf import seed_world  # noqa: E402
from rootconf import serve as _serve  # noqa: E402
from sqlalchemy import create_engine, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from advisor_desk.server.db import Database  # noqa: E402
from advisor_desk.server.migrate import upgrade  # noqa: E402

DESKS = ["advisor", "lead", "advisor2", "store"]
TARGETS = [("c-north-1", "c-north-1-case"), ("c-north-2", "c-north-2-case")]


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--mutations", type=int, default=10_000)
    parser.add_argument("--desks", type=int, default=4, choices=range(1, len(DESKS) + 1))
    parser.add_argument("--postgres", default="postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--sqlite", action="store_true", help="a SQLite file instead of PostgreSQL")
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="fault-pushes-"))
    admin = None
    name = ""
    if args.sqlite:
        url, backend = f"sqlite:///{workdir / 'server.db'}", "sqlite"
    else:
        admin = create_engine(args.postgres, isolation_level="AUTOCOMMIT")
        name = f"ad_faults_{uuid.uuid4().hex[:10]}"
        with admin.connect() as c:
            c.execute(text(f'CREATE DATABASE "{name}"'))
        url, backend = make_url(args.postgres).set(database=name).render_as_string(False), "postgres"
    database = Database(url)
    upgrade(database)
    database.dispose()
    server = _serve(url, backend)
    try:
        seed_world(server)
        port = urlsplit(server.url).port
        assert port is not None
        per_desk = args.mutations // args.desks
        runs: dict[str, PushRun] = {}
        errors: list[BaseException] = []
        started = time.monotonic()
        # One proxy per desk: each desk logs in through a clean line, then meets faults of its own.
        proxies = [FaultProxy(port, FAULT_WEIGHTS, seed=args.seed + n, delay=0.05) for n in range(args.desks)]
        try:

            def desk(username: str, n: int) -> None:
                try:
                    runs[username] = push_through_faults(
                        proxies[n],
                        workdir / f"{username}.sqlite3",
                        username,
                        "pw",
                        TARGETS,
                        per_desk,
                        seed=args.seed + n,
                    )
                except BaseException as exc:  # reported below, with the others
                    errors.append(exc)

            threads = [threading.Thread(target=desk, args=(u, n)) for n, u in enumerate(DESKS[: args.desks])]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
        finally:
            for proxy in proxies:
                proxy.close()
        faults = sum((proxy.counts for proxy in proxies), Counter())
        if errors:
            raise errors[0]
        seconds = time.monotonic() - started
        total = 0
        for username, run in runs.items():
            run.faults.clear()
            figures = prove_exactly_once(server.database, workdir / f"{username}.sqlite3", run)
            total += figures["mutations"]
            print(f"{username}: {figures}")
        print(f"requests by fault: {dict(faults)}")
        print(
            f"{total} mutations from {args.desks} desks through faults on {backend}: every one applied exactly "
            f"once ({seconds:.0f} s, nproc {os.cpu_count()})"
        )
        return 0
    finally:
        server.stop()
        if admin is not None:
            with admin.connect() as c:
                c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            admin.dispose()


if __name__ == "__main__":
    raise SystemExit(main())
