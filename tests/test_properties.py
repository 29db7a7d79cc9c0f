"""Property-based tests (hypothesis): what must hold for any input, not only the ones we thought of."""

import csv
import sqlite3
from contextlib import closing, suppress
from datetime import date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from guside_cli.commands._common import Run
from guside_cli.core.dates import CHINA, parse_date, parse_datetime
from guside_cli.core.errors import GusideError
from guside_cli.core.identity import id_check_digit, mask_in_text
from guside_cli.interchange.readers import open_source
from guside_cli.services.importing import register_rows
from guside_cli.storage.ledger import Ledger

NOW = datetime(2019, 1, 15, 10, 0, tzinfo=CHINA)
QUICK = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@given(st.text(max_size=40))
@settings(max_examples=400, deadline=None)
def test_the_date_parser_returns_a_date_or_the_tools_error(text):
    for parse in (lambda t: parse_date(t, NOW.date()), lambda t: parse_datetime(t, NOW)):
        with suppress(GusideError):
            parse(text)


FORMS = st.sampled_from(["%Y-%m-%d", "%Y/%m/%d", "%Y年%m月%d日", "%Y%m%d"])


@given(st.dates(min_value=date(1949, 1, 1), max_value=date(NOW.year + 10, NOW.month, NOW.day)), FORMS)
@settings(max_examples=200, deadline=None)
def test_every_real_date_reads_back_in_every_form(day, form):
    assert parse_date(day.strftime(form), NOW.date()) == day


@given(
    st.one_of(
        st.dates(min_value=date(1000, 1, 1), max_value=date(1948, 12, 31)),
        st.dates(min_value=date(NOW.year + 10, NOW.month, NOW.day + 1), max_value=date(9999, 12, 31)),
    ),
    FORMS,
)
@settings(max_examples=100, deadline=None)
def test_dates_before_1949_or_far_ahead_are_refused(day, form):
    with pytest.raises(GusideError, match=str(day)):
        parse_date(day.strftime(form), NOW.date())


ids = st.builds(
    lambda region, born, seq: (lambda body: body + id_check_digit(body))(f"{region:06d}{born:%Y%m%d}{seq:03d}"),
    st.integers(110000, 659999),
    st.dates(date(1920, 1, 1), date(2010, 12, 31)),
    st.integers(0, 999),
)
mobiles = st.builds(lambda second, rest: f"1{second}{rest:09d}", st.integers(3, 9), st.integers(0, 10**9 - 1))
FULL_WIDTH = str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")


@given(st.one_of(ids, mobiles), st.text(max_size=20), st.text(max_size=20), st.booleans())
@settings(max_examples=400, deadline=None)
def test_redaction_never_lets_an_id_or_mobile_number_through(number, before, after, full_width):
    written = number.translate(FULL_WIDTH) if full_width else number
    masked = mask_in_text(before + written + after)
    assert number not in masked and written not in masked
    assert number not in masked.translate(str.maketrans("０１２３４５６７８９Ｘ", "0123456789X"))


subjects = st.text(
    alphabet=st.sampled_from(list('信访噪声异味化工厂夜间排放河道污水abcXYZ0189,;"“”（）—…·、。！？ ')),
    min_size=1,
    max_size=30,
).filter(lambda s: s.strip())


@given(st.lists(subjects, min_size=1, max_size=8), st.sampled_from(["utf-8", "utf-8-sig", "gb18030"]))
@QUICK
def test_csv_in_any_encoding_imports_back_exactly(tmp_path_factory, texts, encoding):
    folder = tmp_path_factory.mktemp("csv")
    path = folder / "rows.csv"
    with open(path, "w", encoding=encoding, newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["受理日期", "属地", "信访层级", "反映问题"])
        for i, text in enumerate(texts):
            writer.writerow([f"2018-06-{i + 1:02d}", "红豆村", "镇", text])
    db = folder / "ledger.db"
    run = Run(db=db, lang="zh", today=NOW.date(), now=NOW, user="prop")
    _, rows = open_source(path)
    with Ledger.open(db, create=True) as ledger:
        loaded = register_rows(ledger, rows, run)
    assert loaded.problems == [] and loaded.written == len(texts)
    with closing(sqlite3.connect(db)) as conn:
        stored = [s for (s,) in conn.execute("SELECT subject FROM petitions ORDER BY received_on")]
    assert stored == [t.strip() for t in texts]


