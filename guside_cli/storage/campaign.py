"""The campaign's calendar in the ledger: phases, the villages' written summaries, the monthly reception day
(环境信访日), 约谈 owed and held, and cases marked for public exposure (定时公开曝光)."""

from datetime import date

from guside_cli.storage import rules
from guside_cli.storage.base import LedgerBase


class CampaignMixin(LedgerBase):
    # --- phases ---------------------------------------------------------------------------------------

    def stored_phases(self, year: int) -> dict[str, tuple[date, date]]:
        rows = self.conn.execute("SELECT code, start_on, end_on FROM campaign_phases WHERE year = ?", (year,))
        return {c: (date.fromisoformat(s), date.fromisoformat(e)) for c, s, e in rows}

    def set_phase(self, year: int, code: str, start: date, end: date) -> None:
        old = self.stored_phases(year).get(code)
        self.conn.execute(
            "INSERT INTO campaign_phases (year, code, start_on, end_on) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (year, code) DO UPDATE SET start_on = excluded.start_on, end_on = excluded.end_on",
            (year, code, start.isoformat(), end.isoformat()),
        )
        self.log(
            None,
            "campaign.phase",
            field=f"{year} {code}",
            old=f"{old[0]}..{old[1]}" if old else None,
            new=f"{start}..{end}",
        )

    def phase_counts(self, start: date, end: date) -> dict:
        """What happened in a phase: received, accepted, concluded, 销号 in it; open cases past due at its end;
        and the 建档 elements' completeness of the cases received by its end and open during it."""
        span = {"start": start.isoformat(), "end": end.isoformat()}
        one = self.conn.execute
        (received,) = one(
            "SELECT count(*) FROM petitions p WHERE p.received_on BETWEEN :start AND :end", span
        ).fetchone()
        (accepted,) = one(f"SELECT count(*) FROM petitions p WHERE {rules.accepted_between()}", span).fetchone()
        concluded, struck = one(
            f"""SELECT count(*), coalesce(sum({rules.struck_off_between()}), 0) FROM petitions p
                WHERE {rules.concluded_between()}""",
            span,
        ).fetchone()
        (overdue,) = one(
            f"SELECT count(*) FROM petitions p WHERE p.received_on <= :end AND {rules.overdue(':end')}", span
        ).fetchone()
        worked, complete = one(
            f"""SELECT count(*), coalesce(sum({rules.elements_complete()}), 0) FROM petitions p
                WHERE p.received_on <= :end AND (p.status = 'open' OR p.closed_on >= :start)""",
            span,
        ).fetchone()
        return {
            "received": received,
            "accepted": accepted,
            "concluded": concluded,
            "struck_off": int(struck),
            "overdue": overdue,
            "elements": {"cases": worked, "complete": int(complete)},
        }

    # --- the villages' written summaries ---------------------------------------------------------------

    def add_campaign_report(self, year: int, village: str, on: date, note: str | None) -> None:
        old = self.conn.execute(
            "SELECT on_date FROM campaign_reports WHERE year = ? AND village = ?", (year, village)
        ).fetchone()
        self.conn.execute(
            "INSERT INTO campaign_reports (year, village, on_date, note, created_at) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (year, village) DO UPDATE SET on_date = excluded.on_date, note = excluded.note",
            (year, village, on.isoformat(), note, self.at),
        )
        self.log(None, "campaign.report", field=f"{year} {village}", old=old[0] if old else None, new=on.isoformat())

    def campaign_reports(self, year: int) -> dict[str, str]:
        rows = self.conn.execute("SELECT village, on_date FROM campaign_reports WHERE year = ?", (year,))
        return dict(rows.fetchall())

    # --- the monthly reception day ---------------------------------------------------------------------

    def add_reception(self, on: date, leader: str, village: str | None, note: str | None) -> int:
        cur = self.conn.execute(
            "INSERT INTO receptions (on_date, leader, village, note, created_at) VALUES (?, ?, ?, ?, ?)",
            (on.isoformat(), leader, village, note, self.at),
        )
        self.log(None, "reception.add", field=on.isoformat(), new=leader, note=village)
        assert cur.lastrowid is not None  # an INSERT into a rowid table
        return cur.lastrowid

    def reception_held(self, on: date) -> bool:
        """Whether a reception day (环境信访日) is recorded on `on`."""
        found = self.conn.execute("SELECT 1 FROM receptions WHERE on_date = ? LIMIT 1", (on.isoformat(),))
        return found.fetchone() is not None

    def take_at_reception(self, petition_id: int, on: date) -> None:
        """Mark a petition as taken at the reception day `on` (`add --reception`)."""
        self.conn.execute("UPDATE petitions SET reception_on = ? WHERE id = ?", (on.isoformat(), petition_id))
        self.log(petition_id, "reception", field="reception_on", new=on.isoformat())

    def receptions(self, year: int) -> list[dict]:
        """Each reception day of the year with the petitions taken there: those added with `--reception` of its
        date (a visit received that day elsewhere is not counted)."""
        rows = self.conn.execute(
            """SELECT r.on_date, r.leader, r.village, r.note,
                      (SELECT count(*) FROM petitions p INDEXED BY petitions_reception
                         WHERE p.reception_on = r.on_date) AS petitions
               FROM receptions r WHERE r.on_date BETWEEN ? AND ? ORDER BY r.on_date, r.id""",
            (f"{year}-01-01", f"{year}-12-31"),
        )
        return [dict(r) for r in rows]

    # --- 约谈 ------------------------------------------------------------------------------------------

    def add_interview(self, village: str, on: date, by: str, note: str | None) -> None:
        self.conn.execute(
            "INSERT INTO interviews (village, on_date, by_name, note, created_at) VALUES (?, ?, ?, ?, ?)",
            (village, on.isoformat(), by, note, self.at),
        )
        self.log(None, "interview", field=village, new=on.isoformat(), note=by)

    def note_interviews_due(self, on: date, villages: list[str]) -> None:
        for village in villages:
            self.conn.execute(
                "INSERT OR IGNORE INTO interview_due (bulletin_on, village) VALUES (?, ?)", (on.isoformat(), village)
            )
        self.log(None, "bulletin.issue", field=on.isoformat(), new="、".join(villages) or None)

    def interviews_status(self, before: date) -> list[dict]:
        """约谈 named by bulletins issued before `before`: held (the first 约谈 of that village on or after the
        bulletin) or still owed."""
        rows = self.conn.execute(
            """SELECT d.bulletin_on, d.village,
                      (SELECT i.on_date FROM interviews i WHERE i.village = d.village AND i.on_date >= d.bulletin_on
                       ORDER BY i.on_date LIMIT 1) AS held_on,
                      (SELECT i.by_name FROM interviews i WHERE i.village = d.village AND i.on_date >= d.bulletin_on
                       ORDER BY i.on_date LIMIT 1) AS held_by
               FROM interview_due d WHERE d.bulletin_on < ? ORDER BY d.bulletin_on, d.village""",
            (before.isoformat(),),
        )
        return [dict(r) for r in rows]

    # --- 定时公开曝光 -----------------------------------------------------------------------------------

    def expose(self, petition_id: int, on: date) -> None:
        old = self.conn.execute("SELECT scheduled_on FROM exposures WHERE petition_id = ?", (petition_id,)).fetchone()
        self.conn.execute(
            "INSERT INTO exposures (petition_id, scheduled_on, marked_at) VALUES (?, ?, ?) "
            "ON CONFLICT (petition_id) DO UPDATE SET scheduled_on = excluded.scheduled_on",
            (petition_id, on.isoformat(), self.at),
        )
        self.log(petition_id, "expose", field="scheduled_on", old=old[0] if old else None, new=on.isoformat())

    def unexpose(self, petition_id: int) -> bool:
        gone = self.conn.execute("DELETE FROM exposures WHERE petition_id = ?", (petition_id,)).rowcount
        if gone:
            self.log(petition_id, "expose", field="scheduled_on", new=None, note="withdrawn")
        return bool(gone)

    def exposures(self) -> list[dict]:
        rows = self.conn.execute(
            """SELECT p.number, p.village, e.scheduled_on, e.published_on FROM exposures e
               JOIN petitions p ON p.id = e.petition_id ORDER BY e.scheduled_on, p.id"""
        )
        return [dict(r) for r in rows]

    def mark_published(self, on: date) -> int:
        return self.conn.execute(
            "UPDATE exposures SET published_on = ? WHERE published_on IS NULL AND scheduled_on <= ?",
            (on.isoformat(), on.isoformat()),
        ).rowcount
