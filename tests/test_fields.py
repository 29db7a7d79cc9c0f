"""One field table (core/fields.py), one word per meaning: the labels list/show print, the headers export writes
and import reads, and the web view's public columns all come from it; 登记 is the receipt and 受理 the
acceptance everywhere."""

import csv
import io
import json
import sqlite3
from contextlib import closing

import pytest

from guside_cli.core.fields import FIELDS
from guside_cli.messages import catalogue

ACCEPTANCE = {"accepted_on", "not_accepted_reason"}  # the fields whose word is 受理


def test_received_is_registered_and_accepted_is_accepted_in_the_table():
    assert "登记" in FIELDS["received_on"].zh and "登记" in FIELDS["received_at"].zh
    assert FIELDS["accepted_on"].zh == "受理日期"
    assert [c for c, f in FIELDS.items() if "受理" in f.zh and c not in ACCEPTANCE] == []
    for code in ("received_on", "received_at"):
        assert not any(h.startswith("受理日期") for h in FIELDS[code].file_headers)


def test_no_message_calls_a_receipt_acceptance():
    wrong = [
        key
        for key, (zh, _) in catalogue().items()
        if ("received" in key or "first_received" in key) and "受理" in zh and "受理告知" not in zh
    ]
    assert wrong == []


def test_export_headers_and_show_labels_are_the_tables(cli, db_path):
    number = cli.add(received="2018-06-07 09:30")["number"]
    cli("accept", number, "--on", "2018-06-09")
    out = cli("export", "--format", "csv", "--headers", "zh").stdout
    rows = list(csv.reader(io.StringIO(out.split("\n", 1)[1] if out.startswith("#") else out)))
    header = next(r for r in rows if "编号" in r)
    record = dict(zip(header, rows[rows.index(header) + 1], strict=False))
    assert record[FIELDS["received_on"].file_headers[0]].startswith("2018-06-07")
    assert record[FIELDS["accepted_on"].file_headers[0]] == "2018-06-09"
    shown = cli("show", number).stdout
    assert FIELDS["received_at"].zh in shown and FIELDS["accepted_on"].zh in shown


def test_import_reads_a_receipt_and_an_acceptance_by_their_words(cli, db_path, tmp_path):
    file = tmp_path / "台账.csv"
    file.write_text(
        "登记日期,受理日期,村（社区）,信访层级,反映问题\n2018-06-01,2018-06-04,红豆村,镇,异味\n", encoding="utf-8"
    )
    cli("import", file)
    case = cli.json("list")[0]
    assert (case["received_on"], case["accepted_on"]) == ("2018-06-01", "2018-06-04")


def test_the_web_views_columns_are_the_tables_and_hold_what_they_say(cli, db_path, tmp_path):
    pytest.importorskip("datasette")
    from guside_cli.web.public import CASE_COLUMNS, build_public, column

    number = cli.add(received="2018-06-07 09:30")["number"]
    cli("accept", number, "--on", "2018-06-09")
    snapshot = build_public(db_path, tmp_path / "public.db", "顾山镇")
    with closing(sqlite3.connect(snapshot)) as conn:
        names = [r[1] for r in conn.execute("PRAGMA table_info(案件)")]
        row = dict(zip(names, conn.execute("SELECT * FROM 案件").fetchone(), strict=True))
    assert names[: len(CASE_COLUMNS)] == [FIELDS[c].zh for c in CASE_COLUMNS]
    assert row[column("received_on")] == "2018-06-07" and row[column("accepted_on")] == "2018-06-09"
    assert not {FIELDS[c].zh for c in FIELDS if FIELDS[c].personal} & set(names), "no personal column in public"


def test_the_campaign_and_key_case_headers_say_receipt(cli, db_path):
    number = cli.add(received="2018-06-07 09:30")["number"]
    cli("key-cases", "mark", number)
    assert "登记日期" in cli("key-cases").stdout
    data = json.loads(cli("key-cases", "--format", "json").stdout)
    assert data["key_cases"][0]["number"] == number
