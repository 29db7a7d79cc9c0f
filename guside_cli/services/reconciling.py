"""`reconcile FILE`: the county's list of petitions it attributes to the town (信访信息系统 export: 信访件编号,
登记日期, 信访人, 反映事项, 去向/层级, 村) matched against the ledger — because the 25 % target is judged on the
upstream count.

Each upstream row is matched to a case by the upstream id once recorded (or the case's own number or 交办编号
equal to it); else by receipt date within ±`days`, then village, petitioner and subject similarity, the best pairs
first. Four lists come out, with counts per village: matched, upstream only (to register), ledger only (cases of
the file's dates upstream does not count), and disagreements of the matched (level, village, date). `apply`
records the upstream id on matched cases — through the one write door — so the next reconciliation matches
exactly; nothing else changes: registering or correcting stays the clerk's act."""

import difflib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from guside_cli.core.errors import InputError
from guside_cli.messages import M
from guside_cli.services.ledger import open_ledger, writing

MIN_SCORE = 2.5  # village (1.5) + a like subject or the same petitioner, or a subject alike enough alone


@dataclass
class Upstream:
    row: int
    upstream_id: str | None
    received: date | None
    village: str | None
    level: str | None
    petitioner: str | None
    subject: str | None


@dataclass
class Reconciled:
    file: str
    span: tuple[date, date] | None
    matched: list[dict] = field(default_factory=list)
    upstream_only: list[dict] = field(default_factory=list)
    ledger_only: list[dict] = field(default_factory=list)
    disagreements: list[dict] = field(default_factory=list)
    villages: dict[str, dict[str, int]] = field(default_factory=dict)
    applied: int = 0
    notes: list = field(default_factory=list)

    @property
    def unmatched(self) -> bool:
        return bool(self.upstream_only or self.ledger_only or self.disagreements)


def read_upstream(path: Path, run, villages) -> list[Upstream]:
    """The upstream list's rows, read as import reads a file (any format, header aliases); a row whose date,
    level or village cannot be read keeps None there (and is said), never stops the reading."""
    from guside_cli.core.dates import parse_date
    from guside_cli.core.enums import Level
    from guside_cli.core.text import clean
    from guside_cli.core.villages import resolve_village
    from guside_cli.interchange.readers import open_source

    _, rows = open_source(path)
    found: list[Upstream] = []
    seen_ids: dict[str, int] = {}
    for row, cells in rows:

        def text(name: str, cells: dict = cells) -> str | None:
            value = cells.get(name)
            return clean(str(value)) if value not in (None, "") else None

        received = None
        if text("received"):
            try:
                received = parse_date(str(text("received"))[:10].replace("/", "-"), run.today)
            except InputError:
                received = None
        level = None
        if text("level"):
            try:
                level = Level.parse(str(text("level"))).code
            except InputError:
                level = None
        village = None
        if text("village"):
            try:
                village = resolve_village(str(text("village")), villages).name
            except InputError:
                village = text("village")
        upstream_id = text("number") or text("ref_no")
        if upstream_id is not None:
            if upstream_id in seen_ids:
                raise InputError(M("reconcile.duplicate", id=upstream_id, row=row, first=seen_ids[upstream_id]))
            seen_ids[upstream_id] = row
        found.append(Upstream(row, upstream_id, received, village, level, text("petitioner"), text("subject")))
    if not found:
        raise InputError(M("reconcile.empty", file=path))
    if not any(u.received for u in found):
        raise InputError(M("reconcile.no_dates", file=path))
    return found


def reconcile(run, path: Path, *, days: int, apply: bool, by: str | None, period=None) -> Reconciled:
    """`period` (core.periods.Period): the list is the county's for that period — a row dated outside it is
    refused (named), and the ledger's cases of the whole period are compared, not only the list's dates."""
    with open_ledger(run, sound=True) as ledger:
        upstream = read_upstream(path, run, ledger.villages())
        dated = [u.received for u in upstream if u.received]
        span = (min(dated), max(dated))
        if period is not None:
            outside = next((u for u in upstream if u.received and not period.holds(u.received)), None)
            if outside is not None:
                raise InputError(
                    M("reconcile.outside", file=path.name, row=outside.row, day=outside.received, period=period.label)
                )
            span = (period.start, period.end)
        cases = _cases(ledger, span, days)
        result = _match(upstream, cases, span, days)
        result.file = str(path)
        if apply:
            with writing(ledger, run, by):
                result.applied = _record_ids(ledger, result)
    return result


def _cases(ledger, span: tuple[date, date], days: int) -> list[dict]:
    from datetime import timedelta

    rows = ledger.conn.execute(
        """SELECT id, number, received_on, village, level, petitioner, subject, upstream_id, ref_no FROM petitions
           WHERE received_on BETWEEN ? AND ? OR upstream_id IS NOT NULL ORDER BY received_on, id""",
        ((span[0] - timedelta(days=days)).isoformat(), (span[1] + timedelta(days=days)).isoformat()),
    )
    keys = ("id", "number", "received_on", "village", "level", "petitioner", "subject", "upstream_id", "ref_no")
    return [dict(zip(keys, r, strict=True)) for r in rows]


