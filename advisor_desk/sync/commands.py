"""``advisor-desk sync``: the sync engine from a terminal, for operations and scripting.

It opens the same local cache the desk uses (one per server and user, in the data folder), pushes what
waits in the outbox, pulls the changes feed and prints what happened. Without ``--once`` it keeps
syncing until Ctrl+C. No Qt is loaded.
"""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import os
import signal
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from advisor_desk import logsafe
from advisor_desk.sync.client import (
    ApiClient,
    BadAnswer,
    InsecureServerUrl,
    NeedsLogin,
    SyncError,
    normalise_server_url,
)
from advisor_desk.sync.credentials import CredentialStore
from advisor_desk.sync.engine import LocalCacheError, SyncEngine, SyncReport

ENV_PASSWORD = "ADVISOR_DESK_PASSWORD"

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_UNREACHABLE = 3
EXIT_LOGIN = 4
EXIT_BAD_ANSWER = 5
EXIT_LOCAL = 6
EXIT_INSECURE_URL = 7

EXIT_CODES_HELP = f"""exit codes:
  {EXIT_OK}  synced (refused actions are reported, not an error)
  {EXIT_USAGE}  wrong arguments
  {EXIT_UNREACHABLE}  the server cannot be reached (network down, refused, timeout, server error, busy)
  {EXIT_LOGIN}  login needed: no stored session and no password, or the password was refused
  {EXIT_BAD_ANSWER}  the server's answers could not be understood (nothing was changed locally)
  {EXIT_LOCAL}  the local cache could not be opened or written
  {EXIT_INSECURE_URL}  the server address was refused (http:// to another computer without --allow-insecure-http)

the password comes from the session stored in the system keyring, else ${ENV_PASSWORD}, else a
prompt when a terminal is attached."""


