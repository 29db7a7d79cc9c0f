"""The statute's case path (信访工作条例 2022) as pure rules: stages, the clocks that run on each, and what each
event needs. Each check returns nothing (or what the event decides) or raises RuleViolation quoting the rule and
the dates; storage saves the results.

    received ─accept→ accepted ─conclude→ concluded ─review→ review ─re-review→ re_review
        └─reject→ not_accepted                  └────────── close (销号) ──────────┘→ struck_off
    a petition on a matter whose 复核 is decided: not_accepted_again at once
"""

from datetime import date

from guside_cli.core.deadlines import (
    DeadlineRules,
    calendar_gap,
    days_overdue,
    request_window_end,
    review_due,
)
from guside_cli.core.enums import CONCLUSIONS, HANDLING_STAGES, Outcome, Rank, Stage, Status, StepKind
from guside_cli.core.errors import InputError, RuleViolation
from guside_cli.core.model import HandedCase, Leader, NewPetition, Petition, Step
from guside_cli.messages import M, language

# 顾山镇 plan, 四(三): who must hold province/Beijing and handed-down key cases.
TOWN_LEADER_RULE = "对于到部去省和上级交办重点环境信访问题，要全面实行镇领导牵头包案"
SETTLING = (Outcome.RESOLVED, Outcome.STOPPED)  # outcomes that may record 办结 and 销号 together


class Label:
    """A value shown in a message, in the run's language (a stage, a rank, an outcome)."""

    __slots__ = ("en", "zh")

    def __init__(self, zh: str, en: str) -> None:
        self.zh, self.en = zh, en

    def __str__(self) -> str:
        return self.zh if language() == "zh" else self.en

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)


def label(coded) -> Label:
    return Label(coded.zh, coded.en)


# --- 包案: who may hold a case ------------------------------------------------------------------------------


def required_ranks(p: "Petition | NewPetition | HandedCase") -> frozenset[Rank] | None:
    """The ranks the plan allows to hold this case, or None when any leader may. Province/Beijing cases and
    key (重点交办) handed-down cases: a town leader (四(三)); a key repeat case (重点重复信访): its village's head
    (三(三)); other handed-down cases: a town leader or a village head."""
    if p.level.escalated or (p.source.handed_down and p.is_key):
        return frozenset({Rank.TOWN})
    if p.key_repeat:
        return frozenset({Rank.VILLAGE})
    if p.source.handed_down:
        return frozenset({Rank.TOWN, Rank.VILLAGE})
    return None


def needs_town_leader(p: "Petition | NewPetition | HandedCase") -> bool:
    return required_ranks(p) == frozenset({Rank.TOWN})


def _why(p: "Petition | NewPetition | HandedCase") -> M:
    if p.level.escalated:
        return M("rule.why_escalated")
    if p.is_key and p.source.handed_down:
        return M("rule.why_key_handed_down", source=label(p.source))
    if p.key_repeat:
        return M("rules.why_key_repeat")
    return M("rule.why_handed_down", source=label(p.source))


def _named(p) -> "str | M":
    """A case as a rule names it: its number, or 本件 at the desk before it has one."""
    return p.number or M("word.this_case")


def check_rank(p: "Petition | NewPetition | HandedCase", leader: Leader, *, strict: bool = True) -> None:
    """The plan's 包案 rule for `leader` holding `p`: the rank the case needs, then 属地 (a village cadre's own
    village). `strict=False` (import) lets an unknown rank or village pass."""
    _check_required_rank(p, leader, strict=strict)
    check_locality(p, leader, strict=strict)


def _check_required_rank(p: "Petition | NewPetition | HandedCase", leader: Leader, *, strict: bool) -> None:
    ranks = required_ranks(p)
    if ranks is None:
        return
    name = _named(p)
    if leader.rank is None:
        if not strict:
            return
        raise RuleViolation(M("rule.rank_unknown", number=name, why=_why(p), leader=leader.name))
    if leader.rank in ranks:
        return
    if ranks == frozenset({Rank.TOWN}):
        raise RuleViolation(
            M(
                "rule.town_leader",
                number=name,
                why=_why(p),
                rule=TOWN_LEADER_RULE,
                leader=leader.name,
                rank=label(leader.rank),
            )
        )
    if ranks == frozenset({Rank.VILLAGE}):
        raise RuleViolation(
            M("rules.key_repeat_leader", number=name, rule=KEY_REPEAT_RULE, leader=leader.name, rank=label(leader.rank))
        )
    raise RuleViolation(
        M("rule.local_leader", number=name, source=label(p.source), leader=leader.name, rank=label(leader.rank))
    )


