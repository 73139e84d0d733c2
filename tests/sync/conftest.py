"""Fixtures of the sync tests (workstations, the misbehaving proxy); helpers live in sync_support."""

from sync_support import desks, proxy_factory

__all__ = ["desks", "proxy_factory"]
