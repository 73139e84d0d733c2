"""The local cache on a full disk and on a read-only disk: a clear error, nothing lost once it is fixed.

As root the disk is real: a 4 MiB tmpfs filled to the last byte (ENOSPC), and a read-only bind mount
of the cache's folder. Otherwise the same situations are made with ``RLIMIT_FSIZE`` (writes past the
limit fail with EFBIG) and with a folder and file without write permission.

Either way the desk must say so in a sentence (a ``CacheError``), keep everything it said was saved,
and never take a sound file it cannot open for a damaged one.
"""

from __future__ import annotations

import contextlib
import os
import resource
import signal
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

from advisor_desk.cache.errors import CacheError
from advisor_desk.cache.store import LocalCache
from advisor_desk.domain.model import User

from test_answer_fuzz import VALID  # isort: skip

ME = {
    "user": {"id": "u1", "username": "advisor", "display_name": "A", "role": "advisor", "team": "north"},
    "authority": {
        "currency": "EUR",
        "daily_budget_cents": 10000,
        "remaining_today_cents": 10000,
        "per_customer_30d_cents": 8000,
        "gestures": [{"code": "voucher", "max_per_decision_cents": 3000}],
    },
}
ROOT = os.geteuid() == 0


def _mount(*args: str) -> bool:
    return subprocess.run(["mount", *args], capture_output=True, check=False).returncode == 0


@contextlib.contextmanager
def _small_disk(tmp_path: Path) -> Iterator[tuple[Path, bool]]:
    """A folder on a 4 MiB tmpfs when we may mount (True), else a plain folder (False)."""
    folder = tmp_path / "disk"
    folder.mkdir()
    mounted = ROOT and _mount("-t", "tmpfs", "-o", "size=4m,mode=0700", "tmpfs", str(folder))
    try:
        yield folder, mounted
    finally:
        if mounted:
            subprocess.run(["umount", "-l", str(folder)], check=True)


class _Full:
    """Fill the disk (tmpfs) or cap file sizes at what exists (RLIMIT_FSIZE); ``free()`` undoes it."""

    def __init__(self, folder: Path, mounted: bool) -> None:
        self.folder, self.mounted = folder, mounted
        self.limits = resource.getrlimit(resource.RLIMIT_FSIZE)
        self.handler = signal.getsignal(signal.SIGXFSZ)

    def fill(self) -> None:
        if self.mounted:
            fd = os.open(self.folder / "filler", os.O_WRONLY | os.O_CREAT, 0o600)
            try:
                for block in (65536, 512, 1):  # down to the last byte
                    with contextlib.suppress(OSError):
                        while True:
                            os.write(fd, b"\0" * block)
            finally:
                os.close(fd)
            return
        largest = max(p.stat().st_size for p in self.folder.iterdir())
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG instead of death
        resource.setrlimit(resource.RLIMIT_FSIZE, (largest, self.limits[1]))

    def free(self) -> None:
        if self.mounted:
            (self.folder / "filler").unlink()
            return
        resource.setrlimit(resource.RLIMIT_FSIZE, self.limits)
        signal.signal(signal.SIGXFSZ, self.handler)


def _cache_with_pending_notes(path: Path, count: int = 3) -> tuple[LocalCache, User, list[str]]:
    cache = LocalCache.open(path)
    cache.apply_page(VALID, "4")
    cache.save_me(ME)
    user = cache.current_user()
    assert user is not None
    notes = [cache.add_note("fz-c1", "fz-case", f"kept {n}", user).id for n in range(count)]
    return cache, user, notes


