"""Where later feature folders plug into the desk, by convention rather than by editing the window.

A feature folder exposes one factory in its package ``__init__``:

- ``advisor_desk.ui.composer``:     ``create_panel(ctx, parent) -> QWidget``  (Reply tab, a SidePanel)
- ``advisor_desk.ui.compensation``: ``create_panel(ctx, parent) -> QWidget``  (Say yes tab, a SidePanel)
- ``advisor_desk.ui.review``:       ``create_view(ctx, parent) -> QWidget``   (Decisions, team leads)
- ``advisor_desk.ui.reports``:      ``create_view(ctx, parent) -> QWidget``   (Reports, team leads)
- ``advisor_desk.ui.store``:        ``create_window(ctx) -> QWidget``         (store mode)

When the folder is not there yet the desk shows a placeholder saying so. When it is there but fails
to import, the error is logged and the placeholder says the feature could not start.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
from collections.abc import Callable
from typing import Any

log = logging.getLogger(__name__)


def factory(package: str, name: str) -> Callable[..., Any] | None:
    module_name = f"advisor_desk.ui.{package}"
    try:
        if importlib.util.find_spec(module_name) is None:
            return None
        module = importlib.import_module(module_name)
    except Exception:
        log.exception("the %s feature could not be loaded", package)
        return None
    found = getattr(module, name, None)
    return found if callable(found) else None
