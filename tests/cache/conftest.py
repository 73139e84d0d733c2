"""Fixtures of the cache tests: a real SQLite cache in a temporary folder with a settable clock."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from cache_builders import Clock, Desk, open_desk


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def desk(tmp_path: Path, clock: Clock) -> Iterator[Desk]:
    desk = open_desk(tmp_path / "desk.cache.sqlite3", clock)
    yield desk
    desk.cache.close()
