"""Which desk opens for which role: store staff get the counter screen without --store."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from desk_world import ADVISOR, TEAM

from advisor_desk.domain.model import Role, User

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("does not support propagateSizeHints", "does not support raise"),
]

SELLER = User("u-sam", "sam", "Sam Vendeur", Role.STORE_STAFF, TEAM, "Europe/Paris")


def _launch(qapp: Any, ctx: Any, tmp_path: Path, **options: Any) -> Any:
    from advisor_desk.app import LaunchOptions
    from advisor_desk.ui.desk import DeskLauncher
    from advisor_desk.ui.i18n import Translations
    from advisor_desk.ui.settings import DeskSettings

    translations = Translations()
    translations.install("en")
    launcher = DeskLauncher(
        qapp, LaunchOptions(**options), None, DeskSettings.in_file(tmp_path / "s.ini"), translations
    )
    launcher.session.ctx = ctx
    launcher._show_window()
    return launcher


def _close(launcher: Any) -> None:
    launcher._window_token = None  # closing here must not quit the test's application
    window = launcher.session.window
    if window is not None:
        window.close()
        window.deleteLater()
    launcher.tasks.shutdown(wait=True)


@pytest.mark.parametrize(
    ("user", "store_flag", "expected"),
    [
        (SELLER, False, "StoreWindow"),
        (SELLER, True, "StoreWindow"),
        (ADVISOR, False, "MainWindow"),
        (ADVISOR, True, "StoreWindow"),
    ],
)
def test_store_mode_is_the_default_for_store_staff(
    qtbot: Any,
    qapp: Any,
    make_ctx: Any,
    world: Any,
    tmp_path: Path,
    user: User,
    store_flag: bool,
    expected: str,
) -> None:
    quits: list[bool] = []
    qapp.aboutToQuit.connect(lambda: quits.append(True))
    launcher = _launch(qapp, make_ctx(world.cache, user), tmp_path, store=store_flag)
    try:
        window = launcher.session.window
        assert type(window).__name__ == expected
        assert window.isVisible()
    finally:
        _close(launcher)
    qtbot.wait(20)
    assert not quits
