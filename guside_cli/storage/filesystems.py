"""Where a ledger may live: SQLite's file locking is not reliable on network file systems (NFS, SMB/CIFS…),
so two desks writing through one could corrupt the ledger. guside refuses to write there."""

import os
from pathlib import Path

NETWORK_FILESYSTEMS = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb",
        "smb3",
        "smbfs",
        "afs",
        "9p",
        "ncpfs",
        "glusterfs",
        "ceph",
        "lustre",
        "gpfs",
        "fuse.sshfs",
        "fuse.davfs",
        "davfs",
        "fuse.glusterfs",
        "fuse.cephfs",
        "fuse.s3fs",
        "fuse.rclone",
    }
)
MOUNTS = Path("/proc/self/mounts")


def _unescape(field: str) -> str:
    # /proc/mounts writes spaces and other odd characters as octal escapes, e.g. \040
    return field.encode().decode("unicode_escape") if "\\" in field else field


def filesystem_type(path: Path, mounts: str | None = None) -> str | None:
    """The type of the file system holding `path` (Linux), or None where it cannot be told."""
    if mounts is None:
        try:
            mounts = MOUNTS.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
    target = os.path.realpath(path if path.exists() else path.parent)
    best, kind = "", None
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = _unescape(fields[1])
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, kind = point, fields[2]
    return kind


def network_filesystem(path: Path) -> str | None:
    """The network file system type holding `path`, or None. GUSIDE_ALLOW_NETWORK_FS=1 skips the check
    (at your own risk: one desk only)."""
    if os.environ.get("GUSIDE_ALLOW_NETWORK_FS") == "1":
        return None
    kind = filesystem_type(path)
    return kind if kind in NETWORK_FILESYSTEMS else None


def alive(pid: int) -> bool:
    """Whether process `pid` still runs: a temp file's, a half-built ledger's or a web snapshot's owner (a file
    whose owner is gone is a leftover of a killed command, swept by the next one)."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, ValueError):
        return True
    return True


def private_temp_folder(kind: str) -> Path:
    """A new 0700 folder in the temp folder, named `guside-KIND-PID-XXXX`, after sweeping those of the same kind
    whose process is gone (a killed command's dry-run ledger holds the rows it had read)."""
    import tempfile

    sweep_private_temp(kind)
    return Path(tempfile.mkdtemp(prefix=f"guside-{kind}-{os.getpid()}-"))


def sweep_private_temp(kind: str) -> None:
    """Remove the `guside-KIND-PID-…` folders whose process is gone (this user's only)."""
    import shutil
    import tempfile

    base = Path(tempfile.gettempdir())
    prefix = f"guside-{kind}-"
    try:
        names = os.listdir(base)
    except OSError:
        names = []
    for name in names:
        pid = name[len(prefix) :].split("-", 1)[0]
        if name.startswith(prefix) and pid.isdigit() and not alive(int(pid)):
            folder = base / name
            if folder.is_dir() and not folder.is_symlink() and folder.lstat().st_uid == os.getuid():
                shutil.rmtree(folder, ignore_errors=True)
