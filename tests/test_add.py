"""`guside add`: every field, every accepted spelling, every refusal."""

import pytest

from tests.conftest import rows, snapshot

FULL = dict(
    village="李家桥",
    level="省",
    form="来访",
    source="中央环保督察交办",
    subject="化工厂夜间排放异味\n第二行说明",
    cause="废气处理设施停运",
    persons="6",
    unit="镇综合执法局",
    enterprise="虚构锦程化工有限公司",
    petitioner="张某",
    phone="13900001234",
    id_number="32028119900508953X",
    forecast="可能越级上访",
    ref="D3JS201806150012",
    received="2018年6月15日 21时05分",
)


def test_every_field_round_trips(cli):
    added = cli.add(
        "--pollution", "大气", "--pollution", "noise", "--key-person", "王某某", "--key-person", "李某某", **FULL
    )
    shown = cli.json("show", added["number"], "--reveal")
    expected = {
        "number": "2018-0001",
        "received_on": "2018-06-15",
        "received_at": "2018-06-15T21:05:00+08:00",
        "village": "李家桥村",
        "form": "visit",
        "level": "province",
        "source": "central_inspection",
        "pollution": ["air", "noise"],
        "subject": "化工厂夜间排放异味\n第二行说明",
        "cause": "废气处理设施停运",
        "persons": 6,
        "unit": "镇综合执法局",
        "enterprise": "虚构锦程化工有限公司",
        "petitioner": "张某",
        "phone": "13900001234",
        "id_number": "32028119900508953X",
        "key_persons": ["王某某", "李某某"],
        "forecast": "可能越级上访",
        "ref_no": "D3JS201806150012",
        "due_on": "2018-08-14",
        "status": "open",
        "repeat_of": None,
        "escalated": True,
    }
    assert {k: shown[k] for k in expected} == expected
    assert len(shown["uid"]) == 36 and shown["id"] == 1


def test_phone_and_id_are_masked_unless_revealed(cli):
    added = cli.add(phone="13812345678", id_number="32028119900508953X")
    shown = cli.json("show", str(added["id"]))
    assert shown["phone"] == "138****5678"
    assert shown["id_number"] == "320281********953X"
    text = cli("show", added["number"]).stdout
    assert "13812345678" not in text and "138****5678" in text


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("省", "province"),
        ("省级", "province"),
        ("province", "province"),
        ("PROVINCE", "province"),
        ("京", "national"),
        ("赴京", "national"),
        ("到部", "national"),
        ("镇", "town"),
        ("县", "county"),
        ("江阴市", "county"),
        ("无锡市", "prefecture"),
        ("市", "prefecture"),
    ],
)
def test_level_accepts_codes_labels_and_short_forms(cli, typed, code):
    assert cli.add(level=typed)["level"] == code


@pytest.mark.parametrize(
    ("option", "typed", "code"),
    [
        ("form", "来信", "letter"),
        ("form", "网上", "online"),
        ("form", "phone", "phone"),
        ("form", "走访", "visit"),
        ("source", "12345", "hotline_12345"),
        ("source", "12369热线", "hotline_12369"),
        ("source", "263", "campaign_263"),
        ("source", "省环保督察交办", "provincial_inspection"),
        ("source", "上级", "superior"),
    ],
)
def test_form_and_source_accept_labels(cli, option, typed, code):
    assert cli.add(**{option: typed})[option] == code


@pytest.mark.parametrize(
    ("typed", "received_on"),
    [
        ("2018-06-07", "2018-06-07"),
        ("2018/6/7", "2018-06-07"),
        ("2018年6月7日", "2018-06-07"),
        ("２０１８年６月７日", "2018-06-07"),
        ("today", "2018-06-20"),
        ("yesterday", "2018-06-19"),
        ("2018-06-07T08:15", "2018-06-07"),
    ],
)
def test_each_date_form(cli, typed, received_on):
    assert cli.add(received=typed)["received_on"] == received_on


