"""What the report's judgement reads beyond the counts: village targets, the veto's second trigger (key
repeat cases not 销号 and past due), candidates for 重点重复信访, and the case block's extra figures
(集体访, 人次, 积案 carried over, the 三个第一). Every rule comes from storage.rules."""

from datetime import date, timedelta

from guside_cli.core import rules as core_rules
from guside_cli.storage import rules
from guside_cli.storage.base import LedgerBase

CHAIN_MIN = 3  # 重点重复信访 candidates: a matter raised three times or more ...
CHAIN_WINDOW_DAYS = 365  # ... within twelve months


class JudgementMixin(LedgerBase):
    def village_targets(self, year: int) -> dict[str, tuple[str, str]]:
        rows = self.conn.execute(
            "SELECT village, total_pct, escalated_pct FROM village_targets WHERE year = ?", (year,)
        )
        return {v: (t, e) for v, t, e in rows}

    def all_village_targets(self) -> list[tuple[int, str, str, str]]:
        return [
            tuple(r)
            for r in self.conn.execute(
                "SELECT year, village, total_pct, escalated_pct FROM village_targets ORDER BY year, village"
            )
        ]

    def set_village_targets(self, year: int, village: str, total: str, escalated: str) -> None:
        old = self.village_targets(year).get(village)
        self.conn.execute(
            "INSERT INTO village_targets (year, village, total_pct, escalated_pct) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (year, village) DO UPDATE SET total_pct = excluded.total_pct, "
            "escalated_pct = excluded.escalated_pct",
            (year, village, total, escalated),
        )
        self.log(
            None,
            "target.set",
            field=f"{year} {village}",
            old=" / ".join(old) if old else None,
            new=f"{total} / {escalated}",
        )

    def key_cases_unresolved(self, end: date) -> dict[str, list[tuple[str, str, str]]]:
        """Per village, the office's key repeat cases (重点重复信访, `key_repeat`) received by `end` with a clock
        running past its due date on that day, as the clocks stood then (core.rules.CLOCKS: 办结 stops the
        handling clock, so a case concluded on time and waiting out its 复查 window is not one): the veto's
        second trigger (化解不力, 四(七)). Each as (number, clock, due date)."""
        found: dict[str, list[tuple[str, str, str]]] = {}
        for clock in core_rules.CLOCKS:
            rows = self.conn.execute(
                f"""SELECT p.village, p.number, p.{clock.due} FROM petitions p
                    WHERE p.key_repeat = 1 AND p.received_on <= :end AND {clock.overdue_sql(":end", now=False)}
                    ORDER BY p.village, p.received_on, p.id""",
                {"end": end.isoformat()},
            )
            for village, number, due in rows:
                found.setdefault(village, []).append((number, clock.name, due))
        return found

    def key_cases(self, today: date) -> list[dict]:
        """Every case the office marked 重点重复信访, open ones first, with whether a clock runs past due today."""
        rows = self.conn.execute(
            f"""SELECT p.number, p.village, p.level, p.received_on, p.due_on, p.status, p.closed_on,
                   coalesce({rules.overdue(":today")}, 0) AS past_due
                FROM petitions p WHERE p.key_repeat = 1
                ORDER BY p.status = 'closed', p.due_on, p.id""",
            {"today": today.isoformat()},
        )
        return [dict(r) for r in rows]

    def set_key(self, petition_id: int, number: str, key: bool) -> bool:
        """重点重复信访 on or off (`key-cases mark`); 重点交办 is `is_key` (`add --key`, `edit --key`)."""
        (before,) = self.conn.execute("SELECT key_repeat FROM petitions WHERE id = ?", (petition_id,)).fetchone()
        if bool(before) == key:
            return False
        self.conn.execute("UPDATE petitions SET key_repeat = ? WHERE id = ?", (int(key), petition_id))
        self.log(petition_id, "key", field="key_repeat", old=str(before), new=str(int(key)))
        return True

    def repeat_candidates(self, end: date) -> list[dict]:
        """Chains of CHAIN_MIN or more petitions on one matter received in the twelve months to `end`, none
        of them marked key yet: candidates for 重点重复信访."""
        since = (end - timedelta(days=CHAIN_WINDOW_DAYS - 1)).isoformat()
        rows = self.conn.execute(
            """SELECT r.number, r.village, c.n, c.first, c.last FROM (
                   SELECT coalesce(p.repeat_of, p.id) AS root, count(*) AS n, min(p.received_on) AS first,
                          max(p.received_on) AS last, max(p.key_repeat) AS marked
                   FROM petitions p WHERE p.received_on BETWEEN :since AND :end
                     AND (p.repeat_of IS NOT NULL OR p.id IN (SELECT repeat_of FROM petitions
                                                             WHERE repeat_of IS NOT NULL))
                   GROUP BY root HAVING count(*) >= :least) c
               JOIN petitions r ON r.id = c.root
               WHERE c.marked = 0 AND r.key_repeat = 0
               ORDER BY c.n DESC, c.last DESC, r.id""",
            {"since": since, "end": end.isoformat(), "least": CHAIN_MIN},
        )
        return [{"number": n, "village": v, "petitions": k, "first": f, "last": last} for n, v, k, f, last in rows]

    def case_extras(self, start: date, end: date) -> dict:
        """The case block's figures beyond handling: 集体访 (visits of five or more), 联名信 (letters signed by five
        or more, counted apart) and 人次, the 三个第一 of accepted cases with records, and the
        cases carried over (积案) into the period, with their age when it started and how many were closed in it."""
        span = {"start": start.isoformat(), "end": end.isoformat()}
        # one pass over the period's petitions; MATERIALIZED so that each 24-hour test runs once per case
        row = self.conn.execute(
            f"""WITH f AS MATERIALIZED (
                    SELECT {rules.group_visit()} AS grp, {rules.joint_letter()} AS joint, p.persons AS n,
                           {rules.accepted()} AS acc, {rules.has_records()} AS rec,
                           CASE WHEN {rules.accepted()} THEN {rules.within_24h("contact")} END AS c,
                           CASE WHEN {rules.accepted()} THEN {rules.within_24h("arrive")} END AS a,
                           CASE WHEN {rules.accepted()} THEN {rules.within_24h("mediate")} END AS m
                    FROM petitions p WHERE p.received_on BETWEEN :start AND :end)
                SELECT coalesce(sum(grp), 0), coalesce(sum(CASE WHEN grp THEN n ELSE 0 END), 0), coalesce(sum(n), 0),
                       coalesce(sum(acc AND rec), 0), coalesce(sum(c), 0), coalesce(sum(a), 0), coalesce(sum(m), 0),
                       coalesce(sum(c AND a AND m), 0), coalesce(sum(acc AND NOT rec), 0),
                       coalesce(sum(joint), 0), coalesce(sum(CASE WHEN joint THEN n ELSE 0 END), 0),
                       coalesce(sum(acc), 0)
                FROM f""",
            span,
        ).fetchone()
        firsts = row[3:]
        # two indexed reads, as open_at does: open now (the partial index of open cases), or closed since the start
        ages = self.conn.execute(
            f"""SELECT julianday(:start) - julianday(p.received_on), 0
                FROM petitions p INDEXED BY petitions_open_clocks
                WHERE p.status = 'open' AND p.received_on < :start
                UNION ALL
                SELECT julianday(:start) - julianday(p.received_on), p.closed_on <= :end FROM petitions p
                WHERE p.closed_on >= :start AND {rules.carried_over()}""",
            span,
        ).fetchall()
        days = [int(a) for a, _ in ages]
        return {
            "group_visits": int(row[0]),
            "group_visit_persons": int(row[1]),
            "persons": int(row[2]),
            # the 三个第一 are judged on accepted cases with records of their handling; the others are unknown
            "accepted": int(row[11]),
            "with_records": int(firsts[0]),
            "without_records": int(row[8]),
            "joint_letters": int(row[9]),
            "joint_letter_persons": int(row[10]),
            "first_contact_24h": int(firsts[1]),
            "first_arrival_24h": int(firsts[2]),
            "first_mediation_24h": int(firsts[3]),
            "all_three_24h": int(firsts[4]),
            "carried_over": len(days),
            "carried_over_closed": sum(closed for _, closed in ages),
            "carried_over_age": {
                "under_1y": sum(d < 365 for d in days),
                "1y_to_2y": sum(365 <= d < 730 for d in days),
                "over_2y": sum(d >= 730 for d in days),
                "oldest_days": max(days, default=None),
            },
        }
