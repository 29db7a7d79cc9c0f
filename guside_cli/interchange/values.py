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
                                 "正在处理", "调查中", "核查中", "待办结", "未完成", "否", "open",
                                 # 信访事项登记台账 and 12345 工单 exports: a case still with someone
                                 "正在调处", "待反馈", "待回复", "待办", "未办", "未化解", "正在核查", "正在调查",
                                 "调解中", "协调中", "跟踪中", "待处理", "已受理", "已交办", "已转办待反馈",
                                 "办理中（未办结）", "未结", "在处理")},
    **{w: (CLOSED, None) for w in ("已办结", "办结", "已答复", "答复", "已处理", "已结案", "结案",
                                   "已完成", "完成", "已回复", "是", "closed",
                                   "已化解", "化解", "已销号", "销号", "已解决",
                                   # the same sources: the case done, the petitioner no longer petitioning
                                   "已息访", "息访", "已停访", "停诉息访", "已反馈", "已办结归档", "办结归档",
                                   "已归档", "已结", "已调处", "调处结束", "已回访", "已办复", "办复")},
    **{w: (OPEN, "review") for w in ("复查中", "复查")},
    **{w: (OPEN, "re_review") for w in ("复核中", "复核")},
}  # fmt: skip
CARRY_STAGE = "stage" in (*CANONICAL_FIELDS, *CARRIED_FIELDS)  # the ledger's intake reads a stage

_STATUS = {key(word): pair for word, pair in STATUS_WORDS.items()}

# Words of real 台账 for the coded fields beyond each code's own labels (core.enums), read on import only:
# 信访事项登记表 and 信访台账 templates of towns and counties, 12345 政务热线 工单 exports, 12369 环保举报 lists.
# An office's own words (--map, a rules file) come first.
IMPORT_WORDS: dict[str, dict[str, str]] = {
    "source": {
        **dict.fromkeys(("群众直接反映", "群众反映", "群众来访", "群众来信", "群众来电", "来电", "来访", "来信",
                         "自接", "本级受理", "本级", "直接反映", "镇直接受理", "自行受理", "当面反映",
                         "信访人直接反映", "镇信访办受理"), "direct"),
        **dict.fromkeys(("12345转办", "12345交办", "12345工单", "12345政务热线", "12345热线转办", "市长热线",
                         "政务热线", "寒山闻钟", "12345平台"), "hotline_12345"),
        **dict.fromkeys(("12369转办", "12369交办", "12369环保热线", "12369环保举报", "环保热线", "12369平台",
                         "环保举报热线"), "hotline_12369"),
        **dict.fromkeys(("中央环保督察组交办", "中央环境保护督察", "中央生态环境保护督察", "中央督察组交办",
                         "中央环保督察转办"), "central_inspection"),
        **dict.fromkeys(("省环保督察组交办", "省环境保护督察", "省生态环境保护督察", "省督察组交办"),
                        "provincial_inspection"),
        **dict.fromkeys(("263办交办", "263交办", "两减六治三提升", "263专项"), "campaign_263"),
        **dict.fromkeys(("上级转办", "信访局交办", "信访局转办", "市信访局交办", "县信访局交办", "区信访局交办",
                         "环保局交办", "生态环境局交办", "上级部门交办", "市局交办", "县局交办", "领导批示",
                         "上级批转", "交办", "转办"), "superior"),
    },
    "level": {
        **dict.fromkeys(("到市", "赴市", "去市", "市里", "市信访局", "地级市"), "prefecture"),
        **dict.fromkeys(("到县", "赴县", "去县", "县里", "县信访局"), "county"),
        **dict.fromkeys(("本镇", "镇内", "到镇", "镇信访办", "乡镇", "乡级", "街道"), "town"),
        **dict.fromkeys(("省信访局", "到省信访局", "省里", "赴省信访局"), "province"),
        **dict.fromkeys(("到京", "京访", "国家信访局", "赴部", "进京访", "到国家信访局", "中央"), "national"),
    },
    "form": {
        **dict.fromkeys(("来电", "电话投诉", "热线电话", "电话反映", "热线", "电话举报"), "phone"),
        **dict.fromkeys(("来人来访", "个人来访", "集体访", "集体来访", "当面反映", "上门"), "visit"),
        **dict.fromkeys(("信件", "信函", "来函", "书信", "信访件"), "letter"),
        **dict.fromkeys(("网上投诉", "网络投诉", "信箱", "领导信箱", "局长信箱", "电子邮件", "邮件", "微信",
                         "网站", "网上", "网络平台", "APP", "手机APP", "网上信访平台"), "online"),
    },
    "outcome": {
        **dict.fromkeys(("已解决", "问题已解决", "已整改", "整改到位", "已处理到位"), "resolved"),
        **dict.fromkeys(("已息访", "息访", "停访息诉", "息诉罢访"), "stopped"),
        **dict.fromkeys(("不属实", "反映情况不属实", "经核查不属实", "查无实据"), "unfounded"),
    },
}  # fmt: skip
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
        self.maps = {field: {key(k): v for k, v in words.items()} for field, words in IMPORT_WORDS.items()}
        for field, words in (maps or {}).items():
            self.maps.setdefault(field, {}).update({key(k): v for k, v in words.items()})
        self.seen: dict[str, dict[str, str]] = {field: {} for field in self.maps}  # raw text -> word, per field
        self.year = year

    def apply(self, row: int, cells: dict[str, Any]) -> dict[str, Any]:
        """One tight pass (a million rows go through it): the office's words, the status table, and the dates
        that need a look — a year-first date (2018-06-07, the common case) is left to intake at once."""
        for field, words in self.maps.items():
            value = cells.get(field)
            if value.__class__ is str:
                seen = self.seen[field]
                word = seen.get(value)
                if word is None:
                    word = words.get(key(value), value)
                    if len(seen) < 4096:
                        seen[value] = word
                cells[field] = word
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