# 四(五): 无锡市级及以下环境信访由属地自行编号，落实属地班子领导包案制度
LOCAL_RULE = "无锡市级及以下环境信访由属地自行编号，落实属地班子领导包案制度"
# 三(三): 重点重复信访要属地村（社区）主要负责人亲自调处督办
KEY_REPEAT_RULE = "重点重复信访要属地村（社区）主要负责人亲自调处督办"


def check_locality(p: "Petition | NewPetition | HandedCase", leader: Leader, *, strict: bool = True) -> None:
    """属地包案 (四(五)): a village cadre holds only cases of their own village; a town leader holds any. A cadre
    whose village is not on record holds nothing new until it is (`leader edit NAME --village`); `strict=False`
    (an import, the judgement at a write's end of a case already held) lets them pass, as an unknown rank does."""
    if leader.rank is not Rank.VILLAGE:
        return
    if leader.village is None:
        if strict:
            raise RuleViolation(M("rules.cadre_without_village", number=_named(p), leader=leader.name, rule=LOCAL_RULE))
        return
    if leader.village != p.village:
        raise RuleViolation(
            M(
                "rules.local_village",
                number=_named(p),
                village=p.village,
                leader=leader.name,
                own=leader.village,
                rule=LOCAL_RULE,
            )
        )


def check_rank_change(leader: Leader, rank: Rank, held: "list[Petition]") -> None:
    """包案 at the leader's door: a new rank that the rule refuses for an open case the leader holds is refused,
    naming how many and the first of them (reassign those first)."""
    if rank is Rank.VILLAGE and leader.village is not None:
        check_village_change(leader, leader.village, held)
    refused = [p.number for p in held if (ranks := required_ranks(p)) is not None and rank not in ranks]
    if refused:
        raise RuleViolation(
            M(
                "rule.leader_rank_change",
                leader=leader.name,
                count=len(refused),
                numbers="、".join(refused[:3]),
                rank=label(rank),
                rule=TOWN_LEADER_RULE,
            )
        )


def check_village_change(leader: Leader, village: str, held: "list[Petition]") -> None:
    """属地包案 at the leader's door: a village cadre given a village must not hold open cases of another."""
    if leader.rank is not Rank.VILLAGE and leader.rank is not None:
        return
    refused = [p.number for p in held if p.village != village]
    if refused:
        raise RuleViolation(
            M(
                "rules.leader_village_change",
                leader=leader.name,
                village=village,
                count=len(refused),
                numbers="、".join(refused[:3]),
                rule=LOCAL_RULE,
            )
        )


def handling_steps(steps: tuple[Step, ...]) -> tuple[Step, ...]:
    """The 调处 steps: the acceptance notice (受理告知) is the record of 受理, not handling."""
    return tuple(s for s in steps if s.kind is not StepKind.NOTIFY)


def check_closing(p: Petition, outcome: Outcome, steps: tuple[Step, ...]) -> None:
    """Every way of concluding or closing: an escalated or handed-down case needs the leader the 包案 rule wants
    and a 调处 step whatever the outcome; any case closed as resolved or stopped needs a leader and a step."""
    work = handling_steps(steps)
    ranks = required_ranks(p)
    if ranks is not None:
        leader_ok = p.leader is not None and p.leader.rank in ranks
        if leader_ok and work:
            return
        missing = []
        if not leader_ok:
            missing.append(M("rule.missing_town_leader" if Rank.VILLAGE not in ranks else "rule.missing_leader"))
        if not work:
            missing.append(M("rule.missing_step"))
        message = "rule.closing_needs" if Rank.VILLAGE not in ranks else "rule.closing_needs_local"
        raise RuleViolation(M(message, number=p.number, why=_why(p), missing=_join(missing)))
    if outcome.needs_work and (p.leader is None or not work):
        missing = [M("rule.missing_leader")] if p.leader is None else []
        missing += [M("rule.missing_step")] if not work else []
        raise RuleViolation(
            M("rule.closing_plain_needs", number=p.number, outcome=label(outcome), missing=_join(missing))
        )


