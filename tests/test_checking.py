"""The reading process of a large import (services/checking.py) tells the writer how far it has read, so the
progress bar fills and says the time left (it stood at zero: the worker asked the file's position before the
reader had opened the file)."""

from datetime import datetime

import pytest

from guside_cli.core.dates import CHINA
from guside_cli.core.model import Village
from guside_cli.interchange.readers import ReadOptions, open_source
from guside_cli.services.checking import checked_in_worker


def test_the_worker_reports_how_far_it_has_read(isolated):
    from guside_cli.storage.bulk import PETITION_NAMES
    from guside_cli.storage.ledger import Ledger
    from guside_cli.storage.settings import deadline_rules

    ledger = Ledger.open(isolated / "w.db", create=True)
    ledger.at = "2019-01-10T12:00:00+08:00"
    path = isolated / "f.csv"
    lines = ["登记日期,属地,信访层级,反映问题"] + [f"2018-06-{1 + i % 20:02d},红豆村,镇,异味 {i}" for i in range(3000)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    options = ReadOptions()
    source, rows = open_source(path, None, None, options)
    seen = []
    checked = checked_in_worker(
        rows,
        now=datetime(2019, 1, 10, 12, tzinfo=CHINA),
        villages=[Village("红豆村", "红豆", "村")],
        source=source,
        prepare=(ledger, deadline_rules(ledger)),
    )
    for count, (_row, petition, problems, prepared) in enumerate(checked, start=1):
        assert petition is not None and not problems and len(prepared) == len(PETITION_NAMES)
        assert prepared[PETITION_NAMES.index("subject")] == petition.subject
        if count % 500 == 0:
            seen.append(source.position())
    assert seen == sorted(seen) and 0 < seen[0] < seen[-1] <= path.stat().st_size
    assert source.rows == 3000 and source.header_row == 1
    ledger.close()


@pytest.mark.parametrize("worker", [False, True], ids=["read here", "read by a worker"])
def test_a_cell_beyond_csvs_limit_is_named_by_its_row(cli, isolated, monkeypatch, worker):
    """csv refuses a cell over 131,072 characters (often a quote never closed): one line with the row, not the
    catch-all 'unexpected error' (a red team)."""
    from guside_cli.services import checking

    if worker:
        monkeypatch.setattr(checking, "PARALLEL_FROM", 0)
    rows = ["登记日期,属地,信访层级,反映问题"] + [f"2018-06-01,红豆村,镇,异味{i}" for i in range(40)]
    path = isolated / "cell.csv"
    path.write_text("\n".join([*rows, "2018-06-01,红豆村,镇," + "长" * 200_000]) + "\n", encoding="utf-8")
    result = cli("import", path, ok=False)
    assert result.exit_code == 2
    assert result.stderr.startswith("错误：cell.csv 第 42 行：有一格超过 131072 个字"), result.stderr
    assert result.stderr.count("\n") == 1


def test_the_writer_applies_the_leader_rules_and_links_repeats_the_same_on_both_paths(cli, isolated, monkeypatch):
    """The worker hands the writer only what it needs of each case (core.model.HandedCase): the 包案 rule by rank,
    a closed province-level case without its leader, a repeat's link and a drawn number must come out exactly as
    when the file is read in the writing process — the same words, the same cases."""
    import sqlite3
    from contextlib import closing

    from guside_cli.services import checking

    head = "编号,登记日期,属地,信访层级,信访来源,重点,反映问题,包案领导,办理状态,办结日期,repeat_of"
    lines = [head]
    for i in range(40):
        lines.append(f"2018-红豆-{i + 1:03d},2018-06-{1 + i % 20:02d},红豆村,镇,,否,异味{i},,,,")
    lines.append("2018-0001,2018-06-03,红豆村,省,,否,到省,王村长,,,")  # a village head on a province case
    lines.append("2018-0002,2018-06-04,红豆村,省,,否,已销号,,已办结,2018-06-20,")  # closed, no town leader
    lines.append("2018-红豆-090,2018-06-05,红豆村,镇,superior,是,重点交办,王村长,,,")  # key, handed down by the county
    lines.append(",2018-06-06,红豆村,镇,,否,又来了,李镇长,,,2018-红豆-001")  # drawn number, a repeat
    file = isolated / "rules.csv"
    file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    outcomes = {}
    for path, parallel_from in (("worker", 0), ("serial", 1 << 62)):
        monkeypatch.setattr(checking, "PARALLEL_FROM", parallel_from)
        db = isolated / f"{path}.db"
        cli("--db", db, "leader", "add", "王村长", "--rank", "village")
        cli("--db", db, "leader", "add", "李镇长", "--rank", "town")
        refused = cli("--db", db, "import", file, ok=False)
        assert refused.exit_code == 2
        fixed = file.read_text(encoding="utf-8").replace(",王村长,", ",李镇长,").replace(",已销号,,", ",已销号,李镇长,")
        (isolated / f"{path}.csv").write_text(fixed, encoding="utf-8")
        done = cli("--db", db, "import", isolated / f"{path}.csv")
        with closing(sqlite3.connect(db)) as conn:
            cases = conn.execute(
                "SELECT p.number, p.subject, l.name, r.number FROM petitions p LEFT JOIN leaders l ON l.id = "
                "p.leader_id LEFT JOIN petitions r ON r.id = p.repeat_of ORDER BY p.id"
            ).fetchall()
        outcomes[path] = (refused.stderr, done.stdout.replace(f"{path}.csv", "F"), cases)
    assert outcomes["worker"] == outcomes["serial"]
    stderr, _, cases = outcomes["worker"]
    assert "王村长" in stderr and "包案领导一栏为空" in stderr and stderr.count("错误") == 4, stderr
    assert cases[-1][2:] == ("李镇长", "2018-红豆-001") and cases[-1][0].startswith("2018-红豆-")
