"""The report's judgement, rendered: the veto's words and reasons, the case block's extra figures (集体访, 人次,
积案, 三个第一) and the 重点重复信访 candidates."""

from decimal import Decimal
from typing import Any

from guside_cli.messages import text
from guside_cli.reports.report import Report


def one_decimal(value: Decimal | None) -> float | None:
    from guside_cli.render.report import one_decimal as rounded

    return rounded(value)


def pct(value: Decimal | None) -> str:
    return "—" if value is None else f"{one_decimal(value):.1f}%"


def veto_word(r: Report, lang: str) -> str:
    return text("report.veto" if r.final else "report.veto_warning", lang)


def extras_json(r: Report) -> dict[str, Any]:
    x = r.extras
    if not x:
        return {}
    judged = x["with_records"]  # the one denominator of the 24-hour shares: accepted cases with records
    return {
        "group_visits": x["group_visits"],
        "group_visit_persons": x["group_visit_persons"],
        "joint_letters": x["joint_letters"],
        "joint_letter_persons": x["joint_letter_persons"],
        "persons": x["persons"],
        "carried_over": x["carried_over"],
        "carried_over_age": x["carried_over_age"],
        "carried_over_closed": x["carried_over_closed"],
        "three_firsts": {
            key: {"count": x[key], "pct": one_decimal(_pct(x[key], judged))}
            for key in ("first_contact_24h", "first_arrival_24h", "first_mediation_24h", "all_three_24h")
        },
        "three_firsts_judged": judged,
        "without_records": x["without_records"],
    }


def share(part: int, whole: int, lang: str) -> str:
    """A 24-hour share: "—（无记录）" when no case has records to judge it by (unknown, never 0 %)."""
    return pct(_pct(part, whole)) if whole else text("rules.no_records", lang)


def _pct(part: int, whole: int) -> Decimal | None:
    return None if whole == 0 else Decimal(part) * 100 / Decimal(whole)


def extras_table(r: Report, lang: str) -> tuple[list[str], list[list[str]]]:
    """集体访 and 人次, 信访积案 carried over, and the 三个第一 of the accepted cases."""
    x = r.extras
    age = x["carried_over_age"]
    pairs = [
        ("group_visits", str(x["group_visits"])),
        ("group_visit_persons", str(x["group_visit_persons"])),
        ("joint_letters", str(x["joint_letters"])),
        ("persons", str(x["persons"])),
        ("carried_over", str(x["carried_over"])),
        ("over_a_year", str(age["1y_to_2y"] + age["over_2y"])),
        ("carried_over_closed", str(x["carried_over_closed"])),
        ("accepted", str(x["accepted"])),
        ("without_records", str(x["without_records"])),
        ("contact_24h", share(x["first_contact_24h"], x["with_records"], lang)),
        ("arrival_24h", share(x["first_arrival_24h"], x["with_records"], lang)),
        ("mediation_24h", share(x["first_mediation_24h"], x["with_records"], lang)),
        ("all_three_24h", share(x["all_three_24h"], x["with_records"], lang)),
    ]
    headers = [text("report.h.figure", lang), text("report.h.value", lang)]
    return headers, [[text(f"report.extras.{key}", lang), value] for key, value in pairs]


def candidates_table(r: Report, lang: str) -> tuple[list[str], list[list[str]]]:
    headers = [text(f"key.h.{k}", lang) for k in ("first", "village", "count", "last")]
    return headers, [[c["number"], c["village"], str(c["petitions"]), c["last"]] for c in r.candidates]
