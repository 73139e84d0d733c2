"""A customer erased at the centre while an advisor has it open: the running desk closes it everywhere
(timeline, header, reply, Say yes, Customer 360, queue), says why, and keeps none of it — the unsent
reply draft included, even one saved after the erasure arrived. Driven end to end: the real reference
server on loopback, the erasure made as an operator makes it (``advisor-desk-server erase``'s code),
the desk's real sync engine pulling it."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import settle
from PySide6.QtWidgets import QLabel, QPlainTextEdit

from advisor_desk.server import console
from advisor_desk.ui.main_window import MainWindow

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("does not support propagateSizeHints", "does not support raise"),
]

CUSTOMER, CASE = "c-north-1", "c-north-1-case"


def shown_texts(window: MainWindow) -> str:
    """Every text a label or an editor of the window shows now."""
    labels = [w.text() for w in window.findChildren(QLabel) if w.isVisible()]
    editors = [w.toPlainText() for w in window.findChildren(QPlainTextEdit) if w.isVisible()]
    return "\n".join(labels + editors)


def test_an_open_customer_erased_at_the_centre_leaves_the_running_desk(
    qtbot: Any, live_desk: Any, live_server: Any
) -> None:
    window, ctx, adapter, cache = live_desk.window, live_desk.ctx, live_desk.adapter, live_desk.cache
    window.open_customer(CUSTOMER, CASE)
    settle(qtbot, ctx)
    qtbot.waitUntil(lambda: window.timeline.loaded and window.file is not None, timeout=5000)
    assert "Dupont" in shown_texts(window)
    # the advisor has started a reply, saved as a draft
    composer = window.reply_panel
    qtbot.waitUntil(lambda: getattr(composer, "file", None) is not None, timeout=5000)
    editor = next(
        e
        for e in composer.findChildren(QPlainTextEdit)
        if e.objectName().startswith("editor_") and e.isVisible()
    )
    editor.setFocus()
    qtbot.keyClicks(editor, "Madame Dupont, nous sommes navres")  # keyClicks types ASCII only
    composer.flush_draft()  # type: ignore[attr-defined]
    settle(qtbot, ctx)
    assert cache.load_draft(CASE) is not None

    with live_server.database.write() as db:
        tombstone = console.erase_customer(db, "06 12 34 56 78")  # as an operator names her
    assert tombstone["customer_id"] == CUSTOMER and "Dupont" not in str(tombstone)

    adapter.start()
    qtbot.waitUntil(lambda: window.customer_id is None, timeout=15_000)
    settle(qtbot, ctx)
    assert "removed from this desk" in window.statusBar().currentMessage()
    assert composer.case_id is None  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: CASE not in {row.case_id for row in window.queue.model.rows()}, timeout=5000)
    assert window.queue.model.rows()  # the rest of the queue is still there
    shown = shown_texts(window)
    for personal in ("Dupont", "Hélène", "06 12 34 56 78", "Madame Dupont"):
        assert personal not in shown
    # nothing left in the cache: the customer, its search entry, the draft; and a save of the
    # draft still on its way when the erasure arrived does not bring it back
    assert cache.customer(CUSTOMER) is None
    assert cache.search_customers("dupont") == []
    assert cache.load_draft(CASE) is None
    cache.save_draft(CASE, {"text": "Madame Dupont, nous"})
    assert cache.load_draft(CASE) is None
