"""Opening a ledger: file checks, pragmas, schema version, migrations. Every connection has foreign keys
on and a busy timeout; every write starts with BEGIN IMMEDIATE (see `Ledger.write`)."""

import contextlib
import csv
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from guside_cli.core.errors import InputError, LedgerError
from guside_cli.core.text import shown
from guside_cli.core.villages import make_village
from guside_cli.messages import M
from guside_cli.storage.migrations import LATEST_VERSION, apply_pending
from guside_cli.storage.tables import APPLICATION_ID

# How long a desk waits for another desk's write before "ledger busy". Overridable for tests and slow disks.
BUSY_TIMEOUT_S = 10.0


def busy_timeout() -> float:
    """GUSIDE_BUSY_TIMEOUT in seconds (0 to 3600), else BUSY_TIMEOUT_S; anything else is a one-line error."""
    import math

    text = os.environ.get("GUSIDE_BUSY_TIMEOUT")
    if text is None or not text.strip():
        return BUSY_TIMEOUT_S
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not 0 <= value <= 3600:
        raise InputError(M("trust.error.busy_timeout", value=shown(text[:40])))
    return value


# WAL only where the linked SQLite has the fix for the WAL-reset corruption bug (3.51.3); else the
# rollback journal, which is slower for concurrent readers but safe.
WAL_MIN_SQLITE = (3, 51, 3)
SQLITE_MAGIC = b"SQLite format 3\x00"


def refuse_network_filesystem(path: Path) -> None:
    from guside_cli.storage.filesystems import network_filesystem

    kind = network_filesystem(path)
    if kind:
        raise LedgerError(M("ledger.network_fs", path=shown(path), kind=kind))


def create_file(path: Path) -> None:
    """Create an empty ledger file readable by its owner only (it holds personal data), whatever the umask."""
    if not path.parent.exists():
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.chmod(path.parent, 0o700)  # ~/.config/guside: the ledger's folder is the owner's only
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return  # another desk created it a moment ago
    except OSError as e:  # a folder that cannot be written, a name too long
        raise LedgerError(M("ledger.cannot_create", path=shown(path), why=e.strerror or type(e).__name__)) from None
    os.close(fd)
    os.chmod(path, 0o600)


@contextlib.contextmanager
def built_aside(path: Path) -> Iterator[Path]:
    """A new ledger built at a private name beside `path` (an import into a path where there is no ledger yet)
    and put in place only when the command succeeds — by a hard link, which fails rather than replace a ledger
    another desk created meanwhile. On any failure the private file goes and nothing is left at `path`. No desk
    sees a half-built ledger, and nothing another desk made is ever removed (removing a ledger found empty after
    a failure could: another desk may have it open, or may have just written to it)."""
    sweep_building(path)
    aside = path.parent / f".{path.name}.{os.getpid()}-{os.urandom(4).hex()}{BUILDING}"
    missing = [folder for folder in (path.parent, *path.parent.parents) if not folder.exists()]  # made for it
    done = False
    try:
        yield aside
        try:
            os.link(aside, path)
        except FileExistsError:
            raise LedgerError(M("import.ledger_appeared", path=shown(path))) from None
        except OSError:  # a file system without hard links (FAT): a rename, after one last look
            if path.exists() or path.is_symlink():
                raise LedgerError(M("import.ledger_appeared", path=shown(path))) from None
            os.rename(aside, path)
        done = True
    finally:
        for suffix in ("", "-journal", "-wal", "-shm"):
            with contextlib.suppress(FileNotFoundError):
                os.remove(f"{aside}{suffix}")
        for folder in missing if not done else []:  # the folders made for a ledger that did not come, if empty
            with contextlib.suppress(OSError):
                folder.rmdir()


BUILDING = ".building"


def sweep_building(path: Path) -> int:
    """Remove the half-built ledgers (and their journals) a killed import left beside `path`: named
    `.NAME.PID-XXXX.building`, they hold the names and phones read so far. Only those whose process is gone
    (a running import's own is kept). Returns how many files went."""
    import re

    from guside_cli.storage.filesystems import alive

    pattern = re.compile(rf"\.{re.escape(path.name)}\.([0-9]+)-[0-9a-f]+{BUILDING}(?:-journal|-wal|-shm)?")
    removed = 0
    try:
        names = os.listdir(path.parent)
    except OSError:
        return 0
    for name in names:
        match = pattern.fullmatch(name)
        if match is None or alive(int(match.group(1))):
            continue
        with contextlib.suppress(OSError):
            os.remove(path.parent / name)
            removed += 1
    return removed


def refuse_missing(path: Path) -> None:
    if not path.exists():
        raise LedgerError(M("ledger.missing", path=shown(path)))


def check_file(path: Path) -> None:
    """A folder, FIFO or device is refused before it is opened (opening a FIFO would hang; /dev/null would get
    a -journal beside it); so is a file that is not SQLite."""
    import stat

    mode = path.stat().st_mode
    if stat.S_ISDIR(mode):
        raise LedgerError(M("ledger.is_folder", path=shown(path)))
    if not stat.S_ISREG(mode):
        raise LedgerError(M("trust.error.not_a_file", path=shown(path)))
    _refuse_foreign_file(path)


