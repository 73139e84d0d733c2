"""Starting and stopping the desk: application, language, theme, login or demo, cache, sync, window.

:func:`run_gui` is called by the launcher (:mod:`advisor_desk.app`). Everything slow (starting the demo
server, logging in, opening the cache, the first sync) runs in the task runner's lanes behind a small
splash with a Cancel button; the GUI thread only shows progress. :class:`DeskSession` owns what must
be closed in order at the end: the sync adapter (its worker stops), the task runner (its workers
finish), the cache (WAL folded back). The launcher then stops the demo server.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from advisor_desk import logsafe
from advisor_desk.cache.errors import CacheError
from advisor_desk.domain.model import Role, User
from advisor_desk.ui import labels, theme
from advisor_desk.ui.changes import ChangeBus, Changes
from advisor_desk.ui.context import Authority, DeskContext
from advisor_desk.ui.extensions import factory
from advisor_desk.ui.i18n import Translations, resolve_language
from advisor_desk.ui.icons import IconRegistry
from advisor_desk.ui.login import LoginDialog, describe_login_error
from advisor_desk.ui.settings import DeskSettings
from advisor_desk.ui.tasks import TaskRunner

log = logging.getLogger(__name__)
Q = QCoreApplication


#: The desktop entry's name (packaging/linux/fr.advisordesk.AdvisorDesk.desktop): Wayland and the
#: task bars match the window to it for the icon and the name.
DESKTOP_FILE_NAME = "fr.advisordesk.AdvisorDesk"


def app_icon_path() -> Path:
    from advisor_desk.ui.selfcheck import resource_root

    return resource_root() / "resources" / "icons" / "advisor-desk.svg"


def app_icon() -> QIcon:
    path = app_icon_path()
    return QIcon(str(path)) if path.exists() else QIcon()


class Splash(QWidget):
    """A small window with what is happening, a busy bar and Cancel: never a frozen screen."""

    def __init__(self) -> None:
        super().__init__(None, Qt.WindowType.Dialog)
        self.setWindowTitle(Q.translate("Desk", "Advisor Desk"))
        self.setWindowIcon(app_icon())
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        self.label = QLabel(Q.translate("Desk", "Starting…"), self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)
        self.bar.setTextVisible(False)
        self.cancel = QPushButton(Q.translate("Desk", "Cancel"), self)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel, 0, Qt.AlignmentFlag.AlignRight)

    def say(self, text: str) -> None:
        self.label.setText(text)


def demo_step_text(step: str) -> str:
    return {
        "init": Q.translate("Desk", "Creating the demo database…"),
        "seed": Q.translate("Desk", "Filling it with demo customers, cases and orders…"),
        "serve": Q.translate("Desk", "Starting the demo server…"),
    }.get(step, Q.translate("Desk", "Starting…"))


@dataclass
class Connection:
    """What a login or a resumed session gives the desk."""

    server_url: str
    username: str
    client: Any
    credentials: Any
    user: User | None = None


@dataclass
class DeskSession:
    ctx: DeskContext | None = None
    window: QWidget | None = None
    adapter: Any = None
    cache: Any = None
    closed: bool = False
    extra: list[Any] = field(default_factory=list)

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        started = time.monotonic()
        if self.adapter is not None:
            try:
                self.adapter.close()
            except Exception:
                log.exception("stopping the sync failed")
        log.info("sync stopped in %.2f s", time.monotonic() - started)
        if self.ctx is not None:
            self.ctx.tasks.shutdown(wait=True)
            log.info("background tasks finished in %.2f s", time.monotonic() - started)
            client = self.ctx.client
            if client is not None:
                try:
                    client.close()
                except Exception:
                    log.exception("closing the API client failed")
        if self.cache is not None:
            try:
                self.cache.close()
            except Exception:
                log.exception("closing the cache failed")
        log.info("desk closed in %.2f s", time.monotonic() - started)


class DeskLauncher(QObject):
    """The start-up sequence as a chain of background steps with callbacks on the GUI thread."""

    def __init__(
        self, app: QApplication, options: Any, demo: Any, settings: DeskSettings, translations: Translations
    ) -> None:
        super().__init__()
        self.app = app
        self.options = options
        self.demo = demo
        self.settings = settings
        self.translations = translations
        self.tasks = TaskRunner()
        self.session = DeskSession()
        self.splash = Splash()
        self.splash.cancel.clicked.connect(self.cancel)
        self.cancelled = threading.Event()
        self.exit_code = 0
        self.demo_folder: Path | None = None
        #: The message shown when the start failed (tests look at it instead of waiting).
        self.failure: QMessageBox | None = None
        self._window_token: object = None

    # -- steps ------------------------------------------------------------------------------------
    def start(self) -> None:
        if self.demo is not None:
            self.splash.show()
            self.splash.say(demo_step_text(""))
            self.tasks.run(
                "net",
                lambda: self.demo.start(self._progress, self.cancelled),
                self._demo_started,
                self._fatal,
                owner=self,
                name="demo_server",
            )
            return
        url = str(self.settings.get("server/url"))
        username = str(self.settings.get("server/username"))
        if url and username:
            self.splash.show()
            self.splash.say(Q.translate("Desk", "Opening the local cache…"))
            self.tasks.run(
                "net",
                lambda: self._resume(url, username),
                self._connected,
                self._fatal,
                owner=self,
                name="resume",
            )
        else:
            self.ask_login()

    def _progress(self, step: str) -> None:
        # Called on the worker: hand the text to the GUI thread.
        QTimer.singleShot(0, self, lambda: self.splash.say(demo_step_text(step)))

    def _demo_started(self, url: str) -> None:
        self.splash.say(Q.translate("Desk", "Logging in as the demo user…"))
        demo = self.demo
        self.demo_folder = demo.folder
        self.tasks.run(
            "net",
            lambda: self._login(url, demo.username, demo.password, False, persist=False),
            self._connected,
            self._fatal,
            owner=self,
            name="demo_login",
        )

    def ask_login(self, note: str = "") -> None:
        self.splash.hide()
        dialog = LoginDialog(
            self.tasks,
            lambda url, user, password, insecure: self._login(url, user, password, insecure, persist=True),
            str(self.settings.get("server/url")),
            str(self.settings.get("server/username")),
            note,
        )
        dialog.setWindowIcon(app_icon())
        dialog.loggedIn.connect(lambda _url, conn: self._connected(conn))
        dialog.rejected.connect(lambda: self.app.quit() if self.session.window is None else None)
        dialog.show()
        self.login_dialog = dialog

    # -- background work (worker threads: no widgets) ---------------------------------------------
    def _client(self, url: str, username: str, insecure: bool, persist: bool) -> tuple[Any, Any]:
        from advisor_desk.sync.client import ApiClient
        from advisor_desk.sync.credentials import CredentialStore

        credentials = CredentialStore(url, username) if persist else None
        client = ApiClient(
            url, allow_insecure_http=insecure, on_tokens=credentials.on_tokens if credentials else None
        )
        return client, credentials

    def _login(self, url: str, username: str, password: str, insecure: bool, persist: bool) -> Connection:
        from advisor_desk.sync.client import normalise_server_url

        url = normalise_server_url(url, allow_insecure_http=insecure)
        client, credentials = self._client(url, username, insecure, persist)
        try:
            session = client.login(username, password)
        except BaseException:
            client.close()
            raise
        conn = Connection(url, username, client, credentials, session.user)
        self._open_cache(conn)
        return conn

    def _resume(self, url: str, username: str) -> Connection:
        insecure = bool(self.settings.get("server/allow_insecure"))
        client, credentials = self._client(url, username, insecure, True)
        token = credentials.load_refresh_token()
        if token:
            client.set_refresh_token(token)
        conn = Connection(url, username, client, credentials, None)
        self._open_cache(conn)
        return conn

    def _open_cache(self, conn: Connection) -> None:
        from advisor_desk.cache import encryption
        from advisor_desk.cache.paths import cache_file, default_data_dir
        from advisor_desk.cache.store import LocalCache

        demo_folder = (
            Path(self.demo.folder) / "desk"
            if self.demo is not None and self.options.data_dir is None
            else None
        )
        data_dir = demo_folder or self.options.data_dir or default_data_dir()
        path = cache_file(data_dir, conn.server_url, conn.username)
        # Demo data in a folder deleted at exit: no key left behind in the keyring for it, unless
        # encryption is asked for explicitly.
        encrypt = False if demo_folder is not None and encryption.setting(path) is None else None
        cache = LocalCache.open(
            path,
            server_url=conn.server_url,
            username=conn.username,
            encrypt=encrypt,
        )
        self.session.cache = cache
        if conn.user is None:
            conn.user = cache.current_user()
        if conn.client.has_session:
            try:
                cache.save_me(conn.client.me())
                conn.user = cache.current_user() or conn.user
            except Exception as exc:  # offline or session ended: the desk opens from the cache
                log.info("could not refresh /me at start: %s", type(exc).__name__)
        if cache.cursor() in ("", "0", None) and conn.client.has_session:
            self._first_sync(cache, conn)

    def _first_sync(self, cache: Any, conn: Connection) -> None:
        from advisor_desk.sync.engine import SyncEngine

        QTimer.singleShot(
            0, self, lambda: self.splash.say(Q.translate("Desk", "Loading your team's customers and cases…"))
        )
        engine = SyncEngine(cache, conn.client, conn.credentials)
        engine.sync_once()

    # -- back on the GUI thread -------------------------------------------------------------------
    def _connected(self, conn: Connection) -> None:
        if self.cancelled.is_set():
            return
        if conn.user is None:
            self.splash.hide()
            self.ask_login(Q.translate("Desk", "Log in once so the desk knows who you are."))
            return
        if self.demo is None:
            self.settings.set("server/url", conn.server_url)
            self.settings.set("server/username", conn.username)
            self.settings.sync()
        self._open_desk(conn)

    def _open_desk(self, conn: Connection) -> None:
        from advisor_desk.sync.engine import SyncEngine
        from advisor_desk.ui.sync_adapter import SyncAdapter

        cache = self.session.cache
        engine = SyncEngine(cache, conn.client, conn.credentials)
        adapter = SyncAdapter(engine)
        self.session.adapter = adapter
        icons = IconRegistry(theme.text_color())
        ctx = DeskContext(
            cache=cache,
            user=conn.user,  # type: ignore[arg-type]
            settings=self.settings,
            tasks=self.tasks,
            icons=icons,
            changes=ChangeBus(),
            sync=adapter,
            engine=engine,
            client=conn.client,
            authority=Authority.from_snapshot(cache.authority_snapshot()),
            language=self.translations.language,
            server_url=conn.server_url,
            demo=self.demo is not None,
            credentials_note=(
                conn.credentials.reason
                if conn.credentials is not None and not conn.credentials.persistent
                else ""
            ),
        )
        self.session.ctx = ctx
        self.splash.hide()
        self._show_window()
        adapter.start()
        if getattr(cache, "recovery", None) is not None:
            report = cache.recovery
            QMessageBox.warning(
                self.session.window,
                Q.translate("Desk", "The local cache was damaged"),
                Q.translate(
                    "Desk",
                    "The damaged file was set aside (not deleted) and a fresh cache is being filled from the central system. Unsent actions recovered: %1.",
                ).replace("%1", str(report.recovered_outbox)),
            )

    def _show_window(self, selection: tuple[str | None, str | None] = (None, None)) -> None:
        ctx = self.session.ctx
        assert ctx is not None
        # Store staff work at a counter: the store screen is their desk, --store or not.
        if self.options.store or ctx.user.role is Role.STORE_STAFF:
            make = factory("store", "create_window")
            if make is not None:
                window = make(ctx)
                self.session.window = window
                window.setWindowIcon(app_icon())
                window.showFullScreen()
                token = object()
                self._window_token = token
                window.destroyed.connect(lambda *_a, t=token: self._window_gone(t))
                return
        from advisor_desk.ui.main_window import MainWindow

        window = MainWindow(ctx)
        window.setWindowIcon(app_icon())
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.languageRequested.connect(self.switch_language)
        window.themeRequested.connect(self.switch_theme)
        window.loginRequested.connect(self.login_again)
        self.session.window = window
        window.show()
        if selection[0]:
            window.open_customer(*selection)
        window.refresh_authority()
        # Rebuilding the window (language, theme) destroys the old one later, from the event loop:
        # only the destruction of the current window ends the desk.
        token = object()
        self._window_token = token
        window.destroyed.connect(lambda *_a, t=token: self._window_gone(t))

    def _window_gone(self, token: object) -> None:
        if token is self._window_token:
            self.app.quit()

    def switch_language(self, value: str) -> None:
        self.settings.set("ui/language", value)
        self.translations.install(resolve_language(value))
        labels.clear()
        ctx = self.session.ctx
        old = self.session.window
        if ctx is None or old is None:
            return
        ctx.language = self.translations.language
        selection = (getattr(old, "customer_id", None), getattr(old, "case_id", None))
        old.save_layout()  # type: ignore[attr-defined]
        self._show_window(selection)
        old.close()

    def switch_theme(self, value: str) -> None:
        self.settings.set("ui/theme", value)
        theme.apply_theme(self.app, value)
        ctx = self.session.ctx
        if ctx is not None:
            ctx.icons.set_color(theme.text_color())
            ctx.changes.publish(Changes(kinds=frozenset({"theme"})))
            window = self.session.window
            if window is not None:
                selection = (getattr(window, "customer_id", None), getattr(window, "case_id", None))
                window.save_layout()  # type: ignore[attr-defined]
                self._show_window(selection)
                window.close()

    def login_again(self) -> None:
        ctx = self.session.ctx
        if ctx is None:
            return

        def relogin(url: str, user: str, password: str, insecure: bool) -> Any:
            return ctx.client.login(user, password)

        dialog = LoginDialog(
            self.tasks,
            relogin,
            ctx.server_url,
            ctx.user.username,
            Q.translate("Desk", "Your session ended. Type your password to go on; nothing you did was lost."),
            self.session.window,
        )
        dialog.server.setEnabled(False)
        dialog.user.setEnabled(False)
        dialog.loggedIn.connect(lambda *_a: ctx.request_sync())
        dialog.open()
        self.login_dialog = dialog

    def cancel(self) -> None:
        self.cancelled.set()
        if self.demo is not None:
            threading.Thread(target=self.demo.stop, daemon=True).start()
        self.exit_code = 1
        self.app.quit()

    def _fatal(self, exc: BaseException) -> None:
        if self.cancelled.is_set():
            return
        self.splash.hide()
        log.error("the desk could not start", exc_info=exc)
        if self.demo is not None:
            detail = getattr(exc, "log_tail", "") or str(exc)
            box = QMessageBox(
                QMessageBox.Icon.Critical,
                Q.translate("Desk", "Advisor Desk"),
                Q.translate("Desk", "The desk could not open your session:")
                if isinstance(exc, CacheError)
                else Q.translate("Desk", "The demo server could not start."),
            )
            box.setInformativeText(
                # The local cache's own sentence (a missing key, no keyring, a full disk) says what
                # to do; anything else is the demo server's, whose log is under the details.
                describe_login_error(exc)
                if isinstance(exc, CacheError)
                else Q.translate(
                    "Desk", "Check that nothing else is wrong with this installation, then try again."
                )
            )
            box.setDetailedText(detail)
            box.finished.connect(self.app.quit)
            box.open()  # not exec(): the loop keeps running (signals, the server's shutdown)
            self.failure = box
            self.exit_code = 1
            return
        # A resumed session that cannot even open its cache: ask to log in again.
        self.ask_login(
            Q.translate("Desk", "The desk could not open your session:") + " " + describe_login_error(exc)
        )


def name_application(app: QApplication) -> None:
    """The icon and desktop entry every window of the desk shows under."""
    app.setWindowIcon(app_icon())
    app.setDesktopFileName(DESKTOP_FILE_NAME)


def configure_logging() -> None:
    """ADVISOR_DESK_LOG=info (or debug) says more, for support; the default is warnings only.

    Whatever the level, the libraries underneath stay at WARNING: their DEBUG records quote SQL
    parameters and URLs, that is customers' personal data (see :mod:`advisor_desk.logsafe`).
    """
    level = getattr(logging, os.environ.get("ADVISOR_DESK_LOG", "warning").upper(), logging.WARNING)
    if not isinstance(level, int):
        level = logging.WARNING
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logsafe.cap_library_loggers()


def run_gui(options: Any, demo: Any) -> int:
    configure_logging()
    QCoreApplication.setOrganizationName("AdvisorDesk")
    QCoreApplication.setApplicationName("Advisor Desk")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    name_application(app)  # type: ignore[arg-type]
    settings = DeskSettings.default()
    translations = Translations()
    translations.install(resolve_language(options.language or settings.language))
    theme.apply_theme(app, settings.theme)
    launcher = DeskLauncher(app, options, demo, settings, translations)
    options.on_terminate = lambda: QTimer.singleShot(0, app.quit)
    # Let Python run its signal handlers (SIGINT/SIGTERM) while Qt's loop runs.
    tick = QTimer()
    tick.start(300)
    tick.timeout.connect(lambda: None)
    QTimer.singleShot(0, launcher.start)
    code = app.exec()
    window = launcher.session.window
    if window is not None:
        try:
            window.save_layout()  # type: ignore[attr-defined]
        except (RuntimeError, AttributeError):
            pass
    launcher.session.close()
    if launcher.session.ctx is None:
        launcher.tasks.shutdown(wait=False)
    tick.stop()
    return code or launcher.exit_code
