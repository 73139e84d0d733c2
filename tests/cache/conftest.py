"""Fixtures of the cache tests: a real SQLite cache in a temporary folder with a settable clock."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from cache_builders import Clock, Desk, MemoryKeyring, open_desk


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def desk(tmp_path: Path, clock: Clock) -> Iterator[Desk]:
    desk = open_desk(tmp_path / "desk.cache.sqlite3", clock)
    yield desk
    desk.cache.close()


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    """An in-memory keyring installed for the test (keyring's own seam), the previous one put back."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)
