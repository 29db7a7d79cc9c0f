"""Writing files that others read (cron summaries, exports): through the one output module."""

from pathlib import Path


def atomic_write_text(
    path: Path, text: str, *, encoding: str = "utf-8", ledger: Path | None = None, public: bool = False
) -> None:
    """Atomically, 0600 unless public; see guside_cli.interchange.outfile (which commands call directly)."""
    from guside_cli.interchange.outfile import write_text

    write_text(path, text, ledger=ledger, public=public, encoding=encoding)
