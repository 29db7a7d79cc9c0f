"""Import at scale: a load into an empty ledger (indexes built after the rows) and one into a populated ledger
(indexes live) leave the same ledger; every imported case has one history row, which carries its seal; a large
file read by a worker process reports exactly what a serial read does; a uid or a number given twice is named
with both its rows however far apart they are; new cases get UUID version 7 uids. Real ledgers and files in
temporary folders, the real CLI, no mocks (one pass-through spy notes which way an import read its file)."""

import csv
import sqlite3
import sys
import time
import uuid
from contextlib import closing
from pathlib import Path

import pytest

from guside_cli.core.ids import uuid7
from guside_cli.services import checking
from guside_cli.storage import seal
from tests.conftest import Cli, snapshot

ROOT = Path(__file__).resolve().parent.parent
BENCH_TODAY = "2019-01-10"  # the generated ledger's receipts end on 2018-12-31
guside = Cli()  # for the module's fixtures, which give --db and --today themselves


def hermetic(folder: Path):
    """The environment of the module's fixtures (the per-test one is conftest's `isolated`)."""
    env = pytest.MonkeyPatch()
    env.setenv("HOME", str(folder))
    env.setenv("XDG_CONFIG_HOME", str(folder / ".config"))
    env.setenv("GUSIDE_USER", "tester")
    env.delenv("GUSIDE_DB", raising=False)
    env.delenv("GUSIDE_LANG", raising=False)
    return env


@pytest.fixture(scope="module")
def export_of(tmp_path_factory):
    """`export_of(n)`: the CSV `guside export` writes of a generated ledger of n cases (made once per size)."""
    sys.path.insert(0, str(ROOT))
    from bench.generate import generate

    folder, made = tmp_path_factory.mktemp("bench"), {}

    def export(n: int) -> Path:
        if n not in made:
            env = hermetic(folder)
            try:
                db = generate(n, folder / f"generated-{n}.db")
                made[n] = folder / f"export-{n}.csv"
                guside("--db", db, "--today", BENCH_TODAY, "export", "--out", made[n])
            finally:
                env.undo()
        return made[n]

    return export


def read_csv(path: Path) -> tuple[list[str], list[list[str]]]:
    with open(path, encoding="utf-8-sig", newline="") as f:
        header, *body = csv.reader(f)
    return header, body


def write_csv(path: Path, lines: list[list[str]]) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(lines)
    return path


def content(db: Path) -> dict[str, object]:
    """What a ledger holds, without what depends on the order or the moment of writing: ids and creation times
    left out, a repeat named by the number it repeats, a leader by name, a step by its case's number."""
    with closing(sqlite3.connect(db)) as conn:
        found = conn.execute(
            "SELECT p.*, r.number AS repeats, l.name AS leader FROM petitions p "
            "LEFT JOIN petitions r ON r.id = p.repeat_of LEFT JOIN leaders l ON l.id = p.leader_id"
        )
        names = [column[0] for column in found.description]
        left_out = {"id", "created_at", "repeat_of", "leader_id"}
        cases = {}
        for values in found:
            case = dict(zip(names, values, strict=True))
            cases[case["number"]] = {k: v for k, v in case.items() if k not in left_out}
        steps = conn.execute(
            "SELECT p.number, s.kind, s.at, s.by, s.note FROM steps s JOIN petitions p ON p.id = s.petition_id"
        )
        return {
            "petitions": cases,
            "steps": sorted(map(tuple, steps), key=repr),
            "leaders": sorted(map(tuple, conn.execute("SELECT name, title, rank FROM leaders"))),
            "enterprises": sorted(map(tuple, conn.execute("SELECT name, village, rating FROM enterprises")), key=repr),
            "sequences": sorted(map(tuple, conn.execute("SELECT scope, year, last FROM sequences"))),
        }


