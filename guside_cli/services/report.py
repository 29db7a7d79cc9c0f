"""The report as several commands build it (`report`, `summary`, `bulletin`, `demo`): the period and targets
(`report_spec`), every count (`gather`), and writing it out (`emit`)."""

from pathlib import Path

import typer

from guside_cli.messages import M
from guside_cli.render.output import Format
from guside_cli.services.ledger import open_ledger, with_anchor

# breakdowns (`--by`): one SQL key per dimension in storage.reports.DIMENSIONS; add a name here and there
BY_CHOICES = ("level", "form", "source", "pollution", "leader", "town")
DOCUMENT_FORMATS = ("html", "docx")  # the report as a page or a Word document, with its charts


def print_report(
    run,
    *,
    fmt=Format.auto,
    out=None,
    page: bool = True,
    document: dict | None = None,
    **query,
) -> None:
    """The report to stdout or --out; a table on a terminal goes through the pager unless `page` is off. `query`:
    what `compute_report` takes (year, as_of, start, end, measure, new_only, by, targets, town)."""
    from guside_cli.interchange import outfile
    from guside_cli.render import report as render
    from guside_cli.services.documents import check_document_options

    check_document_options(fmt.value, document or {})
    if not outfile.is_stdout(out):
        outfile.target(out, ledger=run.db)  # refused before the ledger is read
    report, town, head, reported = compute_report(run, **query)
    if fmt.value in DOCUMENT_FORMATS:
        from guside_cli.services.documents import write_report_document

        write_report_document(run, report, town, fmt.value, out, document or {})
        return
    emit(render, report, town, run, Format(fmt.value), out, head, page=page, reported=reported)


def compute_report(
    run,
    *,
    year=None,
    as_of=None,
    start=None,
    end=None,
    measure="items",
    new_only=False,
    by=(),
    target_total=None,
    target_escalated=None,
    town=None,
    ledger=None,
):
    """The report computed once, with the town's name, the ledger's anchor and the figures reported (上报) for
    the period if it was: what every output renders. `ledger`: one already open (the web view's snapshot),
    else the run's, sound-checked."""
    if ledger is None:
        with open_ledger(run, sound=True) as opened:
            return _compute(run, opened, year, as_of, start, end, measure, new_only, by, target_total,
                            target_escalated, town)  # fmt: skip
    return _compute(run, ledger, year, as_of, start, end, measure, new_only, by, target_total, target_escalated, town)


def _compute(run, ledger, year, as_of, start, end, measure, new_only, by, target_total, target_escalated, town):
    from guside_cli.reports.report import build_report
    from guside_cli.services.periods import reported_beside

    if town:  # a county ledger read as one of its towns: before anything is counted
        from guside_cli.storage.towns import read_as_town

        town = read_as_town(ledger, town)
    else:
        town = town_name(ledger)
    spec = report_spec(run, ledger, year, as_of, start, end, measure, target_total, target_escalated)
    counts = gather(ledger, spec, new_only=new_only, by=list(by))
    head = ledger.head()
    reported = reported_beside(ledger, spec["period"].start, spec["period"].end)
    return build_report(counts, **spec), town, head, reported


def report_spec(run, ledger, year, as_of, start, end, measure, target_total, target_escalated) -> dict:
    from decimal import Decimal

    from guside_cli.core.bounds import check_year
    from guside_cli.core.dates import parse_date
    from guside_cli.reports.periods import is_whole_year, previous, report_period
    from guside_cli.reports.report import DEFAULT_TARGETS

    if year is not None:
        check_year(year)

    def day(text):
        return parse_date(text, run.today) if text else None

    if measure not in ("items", "persons"):
        from guside_cli.core.errors import InputError

        raise InputError(M("report.unknown_measure", measure=measure))
    year, period = report_period(today=run.today, year=year, as_of=day(as_of), start=day(start), end=day(end))
    stored = ledger.targets(year) if year else None
    total, escalated = stored or DEFAULT_TARGETS
    targets = (
        percent(target_total or total, "--target-total"),
        percent(target_escalated or escalated, "--target-escalated"),
    )
    own = {v: (Decimal(t), Decimal(e)) for v, (t, e) in ledger.village_targets(year).items()} if year else {}
    return {
        "year": year,
        "period": period,
        "previous_period": previous(period),
        "measure": measure,
        "targets": targets,
        # the plan judges the veto at year end: final only for a whole calendar year that is over
        "final": not (start or end) and is_whole_year(period) and run.today > period.end,
        "village_targets": own,
    }


