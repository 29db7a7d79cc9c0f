"""`guside list` and `guside show`: filters, formats, wide-character alignment."""

import csv
import io

from wcwidth import wcswidth, wcwidth


def seed(cli):
    cli.add(village="红豆村", level="省", received="2018-03-01", form="来信", subject="印染厂废水直排")
    cli.add(village="顾山社区", level="镇", received="2018-05-01", form="电话", subject="工地夜间噪声", source="12345")
    cli.add(village="红豆村", level="镇", received="2017-05-01", subject="养殖场恶臭", enterprise="虚构绿源养殖场")


def numbers(cli, *args):
    return [r["number"] for r in cli.json("list", *args)]


def test_filters(cli):
    seed(cli)
    assert numbers(cli) == ["2018-顾山-001", "2018-0001", "2017-红豆-001"]
    assert numbers(cli, "--year", "2018") == ["2018-顾山-001", "2018-0001"]
    assert numbers(cli, "--village", "红豆") == ["2018-0001", "2017-红豆-001"]
    assert numbers(cli, "--level", "省级") == ["2018-0001"]
    assert numbers(cli, "--form", "电话") == ["2018-顾山-001"]
    assert numbers(cli, "--source", "12345") == ["2018-顾山-001"]
    assert numbers(cli, "--status", "在办", "--year", "2017") == ["2017-红豆-001"]
    assert numbers(cli, "--status", "closed") == []
    assert numbers(cli, "--from", "2018/3/2", "--to", "2018年12月31日") == ["2018-顾山-001"]
    assert numbers(cli, "--search", "绿源") == ["2017-红豆-001"]
    assert numbers(cli, "--search", "100%") == []
    assert numbers(cli, "--limit", "1") == ["2018-顾山-001"]


def test_bad_filter_is_a_one_line_error(cli):
    seed(cli)
    result = cli("list", "--village", "不存在村", ok=False)
    assert result.exit_code == 2 and result.stderr.startswith("错误：没有“不存在村”这个村（社区）")
    result = cli("list", "--from", "2018-07-01", "--to", "2018-06-01", ok=False)
    assert result.stderr.strip() == "错误：时段 2018-07-01..2018-06-01 是空的：--from 不能晚于 --to"
    result = cli("--lang", "en", "list", "--from", "2018-07-01", "--to", "2018-06-01", ok=False)
    assert result.stderr.strip() == "Error: the period 2018-07-01..2018-06-01 is empty: --from must not be after --to"


def test_csv_has_canonical_headers_and_every_row(cli):
    seed(cli)
    out = cli("list", "--format", "csv").stdout
    table = list(csv.DictReader(io.StringIO(out)))
    assert len(table) == 3
    assert list(table[0])[:4] == ["id", "number", "received_on", "village"]
    assert table[1]["level"] == "province" and table[1]["pollution"] == ""


def cells(line: str) -> list[str]:
    """The line as terminal cells: a wide character fills two."""
    out = []
    for ch in line:
        out.append(ch)
        if wcwidth(ch) == 2:
            out.append("")
    return out


def test_piped_text_lines_up_with_chinese(cli):
    seed(cli)
    out = cli("list").stdout
    lines = [line for line in out.splitlines() if line.strip()]
    assert len(lines) == 5  # header, rule, three cases
    rule = lines[1]
    starts = [i for i, ch in enumerate(rule) if ch == "-" and i > 0 and rule[i - 1] == " "]
    assert len(starts) == 9
    for line in [lines[0], *lines[2:]]:
        row = cells(line)
        for start in starts:
            # every column starts at the same terminal cell, right after a gap, never inside a wide character
            assert row[start - 1] == " " and row[start] != "", (start, line)
    assert any(wcswidth(line) != len(line) for line in lines)  # the table really holds wide characters


def test_english_labels(cli):
    seed(cli)
    out = cli("--lang", "en", "list").stdout
    assert out.splitlines()[0].split()[:3] == ["id", "number", "received"]
    assert "province" in out and "letter" in out
    assert "省级" in cli("list").stdout


def test_show_text_lists_every_element(cli):
    seed(cli)
    out = cli("show", "2018-0001").stdout
    for label in ("编号", "属地", "诱因", "涉及人数", "责任单位", "重点人员", "事态发展预测"):
        assert label in out
    assert "印染厂废水直排" in out


def test_list_and_show_refuse_a_missing_ledger(cli, db_path):
    result = cli("list", ok=False)
    assert result.exit_code == 2
    assert result.stderr.strip().startswith(f"错误：{db_path} 没有台账")
    assert not db_path.exists()
