"""Reading and writing the ledger's settings table."""

from guside_cli.core.deadlines import DeadlineRules
from guside_cli.core.settings import as_bool, setting


def get_setting(ledger, key: str) -> str:
    row = ledger.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    return row[0] if row else setting(key).default


def set_setting(ledger, key: str, value: str) -> str:
    parsed = setting(key).parse(value)
    ledger.conn.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, parsed),
    )
    return parsed


def deadline_rules(ledger) -> DeadlineRules:
    return DeadlineRules(
        roll_weekends=as_bool(get_setting(ledger, "deadline.roll_weekends")),
        calendar=get_setting(ledger, "deadline.calendar"),
    )
