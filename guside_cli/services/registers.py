"""The office's registers and settings, one door each: settings (and the recomputation a deadline setting
brings), leaders, villages, key cases, enterprises, key persons, targets, the campaign's phases and village
reports, reception days, 约谈, exposure, rewards. Each writes its rows and their sealed history in one
transaction (services.ledger.writing) and returns what the command says; the command parses and renders."""

from datetime import date

from guside_cli.messages import M
from guside_cli.services.ledger import open_ledger, writing
from guside_cli.services.outcome import Said

# --- settings -------------------------------------------------------------------------------------------------


def set_setting(run, key: str, value: str, *, by: str | None) -> Said:
    """Change a setting; a deadline setting recomputes every open case's due dates in the same transaction, each
    date moved a history row saying why ("deadline.calendar 改为 official，时限重算")."""
    from guside_cli.messages import text
    from guside_cli.storage import settings

    with open_ledger(run, create=True) as ledger, writing(ledger, run, by):
        old = settings.get_setting(ledger, key)
        new = settings.set_setting(ledger, key, value)
        ledger.log(None, "config.set", field=key, old=old, new=new)
        reason = text("setting.recomputed", "zh", key=key, value=new)  # the history's words: the office's language
        moved = ledger.refresh_all_due(reason) if key.startswith("deadline.") and old != new else 0
    if not key.startswith("deadline."):
        return Said(M("setting.set", key=key, value=new))
    return Said(M("setting.done", key=key, value=new, moved=moved))


# --- people and places ----------------------------------------------------------------------------------------


def add_leader(run, leader, *, by: str | None) -> Said:
    from dataclasses import replace

    from guside_cli.core.casepath import label

    with open_ledger(run, create=True) as ledger, writing(ledger, run, by):
        if leader.village is not None:
            leader = replace(leader, village=_village_of(ledger, leader.village))
        if leader.rank is not None and _rank_of(ledger, leader.name) is None:  # an import named them: rank unknown
            _check_rank_change(ledger, leader.name, leader.rank)
            if leader.village is not None:
                _check_village_change(ledger, leader, leader.village)
        new = ledger.add_leader(leader)
        notes = _village_unknown(ledger.leader(leader.name))
    return Said(M("leader.added" if new else "leader.rank_set", name=leader.name, rank=label(leader.rank)), notes=notes)


def _village_unknown(leader) -> list[M]:
    """A note for a village cadre with no village on record: they hold no case until it is (属地包案, 四(五))."""
    from guside_cli.core.enums import Rank

    return [M("leader.no_village", name=leader.name)] if leader.rank is Rank.VILLAGE and leader.village is None else []


def edit_leader(run, name: str, *, rank, title: str | None, by: str | None, village: str | None = None) -> Said:
    """A leader's rank, title or village corrected; a rank or village the 包案 rule refuses for a case the leader
    holds is refused (judged at the write's end for every open case of theirs)."""
    from dataclasses import replace

    with open_ledger(run) as ledger, writing(ledger, run, by):
        leader = ledger.leader(name)
        if village is not None:
            village = _village_of(ledger, village)
            _check_village_change(ledger, replace(leader, rank=rank or leader.rank), village)
        if rank is not None and rank is not leader.rank:
            _check_rank_change(ledger, leader.name, rank)
        changed = ledger.edit_leader(leader, rank=rank, title=title, village=village)
        notes = _village_unknown(ledger.leader(name))
    return Said(value=(leader, changed), notes=notes)


def _village_of(ledger, name: str) -> str:
    """A village on the register, by its name or short name (属地: the register's list)."""
    from guside_cli.core.errors import InputError

    for village in ledger.villages():
        if name.strip() in (village.name, village.short):
            return village.name
    raise InputError(M("rules.unknown_village", village=name))