def _outbox(path: Path) -> list[tuple[str, str]]:
    """(interaction id, status) of each outbox entry (notes here), in order."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        query = "SELECT json_extract(payload, '$.interaction_id'), status FROM outbox ORDER BY seq"
        return [tuple(r) for r in conn.execute(query)]
    finally:
        conn.close()


def _write_until_refused(cache: LocalCache, user: User) -> tuple[Exception, list[str]]:
    """Write notes until one is refused: (the error, the ids of those written before it)."""
    written = []
    for n in range(400):
        try:
            written.append(cache.add_note("fz-c1", "fz-case", f"while full {n} " + "z" * 20_000, user).id)
        except Exception as exc:  # which type is the point of the tests below
            return exc, written
    raise AssertionError("400 notes of 20 kB fitted on a full disk")


def test_a_full_disk_refuses_the_action_and_loses_nothing_once_space_returns(tmp_path: Path) -> None:
    with _small_disk(tmp_path) as (folder, mounted):
        path = folder / "cache.sqlite3"
        cache, user, notes = _cache_with_pending_notes(path)
        before = _outbox(path)
        full = _Full(folder, mounted)
        full.fill()
        try:
            _error, written = _write_until_refused(cache, user)
        finally:
            full.free()
        # Space is back: everything saved before is there, the desk writes again, the file is sound.
        after = cache.add_note("fz-c1", "fz-case", "after space returned", user)
        assert cache.integrity_check() == "ok"
        cache.close()
        reopened = LocalCache.open(path)
        try:
            assert reopened.recovery is None or reopened.recovery.problem is None
            # Every action the desk said was saved is there, in order; the refused one is not.
            assert [n for n, _ in _outbox(path)] == [n for n, _ in before] + written + [after.id]
            assert {n for n, _ in before} >= set(notes)
            assert reopened.integrity_check() == "ok"
        finally:
            reopened.close()


def test_a_full_disk_is_reported_as_a_cache_error_with_a_sentence(tmp_path: Path) -> None:
    with _small_disk(tmp_path) as (folder, mounted):
        path = folder / "cache.sqlite3"
        cache, user, _notes = _cache_with_pending_notes(path)
        full = _Full(folder, mounted)
        full.fill()
        try:
            error, _written = _write_until_refused(cache, user)
        finally:
            full.free()
            cache.close()
        assert isinstance(error, CacheError), repr(error)
        assert "disk" in str(error).lower() or "space" in str(error).lower()
        assert "nothing was saved" in str(error).lower()


@contextlib.contextmanager
def _read_only(folder: Path) -> Iterator[Path]:
    """The folder seen read-only: a read-only bind mount (root) or no write permission (others)."""
    if ROOT:
        view = folder.parent / "read-only-view"
        view.mkdir()
        assert _mount("--bind", str(folder), str(view))
        try:
            assert _mount("-o", "remount,bind,ro", str(view))
            yield view
        finally:
            subprocess.run(["umount", "-l", str(view)], check=True)
        return
    modes = {p: p.stat().st_mode for p in [folder, *folder.iterdir()]}
    for p in modes:
        p.chmod(0o555 if p.is_dir() else 0o444)
    try:
        yield folder
    finally:
        for p, mode in modes.items():
            p.chmod(mode)


def _open_read_only(tmp_path: Path) -> tuple[Path, list[tuple[str, str]], BaseException | None, list[str]]:
    folder = tmp_path / "data"
    folder.mkdir()
    cache, _user, _notes = _cache_with_pending_notes(folder / "cache.sqlite3")
    cache.close()
    before = _outbox(folder / "cache.sqlite3")
    error: BaseException | None = None
    with _read_only(folder) as view:
        try:
            LocalCache.open(view / "cache.sqlite3").close()
        except BaseException as exc:  # which type is checked by the callers
            error = exc
    return folder, before, error, sorted(p.name for p in folder.iterdir())


def test_a_read_only_disk_keeps_the_cache_and_its_outbox(tmp_path: Path) -> None:
    folder, before, error, files = _open_read_only(tmp_path)
    assert error is not None, "a cache opened on a read-only disk must say it cannot work there"
    assert not [f for f in files if ".corrupt-" in f], f"a sound cache was set aside as corrupt: {files}"
    reopened = LocalCache.open(folder / "cache.sqlite3")  # writable again: all there
    try:
        assert reopened.recovery is None or reopened.recovery.problem is None
        assert _outbox(folder / "cache.sqlite3") == before
        assert reopened.integrity_check() == "ok"
    finally:
        reopened.close()


def test_a_read_only_disk_is_reported_as_a_cache_error_not_as_corruption(tmp_path: Path) -> None:
    _folder, _before, error, _files = _open_read_only(tmp_path)
    assert isinstance(error, CacheError), repr(error)
    assert "corrupt" not in str(error).lower()
    assert "read-only" in str(error).lower()
