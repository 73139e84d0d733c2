"""Sync figures against a volume-seeded reference server (run on demand, never in the normal suite).

    python tests/benchmarks/bench_sync.py [--customers 10000] [--database-url URL [--no-seed]] [--tracemalloc]

Seeds a fresh database with ``advisor-desk-server seed --customers N`` (SQLite in a temporary folder
unless ``--database-url`` is given), serves it on loopback with ``advisor-desk-server serve``, then,
each in a child process so the figures are the sync's own:

- the initial sync of the demo ``advisor`` into an empty cache: seconds, entities pulled, peak RSS
  (``ru_maxrss``) and, with ``--tracemalloc``, the peak of Python allocations (slower);
- a delta of 1,000 changes made at the centre: seconds.

Goals (issue 3): initial sync under 60 s with peak memory under 400 MB; a delta of 1,000 changes under
2 s. Prints the core count with the figures.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import resource
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

USER, PASSWORD = "advisor", "demo"


def _child(kind: str, server: str, cache_path: str, use_tracemalloc: bool) -> None:
    """Runs in the child process: one sync, figures printed as JSON on stdout."""
    if use_tracemalloc:
        import tracemalloc

        tracemalloc.start()
    from advisor_desk.cache.store import LocalCache
    from advisor_desk.sync.client import ApiClient
    from advisor_desk.sync.engine import SyncEngine

    cache = LocalCache.open(cache_path)
    client = ApiClient(server, timeout=(5, 120))
    client.login(USER, PASSWORD)
    engine = SyncEngine(cache, client, long_poll_wait=0, page_size=1000)
    started = time.perf_counter()
    report = engine.sync_once()
    seconds = time.perf_counter() - started
    figures = {
        "kind": kind,
        "seconds": round(seconds, 2),
        "pulled": report.pulled,
        "errors": [f"{report.failure.code}: {report.failure.detail}"] if report.failure else [],
        "maxrss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
    if use_tracemalloc:
        import tracemalloc

        figures["tracemalloc_peak_mb"] = round(tracemalloc.get_traced_memory()[1] / 2**20, 1)
    figures["cache_mb"] = round(Path(cache_path).stat().st_size / 2**20, 1)
    cache.close()
    client.close()
    print(json.dumps(figures), flush=True)


def _run_child(kind: str, server: str, cache_path: Path, use_tracemalloc: bool = False) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--child", kind, "--server", server, "--cache", str(cache_path)]
        + (["--tracemalloc"] if use_tracemalloc else []),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_healthy(url: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url + "/health", timeout=2) as answer:  # noqa: S310 - loopback
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("the server did not start")


def _change_1000(database_url: str, cache_path: Path) -> int:
    """1,000 changes at the centre, on customers this advisor holds: a new tier for each."""
    import sqlite3

    from advisor_desk.cache import replica
    from advisor_desk.domain.wire import EntityKind
    from advisor_desk.server import store
    from advisor_desk.server.db import Database

    conn = sqlite3.connect(f"file:{cache_path}?mode=ro", uri=True)
    rows = conn.execute("SELECT data FROM customers LIMIT 1000").fetchall()
    conn.close()
    now = datetime.now(UTC)
    changed = [
        dataclasses.replace(replica.decode(EntityKind.CUSTOMER, data), tier="gold", updated_at=now)
        for (data,) in rows
    ]
    database = Database(database_url)
    try:
        with database.write() as session:
            store.save_many(session, changed)
    finally:
        database.dispose()
    return len(changed)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=10_000)
    parser.add_argument("--database-url", default=os.environ.get("ADVISOR_DESK_BENCH_DATABASE_URL"))
    parser.add_argument(
        "--no-seed", action="store_true", help="reuse --database-url as it is (seeded by an earlier run)"
    )
    parser.add_argument("--tracemalloc", action="store_true", help="also measure Python allocations")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--server", help=argparse.SUPPRESS)
    parser.add_argument("--cache", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child, args.server, args.cache, args.tracemalloc)
        return 0

    server_cli = [sys.executable, "-m", "advisor_desk.server.cli"]
    print(f"cores (nproc): {os.cpu_count()}", flush=True)
    with tempfile.TemporaryDirectory() as folder:
        url = args.database_url or f"sqlite:///{folder}/bench.db"
        # init-db also upgrades a database seeded by an older version
        subprocess.run([*server_cli, "init-db", "--database-url", url], check=True, capture_output=True)
        if not args.no_seed:
            started = time.perf_counter()
            subprocess.run(
                [*server_cli, "seed", "--customers", str(args.customers), "--database-url", url],
                check=True,
                capture_output=True,
            )
            print(f"seed --customers {args.customers}: {time.perf_counter() - started:.1f} s", flush=True)
        port = _free_port()
        server = subprocess.Popen(
            [*server_cli, "serve", "--database-url", url, "--host", "127.0.0.1", "--port", str(port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            _wait_healthy(base)
            cache_path = Path(folder) / "desk.sqlite3"
            initial = _run_child("initial", base, cache_path)
            print(
                f"initial sync: {initial['seconds']} s, {initial['pulled']} changes, "
                f"peak RSS {initial['maxrss_mb']} MB, cache file {initial['cache_mb']} MB "
                f"(goal: < 60 s, < 400 MB) {initial['errors'] or ''}",
                flush=True,
            )
            changed = _change_1000(url, cache_path)
            delta = _run_child("delta", base, cache_path)
            print(
                f"delta sync of {changed} changes: {delta['seconds']} s, {delta['pulled']} pulled "
                f"(goal: < 2 s; includes the push and /me round trips) {delta['errors'] or ''}",
                flush=True,
            )
            if args.tracemalloc:
                traced = _run_child("initial-traced", base, Path(folder) / "traced.sqlite3", True)
                print(
                    f"initial sync under tracemalloc: {traced['seconds']} s, "
                    f"Python allocations peak {traced['tracemalloc_peak_mb']} MB",
                    flush=True,
                )
        finally:
            server.terminate()
            server.wait(30)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