def exit_code(failure: SyncError | None) -> int:
    if failure is None:
        return EXIT_OK
    if isinstance(failure, InsecureServerUrl):
        return EXIT_INSECURE_URL
    if isinstance(failure, NeedsLogin):
        return EXIT_LOGIN
    if isinstance(failure, BadAnswer):
        return EXIT_BAD_ANSWER
    if isinstance(failure, LocalCacheError):
        return EXIT_LOCAL
    return EXIT_UNREACHABLE


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="advisor-desk sync",
        description="Send waiting actions to the central system and bring the local cache up to date.",
        epilog=EXIT_CODES_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--server", required=True, help="central API address, https://...")
    parser.add_argument("--user", required=True, help="user name on that server")
    parser.add_argument("--once", action="store_true", help="sync once and exit (default: until Ctrl+C)")
    parser.add_argument("--json", action="store_true", help="print one JSON object per sync")
    parser.add_argument(
        "--data-dir", type=Path, help="data folder (default: $ADVISOR_DESK_DATA_DIR or the platform's)"
    )
    parser.add_argument(
        "--allow-insecure-http", action="store_true", help="allow http:// to a computer other than this one"
    )
    parser.add_argument("--ca-bundle", help="PEM file of the certificate authorities to trust")
    parser.add_argument("--interval", type=float, default=15.0, help="seconds between syncs without --once")
    parser.add_argument(
        "--page-size", type=int, default=1000, help="changes per feed page, 1-1000 (default 1000)"
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log what the engine does (ids, counts)")
    return parser


def _print_report(report: SyncReport, as_json: bool) -> None:
    if as_json:
        print(json.dumps(report.as_dict(), sort_keys=True), flush=True)
        return
    print(
        f"pulled {report.pulled}, pushed {report.pushed} "
        f"(applied {report.applied}, duplicates {report.duplicates}, rejected {report.rejected}, "
        f"conflicts {report.conflicts}), still pending {report.pending}",
        flush=True,
    )
    for mutation_id, kind, reason in report.rejections:
        print(f"  refused: {kind} {mutation_id}: {reason}", flush=True)
    for error in report.errors:
        print(f"  {error}", file=sys.stderr, flush=True)


def _password() -> str | None:
    from_env = os.environ.get(ENV_PASSWORD)
    if from_env:
        return from_env
    if sys.stdin is not None and sys.stdin.isatty():
        try:
            return getpass.getpass("Password: ")
        except (EOFError, KeyboardInterrupt):
            return None
    return None


def _fail(message: str, code: int, as_json: bool, error_code: str) -> int:
    if as_json:
        print(json.dumps({"errors": [message], "error_code": error_code}), flush=True)
    print(f"advisor-desk sync: {message}", file=sys.stderr, flush=True)
    return code


def _open_cache(data_dir: Path, server: str, user: str) -> Any:
    from advisor_desk.cache.paths import cache_file
    from advisor_desk.cache.store import LocalCache

    # the file name keeps only a spelling of the host: the cache records the real URL and user
    return LocalCache.open(cache_file(data_dir, server, user), server_url=server, username=user)


def configure_logging(verbose: bool) -> None:
    """Log to stderr: INFO with ``--verbose`` (or the level ``ADVISOR_DESK_LOG`` names), else warnings.

    The libraries underneath stay at WARNING whatever the level: their DEBUG records quote SQL
    parameters and URLs, that is customers' personal data (see :mod:`advisor_desk.logsafe`).
    """
    default = logging.INFO if verbose else logging.WARNING
    named = os.environ.get("ADVISOR_DESK_LOG", "")
    level = getattr(logging, named.upper(), default) if named else default
    logging.basicConfig(
        level=level if isinstance(level, int) else default,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    logsafe.cap_library_loggers()


def sync_main(argv: Sequence[str]) -> int:
    try:
        args = build_parser().parse_args(list(argv))
    except SystemExit as exc:
        return int(exc.code or 0) if exc.code in (0, None) else EXIT_USAGE
    configure_logging(args.verbose)
    try:
        server = normalise_server_url(args.server, allow_insecure_http=args.allow_insecure_http)
    except InsecureServerUrl as exc:
        return _fail(exc.user_message, EXIT_INSECURE_URL, args.json, exc.code)

    from advisor_desk.cache.paths import default_data_dir

    data_dir = args.data_dir.expanduser() if args.data_dir else default_data_dir()
    try:
        cache = _open_cache(data_dir, server, args.user)
    except Exception as exc:  # the cache explains itself; the command says which file failed
        return _fail(f"the local cache could not be opened: {exc}", EXIT_LOCAL, args.json, "local_cache")

    credentials = CredentialStore(server, args.user)
    if not credentials.persistent:
        print(f"advisor-desk sync: note: {credentials.reason}; the session is not kept.", file=sys.stderr)
    client = ApiClient(
        server,
        verify=args.ca_bundle or True,
        allow_insecure_http=args.allow_insecure_http,
        on_tokens=credentials.on_tokens,
    )
    engine = SyncEngine(
        cache, client, credentials, interval=args.interval, page_size=max(1, min(1000, args.page_size))
    )
    try:
        stored = credentials.load_refresh_token()
        if stored:
            client.set_refresh_token(stored)
        else:
            code = _login(client, args.user, args.json)
            if code != EXIT_OK:
                return code
        if args.once:
            report = engine.sync_once()
            if isinstance(report.failure, NeedsLogin) and stored:
                # the stored session ended (revoked, expired): one fresh login, if a password is at hand
                code = _login(client, args.user, args.json)
                if code != EXIT_OK:
                    return code
                report = engine.sync_once()
            _print_report(report, args.json)
            return exit_code(report.failure)
        return _loop(engine, args.json)
    finally:
        client.close()
        close = getattr(cache, "close", None)
        if close is not None:
            close()


def _login(client: ApiClient, user: str, as_json: bool) -> int:
    password = _password()
    if not password:
        return _fail(
            f"no stored session: set {ENV_PASSWORD} or run in a terminal to type the password",
            EXIT_LOGIN,
            as_json,
            "needs_login",
        )
    try:
        client.login(user, password)
    except SyncError as exc:
        return _fail(exc.user_message, exit_code(exc), as_json, exc.code)
    return EXIT_OK


def _loop(engine: SyncEngine, as_json: bool) -> int:
    stop = threading.Event()
    last: list[SyncReport] = []

    def on_report(report: SyncReport) -> None:
        last[:] = [report]
        _print_report(report, as_json)

    engine.report_listeners.add(on_report)
    worker = threading.Thread(target=engine.run, args=(stop,), name="advisor-desk-sync", daemon=True)
    previous = signal.getsignal(signal.SIGTERM)
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, lambda *_: stop.set())
    worker.start()
    try:
        while worker.is_alive() and not stop.is_set():
            worker.join(0.5)
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        worker.join()
        if threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGTERM, previous)
    return exit_code(last[0].failure) if last else EXIT_OK
