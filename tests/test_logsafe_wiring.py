"""The desk's and the sync command's logging setup keep the libraries' loggers at WARNING.

Even with ``ADVISOR_DESK_LOG=debug``, SQLAlchemy, urllib3 and httpx must not log at DEBUG/INFO: their
records quote SQL parameters and URLs, that is customers' personal data.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator

import pytest

from advisor_desk.sync.commands import configure_logging as configure_sync_logging
from advisor_desk.ui.desk import configure_logging as configure_desk_logging

CAPPED = ("sqlalchemy", "urllib3", "httpx")


@pytest.fixture
def loud_libraries(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Start from libraries set to DEBUG so the test fails if nothing caps them; restore after."""
    monkeypatch.setenv("ADVISOR_DESK_LOG", "debug")
    before = {name: logging.getLogger(name).level for name in CAPPED}
    for name in CAPPED:
        logging.getLogger(name).setLevel(logging.DEBUG)
    yield
    for name, level in before.items():
        logging.getLogger(name).setLevel(level)


@pytest.mark.parametrize(
    "configure",
    [lambda: configure_sync_logging(True), lambda: configure_sync_logging(False), configure_desk_logging],
    ids=["sync-verbose", "sync", "desk"],
)
@pytest.mark.usefixtures("loud_libraries")
def test_library_loggers_capped_at_warning(configure: Callable[[], None]) -> None:
    configure()
    for name in CAPPED:
        logger = logging.getLogger(name)
        assert logger.level == logging.WARNING, name
        assert not logger.isEnabledFor(logging.INFO), name
        assert not logger.isEnabledFor(logging.DEBUG), name
