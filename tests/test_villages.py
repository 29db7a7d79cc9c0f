"""Villages are reference data: seeded with 顾山镇's list, editable."""

from guside_cli.resources import default_villages_file


def test_new_ledger_holds_the_towns_villages(cli):
    listed = cli.json("village", "list")
    expected = default_villages_file().read_text(encoding="utf-8").split()[1:]
    assert [v["name"] for v in listed] == expected
    assert len(listed) == 14
    assert {"name": "红豆村", "short": "红豆", "kind": "村", "petitions": 0} in listed
    assert {"name": "顾山社区", "short": "顾山", "kind": "社区", "petitions": 0} in listed


def test_add_a_village_and_use_it(cli):
    assert cli("village", "add", "新桥村").stdout.strip() == "已添加 新桥村（简称 新桥）"
    assert cli.add(village="新桥")["number"] == "2018-新桥-001"
    listed = cli.json("village", "list")
    assert {"name": "新桥村", "short": "新桥", "kind": "村", "petitions": 1} in listed


def test_duplicate_village_is_refused(cli):
    result = cli("village", "add", "红豆村", ok=False)
    assert result.exit_code == 2
    assert result.stderr.strip() == "错误：属地“红豆村”与名单中已有的“红豆村”冲突"


def test_village_name_must_be_one_word(cli):
    result = cli("village", "add", "红豆 村", ok=False)
    assert result.stderr.strip() == "错误：村（社区）名称“红豆 村”须为不含空格、不超过32个字的一个词，如 红豆村"
