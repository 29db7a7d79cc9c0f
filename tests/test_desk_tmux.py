"""The guided `add` typed on a real terminal (tmux): readline editing, a wrong village corrected at its prompt,
a Chinese subject edited with the arrow keys, Ctrl-C. Skipped where tmux is missing."""

import os
import shutil
import subprocess
import time
import uuid

import pytest

from guside_cli.core.enums import Outcome
from tests.conftest import rows
from tests.test_cli import guside_executable

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


class Terminal:
    """One tmux session on a private server, `width` columns wide, running guside with the test's environment."""

    def __init__(self, isolated, width: int = 80, height: int = 40):
        self.socket = f"guside-test-{uuid.uuid4().hex[:8]}"
        env = {
            "GUSIDE_DB": str(isolated / "ledger.db"),
            "GUSIDE_TODAY": "2018-06-20",
            "GUSIDE_USER": "tester",
            "HOME": str(isolated / "home"),
            "LANG": "C.UTF-8",
            "TERM": "xterm-256color",
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "PS1": "$ ",
        }
        self.status = isolated / "exit_status"
        exports = " ".join(f"{k}='{v}'" for k, v in env.items())
        command = f"env -i {exports} bash --norc --noprofile"
        self._tmux("new-session", "-d", "-s", "t", "-x", str(width), "-y", str(height), command)

    def _tmux(self, *args: str) -> str:
        done = subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True, timeout=20)
        return done.stdout

    def type(self, *keys: str) -> None:
        for key in keys:
            if key in ("Enter", "Left", "Right", "Home", "End", "BSpace", "Tab", "C-c", "C-u", "Up", "C-a"):
                self._tmux("send-keys", "-t", "t", key)
            else:
                self._tmux("send-keys", "-t", "t", "-l", key)
            time.sleep(0.05)

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p", "-t", "t")

    def wait_for(self, text: str, timeout: float = 20) -> str:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            shown = self.screen()
            if text in shown:
                return shown
            time.sleep(0.1)
        raise AssertionError(f"{text!r} never appeared on the screen:\n{self.screen()}")

    def answer(self, prompt: str, *keys: str) -> None:
        self.wait_for(prompt)
        self.type(*keys, "Enter")

    def run(self, command: str) -> None:
        self.type(f'{command}; echo "exit=$?" > {self.status}', "Enter")

    def exit_code(self, timeout: float = 20) -> int:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if self.status.exists() and self.status.read_text().strip():
                return int(self.status.read_text().split("=")[1])
            time.sleep(0.1)
        raise AssertionError(f"the command did not finish:\n{self.screen()}")

    def close(self) -> None:
        self._tmux("kill-server")


@pytest.fixture
def terminal(isolated):
    term = Terminal(isolated)
    yield term
    term.close()


def test_a_whole_guided_add_typed_with_corrections_is_stored_exactly_as_typed(terminal, db_path):
    terminal.run(guside_executable() + " add")
    terminal.answer("登记时间 [现在]：", "6月7日上午9时30分")
    terminal.answer("属地（村/社区）：", "红豆庄")  # no such village: asked again with the reason
    terminal.wait_for("没有“红豆庄”这个村（社区）：可能是 红豆村")
    terminal.type("C-u", "红豆", "Tab")  # Ctrl-U clears the line, Tab completes the name
    terminal.wait_for("红豆村")
    terminal.type("Enter")
    terminal.answer("信访形式：", "来访")
    terminal.answer("信访层级：", "区")  # not a level: the choices are shown again
    terminal.wait_for("“区”不是可选项")
    terminal.type("4", "Enter")
    terminal.answer("来源 [直接受理]：")
    terminal.answer("污染类型：", "1 3")
    # the arrow keys move over wide characters: 化工厂异味 -> 夜间化工厂异味严重, with a Backspace on the way
    terminal.answer("反映问题：", "化工厂异味", *["Left"] * 5, "夜间", "End", "严重了", "BSpace")
    terminal.answer("涉及人数 [1]：", "三四人")  # an estimate, not a count: asked again
    terminal.wait_for("“三四人”不是人数")
    terminal.type("C-u", "3", "Enter")
    terminal.answer("信访人（可不填）：", "张三")
    terminal.answer("联系电话（可不填）：")
    shown = terminal.wait_for("确认保存？[Y/n]")
    assert "反映问题  夜间化工厂异味严重" in shown
    # the edited line is redrawn without gaps or stray characters: readline knew the prompt's width
    assert "反映问题：夜间化工厂异味严重\n" in shown
    assert "[D" not in shown
    terminal.type("Enter")
    assert terminal.exit_code() == 0
    terminal.wait_for("已登记 2018-0001")
    stored = rows(
        db_path, "SELECT received_at, village, form, level, pollution, subject, persons, petitioner FROM petitions"
    )
    assert stored == [
        (
            "2018-06-07T09:30:00+08:00",
            "红豆村",
            "visit",
            "province",
            '["air", "noise"]',
            "夜间化工厂异味严重",
            3,
            "张三",
        )
    ]


def test_ctrl_c_at_a_question_saves_nothing_and_exits_130(terminal, db_path):
    terminal.run(guside_executable() + " add")
    terminal.answer("登记时间 [现在]：")
    terminal.answer("属地（村/社区）：", "红豆村")
    terminal.wait_for("信访形式：")
    terminal.type("C-c")
    assert terminal.exit_code() == 130
    terminal.wait_for("已取消，未保存")
    assert not db_path.exists() or rows(db_path) == []


def test_ctrl_c_at_the_confirmation_saves_nothing(terminal, db_path):
    terminal.run(guside_executable() + " add --village 红豆 --form 来信 --level 镇 -p 水 --persons 2")
    terminal.answer("登记时间 [现在]：")
    terminal.answer("来源 [直接受理]：", "2")
    terminal.answer("反映问题：", "排污口异味")
    terminal.answer("信访人（可不填）：")
    terminal.answer("联系电话（可不填）：")
    terminal.wait_for("确认保存？[Y/n]")
    terminal.type("C-c")
    assert terminal.exit_code() == 130
    assert not db_path.exists() or rows(db_path) == []


def test_the_question_machinery_asks_for_a_missing_outcome_with_its_choices(terminal, isolated):
    """What `close` and `step` attach: ask_if_missing shows the outcome's choices and takes a number."""
    import sys

    script = isolated / "ask.py"
    script.write_text(
        "from guside_cli.commands.prompts import ask_if_missing\n"
        "from guside_cli.core.enums import Outcome\n"
        "print('chosen=' + ask_if_missing(None, 'outcome', Outcome, 'zh'))\n",
        encoding="utf-8",
    )
    terminal.run(f"{sys.executable} {script}")
    terminal.answer("办理结果：", "9")  # not a choice: asked again
    terminal.wait_for("“9”不是可选项")
    terminal.type("C-u", "2", "Enter")
    assert terminal.exit_code() == 0
    terminal.wait_for("chosen=" + list(Outcome)[1].code)