def _check_village_change(ledger, leader, village: str) -> None:
    from guside_cli.core.casepath import check_village_change
    from guside_cli.core.enums import Status
    from guside_cli.core.filters import CaseFilter

    held = list(ledger.find(CaseFilter(leader=leader.name, status=Status.OPEN)))
    check_village_change(leader, village, held)


def _rank_of(ledger, name: str):
    from guside_cli.core.errors import NotFound

    try:
        return ledger.leader(name).rank
    except NotFound:
        return "new"


def _check_rank_change(ledger, name: str, rank) -> None:
    """A leader's new rank against the open cases they hold (core.casepath.check_rank_change): refused with how
    many and which, before anything is written."""
    from guside_cli.core.casepath import check_rank_change
    from guside_cli.core.enums import Status
    from guside_cli.core.errors import NotFound
    from guside_cli.core.filters import CaseFilter

    try:
        leader = ledger.leader(name)
    except NotFound:
        return  # a new leader holds nothing
    check_rank_change(leader, rank, list(ledger.find(CaseFilter(leader=leader.name, status=Status.OPEN))))


def add_village(run, village, short: str | None) -> Said:
    from guside_cli.core.villages import with_free_short

    with open_ledger(run, create=True) as ledger, writing(ledger, run):
        chosen, holder = with_free_short(village, ledger.villages(), short)
        ledger.add_village(chosen)
    lines = [M("files.short_taken", short=village.short, other=holder, name=chosen.name)] if holder else []
    return Said(lines=[*lines, M("village.added", name=chosen.name, short=chosen.short)])


def mark_key(run, case: str, key: bool, *, by: str | None) -> Said:
    """重点 on or off; a key mark the 包案 rule refuses for the case's leader is refused (at the write's end)."""
    with open_ledger(run) as ledger, writing(ledger, run, by):
        p = ledger.get(case)
        changed = ledger.set_key(p.id, p.number, key)
    said = ("key.marked" if key else "key.unmarked") if changed else ("key.already" if key else "key.not_marked")
    return Said(M(said, number=p.number))


def add_enterprise(run, name: str, *, village: str | None, rating, compliant, by: str | None) -> Said:
    from guside_cli.core.plan import Enterprise, check_rating
    from guside_cli.core.villages import resolve_village

    with open_ledger(run, create=True) as ledger, writing(ledger, run, by):
        home = resolve_village(village, ledger.villages()).name if village else None
        if rating:
            check_rating(name, rating, ledger.blockers(name, compliant))
        ledger.add_enterprise(Enterprise(name, home, rating, compliant))
    return Said(M("enterprise.added", name=name))


def rate_enterprise(run, name: str, *, rating, compliant, reason: str | None, by: str | None) -> Said:
    from guside_cli.core.plan import check_rating

    with open_ledger(run) as ledger, writing(ledger, run, by):
        current = ledger.enterprise(name)
        chosen = rating or current.rating
        status = current.compliant if compliant is None else compliant
        if chosen:
            check_rating(current.name, chosen, ledger.blockers(current.name, status))
        ledger.rate_enterprise(current, rating, compliant, reason)
    return Said(value=(current, chosen))


def add_person(run, name: str, *, village: str, plan, leader, phone, id_number, group, members, by) -> Said:
    from guside_cli.core.villages import resolve_village

    with open_ledger(run, create=True) as ledger, writing(ledger, run, by):
        ledger.add_person(
            name,
            village=resolve_village(village, ledger.villages()).name,
            plan=plan,
            leader_id=ledger.leader(leader).id if leader else None,
            phone=phone,
            id_number=id_number,
            group=group,
            members=members,
        )
    return Said(M("person.added_group" if group else "person.added_person", name=name))


def set_person_plan(run, name: str, plan: str, *, by: str | None) -> Said:
    with open_ledger(run) as ledger, writing(ledger, run, by):
        ledger.set_plan(ledger.person(name)["name"], plan)
    return Said(M("person.plan_updated", name=name))


# --- the plan's targets and campaign --------------------------------------------------------------------------


