"""Column headers: the canonical English names (what export writes) and the Chinese ones offices use.

Offices name the same column many ways; the table below holds the spellings found in real 台账. A header is
compared after folding width, case, spaces, brackets and colons, so 村（社区）, 村(社区) and 村 社区 are one."""

import difflib
import re
import unicodedata

from guside_cli.core.fields import FIELDS, NOT_IN_FILES
from guside_cli.core.model import CANONICAL_FIELDS, CARRIED_FIELDS

# canonical field -> Chinese headers, from the one field table (core/fields.py); the first is what `export
# --headers zh` writes, any of them is read
ALIASES: dict[str, tuple[str, ...]] = {
    code: field.file_headers for code, field in FIELDS.items() if code not in NOT_IN_FILES
}
EXPORT_FIELDS = (*CANONICAL_FIELDS, *CARRIED_FIELDS)
REQUIRED = ("received_on", "village", "level", "subject")
# columns an office keeps that hold nothing of the case: the row's place in the sheet
IGNORED = ("序号", "排序", "no", "no.", "行号")
IGNORE = "-"  # `--map 'HEADER=-'`: leave that column out, and do not mention it


def key(header: object) -> str:
    text = unicodedata.normalize("NFKC", str(header)).strip().lower()
    return re.sub(r"[\s_\-()（）*:：【】\[\]、/]", "", text)


_LOOKUP = {key(name): field for field, names in ALIASES.items() for name in (field, *names)}
_IGNORED = frozenset(key(name) for name in IGNORED)
# the spellings a field is known by, for "closest fields" hints
_SPELLINGS = [(key(name), field) for field, names in ALIASES.items() for name in names]


class Grouped(str):
    """A column of a header two (or more) rows deep: its own name (`sub`) under a group cell merged over
    several columns (`group`), shown as 办理情况/时间. The sub-name is what is matched; the group tells what an
    ambiguous one means (GROUP_CONTEXT), and a name of the two together (办结 over 时间) is tried last."""

    group: str
    sub: str

    def __new__(cls, group: str, sub: str) -> "Grouped":
        made = super().__new__(cls, f"{group}/{sub}")
        made.group, made.sub = group, sub
        return made

    def __reduce__(self):  # handed between processes (services/checking.py) as what it was made of
        return Grouped, (self.group, self.sub)


# What a sub-header means under its group, where the sub-name alone is ambiguous or unknown: 时间 under 办理情况 is
# the closing date, under 来访情况 the receipt; 人数 under 信访人情况 the persons. Collected from the two-row
# headers of real 台账 (信访事项登记台账, 环境信访件登记台账, 12345 工单 exports).
_RECEIPT = {"时间": "received_on", "日期": "received_on", "形式": "form", "方式": "form", "来源": "source"}
_CLOSING = {
    "时间": "closed_on", "日期": "closed_on", "结果": "outcome", "情况": "outcome", "状态": "status",
    "进度": "status", "领导": "leader", "责任人": "leader", "单位": "unit", "时限": "due_on",
}  # fmt: skip
_PERSON = {"姓名": "petitioner", "名字": "petitioner", "电话": "phone", "人数": "persons", "身份证": "id_number"}
_PROBLEM = {
    "类别": "pollution", "类型": "pollution", "问题类型": "pollution", "内容": "subject", "具体问题": "subject",
    "主要内容": "subject", "摘要": "subject", "具体内容": "subject", "问题": "subject",
}  # fmt: skip
_ACCEPTANCE = {"时间": "accepted_on", "日期": "accepted_on"}
GROUP_CONTEXT: dict[str, dict[str, str]] = {
    **dict.fromkeys(("来访情况", "来信来访情况", "信访情况", "登记情况", "来访", "来信来访", "接访情况", "来电情况",
                     "收件情况", "信访事项"), _RECEIPT),
    **dict.fromkeys(("办理情况", "处理情况", "办结情况", "销号情况", "化解情况", "办理", "处理", "办结", "销号",
                     "调处情况", "落实情况", "答复情况"), _CLOSING),
    **dict.fromkeys(("信访人情况", "信访人信息", "来访人信息", "来访人情况", "信访人", "来访人", "当事人", "反映人",
                     "投诉人", "投诉人信息", "来电人信息", "信访人基本情况"), _PERSON),
    **dict.fromkeys(("反映问题", "反映内容", "问题情况", "信访内容", "反映情况", "投诉内容", "诉求内容", "问题"),
                    _PROBLEM),
    **dict.fromkeys(("受理情况", "受理"), _ACCEPTANCE),
}  # fmt: skip
_CONTEXT = {key(group): {key(sub): f for sub, f in subs.items()} for group, subs in GROUP_CONTEXT.items()}


