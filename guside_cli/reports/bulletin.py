"""The supervision bulletin (督查通报): the town's standing, villages ranked, the villages to be named for
supervision (专项督办) or a talk with their heads (约谈), and the enterprises to downgrade.

A village is named when, in the period: its petitions rose year on year (total_up); its escalated petitions
rose (escalated_up, the 一票否决 candidates); escalated cases are open past their handling limit
(long_open_escalated, 久拖不决); or its closure rate is under the threshold (low_closure).
"""

from dataclasses import dataclass
from decimal import Decimal

from guside_cli.reports.report import Report
from guside_cli.reports.yoy import HUNDRED

REASONS = ("total_up", "escalated_up", "long_open_escalated", "low_closure")


@dataclass(frozen=True)
class Named:
    village: str
    reasons: tuple[str, ...]
    cases_by_reason: dict[str, tuple[str, ...]]
    closure_rate_pct: Decimal | None

    @property
    def cases(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(n for r in self.reasons for n in self.cases_by_reason[r]))


@dataclass(frozen=True)
class Bulletin:
    report: Report
    named: tuple[Named, ...]
    downgrade: tuple[dict, ...]
    closure_threshold_pct: Decimal


def build_bulletin(
    report: Report, lists: dict[str, dict[str, list[str]]], downgrade: list[dict], threshold: Decimal
) -> Bulletin:
    named = []
    for row in report.villages:
        cases = lists.get(row.village, {"all": [], "escalated": [], "late_escalated": [], "open": []})
        registered = len(cases["all"])
        rate = None if registered == 0 else Decimal(registered - len(cases["open"])) * HUNDRED / Decimal(registered)
        found = {
            "total_up": row.total.rose,
            "escalated_up": row.escalated.rose,
            "long_open_escalated": bool(cases["late_escalated"]),
            "low_closure": rate is not None and rate < threshold,
        }
        behind = {
            "total_up": cases["all"],
            "escalated_up": cases["escalated"],
            "long_open_escalated": cases["late_escalated"],
            "low_closure": cases["open"],
        }
        reasons = tuple(r for r in REASONS if found[r])
        if reasons:
            named.append(Named(row.village, reasons, {r: tuple(behind[r]) for r in reasons}, rate))
    return Bulletin(report=report, named=tuple(named), downgrade=tuple(downgrade), closure_threshold_pct=threshold)