def indexes(db: Path) -> set[tuple[str, str]]:
    with closing(sqlite3.connect(db)) as conn:
        return set(conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"))


def seals(db: Path) -> tuple[dict[int, str], dict[int, str]]:
    """(the seal each case's import row carries, the digest `check` computes from the case as stored)."""
    with closing(sqlite3.connect(db)) as conn:
        carried = dict(conn.execute("SELECT petition_id, new FROM history WHERE action = 'import'"))
        return carried, seal.petition_digests(conn)


def import_rows(db: Path) -> dict[str, list[tuple]]:
    """Each case's history rows, by number."""
    with closing(sqlite3.connect(db)) as conn:
        found = conn.execute(
            "SELECT p.number, h.action, h.field, h.note FROM petitions p JOIN history h ON h.petition_id = p.id"
        )
        rows: dict[str, list[tuple]] = {}
        for number, *rest in found:
            rows.setdefault(number, []).append(tuple(rest))
        return rows


# --- an empty ledger and a populated one ---------------------------------------------------------------------

SPLIT = 700  # the second part, 2,300 rows, crosses a batch of 2,000 into a ledger whose indexes are live


@pytest.fixture(scope="module")
def loads(export_of, tmp_path_factory):
    """The same 3,000 cases imported whole into an empty ledger, and in two parts (the second into a populated
    ledger); with the file row each case came from."""
    folder = tmp_path_factory.mktemp("loads")
    header, body = read_csv(export_of(3000))
    first = write_csv(folder / "first.csv", [header, *body[:SPLIT]])
    second = write_csv(folder / "second.csv", [header, *body[SPLIT:]])
    whole, split = folder / "whole.db", folder / "split.db"
    env = hermetic(folder)
    try:
        guside("--db", whole, "--today", BENCH_TODAY, "import", export_of(3000))
        guside("--db", split, "--today", BENCH_TODAY, "import", first)
        guside("--db", split, "--today", BENCH_TODAY, "import", second)
    finally:
        env.undo()
    number = header.index("number")
    rows_whole = {line[number]: i + 2 for i, line in enumerate(body)}
    rows_split = {line[number]: (i if i < SPLIT else i - SPLIT) + 2 for i, line in enumerate(body)}
    return {"whole": (whole, rows_whole), "split": (split, rows_split)}


def test_a_load_into_an_empty_ledger_and_into_a_populated_one_leave_the_same_ledger(cli, loads, tmp_path):
    """Building the indexes after the rows (empty ledger) must not change what is stored or reported, nor what
    `check` finds: the same cases, steps, leaders, enterprises and sequences, the same 2018 report, a whole
    chain and a replay that holds, the same indexes as a new ledger has, and one history row per case."""
    (whole, rows_whole), (split, rows_split) = loads["whole"], loads["split"]
    got = content(whole)
    assert len(got["petitions"]) == 3000 and len(got["steps"]) > 3000
    assert got == content(split)
    report = cli.json("--db", whole, "--today", BENCH_TODAY, "report", "--year", "2018")
    assert report["total"]["current"] > 200
    assert report == cli.json("--db", split, "--today", BENCH_TODAY, "report", "--year", "2018")

    from guside_cli.storage.ledger import Ledger

    Ledger.open(tmp_path / "fresh.db", create=True).close()
    for db, file_rows in ((whole, rows_whole), (split, rows_split)):
        findings = {f["check"]: f for f in cli.json("--db", db, "check")}
        assert all(f["ok"] for f in findings.values()), findings
        assert {"history_chain", "history_replay"} <= findings.keys()
        assert import_rows(db) == {n: [("import", "petition", f"file row {row}")] for n, row in file_rows.items()}
        assert indexes(db) == indexes(tmp_path / "fresh.db"), "the indexes dropped for the load are all back"


@pytest.mark.parametrize("ledger", ["whole", "split", "sample_data"])
def test_each_import_row_holds_the_seal_check_computes_from_the_stored_case(cli, loads, db_path, monkeypatch, ledger):
    """The seal an import row carries is computed from the values inserted (`seal.Sealer`), not read back: it
    must equal `seal.petition_digests` of the stored rows, for the generated file (whole, and in two parts)
    and for the sample ledger's file (333 cases with leaders, repeats, closings and escalated levels)."""
    if ledger == "sample_data":
        monkeypatch.setenv("GUSIDE_TODAY", "2018-12-31")
        cli("import", ROOT / "sample_data" / "petitions.csv")
        db = db_path
    else:
        db = loads[ledger][0]
    carried, computed = seals(db)
    assert len(carried) == len(computed) > 300
    assert carried == computed


# --- the worker process and the serial read -------------------------------------------------------------------


def decorated(path: Path, body: list[list[str]], header: list[str]) -> Path:
    """An office's file: a title above the header, a column guside does not know, blank rows, a total row."""
    lines: list[list[str]] = [["顾山镇环境信访台账"], [*header, "经办人备注"]]
    for i, line in enumerate(body):
        lines.append([*line, f"备注{i}"])
        if i in (99, 600):
            lines.append([])
    lines.append(["合计", str(len(body))])
    return write_csv(path, lines)


@pytest.mark.parametrize("kind", ["valid", "problems", "reading error"])
def test_the_worker_and_the_serial_read_report_and_write_the_same(cli, export_of, isolated, monkeypatch, kind):
    """A large file is read and checked in a forked worker, which also prepares each case's row; below
    PARALLEL_FROM bytes, all in-process. Forced both ways on one file: the same exit code, the same words on
    stdout and stderr (rows skipped, the column not imported, each problem at its row), the same cases written
    (the last 50 without number or uid: drawn by the writer, a version-7 uid), each sealed as stored."""
    header, body = read_csv(export_of(3000))
    body = [list(line) for line in body[:1200]]
    number, uid, received, received_at, village = (
        header.index(f) for f in ("number", "uid", "received_on", "received_at", "village")
    )
    for line in body[-50:]:
        line[number] = line[uid] = ""
    given = {line[uid] for line in body}
    # body[i] is file row i + 3 (a title, then the header), one row lower after each blank row (after 99 and 600)
    if kind == "problems":
        body[40][number] = body[10][number]  # the same number for two cases (both of 2009): rows 13 and 43
        body[300][received], body[300][received_at] = "2010-02-30 09:00", "2010-02-30T09:00:00+08:00"  # row 304
        body[800][village] = "不存在村"  # row 805
    if kind == "reading error":
        body[900][received] = "3月5日"  # row 905: a date without a year (no --year) stops the reading there
    file = decorated(isolated / "台账.csv", body, header)
    monkeypatch.setenv("GUSIDE_TODAY", BENCH_TODAY)
    used: list[int] = []
    worker = checking.checked_in_worker

    def watched(*args, **kwargs):  # passes everything through: only records that the worker path was taken
        used.append(1)
        return worker(*args, **kwargs)

    monkeypatch.setattr(checking, "checked_in_worker", watched)
    runs = {}
    for path, parallel_from in (("worker", 0), ("serial", 1 << 62)):
        monkeypatch.setattr(checking, "PARALLEL_FROM", parallel_from)
        if path == "worker" and not checking.worth_a_worker(file.stat().st_size):
            pytest.skip("one CPU, or no fork: an import never uses the worker here")
        used.clear()
        db = isolated / f"{path}.db"
        result = cli("--db", db, "import", file, ok=False)
        assert used == ([1] if path == "worker" else [])
        stored = content(db) if db.exists() else {"petitions": {}}
        made = [uuid.UUID(u) for case in stored["petitions"].values() if (u := case.pop("uid")) not in given]
        assert len(made) == (50 if kind == "valid" else 0)
        assert all((u.version, u.variant) == (7, uuid.RFC_4122) for u in made)
        if kind == "valid":
            carried, computed = seals(db)
            assert carried == computed and len(carried) == 1200
        runs[path] = (result.exit_code, result.stdout, result.stderr, stored)
    assert runs["worker"] == runs["serial"]
    code, stdout, stderr, stored = runs["serial"]
    if kind == "valid":
        assert code == 0 and len(stored["petitions"]) == 1200
        assert "读取 台账.csv：表头在第 2 行，数据 1200 行" in stdout
        assert "跳过 3 行：空行 103, 605；合计/小计 1205" in stdout
        assert "未导入的列：经办人备注" in stderr
    elif kind == "problems":
        assert code == 2 and stored["petitions"] == {}
        lines = [line for line in stderr.splitlines() if line.startswith("错误：台账.csv 第")]
        assert len(lines) == 3, stderr
        assert f"第 43 行，“number”列：编号 {body[10][number]} 在文件中出现两次：第 13 行和第 43 行" in lines[0]
        assert "第 304 行" in lines[1] and "2010-02-30" in lines[1]
        assert "第 805 行" in lines[2] and "不存在村" in lines[2]
    else:
        assert code == 2 and stderr == (
            "错误：台账.csv 第 905 行，“received_on”列：“3月5日”没有年份，未导入任何内容：请用 --year 说明是哪一年"
            "（如 --year 2018）\n"
        )


# --- a uid or a number twice, far apart -----------------------------------------------------------------------


def with_twice(source: Path, out: Path, twice: str) -> tuple[Path, list[str]]:
    """The export with a uid given twice and/or a number given twice, each first near the start and again near
    the end (many batches apart); returns the file and the words that must name each repeat with its rows."""
    header, body = read_csv(source)
    uid, number, n = header.index("uid"), header.index("number"), len(body)
    named = []
    if twice in ("uid", "both"):  # rows 4 and n - 2 (the header is row 1)
        body[n - 4][uid] = body[2][uid]
        named.append(f"唯一标识 {body[2][uid]} 在文件中出现两次：第 4 行和第 {n - 2} 行")
    if twice in ("number", "both"):  # rows 7 and n - 9: the number of a case of 2009 must come with its year, so
        # the case itself is given again, under another uid (two desks numbering alike)
        body[n - 11] = [*body[5][:uid], str(uuid.UUID(int=n, version=4)), *body[5][uid + 1 :]]
        named.append(f"编号 {body[5][number]} 在文件中出现两次：第 7 行和第 {n - 9} 行")
    return write_csv(out, [header, *body]), named


def refused_whole(cli, file: Path, db: Path, *, populated: bool):
    """Import `file` into the test's ledger (with a case already, or none): refused, and the ledger as it was."""
    cli("village", "list")  # the ledger, made
    if populated:
        cli.add(subject="已有一件", received="2018-03-01 09:00")
    before = snapshot(db), indexes(db)
    result = cli("import", file, ok=False)
    assert result.exit_code == 2
    assert (snapshot(db), indexes(db)) == before, "nothing written; the indexes dropped for the load are back"
    return result


@pytest.mark.parametrize("size", [25_000, 1_000_000])
@pytest.mark.parametrize("twice", ["uid", "number"])
@pytest.mark.parametrize("populated", [False, True], ids=["empty ledger", "populated ledger"])
def test_a_uid_or_a_number_given_twice_far_apart_is_named_with_both_rows(
    cli, export_of, isolated, db_path, monkeypatch, size, twice, populated, slow
):
    """Into an empty ledger the uid index is built after the rows (a failed build is explained by one query);
    into a populated one the live index refuses a batch, and a number is looked up once per batch. Either way
    the repeat is named with both its rows, many batches apart, and nothing is written. A million rows with
    --runslow (about ten minutes)."""
    if size > 25_000 and not slow:
        pytest.skip("a million rows: --runslow")
    monkeypatch.setenv("GUSIDE_TODAY", BENCH_TODAY)
    file, named = with_twice(export_of(size), isolated / "twice.csv", twice)
    result = refused_whole(cli, file, db_path, populated=populated)
    problems = [line for line in result.stderr.splitlines() if line.startswith("错误：twice.csv 第")]
    assert len(problems) == 1 and named[0] in problems[0], result.stderr


@pytest.mark.parametrize("populated", [False, True], ids=["empty ledger", "populated ledger"])
def test_a_uid_and_a_number_both_given_twice_are_both_named(cli, export_of, isolated, db_path, monkeypatch, populated):
    """'Every problem is collected, not only the first' (register_rows): a file with a uid twice and a number
    twice names both, so the office corrects the file once rather than once per repeat (each a whole load).
    The rows after a problem are still written (and rolled back with the rest) for this."""
    monkeypatch.setenv("GUSIDE_TODAY", BENCH_TODAY)
    file, named = with_twice(export_of(3000), isolated / "twice.csv", "both")
    result = refused_whole(cli, file, db_path, populated=populated)
    assert named[1] in result.stderr  # the number
    assert named[0] in result.stderr  # the uid


def test_a_number_of_another_year_is_named_in_the_run_language(cli, isolated):
    """The rule's words were rendered to text too early and read as untranslated: the line mixed English
    (Error: … row 2, column number:) with the Chinese rule."""
    file = isolated / "y.csv"
    file.write_text("number,received_on,village,level,subject\n2009-红豆-001,2018-03-01,红豆村,town,化工厂异味\n")
    result = cli("import", file, ok=False)
    assert result.exit_code == 2
    assert result.stderr.startswith("错误：y.csv 第 2 行"), result.stderr
    assert "属于 2009 年" in result.stderr


# --- UUID version 7 -------------------------------------------------------------------------------------------


def test_uuid7_matches_the_rfc_test_vector_and_sorts_by_time(cli):
    """RFC 9562 Appendix A.6: 2022-02-22 19:22:22 UTC and its random bits give 017F22E2-79B0-7CC3-98C4-DC0C0C07398F.
    A uid made a millisecond later sorts after; `add` gives a version-7 uid with the RFC variant."""
    rand = ((0xCC3 << 68) | 0x18C4DC0C0C07398F).to_bytes(10, "big")
    assert uuid7(0x17F22E279B0, rand) == "017f22e2-79b0-7cc3-98c4-dc0c0c07398f"
    for made in (uuid7(), uuid7(0, bytes(10)), uuid7((1 << 48) - 1, b"\xff" * 10), cli.add()["uid"]):
        parsed = uuid.UUID(made)
        assert (parsed.version, parsed.variant) == (7, uuid.RFC_4122), made
    times = [1_700_000_000_000 + step for step in (0, 1, 2, 1000, 86_400_000)]
    made = [uuid7(ms, b"\xff" * 10 if i % 2 == 0 else bytes(10)) for i, ms in enumerate(times)]
    assert made == sorted(made), "the time comes first: the largest random bits do not outrank a later millisecond"
    for _ in range(5):
        earlier = uuid7()
        time.sleep(0.002)
        assert earlier < uuid7()
