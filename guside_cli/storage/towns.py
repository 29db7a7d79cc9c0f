"""The towns of a county ledger (`guside merge` of several towns' ledgers): each case's town, and reading the
ledger as one town's (`list --town`, `report --town`, `bulletin --town`)."""

from guside_cli.core.errors import NotFound
from guside_cli.messages import M
from guside_cli.storage.settings import get_setting


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def town_of_case_sql(ledger) -> str:
    """SQL for a case's town (p.town; NULL is this ledger's own town)."""
    return f"coalesce(p.town, {_literal(get_setting(ledger, 'town.name'))})"


def towns(ledger) -> dict[str, int]:
    rows = ledger.conn.execute(f"SELECT {town_of_case_sql(ledger)}, count(*) FROM petitions p GROUP BY 1 ORDER BY 1")
    return {town: n for town, n in rows}


def read_as_town(ledger, town: str) -> str:
    """From here on this connection reads only the cases of `town`: a temporary table named petitions (a copy of
    the town's rows with the ledger's indexes), which SQLite finds before the table, so every read query (list,
    report, bulletin) counts that town alone.
    Read-only commands only. Returns the town's name as given."""
    town = " ".join(town.split())
    if town not in towns(ledger):
        raise NotFound(M("town.unknown", town=town))
    own = _literal(get_setting(ledger, "town.name"))
    ledger.conn.execute(
        f"CREATE TEMP TABLE petitions AS SELECT * FROM main.petitions WHERE coalesce(town, {own}) = {_literal(town)}"
    )
    # the same indexes under the same names, so that queries naming one (INDEXED BY) read the town's copy too
    import re

    for (sql,) in ledger.conn.execute(
        "SELECT sql FROM main.sqlite_master WHERE type = 'index' AND tbl_name = 'petitions' AND sql IS NOT NULL"
    ).fetchall():
        ledger.conn.execute(re.sub(r'^CREATE (UNIQUE )?INDEX ("?\w+"?)', r"CREATE \1INDEX temp.\2", sql))
    return town
