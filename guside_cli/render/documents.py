"""What the Word documents say (公文 form, render/gongwen.py lays them out): the bulletin (督查通报) and the report,
in sentences first — the town against both targets, the villages named for 专项督办 or 约谈 with their reasons
and case numbers, 一票否决预警 or 一票否决, who is late, the enterprises to downgrade — then the tables and the
two charts. Every figure comes from the computed report; nothing is counted here."""

from dataclasses import dataclass
from datetime import date

from guside_cli.messages import text
from guside_cli.render.late import late_note, late_sentence, late_table
from guside_cli.render.report import (
    handling_table,
    list_sep,
    moved_and_state,
    pct,
    town_table,
    veto_reasons,
    village_table,
    whole,
)
from guside_cli.reports.bulletin import Bulletin
from guside_cli.reports.report import Report
from guside_cli.reports.yoy import Comparison


@dataclass(frozen=True)
class Issue:
    """How the document goes out: the issuing office, its 文号, the day (成文日期), 主送 and 抄送."""

    office: str
    number: str | None
    day: date
    addressee: str
    cc: str | None


def issue_of(town: str, lang: str, day: date, *, office=None, number=None, cc=None) -> Issue:
    return Issue(
        office=office or text("doc.office", lang, town=town),
        number=normalise_number(number) if number else None,
        day=day,
        addressee=text("doc.addressee", lang),
        cc=text("doc.cc", lang) if cc is None else (cc or None),
    )


def normalise_number(number: str) -> str:
    """顾信办[2018]3号 and the like with the year in 六角括号 〔〕, as the standard writes it."""
    for left, right in ("[]", "【】", "［］", "()", "（）"):
        number = number.replace(left, "〔").replace(right, "〕")
    return number.strip()


def part(name: str, c: Comparison, lang: str) -> str:
    if c.reduction_pct is None:
        return text("doc.part.no_baseline", lang, name=name, current=c.current)
    moved, state = moved_and_state(c, lang)
    return text(
        "doc.part",
        lang,
        name=name,
        current=c.current,
        previous=c.previous,
        moved=moved,
        target=pct(c.target_pct),
        state=state,
    )


def town_sentence(r: Report, lang: str) -> str:
    return text(
        "doc.town",
        lang,
        whole=whole(r, lang, inline=True),
        start=r.period.start,
        end=r.period.end,
        total=part(text("report.row.total", lang), r.total, lang),
        escalated=part(text("report.row.escalated", lang), r.escalated, lang),
    )


def veto_sentences(r: Report, lang: str) -> list[str]:
    word = text("report.veto" if r.final else "report.veto_warning", lang)
    pending = "" if r.final else text("doc.veto.pending", lang)
    return [
        text(
            "doc.veto", lang, village=v.village, reasons=veto_reasons(v.veto_reasons, lang), word=word, pending=pending
        )
        for v in r.villages
        if v.veto
    ] or [text("doc.veto.none", lang)]


def named_sentences(b: Bulletin, lang: str) -> list[str]:
    from guside_cli.render.bulletin import reasons_named

    sentences = []
    for n in b.named:
        action = text("bulletin.action.interview" if n.interview else "bulletin.action.supervise", lang)
        sentences.append(
            text(
                "doc.named",
                lang,
                village=n.village,
                reasons=reasons_named(b, n.reasons, lang),
                cases=list_sep(lang).join(n.cases),
                action=action,
            )
        )
    return sentences or [text("doc.named.none", lang)]


def _ordinal(n: int) -> str:
    return "（" + "一二三四五六七八九十"[n - 1] + "）" if n <= 10 else f"（{n}）"


def _charts(doc, r: Report, lang: str, which: tuple[int, ...], start: int) -> None:
    from guside_cli.render.charts import monthly_chart, village_chart

    draw = {0: village_chart, 1: monthly_chart}
    titles = {0: "chart.villages.title", 1: "chart.monthly.title"}
    year, previous = r.period.end.year, r.previous_period.end.year
    for n, index in enumerate(which, start=start):
        caption = text("doc.figure", lang, n=n, caption=text(titles[index], lang, year=year, previous=previous))
        doc.picture(draw[index](r, lang), caption)


