"""Migrations of one area, appended to the ordered list of `migrations.py` (imported there, in a fixed order)."""

from guside_cli.storage.migrations import migration, run_script


@migration
def m015_reported_periods(db) -> None:
    """Periods whose figures went upward (上报): what was reported, when and by whom, a reopening with its reason;
    each correction written into a closed period afterwards with its reason and the figures it moved; and the
    upstream system's id of a case (信访件编号), recorded by `reconcile --apply`, one case per id."""
    run_script(
        db,
        """
        CREATE TABLE periods (
            period TEXT PRIMARY KEY,
            start_on TEXT NOT NULL CHECK (start_on IS date(start_on, '+0 days')),
            end_on TEXT NOT NULL CHECK (end_on IS date(end_on, '+0 days')),
            figures TEXT NOT NULL CHECK (json_valid(figures)),
            cases TEXT NOT NULL,
            closed_at TEXT NOT NULL,
            closed_on TEXT CHECK (closed_on IS NULL OR closed_on IS date(closed_on, '+0 days')),
            closed_by TEXT NOT NULL,
            early TEXT,
            reopened_at TEXT,
            reopened_by TEXT,
            reopen_reason TEXT,
            CHECK (start_on <= end_on)
        );
        CREATE TABLE period_corrections (
            id INTEGER PRIMARY KEY,
            period TEXT NOT NULL REFERENCES periods(period),
            at TEXT NOT NULL,
            by_name TEXT NOT NULL,
            reason TEXT NOT NULL CHECK (length(reason) > 0),
            changes TEXT NOT NULL CHECK (json_valid(changes)),
            cases TEXT
        );
        CREATE INDEX period_corrections_period ON period_corrections (period, id);
        ALTER TABLE petitions ADD COLUMN upstream_id TEXT CHECK (upstream_id IS NULL OR length(upstream_id) > 0);
        CREATE UNIQUE INDEX petitions_upstream ON petitions (upstream_id) WHERE upstream_id IS NOT NULL;
        """,
    )
