"""Rows <-> models. The only place that knows how a case is laid out in SQLite."""

import functools
import json
import sqlite3
from datetime import date, datetime

from guside_cli.core.enums import (
    Form,
    Level,
    Outcome,
    Pollution,
    Rank,
    ReviewOutcome,
    Satisfaction,
    Source,
    Stage,
    Status,
    StepKind,
)
from guside_cli.core.model import Extension, HistoryEntry, Leader, Petition, Step

SELECT_CASES = """
SELECT p.*, r.number AS repeat_number, l.name AS leader_name, l.title AS leader_title, l.rank AS leader_rank,
    l.village AS leader_village,
    (SELECT count(*) FROM petitions x WHERE x.repeat_of = p.id) AS came_back,
    (SELECT group_concat(f.number, ' ') FROM former_numbers f WHERE f.petition_id = p.id) AS former
FROM petitions p
LEFT JOIN petitions r ON r.id = p.repeat_of
LEFT JOIN leaders l ON l.id = p.leader_id
"""


SELECT_EXPORT = SELECT_CASES.replace(
    "SELECT p.*,",
    "SELECT p.*, (SELECT min(s.at) FROM steps s WHERE s.petition_id = p.id AND s.kind = 'contact') AS first_contact,",
    1,
)


# the export's columns, in EXPORT_FIELDS order (interchange/headers.py; tests/test_data.py checks they agree)
SELECT_EXPORT_ROWS = """
SELECT p.number, substr(p.received_at, 1, 10) || ' ' || substr(p.received_at, 12, 8), p.village, p.form, p.level,
    p.source, p.pollution, p.subject, p.cause, p.persons, p.unit, p.enterprise, p.petitioner, p.phone, p.id_number,
    p.key_persons, p.forecast, p.ref_no, l.name, p.due_on, p.status, p.closed_on, p.outcome, r.number,
    p.received_at, p.uid, p.accepted_on,
    (SELECT min(s.at) FROM steps s WHERE s.petition_id = p.id AND s.kind = 'contact'),
    p.reopened, p.satisfaction, p.verified, p.extension_days, p.extension_reason, p.stage, p.is_key, p.concluded_on,
    p.conclusion, p.not_accepted_reason, p.review_requested_on, p.review_decided_on, p.review_outcome,
    p.re_review_requested_on, p.re_review_decided_on, p.re_review_outcome, p.extension_approved_by, p.key_repeat,
    p.served_on, p.rehandle_from,
    (SELECT json_group_array(json_object('days', e.days, 'reason', e.reason, 'approved_by', e.approved_by,
        'approved_on', e.approved_on, 'told_on', e.told_on))
     FROM (SELECT * FROM extensions x WHERE x.petition_id = p.id ORDER BY x.id) e),
    (SELECT min(s.at) FROM steps s WHERE s.petition_id = p.id AND s.kind = 'arrive'),
    (SELECT min(s.at) FROM steps s WHERE s.petition_id = p.id AND s.kind = 'mediate')
FROM petitions p
LEFT JOIN petitions r ON r.id = p.repeat_of
LEFT JOIN leaders l ON l.id = p.leader_id
"""


def _date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def leader_from(row: sqlite3.Row, prefix: str = "") -> Leader | None:
    name = row[f"{prefix}name"]
    if name is None:
        return None
    rank = row[f"{prefix}rank"]
    keys = row.keys()
    village = row[f"{prefix}village"] if f"{prefix}village" in keys else None
    return Leader(name=name, title=row[f"{prefix}title"], rank=Rank.of(rank) if rank else None, village=village)