def _late(doc, r: Report, lang: str) -> None:
    doc.body(late_sentence(r, lang))
    for by in ("leader", "unit"):
        if r.late.rows(by):
            doc.subheading(text(f"late.s.{by}", lang))
            doc.table(*late_table(r.late, by, lang))
    from guside_cli.render.gongwen import TABLE_SIZE

    doc.paragraph(late_note(r, lang), size=TABLE_SIZE)


def _close(doc, issue: Issue, lang: str) -> None:
    doc.signature(issue.office, issue.day)
    doc.record(issue.cc, issue.office, issue.day, text("doc.cc_label", lang), text("doc.issued", lang))


def bulletin_docx(b: Bulletin, town: str, lang: str, issue: Issue) -> bytes:
    from guside_cli.render.bulletin import _downgrade_lines
    from guside_cli.render.gongwen import Gongwen

    r = b.report
    doc = Gongwen()
    doc.letterhead(issue.office, issue.number)
    doc.title(text("bulletin.heading", lang, town=town))
    doc.addressee(issue.addressee)
    doc.body(
        text("doc.bulletin.opening", lang, whole=whole(r, lang, inline=True), start=r.period.start, end=r.period.end)
    )
    doc.heading(text("doc.h.overview", lang))
    doc.body(town_sentence(r, lang))
    doc.table(*town_table(r, lang))
    doc.heading(text("doc.h.villages", lang))
    doc.table(*village_table(r, lang))
    _charts(doc, r, lang, (0, 1), 1)
    doc.heading(text("doc.h.named", lang))
    for n, sentence in enumerate(named_sentences(b, lang), start=1):
        doc.body((_ordinal(n) if b.named else "") + sentence)
    doc.body(text("doc.named.rules", lang, count=b.rise[0], share=b.rise[1], pct=pct(b.closure_threshold_pct)))
    doc.heading(text("doc.h.veto", lang))
    for sentence in veto_sentences(r, lang):
        doc.body(sentence)
    doc.heading(text("doc.h.late", lang))
    _late(doc, r, lang)
    doc.heading(text("doc.h.downgrade", lang))
    lines = _downgrade_lines(b, lang, "") if b.downgrade else [text("doc.downgrade.none", lang)]
    for n, line in enumerate(lines, start=1):
        doc.body((_ordinal(n) if b.downgrade else "") + line + ("。" if b.downgrade and lang == "zh" else ""))
    _close(doc, issue, lang)
    return doc.save()


def report_docx(r: Report, town: str, lang: str, issue: Issue) -> bytes:
    from guside_cli.render.gongwen import Gongwen

    doc = Gongwen()
    if issue.number:  # a report goes out under the office's head only when it is numbered
        doc.letterhead(issue.office, issue.number)
    doc.title(text("doc.report.title", lang, town=town))
    p, q = r.period, r.previous_period
    scope = whole(r, lang, inline=True)
    doc.body(
        text("doc.report.opening", lang, whole=scope, start=p.start, end=p.end, prev_start=q.start, prev_end=q.end)
    )
    doc.heading(text("doc.h.overview", lang))
    doc.body(town_sentence(r, lang))
    for sentence in veto_sentences(r, lang):
        doc.body(sentence)
    doc.table(*town_table(r, lang))
    doc.heading(text("doc.h.villages", lang))
    doc.table(*village_table(r, lang))
    _charts(doc, r, lang, (0,), 1)
    h = r.handling
    doc.heading(text("doc.h.handling", lang))
    doc.body(
        text(
            "doc.handling",
            lang,
            registered=h.registered,
            closed=h.closed,
            rate=pct(h.closure_rate_pct),
            open=h.open,
            overdue=h.overdue,
        )
    )
    headers, (values,) = handling_table(r, lang)
    doc.table(
        [text("report.h.figure", lang), text("report.h.value", lang)],
        [list(x) for x in zip(headers, values, strict=True)],
    )
    doc.heading(text("doc.h.report_late", lang))
    _late(doc, r, lang)
    doc.heading(text("doc.h.monthly", lang))
    _charts(doc, r, lang, (1,), 2)
    _close(doc, issue, lang)
    return doc.save()
