"""A progress bar on stderr for imports and exports that take more than a second: rows done, rows a second,
time left. Nothing at all when stderr is not a terminal (cron, a pipe, a file), and nothing for a quick run."""

import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any

AFTER = 1.0  # seconds before the bar appears; GUSIDE_PROGRESS_AFTER changes it (tests use 0)
EVERY = 256  # rows between looks at the clock: a million rows pass through `tick`


class Bar:
    """`tick(rows_done)` as rows go by. `total()` and `done()` (called only once the bar shows) give the
    measure the bar fills by — bytes of a file read, or rows — when known; else it counts rows alone."""

    def __init__(
        self,
        label: str,
        *,
        total: Callable[[], int | None] | None = None,
        done: Callable[[], int] | None = None,
        stream=None,
    ):
        self.label, self.total, self.done = label, total, done
        self.stream = stream or sys.stderr
        self.started = time.monotonic()
        self.after = _after()
        self.enabled = _is_terminal(self.stream)
        self.progress = None
        self.task = None
        self.total_value: int | None = None

    def tick(self, rows: int) -> None:
        if not self.enabled or rows % EVERY:
            return
        if self.progress is None:
            if time.monotonic() - self.started < self.after:
                return
            self._start()
        completed = self.done() if self.done else rows
        rate = rows / max(time.monotonic() - self.started, 1e-6)
        self.progress.update(self.task, completed=completed, rows=rows, rate=f"{rate:,.0f}")

    def wrap(self, rows: Iterable[Any]) -> Iterator[Any]:
        for count, row in enumerate(rows, start=1):
            yield row
            self.tick(count)

    def _start(self) -> None:
        from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

        from guside_cli.messages import text
        from guside_cli.render.output import console

        self.total_value = self.total() if self.total else None
        self.progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            TextColumn(text("progress.rows").replace("{n}", "{task.fields[rows]:,}")),
            TextColumn(text("progress.rate").replace("{n}", "{task.fields[rate]}")),
            TimeRemainingColumn(),
            transient=True,
            console=console(self.stream),
        )
        self.progress.start()
        self.task = self.progress.add_task(self.label, total=self.total_value, rows=0, rate="0")

    def close(self) -> None:
        if self.progress is not None:
            self.progress.stop()
            self.progress = None

    def __enter__(self) -> "Bar":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _after() -> float:
    try:
        return float(os.environ.get("GUSIDE_PROGRESS_AFTER", AFTER))
    except ValueError:
        return AFTER


def _is_terminal(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
