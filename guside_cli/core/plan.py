"""The plan's other mechanisms as pure rules: enterprise ratings (企业环境信用评价降级制度), key persons, rewards.

Plan, 四(六): "环保信用评价为绿色蓝色的企业必须是"三有三无"达标企业。中央、省级环保督察未销号企业及省部级重点重复信访、
整改不力的企业不能评为绿色蓝色企业。"
"""

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from guside_cli.core.enums import Rating
from guside_cli.core.errors import InputError, RuleViolation

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
        out = []
        if self.compliant is False:
            out.append("not 三有三无-compliant")
        elif self.compliant is None:
            out.append("三有三无 status not assessed")
        if self.inspection_cases:
            out.append(f"open inspection case(s) {', '.join(self.inspection_cases)}")
        if self.escalated_repeats:
            out.append(f"open province/Beijing repeat petition(s) {', '.join(self.escalated_repeats)}")
        return out


def check_rating(name: str, rating: Rating, blockers: Blockers) -> None:
    if rating.good and blockers.any:
        raise RuleViolation(
            f"{name} cannot be rated {rating.code} ({rating.zh}): {'; '.join(blockers.reasons())} — the plan: "
            f"“{RATING_RULE}”; {BEST_ALLOWED.code} ({BEST_ALLOWED.zh}) at best"
        )


def should_be(rating: Rating | None, blockers: Blockers) -> Rating | None:
    """The rating an enterprise should fall to now, or None when its rating stands."""
    if rating is not None and rating.good and blockers.any:
        return BEST_ALLOWED
    return None


def check_reward(p, paid_on, today) -> None:
    """有奖举报: a reward is for a report that proved true, recorded when the case was closed with --verified."""
    if not p.verified:
        raise RuleViolation(f"{p.number}: a reward is for a report that proved true; close it with --verified first")
    if paid_on < p.received_on or paid_on > today:
        raise RuleViolation(f"{p.number}: a reward paid on {paid_on} is before receipt or in the future; check --on")


def parse_amount(text: str) -> Decimal:
    """A reward in yuan: positive, at most two decimals."""
    try:
        amount = Decimal(str(text).strip().removesuffix("元"))
    except InvalidOperation:
        raise InputError(f"reward amount '{text}' is not a number of yuan, e.g. 500 or 500.00") from None
    if not amount.is_finite():
        raise InputError(f"reward amount '{text}' is not a number of yuan, e.g. 500 or 500.00")
    if amount <= 0 or amount.as_tuple().exponent < -2 or amount > Decimal(1_000_000):
        raise InputError(f"reward amount {text} must be positive, in yuan and fen (two decimals at most)")
    return amount
