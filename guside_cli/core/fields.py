"""The one field table: every element of a case, with its code (what the ledger and JSON name it), its Chinese
and English labels (what list, show, reports and the web view print), its kind, whether it is personal data
(never leaves the office unmasked) and whether the public snapshot (web view, publish) shows it, and the headers
files use for it — the export writes the first; import reads any of them (interchange/headers.py).

One word, one meaning: 登记 is the receipt (登记日期, 登记时间), 受理 the acceptance (受理日期); the moment a case
was entered into the ledger is 录入时间. `tests/test_fields.py` holds every label elsewhere to this table.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Field:
    code: str
    zh: str
    en: str
    kind: str  # text, date, datetime, int, code, list, bool
    personal: bool = False
    public: bool = False
    also: tuple[str, ...] = ()  # further headers a file may use (after the label, which the export writes)
    headers: tuple[str, ...] = ()  # where a file's own word differs from the label: every header, the export's first

    @property
    def file_headers(self) -> tuple[str, ...]:
        return self.headers or (self.zh, *self.also)


FIELDS: dict[str, Field] = {
    f.code: f
    for f in (
        Field("id", "序号", "id", "int"),
        Field(
            "number",
            "编号",
            "number",
            "text",
            public=True,
            also=("案件编号", "信访编号", "序号编号", "登记编号", "件号", "案号", "信访件编号"),
        ),
        Field(
            "received_on",
            "登记日期",
            "received",
            "date",
            public=True,
            also=(
                "来信来访日期",
                "收信日期",
                "接访日期",
                "信访日期",
                "来访日期",
                "来信日期",
                "来电日期",
                "收件日期",
                "收到日期",
                "接收日期",
                "反映日期",
                "投诉日期",
                "举报日期",
                "日期",
            ),
        ),
        Field("received_at", "登记时间", "received at", "datetime", also=("登记时刻", "受理时刻")),
        Field(
            "village",
            "属地",
            "village",
            "text",
            public=True,
            also=(
                "村（社区）",
                "所属村（社区）",
                "村社区",
                "村居",
                "所属村",
                "所在村",
                "村（居）",
                "所在村（社区）",
                "属地村（社区）",
                "所属社区",
                "村别",
                "涉及村（社区）",
                "地点村",
                "所属村居",
            ),
        ),
        Field(
            "form",
            "信访形式",
            "form",
            "code",
            public=True,
            also=("形式", "信访方式", "来信来访形式", "方式", "来访形式"),
        ),
        Field("level", "信访层级", "level", "code", public=True, also=("层级", "去向", "信访去向", "信访级别", "级别")),
        Field(
            "source",
            "来源",
            "source",
            "code",
            public=True,
            also=("交办来源", "信访来源", "交办单位", "转办单位", "渠道", "来件渠道", "件来源", "交办部门"),
        ),
        Field(
            "pollution",
            "污染类型",
            "pollution",
            "list",
            public=True,
            also=("污染类别", "问题类别", "类型", "问题类型", "类别", "信访类别", "污染种类", "环境要素"),
        ),
        Field(
            "subject",
            "反映问题",
            "subject",
            "text",
            public=True,
            also=(
                "信访内容",
                "反映的主要问题",
                "信访事项",
                "主要诉求",
                "主要问题",
                "反映内容",
                "诉求内容",
                "问题描述",
                "投诉内容",
                "举报内容",
                "来信来访内容",
                "反映情况",
                "诉求",
                "信访事项摘要",
                "反映问题摘要",
                "事项",
                "内容",
                "具体问题",
                "主要内容",
                "问题摘要",
                "来电内容",
                "工单内容",
                "诉求描述",
                "反映事项",
            ),
        ),
        Field("cause", "诱因", "cause", "text", public=True, also=("起因", "原因")),
        Field(
            "persons",
            "涉及人数",
            "persons",
            "int",
            public=True,
            also=("人数", "人次", "信访人数", "来访人数", "涉访人数"),
        ),
        Field(
            "unit",
            "责任单位",
            "responsible unit",
            "text",
            public=True,
            also=("承办单位", "办理单位", "主办单位", "责任部门", "承办部门"),
        ),
        Field(
            "enterprise",
            "涉事企业",
            "enterprise",
            "text",
            public=True,
            also=("涉及企业", "被投诉企业", "企业名称", "被反映企业", "被举报单位", "涉及单位", "被投诉单位"),
        ),
        Field(
            "petitioner",
            "信访人",
            "petitioner",
            "text",
            personal=True,
            also=("来信来访人", "姓名", "来访人", "投诉人", "反映人", "举报人", "信访人姓名", "来信人"),
        ),
        Field(
            "phone",
            "联系电话",
            "phone",
            "text",
            personal=True,
            also=("电话", "联系方式", "手机", "手机号", "手机号码", "电话号码"),
        ),
        Field(
            "id_number",
            "身份证号",
            "ID number",
            "text",
            personal=True,
            also=("身份证号码", "身份证", "证件号码", "公民身份号码"),
        ),
        Field("key_persons", "重点人员", "key persons", "list", personal=True, also=("重点人",)),
        Field("forecast", "事态发展预测", "forecast", "text", also=("事态预测", "风险预判", "预判")),
        Field(
            "ref_no",
            "交办编号",
            "reference",
            "text",
            also=("督察编号", "工单号", "文号", "工单编号", "交办单号", "交办文号"),
        ),
        Field(
            "leader",
            "包案领导",
            "leader",
            "text",
            public=True,
            also=("责任领导", "包案人", "包案责任人", "分管领导", "包案镇领导"),
        ),
        Field("town", "所属镇", "town", "text", public=True),
        Field(
            "due_on",
            "办结时限",
            "due",
            "date",
            public=True,
            also=("办理时限", "限办日期", "办理期限", "期限", "限办时间"),
        ),
        Field(
            "status",
            "状态",
            "status",
            "code",
            public=True,
            also=("办理状态", "办理情况", "是否销号", "是否办结", "办理进度", "进展情况", "进度", "销号情况"),
        ),
        Field(
            "closed_on",
            "销号日期",
            "closed",
            "date",
            public=True,
            also=("办结日期", "销号时间", "办结时间", "结案日期", "结案时间", "答复日期"),
        ),
        Field(
            "outcome",
            "办理结果",
            "outcome",
            "code",
            public=True,
            also=("处理结果", "化解情况", "办结情况", "处理情况", "结果", "化解结果"),
        ),
        Field(
            "repeat_of", "原件编号", "repeat of", "text", public=True, also=("重复信访原编号", "原编号", "首次信访编号")
        ),
        Field("uid", "唯一标识", "uid", "text"),
        Field("created_at", "录入时间", "entered at", "datetime"),
        Field("leader_title", "领导职务", "leader's title", "text"),
        Field("accepted_on", "受理日期", "accepted on", "date", public=True, also=("受理时间", "受理告知日期")),
        Field("notice_due_on", "告知时限", "notice due", "date"),
        Field("extension_days", "延期天数", "extended by (days)", "int"),
        Field("extension_reason", "延期理由", "extension reason", "text", also=("延期原因",)),
        Field("reopened", "重新打开次数", "times reopened", "int"),
        Field("came_back", "重复信访次数", "times it came back", "int"),
        Field("satisfaction", "满意度", "satisfaction", "code", public=True, also=("是否满意", "群众满意度")),
        Field("verified", "举报属实", "report verified", "bool", also=("是否属实",)),
        Field("escalated", "越级（省/京）", "escalated", "bool", public=True),
        Field("days_overdue", "超期天数", "days overdue", "int"),
        Field("days_left", "剩余天数", "days left", "int"),
        Field("clock", "时限类别", "clock", "code"),
        Field("kind", "调处环节", "step", "code"),
        Field("at", "时间", "when", "datetime"),
        Field("by", "经办人", "by", "text"),
        Field("note", "说明", "note", "text"),
        Field("stage", "办理阶段", "stage", "code", also=("阶段",)),
        # 重点交办 (四(三)), apart from 重点重复信访 (`key_repeat`); an older file's 是否重点 / 重点 still read
        Field(
            "is_key",
            "重点交办",
            "key handed-down case",
            "bool",
            headers=("是否重点交办", "重点交办", "是否重点", "重点"),
        ),
        Field("not_accepted_reason", "不予受理理由", "reason not accepted", "text"),
        Field("concluded_on", "办结日期", "concluded", "date", headers=("处理意见书日期", "出具处理意见日期")),
        Field("conclusion", "办结结果", "conclusion", "code", also=("处理意见书结果",)),
        Field("review_requested_on", "复查申请日期", "review requested", "date"),
        Field("review_due_on", "复查决定时限", "review decision due", "date"),
        Field("review_decided_on", "复查决定日期", "review decided", "date"),
        Field("review_outcome", "复查结果", "review outcome", "code"),
        Field("re_review_requested_on", "复核申请日期", "re-review requested", "date"),
        Field("re_review_due_on", "复核决定时限", "re-review decision due", "date"),
        Field("re_review_decided_on", "复核决定日期", "re-review decided", "date"),
        Field("re_review_outcome", "复核结果", "re-review outcome", "code"),
        Field("extension_approved_by", "延期批准人", "extension approved by", "text"),
        Field("extensions", "延期记录", "extensions", "list", also=("延期情况",)),
        Field("key_repeat", "重点重复信访", "key repeat case", "bool", also=("是否重点重复信访",)),
        Field("served_on", "送达日期", "served on", "date", also=("处理意见书送达日期", "送达时间")),
        Field("rehandle_from", "撤销重办日期", "handled again from", "date", also=("重办日期",)),
        Field("former_numbers", "原编号", "former numbers", "list"),
        Field("told_on", "告知日期", "told on", "date"),  # an extension's: the petitioner told why (history)
        Field("first_contact_at", "首次联系时间", "first contact", "datetime"),
        Field("first_arrival_at", "首次到达现场时间", "first arrival", "datetime", also=("到达现场时间",)),
        Field("first_mediation_at", "首次现场调处时间", "first mediation", "datetime", also=("现场调处时间",)),
    )
}

# what no file column names: the ledger's own ids and counts, shown but never read from a file
NOT_IN_FILES = frozenset(
    {"id", "town", "created_at", "leader_title", "notice_due_on", "came_back", "escalated", "days_overdue", "days_left",
     "clock", "kind", "at", "by", "note", "review_due_on", "re_review_due_on", "former_numbers", "told_on"}
)  # fmt: skip


def label(code: str, lang: str) -> str:
    field = FIELDS.get(code)
    if field is None:
        return code
    return field.zh if lang == "zh" else field.en


PERSONAL = frozenset(code for code, f in FIELDS.items() if f.personal)
PUBLIC = frozenset(code for code, f in FIELDS.items() if f.public)
