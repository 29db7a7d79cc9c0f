"""Case numbers per the plan's 挂账销号 rule: town sequence for province/Beijing, village sequence otherwise."""


def test_escalated_petitions_take_the_town_sequence(cli):
    assert cli.add(level="省")["number"] == "2018-0001"
    assert cli.add(level="京", village="顾山社区")["number"] == "2018-0002"


def test_others_take_their_village_sequence(cli):
    assert cli.add(level="镇")["number"] == "2018-红豆-001"
    assert cli.add(level="县")["number"] == "2018-红豆-002"
    assert cli.add(level="市", village="顾山社区")["number"] == "2018-顾山-001"
    assert cli.add(level="省")["number"] == "2018-0001"


def test_each_sequence_runs_per_year_of_receipt(cli):
    assert cli.add(received="2017-12-31")["number"] == "2017-红豆-001"
    assert cli.add(received="2018-01-01")["number"] == "2018-红豆-001"
    assert cli.add(received="2017-06-01")["number"] == "2017-红豆-002"


def test_a_given_number_is_kept_and_then_stepped_over(cli):
    assert cli.add(number="2018-红豆-002")["number"] == "2018-红豆-002"
    assert cli.add()["number"] == "2018-红豆-001"
    assert cli.add()["number"] == "2018-红豆-003"  # 002 was taken by hand


def test_numbers_never_repeat(cli, db_path):
    cli.add(number="XF-7")
    result = cli("add", "--village", "红豆", "--level", "镇", "--subject", "s", "--number", "XF-7", ok=False)
    assert result.exit_code == 2
    assert result.stderr.strip() == "错误：编号 XF-7 已在台账中：编号不能重复"


def test_a_bare_integer_number_is_refused_as_it_would_read_as_an_id(cli):
    result = cli("add", "--village", "红豆", "--level", "镇", "--subject", "s", "--number", "42", ok=False)
    assert "案件编号“42”只有数字，请加年份前缀，如 2018-42" in result.stderr


def test_a_refused_add_leaves_no_gap(cli):
    cli.add(level="省")
    cli("add", "--village", "红豆", "--level", "省", "--subject", "s", "--phone", "12", ok=False)
    assert cli.add(level="省")["number"] == "2018-0002"


def test_cases_are_found_by_number_or_id(cli):
    added = cli.add(level="省")
    assert cli.json("show", "2018-0001")["id"] == added["id"]
    assert cli.json("show", str(added["id"]))["number"] == "2018-0001"
