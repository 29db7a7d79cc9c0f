"""Family 2 (one text boundary, formula neutraliser, markdown cells, bounds), family 3 (personal data in free text
and in the history) and family 6 (input that cannot be true)."""

import csv
import io

import pytest

from tests.conftest import snapshot

INVISIBLE = "\u202e\u2066\u200b\ufeff\x1b\x07\x85\x00"
HOSTILE = "\u202e\u2066\u200b\ufeff\x1b[31m\x07\x85"


def _texts(db_path) -> str:
    return "\n".join(v for rows in snapshot(db_path).values() for row in rows for v in row if isinstance(v, str))


@pytest.mark.parametrize(
    "args",
    [
        ("config", "set", "town.name", f"顾山{HOSTILE}镇"),
        ("leader", "add", f"张{HOSTILE}三", "--rank", "town"),
        ("enterprise", "add", f"化工{HOSTILE}厂", "--village", "红豆"),
        ("person", "add", f"李{HOSTILE}四", "--village", "红豆", "--plan", f"稳控{HOSTILE}方案"),
        ("add", "--village", "红豆", "--level", "镇", "--subject", f"异味{HOSTILE}", "--by", f"王{HOSTILE}五"),
    ],
    ids=lambda a: a[0],
)
def test_invisible_and_control_characters_never_reach_the_ledger(cli, db_path, args):
    cli(*args)
    stored = _texts(db_path)
    for ch in INVISIBLE:
        assert ch not in stored, repr(ch)


def test_gusside_user_is_cleaned_and_an_empty_signature_refused(cli, db_path, monkeypatch):
    monkeypatch.setenv("GUSIDE_USER", f"赵{HOSTILE}六")
    cli.add()
    assert all("\u202e" not in r[3] for r in snapshot(db_path)["history"])
    before = snapshot(db_path)
    for by in ("\u202e\u200b", "\x1b\x07", " "):
        result = cli("add", "--village", "红豆", "--level", "镇", "--subject", "s", "--by", by, ok=False)
        assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert snapshot(db_path) == before


@pytest.mark.parametrize(
    "args",
    [
        ("add", "--village", "红豆", "--level", "镇", "--subject", "s", "--by", "x" * 100_000),
        ("person", "add", "李四", "--village", "红豆", "--plan", "x" * 100_000),
    ],
    ids=["by", "plan"],
)
def test_every_text_is_bounded(cli, db_path, args):
    cli.add()
    before = snapshot(db_path)
    result = cli(*args, ok=False)
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert snapshot(db_path) == before


FORMULAS = ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "＝1+1", "＋1", "－1", "＠A1", "\t=1"]


def _cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text.lstrip("\ufeff"))) for cell in row]


@pytest.mark.parametrize("formula", FORMULAS)
def test_every_csv_cell_is_neutralised_list_cells_included(cli, formula):
    number = cli.add("--key-person", formula, enterprise=formula, subject=formula)["number"]
    cli("leader", "add", "张三", "--rank", "town", "--title", formula)
    cli("enterprise", "add", "--village", "红豆", "--", f"{formula}厂")
    cli("edit", number, "--set", f"cause={formula}")
    outputs = [
        cli("export").stdout,
        cli("history", number, "--format", "csv").stdout,
        cli("leader", "list", "--format", "csv").stdout,
        cli("enterprise", "list", "--format", "csv").stdout,
        cli("village", "list", "--format", "csv").stdout,
        cli("report", "--format", "csv").stdout,
        cli("check", "--elements", "--format", "csv", ok=False).stdout,
        cli("publish", "--format", "csv").stdout,
    ]
    for text in outputs:
        for cell in _cells(text):
            assert (
                cell[:1] not in ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")
                or cell.lstrip("-").isdigit()
                or (cell.startswith("-") and cell[1:2] == "-")
            ), (cell, text[:200])


def test_markdown_cells_escape_pipes_tags_and_line_breaks(cli):
    cli.add(subject="a|b <script>x</script>\n第二行")
    text = cli("publish", "--format", "markdown").stdout
    row = next(line for line in text.splitlines() if "2018-红豆-001" in line)
    assert "<script>" not in text and "a\\|b" in row and "第二行" in row


@pytest.mark.parametrize(
    "written",
    [
        "139.1234.5678",
        "139  1234  5678",
        "139—1234—5678",
        "139–1234–5678",
        "139\u200b1234\u200b5678",
        "１３９１２３４５６７８",
        "𝟏𝟑𝟗𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖",
        "一三九一二三四五六七八",
        "幺三九〇〇〇〇一二三四",
        "3202 8119 9005 0895 3X",
    ],
)
def test_numbers_written_every_way_are_masked_in_public_and_redacted_outputs(cli, written):
    cli.add(subject=f"投诉人电话{written}请回电")
    public = cli("publish").stdout + cli("publish", "--format", "csv").stdout
    redacted = cli("export", "--redact").stdout
    for text in (public, redacted):
        assert written not in text
        assert "12345678" not in text and "00001234" not in text and "9005089" not in text


def test_show_and_history_mask_phone_and_id_edits_unless_revealed(cli, db_path):
    number = cli.add(phone="13912345678")["number"]
    cli("edit", number, "--set", "phone=13800001111")
    for text in (cli("history", number).stdout, cli("show", number).stdout, cli("show", number, "-f", "json").stdout):
        assert "13912345678" not in text and "13800001111" not in text
    revealed = cli("history", number, "--reveal").stdout
    assert "13912345678" in revealed
    assert any(r[4] == "reveal" and r[8] == "history" for r in snapshot(db_path)["history"])


@pytest.mark.parametrize(
    "args",
    [
        ("--received", "2018-06-21"),  # after today
        ("--received", "1948-12-31"),
        ("--due", "2019-01-01"),  # beyond the statutory limit
        ("--number", "../../etc/passwd"),
        ("--number", "-1"),
        ("--number", "2017-0001"),  # another year's number
        ("--number", "２０１７-０００１"),  # the same, in full-width digits
    ],
)
def test_input_that_cannot_be_true_is_refused(cli, db_path, args):
    cli.add()
    before = snapshot(db_path)
    result = cli("add", "--village", "红豆", "--level", "镇", "--subject", "s", *args, ok=False)
    assert result.exit_code == 2 and result.stderr.count("\n") == 1, result.stderr
    assert snapshot(db_path) == before


def test_a_repeat_of_a_later_petition_and_a_target_for_year_0_are_refused(cli, db_path):
    later = cli.add(received="2018-06-10")["number"]
    before = snapshot(db_path)
    result = cli(
        "add",
        "--village",
        "红豆",
        "--level",
        "镇",
        "--subject",
        "s",
        "--received",
        "2018-06-01",
        "--repeat-of",
        later,
        ok=False,
    )
    assert result.exit_code != 0 and later in result.stderr
    assert cli("target", "set", "--year", "0", "--total", "30", "--escalated", "25", ok=False).exit_code == 2
    assert snapshot(db_path) == before


def test_a_case_number_in_free_text_is_not_masked_but_a_phone_beside_it_is():
    from guside_cli.core.identity import mask_in_text

    masked = mask_in_text("见 2018-0042 号件，电话 13912345678")
    assert masked == "见 2018-0042 号件，电话 139****5678"
