"""Fixtures of the reliability tests: a live server seeded with volume data (see ``loadgen``)."""

from __future__ import annotations
