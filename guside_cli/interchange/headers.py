"""Column headers: the canonical English names (what export writes) and the Chinese ones offices use.

Offices name the same column many ways; the table below holds the spellings found in real 台账. A header is
compared after folding width, case, spaces, brackets and colons, so 村（社区）, 村(社区) and 村 社区 are one."""

import difflib
import re
import unicodedata

from guside_cli.core.model import CANONICAL_FIELDS, CARRIED_FIELDS

# canonical field -> Chinese headers; the first is what `export --headers zh` writes
ALIASES: dict[str, tuple[str, ...]] = {
    "number": ("编号", "案件编号", "信访编号", "序号编号", "登记编号", "件号", "案号", "信访件编号"),
    "received_on": (
        "登记日期", "来信来访日期", "收信日期", "接访日期", "信访日期", "来访日期", "来信日期",
        "来电日期", "收件日期", "收到日期", "接收日期", "反映日期", "投诉日期", "举报日期", "日期",
    ),
    "village": (
        "属地", "村（社区）", "所属村（社区）", "村社区", "村居", "所属村", "所在村", "村（居）", "所在村（社区）",
        "属地村（社区）", "所属社区", "村别", "涉及村（社区）", "地点村", "所属村居",
    ),
    "form": ("信访形式", "形式", "信访方式", "来信来访形式", "方式", "来访形式"),
    "level": ("信访层级", "层级", "去向", "信访去向", "信访级别", "级别"),
    "source": ("来源", "交办来源", "信访来源", "交办单位", "转办单位", "渠道", "来件渠道", "件来源", "交办部门"),
    "pollution": ("污染类型", "污染类别", "问题类别", "类型", "问题类型", "类别", "信访类别", "污染种类", "环境要素"),
    "subject": (
        "反映问题", "信访内容", "反映的主要问题", "信访事项", "主要诉求", "主要问题", "反映内容", "诉求内容",
        "问题描述", "投诉内容", "举报内容", "来信来访内容", "反映情况", "诉求", "信访事项摘要", "反映问题摘要",
        "事项", "内容", "具体问题", "主要内容", "问题摘要", "来电内容", "工单内容", "诉求描述", "反映事项",
    ),
    "cause": ("诱因", "起因", "原因"),
    "persons": ("涉及人数", "人数", "人次", "信访人数", "来访人数", "涉访人数"),
    "unit": ("责任单位", "承办单位", "办理单位", "主办单位", "责任部门", "承办部门"),
    "enterprise": (
        "涉事企业", "涉及企业", "被投诉企业", "企业名称", "被反映企业", "被举报单位", "涉及单位", "被投诉单位",
    ),
    "petitioner": ("信访人", "来信来访人", "姓名", "来访人", "投诉人", "反映人", "举报人", "信访人姓名", "来信人"),
    "phone": ("联系电话", "电话", "联系方式", "手机", "手机号", "手机号码", "电话号码"),
    "id_number": ("身份证号", "身份证号码", "身份证", "证件号码", "公民身份号码"),
    "key_persons": ("重点人员", "重点人"),
    "forecast": ("事态发展预测", "事态预测", "风险预判", "预判"),
    "ref_no": ("交办编号", "督察编号", "工单号", "文号", "工单编号", "交办单号", "交办文号"),
    "leader": ("包案领导", "责任领导", "包案人", "包案责任人", "分管领导", "包案镇领导"),
    "due_on": ("办结时限", "办理时限", "限办日期", "办理期限", "期限", "限办时间"),
    "status": ("状态", "办理状态", "办理情况", "是否销号", "是否办结", "办理进度", "进展情况", "进度", "销号情况"),
    "closed_on": ("销号日期", "办结日期", "销号时间", "办结时间", "结案日期", "结案时间", "答复日期"),
    "outcome": ("办理结果", "处理结果", "化解情况", "办结情况", "处理情况", "结果", "化解结果"),
    "repeat_of": ("原件编号", "重复信访原编号", "原编号", "首次信访编号"),
    "received_at": ("登记时间", "登记时刻", "受理时刻"),  # 受理时刻: what exports before 登记时间 wrote
    "uid": ("唯一标识",),
    "accepted_on": ("受理日期", "受理时间", "受理告知日期"),
    "first_contact_at": ("首次联系时间",),
    "reopened": ("重新打开次数",),
    "satisfaction": ("满意度", "是否满意", "群众满意度"),
    "verified": ("举报属实", "是否属实"),
    "extension_days": ("延期天数",),
    "extension_reason": ("延期理由", "延期原因"),
    "stage": ("办理阶段", "阶段"),
    "is_key": ("是否重点", "重点"),
    "concluded_on": ("处理意见书日期", "出具处理意见日期"),
    "conclusion": ("办结结果", "处理意见书结果"),
    "not_accepted_reason": ("不予受理理由",),
    "review_requested_on": ("复查申请日期",),
    "review_decided_on": ("复查决定日期",),
    "review_outcome": ("复查结果",),
    "re_review_requested_on": ("复核申请日期",),
    "re_review_decided_on": ("复核决定日期",),
    "re_review_outcome": ("复核结果",),
    "extension_approved_by": ("延期批准人",),
}  # fmt: skip
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
