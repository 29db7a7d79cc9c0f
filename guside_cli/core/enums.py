"""Coded values. The ledger stores the English code; users may type the code, the Chinese label,
or a common short form (`--level 省` == `--level 省级` == `--level province`)."""

from enum import Enum
from typing import Self, cast

from guside_cli.core.errors import InputError
from guside_cli.core.text import fold


class Coded(Enum):
    """An enum whose value is the stored code, with zh/en labels and accepted aliases."""

    code: str  # the stored code (the value), a plain attribute: import reads it millions of times
    zh: str
    en: str
    aliases: tuple[str, ...]

    def __new__(cls, code: str, zh: str, en: str, *aliases: str):
        member = object.__new__(cls)
        member._value_ = code
        member.code = code
        member.zh = zh
        member.en = en
        member.aliases = aliases
        return member

    def label(self, lang: str = "zh") -> str:
        return self.zh if lang == "zh" else self.en

    @classmethod
    def of(cls, code: str) -> "Self":
        """The member stored as `code`: a value read back from the ledger (the schema's CHECK admits only codes)."""
        return cast(Self, cls._value2member_map_[code])  # Enum's own map (mypy reads cls(code) as the members' __new__)

    @classmethod
    def what(cls) -> str:
        """What this kind of value is called in messages, e.g. 'level'."""
        return cls.__name__.lower()

    @classmethod
    def parse(cls, text: "str | Coded") -> Self:
        if isinstance(text, cls):
            return text
        member = _lookup(cls).get(fold(str(text)))
        if member is not None:
            return cast(Self, member)
        from guside_cli.messages import M, catalogue

        name = f"enum.what.{cls.what()}"
        what = M(name) if name in catalogue() else cls.what()
        raise InputError(M("enum.unknown", what=what, text=text, choices=_Choices(cls)))


class _Choices:
    """An enum's members named in a message: 镇级（town）、县级（county） in Chinese, town (镇级), … in English,
    as the run reads when the message is rendered."""

    def __init__(self, kind: type[Coded]) -> None:
        self.kind = kind

    def __str__(self) -> str:
        from guside_cli.messages import language

        if language() == "zh":
            return "、".join(f"{m.zh}（{m.value}）" for m in self.kind)
        return ", ".join(f"{m.value} ({m.zh})" for m in self.kind)

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def __eq__(self, other: object) -> bool:  # a memo compares messages by their parameters
        return isinstance(other, _Choices) and self.kind == other.kind

    def __hash__(self) -> int:
        return hash(self.kind)


_LOOKUPS: dict[type, dict[str, Coded]] = {}


def _lookup(kind: type[Coded]) -> dict[str, Coded]:
    """Every accepted spelling of every member, folded, built once per enum (import parses millions)."""
    if kind not in _LOOKUPS:
        table: dict[str, Coded] = {}
        for member in kind:
            for name in (member.value, member.zh, member.en, *member.aliases):
                table.setdefault(fold(name), member)
        _LOOKUPS[kind] = table
    return _LOOKUPS[kind]


class Form(Coded):
    LETTER = ("letter", "来信", "letter", "信", "信件", "写信")
    VISIT = ("visit", "来访", "visit", "访", "走访", "上访")
    ONLINE = ("online", "网上信访", "online", "网上", "网信", "网络", "网络信访")
    PHONE = ("phone", "电话", "phone call", "来电", "电话信访", "call")


class Level(Coded):
    TOWN = ("town", "镇级", "town", "镇")
    COUNTY = ("county", "县级", "county", "县", "县市", "县级市", "江阴", "江阴市")
    PREFECTURE = ("prefecture", "市级", "prefecture", "市", "地市", "无锡", "无锡市")
    PROVINCE = ("province", "省级", "province", "省", "到省", "赴省", "去省")
    NATIONAL = ("national", "国家级", "national", "京", "赴京", "进京", "到部", "国家", "北京", "部")

    @property
    def escalated(self) -> bool:
        """越级赴京到省 / 到部去省: the plan's second target counts province and Beijing only."""
        return self in ESCALATED_LEVELS


ESCALATED_LEVELS = frozenset({Level.PROVINCE, Level.NATIONAL})


class Source(Coded):
    DIRECT = ("direct", "直接受理", "received directly", "直接", "直接来访")
    HOTLINE_12345 = ("hotline_12345", "12345热线", "12345 hotline", "12345")
    HOTLINE_12369 = ("hotline_12369", "12369热线", "12369 hotline", "12369")
    CENTRAL_INSPECTION = (
        "central_inspection",
        "中央环保督察交办",
        "central inspection",
        "中央环保督察",
        "中央督察",
        "中央",
    )
    PROVINCIAL_INSPECTION = (
        "provincial_inspection",
        "省环保督察交办",
        "provincial inspection",
        "省环保督察",
        "省督察",
    )
    CAMPAIGN_263 = ("campaign_263", "263专项行动交办", "263 campaign", "263", "263专项行动")
    SUPERIOR = ("superior", "上级交办", "handed down from above", "上级")

    @property
    def handed_down(self) -> bool:
        """Handed down from above (上级交办 in the wide sense): the plan wants a town leader on these."""
        return self in HANDED_DOWN_SOURCES


HANDED_DOWN_SOURCES = frozenset(
    {Source.CENTRAL_INSPECTION, Source.PROVINCIAL_INSPECTION, Source.CAMPAIGN_263, Source.SUPERIOR}
)


