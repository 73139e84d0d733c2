"""Whether the operating system encrypts the disk a file lives on (LUKS/dm-crypt, FileVault).

The cache's encryption option is off by default where the disk already is encrypted, and on where it
is known not to be (:mod:`advisor_desk.cache.encryption`). This module only tells which:

- **Linux**: the block device holding the file (``st_dev``) is looked up in ``/sys/dev/block``; it is
  encrypted when it, or a device it is built on (LVM over LUKS, a partition of a mapped disk), is a
  device-mapper target whose uuid starts with ``CRYPT-`` (what ``cryptsetup`` creates). A file on a
  device sysfs does not know (tmpfs, overlay, a network share, ecryptfs) is *unknown*.
- **macOS**: ``fdesetup isactive`` (status 0: FileVault is on, 1: off).
- **Windows**: unknown — BitLocker's status needs administrator rights to read reliably; a
  deployment turns the option on or off explicitly (``advisor-desk.toml`` or the environment).

``True`` encrypted, ``False`` known not to be, ``None`` cannot tell. Never raises.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SYS_BLOCK = Path("/sys/dev/block")
_MAX_DEPTH = 8  # device stacks are shallow; a loop in a broken sysfs must not hang the desk


def disk_encryption(
    path: Path | str, *, sys_block: Path = SYS_BLOCK, platform: str = sys.platform
) -> bool | None:
    """Whether the disk holding ``path`` (or, for a file not made yet, its nearest existing folder)
    is encrypted by the operating system."""
    try:
        if platform.startswith("linux"):
            return _linux(_existing(Path(path)), sys_block)
        if platform == "darwin":
            return _filevault()
    except (OSError, ValueError):
        return None
    return None


def describe(state: bool | None) -> str:
    return {True: "encrypted by the system", False: "not encrypted by the system", None: "unknown"}[state]


def _existing(path: Path) -> Path:
    path = path.absolute()
    while not path.exists() and path.parent != path:
        path = path.parent
    return path


def _linux(path: Path, sys_block: Path) -> bool | None:
    device = os.stat(path).st_dev
    node = sys_block / f"{os.major(device)}:{os.minor(device)}"
    if os.major(device) == 0 or not node.exists():
        return None  # tmpfs, overlay, btrfs subvolume, network or stacked file systems
    return _crypt_below(node.resolve(), 0)


def _crypt_below(node: Path, depth: int) -> bool:
    if depth > _MAX_DEPTH:
        return False
    uuid = node / "dm" / "uuid"
    if uuid.exists() and uuid.read_text(encoding="ascii", errors="replace").startswith("CRYPT-"):
        return True
    below = [s.resolve() for s in (node / "slaves").iterdir()] if (node / "slaves").is_dir() else []
    if (node / "partition").exists():
        below.append(node.parent)  # a partition: what holds the whole disk
    return any(_crypt_below(b, depth + 1) for b in below)


def _filevault() -> bool | None:
    try:
        done = subprocess.run(  # noqa: S603 - a fixed system command, no shell
            ["/usr/bin/fdesetup", "isactive"], capture_output=True, timeout=5, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return {0: True, 1: False}.get(done.returncode)
