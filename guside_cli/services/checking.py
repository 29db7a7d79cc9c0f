"""Reading and checking a file's rows in a second process while this one writes the ledger.

An import of a large file spends most of its time in Python: reading each row and checking its elements
(`core.intake`), then building and writing the case. The machine an office has usually has two cores, so the
first half runs in a forked worker that hands finished rows — (row, NewPetition or None, problems) — to the
writer in batches over a pipe; the writer keeps the whole transaction, the numbers, the history chain and every
problem's row. The worker never touches the ledger. What the reading learns about the file (its header, the rows
it skipped, a date without a year) is sent back at the end into the caller's `Source` and `Values`, so the
import reports exactly what a serial read would. Measured: bench/README.md.
"""

import dataclasses
import multiprocessing
import os
import signal
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any

from guside_cli.core.intake import Memo, Problem, intake, shorter_than_statute
from guside_cli.core.model import HandedCase, NewPetition, Village, handed

BATCH = 500  # rows per message: large enough that the pipe costs little, small enough to keep memory flat
PARALLEL_FROM = 4 * 2**20  # bytes of file: below this a worker's start costs more than it saves
# (row, the case — what the writer needs of it, or all of it — or None, its problems, its row as far as the
# reading process can make it: storage.bulk.prepare)
Checked = tuple[int, HandedCase | NewPetition | None, list[Problem], tuple | None]


def worth_a_worker(size: int) -> bool:
    return size >= PARALLEL_FROM and (os.cpu_count() or 1) > 1 and "fork" in multiprocessing.get_all_start_methods()


def checked_in_worker(
    rows: Iterable[tuple[int, dict[str, Any]]],
    *,
    now: datetime,
    villages: list[Village],
    source: Any,
    prepare: tuple[Any, Any],
    whole: bool = False,
) -> Iterator[Checked]:
    """The rows of `rows` (not yet started: the worker reads them) checked by `intake`, in order, each valid case
    with its row prepared (`prepare`: the ledger, whose connection the worker never uses, and the deadline rules)
    and handed over as a HandedCase (`whole`: as the NewPetition itself, which a correction compares field by
    field). `source` receives the reader's findings when the rows are done."""
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    _widen(send)
    worker = context.Process(
        target=_work, args=(rows, now, villages, source, prepare, whole, send, receive), daemon=True
    )
    worker.start()
    send.close()
    reached = [0]
    source.position = lambda: reached[0]  # the progress bar follows the worker's reading
    try:
        while True:
            try:
                kind, payload, position = receive.recv()
            except EOFError:  # the worker died without a word (killed, out of memory): not a file problem
                from guside_cli.core.errors import LedgerError
                from guside_cli.messages import M

                worker.join(5)
                raise LedgerError(M("files.reader_died", code=worker.exitcode)) from None
            if kind == "rows":
                reached[0] = position
                yield from payload
            elif kind == "error":
                raise payload
            else:
                _take_back(source, payload)
                return
    finally:
        if worker.is_alive():
            worker.kill()  # the writer stopped early (an error, Ctrl-C): the reading is no longer wanted
        worker.join()
        receive.close()


def _widen(connection) -> None:
    """A pipe holds 64 KiB: the worker would wait for the writer after every batch instead of reading on."""
    import contextlib
    import fcntl

    with contextlib.suppress(OSError):  # a kernel that refuses keeps the default size: slower, not wrong
        fcntl.fcntl(connection.fileno(), getattr(fcntl, "F_SETPIPE_SZ", 1031), 1 << 20)


def _work(rows, now: datetime, villages: list[Village], source: Any, prepare, whole: bool, send, receive) -> None:
    from guside_cli.storage.bulk import prepare as prepared_row

    # the pipe's reading end came with the fork: closed, so that a writer killed outright (kill -9) leaves the
    # pipe without a reader and this process ends at its next batch instead of waiting forever
    receive.close()

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the writer's to handle (it rolls back)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    memo = Memo()
    batch: list[Checked] = []
    ledger, rules = prepare

    def position() -> int:  # how far the reading is: the reader sets it once it has opened the file
        return source.position() if source.position else 0

    try:
        for row, raw in rows:
            petition, problems = intake(raw, now=now, villages=villages, memo=memo, due_rules=rules)
            if petition is None:
                batch.append((row, None, problems, None))
            else:
                if petition.due_on is not None and shorter_than_statute(petition, rules):
                    source.due_earlier.append(row)
                made = prepared_row(ledger, petition, rules)
                batch.append((row, petition if whole else handed(petition), problems, made))
            if len(batch) >= BATCH:
                send.send(("rows", batch, position()))
                batch = []
        send.send(("rows", batch, source.size))  # read to the end (the file is closed by now)
        send.send(("end", _state(source), 0))
    except BrokenPipeError:
        return  # the writer is gone
    except Exception as e:  # a reading problem (encoding, header) is the writer's to report
        try:
            send.send(("error", e, 0))
        except Exception:  # an error that does not pickle: its words still reach the writer
            send.send(("error", RuntimeError(str(e)), 0))
    finally:
        send.close()


def _state(source: Any) -> dict[str, Any]:
    return {f.name: getattr(source, f.name) for f in dataclasses.fields(source) if f.name != "position"}


def _take_back(source: Any, state: dict[str, Any]) -> None:
    for name, value in state.items():
        setattr(source, name, value)
