"""The seal a bulk load writes is computed from the values it inserts, its JSON written piece by piece
(`storage.seal.Sealer`); `check` computes the same digest from the stored rows (`seal.petition_digests`). Any
value an import can store — quotes, backslashes, control and bidi characters, emoji, CJK, numbers at the limits,
a column left at its default — must give the same digest both ways, or `check` would call an imported case
tampered with."""

import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from guside_cli.storage.bulk import INSERT_PETITION, INSERT_STEP_WITH_ID, PETITION_NAMES, STEP_COLUMNS
from guside_cli.storage.connection import connect
from guside_cli.storage.seal import Sealer, petition_digests

# every character but NUL, which intake strips and SQLite's length() stops at (the subject's CHECK refuses it)
TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",), exclude_characters="\x00"), max_size=40)
TEXTS = ["subject", "cause", "unit", "enterprise", "petitioner", "forecast", "ref_no", "extension_reason"]


def _ledger(tmp: Path) -> sqlite3.Connection:
    conn = connect(tmp / "seal.db", create=True)
    conn.execute("INSERT INTO leaders (name, created_at) VALUES ('王镇长', '2018-01-01T00:00:00+08:00')")
    conn.commit()
    return conn


@pytest.fixture(scope="module")
def ledger(tmp_path_factory):
    conn = _ledger(tmp_path_factory.mktemp("seal"))
    yield conn
    conn.close()


def _row(case_id: int, texts: dict[str, str | None], persons: int, verified: int, status: str) -> tuple:
    base = {name: None for name in PETITION_NAMES}
    base.update(
        id=case_id,
        uid=f"00000000-0000-7000-8000-{case_id:012d}",
        number=f"2018-红豆-{case_id:05d}",
        received_at="2018-06-07T09:30:00+08:00",
        received_on="2018-06-07",
        village="红豆村",
        level="town",
        source="direct",  # the column's default: left out of the digest both ways
        pollution='["air"]',
        subject="s",
        persons=persons,
        key_persons="[]",
        status=status,
        verified=verified,
        reopened=0,
        is_key=0,
        key_repeat=0,
        stage="received",
        created_at="2018-06-07T09:31:00+08:00",
        leader_id=1,
    )
    base.update({k: v for k, v in texts.items() if v is not None or k != "subject"})
    if not base["subject"]:
        base["subject"] = "s"
    return tuple(base[name] for name in PETITION_NAMES)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    texts=st.fixed_dictionaries({name: st.one_of(st.none(), TEXT) for name in TEXTS}),
    persons=st.integers(min_value=1, max_value=100_000),
    verified=st.sampled_from([0, 1]),
    status=st.sampled_from(["open", "closed"]),
    notes=st.lists(st.one_of(st.none(), TEXT), max_size=3),
)
def test_the_seal_written_from_the_values_equals_the_seal_read_from_the_tables(
    ledger, texts, persons, verified, status, notes
):
    conn = ledger
    try:
        sealer = Sealer(conn, PETITION_NAMES, STEP_COLUMNS)
        row = _row(1, texts, persons, verified, status)
        steps = [
            (i + 1, 1, "contact", f"2018-06-07T1{i}:00:00+08:00", None, note, "2018-06-07T09:31:00+08:00")
            for i, note in enumerate(notes)
        ]
        conn.execute(INSERT_PETITION, row)
        conn.executemany(INSERT_STEP_WITH_ID, steps)
        assert sealer.digest(row, steps) == petition_digests(conn)[1]
    finally:
        conn.rollback()


_SHARED: dict[str, Sealer] = {}


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    texts=st.fixed_dictionaries(
        {name: st.one_of(st.none(), st.sampled_from(["", "红豆村", "a'b", '"'])) for name in TEXTS}
    ),
    persons=st.sampled_from([1, 2, 100_000]),
    verified=st.sampled_from([0, 1]),
    status=st.sampled_from(["open", "closed"]),
)
def test_a_sealer_that_remembers_the_values_it_has_seen_writes_the_same_seals(ledger, texts, persons, verified, status):
    """One Sealer over many rows, as a load uses it: its per-column memory of pieces (a value seen before, a
    value equal to the column's default, NULL) gives the digest the tables give."""
    conn = ledger
    sealer = _SHARED.setdefault("sealer", Sealer(conn, PETITION_NAMES, STEP_COLUMNS))
    try:
        row = _row(1, texts, persons, verified, status)
        conn.execute(INSERT_PETITION, row)
        assert sealer.digest(row, []) == petition_digests(conn)[1]
    finally:
        conn.rollback()


def test_a_changed_value_changes_the_seal(tmp_path):
    """The pieces cover every column: one character changed anywhere gives another digest."""
    conn = _ledger(tmp_path)
    sealer = Sealer(conn, PETITION_NAMES, STEP_COLUMNS)
    row = _row(1, {"cause": "废气"}, 3, 0, "open")
    seen = {sealer.digest(row, [])}
    for index, value in enumerate(row):
        if isinstance(value, str):
            changed = (*row[:index], value + "x", *row[index + 1 :])
            seen.add(sealer.digest(changed, []))
    assert len(seen) == 1 + sum(isinstance(v, str) for v in row)
    conn.close()
