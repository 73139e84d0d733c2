"""The launcher: options, the embedded demo server as a child process, and the whole --demo start."""

from __future__ import annotations

import urllib.request
from pathlib import Path
from typing import Any

import pytest

from advisor_desk.app import DemoError, DemoServer, parse_options

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("does not support propagateSizeHints", "does not support raise"),
]


def test_options(monkeypatch: Any, tmp_path: Path) -> None:
    monkeypatch.delenv("ADVISOR_DESK_DATA_DIR", raising=False)
    o = parse_options(["--demo", "--role", "lead", "--language", "fr"])
    assert (o.demo, o.role, o.store, o.language, o.data_dir) == (True, "lead", False, "fr", None)
    assert parse_options(["--demo", "--role", "store"]).store
    monkeypatch.setenv("ADVISOR_DESK_DATA_DIR", str(tmp_path))
    assert parse_options([]).data_dir == tmp_path
    assert parse_options(["--data-dir", str(tmp_path / "x")]).data_dir == tmp_path / "x"
    with pytest.raises(SystemExit):
        parse_options(["--role", "boss"])


def test_run_desk_reports_bad_options_without_a_traceback(capsys: Any) -> None:
    from advisor_desk.app import run_desk

    assert run_desk(["--language", "de"]) == 2
    assert "invalid choice" in capsys.readouterr().err


@pytest.mark.slow
def test_the_demo_server_starts_answers_and_stops_cleanly() -> None:
    demo = DemoServer(role="advisor")
    steps: list[str] = []
    try:
        url = demo.start(steps.append)
        assert steps == ["init", "seed", "serve"]
        with urllib.request.urlopen(url + "/health", timeout=5) as answer:  # noqa: S310 - loopback
            assert answer.status == 200
        process, folder = demo.process, demo.folder
        assert process is not None and folder is not None and folder.exists()
    finally:
        demo.stop()
    assert process.poll() is not None
    assert not folder.exists()
    demo.stop()  # twice is harmless


def test_a_failing_demo_step_says_so(tmp_path: Path) -> None:
    demo = DemoServer(folder=tmp_path)
    demo._own_folder = False
    (tmp_path / "demo-server.sqlite3").mkdir()  # a folder where the database file should be
    with pytest.raises(DemoError) as caught:
        demo.start()
    assert "failed" in str(caught.value)
    demo.stop()


def test_the_demo_says_how_to_act_at_its_centre(tmp_path: Path) -> None:
    """What the launcher prints once the demo centre answers: commands that work as printed."""
    import shlex

    from advisor_desk.server.cli import build_parser

    demo = DemoServer(folder=tmp_path / "demo folder", port=8123)
    hint = demo.centre_hint()
    assert "http://127.0.0.1:8123" in hint
    commands = [line.split(":  ", 1)[1] for line in hint.splitlines() if line.startswith("  ")]
    assert len(commands) == 2
    for command in commands:
        words = shlex.split(command)
        program = words[0]
        assert Path(program).exists(), program
        args = words[words.index("-m") + 2 :] if "-m" in words else words[1:]
        parsed = build_parser().parse_args([a if a != "WHO" else "someone@example.com" for a in args])
        assert parsed.database_url == demo.database_url  # the space in the folder survived the quoting
        assert parsed.command in ("message", "erase")


@pytest.mark.slow
@pytest.mark.allow_threads  # keyring backends may start a D-Bus thread that outlives the test
def test_demo_start_opens_a_full_desk_then_closes_everything(qtbot: Any, qapp: Any, tmp_path: Path) -> None:
    from advisor_desk.app import LaunchOptions
    from advisor_desk.ui.desk import DeskLauncher
    from advisor_desk.ui.i18n import Translations
    from advisor_desk.ui.main_window import MainWindow
    from advisor_desk.ui.settings import DeskSettings

    demo = DemoServer(role="lead")
    options = LaunchOptions(demo=True, role="lead")
    translations = Translations()
    translations.install("en")
    launcher = DeskLauncher(qapp, options, demo, DeskSettings.in_file(tmp_path / "s.ini"), translations)
    try:
        launcher.start()
        assert launcher.splash.isVisible()
        qtbot.waitUntil(
            lambda: launcher.session.window is not None or launcher.failure is not None, timeout=180_000
        )
        if launcher.failure is not None:
            pytest.fail(f"the demo did not start: {launcher.failure.detailedText()}")
        window = launcher.session.window
        assert isinstance(window, MainWindow)
        assert window.ctx.user.username == "lead" and window.ctx.is_team_lead
        qtbot.waitUntil(lambda: window.queue.model.rowCount() > 0, timeout=20_000)
        assert not launcher.splash.isVisible()
        launcher._window_token = None  # closing here must not quit the test's application
        window.close()
    finally:
        launcher.session.close()
        demo.stop()
    assert demo.process is None


