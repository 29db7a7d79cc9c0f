"""Values as offices write them, turned into what intake reads: status words, dates without a year, and the
office's own words given with `--map 'FIELD:VALUE=CODE'` or a rules file.

STATUS_WORDS is the one table of the status words of real 台账, each with the status the ledger stores and, where
the word says more than open or closed, the stage of the case path:

- still being handled (在办, 办理中, 正在办理, 调处中, 未办结, 未销号…): open;
- finished (已办结, 办结, 已答复, 已处理, 已结案…) and settled (已化解, 已销号, 销号, 化解…): closed — a hand-kept 台账
  writes 已办结 for a case that is done and off its list, and keeps no 销号 apart;
- under 复查 / 复核: open, stage `review` / `re_review`.

Where the word gives no stage, the case path places the case (core.casepath.arrival): an open case received or
accepted (its 受理日期), a closed one struck off on its closing date — or 不予受理 when that was its outcome — so
the stage always agrees with the outcome. A case concluded but not yet struck off is written with a 办理阶段
column (已办结) and its 处理意见书日期.

The ledger stores the status (open/closed) as always; the stage is carried under `stage` only where the ledger's
intake reads one (CARRY_STAGE)."""

import functools
import re
from typing import Any

from guside_cli.core.errors import InputError
from guside_cli.core.model import CANONICAL_FIELDS, CARRIED_FIELDS
from guside_cli.interchange.headers import key

OPEN, CLOSED = "open", "closed"
STATUS_WORDS: dict[str, tuple[str, str | None]] = {
    **{w: (OPEN, None) for w in ("在办", "办理中", "正在办理", "调处中", "未办结", "未销号", "处理中",
                                 "正在处理", "调查中", "核查中", "待办结", "未完成", "否", "open")},
    **{w: (CLOSED, None) for w in ("已办结", "办结", "已答复", "答复", "已处理", "已结案", "结案",
                                   "已完成", "完成", "已回复", "是", "closed",
                                   "已化解", "化解", "已销号", "销号", "已解决")},
    **{w: (OPEN, "review") for w in ("复查中", "复查")},
    **{w: (OPEN, "re_review") for w in ("复核中", "复核")},
}  # fmt: skip
CARRY_STAGE = "stage" in (*CANONICAL_FIELDS, *CARRIED_FIELDS)  # the ledger's intake reads a stage

_STATUS = {key(word): pair for word, pair in STATUS_WORDS.items()}
_MONTH_DAY = re.compile(r"^\s*(\d{1,2})\s*[月/.\-]\s*(\d{1,2})\s*日?\s*$")
DATE_ONLY_FIELDS = ("closed_on", "due_on", "accepted_on")
MIDNIGHT = (" 00:00:00", " 00:00", " 0:00:00", " 0:00")
DATE_CHECKED = ("received_on", *DATE_ONLY_FIELDS)


@functools.lru_cache(maxsize=256)
def status_of(word: str) -> tuple[str, str | None] | None:
    """(status, stage) for a status word of a real ledger, or None when the word is not one of them."""
    return _STATUS.get(key(word))


class Yearless(InputError):
    """A date without a year (6月7日) in a file read without --year: the reader names its file and column."""

    def __init__(self, row: int, field: str, text: str):
        from guside_cli.messages import M

        super().__init__(M("files.yearless_row", row=row, field=field, text=text), field=field)
        self.row, self.text = row, text

    def __reduce__(self):  # handed between processes (services/checking.py) as what it was made of
        return Yearless, (self.row, self.field, self.text)


class Values:
    """The value conversions of one import: the status table, the office's own words, and the year for dates
    written without one. `apply` works in place on a row's {field: text}."""

    def __init__(self, maps: dict[str, dict[str, str]] | None = None, year: int | None = None):
        self.maps = {field: {key(k): v for k, v in words.items()} for field, words in (maps or {}).items()}
        self.year = year

    def apply(self, row: int, cells: dict[str, Any]) -> dict[str, Any]:
        """One tight pass (a million rows go through it): the office's words, the status table, and the dates
        that need a look — a year-first date (2018-06-07, the common case) is left to intake at once."""
        if self.maps:
            for field, words in self.maps.items():
                value = cells.get(field)
                if value.__class__ is str:
                    cells[field] = words.get(key(value), value)
        status = cells.get("status")
        if status.__class__ is str:
            pair = status_of(status)
            if pair is not None:
                cells["status"] = pair[0]
                if CARRY_STAGE and pair[1] and not cells.get("stage"):
                    cells["stage"] = pair[1]
        for field in DATE_CHECKED:
            value = cells.get(field)
            if value.__class__ is not str:
                continue
            if not (value[1:2].isdigit() and value[2:3].isdigit()):  # not year-first: 6月7日, 06/07
                cells[field] = self._month_day(row, field, value)
            elif len(value) > 10 and field != "received_on" and value.endswith(MIDNIGHT):
                cells[field] = value.rsplit(" ", 1)[0]  # a date column's 2017-12-12 00:00:00 is that day
        return cells

    def _month_day(self, row: int, field: str, text: str) -> str:
        m = _MONTH_DAY.match(text)
        if not m:
            return text
        if self.year is None:  # never this year by default (the desk's 6月7日 is): an office file may be years old
            raise Yearless(row, field, text)
        return f"{self.year}-{int(m[1]):02d}-{int(m[2]):02d}"
