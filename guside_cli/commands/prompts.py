"""Asking at a terminal: one question at a time, each answer checked as it is given, with line editing.

A `Question` says what is asked (a catalogue label), how the answer is checked (a function that returns the value
to keep, as text, or raises a GusideError whose message is the reason) and what helps: a default taken on Enter,
numbered choices, names completed with Tab. `Desk.ask` asks until the answer is good; Ctrl-C or Ctrl-D raises
`Cancelled`. Line editing is Python's readline (arrows, Home/End, Ctrl-U, history of earlier answers, Tab); the
prompt is handed to readline whole, so it knows the width of its Chinese characters when it redraws the line.

Used by `add`; `close` and `step` ask for what they lack with one line each (their option made optional,
`str | None = None`):

    outcome = ask_if_missing(outcome, "outcome", Outcome, run.lang)     # close: the outcome with its choices
    kind = ask_if_missing(kind, "kind", StepKind, run.lang)             # step: the kind of step
    note = ask_if_missing(note, "note", None, run.lang)                 # step: free text

Without a terminal nothing is asked: a missing value is the one-line error of a missing option (exit 2); Ctrl-C
at the question prints 已取消，未保存 and exits 130.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from guside_cli.core.errors import GusideError, InputError
from guside_cli.messages import M, text

# answers remembered for the Up arrow, per question; personal data is never written to the history file
PRIVATE = frozenset({"petitioner", "phone", "id_number"})
HISTORY_KEPT = 50


class Cancelled(Exception):
    """The user pressed Ctrl-C or Ctrl-D at a question: nothing is saved."""


@dataclass
class Question:
    name: str  # the element asked for (history and completion are kept per name)
    label: str  # what the prompt says, in the run's language
    check: Callable[[str], str]  # the answer as typed -> the text to keep; raises GusideError with the reason
    default: str | None = None  # shown in brackets, taken on Enter
    optional: bool = False  # Enter with no default leaves it empty
    choices: Sequence[tuple[str, str]] = ()  # (code, label) numbered 1..n; a number, code or label is accepted
    completions: Sequence[str] = field(default_factory=tuple)  # Tab completes these
    several: bool = False  # several answers separated by 、 , ; or spaces


def choice_question(name: str, label: str, kind, *, default=None, lang: str = "zh", several: bool = False) -> Question:
    """A question whose answer is one (or several) members of a coded enum, by number, code or label."""
    members = list(kind)
    choices = [(m.code, m.label(lang)) for m in members]

    def one(answer: str) -> str:
        answer = answer.strip()
        if answer.isdigit() and 1 <= int(answer) <= len(members):
            return members[int(answer) - 1].code
        try:
            return kind.parse(answer).code
        except InputError:
            raise InputError(M("ask.not_a_choice", answer=answer)) from None

    def check(answer: str) -> str:
        if not several:
            return one(answer)
        import re

        parts = [p for p in re.split(r"[、,，;；\s]+", answer) if p]
        return ";".join(dict.fromkeys(one(p) for p in parts))

    return Question(
        name=name,
        label=label,
        check=check,
        default=default.label(lang) if default is not None else None,
        choices=choices,
        completions=[label for _, label in choices],
        several=several,
    )


class Desk:
    """The terminal the questions are asked on."""

    def __init__(self, lang: str, history_file: Path | None = None, *, out=None) -> None:
        self.lang = lang
        # the questions go where the user sees them: stdout on a terminal, else stderr (stdout may be a file)
        self.interactive = sys.stdin.isatty() and sys.stdout.isatty()
        self.out = out or (sys.stdout if self.interactive else sys.stderr)
        self.history_file = history_file
        self.history: dict[str, list[str]] = _load_history(history_file)
        self._candidates: list[str] = []
        self.readline = _readline()
        if self.readline is not None:
            self.readline.set_completer(self._complete)

    # -- asking -----------------------------------------------------------------------------------------------
    def ask(self, q: Question, reason: str | None = None) -> str | None:
        """Ask until the answer passes `q.check`; returns the checked text (None for a skipped optional)."""
        if reason:
            self.say(text("ask.reason", self.lang, reason=reason))
        if q.choices:
            self.say(self._choices(q))
        while True:
            answer = self._input(q)
            if answer == "" and q.default is not None:
                answer = q.default
            if answer == "":
                if q.optional:
                    return None
                self.say(text("ask.reason", self.lang, reason=text("ask.required", self.lang)))
                continue
            try:
                value = q.check(answer)
            except GusideError as e:
                self.say(text("ask.reason", self.lang, reason=_one_line(str(e.message))))
                if q.choices:
                    self.say(self._choices(q))
                continue
            self._remember(q.name, answer)
            return value

    def confirm(self, label: str, default: bool = True) -> bool:
        hint = "[Y/n]" if default else "[y/N]"
        while True:
            answer = self._raw_input(f"{label}{hint} ").strip().lower()
            if not answer:
                return default
            if answer in ("y", "yes", "是", "好", "确认", "1"):
                return True
            if answer in ("n", "no", "否", "不", "0"):
                return False

    def say(self, line: str) -> None:
        self.out.write(line + "\n")
        self.out.flush()

    def save_history(self) -> None:
        if self.history_file is None:
            return
        try:
            self.history_file.parent.mkdir(parents=True, exist_ok=True)
            kept = {k: v[-HISTORY_KEPT:] for k, v in self.history.items() if k not in PRIVATE}
            self.history_file.write_text(json.dumps(kept, ensure_ascii=False), encoding="utf-8")
            self.history_file.chmod(0o600)
        except OSError:
            pass  # the history is a convenience: never fail a saved case for it

    # -- the line editor --------------------------------------------------------------------------------------
    def _choices(self, q: Question) -> str:
        """The numbered choices, wrapped between items to the terminal's width (a label is never split)."""
        import shutil

        from wcwidth import wcswidth

        width = min(shutil.get_terminal_size().columns, 100) - 1
        items = [f"{i}) {label}" for i, (_, label) in enumerate(q.choices, 1)]
        if q.several:
            items.append(text("ask.several", self.lang))
        lines, line = [], " "
        for item in items:
            if wcswidth(line) + 2 + wcswidth(item) > width and line.strip():
                lines.append(line)
                line = " "
            line += ("  " if line.strip() else " ") + item
        lines.append(line)
        return "\n".join(lines)

    def _input(self, q: Question) -> str:
        default = f" [{q.default}]" if q.default else (text("ask.optional", self.lang) if q.optional else "")
        prompt = f"{q.label}{default}：" if self.lang == "zh" else f"{q.label}{default}: "
        rl = self.readline
        if rl is not None:
            rl.clear_history()
            for earlier in self.history.get(q.name, []):
                rl.add_history(earlier)
            self._candidates = list(dict.fromkeys(q.completions))
            # a whole answer is completed, unless several are typed on one line
            rl.set_completer_delims("、,，;； " if q.several else "")
        return self._raw_input(prompt).strip()

    def _raw_input(self, prompt: str) -> str:
        try:
            if self.interactive:
                return input(prompt)  # readline edits the line and knows the prompt's width
            self.out.write(prompt)
            self.out.flush()
            line = sys.stdin.readline()
            if not line:
                raise EOFError
            return line.rstrip("\n")
        except (KeyboardInterrupt, EOFError):
            self.out.write("\n")
            raise Cancelled from None

    def _complete(self, typed: str, state: int) -> str | None:
        matches = [c for c in self._candidates if c.startswith(typed)]
        return matches[state] if state < len(matches) else None

    def _remember(self, name: str, answer: str) -> None:
        earlier = [a for a in self.history.get(name, []) if a != answer]
        self.history[name] = [*earlier, answer][-HISTORY_KEPT:]


