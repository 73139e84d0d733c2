"""A small load run against the live reference server: 30 workstations for about 20 seconds.

Correctness only (timings belong to ``tests/benchmarks/load_test.py``): every grant applied exactly
once, no budget or cap exceeded, every workstation's feed complete. See :mod:`loadgen`.
"""

from __future__ import annotations

import asyncio

import pytest
from loadgen import Runner, create_users, feed_head, load_world, verify

from advisor_desk.server import cli

WORKSTATIONS = 30
SECONDS = 20


@pytest.mark.allow_threads  # httpx's asyncio pools close on the loop's own schedule
def test_thirty_workstations_leave_every_grant_applied_once_and_every_feed_complete(live_server) -> None:
    assert cli.main(["seed", "--customers", "60", "--database-url", live_server.database_url]) == 0
    world = load_world(live_server.database)
    assert set(world.customers) == {"lyon", "nantes"}
    workstations = create_users(live_server.database, "small", WORKSTATIONS, ["lyon", "nantes"])
    start = feed_head(live_server.database)
    for ws in workstations:
        ws.start_cursor = start
    runner = Runner(live_server.api, world, workstations, duration=SECONDS, think=1.5, seed=7)
    asyncio.run(runner.run())
    figures = verify(live_server.database, live_server.api, workstations)
    print(figures, *runner.stats.summary(runner.elapsed), sep="\n")
    assert figures["grants_applied"] > 0
    assert figures["grants_rejected"] > 0, "the caps never bound: the run proves nothing about budgets"
    assert figures["duplicates_told"] > 0
    assert not runner.stats.statuses.get(("mutations", 500))
    assert all(status < 500 for (_name, status) in runner.stats.statuses)
