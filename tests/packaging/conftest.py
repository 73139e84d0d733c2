"""Makes ``packaging_files`` (this folder's shared readers) importable whatever pytest's import mode.

No ``__init__.py`` here on purpose: as a package this folder would be named ``packaging`` and shadow
the PyPI ``packaging`` library that pytest and setuptools import.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = str(Path(__file__).resolve().parent)
if HERE not in sys.path:
    sys.path.insert(0, HERE)
