"""The bulk load behind `import`: cases written in batches, with ids, numbers, repeats and the history chain
exactly as one-by-one registration gives them. BATCH is made small so a few rows cross several batches."""

import csv
from pathlib import Path

import pytest

from guside_cli.storage.bulk import BulkLoad
from tests.conftest import rows

HEADER = ["number", "received_on", "village", "level", "subject", "repeat_of", "uid"]


@pytest.fixture(autouse=True)
def small_batches(monkeypatch):
    monkeypatch.setattr(BulkLoad, "BATCH", 3)


def write(path: Path, lines: list[list[str]]) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([HEADER, *lines])
    return path


def case(number="", day="2018-03-01", village="红豆村", level="town", repeat_of="", uid=""):
    return [number, day, village, level, "化工厂异味", repeat_of, uid]


def test_batches_keep_numbers_repeats_and_the_history_chain(cli, db_path, isolated):
    first = cli.add(received="2018-01-05")  # already in the ledger: 2018-红豆-001
    lines = [
        case(),  # drawn: 002
        case(number="2018-红豆-003"),  # given: the drawn sequence steps over it
        case(),  # drawn: 004 (003 is still waiting in the batch when it is drawn)
        case(repeat_of="2018-红豆-002"),  # repeats a case written by an earlier batch -> 005
        case(repeat_of="2018-红豆-005"),  # repeats a repeat still in this batch: linked to its first -> 006
        case(repeat_of=first["number"]),  # repeats a case that was in the ledger before -> 007
        case(level="province"),  # the town's sequence
    ]
    result = cli("import", write(isolated / "t.csv", lines))
    assert "7" in result.stdout
    got = rows(
        db_path,
        "SELECT p.number, r.number FROM petitions p LEFT JOIN petitions r ON r.id = p.repeat_of ORDER BY p.id",
    )
    assert got == [
        ("2018-红豆-001", None),
        ("2018-红豆-002", None),
        ("2018-红豆-003", None),
        ("2018-红豆-004", None),
        ("2018-红豆-005", "2018-红豆-002"),
        ("2018-红豆-006", "2018-红豆-002"),
        ("2018-红豆-007", "2018-红豆-001"),
        ("2018-0001", None),
    ]
    notes = rows(db_path, "SELECT petition_id, action, note FROM history WHERE action = 'import' ORDER BY id")
    assert notes == [(i + 2, "import", f"file row {i + 2}") for i in range(7)]
    assert all(f["ok"] for f in cli.json("check")), "the hash chain holds across batches"


def test_the_same_case_twice_in_a_file_is_written_once(cli, isolated):
    uid = "6f1c2a52-7d2e-4d4c-9a53-3c2b8f1e0a11"
    lines = [case(number="A-1", uid=uid), case(), case(), case(), case(), case(number="A-1", uid=uid)]
    result = cli("--lang", "en", "import", write(isolated / "t.csv", lines))
    assert "imported 5" in result.stdout and "skipped (number already there) 1" in result.stdout


def test_a_number_reused_by_another_case_names_its_row(cli, db_path, isolated):
    lines = [
        case(number="A-1", uid="6f1c2a52-7d2e-4d4c-9a53-3c2b8f1e0a11"),
        case(),
        case(),
        case(),
        case(number="A-1", uid="0d9d7f3e-52a4-4f4e-8f7b-1c2d3e4f5a6b"),
    ]
    result = cli("import", write(isolated / "t.csv", lines), ok=False)
    assert result.exit_code == 2
    assert "第 6 行，“number”列：编号 A-1 在文件中出现两次：第 2 行和第 6 行" in result.stderr
    assert not db_path.exists()  # nothing written: not even the new ledger is left


@pytest.mark.parametrize("populated", [False, True], ids=["empty ledger", "ledger with cases"])
@pytest.mark.parametrize("dry_run", [False, True], ids=["import", "dry run"])
def test_a_uid_given_twice_is_found_and_names_both_rows(cli, db_path, isolated, populated, dry_run):
    """Into an empty ledger the uid index is built after the rows (a failed build names the rows by one query);
    into a populated one, or in a dry run, the live index refuses the batch: the same words either way."""
    cli("village", "list")  # the ledger, made
    if populated:
        cli("add", "--village", "红豆", "--level", "镇", "--subject", "已有一件", "--received", "2018-03-01 09:00")
    before = rows(db_path, "SELECT count(*) FROM petitions")
    uid = "6f1c2a52-7d2e-4d4c-9a53-3c2b8f1e0a11"
    lines = [case(number="A-1", uid=uid), case(), case(), case(), case(number="A-2", uid=uid), case()]
    result = cli("import", write(isolated / "t.csv", lines), *(["--dry-run"] if dry_run else []), ok=False)
    assert result.exit_code == 2
    assert f"第 6 行，“uid”列：唯一标识 {uid} 在文件中出现两次：第 2 行和第 6 行" in result.stderr
    assert rows(db_path, "SELECT count(*) FROM petitions") == before
    assert rows(db_path, "SELECT count(*) FROM history WHERE action = 'import'") == [(0,)]


