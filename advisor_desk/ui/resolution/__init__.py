"""Closing a complaint: the root cause and product asked on resolution, and the customer's
satisfaction entered after a call.

- :func:`advisor_desk.ui.resolution.dialog.ask_resolution` then ``resolve``;
- :func:`advisor_desk.ui.resolution.satisfaction.ask_satisfaction` then ``record_satisfaction``.
"""
