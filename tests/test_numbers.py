"""Counts written every way (core.numbers, the one home): ASCII, fullwidth and Chinese numerals, everyday and
financial, with the words offices put around them; estimates said so; everything else refused, nothing written."""

import pytest

from guside_cli.core.numbers import count_of, exact_count, integer_of
from tests.conftest import rows, snapshot


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("6", 6), ("６", 6), ("六", 6), ("十二", 12), ("两", 2), ("两百", 200), ("廿", 20), ("壹佰零五", 105),
        ("貳拾", 20), ("參", 3), ("十万零一", 100001), ("零", 0), ("〇", 0), (" 12 ", 12),
        ("一二", None), ("五点五", None), ("负五", None), ("-3", None), ("+6", None), ("6.0", None),
        ("1e3", None), ("0x10", None), ("٦", None), ("六七", None), ("", None), ("人", None), ("十二个", None),
        ("九" * 5000, None),
    ],
)  # fmt: skip
def test_a_whole_number_in_any_numerals(text, number):
    assert integer_of(text) == number


@pytest.mark.parametrize(
    ("text", "count", "estimate"),
    [
        ("6人", 6, False), ("六人（集体访）", 6, False), ("6人（集体访）", 6, False), ("十人", 10, False),
        ("3", 3, False), ("十二名", 12, False), ("10人次", 10, False),
        ("约20人", 20, True), ("二十余人", 20, True), ("三十多人", 30, True), ("50人左右", 50, True),
        ("六七个", None, False), ("三四人", None, False), ("若干", None, False),
    ],
)  # fmt: skip
def test_a_count_of_people_as_offices_write_it(text, count, estimate):
    assert count_of(text) == (count, estimate)
    assert exact_count(text) == (None if estimate else count)


@pytest.mark.parametrize(("written", "stored"), [("十二", 12), ("六人", 6), ("壹佰零五", 105), ("６", 6)])
def test_add_takes_a_count_in_chinese_numerals(cli, written, stored):
    assert cli.add(persons=written)["persons"] == stored


@pytest.mark.parametrize("written", ["六七个", "约20人", "一二", "负五", "零", "十万零一"])
def test_add_refuses_what_is_not_a_count_and_writes_nothing(cli, db_path, written):
    cli.add()
    before = snapshot(db_path)
    refused = cli("add", "--village", "红豆村", "--level", "镇", "--subject", "异味", "--persons", written, ok=False)
    assert refused.exit_code in (1, 2) and "人数" in refused.stderr and "Traceback" not in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1 and snapshot(db_path) == before


def test_an_office_file_writes_its_counts_in_chinese(cli, db_path, tmp_path):
    book = tmp_path / "台账.csv"
    book.write_text(
        "登记日期,属地,信访形式,信访层级,反映问题,涉及人数\n"
        "2018-03-01,红豆村,来访,镇,化工厂异味,六人（集体访）\n"
        "2018-03-02,红豆村,来信,镇,噪声,二十余人\n"
        "2018-03-03,红豆村,来电,镇,污水,壹\n",
        encoding="utf-8",
    )
    done = cli("import", str(book))
    assert "二十余人" in done.stdout + done.stderr  # the estimate is named
    assert [r[0] for r in rows(db_path, "SELECT persons FROM petitions ORDER BY received_on")] == [6, 20, 1]
    cli("check")
