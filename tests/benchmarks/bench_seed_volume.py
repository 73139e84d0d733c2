"""How long the volume seed takes (run on demand, never in the normal suite).

    python tests/benchmarks/bench_seed_volume.py [--customers 10000] [--seed 1] [--database-url URL]

Without ``--database-url`` a fresh SQLite file in a temporary folder is used. Prints the time spent
generating the data alone, then the time of the whole seed into the database, with the counts.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
import uuid
from datetime import UTC, datetime


def _generation_only(customers: int, seed: int) -> tuple[float, int]:
    from advisor_desk.domain.model import User
    from advisor_desk.server.seed.reference import DEMO_USERS
    from advisor_desk.server.seed.volume import volume_chunks, volume_products

    users = [
        User(str(uuid.uuid5(uuid.NAMESPACE_URL, u.username)), u.username, u.display_name, u.role, u.team)
        for u in DEMO_USERS
    ]
    now = datetime.now(UTC)
    started = time.perf_counter()
    products, _ = volume_products(seed, now)
    interactions = 0
    for batch in volume_chunks(customers, seed, now, users, products):
        interactions += len(batch.interactions)
    return time.perf_counter() - started, interactions


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--database-url", default=os.environ.get("ADVISOR_DESK_BENCH_DATABASE_URL"))
    args = parser.parse_args()

    from advisor_desk.server.db import Database
    from advisor_desk.server.migrate import upgrade
    from advisor_desk.server.seed import run_volume

    generation, interactions = _generation_only(args.customers, args.seed)
    print(f"generation only: {generation:.1f} s for {interactions} interactions", flush=True)

    with tempfile.TemporaryDirectory() as folder:
        url = args.database_url or f"sqlite:///{folder}/bench.db"
        database = Database(url)
        try:
            upgrade(database)
            started, cpu_started = time.perf_counter(), time.process_time()
            with database.write() as session:
                summary = run_volume(session, args.customers, args.seed)
            total = time.perf_counter() - started
            cpu = time.process_time() - cpu_started
        finally:
            database.dispose()
        size = os.path.getsize(f"{folder}/bench.db") if not args.database_url else 0
    print(
        f"seed --customers {args.customers} --seed {args.seed} on {database.dialect}: {total:.1f} s"
        f" (CPU of this process {cpu:.1f} s; wall time grows when other work shares the cores)"
    )
    print(f"  {summary}")
    print(f"  {summary.interactions / total:,.0f} interactions per second (commit included)")
    if size:
        print(f"  database file: {size / 1e6:.0f} MB")
    print(f"  cores: {os.cpu_count()}, load average: {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