def gather(ledger, spec: dict, *, new_only: bool, by: list[str], extras: bool = True):
    """Every count the report needs, each one SQL aggregate."""
    from datetime import date

    from guside_cli.core.counts import ReportCounts
    from guside_cli.core.errors import InputError
    from guside_cli.reports.periods import is_year_to_date

    period, prev, measure = spec["period"], spec["previous_period"], spec["measure"]
    for dim in by:
        if dim not in BY_CHOICES:
            raise InputError(M("report.unknown_breakdown", by=dim, known=", ".join(BY_CHOICES)))
    from guside_cli.storage.settings import get_setting
    from guside_cli.storage.towns import towns

    veto_measure = get_setting(ledger, "veto.measure")
    veto_escalated = None
    if veto_measure != measure:  # the veto has one measure (四(七)); --measure changes only what is displayed
        now, before = (
            ledger.period_counts(period.start, period.end, veto_measure),
            ledger.period_counts(prev.start, prev.end, veto_measure),
        )
        veto_escalated = {
            name: (now.by_village.get(name, (0, 0))[1], before.by_village.get(name, (0, 0))[1])
            for name in set(now.by_village) | set(before.by_village)
        }
    full = None
    if is_year_to_date(period):
        last = period.start.year - 1
        full = ledger.period_counts(date(last, 1, 1), date(last, 12, 31), measure)
    return ReportCounts(
        current=ledger.period_counts(period.start, period.end, measure),
        previous=ledger.period_counts(prev.start, prev.end, measure),
        handling=ledger.handling(period.start, period.end, period.end),
        current_new=ledger.period_counts(period.start, period.end, measure, new_only=True) if new_only else None,
        previous_new=ledger.period_counts(prev.start, prev.end, measure, new_only=True) if new_only else None,
        previous_full_year=full,
        breakdown={
            dim: (
                ledger.breakdown(dim, period.start, period.end, measure),
                ledger.breakdown(dim, prev.start, prev.end, measure),
            )
            for dim in by
        },
        monthly=(ledger.monthly(period.start, period.end, measure), ledger.monthly(prev.start, prev.end, measure)),
        overdue_repeats=ledger.overdue_repeats(period.start, period.end),
        key_cases=ledger.key_cases_unresolved(period.end),
        extras=ledger.case_extras(period.start, period.end) if extras else {},
        candidates=ledger.repeat_candidates(period.end) if extras else [],
        late={by: ledger.lateness(by, period.start, period.end, period.end) for by in ("leader", "unit")},
        veto_measure=veto_measure,
        veto_escalated=veto_escalated,
        towns=max(1, len(towns(ledger))),
    )


def town_name(ledger) -> str:
    from guside_cli.storage.settings import get_setting

    return get_setting(ledger, "town.name")


def percent(text, option: str):
    from decimal import Decimal, InvalidOperation

    from guside_cli.core.errors import InputError

    try:
        value = Decimal(str(text).strip().rstrip("%"))
    except InvalidOperation:
        raise InputError(M("report.bad_percent", option=option, text=text)) from None
    if not value.is_finite():
        raise InputError(M("report.bad_percent", option=option, text=text))
    if not Decimal(0) <= value <= Decimal(100):
        raise InputError(M("report.percent_range", option=option, text=text))
    return Decimal(format(value, "f"))  # 1e1 is 10 %, never shown as 1E+1


def emit(
    render,
    result,
    town: str,
    run,
    fmt: Format,
    out: Path | None,
    head: dict | None = None,
    *,
    page: bool = True,
    reported: dict | None = None,
) -> None:
    """Write the report in the chosen format: rich on a terminal, else text to stdout or atomically to --out,
    with the ledger's anchor (账本校验) where the format has room for it, and for a period closed as reported
    (上报) the reported figures beside today's when they differ (JSON: `reported`, always)."""
    from guside_cli.interchange import outfile
    from guside_cli.render import output
    from guside_cli.services.periods import reported_lines

    to_file = not outfile.is_stdout(out)
    fmt = output.resolve(fmt) if not to_file else (Format.text if fmt in (Format.auto, Format.table) else fmt)
    notes = reported_lines(reported) if reported else []
    if fmt is Format.table:
        render.print_rich(result, town, run.lang, page=page)
        for note in notes:
            typer.echo(str(note))
        return
    text = render.as_text(result, town, run.lang, fmt)
    if reported and fmt is Format.json:
        import json

        text = json.dumps({**json.loads(text), "reported": reported}, ensure_ascii=False, indent=2) + "\n"
    elif notes and fmt in (Format.text, Format.markdown):
        text = text.rstrip("\n") + "\n\n" + "\n".join(str(n) for n in notes) + "\n"
    if head is not None:
        text = with_anchor(text, head, fmt.value)
    outfile.write_text(out, text, ledger=run.db)