class Pollution(Coded):
    AIR = ("air", "大气", "air", "大气污染", "废气", "气", "恶臭", "异味", "油烟", "扬尘")
    WATER = ("water", "水", "water", "水污染", "废水", "污水")
    NOISE = ("noise", "噪声", "noise", "噪音", "噪声污染")
    SOLID_WASTE = ("solid_waste", "固体废物", "solid waste", "固废", "危废", "危险废物", "垃圾")
    SOIL = ("soil", "土壤", "soil", "土壤污染")
    RADIATION = ("radiation", "辐射", "radiation", "电磁辐射")
    ECOLOGY = ("ecology", "生态", "ecology", "生态破坏")
    OTHER = ("other", "其他", "other", "其它")


class Status(Coded):
    OPEN = ("open", "在办", "open", "未销号", "办理中")
    CLOSED = ("closed", "已销号", "closed", "销号", "办结", "已办结")


class Rank(Coded):
    """Who a leader is, for the plan's 包案 rule."""

    TOWN = ("town", "镇领导", "town leader", "镇", "镇级", "镇党政领导")
    VILLAGE = ("village", "村（社区）负责人", "village head", "村", "社区", "村级", "村社区")
    DEPARTMENT = ("department", "部门负责人", "department head", "部门", "科室")


class StepKind(Coded):
    CONTACT = ("contact", "联系信访人", "contacted the petitioner", "联系", "电话联系")
    ARRIVE = ("arrive", "到达现场", "arrived on site", "到场", "到现场")
    MEDIATE = ("mediate", "现场调处", "mediated on site", "调处", "调解", "现场调解")
    INSPECT = ("inspect", "现场检查", "inspection", "检查")
    MONITOR = ("monitor", "现场监测", "monitoring", "监测")
    ENFORCE = ("enforce", "执法查处", "enforcement", "执法", "查处")
    POLICE = ("police", "公安司法联动", "police and judicial action", "公安", "司法联动", "公安联动")
    INTERVIEW = ("interview", "约谈", "interview of the enterprise", "约谈企业")
    REPLY = ("reply", "书面答复", "written reply", "答复")
    NOTIFY = ("notify", "受理告知", "acceptance notice", "告知", "受理")
    VISIT = ("visit", "带案下访", "leader took the case to the village", "下访")
    OTHER = ("other", "其他", "other", "其它")


# The plan's "三个第一": first contact, first arrival on site, first on-site mediation, each within 24 hours.
FIRST_THREE = (StepKind.CONTACT, StepKind.ARRIVE, StepKind.MEDIATE)


class Outcome(Coded):
    RESOLVED = ("resolved", "问题解决", "resolved", "解决", "已解决")
    STOPPED = ("stopped", "停诉息访", "stopped petitioning", "息访", "停访")
    UNFOUNDED = ("unfounded", "反映不属实", "report not true", "不属实")
    NOT_ACCEPTED = ("not_accepted", "不予受理", "not accepted", "不受理")
    TRANSFERRED = ("transferred", "转办", "transferred", "转交")
    INTERIM = ("interim", "阶段性办结", "concluded for now", "阶段性")

    @property
    def needs_work(self) -> bool:
        """Closing as resolved or stopped claims work was done: the plan wants a leader and a step on record."""
        return self in (Outcome.RESOLVED, Outcome.STOPPED)


# what a 办结 may conclude with (不予受理 is `guside reject`, not a conclusion)
CONCLUSIONS = (Outcome.RESOLVED, Outcome.STOPPED, Outcome.UNFOUNDED, Outcome.TRANSFERRED, Outcome.INTERIM)


class Stage(Coded):
    """Where a case is on the statute's path (信访工作条例 2022), besides its status (open until 销号)."""

    RECEIVED = ("received", "已登记", "received", "登记")
    ACCEPTED = ("accepted", "已受理", "accepted", "受理")
    NOT_ACCEPTED = ("not_accepted", "不予受理", "not accepted", "不受理")
    NOT_ACCEPTED_AGAIN = ("not_accepted_again", "不再受理", "not accepted again")
    CONCLUDED = ("concluded", "已办结", "concluded")
    REVIEW = ("review", "复查中", "under review", "复查")
    RE_REVIEW = ("re_review", "复核中", "under re-review", "复核")
    STRUCK_OFF = ("struck_off", "已销号", "struck off", "销号")


# stages on which the handling clock (60 days, + extension) runs
HANDLING_STAGES = frozenset({Stage.RECEIVED, Stage.ACCEPTED})


class ReviewOutcome(Coded):
    """What a 复查 or 复核 decides about the written opinion."""

    UPHELD = ("upheld", "维持", "upheld", "维持原处理意见", "维持原意见")
    CHANGED = ("changed", "变更", "changed", "变更处理意见", "部分变更")
    REVOKED = ("revoked", "撤销重办", "revoked, to be handled again", "撤销", "撤销原处理意见")


class Satisfaction(Coded):
    SATISFIED = ("satisfied", "满意", "satisfied")
    BASIC = ("basic", "基本满意", "basically satisfied")
    UNSATISFIED = ("unsatisfied", "不满意", "unsatisfied")


class Rating(Coded):
    """Jiangsu's five-colour environmental credit rating of enterprises, best to worst."""

    GREEN = ("green", "绿色", "green", "绿")
    BLUE = ("blue", "蓝色", "blue", "蓝")
    YELLOW = ("yellow", "黄色", "yellow", "黄")
    RED = ("red", "红色", "red", "红")
    BLACK = ("black", "黑色", "black", "黑")

    @property
    def good(self) -> bool:
        """Green and blue: the ratings the plan reserves for 三有三无-compliant firms with no open top cases."""
        return self in (Rating.GREEN, Rating.BLUE)
