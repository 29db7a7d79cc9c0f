"""The report's judgement, rendered: the veto's words and reasons, the case block's extra figures (集体访, 人次,
积案, 三个第一) and the 重点重复信访 candidates."""

from decimal import Decimal
from typing import Any

from guside_cli.reports.report import Report


def _t(lang: str, zh: str, en: str) -> str:
    return zh if lang == "zh" else en


def one_decimal(value: Decimal | None) -> float | None:
    from guside_cli.render.report import one_decimal as rounded

    return rounded(value)


def pct(value: Decimal | None) -> str:
    return "—" if value is None else f"{one_decimal(value):.1f}%"


VETO_LABELS = {
    "escalated_rise": ("到部去省不降反升", "escalated rose"),
    "key_repeat_unresolved": ("重点重复信访化解不力", "key repeat case unresolved"),
}


def veto_word(r: Report, lang: str) -> str:
    return _t(lang, "一票否决", "veto") if r.final else _t(lang, "一票否决预警", "veto warning")


def extras_json(r: Report) -> dict[str, Any]:
    x = r.extras
    if not x:
        return {}
    accepted = x["accepted"]
    return {
        "group_visits": x["group_visits"],
        "group_visit_persons": x["group_visit_persons"],
        "persons": x["persons"],
        "carried_over": x["carried_over"],
        "carried_over_age": x["carried_over_age"],
        "carried_over_closed": x["carried_over_closed"],
        "three_firsts": {
            key: {"count": x[key], "pct": one_decimal(_pct(x[key], accepted))}
            for key in ("first_contact_24h", "first_arrival_24h", "first_mediation_24h", "all_three_24h")
        },
    }


def _pct(part: int, whole: int) -> Decimal | None:
    return None if whole == 0 else Decimal(part) * 100 / Decimal(whole)


def extras_table(r: Report, lang: str) -> tuple[list[str], list[list[str]]]:
    """集体访 and 人次, 信访积案 carried over, and the 三个第一 of the accepted cases."""
    x = r.extras
    age = x["carried_over_age"]
    pairs = [
        (_t(lang, "集体访（5人以上）件次", "group visits (5+)"), str(x["group_visits"])),
        (_t(lang, "集体访人次", "group visit persons"), str(x["group_visit_persons"])),
        (_t(lang, "信访人次", "persons"), str(x["persons"])),
        (_t(lang, "积案（期初未销号）", "carried over"), str(x["carried_over"])),
        (_t(lang, "其中超过1年", "of which over 1 year"), str(age["1y_to_2y"] + age["over_2y"])),
        (_t(lang, "积案本期销号", "carried over, closed"), str(x["carried_over_closed"])),
        (_t(lang, "受理", "accepted"), str(x["accepted"])),
        (_t(lang, "24小时内联系", "contact ≤24h"), pct(_pct(x["first_contact_24h"], x["accepted"]))),
        (_t(lang, "24小时内到场", "arrival ≤24h"), pct(_pct(x["first_arrival_24h"], x["accepted"]))),
        (_t(lang, "24小时内调处", "mediation ≤24h"), pct(_pct(x["first_mediation_24h"], x["accepted"]))),
        (_t(lang, "三个第一均做到", "all three ≤24h"), pct(_pct(x["all_three_24h"], x["accepted"]))),
    ]
    return [_t(lang, "指标", "figure"), _t(lang, "数值", "value")], [list(p) for p in pairs]


def candidates_table(r: Report, lang: str) -> tuple[list[str], list[list[str]]]:
    headers = [
        _t(lang, h[0], h[1])
        for h in (("首件编号", "first case"), ("属地", "village"), ("12个月内件次", "in 12 months"), ("最近", "last"))
    ]
    return headers, [[c["number"], c["village"], str(c["petitions"]), c["last"]] for c in r.candidates]
