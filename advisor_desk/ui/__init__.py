"""The PySide6 desk: the only layer that imports Qt.

Importing this package first guards against a reference-counting defect of PySide6 6.12 on CPython
3.11: methods returning ``void`` hand back ``None`` without a new reference, and ``Signal.emit()`` does
the same with ``True``. Every such call takes one reference from ``None`` or ``True``; painting one
list row makes dozens of calls, so after a few seconds of scrolling CPython aborts with "none_dealloc:
deallocating None" (or "bool_dealloc"). The guard measures both leaks once, on private objects, and
only when they are there gives ``None``, ``True`` and ``False`` a reserve of references no session
can exhaust (2**40: twelve days at a million leaking calls a second). CPython 3.12+ makes these
objects immortal, and the guard then does nothing. Remove it when the pinned PySide6 no longer leaks
(the probe then finds nothing).
"""

from __future__ import annotations

import ctypes
import sys

#: Set when the guard found the leak and applied the reserve.
REFCOUNT_GUARD = False
_RESERVE = 1 << 40


def _leaks() -> bool:
    from PySide6.QtCore import QObject, Signal

    class _Probe(QObject):
        ping = Signal()

    probe = _Probe()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(8):
        probe.setObjectName("probe")  # a void method
        probe.ping.emit()
    lost = (none_before - sys.getrefcount(None)) + (true_before - sys.getrefcount(True))
    probe.deleteLater()
    return lost >= 8


def _guard_refcounts() -> bool:
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython" or not _leaks():
        return False
    for value in (None, True, False):
        # ob_refcnt is the first field of every object in a release build of CPython.
        ctypes.c_ssize_t.from_address(id(value)).value += _RESERVE
    return True


REFCOUNT_GUARD = _guard_refcounts()
