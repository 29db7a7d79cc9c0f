"""The plan's other mechanisms as pure rules: enterprise ratings (企业环境信用评价降级制度), key persons, rewards.

Plan, 四(六): "环保信用评价为绿色蓝色的企业必须是"三有三无"达标企业。中央、省级环保督察未销号企业及省部级重点重复信访、
整改不力的企业不能评为绿色蓝色企业。"
"""

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from guside_cli.core.enums import Rating
from guside_cli.core.errors import InputError, RuleViolation
from guside_cli.messages import M, language

RATING_RULE = (
    "环保信用评价为绿色蓝色的企业必须是“三有三无”达标企业；"
    "中央、省级环保督察未销号企业及省部级重点重复信访的企业不能评为绿色蓝色企业"
)
BEST_ALLOWED = Rating.YELLOW  # where the rule forbids green and blue, yellow at best


@dataclass(frozen=True)
class Enterprise:
    name: str
    village: str | None
    rating: Rating | None
    compliant: bool | None  # the "三有三无" status; None: not assessed


@dataclass(frozen=True)
class Blockers:
    """What stands in the way of a green or blue rating."""

    compliant: bool | None  # the 三有三无 status: green and blue need True, not just "not False"
    inspection_cases: tuple[str, ...]  # open cases handed down by the central or provincial inspection
    escalated_repeats: tuple[str, ...]  # open repeated petitions lodged at province/Beijing level

    @property
    def cases(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(self.inspection_cases + self.escalated_repeats))

    @property
    def any(self) -> bool:
        return self.compliant is not True or bool(self.cases)

    def reasons(self) -> list[str]:
        """What blocks green and blue, in the run's language."""
        out = []
        if self.compliant is False:
            out.append(M("plan.reason.not_compliant"))
        elif self.compliant is None:
            out.append(M("plan.reason.not_assessed"))
        if self.inspection_cases:
            out.append(M("plan.reason.inspection", cases=", ".join(self.inspection_cases)))
        if self.escalated_repeats:
            out.append(M("plan.reason.escalated_repeat", cases=", ".join(self.escalated_repeats)))
        return [str(reason) for reason in out]


def check_rating(name: str, rating: Rating, blockers: Blockers) -> None:
    if rating.good and blockers.any:
        raise RuleViolation(
            M(
                "plan.rating_refused",
                name=name,
                rating=rating.code,
                rating_zh=rating.zh,
                reasons=_Reasons(blockers),
                rule=RATING_RULE,
                best=BEST_ALLOWED.code,
                best_zh=BEST_ALLOWED.zh,
            )
        )


class _Reasons:
    """The blockers joined, rendered when the message is (in the run's language)."""

    def __init__(self, blockers: Blockers) -> None:
        self.blockers = blockers

    def __str__(self) -> str:
        return ("；" if language() == "zh" else "; ").join(self.blockers.reasons())

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def __eq__(self, other: object) -> bool:  # a memo compares messages by their parameters
        return isinstance(other, _Reasons) and self.blockers == other.blockers

    def __hash__(self) -> int:
        return hash(self.blockers)


def should_be(rating: Rating | None, blockers: Blockers) -> Rating | None:
    """The rating an enterprise should fall to now, or None when its rating stands."""
    if rating is not None and rating.good and blockers.any:
        return BEST_ALLOWED
    return None


def check_reward(p, paid_on, today) -> None:
    """有奖举报: a reward is for a report that proved true, recorded when the case was closed with --verified."""
    if not p.verified:
        raise RuleViolation(M("reward.unverified", number=p.number))
    if paid_on < p.received_on or paid_on > today:
        raise RuleViolation(M("reward.bad_date", number=p.number, day=paid_on))


def parse_amount(text: str) -> Decimal:
    """A reward in yuan: positive, at most two decimals."""
    try:
        amount = Decimal(str(text).strip().removesuffix("元"))
    except InvalidOperation:
        raise InputError(M("reward.not_a_number", text=text)) from None
    if not amount.is_finite():
        raise InputError(M("reward.not_a_number", text=text))
    exponent = amount.as_tuple().exponent  # an int for every finite number
    if amount <= 0 or (isinstance(exponent, int) and exponent < -2) or amount > Decimal(1_000_000):
        raise InputError(M("reward.not_positive", text=text))
    return Decimal(format(amount, "f"))  # 1e3 is stored and shown as 1000, never 1E+3


# 二(二): 进一步落实镇党委、政府主要负责人每月"环境信访日活动"
RECEPTION_RULE = "落实镇党委、政府主要负责人每月“环境信访日活动”"


def check_reception_leader(name: str, leader) -> None:
    """环境信访日 (二(二)): received by the town's principal leaders — a town leader on the register (`leader add
    NAME --rank town`); a name not on the register, a leader of unknown rank or a village cadre is refused."""
    from guside_cli.core.enums import Rank
    from guside_cli.core.errors import RuleViolation
    from guside_cli.messages import M

    if leader is None:
        raise RuleViolation(M("rules.reception_unknown", leader=name, rule=RECEPTION_RULE))
    if leader.rank is not Rank.TOWN:
        from guside_cli.core.casepath import label

        rank = label(leader.rank) if leader.rank else "?"
        raise RuleViolation(M("rules.reception_rank", leader=name, rank=rank, rule=RECEPTION_RULE))
