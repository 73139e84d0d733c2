"""Load test: hundreds of simulated workstations against the reference server on PostgreSQL.

Run on demand (loopback only, bounded in time, stops by itself)::

    python tests/benchmarks/load_test.py                       # 200 workstations, 60 s
    python tests/benchmarks/load_test.py --steps 50,100,200,300 --duration 45

It creates a fresh PostgreSQL database (``--postgres``, default the machine's 127.0.0.1:5432 as user
postgres), runs ``advisor-desk-server init-db`` and ``seed --customers N``, serves it with
``advisor-desk-server serve --workers W`` as a subprocess, creates one advisor per workstation
through the server's store, and for each step runs :class:`loadgen.Runner` (sync, search, reply,
grant at a realistic pace with bursts), prints throughput and p50/p95/p99 latency per endpoint, then
proves in the database with :func:`loadgen.verify` that every grant was applied exactly once, that no
budget or cap was exceeded and that every workstation's feed delivered every change visible to it.
Each step uses new users (fresh budgets). The last lines state the largest step held within a p99 of
250 ms, per scenario. The database is dropped at the end (``--keep`` keeps it).

Two scenarios (``--scenarios``, both by default), reported apart:

- ``storm``, the cold start: every workstation logs in within the first 3 seconds and starts acting
  at once (:class:`loadgen.Runner` as it is) -- a whole floor opening its desks in the same second.
- ``steady``, the working day: the workstations have logged in and drained their feed before the
  measured window (not measured); in it each starts at a random moment of its first think time and
  then acts as in the storm (exponential think time, 5 s mean, bursts of 3 to 8 actions).

For each step it also prints where the machine's CPU went (load generator, server workers,
PostgreSQL, everything else) out of what the cores could give: on a small machine the load
generator's share is part of the figures.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "reliability"))
os.environ.setdefault("ADVISOR_DESK_PASSWORD_TIME_COST", "1")  # logins measure the API, not argon2
os.environ.setdefault("ADVISOR_DESK_PASSWORD_MEMORY_KIB", "64")
os.environ.setdefault("ADVISOR_DESK_PASSWORD_PARALLELISM", "1")

import loadgen  # noqa: E402
from loadgen import (  # noqa: E402
    Runner,
    Stats,
    Workstation,
    create_users,
    feed_head,
    load_world,
    percentile,
    verify,
)
from sqlalchemy import create_engine, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

P99_TARGET = 0.250
BIG_PAGE_BYTES = 1_000_000
# Feed pages above 1 MB (a scope entry of the 5,000-interaction customer) are reported apart.
loadgen.ENDPOINTS = ("login", "me", "changes", "changes>1MB", "search", "mutations")


class StormRunner(Runner):
    """:class:`loadgen.Runner` (logins in the first 3 s), measured per endpoint with feed pages over
    1 MB apart, and the proof's final drain counted apart from the load.

    It also measures its own event loop's lag: every workstation shares this one loop, so while it
    parses a 4 MB feed page no other answer is read, and that wait counts in their latency. Real
    desks are separate machines; the lag printed beside the figures says how much of them is ours.
    """

    lag: list[float]

    async def _call(
        self, http: httpx.AsyncClient, name: str, method: str, url: str, **kw: Any
    ) -> httpx.Response:
        started = time.perf_counter()
        try:
            response = await http.request(method, url, **kw)
        except httpx.HTTPError as exc:
            self.stats.failures[f"{name} {type(exc).__name__}"] += 1
            raise
        if name == "changes" and len(response.content) > BIG_PAGE_BYTES:
            name = "changes>1MB"  # a page carrying a scope entry of a very large customer
        self.stats.latencies[name].append(time.perf_counter() - started)
        self.stats.statuses[(name, response.status_code)] += 1
        return response

    async def _watch_lag(self) -> None:
        while True:
            started = time.perf_counter()
            await asyncio.sleep(0.01)
            self.lag.append(time.perf_counter() - started - 0.01)

    async def run(self) -> None:
        self.lag = []
        watcher = asyncio.ensure_future(self._watch_lag())
        try:
            await self._run()
        finally:
            watcher.cancel()

    async def _run(self) -> None:
        self._stopped = 0
        self._started = time.monotonic()
        deadline = self._started + self.duration
        await asyncio.gather(*(self._workstation(ws, i, deadline) for i, ws in enumerate(self.workstations)))
        self._restore_measured()

    def _stop_one(self) -> None:
        """A workstation stopped acting; once all have, what follows (the proof's final drain) is
        recorded apart in ``drain``."""
        self._stopped += 1
        if self._stopped == len(self.workstations):
            self.elapsed = time.monotonic() - self._started
            self.measured, self.stats = self.stats, Stats()

    def _restore_measured(self) -> None:
        self.drain, self.stats = self.stats, self.measured

    def lag_summary(self) -> str:
        values = sorted(self.lag) or [0.0]
        return (
            f"load generator's event-loop lag (adds to every latency above): "
            f"p50 {percentile(values, 50) * 1000:.0f} ms, p99 {percentile(values, 99) * 1000:.0f} ms, "
            f"max {values[-1] * 1000:.0f} ms"
        )


class SteadyRunner(StormRunner):
    """The working day: logged in and synced before the measured window, then random phases."""

    warmup_parallel = 8  # desks opening a few at a time before the window

    async def _workstation(self, ws: Workstation, index: int, deadline: float) -> None:
        rng = random.Random(self.seed * 100_003 + index)
        async with self._http() as http:
            async with self._slots:
                await self._login(http, ws)
                ws.cursor = str(ws.start_cursor)
                for _attempt in range(20):
                    if await self._sync(http, ws):
                        break
                    await asyncio.sleep(0.5)
            self._warm += 1
            if self._warm == len(self.workstations):
                self._started = time.monotonic()
                self._deadline = self._started + self.duration
                self._window.set()
            await self._window.wait()
            try:
                # loadgen's pace and mix, without the login and the cold first sync
                await asyncio.sleep(rng.uniform(0, self.think))
                await self._work(http, ws, rng, self._deadline)
            finally:
                self._stop_one()
            await self._final_drain(http, ws)

    async def _run(self) -> None:
        self._slots = asyncio.Semaphore(self.warmup_parallel)
        self._window = asyncio.Event()
        self._warm = 0
        self._stopped = 0
        self._deadline = self._started = 0.0
        tasks = [
            asyncio.ensure_future(self._workstation(ws, i, 0.0)) for i, ws in enumerate(self.workstations)
        ]
        await self._window.wait()
        self.warmup = self.stats
        self.stats = Stats()  # the window is measured from here
        self.lag = []
        await asyncio.gather(*tasks)
        self._restore_measured()


def _rotate_hot(world: Any, per_team: int, run_no: int) -> None:
    """Grants go to other customers each run (caps bind afresh), wrapping round a small team."""
    for team, ids in world.customers.items():
        first = (run_no * per_team) % len(ids)
        world.hot[team] = (ids[first:] + ids[:first])[: min(per_team, len(ids))]


_TICK = os.sysconf("SC_CLK_TCK")


def _cpu_seconds(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / _TICK


def _processes() -> dict[int, tuple[str, int]]:
    """pid -> (command name, parent pid) of every process."""
    found = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                head, tail = (entry / "stat").read_text().rsplit(")", 1)
            except OSError:
                continue
            found[int(entry.name)] = (head.split("(", 1)[1], int(tail.split()[1]))
    return found


def _machine_busy() -> tuple[float, float]:
    """(busy, total) CPU seconds of the whole machine since boot, all cores."""
    values = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = values[3] + values[4]
    return (sum(values) - idle) / _TICK, sum(values) / _TICK


class CpuMeter:
    """CPU seconds used meanwhile by the load generator, the server's processes and PostgreSQL."""

    def __init__(self, server_pid: int) -> None:
        self.server_pid = server_pid

    def _sample(self) -> dict[str, float]:
        procs = self._tree = _processes()
        self._each = {(p, name): _cpu_seconds(p) for p, (name, _) in procs.items()}
        busy, total = _machine_busy()
        return {"busy": busy, "total": total}

    def __enter__(self) -> CpuMeter:
        self.start, self.started = self._sample(), time.monotonic()
        self._each_start = self._each
        return self

    def __exit__(self, *_exc: object) -> None:
        end = self._sample()
        self.seconds = time.monotonic() - self.started
        server = {self.server_pid}
        for pid, (_name, parent) in sorted(self._tree.items()):
            if parent in server:
                server.add(pid)
        # Per process, what it used meanwhile (a process that ended meanwhile counts as "other").
        self.used = {
            "generator": 0.0,
            "server": 0.0,
            "postgres": 0.0,
            "busy": end["busy"] - self.start["busy"],
        }
        others: dict[str, float] = {}
        for (pid, name), seconds in self._each.items():
            delta = seconds - self._each_start.get((pid, name), 0.0)
            if pid == os.getpid():
                self.used["generator"] += delta
            elif pid in server:
                self.used["server"] += delta
            elif name.startswith("postgres"):
                self.used["postgres"] += delta
            else:
                others[name] = others.get(name, 0.0) + delta
        self.others = sorted(others.items(), key=lambda item: -item[1])[:4]

    def summary(self) -> str:
        cores = os.cpu_count() or 1
        available = self.seconds * cores
        u = self.used
        other = max(0.0, u["busy"] - u["generator"] - u["server"] - u["postgres"])
        idle = max(0.0, available - u["busy"])

        def share(v: float) -> str:
            return f"{v:.0f} s ({100 * v / available:.0f} %)"

        return (
            f"CPU over {self.seconds:.0f} s x {cores} cores = {available:.0f} core-seconds: "
            f"load generator {share(u['generator'])}, server workers {share(u['server'])}, "
            f"PostgreSQL {share(u['postgres'])}, other processes {share(other)} "
            f"({', '.join(f'{n} {v:.0f} s' for n, v in self.others if v >= 0.5) or 'none above 0.5 s'}), "
            f"idle {share(idle)}"
        )


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
    parser.add_argument(
        "--scenarios", default="storm,steady", help="storm (cold start), steady (working day), or both"
    )
    parser.add_argument("--server-log", default="", help="file for the server's log (default: a temp file)")
    parser.add_argument("--keep", action="store_true", help="keep the database")
    args = parser.parse_args()
    steps = [int(s) for s in args.steps.split(",")]
    scenarios = [s.strip() for s in args.scenarios.split(",") if s.strip()]
    runners = {"storm": StormRunner, "steady": SteadyRunner}
    if not scenarios or any(s not in runners for s in scenarios):
        parser.error("--scenarios takes storm, steady or storm,steady")

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
        # The server's log goes to a file: a pipe nobody reads would block the workers once full.
        log_path = Path(args.server_log or f"/tmp/{name}-server.log")
        log_file = log_path.open("w")
        server = subprocess.Popen(
            _server_cli("serve", "--port", str(port), "--workers", str(args.workers), url=url),
            stdout=subprocess.DEVNULL,
            stderr=log_file,
        )
        print(f"server log: {log_path}")
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
        with admin.connect() as c:
            autovacuum = c.execute(text("SHOW autovacuum")).scalar()
        print(
            f"PostgreSQL autovacuum {autovacuum} (the seed ran ANALYZE; tables the load grows keep "
            "the statistics of the seed when autovacuum is off)"
        )
        print(
            f"nproc {os.cpu_count()}; server: {args.workers} uvicorn workers on PostgreSQL; "
            f"client: one asyncio process on the same machine; think time {args.think} s"
        )
        held = {scenario: 0 for scenario in scenarios}
        step_no = 0
        for count in steps:
            for scenario in scenarios:
                # New users and other hot customers each run: budgets and caps start afresh.
                world = load_world(database)
                _rotate_hot(world, max(6, count // 8), step_no)
                workstations = create_users(database, f"load{step_no}-", count, sorted(world.customers))
                step_no += 1
                start = feed_head(database)
                for ws in workstations:
                    ws.start_cursor = start
                runner = runners[scenario](
                    base + "/api/v1",
                    world,
                    workstations,
                    duration=args.duration,
                    think=args.think,
                    seed=step_no,
                )
                with CpuMeter(server.pid) as cpu:
                    asyncio.run(runner.run())
                print(f"\n== {scenario}: {count} workstations, {runner.elapsed:.0f} s measured ==")
                if scenario == "steady":
                    warm = runner.warmup
                    print(
                        "before the window (not measured): "
                        + ", ".join(f"{n} {len(v)}" for n, v in sorted(warm.latencies.items()))
                    )
                print("\n".join(runner.stats.summary(runner.elapsed)))
                print(
                    "not measured: the proof's final drain of every feed at once, "
                    + ", ".join(f"{n} {len(v)} requests" for n, v in sorted(runner.drain.latencies.items()))
                )
                print(cpu.summary())
                print(runner.lag_summary())
                figures = verify(database, base + "/api/v1", workstations)
                print("proof: " + ", ".join(f"{k} {v}" for k, v in sorted(figures.items())))
                rest = sorted(v for n, vs in runner.stats.latencies.items() if n != "changes>1MB" for v in vs)
                if rest:
                    print(f"p99 of all but the >1 MB pages: {percentile(rest, 99) * 1000:.0f} ms")
                p99 = runner.stats.p99()
                print(
                    f"p99 over all endpoints: {p99 * 1000:.0f} ms -> "
                    f"{'within' if p99 <= P99_TARGET else 'over'} 250 ms"
                )
                if p99 <= P99_TARGET:
                    held[scenario] = max(held[scenario], count)
        database.dispose()
        for scenario in scenarios:
            print(
                f"largest load held within p99 250 ms, {scenario}: {held[scenario]} workstations "
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