class _Joined:
    def __init__(self, parts: list) -> None:
        self.parts = parts

    def __str__(self) -> str:
        return ("、" if language() == "zh" else ", ").join(str(part) for part in self.parts)


def _join(parts: list) -> _Joined:
    return _Joined(parts)


# --- dates of events ---------------------------------------------------------------------------------------


# the option each event's date is given by (`review --requested/--decided`, `extend --told`, `conclude --served`)
_OPTION_OF = {"word.request": "--requested", "word.decision": "--decided", "rules.word.told": "--told",
              "rules.word.served": "--served"}  # fmt: skip


def check_event_day(p: Petition, what: str, day: date, today: date, *earlier: tuple[str, date | None]) -> None:
    """An event's date: not after today, not before the events it follows (`earlier`: (word id, date))."""
    if day > today:
        option = _OPTION_OF.get(what, "--on")
        raise RuleViolation(M("date.in_future", number=p.number, what=M(what), day=day, today=today, option=option))
    for word, earlier_day in (("word.receipt", p.received_on), *earlier):
        if earlier_day is not None and day < earlier_day:
            raise RuleViolation(
                M("date.before", number=p.number, what=M(what), day=day, earlier=M(word), earlier_day=earlier_day)
            )


def _last_step_day(steps: tuple[Step, ...]) -> date | None:
    return max((s.at.date() for s in steps), default=None)


def _stage_is(p: Petition, allowed: frozenset[Stage] | set[Stage], action: str, rule: str) -> None:
    if p.stage is Stage.STRUCK_OFF:
        raise RuleViolation(M("stage.closed", number=p.number, day=p.closed_on))
    if p.stage not in allowed:
        raise RuleViolation(M("stage.wrong", number=p.number, stage=label(p.stage), action=M(action), rule=M(rule)))


# --- the events -------------------------------------------------------------------------------------------


def check_accept(p: Petition, on: date, today: date) -> None:
    _stage_is(p, {Stage.RECEIVED}, "action.accept", "rule.accept")
    check_event_day(p, "word.acceptance", on, today)


def check_reject(p: Petition, on: date, reason: str | None, today: date) -> None:
    # an accepted case too: the notice recorded by a `notify` step may have been the refusal (不予受理告知)
    _stage_is(p, HANDLING_STAGES, "action.reject", "rule.reject")
    if not reason:
        raise InputError(M("stage.reject_reason"))
    check_event_day(p, "word.acceptance", on, today)


def conclusion(text: str) -> Outcome:
    outcome = Outcome.parse(text)
    if outcome not in CONCLUSIONS:
        raise InputError(M("stage.outcome_not_conclusion", outcome=label(outcome)))
    return outcome


def check_conclude(p: Petition, outcome: Outcome, on: date, steps: tuple[Step, ...], today: date) -> None:
    _stage_is(p, HANDLING_STAGES, "action.conclude", "rule.conclude")
    if outcome not in CONCLUSIONS:
        raise InputError(M("stage.outcome_not_conclusion", outcome=label(outcome)))
    check_event_day(
        p, "word.conclusion", on, today, ("word.acceptance", p.accepted_on), ("word.last_step", _last_step_day(steps))
    )
    check_closing(p, outcome, steps)


