"""Migrations of one area, appended to the ordered list of `migrations.py` (imported there, in a fixed order)."""

from guside_cli.storage.migrations import migration, run_script  # noqa: F401
