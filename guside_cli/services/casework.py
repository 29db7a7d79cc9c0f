"""The case's actions, one door each: 包案 (assign), 调处 (step), 延期 (extend), 销号 (close), 更正 (reopen), 更正要素
(edit), and the statute's path — 受理 (accept), 不予受理 (reject), 办结 (conclude), 复查 and 复核 (review).

Each opens the run's ledger, checks the rules (core), writes the rows and their sealed history in one transaction
(the unit of work: services.ledger.writing, whose end also judges every changed case by the plan's and statute's
rules), and returns what the command says. Commands parse options before and render after; they never write."""

from dataclasses import replace
from datetime import date, datetime

from guside_cli.messages import M
from guside_cli.services.ledger import open_ledger, writing
from guside_cli.services.outcome import Said, calendar_notes


def assign(run, case: str, leader: str, *, unit: str | None, due: date | None, by: str | None) -> Said:
    from guside_cli.core import lifecycle as rules
    from guside_cli.storage.settings import deadline_rules

    with open_ledger(run) as ledger, writing(ledger, run, by):
        p, chosen = ledger.get(case), ledger.leader(leader)
        rules.check_assignment(p, chosen, due=due)
        if due is not None:
            rules.check_due(p, due, deadline_rules(ledger))
        ledger.assign(p, chosen, unit=unit, due=due)
        p = ledger.get(case)
    return Said(M("lifecycle.assigned", number=p.number, leader=chosen.name, due=p.due_on), value=p)


def step(run, case: str, *, kind, at: datetime, by: str | None, note: str | None) -> Said:
    from guside_cli.core import lifecycle as rules
    from guside_cli.core.model import Step

    with open_ledger(run) as ledger, writing(ledger, run, by):
        p = ledger.get(case)
        the_step = Step(kind=kind, at=at, by=by, note=note)
        rules.check_step(p, kind, at, run.now)
        ledger.add_step(p, the_step)
    hours = (at - p.received_at).total_seconds() / 3600
    return Said(M("lifecycle.step_recorded", number=p.number, kind=kind.label(run.lang), hours=f"{hours:.1f}"))


def extend(
    run,
    case: str,
    *,
    days: int,
    reason: str,
    approver: str | None,
    on: date,
    by: str | None,
    told: date | None = None,
) -> Said:
    """An extension (条例 第三十三条): approved, with its reason told to the petitioner (记录告知: `told`, the
    approval day when not given, and said so); several may be granted, 30 days in all."""
    from guside_cli.core import casepath as rules
    from guside_cli.core.deadlines import MAX_EXTENSION_DAYS
    from guside_cli.core.extensions import one_line

    reason = one_line(reason) or reason

    with open_ledger(run) as ledger, writing(ledger, run, by):
        p = ledger.get(case)
        approver = approver or (p.leader.name if p.leader else None)
        rules.check_extension(p, days, on, approver, run.today, reason)
        told_on = told or on
        rules.check_told(p, told_on, on, run.today)
        ledger.extend(p, days, reason, approver, on=on, told=told_on)
        p = ledger.get(case)
        notes = calendar_notes(ledger, p.due_on)
    total = p.extension_days or 0
    lines = [M("rules.extended_total", total=total, left=MAX_EXTENSION_DAYS - total)] if total > days else []
    if not told:
        notes.append(M("rules.told_default", day=told_on, reason=reason))
    return Said(M("done.extend", number=p.number, days=days, approver=approver, due=p.due_on), notes, lines=lines)


def close(
    run,
    case: str,
    *,
    outcome,
    on: date,
    note: str | None,
    verified: bool,
    satisfaction,
    reward: str | None,
    by: str | None,
) -> Said:
    from guside_cli.core import casepath as rules
    from guside_cli.storage.settings import deadline_rules

    with open_ledger(run) as ledger, writing(ledger, run, by):
        p = ledger.get(case)
        concludes = rules.check_close(p, outcome, on, ledger.steps(p.id), run.today, deadline_rules(ledger))
        ledger.close_case(p, outcome, on, note=note, verified=verified, satisfaction=satisfaction)
        ledger.strike_off(p, outcome, on, concludes=concludes)
        if reward is not None:
            from guside_cli.core.plan import check_reward, parse_amount

            money = parse_amount(reward)
            closed = ledger.get(case)
            check_reward(closed, on, run.today)
            ledger.add_reward(closed.id, money, on, None)
    said = "done.close_and_conclude" if concludes else "done.close"
    return Said(M(said, number=p.number, outcome=rules.label(outcome), day=on))


