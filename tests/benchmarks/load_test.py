"""Load test: hundreds of simulated workstations against the reference server on PostgreSQL.

Run on demand (loopback only, bounded in time, stops by itself)::

    /work/venv/bin/python tests/benchmarks/load_test.py                       # 200 workstations, 60 s
    /work/venv/bin/python tests/benchmarks/load_test.py --steps 50,100,200,300 --duration 45

It creates a fresh PostgreSQL database (``--postgres``, default the machine's 127.0.0.1:5432 as user
postgres), runs ``advisor-desk-server init-db`` and ``seed --customers N``, serves it with
``advisor-desk-server serve --workers W`` as a subprocess, creates one advisor per workstation
through the server's store, and for each step runs :class:`loadgen.Runner` (sync, search, reply,
grant at a realistic pace with bursts), prints throughput and p50/p95/p99 latency per endpoint, then
proves in the database with :func:`loadgen.verify` that every grant was applied exactly once, that no
budget or cap was exceeded and that every workstation's feed delivered every change visible to it.
Each step uses new users (fresh budgets). The last line states the largest step held within a p99 of
250 ms. The database is dropped at the end (``--keep`` keeps it).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "reliability"))
os.environ.setdefault("ADVISOR_DESK_PASSWORD_TIME_COST", "1")  # logins measure the API, not argon2
os.environ.setdefault("ADVISOR_DESK_PASSWORD_MEMORY_KIB", "64")
os.environ.setdefault("ADVISOR_DESK_PASSWORD_PARALLELISM", "1")

from loadgen import Runner, create_users, feed_head, load_world, verify  # noqa: E402
from sqlalchemy import create_engine, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

P99_TARGET = 0.250


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _server_cli(*args: str, url: str) -> list[str]:
    return [sys.executable, "-m", "advisor_desk.server.cli", *args, "--database-url", url]


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--postgres", default="postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--customers", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--steps", default="200", help="workstation counts to run in turn, e.g. 50,100,200")
    parser.add_argument("--duration", type=float, default=60.0, help="seconds per step")
    parser.add_argument("--think", type=float, default=5.0, help="mean think time between actions (s)")
    parser.add_argument("--keep", action="store_true", help="keep the database")
    args = parser.parse_args()
    steps = [int(s) for s in args.steps.split(",")]

    admin = create_engine(args.postgres, isolation_level="AUTOCOMMIT")
    name = f"ad_load_{uuid.uuid4().hex[:10]}"
    with admin.connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(args.postgres).set(database=name).render_as_string(False)
    port = _free_port()
    server = None
    try:
        subprocess.run(_server_cli("init-db", url=url), check=True, stdout=subprocess.DEVNULL)
        t = time.monotonic()
        subprocess.run(_server_cli("seed", "--customers", str(args.customers), url=url), check=True)
        print(f"seeded {args.customers} customers in {time.monotonic() - t:.1f} s")
        server = subprocess.Popen(
            _server_cli("serve", "--port", str(port), "--workers", str(args.workers), url=url),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(base + "/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline or server.poll() is not None:
                raise SystemExit("the server did not start")
            time.sleep(0.2)

        from advisor_desk.server.db import Database

        database = Database(url)
        world = load_world(database)
        print(
            f"nproc {os.cpu_count()}; server: {args.workers} uvicorn workers on PostgreSQL; "
            f"client: one asyncio process on the same machine; think time {args.think} s"
        )
        held = 0
        for step_no, count in enumerate(steps):
            # New users and other hot customers each step: budgets and caps start afresh.
            world = load_world(database, hot_per_team=max(6, count // 8), hot_offset=step_no * 100)
            workstations = create_users(database, f"load{step_no}-", count, sorted(world.customers))
            start = feed_head(database)
            for ws in workstations:
                ws.start_cursor = start
            runner = Runner(
                base + "/api/v1", world, workstations, duration=args.duration, think=args.think, seed=step_no
            )
            asyncio.run(runner.run())
            print(f"\n== {count} workstations, {runner.elapsed:.0f} s ==")
            print("\n".join(runner.stats.summary(runner.elapsed)))
            figures = verify(database, base + "/api/v1", workstations)
            print("proof: " + ", ".join(f"{k} {v}" for k, v in sorted(figures.items())))
            p99 = runner.stats.p99()
            print(
                f"p99 over all endpoints: {p99 * 1000:.0f} ms -> {'within' if p99 <= P99_TARGET else 'over'} 250 ms"
            )
            if p99 <= P99_TARGET:
                held = max(held, count)
        database.dispose()
        print(
            f"\nlargest load held within p99 250 ms: {held} workstations "
            f"(think {args.think} s, {args.workers} workers, nproc {os.cpu_count()})"
        )
        return 0
    finally:
        if server is not None:
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
        if not args.keep:
            with admin.connect() as c:
                c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


if __name__ == "__main__":
    raise SystemExit(main())
