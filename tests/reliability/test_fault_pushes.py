"""About 500 actions pushed by the real desk stack through a proxy that cuts, drops, truncates, delays and
throttles: each has exactly one effect on the server (see :mod:`pushes`; 10,000 and more in
``tests/benchmarks/fault_pushes.py``)."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from faultproxy import FaultProxy
from pushes import FAULT_WEIGHTS, prove_exactly_once, push_through_faults


@pytest.mark.allow_threads  # the server's connection threads wind down after the proxy closes
def test_five_hundred_fault_injected_pushes_have_one_effect_each(live_server, tmp_path) -> None:
    live_server.seed_world()
    port = urlsplit(live_server.url).port
    assert port is not None
    with FaultProxy(port, FAULT_WEIGHTS, seed=3, delay=0.05) as proxy:
        run = push_through_faults(
            proxy,
            tmp_path / "desk.sqlite3",
            "advisor",
            "pw",
            [("c-north-1", "c-north-1-case"), ("c-north-2", "c-north-2-case")],
            500,
            seed=3,
            per_round=10,
        )
    print(dict(run.faults))
    figures = prove_exactly_once(live_server.database, tmp_path / "desk.sqlite3", run)
    print(figures)
    assert figures["mutations"] == 500
    assert figures["grants"] >= 50
    assert figures["granted"] == figures["decisions_on_server"]
    for fault in ("cut_request", "drop_response", "cut_response", "delay", "throttle"):
        assert run.faults[fault] > 0, f"{fault} was never injected"
    assert figures["failed_syncs"] > 0
