"""How the desk feels with volume data (run on demand, never in the normal suite; prints figures).

    python tests/benchmarks/bench_desk.py [--customers 10000] [--cache FILE] [--keep DIR]

Without ``--cache``: a fresh reference server database is seeded with ``seed --customers N`` (about 20
interactions per customer, plus one customer with 5,000), served on loopback, and a desk cache is
filled by a real initial sync as the ``advisor`` demo user. Then, in this process, with Qt (offscreen
unless ``DISPLAY``/``QT_QPA_PLATFORM`` say otherwise):

- start to interactive window: importing the desk, opening the cache, showing the main window with
  its work queue loaded;
- opening the 5,000-interaction customer's timeline, to its first paint;
- the work queue refreshed and painted (the number of open cases is printed; ``--queue-cases``
  adds open cases to the team in the cache to reach that many);
- scrolling the big timeline end to end, page by page, each step repainted: mean and worst frame;
- peak memory of the process (ru_maxrss).

Goals (issue 4): start < 2 s, timeline first paint < 50 ms, queue of 2,000 < 50 ms, scroll frames
< 16 ms on average, peak memory < 350 MB.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

STARTED = time.perf_counter()
ROOT = Path(__file__).resolve().parents[2]


def log(text: str) -> None:
    print(text, flush=True)


def build_cache(customers: int, folder: Path) -> Path:
    """Seed, serve and sync: returns the path of a desk cache holding the advisor's team."""
    from advisor_desk.app import DemoServer, free_port

    server = DemoServer(folder=folder)
    server._own_folder = False
    db = server.database_url
    py = sys.executable
    t = time.perf_counter()
    seeded = (folder / "demo-server.sqlite3").exists()  # a kept folder: reuse its seeded database
    subprocess.run([py, "-m", "advisor_desk.server.cli", "init-db", "--database-url", db], check=True)
    if not seeded:
        subprocess.run(
            [
                py,
                "-m",
                "advisor_desk.server.cli",
                "seed",
                "--customers",
                str(customers),
                "--database-url",
                db,
            ],
            check=True,
        )
        log(f"seed --customers {customers}: {time.perf_counter() - t:.1f} s")
    server.port = free_port()
    with open(folder / "server.log", "ab") as out:
        server.process = subprocess.Popen(
            [py, "-m", "advisor_desk.server.cli", "serve", "--port", str(server.port), "--database-url", db],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        server.wait_healthy()
        from advisor_desk.cache.store import LocalCache
        from advisor_desk.sync.client import ApiClient
        from advisor_desk.sync.engine import SyncEngine

        client = ApiClient(server.url, timeout=(5, 120))
        client.login("advisor", "demo")
        path = folder / "desk.cache.sqlite3"
        cache = LocalCache.open(path)
        cache.save_me(client.me())
        t = time.perf_counter()
        engine = SyncEngine(cache, client, None, page_size=1000)
        report = engine.sync_once()
        log(f"initial sync: {time.perf_counter() - t:.1f} s, {report.pulled} changes, ok={report.ok}")
        # The volume seed's 5,000-interaction customer has no open case, so it is outside the advisor's
        # scope: fetch it on demand, as the desk does when an advisor searches for it, and keep it.
        server_file = db.removeprefix("sqlite:///")
        with sqlite3.connect(server_file) as server_db:
            (big,) = server_db.execute(
                "SELECT customer_id FROM interactions GROUP BY customer_id ORDER BY count(*) DESC LIMIT 1"
            ).fetchone()
        t = time.perf_counter()
        stored = engine.fetch_customer(big)
        log(f"fetched the biggest customer on demand: {stored} entities in {time.perf_counter() - t:.1f} s")
        cache.close()
        client.close()
        return path
    finally:
        server.stop()


def add_open_cases(path: Path, wanted: int) -> None:
    """Top the team's open cases up to ``wanted`` (copies of existing cases with new ids)."""
    from advisor_desk.cache.store import LocalCache
    from advisor_desk.domain.wire import to_wire

    cache = LocalCache.open(path)
    try:
        user = cache.current_user()
        assert user is not None
        from datetime import UTC, datetime

        rows = cache.work_queue(user.id, user.team, datetime.now(UTC), include_followups=False)
        if len(rows) >= wanted or not rows:
            return
        from dataclasses import replace

        base = [cache.case(r.case_id) for r in rows if r.case_id]
        changes = []
        for n in range(wanted - len(rows)):
            c = replace(base[n % len(base)], id=f"bench-case-{n}", subject=f"Dossier de charge {n}")
            changes.append({"cursor": "x", "entity": "case", "op": "upsert", "id": c.id, "data": to_wire(c)})
        cache.apply_page(changes, cache.cursor())
    finally:
        cache.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=10_000)
    parser.add_argument("--cache", type=Path, default=None, help="reuse a synced desk cache")
    parser.add_argument("--keep", type=Path, default=None, help="folder to keep the data in")
    parser.add_argument("--queue-cases", type=int, default=2_000)
    parser.add_argument("--repeat", type=int, default=7, help="runs of each timed step (median shown)")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen" if not os.environ.get("DISPLAY") else "xcb")
    log(f"cores: {os.cpu_count()}  platform: {os.environ['QT_QPA_PLATFORM']}")

    folder = args.keep or Path(tempfile.mkdtemp(prefix="advisor-desk-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        path = args.cache or build_cache(args.customers, folder)
        if args.queue_cases:
            add_open_cases(path, args.queue_cases)
        with sqlite3.connect(path) as db:
            big_id, big_count = db.execute(
                "SELECT customer_id, count(*) FROM interactions GROUP BY customer_id ORDER BY 2 DESC LIMIT 1"
            ).fetchone()
        return measure(path, big_id, big_count, args.repeat)
    finally:
        if args.keep is None and args.cache is None:
            shutil.rmtree(folder, ignore_errors=True)


def measure(path: Path, big_id: str, big_count: int, repeat: int = 7) -> int:
    t0 = time.perf_counter()
    from PySide6.QtCore import QModelIndex
    from PySide6.QtWidgets import QApplication

    from advisor_desk.cache.store import LocalCache
    from advisor_desk.ui import theme
    from advisor_desk.ui.changes import ChangeBus
    from advisor_desk.ui.context import Authority, DeskContext
    from advisor_desk.ui.i18n import Translations
    from advisor_desk.ui.icons import IconRegistry
    from advisor_desk.ui.main_window import MainWindow
    from advisor_desk.ui.settings import DeskSettings
    from advisor_desk.ui.tasks import TaskRunner

    app = QApplication([])
    translations = Translations()
    translations.install("fr")
    theme.apply_theme(app, "light")
    cache = LocalCache.open(path)
    user = cache.current_user()
    assert user is not None
    settings_dir = Path(tempfile.mkdtemp())
    ctx = DeskContext(
        cache=cache,
        user=user,
        settings=DeskSettings.in_file(settings_dir / "s.ini"),
        tasks=TaskRunner(),
        icons=IconRegistry(theme.text_color()),
        changes=ChangeBus(),
        authority=Authority.from_snapshot(cache.authority_snapshot()),
        language="fr",
    )
    window = MainWindow(ctx)
    window.resize(1600, 1000)
    window.show()

    def pump_until(condition, timeout: float = 30.0) -> None:  # type: ignore[no-untyped-def]
        deadline = time.perf_counter() + timeout
        while not condition():
            app.processEvents()
            if time.perf_counter() > deadline:
                raise TimeoutError("the desk did not get there in time")
            time.sleep(0.0005)

    pump_until(lambda: window.queue.loaded)
    app.processEvents()
    window.repaint()
    started = time.perf_counter()
    log(
        f"start to interactive window: {started - t0:.3f} s in this process "
        f"({started - STARTED:.3f} s since the interpreter ran this script)"
    )

    def spread(samples: list[float]) -> str:
        ms = sorted(1000 * x for x in samples)
        return f"median {statistics.median(ms):.1f} ms (min {ms[0]:.1f}, max {ms[-1]:.1f}, {len(ms)} runs)"

    rows = window.queue.model.rowCount()
    samples = []
    for _ in range(repeat):
        pump_until(lambda: ctx.tasks.is_idle())
        t = time.perf_counter()
        window.queue.refresh()
        pump_until(lambda: ctx.tasks.is_idle())
        window.queue.table.viewport().repaint()
        samples.append(time.perf_counter() - t)
    log(f"work queue of {rows} rows: refresh to paint {spread(samples)}")

    # Each run opens a small customer first (its reads done), then the big one: a fresh open each time.
    small_id = next(r.customer_id for r in window.queue.model.rows() if r.customer_id != big_id)
    samples = []
    for _ in range(repeat):
        window.open_customer(small_id)
        pump_until(lambda: window.timeline.model.customer_id == small_id and ctx.tasks.is_idle())
        t = time.perf_counter()
        window.open_customer(big_id)
        pump_until(lambda: window.timeline.loaded and window.timeline.model.customer_id == big_id)
        window.timeline.view.viewport().repaint()
        samples.append(time.perf_counter() - t)
    log(f"timeline of {big_count} interactions: open to first paint {spread(samples)}")
    pump_until(lambda: ctx.tasks.is_idle())

    view = window.timeline.view
    model = window.timeline.model

    # Case headers come into the model as the view scrolls near its end (fetchMore): like an advisor
    # reading the whole history, the benchmark opens each of them as it arrives.
    def expand_new(parent: QModelIndex, first: int, last: int) -> None:
        if not parent.isValid():
            for row in range(first, last + 1):
                view.expand(model.index(row, 0))

    model.rowsInserted.connect(expand_new)
    view.expandAll()
    app.processEvents()
    bar = view.verticalScrollBar()
    frames = []
    deliveries = []
    value = bar.minimum()
    while True:
        # a frame: scroll and paint what is now in view (rows not loaded yet paint a placeholder)
        t = time.perf_counter()
        bar.setValue(value)
        view.viewport().repaint()
        frames.append(time.perf_counter() - t)
        # then the event loop delivers the pages that came into view, and repaints them
        t = time.perf_counter()
        app.processEvents()
        deliveries.append(time.perf_counter() - t)
        if value >= bar.maximum():
            app.processEvents()  # the rows fetched at the end are laid out: the bar grows
            if value >= bar.maximum() and not model.canFetchMore(QModelIndex()):
                break
        value = min(bar.maximum(), value + bar.pageStep())
    pump_until(lambda: ctx.tasks.is_idle())
    log(
        f"scroll end to end: {len(frames)} pages, mean frame {1000 * statistics.mean(frames):.2f} ms, "
        f"worst {1000 * max(frames):.2f} ms; event loop between frames (page loads delivered and "
        f"repainted) mean {1000 * statistics.mean(deliveries):.2f} ms; "
        f"{window.timeline.model.loaded_count()} interactions loaded"
    )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    log(f"peak memory: {peak:.0f} MB")
    window.close()
    ctx.tasks.shutdown(wait=True)
    cache.close()
    shutil.rmtree(settings_dir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
