"""The documentation's terminal transcripts replayed key by key on a real terminal (tmux, 80 columns).

A fenced block whose info string is `console terminal` is what a terminal showed: its first line `$ COMMAND`, then
the screen as the program drew it, the clerk's answers typed after each prompt. The test starts COMMAND on a copy
of the demo ledger (today pinned to 2018-12-31, as the runnable examples), and whenever the program waits for input
on a line whose text the transcript continues, types the rest of the transcript's line and Enter. The screen must
then equal the transcript line for line (trailing blanks ignored), and the ledger must pass `guside check`.
Skipped where tmux is missing."""

import os
import re
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from rich.cells import cell_len

from scripts.doc_examples import ROOT, documents

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

FENCE = re.compile(r"^(`{3,}|~{3,})\s*console\s+terminal\s*$")
WIDTH, HEIGHT = 80, 60


def transcripts() -> list[tuple[str, list[str]]]:
    """Every `console terminal` block of README.md and docs/: (file:line, its lines)."""
    found = []
    for path in documents():
        lines = path.read_text(encoding="utf-8").splitlines()
        for i, line in enumerate(lines):
            opening = FENCE.match(line)
            if opening:
                end = next(j for j in range(i + 1, len(lines)) if lines[j].startswith(opening.group(1)))
                found.append((f"{path.relative_to(ROOT).as_posix()}:{i + 1}", [x.rstrip() for x in lines[i + 1 : end]]))
    return found


def typed(line: str, column: int) -> str:
    """What the clerk typed on a transcript line: the text after the first `column` cells (the prompt)."""
    for i in range(len(line) + 1):
        if cell_len(line[:i]) >= column:
            return line[i:]
    return ""


class Screen:
    """One tmux session on a private server running a clean shell in `folder`."""

    def __init__(self, folder: Path, env: dict[str, str]):
        self.socket = f"guside-manual-{uuid.uuid4().hex[:8]}"
        exports = " ".join(f"{k}='{v}'" for k, v in env.items())
        shell = f"cd '{folder}' && env -i {exports} bash --norc --noprofile"
        self.tmux("new-session", "-d", "-s", "t", "-x", str(WIDTH), "-y", str(HEIGHT), shell)

    def tmux(self, *args: str) -> str:
        return subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True, timeout=20).stdout

    def type(self, text: str) -> None:
        if text:
            self.tmux("send-keys", "-t", "t", "-l", text)
        self.tmux("send-keys", "-t", "t", "Enter")

    def settled(self, timeout: float = 20) -> tuple[list[str], tuple[int, int]]:
        """The screen's lines (trailing blank ones dropped) and the cursor (row, column in cells), once both stay
        still 0.3 s."""
        end, last, still = time.monotonic() + timeout, None, 0.0
        while time.monotonic() < end:
            shown = self.tmux("capture-pane", "-p", "-t", "t").rstrip("\n").split("\n")
            y, x = self.tmux("display-message", "-p", "-t", "t", "#{cursor_y} #{cursor_x}").split()
            cursor = (int(y), int(x))
            while shown and not shown[-1].strip():
                shown.pop()
            now = ([line.rstrip() for line in shown], cursor)
            still = still + 0.1 if now == last else 0.0
            if still >= 0.3:
                return now
            last = now
            time.sleep(0.1)
        raise AssertionError("the screen never settled")

    def close(self) -> None:
        self.tmux("kill-server")


def test_the_documentation_has_a_terminal_transcript():
    assert any(lines[0] == "$ guside add" for _, lines in transcripts())


@pytest.mark.parametrize(("where", "transcript"), transcripts(), ids=[w for w, _ in transcripts()])
def test_a_terminal_transcript_replays_as_written(tmp_path, demo, where, transcript):
    assert transcript[0].startswith("$ "), f"{where}: a transcript starts with its `$ ` command"
    shutil.copy(demo, tmp_path / "demo.db")
    env = {
        "PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin",
        "HOME": str(tmp_path),
        "LANG": "C.UTF-8",
        "TERM": "xterm-256color",
        "GUSIDE_DB": str(tmp_path / "demo.db"),
        "GUSIDE_TODAY": "2018-12-31",
        "PS1": "$ ",
    }
    screen = Screen(tmp_path, env)
    try:
        assert screen.settled()[0] == ["$"]  # the shell is ready before a key is typed
        screen.type(transcript[0][2:])
        deadline = time.monotonic() + 60
        while True:
            shown, (row, column) = screen.settled()
            if shown[-1] == "$" and row == len(shown) - 1:  # the shell's prompt again: the command ended
                break
            k = len(shown) - 1
            assert shown[:k] == transcript[:k], f"{where}: the screen differs from the transcript:\n" + "\n".join(shown)
            if row != k:  # the cursor below the text: the program is still starting or writing
                assert time.monotonic() < deadline, f"{where}: the program never asked:\n" + "\n".join(shown)
                continue
            assert k < len(transcript) and transcript[k].startswith(shown[k]), (
                f"{where}: the program waits at a line the transcript does not continue:\n" + "\n".join(shown)
            )
            screen.type(typed(transcript[k], column))
    finally:
        screen.close()
    assert shown[:-1] == transcript, f"{where}: the screen at the end differs:\n" + "\n".join(shown)
    checked = subprocess.run(
        [str(Path(sys.executable).parent / "guside"), "check"], env={**os.environ, **env}, capture_output=True
    )
    assert checked.returncode == 0, checked.stderr.decode()