petition_rows = st.lists(
    st.tuples(
        st.sampled_from(["红豆村", "顾山社区", "漍东村", "新龚村"]),
        st.sampled_from(["镇", "县", "市", "省", "京"]),
        st.integers(0, 729),
        st.integers(1, 9),
    ),
    max_size=40,
)


@given(petition_rows)
@QUICK
def test_report_totals_equal_plain_counts(tmp_path_factory, rows):
    from typer.testing import CliRunner

    from guside_cli.app import app

    db = tmp_path_factory.mktemp("rep") / "ledger.db"
    run = Run(db=db, lang="zh", today=NOW.date(), now=NOW, user="prop")
    raw = [
        {
            "received": (date(2017, 1, 1) + timedelta(days=d)).isoformat(),
            "village": v,
            "level": lvl,
            "subject": "s",
            "persons": str(n),
        }
        for v, lvl, d, n in rows
    ]
    with Ledger.open(db, create=True) as ledger:
        assert register_rows(ledger, enumerate(raw, start=2), run).problems == []
    import json

    result = CliRunner().invoke(
        app,
        [
            "--db",
            str(db),
            "--today",
            "2019-01-15",
            "report",
            "--year",
            "2018",
            "--format",
            "json",
            "--measure",
            "persons",
        ],
    )
    report = json.loads(result.stdout)
    with closing(sqlite3.connect(db)) as conn:

        def one(sql, *params):
            return conn.execute(sql, params).fetchone()[0] or 0

        assert report["total"]["current"] == one("SELECT sum(persons) FROM petitions WHERE received_on LIKE '2018%'")
        assert report["total"]["previous"] == one("SELECT sum(persons) FROM petitions WHERE received_on LIKE '2017%'")
        assert report["escalated"]["current"] == one(
            "SELECT sum(persons) FROM petitions WHERE received_on LIKE '2018%' AND level IN ('province', 'national')"
        )
        for village in report["villages"]:
            assert village["total"]["current"] == one(
                "SELECT sum(persons) FROM petitions WHERE received_on LIKE '2018%' AND village = ?", village["village"]
            )


# good and bad spellings of each element, so that rows repeat values the memo has seen, both ways
POOLS = {
    "received": ["2018-06-07 09:30", "2018-02-30", "2018/6/7", "昨天", "2018-06-07T09:30:00+08:00", ""],
    "village": ["红豆村", "红豆", "火星村", "", "顾山社区"],
    "level": ["town", "省", "省级", "planet", ""],
    "form": ["visit", "来访", "pigeon", ""],
    "source": ["12345", "hotline_12369", "rumour", ""],
    "pollution": ["大气;噪声", "噪音、大气", "smell", ";", ""],
    "persons": ["3", "３人", "0", "many", ""],
    "subject": ["化工厂异味", "x" * 2001, " ", ""],
    "phone": ["13900001234", "12345", ""],
    "number": ["2018-0042", "42", "two words", ""],
    "due_on": ["2018-08-01", "2018-01-01", "soon", ""],
    "status": ["closed", "open", "pending", ""],
    "closed_on": ["2018-06-10", "2018-01-01", "2030-01-01", "2018-13-01", ""],
    "outcome": ["resolved", "停访息诉", "won", ""],
    "uid": ["6F1C2A52-7D2E-4D4C-9A53-3C2B8F1E0A11", "6f1c2a52-7d2e-4d4c-9a53-3c2b8f1e0a11", "nope", ""],
    "reopened": ["0", "2", "-1", ""],
    "verified": ["是", "false", "maybe", ""],
}


@given(st.lists(st.fixed_dictionaries({k: st.sampled_from(v) for k, v in POOLS.items()}), max_size=25))
@QUICK
def test_a_memo_changes_nothing_but_the_speed(raws):
    """`intake` with the memo a bulk load shares across rows gives exactly what it gives without one."""
    from guside_cli.core.intake import Memo, intake
    from guside_cli.core.model import Village

    villages = [Village("红豆村", "红豆", "村"), Village("顾山社区", "顾山", "社区")]
    memo = Memo()
    for raw in raws:
        assert intake(raw, now=NOW, villages=villages, memo=memo) == intake(raw, now=NOW, villages=villages)
