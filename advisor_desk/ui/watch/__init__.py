"""Product watch: the flag shown beside a product customers rate poorly (order lines, cases, timeline,
customer 360) and the watch list for team leads and product managers.

Other panels use :func:`watch_badge_text` / :class:`WatchFlagLabel` for the flag and
:func:`advisor_desk.ui.watch.data.product_statuses` (in the "db" lane) for the statuses.
"""

from __future__ import annotations

from advisor_desk.ui.watch.badge import WatchFlagLabel, watch_badge_text, watch_tooltip

__all__ = ["WatchFlagLabel", "watch_badge_text", "watch_tooltip"]