def set_targets(run, year: int, total, escalated, *, village: str | None, by: str | None) -> Said:
    """The town's targets for a year, or (`village`) a village's own."""
    with open_ledger(run, create=True) as ledger, writing(ledger, run, by):
        if village is None:
            ledger.set_targets(year, str(total), str(escalated))
            return Said(M("report.targets_set", year=year, total=total, escalated=escalated))
        from guside_cli.core.villages import resolve_village

        name = resolve_village(village, ledger.villages()).name
        ledger.set_village_targets(year, name, str(total), str(escalated))
    return Said(M("target.village_set", village=name, year=year, total=total, escalated=escalated))


def set_phase(run, code: str, first: date, last: date, *, by: str | None) -> None:
    with open_ledger(run, create=True) as ledger, writing(ledger, run, by):
        ledger.set_phase(first.year, code, first, last)


def add_campaign_report(run, village: str, on: date, note: str | None, *, by: str | None) -> Said:
    from guside_cli.core.campaign import phases_for, summaries_due
    from guside_cli.core.villages import resolve_village
    from guside_cli.reports.campaign import is_late

    with open_ledger(run) as ledger, writing(ledger, run, by):
        name = resolve_village(village, ledger.villages()).name
        ledger.add_campaign_report(on.year, name, on, note)
        due = summaries_due(phases_for(on.year, ledger.stored_phases(on.year)))
    lines = [M("rules.summary_late", village=name, on=on, due=due)] if due is not None and is_late(on, due) else []
    return Said(M("campaign.report_added", village=name, on=on), lines=lines)


def add_reception(run, on: date, leader: str, village: str | None, note: str | None, *, by: str | None) -> Said:
    from guside_cli.core.plan import check_reception_leader
    from guside_cli.core.villages import resolve_village

    with open_ledger(run, create=True) as ledger, writing(ledger, run, by):
        name = resolve_village(village, ledger.villages()).name if village else None
        check_reception_leader(leader, _registered(ledger, leader))
        ledger.add_reception(on, leader, name, note)
    return Said(M("reception.added", on=on, leader=leader))


def _registered(ledger, name: str):
    from guside_cli.core.errors import NotFound

    try:
        return ledger.leader(name)
    except NotFound:
        return None


def add_interview(run, village: str, on: date, holder: str, note: str | None) -> Said:
    from guside_cli.core.villages import resolve_village

    with open_ledger(run) as ledger, writing(ledger, run, holder):
        name = resolve_village(village, ledger.villages()).name
        ledger.add_interview(name, on, holder, note)
    return Said(M("interview.added", village=name, on=on, by=holder))


def expose(run, case: str, on: date, *, undo: bool, by: str | None) -> Said:
    with open_ledger(run) as ledger, writing(ledger, run, by):
        p = ledger.get(case)
        if undo:
            done = ledger.unexpose(p.id)
        else:
            ledger.expose(p.id, on)
    if undo:
        return Said(M("expose.withdrawn" if done else "expose.not_marked", number=p.number))
    return Said(M("expose.marked", number=p.number, on=on))


def add_reward(run, case: str, money, on: date, note: str | None, *, by: str | None) -> Said:
    from guside_cli.core.plan import check_reward

    with open_ledger(run) as ledger, writing(ledger, run, by):
        p = ledger.get(case)
        check_reward(p, on, run.today)
        ledger.add_reward(p.id, money, on, note)
    return Said(M("reward.recorded", number=p.number, amount=money, day=on))


def note_interviews_due(ledger, run, end: date, villages: list[str]) -> None:
    """A bulletin issued names villages for 约谈: each owes one, recorded (`interview list` follows them)."""
    with writing(ledger, run):
        ledger.note_interviews_due(end, villages)


def mark_published(run) -> None:
    """The cases exposed today are published: recorded, so the next run starts after them."""
    with open_ledger(run) as ledger, writing(ledger, run):
        ledger.mark_published(run.today)