def test_time_of_day_is_kept_in_china_time(cli):
    assert cli.add(received="2018/6/7 8:15")["received_at"] == "2018-06-07T08:15:00+08:00"


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("received", "2018-02-30", "Error: received: '2018-02-30' is not a real date (day is out of range for month)"),
        ("received", "2018-13-01", "Error: received: '2018-13-01' is not a real date (month must be in 1..12)"),
        (
            "received",
            "last tuesday",
            "Error: received: 'last tuesday' is not a date: write it as 2018-06-07, "
            "2018/6/7, 2018年6月7日, 6月7日, 6.7, today or yesterday",
        ),
        (
            "village",
            "红豆庄",
            "Error: village: unknown village '红豆庄': did you mean 红豆村? "
            "(add a new one with `guside village add NAME`)",
        ),
        (
            "level",
            "区",
            "Error: level: unknown level '区': use one of town (镇级), county (县级), prefecture (市级), "
            "province (省级), national (国家级)",
        ),
        ("persons", "-3", "Error: persons: persons involved must be between 1 and 100000, not -3"),
        ("persons", "三四", "Error: persons: '三四' is not a number of persons: write one number, such as 6 or 6人"),
        (
            "phone",
            "1234",
            "Error: phone: phone number is not valid: a mobile has 11 digits starting 13-19, "
            "a landline its area code first (0510-86001234)",
        ),
        (
            "id_number",
            "320281199005089530",
            "Error: id_number: ID number is not valid: 18 characters with a correct "
            "check digit (0-9 or X), or a 15-digit old number; check it against the card",
        ),
    ],
)
def test_bad_input_is_one_line_error_and_writes_nothing(cli, db_path, option, value, message):
    cli.add()  # the ledger exists and has one case
    before = snapshot(db_path)
    args = {"village": "红豆村", "level": "town", "subject": "s", option: value}
    options = [x for k, v in args.items() for x in (f"--{k.replace('_', '-')}", v)]
    result = cli("--lang", "en", "add", *options, ok=False)
    assert result.exit_code == 2
    assert result.stderr.strip() == message
    assert result.stdout == ""
    assert snapshot(db_path) == before


def test_several_problems_are_all_reported(cli, db_path):
    result = cli("add", "--village", "无此村", "--level", "区", "--subject", "s", "--received", "2018-02-30", ok=False)
    lines = result.stderr.strip().splitlines()
    assert lines[0] == "错误：登记时间：“2018-02-30”不是真实的日期（这个月没有这一天）"
    assert [line.split("：")[1] for line in lines[1:]] == ["属地", "信访层级"]
    assert result.exit_code == 2
    assert not db_path.exists() or rows(db_path) == []


def test_missing_fields_without_a_terminal_are_listed(cli, db_path):
    result = cli("add", "--level", "省", ok=False)
    assert result.exit_code == 2
    assert result.stderr.strip() == "错误：缺少必填项 --village, --subject：没有终端可以询问，请用选项给出"
    assert not db_path.exists()


def test_missing_fields_are_prompted_for_on_a_terminal(cli, monkeypatch):
    monkeypatch.setattr("guside_cli.commands.cases.stdin_is_terminal", lambda: True)
    answers = "红豆\n2\n京\n\n1\n夜间噪声\n\n\n\n\n"
    result = cli("add", "--received", "2018-06-07", "--format", "json", input=answers)
    assert '"level": "national"' in result.stdout
    assert '"subject": "夜间噪声"' in result.stdout


def test_control_characters_never_reach_the_ledger(cli):
    added = cli.add(subject="异味\x1b[31m红字\x07")
    assert added["subject"] == "异味[31m红字"


def test_quotes_and_sql_are_stored_verbatim(cli):
    text = '\'; DROP TABLE petitions; -- "引号"'
    assert cli.add(subject=text)["subject"] == text
    assert cli.json("show", "1")["subject"] == text


