"""Language and locale: Qt translators, money, times and durations in the user's language.

The desk's own strings come from ``translations/advisor_desk_<lang>.qm`` (built from the ``.ts`` files
by ``translations/update.py``); Qt's own dialogs from ``qtbase_<lang>.qm`` in Qt's translations folder
(as Picard's ``i18n/qt.py`` does). The language follows the system unless the ``ui/language`` setting
says otherwise. Money is shown with QLocale ("12,50 €" in French), times in local time, relative when
recent ("il y a 12 min") and absolute after a day and in tooltips.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDateTime, QLibraryInfo, QLocale, QTimeZone, QTranslator

from advisor_desk import shipped_files

Q = QCoreApplication
LANGUAGES = ("fr", "en")


def translations_dir() -> Path:
    """Where the compiled ``.qm`` files are: in a bundle, an installed wheel or the checkout."""
    return shipped_files.translations_dir()


def resolve_language(setting: str | None, system: QLocale | None = None) -> str:
    """``fr`` or ``en``: the setting when it names one, else the system's language.

    French first: a French system, or one that names no language at all (the ``C``/``POSIX`` locale
    of a bare server image or a fresh container), gets French; any other language gets English, the
    desk's second language.
    """
    if setting in LANGUAGES:
        return str(setting)
    system = system or QLocale.system()
    language = system.language()
    if language in (QLocale.Language.French, QLocale.Language.C, QLocale.Language.AnyLanguage):
        return "fr"
    return "en"


def locale_for(language: str) -> QLocale:
    return (
        QLocale(QLocale.Language.French, QLocale.Country.France)
        if language == "fr"
        else QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    )


class Translations:
    """The translators installed on the application, replaced as a whole when the language changes."""

    def __init__(self) -> None:
        self._installed: list[QTranslator] = []
        self.language = "en"
        self.app_loaded = False
        self.qt_loaded = False

    def install(self, language: str) -> None:
        app = QCoreApplication.instance()
        assert app is not None, "install translations after creating the application"
        for translator in self._installed:
            app.removeTranslator(translator)
        self._installed.clear()
        self.language = language
        QLocale.setDefault(locale_for(language))
        ours = QTranslator(app)
        self.app_loaded = ours.load(f"advisor_desk_{language}", str(translations_dir()))
        if self.app_loaded:
            app.installTranslator(ours)
            self._installed.append(ours)
        qt = QTranslator(app)
        self.qt_loaded = qt.load(
            f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        )
        if self.qt_loaded:
            app.installTranslator(qt)
            self._installed.append(qt)


def format_money(cents: int, currency: str, locale: QLocale | None = None) -> str:
    """``12,50 €`` in French, ``€12.50`` in English: the amount with its currency, in the locale."""
    locale = locale or QLocale()
    symbol = {"EUR": "€", "GBP": "£", "USD": "$", "CHF": "CHF"}.get(currency, currency)
    # Display only: cents / 100 is exact to the cent for any amount the domain accepts.
    return locale.toCurrencyString(cents / 100, symbol, 2)


def local_time(value: datetime) -> QDateTime:
    """A UTC datetime as a QDateTime in the machine's local time zone."""
    qdt = QDateTime.fromSecsSinceEpoch(int(value.timestamp()), QTimeZone.utc())
    return qdt.toLocalTime()


def format_absolute(value: datetime, locale: QLocale | None = None) -> str:
    locale = locale or QLocale()
    return locale.toString(local_time(value), QLocale.FormatType.ShortFormat)


def format_relative(value: datetime, now: datetime | None = None, locale: QLocale | None = None) -> str:
    """ "il y a 12 min" when recent; the absolute local date and time after a day."""
    now = now or datetime.now(UTC)
    seconds = (now - value).total_seconds()
    if seconds < -60:
        return format_absolute(value, locale)
    if seconds < 60:
        return Q.translate("Time", "just now")
    minutes = int(seconds // 60)
    if minutes < 60:
        return Q.translate("Time", "%n min ago", None, minutes)
    hours = minutes // 60
    if hours < 24:
        return Q.translate("Time", "%n h ago", None, hours)
    return format_absolute(value, locale)


def format_duration(seconds: float) -> str:
    """A call length or time left: "4 min 05 s", "2 h 10 min", "3 d"."""
    seconds = int(abs(seconds))
    if seconds < 60:
        return Q.translate("Time", "%n s", None, seconds)
    minutes, secs = divmod(seconds, 60)
    if 10 <= minutes < 60:
        return Q.translate("Time", "%n min", None, minutes)  # seconds no longer matter at that scale
    if minutes < 10:
        return Q.translate("Time", "%1 min %2 s").replace("%1", str(minutes)).replace("%2", f"{secs:02d}")
    hours, minutes = divmod(minutes, 60)
    if 10 <= hours < 48:
        return Q.translate("Time", "%n h", None, hours)  # minutes no longer matter at that scale
    if hours < 10:
        return Q.translate("Time", "%1 h %2 min").replace("%1", str(hours)).replace("%2", f"{minutes:02d}")
    return Q.translate("Time", "%n d", None, hours // 24)


def short_duration(seconds: float) -> str:
    """A badge's duration: seconds only under a minute ("45 s", "2 min", "1 h 05 min", "30 h", "3 d")."""
    seconds = int(abs(seconds))
    if seconds < 60:
        return Q.translate("Time", "%n s", None, seconds)
    if seconds < 3600:
        return Q.translate("Time", "%n min", None, seconds // 60)
    return format_duration(seconds)


def format_countdown(seconds_left: float) -> str:
    """Badge text, short enough for a narrow column: "12 min left" or "overdue 1 h 05 min"."""
    if seconds_left >= 0:
        return Q.translate("Time", "%1 left").replace("%1", short_duration(seconds_left))
    return Q.translate("Time", "overdue %1").replace("%1", short_duration(seconds_left))


def format_ago_seconds(seconds: float) -> str:
    """ "synced 12 s ago" style, for the status bar."""
    seconds = max(0, int(seconds))
    if seconds < 60:
        return Q.translate("Time", "%n s ago", None, seconds)
    if seconds < 3600:
        return Q.translate("Time", "%n min ago", None, seconds // 60)
    return Q.translate("Time", "%n h ago", None, seconds // 3600)