def petition_from(row: sqlite3.Row) -> Petition:
    return Petition(
        id=row["id"],
        uid=row["uid"],
        number=row["number"],
        received_at=datetime.fromisoformat(row["received_at"]),
        village=row["village"],
        level=Level.of(row["level"]),
        subject=row["subject"],
        form=Form.of(row["form"]) if row["form"] else None,
        source=Source.of(row["source"]),
        pollution=tuple(Pollution.of(x) for x in json.loads(row["pollution"])),
        cause=row["cause"],
        persons=row["persons"],
        unit=row["unit"],
        enterprise=row["enterprise"],
        petitioner=row["petitioner"],
        phone=row["phone"],
        id_number=row["id_number"],
        key_persons=tuple(json.loads(row["key_persons"])),
        forecast=row["forecast"],
        ref_no=row["ref_no"],
        due_on=_date(row["due_on"]),
        status=Status.of(row["status"]),
        created_at=row["created_at"],
        leader=leader_from(row, "leader_"),
        closed_on=_date(row["closed_on"]),
        outcome=Outcome.of(row["outcome"]) if row["outcome"] else None,
        repeat_of=row["repeat_number"],
        accepted_on=_date(row["accepted_on"]),
        notice_due_on=_date(row["notice_due_on"]),
        due_given=_date(row["due_given"]),
        extension_days=row["extension_days"],
        extension_reason=row["extension_reason"],
        reopened=row["reopened"],
        satisfaction=Satisfaction.of(row["satisfaction"]) if row["satisfaction"] else None,
        verified=bool(row["verified"]),
        came_back=row["came_back"],
        stage=Stage.of(row["stage"]),
        is_key=bool(row["is_key"]),
        not_accepted_reason=row["not_accepted_reason"],
        concluded_on=_date(row["concluded_on"]),
        conclusion=Outcome.of(row["conclusion"]) if row["conclusion"] else None,
        review_requested_on=_date(row["review_requested_on"]),
        review_due_on=_date(row["review_due_on"]),
        review_decided_on=_date(row["review_decided_on"]),
        review_outcome=ReviewOutcome.of(row["review_outcome"]) if row["review_outcome"] else None,
        re_review_requested_on=_date(row["re_review_requested_on"]),
        re_review_due_on=_date(row["re_review_due_on"]),
        re_review_decided_on=_date(row["re_review_decided_on"]),
        re_review_outcome=ReviewOutcome.of(row["re_review_outcome"]) if row["re_review_outcome"] else None,
        extension_approved_by=row["extension_approved_by"],
        key_repeat=bool(row["key_repeat"]),
        served_on=_date(row["served_on"]),
        rehandle_from=_date(row["rehandle_from"]),
        closed_from=Stage.of(row["closed_from"]) if row["closed_from"] else None,
        former_numbers=tuple(row["former"].split(" ")) if row["former"] else (),
    )


def step_from(row: sqlite3.Row) -> Step:
    return Step(
        kind=StepKind.of(row["kind"]),
        at=datetime.fromisoformat(row["at"]),
        by=row["by"],
        note=row["note"],
        id=row["id"],
    )


def history_from(row: sqlite3.Row) -> HistoryEntry:
    # an import's row carries the case's seal (storage/seal.py): a digest for `check`, not a value to read
    from guside_cli.storage.seal import IMPORT, SEALED

    sealing = row["action"] == IMPORT and row["field"] == SEALED
    return HistoryEntry(
        id=row["id"],
        at=row["at"],
        actor=row["actor"],
        action=row["action"],
        field=None if sealing else row["field"],
        old=row["old"],
        new=None if sealing else row["new"],
        note=row["note"],
        number=row["number"],
    )


INSERT_HISTORY = (
    "INSERT INTO history (id, petition_id, at, actor, action, field, old, new, note, prev_hash, hash) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


INSERT_EXTENSION = (
    "INSERT INTO extensions (petition_id, days, reason, approved_by, approved_on, told_on, created_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?)"
)


def extension_row(petition_id: int, e: Extension, at: str) -> tuple:
    """INSERT_EXTENSION's values for one extension of a case, written at `at`."""
    on, told = (day.isoformat() if day else None for day in (e.approved_on, e.told_on))
    return (petition_id, e.days, e.reason, e.approved_by, on, told, at)


def pollution_json(items) -> str:
    return _pollution_json(tuple(items))


def names_json(items) -> str:
    return _names_json(tuple(items))


@functools.lru_cache(maxsize=4096)  # a ledger repeats the same few combinations: import calls these per case
def _pollution_json(items: tuple) -> str:
    return json.dumps([x.code for x in items])


@functools.lru_cache(maxsize=4096)
def _names_json(items: tuple[str, ...]) -> str:
    return json.dumps(list(items), ensure_ascii=False)
