"""The supervision bulletin (督查通报): the town's standing, villages ranked, the villages to be named for
supervision (专项督办) or a talk with their heads (约谈), and the enterprises to downgrade.

A village is named when, in the period: a veto trigger holds (veto: escalated petitions rose, or a key repeat
case is not 销号 and past due); its petitions rose sharply year on year (total_up, 增幅较大: by at least the
setting's count and share); its escalated petitions rose sharply (escalated_up); escalated cases are open past
their handling limit (long_open_escalated, 久拖不决); or its closure rate is under the threshold (low_closure).
A village vetoed or named for two reasons or more is named for a 约谈 with its head (进展缓慢、成效不明显);
the others for 专项督办. `interviews` are the 约谈 earlier bulletins named: held, or still owed.
"""

from dataclasses import dataclass
from decimal import Decimal

from guside_cli.reports.report import Report
from guside_cli.reports.yoy import HUNDRED

REASONS = ("veto", "total_up", "escalated_up", "long_open_escalated", "low_closure")
DEFAULT_RISE = (2, Decimal(50))  # 增幅较大: up by at least 2 petitions and 50 %


def sharp_rise(current: int, previous: int, rise: tuple[int, Decimal]) -> bool:
    """Up by at least rise[0] petitions and rise[1] % (a rise from none counts as a sharp share)."""
    up = current - previous
    if up < rise[0]:
        return False
    return previous == 0 or Decimal(up) * HUNDRED / Decimal(previous) >= rise[1]


@dataclass(frozen=True)
class Named:
    village: str
    reasons: tuple[str, ...]
    cases_by_reason: dict[str, tuple[str, ...]]
    closure_rate_pct: Decimal | None
    interview: bool = False  # 约谈 (else 专项督办)

    @property
    def cases(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(n for r in self.reasons for n in self.cases_by_reason[r]))


@dataclass(frozen=True)
class Bulletin:
    report: Report
    named: tuple[Named, ...]
    downgrade: tuple[dict, ...]
    closure_threshold_pct: Decimal
    rise: tuple[int, Decimal] = DEFAULT_RISE
    interviews: tuple[dict, ...] = ()  # earlier bulletins' 约谈: bulletin_on, village, held_on, held_by


def build_bulletin(
    report: Report,
    lists: dict[str, dict[str, list[str]]],
    downgrade: list[dict],
    threshold: Decimal,
    rise: tuple[int, Decimal] = DEFAULT_RISE,
    interviews: list[dict] = (),
) -> Bulletin:
    named = []
    for row in report.villages:
        cases = lists.get(row.village, {"all": [], "escalated": [], "late_escalated": [], "open": []})
        registered = len(cases["all"])
        rate = None if registered == 0 else Decimal(registered - len(cases["open"])) * HUNDRED / Decimal(registered)
        found = {
            "veto": row.veto,
            "total_up": sharp_rise(row.total.current, row.total.previous, rise),
            "escalated_up": sharp_rise(row.escalated.current, row.escalated.previous, rise),
            "long_open_escalated": bool(cases["late_escalated"]),
            "low_closure": rate is not None and rate < threshold,
        }
        behind = {
            "veto": tuple(row.key_cases) + (tuple(cases["escalated"]) if "escalated_rise" in row.veto_reasons else ()),
            "total_up": cases["all"],
            "escalated_up": cases["escalated"],
            "long_open_escalated": cases["late_escalated"],
            "low_closure": cases["open"],
        }
        reasons = tuple(r for r in REASONS if found[r])
        if reasons:
            talk = row.veto or len(reasons) >= 2
            named.append(Named(row.village, reasons, {r: tuple(behind[r]) for r in reasons}, rate, talk))
    return Bulletin(
        report=report,
        named=tuple(named),
        downgrade=tuple(downgrade),
        closure_threshold_pct=threshold,
        rise=rise,
        interviews=tuple(interviews),
    )
