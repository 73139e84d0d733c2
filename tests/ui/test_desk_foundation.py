"""The desk's foundation: task lanes, settings, icons, theme contrast, money and time formats, safe text."""

from __future__ import annotations

import threading
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from desk_world import NOW
from PySide6.QtCore import QLocale, QObject, QSettings, Qt

from advisor_desk.domain.channels import Channel, ResponseState
from advisor_desk.domain.model import GestureCode
from advisor_desk.ui import i18n, theme
from advisor_desk.ui.icons import ICONS, IconRegistry
from advisor_desk.ui.safe_text import (
    PlainLabel,
    ReadInFullDialog,
    display_text,
    elide,
    one_line,
    plain_tooltip,
)
from advisor_desk.ui.settings import SETTINGS_VERSION, DeskSettings
from advisor_desk.ui.tasks import TaskRunner

pytestmark = pytest.mark.gui


@pytest.fixture
def runner(qapp: Any) -> Any:
    r = TaskRunner()
    yield r
    r.shutdown(wait=True)


def test_results_arrive_on_the_gui_thread_and_lanes_are_separate(qtbot: Any, runner: TaskRunner) -> None:
    gui = threading.current_thread()
    seen: list[tuple[str, bool]] = []
    gate = threading.Event()
    # a blocked db task must not hold back the net lane
    runner.run(
        "db", lambda: gate.wait(5) and "db", lambda r: seen.append((r, threading.current_thread() is gui))
    )
    runner.run("net", lambda: "net", lambda r: seen.append((r, threading.current_thread() is gui)))
    qtbot.waitUntil(lambda: len(seen) == 1)
    assert seen == [("net", True)]
    gate.set()
    qtbot.waitUntil(lambda: len(seen) == 2)
    assert seen[1] == ("db", True)
    assert runner.is_idle()


def test_the_db_lane_runs_one_task_at_a_time_in_order(qtbot: Any, runner: TaskRunner) -> None:
    order: list[int] = []
    for n in range(20):
        runner.run("db", lambda n=n: order.append(n))
    qtbot.waitUntil(runner.is_idle)
    assert order == list(range(20))


def test_errors_go_to_on_error_or_to_the_unhandled_signal(qtbot: Any, runner: TaskRunner) -> None:
    errors: list[BaseException] = []
    runner.run("db", lambda: 1 / 0, on_error=errors.append)
    with qtbot.waitSignal(runner.unhandledError) as blocker:
        runner.run("db", lambda: {}["missing"])
    qtbot.waitUntil(runner.is_idle)
    assert isinstance(errors[0], ZeroDivisionError)
    assert isinstance(blocker.args[1], KeyError)


def test_delivery_is_dropped_when_the_owner_is_gone_or_cancelled(qtbot: Any, runner: TaskRunner) -> None:
    delivered: list[str] = []
    gate = threading.Event()
    owner = QObject()
    runner.run("db", lambda: gate.wait(5) and "late", delivered.append, owner=owner)
    task = runner.run("db", lambda: "cancelled", delivered.append)
    task.cancel()
    runner.run("db", lambda: "kept", delivered.append)
    owner.deleteLater()
    qtbot.waitUntil(lambda: not __import__("shiboken6").isValid(owner))
    gate.set()
    qtbot.waitUntil(runner.is_idle)
    assert delivered == ["kept"]


def test_a_burst_of_results_is_delivered_in_batches(qtbot: Any, runner: TaskRunner, monkeypatch: Any) -> None:
    import advisor_desk.ui.tasks as tasks

    monkeypatch.setattr(tasks, "BATCH_SECONDS", 0.0)  # one result per turn of the event loop
    got: list[int] = []
    for n in range(50):
        runner.run("net", lambda n=n: n, got.append)
    qtbot.waitUntil(runner.is_idle)
    assert sorted(got) == list(range(50))


def test_settings_are_typed_with_defaults_and_garbage_falls_back(tmp_path: Path, qapp: Any) -> None:
    s = DeskSettings.in_file(tmp_path / "s.ini")
    assert s.language == "system" and s.get("queue/mine_only") is False and s.get("queue/channels") == []
    s.set("queue/mine_only", True)
    s.set("queue/channels", ["email", "chat"])
    s.store.setValue("ui/theme", "purple")
    s.sync()
    again = DeskSettings.in_file(tmp_path / "s.ini")
    assert again.get("queue/mine_only") is True
    assert again.get("queue/channels") == ["email", "chat"]
    assert again.theme == "system"
    with pytest.raises(ValueError):
        again.set("ui/language", "de")


def test_settings_from_version_1_are_migrated(tmp_path: Path, qapp: Any) -> None:
    old = QSettings(str(tmp_path / "old.ini"), QSettings.Format.IniFormat)
    old.setValue("settings/version", 1)
    old.setValue("language", "fr")
    old.setValue("server", "https://desk.example.com")
    old.sync()
    s = DeskSettings.in_file(tmp_path / "old.ini")
    assert s.language == "fr"
    assert s.get("server/url") == "https://desk.example.com"
    assert s.store.value("settings/version") in (SETTINGS_VERSION, str(SETTINGS_VERSION))
    assert not s.store.contains("language")