def _score(u: Upstream, case: dict, days: int) -> float:
    if u.received is None:
        return 0.0
    gap = abs((date.fromisoformat(case["received_on"]) - u.received).days)
    if gap > days:
        return 0.0
    score = 1.0 - gap / (days + 1)
    if u.village and u.village == case["village"]:
        score += 1.5
    if u.petitioner and case["petitioner"] and u.petitioner == case["petitioner"]:
        score += 1.5
    if u.subject and case["subject"]:
        score += 2.0 * difflib.SequenceMatcher(None, u.subject, case["subject"]).ratio()
    return score


def _match(upstream: list[Upstream], cases: list[dict], span, days: int) -> Reconciled:
    result = Reconciled("", span)
    by_id: dict[str, dict] = {}
    for case in cases:
        for key in (case["upstream_id"], case["number"], case["ref_no"]):
            if key:
                by_id.setdefault(key, case)
    taken: set[int] = set()
    pairs: list[tuple[Upstream, dict, str]] = []
    rest = []
    for u in upstream:
        known = by_id.get(u.upstream_id) if u.upstream_id else None
        if known is not None and known["id"] not in taken:
            taken.add(known["id"])
            pairs.append((u, known, "id"))
        else:
            rest.append(u)
    scored = sorted(
        ((_score(u, c, days), i, u, c) for i, u in enumerate(rest) for c in cases if c["id"] not in taken),
        key=lambda t: (-t[0], t[1], t[3]["id"]),
    )
    placed: set[int] = set()
    for score, i, u, case in scored:
        if score < MIN_SCORE or i in placed or case["id"] in taken:
            continue
        placed.add(i)
        taken.add(case["id"])
        pairs.append((u, case, "similar"))
    for u, case, how in sorted(pairs, key=lambda p: p[0].row):
        result.matched.append(_pair(u, case, how))
        differs = [
            name
            for name, theirs, mine in (
                ("level", u.level, case["level"]),
                ("village", u.village, case["village"]),
                ("received_on", u.received.isoformat() if u.received else None, case["received_on"]),
            )
            if theirs is not None and theirs != mine
        ]
        if differs:
            result.disagreements.append({**_pair(u, case, how), "fields": differs})
        _count(result, case["village"], "matched")
        if differs:
            _count(result, case["village"], "disagreements")
    for i, u in enumerate(rest):
        if i not in placed:
            result.upstream_only.append(_upstream(u))
            _count(result, u.village or "—", "upstream_only")
    for case in cases:
        if case["id"] not in taken and span[0].isoformat() <= case["received_on"] <= span[1].isoformat():
            result.ledger_only.append(_case(case))
            _count(result, case["village"], "ledger_only")
    return result


def _count(result: Reconciled, village: str, what: str) -> None:
    counts = result.villages.setdefault(village, {"matched": 0, "upstream_only": 0, "ledger_only": 0})
    counts.setdefault("disagreements", 0)
    counts[what] += 1


def _upstream(u: Upstream) -> dict:
    return {
        "row": u.row,
        "upstream_id": u.upstream_id,
        "received_on": u.received.isoformat() if u.received else None,
        "village": u.village,
        "level": u.level,
        "petitioner": u.petitioner,
        "subject": u.subject,
    }


def _case(case: dict) -> dict:
    return {k: case[k] for k in ("number", "received_on", "village", "level", "petitioner", "subject", "upstream_id")}


def _pair(u: Upstream, case: dict, how: str) -> dict:
    return {"by": how, "upstream": _upstream(u), "case": _case(case)}


def _record_ids(ledger, result: Reconciled) -> int:
    """The upstream id on each matched case that has none yet (never over another id, never a second case)."""
    applied = 0
    for pair in result.matched:
        upstream_id, number = pair["upstream"]["upstream_id"], pair["case"]["number"]
        if not upstream_id or pair["case"]["upstream_id"] == upstream_id:
            continue
        if pair["case"]["upstream_id"] is not None:
            result.notes.append(M("reconcile.other_id", number=number, id=pair["case"]["upstream_id"], new=upstream_id))
            continue
        holder = ledger.conn.execute("SELECT number FROM petitions WHERE upstream_id = ?", (upstream_id,)).fetchone()
        if holder is not None:
            result.notes.append(M("reconcile.id_held", id=upstream_id, number=holder[0]))
            continue
        ledger.set_upstream_id(ledger.get(number), upstream_id)
        pair["case"]["upstream_id"] = upstream_id
        applied += 1
    return applied