def field_of(header: str, extra: dict[str, str] | None = None) -> str | None:
    """The field a header names (`extra`: the office's own names first), a Grouped one by its sub-name read in
    its group's context."""
    if extra:
        found = extra.get(key(header))
        if found is None and isinstance(header, Grouped):
            found = extra.get(key(header.sub))
        if found is not None:
            return found
    if isinstance(header, Grouped):
        sub = key(header.sub)
        return (
            _CONTEXT.get(key(header.group), {}).get(sub)
            or _LOOKUP.get(sub)
            or _LOOKUP.get(key(header.group) + sub)
            or (_IGNORED_FIELD if sub in _IGNORED else None)
        )
    return _LOOKUP.get(key(header))


_IGNORED_FIELD = "\x00ignored"  # a 序号 under a group: ignored as a 序号 alone is


def known_field(name: str) -> str | None:
    """A field as a user names it in `--map` or a rules file: the canonical name or any known header."""
    name = name.strip()
    return name if name in ALIASES else field_of(name)


def match(headers: list[str], extra: dict[str, str] | None = None) -> tuple[dict[int, str], list[str], list[str]]:
    """Map column positions to canonical fields; returns (mapping, unknown headers, ignored headers). `extra`
    maps folded headers to a field (or IGNORE) first: the office's own names. The first column that matches a
    field wins; a repeated one is reported as unknown."""
    extra = extra or {}
    mapping: dict[int, str] = {}
    unknown: list[str] = []
    ignored: list[str] = []
    for index, header in enumerate(headers):
        if header is None or str(header).strip() == "":
            continue
        folded = key(header)
        field = field_of(header, extra)
        if field in (IGNORE, _IGNORED_FIELD) or (field is None and folded in _IGNORED):
            ignored.append(str(header).strip())
        elif field is None or field in mapping.values():
            unknown.append(str(header).strip())
        else:
            mapping[index] = field
    return mapping, unknown, ignored


def score(row: list[object], extra: dict[str, str] | None = None) -> int:
    """How much a row looks like the header row: the number of distinct fields its cells name."""
    extra = extra or {}
    found = set()
    for cell in row:
        if isinstance(cell, str) and 0 < len(cell) <= (80 if isinstance(cell, Grouped) else 40):
            field = field_of(cell, extra)
            if field and field not in (IGNORE, _IGNORED_FIELD):
                found.add(field)
    return len(found)


def closest(header: str, n: int = 2) -> list[str]:
    """The fields whose known spellings are closest to an unknown header, for the hint."""
    folded = key(header)
    scored: dict[str, float] = {}
    for spelling, field in _SPELLINGS:
        ratio = difflib.SequenceMatcher(None, folded, spelling).ratio()
        if folded and spelling and (folded in spelling or spelling in folded):
            ratio = max(ratio, 0.6)
        if ratio >= 0.5 and ratio > scored.get(field, 0):
            scored[field] = ratio
    return sorted(scored, key=lambda f: -scored[f])[:n]


def header_for(field: str, lang: str) -> str:
    return ALIASES[field][0] if lang == "zh" else field