def test_switching_language_and_theme_rebuilds_the_window_and_keeps_the_desk(
    qtbot: Any, qapp: Any, make_ctx: Any, world: Any, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QDockWidget

    from advisor_desk.app import LaunchOptions
    from advisor_desk.ui import labels, theme
    from advisor_desk.ui.desk import DeskLauncher
    from advisor_desk.ui.i18n import Translations
    from advisor_desk.ui.main_window import MainWindow
    from advisor_desk.ui.settings import DeskSettings

    quits: list[bool] = []
    qapp.aboutToQuit.connect(lambda: quits.append(True))
    translations = Translations()
    translations.install("en")
    settings = DeskSettings.in_file(tmp_path / "desk.ini")
    launcher = DeskLauncher(qapp, LaunchOptions(), None, settings, translations)
    ctx = make_ctx(world.cache)
    ctx.settings = settings
    launcher.session.ctx = ctx
    try:
        launcher._show_window()
        first = launcher.session.window
        assert isinstance(first, MainWindow)
        first.open_customer("cust-01", "case-limit")
        launcher.switch_language("fr")
        second = launcher.session.window
        assert second is not first and isinstance(second, MainWindow)
        qtbot.waitUntil(lambda: not first.isVisible())
        assert "File de travail" in {d.windowTitle() for d in second.findChildren(QDockWidget)}
        assert (second.customer_id, second.case_id) == ("cust-01", "case-limit")
        assert settings.language == "fr"
        launcher.switch_theme("dark")
        assert theme.is_dark(qapp) and settings.theme == "dark"
        qtbot.wait(50)
        assert launcher.session.window.isVisible() and not quits
    finally:
        theme.apply_theme(qapp, "light")
        translations.install("en")
        labels.clear()
        launcher._window_token = None
        if launcher.session.window is not None:
            launcher.session.window.close()
        launcher.tasks.shutdown(wait=True)


@pytest.mark.allow_threads  # keyring backends may start a D-Bus thread that outlives the test
def test_first_run_asks_for_the_server_and_account_then_remembers_the_server(
    qtbot: Any, qapp: Any, tmp_path: Path, live_server: Any
) -> None:
    from advisor_desk.app import LaunchOptions
    from advisor_desk.ui.desk import DeskLauncher
    from advisor_desk.ui.i18n import Translations
    from advisor_desk.ui.main_window import MainWindow
    from advisor_desk.ui.settings import DeskSettings

    live_server.seed_world()
    translations = Translations()
    translations.install("en")
    settings = DeskSettings.in_file(tmp_path / "first.ini")
    launcher = DeskLauncher(qapp, LaunchOptions(data_dir=tmp_path / "data"), None, settings, translations)
    try:
        launcher.start()
        dialog = launcher.login_dialog
        assert dialog.isVisible()
        # nothing typed: said, nothing sent
        dialog.submit()
        assert "Fill in" in dialog.problem.text()
        dialog.server.setText(live_server.url)
        dialog.user.setText("advisor")
        dialog.password.setText("wrong")
        dialog.submit()
        qtbot.waitUntil(lambda: not dialog.busy, timeout=20_000)
        assert dialog.problem.text() == "Wrong user name or password."
        assert dialog.user.text() == "advisor" and dialog.server.text() == live_server.url
        dialog.password.setText("pw")
        dialog.submit()
        qtbot.waitUntil(lambda: launcher.session.window is not None, timeout=60_000)
        window = launcher.session.window
        assert isinstance(window, MainWindow) and window.ctx.user.username == "advisor"
        assert settings.get("server/url") == live_server.url and settings.get("server/username") == "advisor"
        assert dialog.password.text() == ""  # the password is not kept anywhere
        launcher._window_token = None
        window.close()
    finally:
        launcher.session.close()


def test_a_demo_that_cannot_open_its_cache_says_the_caches_own_sentence(
    qtbot: Any, qapp: Any, tmp_path: Path
) -> None:
    """A missing cache key (say) is not "the demo server could not start": the box says what happened."""
    from advisor_desk.app import LaunchOptions
    from advisor_desk.cache.errors import CacheUnavailable
    from advisor_desk.ui.desk import DeskLauncher
    from advisor_desk.ui.i18n import Translations
    from advisor_desk.ui.settings import DeskSettings

    demo = DemoServer(role="advisor")
    translations = Translations()
    translations.install("en")
    launcher = DeskLauncher(
        qapp, LaunchOptions(demo=True), demo, DeskSettings.in_file(tmp_path / "s.ini"), translations
    )
    sentence = "The local cache is encrypted and its key is not in the keyring."
    launcher._fatal(CacheUnavailable(sentence))
    box = launcher.failure
    assert box is not None
    assert "demo server" not in box.text()
    assert sentence in box.informativeText()
    box.done(0)
    launcher.session.close()
    demo.stop()
