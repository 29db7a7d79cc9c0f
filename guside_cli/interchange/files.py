"""Writing files that others read (cron summaries, exports): atomically, and private by default."""

import os
import tempfile
from pathlib import Path

from guside_cli.core.errors import GusideError


def atomic_write_text(path: Path, text: str, *, encoding: str = "utf-8", public: bool = False) -> None:
    """Write to a temp file in the same folder, fsync, then rename over `path`: a reader (or a crash) never
    sees a partial file under the final name. Created 0600: summaries and exports may hold personal data;
    `public` files (the 公示 list, an HTML bulletin) 0644, so a web server can serve them."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise GusideError(f"cannot write {path}: the folder {folder} does not exist")
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline="") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(temp, 0o644 if public else 0o600)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