def test_due_date_defaults_to_sixty_days_after_receipt(cli):
    assert cli.add(received="2018-06-07")["due_on"] == "2018-08-06"


def test_due_date_may_be_given_shorter(cli):
    assert cli.add(due="2018-06-17", received="2018-06-07")["due_on"] == "2018-06-17"


def test_due_date_before_receipt_is_refused(cli):
    result = cli(
        "--lang",
        "en",
        "add",
        "--village",
        "红豆",
        "--level",
        "镇",
        "--subject",
        "s",
        "--received",
        "2018-06-07",
        "--due",
        "2018-06-01",
        ok=False,
    )
    assert result.stderr.strip() == "Error: due_on: due date 2018-06-01 is before the receipt date"


def test_plain_output_names_the_number_and_id(cli):
    cli("config", "set", "deadline.calendar", "plain")  # these dates count plain days (new ledgers: official)
    result = cli("add", "--village", "红豆", "--level", "镇", "--subject", "s", "--received", "2018-06-07")
    assert result.stdout.strip() == "已登记 2018-红豆-001（序号 1），办结时限 2018-08-06"
    result = cli("--lang", "en", "add", "--village", "红豆", "--level", "镇", "--subject", "s")
    assert result.stdout.strip() == "Registered 2018-红豆-002 (id 2), due 2018-08-19"


def test_a_given_option_that_fails_is_asked_again_with_its_reason(cli, db_path, monkeypatch):
    monkeypatch.setattr("guside_cli.commands.cases.stdin_is_terminal", lambda: True)
    answers = "\n红豆\n来信\n\n水\n排污\n\n\n\n\n"  # now; the village again; form; source; pollution; subject…
    result = cli("add", "--village", "红豆庄", "--level", "镇", input=answers)  # guided: the subject is missing
    assert "没有“红豆庄”这个村（社区）：可能是 红豆村" in result.stderr  # questions go to stderr when piped
    assert rows(db_path, "SELECT village, form, pollution FROM petitions") == [("红豆村", "letter", '["water"]')]


@pytest.mark.parametrize(
    ("wrong", "said"),
    [
        ("2018-06-21 09:00", "须在 1949 年以后、今天（2018-06-20）以前"),
        ("1948-10-01", "早于 1949 年"),
        ("明天 9:00", "不是日期"),
    ],
)
def test_a_receipt_out_of_range_is_asked_again_at_its_prompt(cli, db_path, monkeypatch, wrong, said):
    """Refused at the date's own prompt (after today, before 1949), never after every other answer is typed."""
    monkeypatch.setattr("guside_cli.commands.cases.stdin_is_terminal", lambda: True)
    answers = f"{wrong}\n2018-06-07 09:30\n红豆\n来信\n镇\n\n水\n排污\n\n\n\n\n"
    result = cli("add", input=answers)
    assert said in result.stderr and "请重新输入" in result.stderr
    assert rows(db_path, "SELECT received_at, village FROM petitions") == [("2018-06-07T09:30:00+08:00", "红豆村")]


def test_no_at_the_confirmation_saves_nothing(cli, db_path, monkeypatch):
    monkeypatch.setattr("guside_cli.commands.cases.stdin_is_terminal", lambda: True)
    answers = "\n红豆\n来信\n镇\n\n水\n排污\n\n\n\nn\n"
    result = cli("add", input=answers, ok=False)
    assert result.exit_code == 1 and result.stderr.rstrip().endswith("已取消，未保存")
    assert not db_path.exists() or rows(db_path) == []


def test_end_of_input_at_a_question_cancels_with_130(cli, db_path, monkeypatch):
    monkeypatch.setattr("guside_cli.commands.cases.stdin_is_terminal", lambda: True)
    result = cli("add", input="\n红豆\n", ok=False)
    assert result.exit_code == 130 and result.stderr.rstrip().endswith("已取消，未保存")
    assert not db_path.exists() or rows(db_path) == []
