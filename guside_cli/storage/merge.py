"""`guside merge`: other ledgers' rows brought into this one by uid (cases) and by name (leaders, enterprises,
persons), field by field with version vectors (core/merge.py); a case's steps, rewards and history follow it.

One merge of a source, inside the receiving ledger's write transaction:
1. seal both sides (the source in a short transaction of its own): fields changed since their base count one
   change by their ledger;
2. reference rows, then cases, each field decided by `core.merge.decide`; a case new here is inserted unless
   its number is held by another case of its town (a `number` conflict: the case waits, nothing renumbered);
3. the rows of each case present on both sides are united (steps, rewards, ...: rows are never edited);
4. the source's history rows not yet here are appended to this chain, each remembered by its origin;
5. one history row records the merge: the source ledger's id and its chain head.
"""

import json
from dataclasses import dataclass, field

from guside_cli.core.chain import GENESIS
from guside_cli.core.errors import InputError
from guside_cli.core.merge import CONFLICT, JOIN, KEEP, TAKE, decide, dumps, join, local_name, qualified, sealed
from guside_cli.messages import M
from guside_cli.storage.merge_rows import NATURAL, SYNCED, child_tables, columns, id_links, insert_sql, portable_rows
from guside_cli.storage.settings import get_setting


@dataclass
class MergeResult:
    source: str
    ledger: str
    town: str
    added: int = 0
    taken: int = 0
    rows: int = 0
    history: int = 0
    conflicts: list[dict] = field(default_factory=list)


MERGE_CACHE_KIB = 256 * 1024
# the registers each town keeps of its own: in a county ledger, another town's rows keep their town in their name
TOWN_REGISTERS = frozenset({"leaders", "enterprises", "persons"})


def ledger_id(ledger) -> str:
    return ledger.conn.execute("SELECT ledger FROM merge_identity").fetchone()[0]


def chain_head(ledger) -> tuple[int, str]:
    row = ledger.conn.execute("SELECT id, hash FROM history ORDER BY id DESC LIMIT 1").fetchone()
    return (row[0], row[1]) if row else (0, GENESIS)


def seal(ledger) -> int:
    """Count every field changed here since its base as one change by this ledger; returns the rows sealed.
    Call inside `write()`."""
    # a merge is one transaction over every row: with SQLite's 2 MiB default cache it spills pages to the file
    # again and again (measured: 20 GB written to merge 300,000 cases); up to 256 MiB keeps them in memory
    ledger.conn.execute(f"PRAGMA cache_size = -{MERGE_CACHE_KIB}")
    me, town = ledger_id(ledger), get_setting(ledger, "town.name")
    count = 0
    for table, key in SYNCED.items():
        for _, values, base, clock in portable_rows(ledger.conn, table, town):
            text = dumps(values)
            if base == text:
                continue
            if base is None:
                new_base, new_clock = values, dict[str, dict[str, int]]()
            else:
                new_base, new_clock, _ = sealed(json.loads(base), values, clock, me)
            _store_sync(ledger, table, values[key], new_base, new_clock)
            count += 1
    return count


def release_cache(ledger) -> None:
    """Back to SQLite's default page cache (a sealed source stays open while the others merge)."""
    ledger.conn.execute("PRAGMA cache_size = -2000")


def _store_sync(ledger, table: str, key: str, base: dict, clock: dict) -> None:
    ledger.conn.execute(
        "INSERT INTO merge_sync (tbl, key, base, clock) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (tbl, key) DO UPDATE SET base = excluded.base, clock = excluded.clock",
        (table, key, dumps(base), dumps(clock)),
    )


