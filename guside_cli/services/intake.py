"""Registering a petition (登记建档), one door: the case's row, its number, a reception it was taken at, its 包案
leader and their sealed history in one transaction. `add` and the guided desk both come here."""

from datetime import date

from guside_cli.services.ledger import writing
from guside_cli.services.outcome import Said, calendar_notes


def register(run, ledger, petition, *, taken_at: date | None, leader: str | None, by: str | None) -> Said:
    """Write `petition` (checked by intake) into the open `ledger`. Returns the case as registered (`value`:
    the case and the earlier cases it may repeat) and the calendar notes on its deadlines."""
    from guside_cli.core.errors import InputError
    from guside_cli.core.lifecycle import check_assignment
    from guside_cli.messages import M

    if taken_at is not None:  # `add --reception DATE`: a reception recorded that day, the petition received then
        if not ledger.reception_held(taken_at):
            raise InputError(M("reception.not_recorded", on=taken_at))
        if petition.received_at.date() != taken_at:
            raise InputError(M("reception.other_day", on=taken_at, received=petition.received_at.date()))
    if petition.number:  # a number typed at the desk belongs to the sequence that gives it (挂账销号), as merge's
        from guside_cli.core.numbering import check_number_scope

        check_number_scope(petition.number, petition.level.code, ledger.village_short(petition.village))
    with writing(ledger, run, by):
        similar = [] if petition.repeat_of else ledger.possible_repeats(petition)
        case = ledger.add_petition(petition)
        if taken_at:
            ledger.take_at_reception(case.id, taken_at)
        if leader:
            chosen = ledger.leader(leader)
            check_assignment(case, chosen)
            ledger.assign(case, chosen, unit=None, due=None)
            case = ledger.get(case.number)
        notes = calendar_notes(ledger, case.due_on, case.notice_due_on)
    return Said(notes=notes, value=(case, similar))