def connect(path: Path, *, create: bool) -> sqlite3.Connection:
    timeout = busy_timeout()  # a bad GUSIDE_BUSY_TIMEOUT is refused before any file is made
    if path.is_symlink() and not path.exists():  # a link to nothing: not a place to make a new ledger
        raise LedgerError(M("ledger.dangling_link", path=shown(path), target=shown(Path(os.readlink(path)))))
    if create:  # a writing command sweeps what a killed import left beside its ledger
        sweep_building(path)
    if not path.exists():
        if not create:
            refuse_missing(path)
        refuse_network_filesystem(path)
        create_file(path)
    check_file(path)
    if not create and path.stat().st_size == 0:  # a lost or truncated ledger must not come back as an empty one
        raise LedgerError(M("trust.error.empty_ledger", path=shown(path)))
    conn = sqlite3.connect(path, timeout=timeout)
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        if sqlite3.sqlite_version_info >= WAL_MIN_SQLITE:
            conn.execute("PRAGMA journal_mode = WAL")
        ensure_schema(conn, path)
    except BaseException:
        conn.close()
        raise
    return conn


def _refuse_foreign_file(path: Path) -> None:
    with open(path, "rb") as f:
        head = f.read(len(SQLITE_MAGIC))
    if head and head != SQLITE_MAGIC:
        raise LedgerError(M("ledger.not_sqlite", path=shown(path)))


def schema_state(conn: sqlite3.Connection) -> tuple[int, int, int]:
    """(application_id, user_version, number of tables)."""
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    tables = conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0]
    return app_id, version, tables


def ensure_schema(conn: sqlite3.Connection, path: Path, *, stop_before: str | None = None) -> int:
    """Check the file is a guside ledger this version understands, and bring its schema up to date."""
    app_id, version, tables = schema_state(conn)
    if app_id == APPLICATION_ID and version == LATEST_VERSION and stop_before is None:
        return version
    _check_compatible(path, app_id, version, tables)
    # a migration may rebuild a table (m013), which SQLite's documented procedure does with foreign keys off;
    # they cannot change inside a transaction, and every migration that rebuilds checks them before the commit
    conn.execute("PRAGMA foreign_keys = OFF")
    try:
        return _migrate(conn, path, stop_before, version)
    finally:
        conn.execute("PRAGMA foreign_keys = ON")


def _migrate(conn: sqlite3.Connection, path: Path, stop_before: str | None, version: int) -> int:
    from guside_cli.storage import writes

    conn.execute("BEGIN IMMEDIATE")
    try:
        app_id, version, tables = schema_state(conn)  # another desk may have migrated while we waited
        _check_compatible(path, app_id, version, tables)
        new_ledger = tables == 0
        reached = apply_pending(conn, stop_before=stop_before)
        conn.execute(f"PRAGMA user_version = {int(reached)}")
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        if new_ledger:
            seed_villages(conn)
        if stop_before is None:  # a ledger stopped at an older version (tests make them) is as that version left it
            _seal_upgrade(conn, path, version, reached)
        conn.execute("COMMIT")
        writes.ended(saved=True)
        return reached
    except LedgerError:
        conn.execute("ROLLBACK")
        writes.ended(saved=False)
        raise
    except BaseException as e:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        writes.ended(saved=False)
        if not isinstance(e, Exception):  # Ctrl-C or SIGTERM: rolled back, and said so by the command's guard
            raise
        raise LedgerError(
            M(
                "ledger.upgrade_failed",
                path=shown(path),
                version=version,
                latest=LATEST_VERSION,
                kind=type(e).__name__,
                why=str(e),
            )
        ) from e


def _seal_upgrade(conn: sqlite3.Connection, path: Path, before: int, reached: int) -> None:
    """An upgrade (or a new ledger) is written in the history like any write: one row saying which versions,
    then the seals of every table and of the schema as they now are."""
    from datetime import datetime

    from guside_cli.core.dates import CHINA, iso_timestamp
    from guside_cli.storage.ledger import Ledger
    from guside_cli.storage.seal import seal_everything

    ledger = Ledger(conn, path)
    ledger.actor, ledger.at = "guside", iso_timestamp(datetime.now(CHINA))
    ledger.begin_history()
    ledger.log(None, "schema.upgrade", old=str(before), new=str(reached))
    seal_everything(ledger)


def _check_compatible(path: Path, app_id: int, version: int, tables: int) -> None:
    if app_id == APPLICATION_ID:
        if version > LATEST_VERSION:
            raise LedgerError(M("ledger.too_new", path=shown(path), version=version, latest=LATEST_VERSION))
        return
    if app_id != 0 or tables:
        raise LedgerError(M("ledger.not_guside", path=shown(path)))


def seed_villages(conn: sqlite3.Connection) -> None:
    """A new ledger starts with the town's list of villages and communities (editable later)."""
    from datetime import datetime

    from guside_cli.core.dates import CHINA, iso_timestamp
    from guside_cli.resources import default_villages_file

    created_at = iso_timestamp(datetime.now(CHINA))
    with open(default_villages_file(), encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            village = make_village(row["name"])
            conn.execute(
                "INSERT INTO villages (name, short, kind, created_at) VALUES (?, ?, ?, ?)",
                (village.name, village.short, village.kind, created_at),
            )
