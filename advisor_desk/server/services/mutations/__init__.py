"""Applying the advisor actions workstations send (``POST /mutations``); see :mod:`.apply`."""

from advisor_desk.server.services.mutations.apply import apply_batch

__all__ = ["apply_batch"]