class Merger:
    """One source merged into the receiving ledger (`mine`, inside its write transaction)."""

    def __init__(self, mine, theirs, source_path: str, *, them: str = "", their_town: str = ""):
        self.mine, self.theirs = mine, theirs
        self.me = ledger_id(mine)
        self.them = ledger_id(theirs) if theirs is not None else them
        if self.me == self.them:
            raise InputError(M("merge.same_ledger", path=source_path))
        self.my_town = get_setting(mine, "town.name")
        self.their_town = get_setting(theirs, "town.name") if theirs is not None else their_town
        self.result = MergeResult(source=source_path, ledger=self.them, town=self.their_town)
        self.deferred: list[tuple[str, str, object]] = []  # (uid, column, natural key) whose target came later

    # --- local form of a portable value --------------------------------------------------------------

    def _local_id(self, target: str, key) -> int | None:
        if key is None:
            return None
        row = self.mine.conn.execute(f'SELECT id FROM "{target}" WHERE "{NATURAL[target]}" = ?', (key,)).fetchone()
        return row[0] if row else None

    def _localised(self, table: str, values: dict) -> dict:
        """A row of theirs with the names of a town's own registers (leaders, enterprises, persons: its key and
        its links to them) as this ledger keeps them (core.merge.local_name)."""
        out = dict(values)
        if table in TOWN_REGISTERS and out.get(SYNCED[table]) is not None:
            out[SYNCED[table]] = local_name(out[SYNCED[table]], self.their_town, self.my_town)
        for column, target in id_links(self.mine.conn, table).items():
            if target in TOWN_REGISTERS and out.get(column) is not None:
                out[column] = local_name(out[column], self.their_town, self.my_town)
        return out

    def _local(self, table: str, values: dict, links: dict) -> dict:
        out = {}
        for column, value in values.items():
            if column in links:
                local = self._local_id(links[column], value)
                if local is None and value is not None:
                    self.deferred.append((values[SYNCED.get(table, "uid")], column, value))
                value = local
            elif table == "petitions" and column == "town":
                value = None if value == self.my_town else value
            out[column] = value
        return out

    def _ensure_village(self, name: str | None) -> None:
        if name is None or self.mine.conn.execute("SELECT 1 FROM villages WHERE name = ?", (name,)).fetchone():
            return
        found = None
        if self.theirs is not None:
            found = self.theirs.conn.execute("SELECT short, kind FROM villages WHERE name = ?", (name,)).fetchone()
        short, kind = found if found else (name, "")
        if self.mine.conn.execute("SELECT 1 FROM villages WHERE short = ?", (short,)).fetchone():
            short = name  # two towns' villages shortened alike: the full name is unique
        self.mine.conn.execute(
            "INSERT INTO villages (name, short, kind, created_at) VALUES (?, ?, ?, ?)",
            (name, short, kind, self.mine.at),
        )
        self.mine.log(None, "village.add", new=name, note=f"merge {self.them}")

    # --- numbers ---------------------------------------------------------------------------------------

    def _number_for(self, uid: str, number: str, town: str) -> str | None:
        """The number to store for a case of `town`, or None when another case of that town holds it. A number
        shared with another town is stored qualified on both cases (顾山镇:2018-0042): shown, not renumbered."""
        holders = self.mine.conn.execute(
            "SELECT id, uid, number, coalesce(town, ?) FROM petitions WHERE substr(number, instr(number, ':') + 1) = ?",
            (self.my_town, number),
        ).fetchall()
        if any(h[3] == town and h[1] != uid for h in holders):
            return None
        others = [h for h in holders if h[1] != uid]
        if not others:
            return number
        for case_id, _, stored, holder_town in others:
            if stored == number:
                self.mine.conn.execute(
                    "UPDATE petitions SET number = ? WHERE id = ?", (qualified(holder_town, number), case_id)
                )
                self.mine.log(case_id, "qualify", field="number", old=number, new=qualified(holder_town, number))
        return qualified(town, number)

    # --- the rows shared by key ------------------------------------------------------------------------

    def merge_table(self, table: str) -> None:
        key = SYNCED[table]
        links = id_links(self.mine.conn, table)
        known = set(columns(self.mine.conn, table))
        new = []
        for _, portable, _, their_clock in portable_rows(self.theirs.conn, table, self.their_town):
            theirs = self._localised(table, portable)
            if set(theirs) - known:
                raise InputError(M("merge.schema_differs", table=table))
            mine_rows = list(
                portable_rows(self.mine.conn, table, self.my_town, f'WHERE t."{key}" = :k', {"k": theirs[key]})
            )
            if not mine_rows:
                new.append((theirs, their_clock))
                continue
            local_id, mine, _, my_clock = mine_rows[0]
            self._merge_fields(table, local_id, mine, my_clock, theirs, their_clock, links)
        # new rows after the changes to known ones: a number given up by a settled case is free again
        for theirs, their_clock in new:
            self._insert(table, theirs, their_clock, links)

    def _insert(self, table: str, theirs: dict, their_clock: dict, links: dict) -> None:
        if "village" in theirs:
            self._ensure_village(theirs["village"])
        local = self._local(table, theirs, links)
        if table == "petitions":
            number = self._number_for(theirs["uid"], theirs["number"], theirs["town"])
            if number is None:
                self._conflict(table, theirs["uid"], "number", "number", None, theirs, their_clock, theirs)
                return
            local["number"] = number
        names = list(local)
        cursor = self.mine.conn.execute(
            insert_sql(table, names),
            [local[c] for c in names],
        )
        _store_sync(self.mine, table, theirs[SYNCED[table]], theirs, their_clock)
        self.mine.log(
            cursor.lastrowid if table == "petitions" else None,
            "merge.add" if table == "petitions" else f"merge.{table}",
            new=local.get("number", theirs[SYNCED[table]]),
            note=f"from ledger {self.them}",
        )
        self.result.added += table == "petitions"

    def _merge_fields(self, table, local_id, mine, my_clock, theirs, their_clock, links) -> None:
        key = theirs[SYNCED[table]]
        new_clock = {k: dict(v) for k, v in my_clock.items()}
        new_base = dict(mine)
        for column, their_value in theirs.items():
            mc, tc = my_clock.get(column, {}), their_clock.get(column, {})
            verdict = decide(mine.get(column), their_value, mc, tc, column)
            if verdict == KEEP:
                continue
            if verdict == JOIN:
                new_clock[column] = join(mc, tc)
                continue
            if verdict == TAKE and table == "petitions" and column == "number":
                number = self._number_for(key, their_value, mine["town"])
                if number is None:
                    verdict = CONFLICT
                else:
                    self._set(table, local_id, column, number, mine.get(column), their_value)
            elif verdict == TAKE:
                if column == "village":
                    self._ensure_village(their_value)
                value = self._local(table, {SYNCED[table]: key, column: their_value}, links)[column]
                self._set(table, local_id, column, value, mine.get(column), their_value)
            if verdict == CONFLICT:
                self._conflict(table, key, column, "field", mine.get(column), their_value, their_clock, None, local_id)
                continue
            new_clock[column], new_base[column] = dict(tc), their_value
            self.result.taken += 1
        if new_clock != my_clock or new_base != mine:
            _store_sync(self.mine, table, key, new_base, new_clock)

    def _set(self, table: str, local_id: int, column: str, value, old, new) -> None:
        self.mine.conn.execute(f'UPDATE "{table}" SET "{column}" = ? WHERE id = ?', (value, local_id))
        petition = local_id if table == "petitions" else None
        self.mine.log(petition, "merge", field=column, old=old, new=new, note=f"from ledger {self.them}")

    # --- conflicts -------------------------------------------------------------------------------------

    def _conflict(self, table, key, column, kind, mine, theirs, their_clock, their_row, local_id=None) -> None:
        from guside_cli.storage.merge_conflicts import last_change, record_conflict

        their_id = self.theirs.conn.execute(f'SELECT id FROM "{table}" WHERE "{SYNCED[table]}" = ?', (key,)).fetchone()[
            0
        ]
        number = self.mine.conn.execute("SELECT number FROM petitions WHERE uid = ?", (key,)).fetchone()
        conflict = {
            "case": number[0] if number and table == "petitions" and kind == "field" else None,
            "tbl": table,
            "key": key,
            "field": column,
            "kind": kind,
            "mine": mine,
            "theirs": theirs if kind == "field" else theirs["number"],
            "theirs_clock": their_clock,
            "theirs_row": their_row,
            "source": self.them,
            "mine_change": last_change(self.mine, table, local_id, column),
            "theirs_change": last_change(self.theirs, table, their_id, column),
        }
        if kind == "number":
            holder = self.mine.conn.execute(
                "SELECT number FROM petitions WHERE substr(number, instr(number, ':') + 1) = ?", (theirs["number"],)
            ).fetchone()
            conflict["mine"] = holder[0] if holder else None
        record_conflict(self.mine, conflict)
        self.result.conflicts.append(conflict)

    # --- the rows of a case, the history, the sequences ---------------------------------------------------

    def merge_children(self) -> None:
        """Rows are never edited, but may repeat (a step entered twice): as multisets, each row as many times
        as the side holding it most often (a join, so twice is once and the order does not matter)."""
        from collections import Counter

        for table in child_tables(self.mine.conn):
            links = id_links(self.mine.conn, table)
            cols = [c for c in columns(self.mine.conn, table) if c != "id"]
            where = " AND ".join(f't."{c}" IS ?' for c in cols)
            wanted: Counter = Counter()
            for _, portable, _, _ in portable_rows(self.theirs.conn, table, self.their_town):
                theirs = self._localised(table, portable)
                petition = self._local_id("petitions", theirs["petition_id"])
                if petition is None:
                    continue  # its case is waiting on a conflict
                local = self._local(table, theirs, links)
                local["petition_id"] = petition
                wanted[tuple(local[c] for c in cols)] += 1
            for values, count in wanted.items():
                (held,) = self.mine.conn.execute(f'SELECT count(*) FROM "{table}" t WHERE {where}', values).fetchone()
                for _ in range(count - held):
                    self.mine.conn.execute(insert_sql(table, cols), values)
                    self.result.rows += 1

    def merge_history(self) -> None:
        rows = self.theirs.conn.execute(
            """SELECT coalesce(m.origin, :them), coalesce(m.origin_id, h.id), p.uid, h.petition_id,
                      h.at, h.actor, h.action, h.field, h.old, h.new, h.note
               FROM history h LEFT JOIN merge_history m ON m.local_id = h.id
               LEFT JOIN petitions p ON p.id = h.petition_id ORDER BY h.id""",
            {"them": self.them},
        )
        saved = self.mine.at, self.mine.actor
        try:
            for origin, origin_id, uid, petition_id, at, actor, action, fld, old, new, note in rows:
                if (
                    origin == self.me
                    or self.mine.conn.execute(
                        "SELECT 1 FROM merge_history WHERE origin = ? AND origin_id = ?", (origin, origin_id)
                    ).fetchone()
                ):
                    continue
                local = self._local_id("petitions", uid) if petition_id is not None else None
                if petition_id is not None and local is None:
                    continue  # its case is waiting on a conflict: the rows come with it
                self.mine.at, self.mine.actor = at, actor
                row = self.mine.chain_row(local, action, field=fld, old=old, new=new, note=note)
                self.mine.conn.execute(
                    "INSERT INTO history (id, petition_id, at, actor, action, field, old, new, note, prev_hash, hash) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    row,
                )
                self.mine.conn.execute(
                    "INSERT INTO merge_history (origin, origin_id, local_id) VALUES (?, ?, ?)",
                    (origin, origin_id, row[0]),
                )
                self.result.history += 1
        finally:
            self.mine.at, self.mine.actor = saved

    def fix_deferred(self) -> None:
        for uid, column, key in self.deferred:
            target = id_links(self.mine.conn, "petitions").get(column)
            local = self._local_id(target, key) if target else None
            if local is not None:
                self.mine.conn.execute(f'UPDATE petitions SET "{column}" = ? WHERE uid = ?', (local, uid))

    def merge_sequences(self) -> None:
        """A sequence of the same town: never allocate here a number the source already gave."""
        if self.their_town != self.my_town:
            return
        for scope, year, last in self.theirs.conn.execute("SELECT scope, year, last FROM sequences"):
            self.mine.conn.execute(
                "INSERT INTO sequences (scope, year, last) VALUES (?, ?, ?) "
                "ON CONFLICT (scope, year) DO UPDATE SET last = max(last, excluded.last)",
                (scope, year, last),
            )

    def run(self) -> MergeResult:
        for table in SYNCED:
            self.merge_table(table)
        self.fix_deferred()
        self.merge_children()
        self.merge_history()
        self.merge_sequences()
        head_id, head = chain_head(self.theirs)
        before = self.mine.conn.execute("SELECT head FROM merge_sources WHERE ledger = ?", (self.them,)).fetchone()
        changed = self.result.added or self.result.taken or self.result.rows or self.result.history
        if changed or before is None or before[0] != head:
            self.mine.conn.execute(
                "INSERT INTO merge_sources (ledger, town, path, head, head_id, merged_at) VALUES (?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (ledger) DO UPDATE SET town = excluded.town, path = excluded.path, head = excluded.head, "
                "head_id = excluded.head_id, merged_at = excluded.merged_at",
                (self.them, self.their_town, self.result.source, head, head_id, self.mine.at),
            )
            r = self.result
            self.mine.log(
                None,
                "merge.ledger",
                field=self.them,
                new=head,
                note=f"town {self.their_town}; head row {head_id}; cases added {r.added}, fields taken {r.taken}, "
                f"rows {r.rows}, history {r.history}, conflicts {len(r.conflicts)}",
            )
        return self.result