def check_close(
    p: Petition, outcome: Outcome, on: date, steps: tuple[Step, ...], today: date, rules: DeadlineRules
) -> bool:
    """销号. Returns True when it records 办结 too (a matter settled the same day on a case not yet concluded)."""
    if p.status is Status.CLOSED:
        _stage_is(p, set(), "action.conclude", "rule.conclude")
    if outcome is Outcome.NOT_ACCEPTED:
        raise InputError(M("stage.outcome_not_conclusion", outcome=label(outcome)))
    check_event_day(
        p,
        "word.closing",
        on,
        today,
        ("word.conclusion", p.concluded_on),
        ("word.decision", p.review_decided_on),
        ("word.decision", p.re_review_decided_on),
        ("word.last_step", _last_step_day(steps)),
    )
    check_closing(p, outcome, steps)
    if outcome is Outcome.INTERIM:
        _not_yet(p, outcome, M("stage.close_reason_interim_outcome"))
    if p.stage in HANDLING_STAGES:
        if outcome not in SETTLING:
            _not_yet(p, outcome, M("stage.close_reason_unconcluded"))
        return True
    if p.stage is Stage.CONCLUDED:
        limit = request_window_end(window_start(p), rules)
        if outcome in SETTLING or (p.conclusion is not Outcome.INTERIM and on > limit):
            return False
        if p.conclusion is Outcome.INTERIM:
            _not_yet(p, outcome, M("stage.close_reason_interim", concluded=p.concluded_on))
        _not_yet(
            p,
            outcome,
            M("stage.close_reason_window", limit=limit, concluded=p.concluded_on, conclusion=label(p.conclusion)),
        )
    for stage, word, requested, due, decided in (
        (Stage.REVIEW, "word.review", p.review_requested_on, p.review_due_on, p.review_decided_on),
        (Stage.RE_REVIEW, "word.re_review", p.re_review_requested_on, p.re_review_due_on, p.re_review_decided_on),
    ):
        if p.stage is stage and decided is None:
            _not_yet(p, outcome, M("stage.close_reason_review_running", what=M(word), requested=requested, due=due))
    return False


def _not_yet(p: Petition, outcome: Outcome, reason: M) -> None:
    raise RuleViolation(M("stage.close_not_yet", number=p.number, outcome=label(outcome), reason=reason))


def check_reopen(p: Petition) -> Stage:
    """Reopening corrects a case closed by mistake: it returns to the stage it had, its clocks as they were."""
    if p.status is not Status.CLOSED:
        raise RuleViolation(M("stage.reopen_open", number=p.number, stage=label(p.stage)))
    if p.closed_from is not None:
        return p.closed_from
    return Stage.ACCEPTED if p.accepted_on else Stage.RECEIVED


def check_review_request(p: Petition, requested: date, today: date, rules: DeadlineRules) -> date:
    """A 复查 request: within 30 days of 办结. Returns the date the decision is due."""
    _stage_is(p, {Stage.CONCLUDED}, "action.review_request", "rule.review")
    check_event_day(p, "word.request", requested, today, ("word.conclusion", p.concluded_on))
    limit = request_window_end(window_start(p), rules)
    if requested > limit:
        raise RuleViolation(
            M("stage.review_late", number=p.number, requested=requested, served=window_start(p), limit=limit)
        )
    return review_due(requested, rules)


def check_review_decision(p: Petition, decided: date, today: date) -> None:
    if p.stage is not Stage.REVIEW or p.review_decided_on is not None:
        _stage_is(p, set(), "action.review_decide", "rule.review")
    check_event_day(p, "word.decision", decided, today, ("word.request", p.review_requested_on))


def check_re_review_request(p: Petition, requested: date, today: date, rules: DeadlineRules) -> date:
    """A 复核 request: only after a 复查 decision, within 30 days of it. Returns the date the decision is due."""
    if p.stage is not Stage.REVIEW or p.review_decided_on is None:
        _stage_is(p, set(), "action.re_review_request", "rule.re_review")
    check_event_day(p, "word.request", requested, today, ("word.decision", p.review_decided_on))
    limit = request_window_end(p.review_decided_on, rules)
    if requested > limit:
        raise RuleViolation(
            M("stage.re_review_late", number=p.number, requested=requested, decided=p.review_decided_on, limit=limit)
        )
    return review_due(requested, rules)


def check_re_review_decision(p: Petition, decided: date, today: date) -> None:
    if p.stage is not Stage.RE_REVIEW or p.re_review_decided_on is not None:
        _stage_is(p, set(), "action.re_review_decide", "rule.re_review")
    check_event_day(p, "word.decision", decided, today, ("word.request", p.re_review_requested_on))


