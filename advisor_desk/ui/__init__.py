"""The PySide6 desk: the only layer that imports Qt.

Importing this package first guards against a reference-counting defect seen with PySide6 6.12 on
CPython 3.11: every ``SignalInstance.emit()`` from Python returns ``True`` without a new reference, so
each emit takes one reference from ``True`` and, after a few hundred emits (a sync adapter emits on
every sync), CPython aborts with "bool_dealloc: deallocating True or False". The guard measures the
leak once with a private signal and, only when it is there, gives ``True`` and ``False`` a reserve of
references no session can exhaust (CPython 3.12+ makes them immortal, and the guard then does
nothing). Remove it when the pinned PySide6 no longer leaks (the probe then finds nothing).
"""

from __future__ import annotations

import ctypes
import sys

#: Set when the guard found the leak and applied the reserve.
BOOL_REFCOUNT_GUARD = False
_RESERVE = 1 << 40


def _guard_bool_refcount() -> bool:
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    from PySide6.QtCore import QObject, Signal

    class _Probe(QObject):
        ping = Signal()

    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(8):
        probe.ping.emit()
    lost = before - sys.getrefcount(True)
    probe.deleteLater()
    if lost <= 0:
        return False
    for value in (True, False):
        # ob_refcnt is the first field of every object in a release build of CPython.
        ctypes.c_ssize_t.from_address(id(value)).value += _RESERVE
    return True


BOOL_REFCOUNT_GUARD = _guard_bool_refcount()
