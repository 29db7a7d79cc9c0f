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
        values=options.values,
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
