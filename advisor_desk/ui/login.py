"""The first-run and log-in-again dialog: server address, user name, password.

The password is sent once, in the "net" lane, and never kept: the session's refresh token goes to the
OS keyring through the sync credentials module. Errors are said in words (wrong password, server not
reachable, address not secure), the fields keep what was typed.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from advisor_desk.ui.tasks import TaskRunner


def describe_login_error(exc: BaseException) -> str:
    """A sentence for the user from the sync client's typed errors (by their stable ``code``)."""
    from advisor_desk.cache.errors import CacheError

    if isinstance(exc, CacheError):  # the local cache explains itself (no key in the keyring...)
        return str(exc)
    t = QCoreApplication
    code = getattr(exc, "code", "")
    by_code = {
        "bad_credentials": t.translate("Login", "Wrong user name or password."),
        "needs_login": t.translate("Login", "Wrong user name or password."),
        "unreachable": t.translate(
            "Login", "The server cannot be reached. Check the address and your network, then try again."
        ),
        "server_error": t.translate("Login", "The server had a problem. Try again in a moment."),
        "bad_answer": t.translate(
            "Login",
            "The server answered something unexpected. Is this the address of an Advisor Desk server?",
        ),
        "insecure_url": t.translate(
            "Login", "The address must start with https:// (plain http is only allowed on this computer)."
        ),
        "too_many_requests": t.translate("Login", "Too many attempts. Wait a minute before trying again."),
        "forbidden": t.translate("Login", "This account may not use the desk."),
    }
    if code in by_code:
        return by_code[code]
    name = type(exc).__name__
    if name == "BadCredentials":
        return by_code["bad_credentials"]
    if name == "InsecureServerUrl":
        return by_code["insecure_url"]
    if name == "Unreachable":
        return by_code["unreachable"]
    return t.translate("Login", "Logging in failed. Check the address, the user name and the password.")


class LoginDialog(QDialog):
    """Asks for the server and the credentials, and logs in with ``login(url, user, password)``."""

    #: (server url, result of login) after a successful login
    loggedIn = Signal(str, object)

    def __init__(
        self,
        tasks: TaskRunner,
        login: Any,
        server_url: str = "",
        username: str = "",
        note: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self._login = login
        self.setWindowTitle(self.tr("Log in to Advisor Desk"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        intro = QLabel(
            note or self.tr("Enter the address of your organisation's Advisor Desk server and your account."),
            self,
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(intro)
        form = QFormLayout()
        self.server = QLineEdit(server_url, self)
        self.server.setPlaceholderText("https://desk.example.com")
        self.server.setAccessibleName(self.tr("Server address"))
        self.user = QLineEdit(username, self)
        self.user.setAccessibleName(self.tr("User name"))
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        self.insecure = QCheckBox(self.tr("Allow plain http (not secure; for tests only)"), self)
        form.addRow(self.tr("Server address"), self.server)
        form.addRow(self.tr("User name"), self.user)
        form.addRow(self.tr("Password"), self.password)
        form.addRow("", self.insecure)
        layout.addLayout(form)
        self.problem = QLabel(self)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setWordWrap(True)
        self.problem.setObjectName("loginProblem")
        self.problem.hide()
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Log in"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        (self.password if server_url and username else self.server).setFocus()
        self.busy = False

    def submit(self) -> None:
        if self.busy:
            return
        url, user, password = self.server.text().strip(), self.user.text().strip(), self.password.text()
        if not url or not user or not password:
            self._show_problem(self.tr("Fill in the server address, the user name and the password."))
            return
        self.busy = True
        self._set_enabled(False)
        self._show_problem(self.tr("Logging in…"))
        insecure = self.insecure.isChecked()
        self.tasks.run(
            "net",
            lambda: self._login(url, user, password, insecure),
            lambda result: self._done(url, result),
            self._failed,
            owner=self,
            name="login",
        )

    def _done(self, url: str, result: Any) -> None:
        self.busy = False
        self.password.clear()
        self.loggedIn.emit(url, result)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self._set_enabled(True)
        self._show_problem(describe_login_error(exc))
        self.password.setFocus()
        self.password.selectAll()

    def _show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()

    def _set_enabled(self, on: bool) -> None:
        for w in (self.server, self.user, self.password, self.insecure):
            w.setEnabled(on)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(on)
