"""The desk's launcher: ``advisor-desk [--demo [--role ...]] [--store] [--data-dir DIR] [--language fr|en]``.

This module parses the command line and, for ``--demo``, runs the reference server as a child process
on a free loopback port with a fresh SQLite database in a temporary folder (``init-db``, ``seed
--demo``, ``serve``). It imports no Qt (the architecture test holds it to that): the window, the
splash shown while the server starts and the login live in :mod:`advisor_desk.ui.desk`.

The embedded server always stops with the desk: when the window closes, at interpreter exit
(``atexit``) and on SIGINT/SIGTERM (terminate, wait, then kill).
"""

from __future__ import annotations

import argparse
import atexit
import json
import logging
import os
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

#: Demo users of ``seed --demo`` per role (documented in the README as demo-only).
DEMO_USERS = {"advisor": "advisor", "store": "store", "lead": "lead"}
DEMO_PASSWORD = "demo"
HEALTH_TIMEOUT_S = 120.0  # a loaded machine (CI, a busy laptop) needs the margin


class DemoError(RuntimeError):
    """The embedded demo server could not start; ``log_tail`` holds the end of its output."""

    def __init__(self, message: str, log_tail: str = "") -> None:
        super().__init__(message)
        self.log_tail = log_tail


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


@dataclass
class DemoServer:
    """The reference server as a child process, on loopback, over a fresh SQLite database."""

    role: str = "advisor"
    host: str = "127.0.0.1"
    folder: Path | None = None
    port: int = 0
    process: subprocess.Popen[bytes] | None = None
    #: Print where the centre is and how to act on it from a terminal once it answers (the launcher).
    announce: bool = False
    _own_folder: bool = False
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _stopped: bool = False

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def username(self) -> str:
        return DEMO_USERS[self.role]

    @property
    def password(self) -> str:
        return DEMO_PASSWORD

    @property
    def database_url(self) -> str:
        assert self.folder is not None
        return f"sqlite:///{self.folder / 'demo-server.sqlite3'}"

    @property
    def log_path(self) -> Path:
        assert self.folder is not None
        return self.folder / "demo-server.log"

    def _command(self, *args: str) -> list[str]:
        return [sys.executable, "-m", "advisor_desk.server.cli", *args, "--database-url", self.database_url]

    def _run_step(self, args: list[str], cancelled: threading.Event | None) -> None:
        with open(self.log_path, "ab") as log:
            proc = subprocess.Popen(
                self._command(*args), stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL
            )
            while proc.poll() is None:
                if cancelled is not None and cancelled.is_set():
                    proc.terminate()
                    proc.wait(10)
                    raise DemoError("cancelled")
                time.sleep(0.05)
        if proc.returncode != 0:
            raise DemoError(
                f"the demo server's '{args[0]}' step failed (exit {proc.returncode})", self.log_tail()
            )

    def log_tail(self, lines: int = 20) -> str:
        try:
            return "\n".join(
                self.log_path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:]
            )
        except OSError:
            return ""

    def start(
        self, progress: Callable[[str], None] | None = None, cancelled: threading.Event | None = None
    ) -> str:
        """Create the database, seed it, serve it and wait until /health answers; returns the URL.

        Blocking (seconds): the desk calls it from a worker thread behind a splash.
        """
        say = progress or (lambda _step: None)
        if self.folder is None:
            self.folder = Path(tempfile.mkdtemp(prefix="advisor-desk-demo-"))
            self._own_folder = True
        self.folder.mkdir(parents=True, exist_ok=True)
        say("init")
        self._run_step(["init-db"], cancelled)
        say("seed")
        self._run_step(["seed", "--demo"], cancelled)
        say("serve")
        self.port = free_port(self.host)
        with self._lock:
            if self._stopped:
                raise DemoError("cancelled")
            log = open(self.log_path, "ab")  # noqa: SIM115 - the child keeps it open
            self.process = subprocess.Popen(
                self._command("serve", "--host", self.host, "--port", str(self.port)),
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
            )
            log.close()
        self.wait_healthy(cancelled)
        if self.announce:
            print(self.centre_hint(), flush=True)
        return self.url

    def centre_hint(self) -> str:
        """Where the demo centre is, and the commands that make things happen there while the desk runs."""
        beside = Path(sys.executable).with_name("advisor-desk-server")
        server = (
            shlex.quote(str(beside))
            if beside.exists()
            else f"{shlex.quote(sys.executable)} -m advisor_desk.server.cli"
        )
        url = shlex.quote(self.database_url)
        return "\n".join(
            (
                f"Demo centre: {self.url} (database {self.database_url})",
                "From another terminal, act at the centre while the desk runs (WHO: a customer's e-mail,",
                "phone number or loyalty card, as Customer 360 shows them):",
                f"  a customer writes:  {server} message --database-url {url} --customer WHO 'Bonjour, des nouvelles ?'",
                f"  erase a customer:   {server} erase --database-url {url} --customer WHO",
            )
        )

    def wait_healthy(
        self, cancelled: threading.Event | None = None, timeout: float = HEALTH_TIMEOUT_S
    ) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if cancelled is not None and cancelled.is_set():
                raise DemoError("cancelled")
            if self.process is not None and self.process.poll() is not None:
                raise DemoError(f"the demo server stopped (exit {self.process.returncode})", self.log_tail())
            try:
                with urllib.request.urlopen(f"{self.url}/health", timeout=1) as answer:  # noqa: S310 - loopback
                    if json.loads(answer.read() or b"{}").get("status") == "ok":
                        return
            except (OSError, urllib.error.URLError, ValueError):
                pass
            time.sleep(0.1)
        raise DemoError("the demo server did not answer in time", self.log_tail())

    def stop(self) -> None:
        """Terminate the server (then kill it if it does not stop) and remove its temporary folder."""
        with self._lock:
            self._stopped = True
            process, self.process = self.process, None
        if process is not None and process.poll() is None:
            process.terminate()
            try:
                # uvicorn's graceful shutdown waits for open requests, and the desk's feed watcher
                # holds a long-poll open: a demo database loses nothing to a kill after a short wait.
                process.wait(3)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(5)
        if self._own_folder and self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
            self._own_folder = False


