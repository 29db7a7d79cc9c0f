"""Saving the case path's events (the rules are core.casepath's): acceptance, refusal, 办结, 复查, 复核, 销号,
the correction of a mistaken 销号, the level's renumbering (the running clocks' SQL: storage.rules,
built from core.rules)."""

from datetime import date

from guside_cli.core.enums import HANDLING_STAGES, Outcome, ReviewOutcome, Stage
from guside_cli.core.model import Petition
from guside_cli.storage.base import LedgerBase


def positional(sql: str, **values: str) -> tuple[str, tuple]:
    """Named :parameters to ? with their values in the order they appear (`find` takes positional ones)."""
    import re

    order: list[str] = []

    def swap(match: "re.Match") -> str:
        order.append(values[match.group(1)])
        return "?"

    return re.sub(r":(today|until)\b", swap, sql), tuple(order)


class CasePathMixin(LedgerBase):
    def _set(self, p: Petition, action: str, changes: dict, *, note: str | None = None) -> None:
        """Write `changes` (column -> value) on the case, one history row per changed column."""
        columns = ", ".join(f"{name} = ?" for name in changes)
        values = [_stored(v) for v in changes.values()]
        self.conn.execute(f"UPDATE petitions SET {columns} WHERE id = ?", (*values, p.id))
        for name, value in changes.items():
            before = _stored(getattr(p, name, None))
            if before != _stored(value):
                self.log(p.id, action, field=name, old=before, new=_stored(value), note=note)
                note = None  # the note once, on the first row

    def accept(self, p: Petition, on: date) -> None:
        self._set(p, "accept", {"stage": Stage.ACCEPTED, "accepted_on": on})
        self.refresh_due(p.id)

    def reject(self, p: Petition, on: date, reason: str, *, again: bool = False) -> None:
        stage = Stage.NOT_ACCEPTED_AGAIN if again else Stage.NOT_ACCEPTED
        self._set(
            p,
            "reject",
            {
                "stage": stage,
                "status": "closed",
                "closed_on": on,
                "outcome": Outcome.NOT_ACCEPTED,
                "not_accepted_reason": reason,
                "closed_from": p.stage,
            },
            note=reason,
        )

    def conclude(
        self, p: Petition, outcome: Outcome, on: date, note: str | None, *, served: date | None = None
    ) -> None:
        changes: dict[str, object] = {"stage": Stage.CONCLUDED, "concluded_on": on, "conclusion": outcome}
        changes |= {"outcome": outcome, "served_on": served}
        self._set(p, "conclude", changes, note=note)

    def rehandle(self, p: Petition, decided: date) -> None:
        """撤销重办: the opinion revoked, the case is handled again — back to 已受理 with a new handling clock from
        the decision (its extensions start again from nothing), and a new 办结 needed before 销号. The revoked
        opinion stays in the history."""
        changes: dict[str, object] = {
            "stage": Stage.ACCEPTED,
            "rehandle_from": decided,
            "concluded_on": None,
            "conclusion": None,
            "outcome": None,
            "served_on": None,
            "extension_days": None,
        }
        self._set(p, "rehandle", changes)
        self.refresh_due(p.id)

    def strike_off(self, p: Petition, outcome: Outcome, on: date, *, concludes: bool) -> None:
        changes: dict[str, object] = {"stage": Stage.STRUCK_OFF, "closed_from": p.stage}
        if concludes:  # a matter settled the same day: 办结 and 销号 together
            changes |= {"concluded_on": on, "conclusion": outcome}
        self._set(p, "close", changes)

    def correct_closing(self, p: Petition, stage: Stage, reason: str) -> None:
        """reopen: back to the stage the case had; a 办结 recorded by the closing itself goes with it."""
        changes: dict = {"status": "open", "closed_on": None, "stage": stage, "closed_from": None}
        if stage in HANDLING_STAGES:
            changes |= {"concluded_on": None, "conclusion": None, "outcome": None, "not_accepted_reason": None}
        else:
            changes["outcome"] = p.conclusion
        self._set(p, "reopen", changes, note=reason)
        self.conn.execute("UPDATE petitions SET reopened = reopened + 1 WHERE id = ?", (p.id,))

    def request_review(self, p: Petition, requested: date, due: date, *, again: bool) -> None:
        prefix, stage = ("re_review", Stage.RE_REVIEW) if again else ("review", Stage.REVIEW)
        changes: dict[str, object] = {"stage": stage, f"{prefix}_requested_on": requested, f"{prefix}_due_on": due}
        # a request after a new 办结 (撤销重办) replaces the decided one, which stays in the history
        changes |= {f"{prefix}_decided_on": None, f"{prefix}_outcome": None}
        if not again:
            changes |= {"re_review_requested_on": None, "re_review_due_on": None}
            changes |= {"re_review_decided_on": None, "re_review_outcome": None}
        self._set(p, prefix, changes)

    def decide_review(self, p: Petition, decided: date, outcome: ReviewOutcome, *, again: bool) -> None:
        prefix = "re_review" if again else "review"
        self._set(p, prefix, {f"{prefix}_decided_on": decided, f"{prefix}_outcome": outcome})

    def renumber(self, p: Petition, number: str) -> None:
        """The level crossed the numbering line: the new number, the old one kept findable (never reused)."""
        self.conn.execute(
            "INSERT INTO former_numbers (number, petition_id, changed_at) VALUES (?, ?, ?)", (p.number, p.id, self.at)
        )
        self.conn.execute("UPDATE petitions SET number = ? WHERE id = ?", (number, p.id))
        self.log(p.id, "renumber", field="number", old=p.number, new=number)


def _stored(value):
    if value is None:
        return None
    if hasattr(value, "code"):
        return value.code
    if isinstance(value, date):
        return value.isoformat()
    return value
