"""Where the local cache lives: the platform's application-data folder, one database per server and user.

Folders are created owner-only (0o700) and database files 0o600: the cache holds customers' personal
data. ``ADVISOR_DESK_DATA_DIR`` (or ``--data-dir``) moves everything elsewhere.

The data folder may hold a settings file, ``advisor-desk.toml``, for what an organisation deploys
rather than what a user chooses at the desk (today: ``[cache] encryption = true``, see
:mod:`advisor_desk.cache.encryption`). It is plain TOML so that the cache, the command-line tools
and a deployment script all read it without Qt.
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

APP_FOLDER = "Advisor Desk"
ENV_DATA_DIR = "ADVISOR_DESK_DATA_DIR"
CACHE_SUFFIX = ".cache.sqlite3"
CACHE_FOLDER = "caches"
SETTINGS_FILE = "advisor-desk.toml"

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def default_data_dir() -> Path:
    """The application-data folder of this platform, or ``$ADVISOR_DESK_DATA_DIR`` when set."""
    override = os.environ.get(ENV_DATA_DIR)
    if override:
        return Path(override).expanduser()
    if sys.platform == "win32":
        base = os.environ.get("APPDATA")
        return Path(base) / APP_FOLDER if base else Path.home() / "AppData" / "Roaming" / APP_FOLDER
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / APP_FOLDER
    xdg = os.environ.get("XDG_DATA_HOME")
    base_dir = Path(xdg) if xdg else Path.home() / ".local" / "share"
    return base_dir / "advisor-desk"


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) readable by the owner only; tighten it if it already exists."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    if sys.platform != "win32":
        os.chmod(path, 0o700)
    return path


def _slug(text: str) -> str:
    return _UNSAFE.sub("_", text).strip("_")[:60] or "_"


def cache_dir(data_dir: Path) -> Path:
    return data_dir / CACHE_FOLDER


def data_dir_of(cache_path: Path) -> Path | None:
    """The data folder of a cache file laid out by :func:`cache_file` (None for a file elsewhere)."""
    parent = Path(cache_path).parent
    return parent.parent if parent.name == CACHE_FOLDER else None


def settings_file(data_dir: Path) -> Path:
    """The data folder's settings file (it may not exist: every setting has a default)."""
    return data_dir / SETTINGS_FILE


def cache_file(data_dir: Path, server_url: str, username: str) -> Path:
    """The cache database of ``username`` on ``server_url``, created empty with mode 0o600.

    The name is readable (host and user) with a short digest of the exact URL and user so two servers
    on one host, or users whose names differ only by unsafe characters, never share a file.
    """
    parts = urlsplit(server_url)
    host = parts.hostname or server_url
    port = f"_{parts.port}" if parts.port else ""
    digest = hashlib.sha256(f"{server_url.rstrip('/')}\n{username}".encode()).hexdigest()[:8]
    folder = ensure_private_dir(cache_dir(data_dir))
    ensure_private_dir(data_dir)
    path = folder / f"{_slug(host + port)}--{_slug(username)}--{digest}{CACHE_SUFFIX}"
    create_private_file(path)
    return path


def create_private_file(path: Path) -> None:
    """Create ``path`` empty with mode 0o600 unless it exists; tighten an existing file's mode.

    SQLite gives its -wal and -shm files the database file's permissions, so this covers them too.
    """
    fd = os.open(path, os.O_CREAT | os.O_RDWR, 0o600)
    os.close(fd)
    if sys.platform != "win32":
        os.chmod(path, 0o600)


def find_cache_files(data_dir: Path) -> list[Path]:
    """Every cache database in a data folder, oldest name first."""
    folder = cache_dir(data_dir)
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.name.endswith(CACHE_SUFFIX) and p.is_file())
