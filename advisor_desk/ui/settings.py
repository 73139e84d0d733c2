"""The desk's preferences, typed and declared in one place, stored in QSettings and migrated by version.

Like Picard's ``options.py`` + ``config_upgrade.py``: each setting is declared once with its type and
default; reading coerces what QSettings hands back (strings on some platforms) to that type and falls
back to the default on garbage; ``SETTINGS_VERSION`` with :data:`MIGRATIONS` upgrades older files.
Tests build a :class:`DeskSettings` over an INI file in ``tmp_path`` (:meth:`DeskSettings.in_file`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

SETTINGS_VERSION = 2


@dataclass(frozen=True, slots=True)
class Option:
    key: str
    type: type
    default: Any
    choices: tuple[str, ...] = ()


OPTIONS: dict[str, Option] = {
    o.key: o
    for o in (
        Option("ui/language", str, "system", ("system", "fr", "en")),
        Option("ui/theme", str, "system", ("system", "light", "dark")),
        Option("window/geometry", QByteArray, QByteArray()),
        Option("window/state", QByteArray, QByteArray()),
        Option("server/url", str, ""),
        Option("server/username", str, ""),
        Option("server/allow_insecure", bool, False),
        Option("queue/mine_only", bool, False),
        Option("queue/channels", list, []),
        Option("queue/kinds", list, []),
        Option("queue/statuses", list, []),
        Option("timeline/channels", list, []),
    )
}


def _migrate_1_to_2(store: QSettings) -> None:
    # Version 1 kept the language under "language" and the server under "server".
    if store.contains("language"):
        store.setValue("ui/language", store.value("language"))
        store.remove("language")
    if store.contains("server"):
        url = store.value("server")
        store.remove("server")  # before writing "server/url": removing "server" drops that group
        store.setValue("server/url", url)


MIGRATIONS: dict[int, Callable[[QSettings], None]] = {1: _migrate_1_to_2}


class DeskSettings:
    """Typed access to the desk's QSettings."""

    def __init__(self, store: QSettings) -> None:
        self._store = store
        self.migrate()

    @classmethod
    def default(cls) -> DeskSettings:
        return cls(QSettings("AdvisorDesk", "Advisor Desk"))

    @classmethod
    def in_file(cls, path: Path | str) -> DeskSettings:
        return cls(QSettings(str(path), QSettings.Format.IniFormat))

    @property
    def store(self) -> QSettings:
        return self._store

    def migrate(self) -> None:
        version = self._coerce_int(self._store.value("settings/version"), 0)
        if version == 0 and not self._store.allKeys():
            version = SETTINGS_VERSION  # a fresh file has nothing to migrate
        while version < SETTINGS_VERSION:
            step = MIGRATIONS.get(version)
            if step is not None:
                step(self._store)
            version += 1
        self._store.setValue("settings/version", SETTINGS_VERSION)

    @staticmethod
    def _coerce_int(value: object, default: int) -> int:
        try:
            return int(str(value))
        except (TypeError, ValueError):
            return default

    def get(self, key: str) -> Any:
        option = OPTIONS[key]
        raw = self._store.value(key)
        if raw is None:
            return option.default
        if option.type is bool:
            if isinstance(raw, bool):
                return raw
            return str(raw).lower() in ("true", "1", "yes")
        if option.type is list:
            if raw in ("", None):
                return []
            return [str(v) for v in raw] if isinstance(raw, list) else [str(raw)]
        if option.type is QByteArray:
            return raw if isinstance(raw, QByteArray) else option.default
        value = str(raw)
        if option.choices and value not in option.choices:
            return option.default
        return value

    def set(self, key: str, value: Any) -> None:
        option = OPTIONS[key]
        if option.choices and value not in option.choices:
            raise ValueError(f"{key} must be one of {option.choices}")
        self._store.setValue(key, value)

    def sync(self) -> None:
        self._store.sync()

    # Convenience properties for the settings read most often.
    @property
    def language(self) -> str:
        return str(self.get("ui/language"))

    @property
    def theme(self) -> str:
        return str(self.get("ui/theme"))