def test_every_channel_gesture_and_state_has_a_resolving_icon(qapp: Any) -> None:
    registry = IconRegistry("#000000")
    meanings = (
        [f"channel.{c}" for c in Channel]
        + [f"gesture.{g}" for g in GestureCode]
        + [f"state.{s}" for s in ResponseState]
    )
    for meaning in meanings:
        assert meaning in ICONS
    for meaning in ICONS:
        assert not registry.icon(meaning).isNull(), meaning
    with pytest.raises(KeyError, match="no icon"):
        registry.icon("channel.pigeon")


def test_badge_colours_meet_wcag_aa_in_both_themes() -> None:
    for table in (theme.LIGHT_BADGES, theme.DARK_BADGES):
        assert set(table) == set(ResponseState)
        for state, colors in table.items():
            assert theme.contrast_ratio(colors.background, colors.text) >= 4.5, state
    assert theme.LIGHT_BADGES[ResponseState.PAST_LIMIT].bold


def test_theme_switches_between_light_and_dark(qapp: Any) -> None:
    theme.apply_theme(qapp, "dark")
    assert theme.is_dark(qapp)
    theme.apply_theme(qapp, "light")
    assert not theme.is_dark(qapp)


def test_money_in_the_users_locale(qapp: Any) -> None:
    fr = QLocale(QLocale.Language.French, QLocale.Country.France)
    en = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    assert i18n.format_money(1250, "EUR", fr).replace("\u202f", " ").replace("\xa0", " ") == "12,50 €"
    assert i18n.format_money(1250, "EUR", en) == "€12.50"
    assert (
        i18n.format_money(123456789, "EUR", fr).replace("\u202f", " ").replace("\xa0", " ")
        == "1 234 567,89 €"
    )


def test_relative_times_then_absolute_after_a_day(qapp: Any) -> None:
    assert i18n.format_relative(NOW - timedelta(seconds=20), NOW) == "just now"
    assert i18n.format_relative(NOW - timedelta(minutes=12), NOW) == "12 min ago"
    assert i18n.format_relative(NOW - timedelta(hours=3), NOW) == "3 h ago"
    absolute = i18n.format_relative(NOW - timedelta(days=2), NOW)
    assert "ago" not in absolute and absolute == i18n.format_absolute(NOW - timedelta(days=2))
    assert i18n.format_countdown(-3900) == "overdue 1 h 05 min"
    assert i18n.format_countdown(125) == "2 min left"  # seconds only under a minute
    assert i18n.format_countdown(-(55 * 60 + 52)) == "overdue 55 min"
    assert i18n.format_countdown(-45) == "overdue 45 s"
    assert i18n.format_countdown(-(55 * 60 + 48)) == "overdue 55 min"
    assert i18n.format_countdown(-(30 * 3600 + 120)) == "overdue 30 h"
    assert i18n.format_countdown(-(3 * 86400)) == "overdue 3 d"


def test_language_follows_the_system_unless_set() -> None:
    assert i18n.resolve_language("en", QLocale(QLocale.Language.French)) == "en"
    assert i18n.resolve_language("system", QLocale(QLocale.Language.French)) == "fr"
    assert i18n.resolve_language("system", QLocale(QLocale.Language.German)) == "en"
    # French first: a machine that names no language (LANG=C) opens the desk in French.
    assert i18n.resolve_language(None, QLocale(QLocale.Language.C)) == "fr"
    assert i18n.resolve_language(None, QLocale(QLocale.Language.English)) == "en"


def test_display_text_neutralises_controls_and_bidi_overrides() -> None:
    shown = display_text("a\x07b\u202ec\x1b")
    assert "\x07" not in shown and "\u202e" not in shown and "\x1b" not in shown
    assert "\u2407" in shown and "\u241b" in shown
    assert shown.startswith("\u2068") and shown.endswith("\u2069")
    assert display_text("ligne 1\nligne 2", isolate=False) == "ligne 1\nligne 2"


def test_long_text_is_elided_with_the_full_text_readable(qtbot: Any) -> None:
    text = "mot " * 300_000
    short, cut = elide(text, 600)
    assert cut and len(short) <= 601 and short.endswith("…")
    assert len(one_line(text, 200)) <= 201
    dialog = ReadInFullDialog("Texte", text)
    qtbot.addWidget(dialog)
    assert dialog.viewer.toPlainText() == text


def test_markup_stays_literal_in_labels_and_tooltips(qtbot: Any) -> None:
    label = PlainLabel("<b>x</b><img src=x>")
    qtbot.addWidget(label)
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert "<b>x</b><img src=x>" in label.text()
    tip = plain_tooltip("<b>x</b>")
    assert "&lt;b&gt;x&lt;/b&gt;" in tip and "<b>x" not in tip


def test_work_asked_after_shutdown_is_dropped_quietly(qtbot: Any, qapp: Any) -> None:
    r = TaskRunner()
    r.shutdown(wait=True)
    ran: list[int] = []
    task = r.run("db", lambda: ran.append(1))
    assert task.cancelled and ran == [] and r.is_idle()
