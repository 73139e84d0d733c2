"""The shared test helpers of ``tests/conftest.py`` (``_serve``, ``seed_world``) under a name of their own.

Several test folders have a ``conftest.py``; importing ``conftest`` by name gets whichever came first.
This loads the root one by path, once.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

_NAME = "advisor_desk_tests_root_conftest"

if _NAME not in sys.modules:
    _spec = importlib.util.spec_from_file_location(_NAME, Path(__file__).resolve().parents[1] / "conftest.py")
    assert _spec is not None and _spec.loader is not None
    _module = importlib.util.module_from_spec(_spec)
    sys.modules[_NAME] = _module
    _spec.loader.exec_module(_module)

root = sys.modules[_NAME]
serve = root._serve
seed_world = root.seed_world
