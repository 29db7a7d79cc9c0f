"""The guided `add`: on a terminal, every 建档 element the options lack is asked, in the plan's order, each answer
checked as it is given; then the case is shown in one block and saved only on 确认保存？[Y/n]."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from guside_cli.commands.prompts import Desk, Question, choice_question
from guside_cli.core.errors import InputError
from guside_cli.messages import M, text

# the order a clerk fills in a 建档 form; `add` asks for the ones its options lack
ASKED = ("received", "village", "form", "level", "source", "pollution", "subject", "persons", "petitioner", "phone")
ASKED_WITH_LEADER = (*ASKED, "leader")


def guided_answers(
    desk: Desk,
    raw: dict[str, Any],
    given: set[str],
    *,
    now: datetime,
    villages: list,
    leaders: list[str],
    leader_check=None,
) -> dict[str, Any]:
    """Ask for every element of ASKED not in `given`, and again for a given one that does not pass its check.
    Returns `raw` with the answers as text the intake reads back unchanged."""
    lang = desk.lang
    for name in ASKED_WITH_LEADER:
        if name == "leader" and not leaders:
            continue  # no leader in the ledger yet: `assign` comes later
        q = _question(name, lang, now=now, villages=villages, leaders=leaders, raw=raw, leader_check=leader_check)
        reason = None
        if name in given:
            if raw.get(name) in (None, "", []):
                continue
            try:
                raw[name] = q.check(_as_text(raw[name]))
                continue
            except Exception as e:  # a given option that fails is asked again, with its reason
                if not isinstance(e, InputError | LookupError) and not hasattr(e, "message"):
                    raise
                reason = str(getattr(e, "message", e))
        raw[name] = desk.ask(q, reason)
    return raw


def _as_text(value: Any) -> str:
    return "、".join(value) if isinstance(value, list) else str(value)


def _question(name: str, lang: str, *, now, villages, leaders, raw, leader_check) -> Question:
    from guside_cli.core.dates import iso_timestamp, parse_datetime
    from guside_cli.core.enums import Form, Level, Pollution, Source
    from guside_cli.core.identity import check_phone
    from guside_cli.core.text import clean

    label = text(f"ask.{name}", lang)
    if name == "received":
        return Question(
            name,
            label,
            lambda a: iso_timestamp(_received(parse_datetime(a, now), now)),
            default=text("ask.now", lang),
        )
    if name == "village":
        names = [n for v in villages for n in (v.name, v.short)]
        return Question(name, label, lambda a: _village(a, villages), completions=names)
    if name in ("form", "level", "source", "pollution"):
        kind = {"form": Form, "level": Level, "source": Source, "pollution": Pollution}[name]
        default = Source.DIRECT if name == "source" else None
        return choice_question(name, label, kind, default=default, lang=lang, several=name == "pollution")
    if name == "subject":
        return Question(name, label, lambda a: _text(a, 2000))
    if name == "persons":
        return Question(name, label, _persons, default="1")
    if name == "petitioner":
        return Question(name, label, lambda a: _text(a, 100) or "", optional=True)
    if name == "phone":

        def phone(answer: str) -> str:
            try:
                return check_phone(answer) or ""
            except InputError:
                raise InputError(M("ask.bad_phone", answer=answer.strip())) from None

        return Question(name, label, phone, optional=True)
    if name == "leader":

        def leader(answer: str) -> str:
            answer = clean(answer) or ""
            if answer not in leaders:
                raise InputError(M("ask.unknown_leader", name=answer, known="、".join(leaders[:8])))
            if leader_check is not None:
                leader_check(raw, answer)
            return answer

        return Question(name, label, leader, optional=True, completions=leaders)
    raise KeyError(name)


def _village(answer: str, villages: list) -> str:
    from guside_cli.core.villages import resolve_village

    try:
        return resolve_village(answer, villages).name
    except InputError:
        import difflib

        by_short = {v.short: v.name for v in villages}
        close = difflib.get_close_matches(answer.strip().removesuffix("村"), list(by_short), n=3, cutoff=0.5)
        hint = (
            text("ask.did_you_mean", None, names=" / ".join(by_short[s] for s in close))
            if close
            else text("ask.tab_for_villages", None)
        )
        raise InputError(M("ask.unknown_village", name=answer.strip(), hint=hint)) from None


def _text(answer: str, limit: int) -> str:
    from guside_cli.core.text import clean

    cleaned = clean(answer) or ""
    if len(cleaned) > limit:
        raise InputError(M("ask.too_long", length=len(cleaned), limit=limit))
    return cleaned


def _received(moment, now):
    """A receipt checked at its prompt as `add` checks it (not after today, not before 1949): asked again, never
    refused after every other answer is typed."""
    from guside_cli.core.bounds import check_receipt

    check_receipt(moment.date(), now.date())
    return moment


def _persons(answer: str) -> str:
    from guside_cli.core.intake import MAX_PERSONS
    from guside_cli.core.numbers import exact_count

    number = exact_count(answer)
    if number is None or not 1 <= number <= MAX_PERSONS:
        raise InputError(M("ask.bad_persons", answer=answer.strip(), most=MAX_PERSONS))
    return str(number)


def summary_block(petition, leader: str | None, lang: str) -> list[str]:
    """The case as it will be saved, one element a line, labels aligned (CJK counts two columns)."""
    from wcwidth import wcswidth

    from guside_cli.core.records import field_label

    def label(e) -> str:
        return e.label(lang)

    sep = "、" if lang == "zh" else ", "
    lines = [
        ("received_at", petition.received_at.strftime("%Y-%m-%d %H:%M")),
        ("village", petition.village),
        ("form", label(petition.form) if petition.form else ""),
        ("level", label(petition.level)),
        ("source", label(petition.source)),
        ("pollution", sep.join(label(p) for p in petition.pollution)),
        ("subject", petition.subject),
        ("persons", str(petition.persons)),
        ("petitioner", petition.petitioner or ""),
        ("phone", petition.phone or ""),
        ("leader", leader or ""),
    ]
    width = max(wcswidth(field_label(n, lang)) for n, _ in lines)
    out = []
    for name, value in lines:
        head = field_label(name, lang)
        out.append(f"  {head}{' ' * (width - wcswidth(head))}  {value or '—'}")
    return out


def guided_add(ledger, run, raw: dict[str, Any], given: set[str], leader: str | None):
    """Ask, show, confirm. Returns (raw, leader). Ctrl-C or Ctrl-D, or No at the confirmation, saves nothing."""
    import typer

    from guside_cli.commands._common import default_db_path
    from guside_cli.commands.prompts import Cancelled
    from guside_cli.core.intake import intake

    desk = Desk(run.lang, default_db_path().parent / "desk_history.json")
    leaders = [row["name"] for row in ledger.leader_table(run.today)]
    raw["leader"] = leader
    if leader:
        given.add("leader")

    def leader_check(answers: dict[str, Any], name: str) -> None:
        from guside_cli.core.lifecycle import check_rank

        preview, _ = intake({**answers, "leader": None}, now=run.now, villages=villages)
        if preview is not None:
            check_rank(preview, ledger.leader(name))

    villages = ledger.villages()
    try:
        desk.say(text("ask.intro", run.lang))
        guided_answers(desk, raw, given, now=run.now, villages=villages, leaders=leaders, leader_check=leader_check)
        leader = raw.pop("leader", None) or None
        petition, _ = intake(raw, now=run.now, villages=villages)
        if petition is not None:
            desk.say("")
            for line in summary_block(petition, leader, run.lang):
                desk.say(line)
            if not desk.confirm(text("ask.confirm", run.lang)):
                desk.save_history()
                typer.echo(text("ask.cancelled", run.lang), err=True)
                raise typer.Exit(1)
        desk.save_history()
    except Cancelled:
        desk.save_history()
        typer.echo(text("ask.cancelled", run.lang), err=True)
        raise typer.Exit(130) from None
    return raw, leader
