"""Column headers: the canonical English names (what export writes) and the Chinese ones offices use."""

import re
import unicodedata

from guside_cli.core.model import CANONICAL_FIELDS, CARRIED_FIELDS

# canonical field -> Chinese headers; the first is what `export --headers zh` writes
ALIASES: dict[str, tuple[str, ...]] = {
    "number": ("编号", "案件编号", "信访编号", "序号编号"),
    "received_on": ("受理日期", "登记日期", "受理时间", "登记时间", "来信来访日期", "信访日期"),
    "village": ("属地", "村（社区）", "村(社区)", "所属村（社区）", "村社区", "村居"),
    "form": ("信访形式", "形式", "来信来访形式"),
    "level": ("信访层级", "去向", "层级", "信访去向"),
    "source": ("来源", "交办来源", "信访来源"),
    "pollution": ("污染类型", "类型", "问题类型"),
    "subject": ("反映问题", "信访事项", "主要问题", "反映内容", "信访内容"),
    "cause": ("诱因",),
    "persons": ("涉及人数", "人数", "信访人数"),
    "unit": ("责任单位",),
    "enterprise": ("涉事企业", "涉及企业", "被投诉企业", "企业名称"),
    "petitioner": ("信访人", "来访人", "投诉人", "姓名"),
    "phone": ("联系电话", "电话", "手机"),
    "id_number": ("身份证号", "身份证号码", "身份证"),
    "key_persons": ("重点人员",),
    "forecast": ("事态发展预测", "事态预测"),
    "ref_no": ("交办编号", "督察编号", "工单号", "文号"),
    "leader": ("包案领导", "包案人"),
    "due_on": ("办结时限", "办理时限", "限办日期"),
    "status": ("状态", "办理状态", "是否销号"),
    "closed_on": ("销号日期", "办结日期"),
    "outcome": ("办理结果", "处理结果", "办结情况"),
    "repeat_of": ("原件编号", "重复信访原编号"),
    "received_at": ("受理时刻",),
    "uid": ("唯一标识",),
    "accepted_on": ("受理告知日期",),
    "first_contact_at": ("首次联系时间",),
    "reopened": ("重新打开次数",),
    "satisfaction": ("满意度",),
    "verified": ("举报属实",),
    "extension_days": ("延期天数",),
    "extension_reason": ("延期理由",),
    "stage": ("办理阶段", "阶段"),
    "is_key": ("是否重点", "重点"),
    "concluded_on": ("处理意见书日期", "出具处理意见日期"),
    "not_accepted_reason": ("不予受理理由",),
    "review_requested_on": ("复查申请日期",),
    "review_decided_on": ("复查决定日期",),
    "review_outcome": ("复查结果",),
    "re_review_requested_on": ("复核申请日期",),
    "re_review_decided_on": ("复核决定日期",),
    "re_review_outcome": ("复核结果",),
    "extension_approved_by": ("延期批准人",),
}
EXPORT_FIELDS = (*CANONICAL_FIELDS, *CARRIED_FIELDS)
REQUIRED = ("received_on", "village", "level", "subject")


def _key(header: str) -> str:
    text = unicodedata.normalize("NFKC", str(header)).strip().lower()
    return re.sub(r"[\s_\-()（）*:：]", "", text)


_LOOKUP = {_key(name): field for field, names in ALIASES.items() for name in (field, *names)}


def field_of(header: str) -> str | None:
    return _LOOKUP.get(_key(header))


def match(headers: list[str]) -> tuple[dict[int, str], list[str]]:
    """Map column positions to canonical fields; returns (mapping, unknown headers). The first column that
    matches a field wins; a repeated one is reported as unknown."""
    mapping: dict[int, str] = {}
    unknown: list[str] = []
    for index, header in enumerate(headers):
        if header is None or str(header).strip() == "":
            continue
        field = _LOOKUP.get(_key(header))
        if field is None or field in mapping.values():
            unknown.append(str(header))
        else:
            mapping[index] = field
    return mapping, unknown


def header_for(field: str, lang: str) -> str:
    return ALIASES[field][0] if lang == "zh" else field
