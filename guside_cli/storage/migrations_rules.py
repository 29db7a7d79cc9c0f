"""Migrations of one area, appended to the ordered list of `migrations.py` (imported there, in a fixed order)."""

from guside_cli.storage.migrations import migration, run_script

# Set when m016 kept an existing ledger's calendar: the next command says so once (services.ledger.open_ledger).
KEPT_CALENDAR: list[str] = []


@migration
def m016_rules_as_the_plan_says(db) -> None:
    """The plan's and the statute's rules read line by line (issue 25):

    - two key marks: `is_key` is 重点交办 (a handed-down case the office marks key: a town leader holds it,
      四(三)); `key_repeat` is 重点重复信访 (a repeat matter the office marks key: the village's head handles it,
      三(三); the veto's second trigger, 四(七)). Existing marks: a mark set by `key-cases mark` (history action
      `key`) or on a case that is not handed down was (also) the repeat mark; `is_key` is left as found, so a
      handed-down case marked before keeps its town leader;
    - `served_on`: the day the petitioner received the written opinion (送达, 条例 第三十五条), from which the
      复查 window runs; `rehandle_from`: the 复查/复核 decision that revoked the opinion (撤销重办), from which
      a new handling clock runs;
    - `extensions`: each approved extension (several, 30 days in all, 条例 第三十三条) with its reason, approver
      and the day the petitioner was told; an existing one is copied as its first row;
    - `leaders.village`: the village a village cadre serves (属地班子包案, 四(五));
    - the deadline calendar: new ledgers count on the official calendar; an existing ledger keeps the calendar
      it counted on (plain, unless set), and is told once.
    """
    conn = db.conn
    handed = "source IN ('central_inspection', 'provincial_inspection', 'campaign_263', 'superior')"
    run_script(
        db,
        f"""
        ALTER TABLE petitions ADD COLUMN key_repeat INTEGER NOT NULL DEFAULT 0
            CHECK (key_repeat = 0 OR key_repeat = 1);
        ALTER TABLE petitions ADD COLUMN served_on TEXT
            CHECK (served_on IS NULL OR served_on IS date(served_on, '+0 days'));
        ALTER TABLE petitions ADD COLUMN rehandle_from TEXT
            CHECK (rehandle_from IS NULL OR rehandle_from IS date(rehandle_from, '+0 days'));
        ALTER TABLE leaders ADD COLUMN village TEXT REFERENCES villages(name) ON UPDATE CASCADE;
        CREATE TABLE extensions (
            id INTEGER PRIMARY KEY,
            petition_id INTEGER NOT NULL REFERENCES petitions(id),
            days INTEGER NOT NULL CHECK (days BETWEEN 1 AND 30),
            reason TEXT,
            approved_by TEXT,
            approved_on TEXT CHECK (approved_on IS NULL OR approved_on IS date(approved_on, '+0 days')),
            told_on TEXT CHECK (told_on IS NULL OR told_on IS date(told_on, '+0 days')),
            created_at TEXT NOT NULL
        );
        CREATE INDEX extensions_petition ON extensions (petition_id);
        INSERT INTO extensions (petition_id, days, reason, approved_by, created_at)
            SELECT id, extension_days, extension_reason, extension_approved_by, created_at FROM petitions
            WHERE extension_days IS NOT NULL;
        UPDATE petitions SET key_repeat = 1 WHERE is_key = 1 AND (NOT ({handed}) OR id IN
            (SELECT petition_id FROM history WHERE action = 'key' AND petition_id IS NOT NULL));
        CREATE INDEX petitions_key_repeat ON petitions (village, received_on) WHERE key_repeat = 1;
        """,
    )
    # a new ledger has neither history nor villages yet while its migrations run (both come after them)
    existing = conn.execute("SELECT (SELECT count(*) FROM history) + (SELECT count(*) FROM villages)").fetchone()[0] > 0
    stored = conn.execute("SELECT value FROM settings WHERE key = 'deadline.calendar'").fetchone()
    if existing and stored is None:
        conn.execute("INSERT INTO settings (key, value) VALUES ('deadline.calendar', 'plain')")
        KEPT_CALENDAR.append("plain")
