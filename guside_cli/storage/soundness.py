"""Remembering that a ledger passed `PRAGMA quick_check`, so that reports do not read every page of an unchanged
file again.

What leaves the office (report, summary, bulletin, export, backup) is made only from a ledger whose every page
reads (`Ledger.sound`). That check reads the whole file: at a million cases it took longer than the report
itself (bench/README.md). A ledger that passed and has not changed since is not checked again: its state — size,
modification and change times, inode, of the file and of its journal or WAL — is kept in the user's cache
folder ($XDG_CACHE_HOME/guside, else ~/.cache/guside), one small file per ledger, never in the ledger or beside
it. Any write through SQLite, a copy over the file, `touch -r` (which sets the change time to now) or a
truncation gives another state, and the check runs again. Without a cache folder (cron under `env -i` has no
HOME) every run checks. `guside check` never uses this: it always reads every page.
"""

import contextlib
import hashlib
import os
from pathlib import Path

SIDES = ("", "-wal", "-journal")


def state(path: Path) -> str:
    """The ledger's state as the file system tells it, for it and the files SQLite keeps beside it."""
    parts = []
    for side in SIDES:
        try:
            st = os.stat(str(path) + side)
        except OSError:
            parts.append("-")
            continue
        parts.append(f"{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}:{st.st_ino}:{st.st_dev}")
    return "|".join(parts)


def _entry(path: Path) -> Path | None:
    base = os.environ.get("XDG_CACHE_HOME") or (
        os.path.join(os.environ["HOME"], ".cache") if "HOME" in os.environ else ""
    )
    if not base:
        return None
    key = hashlib.sha256(str(path.resolve()).encode("utf-8", "surrogateescape")).hexdigest()[:32]
    return Path(base) / "guside" / "sound" / key


LIMIT = 4096  # an entry is one short line; anything else there is not ours


def known_sound(path: Path, now: str) -> bool:
    """Whether the cache holds exactly this state. The entry is read only if it is a small regular file (not a
    link, a FIFO, a device: a cache folder is the user's to mess up, and a report must neither hang nor read
    without end)."""
    import stat

    entry = _entry(path)
    if entry is None:
        return False
    try:
        fd = os.open(entry, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return False
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > LIMIT:
            return False
        return os.read(fd, LIMIT + 1).decode("utf-8") == now
    except (OSError, UnicodeError):
        return False
    finally:
        os.close(fd)


def remember_sound(path: Path, now: str) -> None:
    """Keep the state that passed; a cache that cannot be written only means the next run checks again."""
    entry = _entry(path)
    if entry is None:
        return
    partial = entry.with_name(entry.name + f".{os.getpid()}")
    try:
        entry.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        partial.write_text(now, encoding="utf-8")
        os.chmod(partial, 0o600)
        os.replace(partial, entry)
    except OSError:
        with contextlib.suppress(OSError):
            partial.unlink()
