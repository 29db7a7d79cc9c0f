"""Merging as properties (hypothesis): random edits on two or three desks, merged among themselves and into a
town ledger in every order — twice is once, and the order of sources does not change the content or the
report once the conflicts are settled by the same rule."""

import json
import tempfile
from pathlib import Path

from conftest import snapshot
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from test_merge import content

# each desk owns its village's sequence (one owner per sequence: no number conflicts by construction)
DESKS = {"a": "红豆村", "b": "新龚村", "c": "南曹庄村"}
SUBJECTS = ("化工厂异味", "夜间噪声", "河道污水", "扬尘")
FIELDS = {"subject": SUBJECTS, "persons": ("1", "2", "5"), "cause": ("偷排", "设备故障", "")}

desk = st.sampled_from(sorted(DESKS))
edit = st.tuples(st.just("edit"), desk, st.integers(0, 2), st.sampled_from(sorted(FIELDS)), st.integers(0, 2))
op = st.one_of(
    st.tuples(st.just("add"), desk, st.integers(0, len(SUBJECTS) - 1)),
    edit,
    edit,
    st.tuples(st.just("step"), desk, st.integers(0, 9), st.integers(0, 3)),
    st.tuples(st.just("sync"), desk, desk),
)


def numbers(db: Path) -> list[str]:
    if not db.exists():
        return []
    import sqlite3
    from contextlib import closing

    with closing(sqlite3.connect(db)) as conn:
        return [r[0] for r in conn.execute("SELECT number FROM petitions ORDER BY received_at, number")]


def settle(cli, db: Path) -> None:
    """Settle every open conflict by one rule that does not depend on which side is which: the larger value."""
    listed = cli("--db", db, "conflicts", "--format", "json", ok=False)
    for c in json.loads(listed.stdout):
        values = [c["mine"], c["theirs"]]
        best = max(values, key=lambda v: json.dumps(v, ensure_ascii=False))
        take = "mine" if best == c["mine"] else "theirs"
        ref = c["case"] if c["table"] == "petitions" else c["key"]
        cli("--db", db, "resolve", ref, c["field"], "--take", take)


def merge_until_settled(cli, db: Path, sources: list[Path]) -> None:
    for _ in range(6):
        if cli("--db", db, "merge", *sources, ok=False).exit_code == 0:
            return
        settle(cli, db)
    raise AssertionError("conflicts kept coming back")


def play(cli, folder: Path, ops, shared: int) -> dict[str, Path]:
    paths = {d: folder / f"{d}.db" for d in DESKS}
    day = 1
    # a start the desks share: `shared` of them register a case and all of them exchange ledgers
    starters = sorted(DESKS)[:shared]
    for d in starters:
        cli("--db", paths[d], "add", "--village", DESKS[d], "--level", "town", "--subject", SUBJECTS[0],
            "--received", "2018-04-01 09:30")  # fmt: skip
    for d in starters:
        others = [paths[x] for x in starters if x != d]
        if others:
            cli("--db", paths[d], "merge", *others)
    for o in ops:
        kind, d = o[0], o[1]
        db = paths[d]
        if kind == "add":
            cli("--db", db, "add", "--village", DESKS[d], "--level", "town", "--subject", SUBJECTS[o[2]],
                "--received", f"2018-05-{day:02d} 09:30")  # fmt: skip
            day = day % 28 + 1
            continue
        cases = numbers(db)
        if kind == "sync":
            if o[2] != d and paths[o[2]].exists() and db.exists():
                cli("--db", db, "merge", paths[o[2]], ok=False)
                settle(cli, db)
        elif cases and kind == "edit":
            field, values = o[3], FIELDS[o[3]]
            cli("--db", db, "edit", cases[o[2] % len(cases)], "--set", f"{field}={values[o[4]]}")
        elif cases and kind == "step":
            cli("--db", db, "step", cases[o[2] % len(cases)], "--kind", "contact",
                "--at", f"2018-06-0{o[3] + 1} 10:00", "--note", f"联系{o[3]}")  # fmt: skip
    return {d: p for d, p in paths.items() if p.exists()}


@given(st.lists(op, min_size=1, max_size=10), st.integers(2, 3))
# the same field of a shared case changed on two, then three desks (always tried, besides the random ones)
@example([("edit", "a", 0, "subject", 1), ("edit", "b", 0, "subject", 2)], 2)
@example([("edit", "a", 1, "persons", 1), ("edit", "b", 1, "persons", 2), ("edit", "c", 1, "persons", 0)], 3)
@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_merging_is_idempotent_and_independent_of_order(cli, ops, shared):
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        desks = play(cli, folder, ops, shared)
        if not desks:
            return
        forward, backward = folder / "t1.db", folder / "t2.db"
        merge_until_settled(cli, forward, list(desks.values()))
        merge_until_settled(cli, backward, list(reversed(desks.values())))
        assert content(forward) == content(backward)
        report = ("report", "--year", "2018", "--as-of", "2018-06-20", "--format", "json")
        assert cli("--db", forward, *report).stdout == cli("--db", backward, *report).stdout
        before = snapshot(forward)
        assert cli("--db", forward, "merge", *desks.values()).exit_code == 0
        assert snapshot(forward) == before, "merging again changes nothing"
        # every desk takes the town's settled ledger back: all of them then hold the same content
        for db in desks.values():
            merge_until_settled(cli, db, [forward])
        assert cli("--db", forward, "merge", *desks.values()).exit_code == 0
        for db in desks.values():
            assert content(db) == content(forward), db.name
        for db in (forward, backward, *desks.values()):
            assert all(row["ok"] for row in cli.json("--db", db, "check")), db