def _readline():
    """GNU readline (or libedit) when this Python has it: input() then edits the line properly."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        return None
    try:
        import readline
    except ImportError:  # a Python built without it: answers are still read, without editing
        return None
    if "libedit" in (readline.__doc__ or ""):
        readline.parse_and_bind("bind ^I rl_complete")
    else:
        readline.parse_and_bind("tab: complete")
        readline.parse_and_bind("set show-all-if-ambiguous on")
    return readline


def _load_history(path: Path | None) -> dict[str, list[str]]:
    if path is None or not path.exists():
        return {}
    try:
        data: Any = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): [str(a) for a in v if isinstance(a, str)] for k, v in data.items() if isinstance(v, list)}


def _one_line(message: str) -> str:
    return " ".join(message.split())


def ask_if_missing(value: str | None, name: str, kind, lang: str) -> str:
    """`value` if the option gave it; else, on a terminal, the answer to its question (`kind`: a coded enum
    whose choices are shown, or None for free text); else the missing-option error."""
    if value not in (None, ""):
        return str(value)
    if not sys.stdin.isatty():
        raise InputError(M("add.missing", flags=f"--{name.replace('_', '-')}"))
    import typer

    label = text(f"ask.{name}", lang)
    question = (
        choice_question(name, label, kind, lang=lang)
        if kind is not None
        else Question(name, label, lambda answer: " ".join(answer.split()))
    )
    desk = Desk(lang)
    try:
        answer = desk.ask(question)
    except Cancelled:
        typer.echo(text("ask.cancelled", lang), err=True)
        raise typer.Exit(130) from None
    return answer or ""
