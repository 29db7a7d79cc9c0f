"""`close` and `step` typed on a real terminal (tmux) without their options: each asks for what it lacks, with
the choices shown, checks the answer, and Ctrl-C saves nothing. Skipped where tmux is missing."""

import shutil

import pytest

from tests.conftest import rows
from tests.test_cli import guside_executable
from tests.test_desk_tmux import Terminal

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


@pytest.fixture
def terminal(isolated):
    term = Terminal(isolated)
    yield term
    term.close()


def test_step_asks_for_its_kind_with_the_choices_and_for_the_note(cli, terminal, db_path):
    number = cli.add(received="2018-06-07 09:30")["number"]
    terminal.run(f"{guside_executable()} step {number} --at '2018-06-07 10:30'")
    shown = terminal.wait_for("调处环节：")
    assert "1) 联系信访人" in shown and "2) 到达现场" in shown
    terminal.type("喝茶", "Enter")  # not a kind: asked again with the reason and the choices
    terminal.wait_for("“喝茶”不是可选项")
    terminal.type("C-u", "2", "Enter")
    terminal.answer("情况说明：", "现场有异味")
    assert terminal.exit_code() == 0
    terminal.wait_for(f"{number}：已记录到达现场（登记后 1.0 小时）")
    assert rows(db_path, "SELECT kind, note FROM steps") == [("arrive", "现场有异味")]


def test_close_asks_for_the_outcome_and_ctrl_c_saves_nothing(cli, terminal, db_path):
    number = cli.add(received="2018-06-07")["number"]
    terminal.run(f"{guside_executable()} close {number} --on 2018-06-10")
    shown = terminal.wait_for("办理结果：")
    assert "1) 问题解决" in shown and "2) 停诉息访" in shown
    terminal.type("C-c")
    assert terminal.exit_code() == 130
    terminal.wait_for("已取消，未保存")
    assert rows(db_path, "SELECT status FROM petitions") == [("open",)]


def test_close_takes_the_outcome_answered_by_number_in_english_too(cli, terminal, db_path):
    number = cli.add(received="2018-06-07")["number"]
    cli("leader", "add", "王镇长", "--rank", "town")
    cli("assign", number, "--leader", "王镇长")
    cli("step", number, "--kind", "mediate", "--at", "2018-06-08", "--note", "调处")
    terminal.run(f"{guside_executable()} --lang en close {number} --on 2018-06-10")
    shown = terminal.wait_for("Outcome:")
    assert "1) resolved  2) stopped petitioning" in shown
    terminal.type("1", "Enter")
    assert terminal.exit_code() == 0
    assert rows(db_path, "SELECT status, outcome FROM petitions") == [("closed", "resolved")]


def test_close_of_a_case_that_is_not_there_asks_nothing(cli, terminal):
    cli.add()
    terminal.run(f"{guside_executable()} close 2018-9999")
    assert terminal.exit_code() == 1
    shown = terminal.wait_for("没有案件“2018-9999”")
    assert "办理结果" not in shown