def reopen(run, case: str, *, reason: str, by: str | None) -> Said:
    from guside_cli.core import casepath as rules

    with open_ledger(run) as ledger, writing(ledger, run, by):
        p = ledger.get(case)
        stage = rules.check_reopen(p)
        ledger.correct_closing(p, stage, reason)
    return Said(M("done.reopen", number=p.number, stage=rules.label(stage)))


def edit(run, case: str, *, assignments: list[str], by: str | None) -> Said:
    """Correct a case's elements (`assignments`: FIELD=VALUE, as `--set` takes them). The 包案 rule for the case's
    leader is judged with the case as corrected (a village cadre cannot be left holding a case made province)."""
    from guside_cli.core.casepath import check_rank
    from guside_cli.core.records import field_label
    from guside_cli.storage.settings import deadline_rules

    with open_ledger(run) as ledger, writing(ledger, run, by):
        p = ledger.get(case)
        corrected = _corrected(p, assignments, run.now, ledger.villages(), deadline_rules(ledger))
        if p.leader is not None and p.status.code == "open":
            check_rank(replace(corrected, number=p.number), ledger.leader(p.leader.name))
        changed = ledger.update_elements(p, corrected)
        now = ledger.get(str(p.id))
    named = [field_label(name, run.lang) for name in changed]
    changes = ("、" if run.lang == "zh" else ", ").join(named) or M("lifecycle.nothing_changed").render(run.lang)
    lines = [M("number.changed", old=p.number, new=now.number)] if now.number != p.number else []
    return Said(M("lifecycle.corrected", number=p.number, changes=changes), lines=lines, value=now)


# --- the statute's path ---------------------------------------------------------------------------------------


def accept(run, case: str, *, on: date, by: str | None) -> Said:
    from guside_cli.core import casepath as rules

    with open_ledger(run) as ledger, writing(ledger, run, by):
        p = ledger.get(case)
        rules.check_accept(p, on, run.today)
        ledger.accept(p, on)
        p = ledger.get(case)
        notes = calendar_notes(ledger, p.due_on)
    return Said(M("done.accept", number=p.number, day=on, due=p.due_on), notes)


def reject(run, case: str, *, reason: str | None, on: date, by: str | None) -> Said:
    from guside_cli.core import casepath as rules

    with open_ledger(run) as ledger, writing(ledger, run, by):
        p = ledger.get(case)
        rules.check_reject(p, on, reason, run.today)
        ledger.reject(p, on, reason)
    return Said(M("done.reject", number=p.number, day=on, reason=reason))


def conclude(
    run, case: str, *, outcome: str, on: date, note: str | None, by: str | None, served: date | None = None
) -> Said:
    """办结 on `on`; the 复查 window runs 30 days from `served` (送达, 条例 第三十五条), the 办结 date when not
    given (and said so)."""
    from guside_cli.core import casepath as rules
    from guside_cli.core.deadlines import request_window_end
    from guside_cli.storage.settings import deadline_rules

    with open_ledger(run) as ledger, writing(ledger, run, by):
        p = ledger.get(case)
        result = rules.conclusion(outcome)
        rules.check_conclude(p, result, on, ledger.steps(p.id), run.today)
        delivered = served or on
        rules.check_served(p, delivered, on, run.today)
        ledger.conclude(p, result, on, note, served=delivered)
        limit = request_window_end(delivered, deadline_rules(ledger))
        notes = calendar_notes(ledger, limit)
    if not served:
        notes.append(M("rules.served_default", day=delivered, limit=limit))
    return Said(M("done.conclude", number=p.number, outcome=rules.label(result), day=on, limit=limit), notes)


