"""Advisor Desk: a desktop workstation for customer relations, with an offline-first cache."""

__version__ = "0.1.0"
