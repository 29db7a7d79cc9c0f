"""Migrations of one area, appended to the ordered list of `migrations.py` (imported there, in a fixed order)."""

from guside_cli.storage.migrations import migration, run_script

_DATE = "{0} IS date({0}, '+0 days')"


@migration
def m010_campaign_calendar(db) -> None:
    # village targets (set by the office, never assumed), the campaign's phases, the villages' written
    # summaries, the monthly reception day (环境信访日), 约谈 held, and cases marked for public exposure
    run_script(
        db,
        f"""
        CREATE TABLE village_targets (
            year INTEGER NOT NULL,
            village TEXT NOT NULL,
            total_pct TEXT NOT NULL CHECK (CAST(total_pct AS REAL) BETWEEN 0 AND 100),
            escalated_pct TEXT NOT NULL CHECK (CAST(escalated_pct AS REAL) BETWEEN 0 AND 100),
            PRIMARY KEY (year, village)
        );
        CREATE TABLE campaign_phases (
            year INTEGER NOT NULL,
            code TEXT NOT NULL CHECK (code = 'mobilise' OR code = 'survey' OR code = 'resolve' OR code = 'review'),
            start_on TEXT NOT NULL CHECK ({_DATE.format("start_on")}),
            end_on TEXT NOT NULL CHECK ({_DATE.format("end_on")}),
            CHECK (start_on <= end_on),
            PRIMARY KEY (year, code)
        );
        CREATE TABLE campaign_reports (
            year INTEGER NOT NULL,
            village TEXT NOT NULL,
            on_date TEXT NOT NULL CHECK ({_DATE.format("on_date")}),
            note TEXT,
            created_at TEXT NOT NULL,
            PRIMARY KEY (year, village)
        );
        CREATE TABLE receptions (
            id INTEGER PRIMARY KEY,
            on_date TEXT NOT NULL CHECK ({_DATE.format("on_date")}),
            leader TEXT NOT NULL,
            village TEXT,
            note TEXT,
            created_at TEXT NOT NULL
        );
        CREATE INDEX receptions_on ON receptions (on_date);
        CREATE TABLE interviews (
            id INTEGER PRIMARY KEY,
            village TEXT NOT NULL,
            on_date TEXT NOT NULL CHECK ({_DATE.format("on_date")}),
            by_name TEXT NOT NULL,
            note TEXT,
            created_at TEXT NOT NULL
        );
        CREATE INDEX interviews_village ON interviews (village, on_date);
        CREATE TABLE interview_due (
            bulletin_on TEXT NOT NULL CHECK ({_DATE.format("bulletin_on")}),
            village TEXT NOT NULL,
            PRIMARY KEY (bulletin_on, village)
        );
        CREATE TABLE exposures (
            petition_id INTEGER PRIMARY KEY REFERENCES petitions(id),
            scheduled_on TEXT NOT NULL CHECK ({_DATE.format("scheduled_on")}),
            marked_at TEXT NOT NULL,
            published_on TEXT
        );
        CREATE INDEX petitions_key_open ON petitions (village, due_on) WHERE is_key = 1 AND status = 'open';
        """,
    )


@migration
def m011_reception_petitions(db) -> None:
    # a petition taken at a reception day (环境信访日) carries its date (`add --reception`), so `reception list`
    # counts what was taken there, not every visit of that day. A column, not the source 领导接访: the source
    # says who handed a case down (it decides 包案 and escalation); a reception is where a visit was taken.
    # Existing cases are left unmarked: the sealed history vouches for every row, and a guess is not a record.
    run_script(
        db,
        f"""
        ALTER TABLE petitions ADD COLUMN reception_on TEXT
            CHECK (reception_on IS NULL OR {_DATE.format("reception_on")});
        CREATE INDEX petitions_reception ON petitions (reception_on) WHERE reception_on IS NOT NULL;
        """,
    )
