"""Messages of one area (see the package docstring): id -> (中文, English), with {named} parameters."""

MESSAGES: dict[str, tuple[str, str]] = {
    "target.village_set": (
        "{village} {year} 年目标：总量下降 ≥ {total}%，越级下降 ≥ {escalated}%",
        "{village} {year} targets: total down ≥ {total} %, escalated down ≥ {escalated} %",
    ),
    "key.h.number": ("编号", "number"),
    "key.h.village": ("属地", "village"),
    "key.h.received": ("受理日期", "received"),
    "key.h.due": ("办结时限", "due"),
    "key.h.status": ("状态", "status"),
    "key.h.first": ("首件编号", "first case"),
    "key.h.count": ("12个月内件次", "in 12 months"),
    "key.h.last": ("最近一次", "last"),
    "key.closed": ("已销号 {on}", "closed {on}"),
    "key.open": ("在办", "open"),
    "key.past_due": ("在办，已超期", "open, past due"),
    "key.title": ("重点重复信访（{n} 件）", "key repeat cases ({n})"),
    "key.candidates": (
        "候选：12个月内同一事项3次以上（用 guside key-cases mark 编号 标记）",
        "candidates: 3+ petitions on one matter in 12 months (mark with guside key-cases mark NUMBER)",
    ),
    "key.marked": ("{number} 已标记为重点重复信访", "{number} marked as a key repeat case"),
    "key.unmarked": ("{number} 已取消重点标记", "{number} is no longer marked key"),
    "key.already": ("{number} 已是重点，未改动", "{number} was already marked key: nothing changed"),
    "key.not_marked": ("{number} 本非重点，未改动", "{number} was not marked key: nothing changed"),
}
