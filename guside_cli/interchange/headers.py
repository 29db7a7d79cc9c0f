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
        "事项", "内容", "反映事项",
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


def field_of(header: str) -> str | None:
    return _LOOKUP.get(key(header))


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
        field = extra.get(folded) or _LOOKUP.get(folded)
        if field == IGNORE or (field is None and folded in _IGNORED):
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
        if isinstance(cell, str) and 0 < len(cell) <= 40:
            folded = key(cell)
            field = extra.get(folded) or _LOOKUP.get(folded)
            if field and field != IGNORE:
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
