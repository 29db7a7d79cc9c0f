"""The campaign's calendar (百日行动, 三、实施步骤): four phases, 2018's dates from the plan as defaults; the
villages' written summaries due at the end of 集中化解 (8月15日前书面报镇领导小组办公室)."""

from dataclasses import dataclass
from datetime import date

from guside_cli.core.errors import InputError

PHASES = (  # code, Chinese, English, 2018's dates (month, day) from the plan
    ("mobilise", "动员部署", "mobilisation", (6, 1), (6, 7)),
    ("survey", "全面梳理排查", "survey", (6, 7), (6, 15)),
    ("resolve", "集中化解", "concentrated resolution", (6, 16), (8, 15)),
    ("review", "督查总结", "inspection and summary", (8, 16), (9, 15)),
)
ALIASES = {
    "动员": "mobilise",
    "排查": "survey",
    "梳理排查": "survey",
    "化解": "resolve",
    "督查": "review",
    "总结": "review",
}
PLAN_YEAR = 2018


@dataclass(frozen=True)
class Phase:
    code: str
    start: date
    end: date
    from_plan: bool = False  # dates taken from the plan, not set in the ledger

    def label(self, lang: str) -> str:
        zh, en = next((z, e) for c, z, e, _, _ in PHASES if c == self.code)
        return zh if lang == "zh" else en


def parse_phase(text: str) -> str:
    value = text.strip()
    for code, zh, en, _, _ in PHASES:
        if value.lower() in (code, en) or value in (zh, zh + "阶段"):
            return code
    if value in ALIASES:
        return ALIASES[value]
    from guside_cli.messages import M

    raise InputError(M("campaign.unknown_phase", phase=text, known="、".join(f"{c} {z}" for c, z, *_ in PHASES)))


def phases_for(year: int, stored: dict[str, tuple[date, date]]) -> list[Phase]:
    """The year's phases: those kept in the ledger, else (for the plan's year) the plan's dates."""
    out = []
    for code, _, _, start, end in PHASES:
        if code in stored:
            out.append(Phase(code, *stored[code]))
        elif year == PLAN_YEAR:
            out.append(Phase(code, date(year, *start), date(year, *end), from_plan=True))
    return out


def summaries_due(phases: list[Phase]) -> date | None:
    """The villages' written summaries are due when 集中化解 ends (8/15 in 2018)."""
    return next((p.end for p in phases if p.code == "resolve"), None)
