"""Migrations of one area, appended to the ordered list of `migrations.py` (imported there, in a fixed order)."""

from guside_cli.storage.migrations import migration, run_script


@migration
def m008_key_cases(db) -> None:
    # 重点 (四(三)): the office marks a 交办 case, or a 重点重复信访 matter, as key; the 包案 rule and the veto's
    # second trigger read this mark
    run_script(
        db, "ALTER TABLE petitions ADD COLUMN is_key INTEGER NOT NULL DEFAULT 0 CHECK (is_key = 0 OR is_key = 1);"
    )
