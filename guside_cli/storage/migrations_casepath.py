"""Migrations of one area, appended to the ordered list of `migrations.py` (imported there, in a fixed order)."""

from guside_cli.storage.migrations import migration, run_script


@migration
def m008_key_cases(db) -> None:
    # 重点 (四(三)): the office marks a 交办 case, or a 重点重复信访 matter, as key; the 包案 rule and the veto's
    # second trigger read this mark
    run_script(
        db, "ALTER TABLE petitions ADD COLUMN is_key INTEGER NOT NULL DEFAULT 0 CHECK (is_key = 0 OR is_key = 1);"
    )


@migration
def m009_case_path(db) -> None:
    """The statute's case path: a stage besides the status, 办结 apart from 销号, 复查 and 复核 with their clocks,
    who approved an extension, the stage a closed case had (reopen is a correction), and numbers a case had
    before its level crossed the numbering line.

    Existing cases: closed ones were 办结 and 销号 at once, so they become `struck_off` with 办结 on their closing
    date (a closed 不予受理 stays `not_accepted`); open ones with an acceptance notice `accepted`, others `received`.
    """
    stages = (
        "'received', 'accepted', 'not_accepted', 'not_accepted_again', 'concluded', 'review', 're_review', 'struck_off'"
    )
    conclusions = "'resolved', 'stopped', 'unfounded', 'transferred', 'interim'"
    decisions = "'upheld', 'changed', 'revoked'"

    def day(column: str) -> str:
        check = f"{column} IS NULL OR {column} IS date({column}, '+0 days')"
        return f"ALTER TABLE petitions ADD COLUMN {column} TEXT CHECK ({check});"

    def one_of(column: str, codes: str) -> str:
        return " OR ".join(f"{column} = {code.strip()}" for code in codes.split(","))

    run_script(
        db,
        f"""
        ALTER TABLE petitions ADD COLUMN stage TEXT NOT NULL DEFAULT 'received' CHECK ({one_of("stage", stages)});
        ALTER TABLE petitions ADD COLUMN not_accepted_reason TEXT;
        {day("concluded_on")}
        ALTER TABLE petitions ADD COLUMN conclusion TEXT CHECK ({one_of("conclusion", conclusions)});
        {day("review_requested_on")}
        {day("review_due_on")}
        {day("review_decided_on")}
        ALTER TABLE petitions ADD COLUMN review_outcome TEXT CHECK ({one_of("review_outcome", decisions)});
        {day("re_review_requested_on")}
        {day("re_review_due_on")}
        {day("re_review_decided_on")}
        ALTER TABLE petitions ADD COLUMN re_review_outcome TEXT CHECK ({one_of("re_review_outcome", decisions)});
        ALTER TABLE petitions ADD COLUMN extension_approved_by TEXT;
        ALTER TABLE petitions ADD COLUMN closed_from TEXT CHECK ({one_of("closed_from", stages)});
        UPDATE petitions SET
            stage = CASE
                WHEN status = 'closed' AND outcome = 'not_accepted' THEN 'not_accepted'
                WHEN status = 'closed' THEN 'struck_off'
                WHEN accepted_on IS NOT NULL
                    OR EXISTS (SELECT 1 FROM steps s WHERE s.petition_id = petitions.id AND s.kind = 'notify')
                    THEN 'accepted'
                ELSE 'received' END,
            closed_from = CASE WHEN status = 'closed' THEN
                CASE WHEN accepted_on IS NOT NULL THEN 'accepted' ELSE 'received' END END,
            concluded_on = CASE WHEN status = 'closed' AND outcome IS NOT 'not_accepted' THEN closed_on END,
            conclusion = CASE WHEN status = 'closed' AND outcome IS NOT 'not_accepted' THEN outcome END;
        CREATE TABLE former_numbers (
            number TEXT PRIMARY KEY,
            petition_id INTEGER NOT NULL REFERENCES petitions(id),
            changed_at TEXT NOT NULL
        );
        CREATE INDEX former_numbers_petition ON former_numbers (petition_id);
        -- every running clock of an open case, read from the partial index alone (see storage/lifecycle.py)
        DROP INDEX petitions_open_clocks;
        CREATE INDEX petitions_open_clocks ON petitions (due_on, notice_due_on, accepted_on, received_on, stage,
            review_due_on, review_decided_on, re_review_due_on, re_review_decided_on) WHERE status = 'open';
        CREATE INDEX petitions_stage ON petitions (stage, received_on);
        """,
    )
