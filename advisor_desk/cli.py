"""The ``advisor-desk`` command: the desk itself, and headless commands for operations.

    advisor-desk [--demo [--role advisor|store|lead]] [--store] [--data-dir DIR]
    advisor-desk sync --server URL --user NAME [--once] [--json]
    advisor-desk cache stats [--json]
    advisor-desk verify-log
    advisor-desk export-decisions --from DATE --to DATE --csv FILE
    advisor-desk --self-check

Each subcommand lives with the layer it belongs to; this module only dispatches, so that a headless
command never loads Qt.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    command = args[0] if args and not args[0].startswith("-") else None
    if command == "sync":
        from advisor_desk.sync.commands import sync_main

        return sync_main(args[1:])
    if command == "cache":
        from advisor_desk.cache.commands import cache_main

        return cache_main(args[1:])
    if command in ("verify-log", "export-decisions"):
        from advisor_desk.cache.decision_commands import decisions_main

        return decisions_main(command, args[1:])
    if command is not None:
        print(f"advisor-desk: unknown command {command!r} (try --help)", file=sys.stderr)
        return 2
    from advisor_desk.app import run_desk

    return run_desk(args)


if __name__ == "__main__":
    raise SystemExit(main())
