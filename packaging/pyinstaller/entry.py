"""Entry point of the frozen desk (the PyInstaller bundle): the same ``advisor-desk`` command as pip's.

Two things differ from a Python installation, and are handled here so the desk's own code need not
know it is frozen:

- ``advisor-desk -m advisor_desk.server.cli ...`` runs the reference server. The desk starts its embedded
  server (``--demo``) as ``[sys.executable, "-m", "advisor_desk.server.cli", ...]``; in a bundle
  ``sys.executable`` is this program, so that form is honoured here, for the server modules only.
- qtawesome's Qt abstraction (qtpy) is pinned to PySide6, the only binding in the bundle.
"""

from __future__ import annotations

import multiprocessing
import os
import runpy
import sys

#: Modules ``advisor-desk -m MODULE`` may run: the reference server's command line only.
RUNNABLE_MODULES = ("advisor_desk.server.cli",)


def main() -> int:
    # Worker processes (uvicorn --workers, multiprocessing) re-enter this program: let them run.
    multiprocessing.freeze_support()
    os.environ.setdefault("QT_API", "pyside6")
    if sys.stdout is None:
        # A windowed Windows executable has no console: keep print() harmless, exit codes still tell.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w")  # noqa: SIM115
    args = sys.argv[1:]
    if args[:1] == ["-m"]:
        module = args[1] if len(args) > 1 else ""
        if module not in RUNNABLE_MODULES:
            print(f"advisor-desk: -m runs only {', '.join(RUNNABLE_MODULES)}", file=sys.stderr)
            return 2
        sys.argv = [sys.executable, *args[2:]]
        runpy.run_module(module, run_name="__main__", alter_sys=True)
        return 0
    from advisor_desk.cli import main as desk_main

    return desk_main(args)


if __name__ == "__main__":
    sys.exit(main())
