"""Benchmark of the local cache on the volume the desk must handle (run on demand, prints figures).

    python tests/benchmarks/bench_cache.py [--customers 10000] [--interactions 200000] [--open-cases 2000]

Fills a cache from generated feed pages (no server needed), then measures search as you type, the
durable grant write, the work queue and a 5,000-interaction timeline. Not a test: nothing is asserted.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "cache"))

from cache_builders import ADVISOR, ENVELOPE, NOW, Clock, change  # noqa: E402

from advisor_desk.cache.store import LocalCache  # noqa: E402
from advisor_desk.domain.channels import Channel  # noqa: E402
from advisor_desk.domain.model import (  # noqa: E402
    Case,
    CaseKind,
    CaseStatus,
    ComplaintCategory,
    Customer,
    Direction,
    Interaction,
    Order,
    OrderLine,
)

FIRST = ["Élodie", "Jean", "Marie", "Pierre", "Camille", "Lucas", "Chloé", "Hugo", "Léa", "Thomas", "Inès",
         "Nicolas", "Sarah", "Julien", "Manon", "Antoine", "Zoé", "Mathis", "Emma", "Gabriel"]  # fmt: skip
LAST = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau",
        "Simon", "Laurent", "Lefèbvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier"]  # fmt: skip
WORDS = ("colis retard livraison vélo trottinette remboursement facture magasin taille chaussure tente "
         "réparation garantie échange casque sac carte fidélité commande adresse transporteur").split()  # fmt: skip
CHANNELS = [Channel.EMAIL, Channel.PHONE, Channel.CHAT, Channel.TWITTER, Channel.STORE, Channel.SMS]


def generate(n_customers: int, n_interactions: int, n_open: int, seed: int = 7):
    rng = random.Random(seed)
    customers, orders, cases, interactions = [], [], [], []
    for n in range(n_customers):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        customers.append(
            Customer(
                id=f"c{n}",
                first_name=first,
                last_name=f"{last}{n % 97 or ''}",
                emails=(f"{first.lower()}.{last.lower()}{n}@example.fr",),
                phones=(
                    f"+33 6 {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}",
                ),
                social_handles=(f"@{last.lower()}_{n}",) if n % 5 == 0 else (),
                loyalty_card=f"29{n:011d}",
                team=ADVISOR.team,
            )
        )
        orders.append(
            Order(f"o{n}", f"CMD-2026-{n:06d}", f"c{n}", NOW - timedelta(days=rng.randint(1, 300)), "EUR",
                  5_000, 500, lines=(OrderLine(f"l{n}", "p1", 1, 4_500, 4_500),))
        )  # fmt: skip
    for n in range(n_customers * 2):
        status = CaseStatus.NEW if n < n_open else CaseStatus.CLOSED
        cases.append(
            Case(f"k{n}", f"c{n % n_customers}", CaseKind.COMPLAINT, ComplaintCategory.LATE_DELIVERY, status,
                 rng.choice(CHANNELS), "Colis en retard", NOW - timedelta(minutes=rng.randint(1, 5000)),
                 ADVISOR.team, assignee_id=ADVISOR.id if n % 7 == 0 else None)
        )  # fmt: skip
    big = 5_000  # one customer with a long history (c0)
    for n in range(n_interactions):
        owner = 0 if n < big else rng.randrange(n_customers)
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 40)))
        interactions.append(
            Interaction(f"i{n}", f"c{owner}", rng.choice(CHANNELS), rng.choice(list(Direction)),
                        NOW - timedelta(minutes=rng.randint(1, 500_000)), text, case_id=f"k{owner}")
        )  # fmt: skip
    return customers, orders, cases, interactions


def percentiles(samples: list[float]) -> str:
    samples = sorted(samples)
    p50 = statistics.median(samples)
    p95 = samples[max(0, int(len(samples) * 0.95) - 1)]
    return f"p50 {p50 * 1000:6.2f} ms  p95 {p95 * 1000:6.2f} ms  max {samples[-1] * 1000:6.2f} ms  (n={len(samples)})"


class Timer:
    """Wall-clock and CPU time of each call: on a shared machine the CPU figure is the fair one."""

    def __init__(self) -> None:
        self.wall: list[float] = []
        self.cpu: list[float] = []

    def __enter__(self) -> Timer:
        self._w, self._c = time.perf_counter(), time.thread_time()
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall.append(time.perf_counter() - self._w)
        self.cpu.append(time.thread_time() - self._c)

    def __call__(self) -> Timer:
        return self

    def report(self) -> str:
        return f"wall {percentiles(self.wall)}\n      cpu  {percentiles(self.cpu)}"


def typed_prefixes(words: list[str]) -> list[str]:
    out = []
    for word in words:
        out += [word[:k] for k in range(1, len(word) + 1)]
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--customers", type=int, default=10_000)
    parser.add_argument("--interactions", type=int, default=200_000)
    parser.add_argument("--open-cases", type=int, default=2_000)
    parser.add_argument("--page", type=int, default=500)
    parser.add_argument("--keep", type=Path, help="fill this cache file once and reuse it on later runs")
    args = parser.parse_args()
    print(f"cores: {os.cpu_count()}  python {sys.version.split()[0]}")
    t0 = time.perf_counter()
    customers, orders, cases, interactions = generate(args.customers, args.interactions, args.open_cases)
    print(f"generated {len(customers)} customers, {len(cases)} cases, {len(interactions)} interactions "
          f"in {time.perf_counter() - t0:.1f} s")  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        clock = Clock(NOW)
        path = args.keep or Path(tmp) / "bench.cache.sqlite3"
        cache = LocalCache.open(path, clock=clock)
        if cache.cursor() == "0":
            changes = [change(o) for o in [ENVELOPE, *customers, *orders, *cases, *interactions]]
            t0 = time.perf_counter()
            page_times = []
            for start in range(0, len(changes), args.page):
                p0 = time.perf_counter()
                cache.apply_page(changes[start : start + args.page], str(start + args.page))
                page_times.append(time.perf_counter() - p0)
            fill = time.perf_counter() - t0
            print(f"fill: {len(changes)} changes in pages of {args.page}: {fill:.1f} s "
                  f"({len(changes) / fill:,.0f} changes/s); page {percentiles(page_times)}")  # fmt: skip
        size = sum(f.stat().st_size for f in path.parent.glob(path.name + "*"))
        print(f"cache size on disk: {size / 1e6:.0f} MB")

        rng = random.Random(3)
        sample = rng.sample(customers, 40)
        queries = typed_prefixes([c.last_name for c in sample[:10]])
        queries += typed_prefixes([c.first_name + " " + c.last_name[:3] for c in sample[10:15]])
        queries += typed_prefixes([c.phones[0].replace("+33 ", "0") for c in sample[15:25]])
        queries += typed_prefixes([c.emails[0] for c in sample[25:30]])
        queries += typed_prefixes([f"CMD-2026-{rng.randrange(args.customers):06d}" for _ in range(5)])
        queries += typed_prefixes(["remboursement", "trottinette", "garantie"])
        for q in queries[:20]:
            cache.search_customers(q)  # warm the page cache
        timer = Timer()
        for q in queries:
            with timer:
                cache.search_customers(q)
        print(f"search as you type ({len(queries)} keystrokes):\n      {timer.report()}")

        grants = Timer()
        # a new day for each run on a kept cache, so that earlier runs' grants leave the budget free
        day = timedelta(days=1 + len(cache.decisions(user_id=ADVISOR.id)) // 60)
        for n in range(60):
            clock.now = NOW + day + timedelta(seconds=n)
            with grants:
                cache.grant_gesture(
                    ADVISOR, f"c{100 + n}", None, "voucher", 10, "EUR", "late_delivery", "retard"
                )
        print(f"durable grant write (synchronous=FULL; wall includes the fsync):\n      {grants.report()}")
        notes = Timer()
        for n in range(60):
            with notes:
                cache.add_note(f"c{200 + n}", None, "rappel client", ADVISOR)
        print(f"durable note write:\n      {notes.report()}")

        queue = Timer()
        for _ in range(20):
            with queue:
                rows = cache.work_queue(ADVISOR.id, ADVISOR.team, NOW)
        print(f"work queue ({len(rows)} rows):\n      {queue.report()}")
        counts = Timer()
        for _ in range(10):
            with counts:
                cache.queue_counts(ADVISOR.id, ADVISOR.team, NOW)
        print(f"queue counts:\n      {counts.report()}")

        timeline = Timer()
        for _ in range(20):
            with timeline:
                tl = cache.timeline("c0", first_page=100)
        print(f"timeline of a customer with {len(tl.interaction_ids)} interactions (first 100 decoded):\n"
              f"      {timeline.report()}")  # fmt: skip
        page = Timer()
        ids = list(tl.interaction_ids)
        for start in range(0, 2_000, 100):
            with page:
                cache.interactions_by_ids(ids[start : start + 100])
        print(f"lazy page of 100 interactions:\n      {page.report()}")
        o0 = time.perf_counter()
        cache.close()
        cache = LocalCache.open(path, clock=clock)
        print(f"reopen (migrations check + quick_check): {(time.perf_counter() - o0) * 1000:.0f} ms")
        cache.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (whole run, generated data included): {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
