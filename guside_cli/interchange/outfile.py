"""The one way a command writes a file (`--out`, `backup`): every path is checked before anything is written.

- `--out -` (or no --out) is stdout.
- Never the ledger, its -journal/-wal/-shm files, a folder, a FIFO or a device; never a read-only file.
- Atomic: a temp file in the target's folder, fsync, rename. A kill leaves only the temp file, named
  `.NAME.PID.XXXX.guside-tmp`, and the next write to the same folder removes those whose process is gone.
- `public=False` (the default: anything with personal data) -> mode 0600; `public=True` (公示 page, bulletins
  meant to be posted) -> 0644. Whatever the umask.
- A read-only folder or file, a full disk: one line naming the file and its disk, nothing left behind.
"""

import errno
import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from guside_cli.core.errors import GusideError, InputError
from guside_cli.core.text import shown
from guside_cli.messages import M

STDOUT = "-"
TEMP_SUFFIX = ".guside-tmp"
LEDGER_COMPANIONS = ("", "-journal", "-wal", "-shm")


def is_stdout(path: Path | str | None) -> bool:
    return path is None or str(path) == STDOUT


def target(path: Path | str, *, ledger: Path | None) -> Path:
    """The file `path` names, checked: raises InputError (one line) when it may not be written."""
    path = Path(path).expanduser()
    if ledger is not None and names_ledger(path, ledger):
        raise InputError(M("trust.out.is_ledger", path=shown(path)))
    try:
        info = path.stat()
    except FileNotFoundError:
        info = None
    except OSError as e:
        raise InputError(M("trust.out.cannot_write", path=shown(path), why=e.strerror or type(e).__name__)) from None
    if info is not None:
        if stat.S_ISDIR(info.st_mode):
            raise InputError(M("trust.out.is_folder", path=shown(path)))
        if not stat.S_ISREG(info.st_mode):
            raise InputError(M("trust.out.not_regular", path=shown(path)))
        if not os.access(path, os.W_OK):
            raise InputError(M("trust.out.read_only_file", path=shown(path)))
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise InputError(M("trust.out.no_folder", path=shown(path), folder=shown(folder)))
    if not os.access(folder, os.W_OK | os.X_OK):
        raise InputError(M("trust.out.read_only_folder", path=shown(path), folder=shown(folder)))
    return path


def names_ledger(path: Path, ledger: Path) -> bool:
    """Whether `path` is the ledger or one of SQLite's files beside it (by name, by link, by inode)."""
    ledger = Path(ledger).expanduser()
    try:
        if path.exists() and ledger.exists() and os.path.samefile(path, ledger):
            return True
    except OSError:
        pass
    real, real_ledger = os.path.realpath(path), os.path.realpath(ledger)
    if any(real == real_ledger + suffix for suffix in LEDGER_COMPANIONS):
        return True
    # a link or another spelling of the folder: compare the folder by inode, the name by text
    try:
        same_folder = os.path.samefile(os.path.dirname(real) or ".", os.path.dirname(real_ledger) or ".")
    except OSError:
        same_folder = False
    return same_folder and any(os.path.basename(real) == ledger.name + s for s in LEDGER_COMPANIONS)


def sweep(folder: Path) -> int:
    """Remove temp files left by a killed write in `folder` (their process is gone). Returns how many."""
    removed = 0
    try:
        names = os.listdir(folder)
    except OSError:
        return 0
    from guside_cli.storage.filesystems import alive as _alive

    for name in names:
        if not (name.startswith(".") and name.endswith(TEMP_SUFFIX)):
            continue
        parts = name[: -len(TEMP_SUFFIX)].rsplit(".", 2)
        if len(parts) != 3 or not parts[1].isdigit() or _alive(int(parts[1])):
            continue
        try:
            (folder / name).unlink()
            removed += 1
        except OSError:
            pass
    return removed


@contextmanager
def temp_beside(path: Path | str, *, ledger: Path | None, public: bool = False) -> Iterator[Path]:
    """A temp file's path beside the target, renamed onto it when the block ends without error; removed
    otherwise. For writers that want a path (SQLite's backup) rather than a stream."""
    final = target(path, ledger=ledger)
    folder = final.parent if str(final.parent) else Path(".")
    sweep(folder)
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{final.name}.{os.getpid()}.", suffix=TEMP_SUFFIX, dir=folder)
    except OSError as e:
        raise _os_error(e, final) from None
    try:
        os.fchmod(fd, 0o644 if public else 0o600)
        os.close(fd)
        yield Path(temp)
        os.chmod(temp, 0o644 if public else 0o600)
        os.replace(temp, final)
    except OSError as e:
        Path(temp).unlink(missing_ok=True)
        raise _os_error(e, final) from None
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


@contextmanager
def open_out(
    path: Path | str | None,
    *,
    ledger: Path | None,
    public: bool = False,
    binary: bool = False,
    encoding: str = "utf-8",
    stdout: IO[Any] | None = None,
) -> Iterator[IO[Any]]:
    """A stream to write: stdout for None or '-', else the file, which appears only when complete."""
    if is_stdout(path):
        import sys

        yield stdout or (sys.stdout.buffer if binary else sys.stdout)
        return
    with (
        temp_beside(path, ledger=ledger, public=public) as temp,
        open(temp, "wb") if binary else open(temp, "w", encoding=encoding, newline="") as f,
    ):
        yield f
        f.flush()
        os.fsync(f.fileno())


def write_text(
    path: Path | str | None, text: str, *, ledger: Path | None, public: bool = False, encoding: str = "utf-8"
) -> bool:
    """Write `text` to stdout (None or '-'; returns False) or atomically to the file (returns True)."""
    if is_stdout(path):
        import typer

        typer.echo(text, nl=False)
        return False
    with open_out(path, ledger=ledger, public=public, encoding=encoding) as f:
        f.write(text)
    return True


def _os_error(e: OSError, path: Path) -> GusideError:
    if e.errno == errno.ENOSPC or e.errno == errno.EDQUOT:
        return GusideError(M("trust.out.disk_full", path=shown(path), disk=shown(mount_point(path))))
    if e.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return InputError(M("trust.out.read_only_folder", path=shown(path), folder=shown(path.parent)))
    return GusideError(M("trust.out.cannot_write", path=shown(path), why=e.strerror or type(e).__name__))


def mount_point(path: Path) -> str:
    """The mount point of the disk holding `path` (its folder when the file does not exist yet)."""
    current = os.path.realpath(path if path.exists() else (path.parent if str(path.parent) else "."))
    while not os.path.ismount(current):
        parent = os.path.dirname(current)
        if parent == current:
            break
        current = parent
    return current