@dataclass
class LaunchOptions:
    demo: bool = False
    role: str = "advisor"
    store: bool = False
    data_dir: Path | None = None
    language: str | None = None
    self_check: bool = False
    #: Set by the window once it runs: how a SIGINT/SIGTERM asks it to close.
    on_terminate: Callable[[], None] | None = None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="advisor-desk", description="Advisor Desk: the customer-relations workstation."
    )
    parser.add_argument(
        "--demo", action="store_true", help="start the embedded demo server and log in as a demo user"
    )
    parser.add_argument(
        "--role", choices=sorted(DEMO_USERS), default="advisor", help="demo user to log in as (with --demo)"
    )
    parser.add_argument("--store", action="store_true", help="store mode: full screen, find → see → say yes")
    parser.add_argument(
        "--data-dir", type=Path, default=None, help="folder of the local cache (env ADVISOR_DESK_DATA_DIR)"
    )
    parser.add_argument(
        "--language", choices=("fr", "en"), default=None, help="language of the desk (default: system)"
    )
    parser.add_argument("--self-check", action="store_true", help="check the installation and exit")
    return parser


def parse_options(argv: Sequence[str]) -> LaunchOptions:
    args = build_parser().parse_args(list(argv))
    data_dir = args.data_dir or (
        Path(os.environ["ADVISOR_DESK_DATA_DIR"]) if os.environ.get("ADVISOR_DESK_DATA_DIR") else None
    )
    return LaunchOptions(
        demo=args.demo,
        role=args.role,
        store=args.store or (args.demo and args.role == "store"),
        data_dir=data_dir.expanduser() if data_dir else None,
        language=args.language,
        self_check=args.self_check,
    )


def _install_signal_handlers(options: LaunchOptions, demo: DemoServer | None) -> None:
    def handler(signum: int, _frame: object) -> None:
        if demo is not None:
            demo.stop()
        if options.on_terminate is not None:
            options.on_terminate()
        else:
            raise SystemExit(128 + signum)

    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            signal.signal(sig, handler)
        except (ValueError, OSError):  # not the main thread, or a platform without it
            pass


def run_desk(argv: Sequence[str]) -> int:
    try:
        options = parse_options(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    if options.self_check:
        from advisor_desk.ui.selfcheck import run_self_check

        return run_self_check()
    demo: DemoServer | None = None
    if options.demo:
        demo = DemoServer(role=options.role, announce=True)
        atexit.register(demo.stop)
    _install_signal_handlers(options, demo)
    from advisor_desk.ui.desk import run_gui

    try:
        return run_gui(options, demo)
    finally:
        if demo is not None:
            started = time.monotonic()
            demo.stop()
            logging.getLogger(__name__).info("demo server stopped in %.2f s", time.monotonic() - started)
