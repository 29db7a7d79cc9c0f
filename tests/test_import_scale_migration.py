"""m013: the UNIQUE constraints of petitions.uid and petitions.number become the named unique indexes
petitions_uid and petitions_number, by rebuilding the table (SQLite cannot drop a column constraint). A ledger
of the version before is opened by today's code: every row stays, references hold, the rule is the same, the
schema is a new ledger's, and the seals written before the rebuild still match the rows after it."""

import io
import os
import shutil
import sqlite3
import subprocess
import sys
import tarfile
from contextlib import closing
from pathlib import Path

import pytest

from guside_cli.storage.migrations import LATEST_VERSION
from tests.conftest import snapshot

ROOT = Path(__file__).resolve().parent.parent
BEFORE = "m013_unique_indexes_by_name"
VERSION_BEFORE = 12  # the schema version of a ledger made before m013


def previous_release(folder: Path) -> Path:
    """The package as it was before m013, from git (the parent of the commit that added the migration)."""
    git = shutil.which("git")
    if git is None or not (ROOT / ".git").exists():
        pytest.skip("no git checkout: the previous release's code is not at hand")
    found = subprocess.run(
        [git, "log", "-1", "--format=%H", "--diff-filter=A", "--", "guside_cli/storage/migrations_scale.py"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    commit = found.stdout.strip()
    archive = subprocess.run([git, "archive", f"{commit}^", "guside_cli", "sample_data"], cwd=ROOT, capture_output=True)
    if found.returncode or not commit or archive.returncode:
        pytest.skip("the commit before m013 is not in this clone (a shallow one?)")
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(folder, **({"filter": "data"} if hasattr(tarfile, "data_filter") else {}))
    return folder


def by_previous_release(db: Path, folder: Path) -> None:
    """The sample ledger (cases, steps, leaders, persons, enterprises) made by `demo` of the previous release,
    then a case renumbered (a former number), and one exposed, assigned, mediated and closed with a reward, by
    the same code."""
    code = previous_release(folder / "previous")
    env = {**os.environ, "GUSIDE_TODAY": "2018-12-31", "GUSIDE_USER": "tester", "GUSIDE_DB": str(db)}
    env.update(HOME=str(folder / "home"), XDG_CONFIG_HOME=str(folder / "home" / ".config"), PYTHONPATH=str(code))

    def old(*args: str) -> str:
        done = subprocess.run([sys.executable, "-m", "guside_cli", *args], cwd=code, env=env, capture_output=True)
        assert done.returncode == 0, done.stderr.decode()
        return done.stdout.decode().strip()

    old("--db", str(folder / "other.db"), "demo", "--out", str(db), "--no-pager")
    case = {"--village": "红豆", "--level": "镇", "--subject": "化工厂异味", "--received": "2018-12-01 09:00"}
    added = [old("add", *[x for pair in case.items() for x in pair], "--format", "json") for _ in range(2)]
    first, second = (line.split('"number": "')[1].split('"')[0] for line in added)
    old("edit", first, "--set", "level=省")
    old("expose", second, "--on", "2018-12-31")
    old("assign", second, "--leader", "王副镇长")
    old("step", second, "--kind", "mediate", "--at", "2018-12-02 10:00", "--note", "调处")
    old("close", second, "--outcome", "resolved", "--verified", "--reward", "500", "--on", "2018-12-31")


def by_hand(db: Path, folder: Path) -> None:
    """A ledger of version 12 made by the migrations up to m013 and filled by SQL as that version wrote it: a
    leader, three cases (one repeating another, one held by the leader, one renumbered), steps, a reward, an
    exposure, and each case's history row in the hash chain followed by its seal."""
    from guside_cli.core.chain import GENESIS, row_hash
    from guside_cli.storage.connection import create_file, ensure_schema
    from guside_cli.storage.seal import petition_digests

    create_file(db)
    with closing(sqlite3.connect(db)) as conn:
        ensure_schema(conn, db, stop_before=BEFORE)
        at = "2018-03-01T09:00:00+08:00"
        with conn:
            conn.execute("INSERT INTO leaders VALUES (1, '王镇长', '副镇长', 'town', ?)", (at,))
            for i, (number, repeat_of, leader) in enumerate(
                [("2018-红豆-001", None, None), ("2018-红豆-002", 1, None), ("2018-0001", None, 1)], start=1
            ):
                conn.execute(
                    "INSERT INTO petitions (id, uid, number, received_at, received_on, village, level, subject, "
                    "due_on, notice_due_on, repeat_of, leader_id, created_at) VALUES (?, ?, ?, ?, '2018-03-01', "
                    "'红豆村', 'town', '化工厂异味', '2018-04-30', '2018-03-16', ?, ?, ?)",
                    (i, f"0f0e0d0c-0b0a-4908-8706-05040302010{i}", number, at, repeat_of, leader, at),
                )
                conn.execute("INSERT INTO steps VALUES (NULL, ?, 'contact', ?, NULL, '电话联系', ?)", (i, at, at))
            conn.execute("INSERT INTO former_numbers VALUES ('2018-红豆-003', 3, ?)", (at,))
            conn.execute("INSERT INTO rewards VALUES (NULL, 1, '500', '2018-03-20', NULL, ?)", (at,))
            conn.execute("INSERT INTO exposures VALUES (2, '2018-04-01', ?, NULL)", (at,))
            previous, seals = GENESIS, petition_digests(conn)
            rows = [(i, "add", None, None) for i in (1, 2, 3)] + [(i, "seal", "petition", seals[i]) for i in (1, 2, 3)]
            for row_id, (case_id, action, field, new) in enumerate(rows, start=1):
                row = (row_id, case_id, at, "tester", action, field, None, new, None)
                digest = row_hash(previous, row)
                conn.execute("INSERT INTO history VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", (*row, previous, digest))
                previous = digest


def petitions_schema(db: Path) -> tuple[str, set[str]]:
    with closing(sqlite3.connect(db)) as conn:
        (table,) = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'petitions'").fetchone()
        found = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'petitions'")
        return table, {sql for (sql,) in found}


@pytest.mark.parametrize("made", [by_previous_release, by_hand], ids=["previous release", "by hand"])
def test_a_ledger_of_the_version_before_m013_is_rebuilt_whole(cli, db_path, tmp_path, made):
    """Opened by today's code, the ledger is rebuilt: every row of every table kept (the history too, the
    upgrade's own rows written after it), integrity_check ok, foreign_key_check empty (steps, rewards, exposures,
    former numbers and repeats all point at the rebuilt table), the two named UNIQUE indexes and no autoindex, the
    table and its indexes as a new ledger has them, the same refusal words for a uid or number used twice, and `check`
    whole (the seals written before the rebuild match the rows after)."""
    made(db_path, tmp_path)
    with closing(sqlite3.connect(db_path)) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == VERSION_BEFORE
        assert conn.execute("SELECT count(*) FROM petitions").fetchone()[0] >= 3
    kept = {t: rows for t, rows in snapshot(db_path).items() if t not in ("_sqlite_migrations", "sqlite_stat1")}
    assert all(kept[t] for t in ("leaders", "steps", "rewards", "exposures", "former_numbers", "history"))
    assert cli.json("info")["schema_version"] == LATEST_VERSION  # opening it upgrades it

    after = snapshot(db_path)
    old_history = kept.pop("history")
    # m016: an existing ledger keeps the calendar it counted on, written down now that new ledgers default to official
    assert ("deadline.calendar", "plain") in after["settings"]
    after["settings"] = [row for row in after["settings"] if row != ("deadline.calendar", "plain")]
    # later migrations may add columns (m015: petitions.upstream_id, NULL): the rows as they were, column by column
    assert {t: [row[: len(rows[0])] for row in after[t]] if rows else after[t] for t, rows in kept.items()} == kept
    # the upgrade is written after the history it found: which versions, then the seals of the tables it left
    assert after["history"][: len(old_history)] == old_history
    added = [(row[4], row[5]) for row in after["history"][len(old_history) :]]
    assert added[0] == ("schema.upgrade", None) and {action for action, _ in added[1:]} == {"seal"}
    with closing(sqlite3.connect(db_path)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        listed = {name: (unique, origin) for _, name, unique, origin, _ in conn.execute("PRAGMA index_list(petitions)")}
        assert listed["petitions_uid"] == listed["petitions_number"] == (1, "c")
        assert [name for name in listed if name.startswith("sqlite_autoindex")] == []
        assert [r[2] for r in conn.execute("PRAGMA index_info(petitions_uid)")] == ["uid"]
        assert [r[2] for r in conn.execute("PRAGMA index_info(petitions_number)")] == ["number"]
        copy = (
            "INSERT INTO petitions (uid, number, received_at, received_on, village, level, subject, created_at) "
            "SELECT {}, {}, received_at, received_on, village, level, subject, created_at FROM petitions LIMIT 1"
        )
        for column, uid, number in (("uid", "uid", "number || '-x'"), ("number", "uid || '-x'", "number")):
            with pytest.raises(sqlite3.IntegrityError, match=rf"^UNIQUE constraint failed: petitions\.{column}$"):
                conn.execute(copy.format(uid, number))  # the words `storage.bulk.refusal` tells apart

    fresh = tmp_path / "fresh.db"
    cli("--db", fresh, "village", "list")
    assert petitions_schema(db_path) == petitions_schema(fresh)
    findings = {f["check"]: f for f in cli.json("check")}
    assert all(f["ok"] for f in findings.values()), findings
    assert findings["history_replay"]["detail"] == "the tables are what the history says"