def request_review(run, case: str, *, on: date, again: bool, by: str | None) -> Said:
    """A 复查 (or, `again`, 复核) requested on `on`: due 30 days after the request."""
    from guside_cli.core import casepath as rules
    from guside_cli.storage.settings import deadline_rules

    what = M("word.re_review" if again else "word.review")
    with open_ledger(run) as ledger, writing(ledger, run, by):
        p = ledger.get(case)
        check = rules.check_re_review_request if again else rules.check_review_request
        due = check(p, on, run.today, deadline_rules(ledger))
        ledger.request_review(p, on, due, again=again)
        notes = calendar_notes(ledger, due)
    return Said(M("done.review_requested", number=p.number, what=what, day=on, due=due), notes)


def decide_review(run, case: str, *, on: date, outcome, again: bool, by: str | None) -> Said:
    """A 复查 or 复核 decided. 撤销重办 (revoked, handle again) starts a new handling clock, 60 days from the
    decision on the calendar in force, and needs a new 办结 before 销号."""
    from guside_cli.core import casepath as rules
    from guside_cli.core.enums import ReviewOutcome

    what = M("word.re_review" if again else "word.review")
    with open_ledger(run) as ledger, writing(ledger, run, by):
        p = ledger.get(case)
        (rules.check_re_review_decision if again else rules.check_review_decision)(p, on, run.today)
        ledger.decide_review(p, on, outcome, again=again)
        lines = []
        if outcome is ReviewOutcome.REVOKED:  # 撤销重办: handled again, a new 60 days from the decision
            ledger.rehandle(ledger.get(case), on)
            p = ledger.get(case)
            lines.append(M("rules.rehandle", number=p.number, day=on, due=p.due_on))
    said = M("done.review_decided", number=p.number, what=what, outcome=rules.label(outcome), day=on)
    return Said(said, lines=lines)


# what `edit --set` calls each element (the same names as `add`'s options and the canonical fields)
EDIT_ALIASES = {
    "received_on": "received",
    "received_at": "received",
    "ref": "ref_no",
    "due": "due_on",
    "id-number": "id_number",
    "key-persons": "key_persons",
    "key_person": "key_persons",
}


def _element(name: str) -> str:
    """An element as `edit --set` is given it: its option or field name, or what the ledger and an office's file
    call it (涉及人数, 反映问题, 属地 — the field table's labels and aliases)."""
    from guside_cli.interchange.headers import field_of

    if name in EDIT_ALIASES:
        return EDIT_ALIASES[name]
    if name.isascii():
        return name
    known = field_of(name)
    return EDIT_ALIASES.get(known, known) if known else name


def _raw_of(p):
    """A registered case as the raw values `intake` reads, so a correction is validated like a new entry."""
    from guside_cli.core.model import EDITABLE_FIELDS
    from guside_cli.core.records import to_record

    record = to_record(p, reveal=True)
    raw = {name: record[name] for name in EDITABLE_FIELDS if name in record}
    raw["received"] = p.received_at.strftime("%Y-%m-%d %H:%M:%S")
    raw["persons"] = str(p.persons)
    raw["due_on"] = p.due_given.isoformat() if p.due_given else None  # the given date, not the computed one
    return raw


def _corrected(p, assignments: list[str], now: datetime, villages, rules):
    from guside_cli.core.errors import InputError
    from guside_cli.core.intake import intake
    from guside_cli.core.model import EDITABLE_FIELDS
    from guside_cli.messages import language

    raw = _raw_of(p)
    for assignment in assignments:
        name, sep, value = assignment.partition("=")
        name = _element(name.strip())
        if not sep or name not in EDITABLE_FIELDS:
            from guside_cli.core.records import field_label

            def named(f: str) -> str:  # in Chinese the field's label too: received（登记时间）
                label = field_label("received_at" if f == "received" else f, "zh")
                return f if language() == "en" else f"{f}（{label}）"

            fields = ", ".join(map(named, EDITABLE_FIELDS))
            raise InputError(M("intake.set_form", fields=fields, given=assignment))
        raw[name] = value if value.strip() else None
    petition, problems = intake(raw, now=now, villages=villages, due_rules=rules)
    if problems:
        joined = ("；" if language() == "zh" else "; ").join(str(problem) for problem in problems)
        raise InputError(M("intake.cannot_correct", problems=joined))
    return petition
