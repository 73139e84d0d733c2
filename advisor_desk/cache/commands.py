"""``advisor-desk cache stats``: what a workstation's cache holds, for operations and scripting.

    advisor-desk cache stats [--json] [--data-dir DIR] [--server URL --user NAME]

Without ``--server``/``--user`` every cache file in the data folder is reported. Never loads Qt.
Opening a cache applies the encryption setting (:mod:`.encryption`) as the desk does: a cache the
setting says to encrypt is encrypted in place, and one that cannot be opened (its key missing from the
keyring, no keyring) is reported with the reason and the exit status 1.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from advisor_desk.cache.errors import CacheError
from advisor_desk.cache.paths import CACHE_SUFFIX, cache_file, default_data_dir, find_cache_files


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="advisor-desk cache", description="Inspect the local cache.")
    sub = parser.add_subparsers(dest="action", required=True)
    stats = sub.add_parser("stats", help="rows per entity, outbox, cursor and last sync")
    stats.add_argument("--json", action="store_true", help="print JSON instead of text")
    stats.add_argument(
        "--data-dir", type=Path, help="data folder (default: the platform's, or $ADVISOR_DESK_DATA_DIR)"
    )
    stats.add_argument("--server", help="server URL (with --user: only that cache)")
    stats.add_argument("--user", help="user name (with --server)")
    return parser


def _stats_of(path: Path) -> dict[str, Any]:
    from advisor_desk.cache.store import LocalCache

    cache = LocalCache.open(path)
    try:
        stats = cache.stats()
        host, user = _names_from_file(path)
        stats["server_url"] = stats["server_url"] or host
        stats["username"] = stats["username"] or user
        if cache.recovery is not None:
            stats["recovery"] = {
                "problem": cache.recovery.problem,
                "set_aside": cache.recovery.set_aside,
                "recovered_outbox": cache.recovery.recovered_outbox,
            }
        return stats
    finally:
        cache.close()


def _names_from_file(path: Path) -> tuple[str | None, str | None]:
    """Host and user as :func:`cache_file` spelled them in the file name (for caches whose opener
    did not record them)."""
    name = path.name.removesuffix(CACHE_SUFFIX)
    parts = name.split("--")
    return (parts[0], parts[1]) if len(parts) == 3 else (None, None)


def _print_text(stats: dict[str, Any]) -> None:
    who = f"{stats.get('username') or '?'} on {stats.get('server_url') or '?'}"
    print(f"{stats['path']}  ({who})")
    if stats.get("encrypted"):
        print(f"  encrypted at rest (SQLCipher, key in the system keyring): {stats.get('at_rest')}")
    else:
        print(f"  not encrypted by the desk: {stats.get('at_rest')}")
    print(f"  disk: {stats.get('disk')}; a new cache here would be {stats.get('new_cache_default')}")
    if "recovery" in stats:
        rec = stats["recovery"]
        print(
            f"  damaged file set aside: {rec['set_aside']} ({rec['problem']}); "
            f"{rec['recovered_outbox']} unsynced actions recovered"
        )
    for table, count in stats["rows"].items():
        print(f"  {table:<18} {count:>9}")
    outbox = stats["outbox"]
    print(
        f"  outbox: {outbox['pending']} pending, {outbox['rejected']} rejected, {outbox['conflict']} conflict"
    )
    print(f"  cursor: {stats['cursor']}")
    print(f"  last sync: {stats['last_sync_at'] or 'never'}")
    if stats.get("last_error"):
        print(f"  last error: {stats['last_error']}")


def cache_main(argv: Sequence[str]) -> int:
    args = _parser().parse_args(list(argv))
    data_dir = args.data_dir or default_data_dir()
    if bool(args.server) != bool(args.user):
        print("advisor-desk cache: --server and --user go together", file=sys.stderr)
        return 2
    if args.server:
        paths = [cache_file(data_dir, args.server, args.user)]
    else:
        paths = find_cache_files(data_dir)
    if not paths:
        print(f"advisor-desk cache: no cache in {data_dir}", file=sys.stderr)
        return 1
    reports = []
    status = 0
    for path in paths:
        try:
            reports.append(_stats_of(path))
        except (CacheError, OSError) as exc:
            print(f"advisor-desk cache: {path}: {exc}", file=sys.stderr)
            status = 1
    if args.json:
        print(json.dumps(reports, indent=2))
    else:
        for stats in reports:
            _print_text(stats)
    return status


def decisions_main(command: str, argv: Sequence[str]) -> int:
    """``verify-log`` and ``export-decisions`` live in :mod:`.decision_commands`; the launcher looks
    for them here, so this forwards (imported late: ``cache stats`` never loads them)."""
    from advisor_desk.cache import decision_commands

    run = decision_commands.decisions_main
    result: int = run(command, list(argv))
    return result