def test_a_uid_already_in_the_ledger_is_named_as_such(cli, db_path, isolated):
    uid = "6f1c2a52-7d2e-4d4c-9a53-3c2b8f1e0a11"
    cli("import", write(isolated / "a.csv", [case(number="A-1", uid=uid)]))
    result = cli("import", write(isolated / "b.csv", [case(), case(number="A-2", uid=uid)]), ok=False)
    assert f"第 3 行，“uid”列：唯一标识 {uid} 已在台账中" in result.stderr


def test_the_history_names_an_imported_case_by_its_file_row_and_hides_its_seal(cli, isolated):
    """The import row is stored as 'file row N' with the case's seal; the office reads 文件第 N 行, no digest."""
    cli("import", write(isolated / "t.csv", [case(number="A-1"), case(number="A-2")]))
    shown = cli("history", "A-2").stdout
    assert "文件第 3 行" in shown and "file row" not in shown
    assert not any(len(word) == 64 for word in shown.split())


def test_one_number_and_uid_on_two_different_cases_in_a_file_is_named(cli, db_path, isolated):
    """The same number and uid again is the same case again only if it is the same case (receipt, village,
    subject); two different cases under one number and uid were silently reduced to the first (a red team)."""
    uid = "6f1c2a52-7d2e-4d4c-9a53-3c2b8f1e0a11"
    same = [case(number="A-1", uid=uid), case(), case(number="A-1", uid=uid)]
    assert cli("import", write(isolated / "same.csv", same)).exit_code == 0  # one case, given twice: once
    other = case(number="A-2", uid="7f1c2a52-7d2e-4d4c-9a53-3c2b8f1e0a11")
    moved = case(number="A-2", uid="7f1c2a52-7d2e-4d4c-9a53-3c2b8f1e0a11", day="2018-03-05")
    result = cli("import", write(isolated / "two.csv", [other, case(), moved]), ok=False)
    assert result.exit_code == 2
    assert "编号 A-2 在文件中出现两次：第 2 行和第 4 行" in result.stderr


def test_reimporting_the_ledgers_own_export_with_update_changes_nothing(cli, db_path, isolated):
    """`import --update` of the office's own export corrected every case (the computed due date read as a
    given one) and wrote a history row for each (a newcomer, following the README)."""
    cli.add()
    cli.add(subject="又一件", received="2018-05-02 10:00")
    out = isolated / "own.csv"
    cli("export", "--out", out)
    history = rows(db_path, "SELECT count(*) FROM history")
    result = cli("import", out, "--update")
    assert "更正 0 件" in result.stdout, result.stdout
    assert rows(db_path, "SELECT count(*) FROM history") == history
    assert rows(db_path, "SELECT count(*) FROM petitions WHERE due_given IS NOT NULL") == [(0,)]


def test_the_same_problem_on_many_rows_is_one_line_with_its_rows(cli, isolated):
    """A village the ledger does not know, on every third row, was one line per row (33 lines for one village in
    the sample; a million for a million-row file): now one line naming the rows, and each other problem its own."""
    path = isolated / "v.csv"
    lines = ["登记日期,属地,信访层级,反映问题"]
    lines += [f"2018-06-{1 + i % 20:02d},{'石桥村' if i % 3 == 0 else '红豆村'},镇,异味{i}" for i in range(100)]
    path.write_text("\n".join([*lines, "2018-13-01,红豆村,镇,x"]) + "\n", encoding="utf-8")
    result = cli("import", path, ok=False)
    assert result.exit_code == 2
    errors = result.stderr.splitlines()
    assert len(errors) == 4, result.stderr  # the village once, the date, how to add villages, the count
    assert errors[0].startswith("错误：v.csv 第 2、5、8、11、14、17、20、23… 等 34 行，“属地”列：")
    assert errors[1].startswith("错误：v.csv 第 102 行，“登记日期”列：")
    assert "--new-villages" in errors[2]
    assert "有 35 处问题" in errors[3]