def check_extension(
    p: Petition, days: int, on: date, approver: str | None, today: date, reason: str | None = None
) -> None:
    """Extensions (条例 第三十三条): each approved by a leader before the handling deadline, while that clock
    runs, with its reason (told to the petitioner); several may be granted, 30 days in all."""
    from guside_cli.core.deadlines import MAX_EXTENSION_DAYS

    if p.status is Status.CLOSED or p.stage not in HANDLING_STAGES:
        if p.stage is Stage.STRUCK_OFF:
            raise RuleViolation(M("stage.closed", number=p.number, day=p.closed_on))
        raise RuleViolation(M("extend.not_running", number=p.number, stage=label(p.stage)))
    granted = p.extension_days or 0
    if not 1 <= days <= MAX_EXTENSION_DAYS:
        raise RuleViolation(M("extend.days", limit=MAX_EXTENSION_DAYS, days=days))
    if granted + days > MAX_EXTENSION_DAYS:
        raise RuleViolation(
            M(
                "rules.extend_total",
                number=p.number,
                granted=granted,
                days=days,
                limit=MAX_EXTENSION_DAYS,
                left=MAX_EXTENSION_DAYS - granted,
            )
        )
    check_event_day(p, "word.extension", on, today)
    if p.due_on is not None and on > p.due_on:
        raise RuleViolation(M("extend.after_due", number=p.number, due=p.due_on, on=on))
    if not approver:
        raise RuleViolation(M("extend.approver", number=p.number))
    if not reason:
        raise InputError(M("rules.extend_reason", number=p.number))


def check_told(p: Petition, told: date, approved: date, today: date) -> None:
    """记录告知: the petitioner told of the extension and why, on or after its approval, not after today."""
    check_event_day(p, "rules.word.told", told, today, ("word.extension", approved))


def check_served(p: Petition, served: date, concluded: date, today: date) -> None:
    """送达: the written opinion received on or after the day it was issued (办结), not after today."""
    check_event_day(p, "rules.word.served", served, today, ("word.conclusion", concluded))


def window_start(p: Petition) -> date | None:
    """The 复查 window runs from the day the petitioner received the written opinion (条例 第三十五条: 自收到书面
    答复之日起三十日内), recorded with `conclude --served`; the 办结 date when none is recorded."""
    return p.served_on or p.concluded_on


def final_decision(chain: list[Petition]) -> Petition | None:
    """The case of a repeat chain whose 复核 is decided: the matter is final, a new petition on it 不再受理."""
    return next((c for c in chain if c.re_review_decided_on is not None), None)


# --- the clocks -------------------------------------------------------------------------------------------


def clocks(p: Petition, today: date, rules: DeadlineRules | None = None) -> list[dict]:
    """Every deadline still running on an open case: the acceptance notice (15 days, until 受理 is recorded),
    handling (60 days from 受理, + an extension, until 办结), and the 复查 and 复核 decisions (30 days from the
    request). `days_overdue` > 0 when past due; `calendar_gap` names a year the official calendar lacks."""
    from guside_cli.core.rules import running_clocks

    if p.status is Status.CLOSED:
        return []
    running = [(clock.name, getattr(p, clock.due)) for clock in running_clocks(p)]
    shown = []
    for name, due in running:
        if due is None:
            continue
        clock = {"clock": name, "due_on": due.isoformat(), "days_overdue": days_overdue(due, today)}
        gap = calendar_gap(due, rules) if rules else None
        if gap is not None:
            clock["calendar_gap"] = gap  # the official calendar has no data for this year: counted plain
        shown.append(clock)
    return shown


def arrival(p: NewPetition) -> tuple[Stage, date | None, Outcome | None, Stage | None]:
    """Where a case enters the ledger (add, import): its stage, 办结 date and outcome, and for a closed one the
    stage it had. A file's recorded stage is kept; a case arriving closed kept its recorded closing (办结 on
    its closing date unless it was not accepted)."""
    before = Stage.ACCEPTED if p.accepted_on else Stage.RECEIVED
    refused = p.outcome is Outcome.NOT_ACCEPTED
    stage = p.stage or ((Stage.NOT_ACCEPTED if refused else Stage.STRUCK_OFF) if p.closed else before)
    concluded_on = p.concluded_on
    if concluded_on is None and p.closed and not refused and stage is Stage.STRUCK_OFF:
        concluded_on = p.closed_on
    conclusion = p.conclusion or (p.outcome if p.outcome in CONCLUSIONS else None)  # an export carries it apart
    conclusion = conclusion if concluded_on else None
    return stage, concluded_on, conclusion, before if p.closed else None
