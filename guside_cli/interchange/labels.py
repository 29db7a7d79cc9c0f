"""Coded columns in the words of the file's headers: under `--headers zh` an exported table says 县级, 来访,
大气, 已销号 where the ledger keeps county, visit, air, closed (import reads either back)."""

from collections.abc import Callable
from typing import Any

from guside_cli.core.enums import Form, Level, Outcome, Pollution, Satisfaction, Source, Status
from guside_cli.core.fields import FIELDS

CODED = {
    "form": Form,
    "level": Level,
    "source": Source,
    "pollution": Pollution,
    "status": Status,
    "outcome": Outcome,
    "conclusion": Outcome,
    "satisfaction": Satisfaction,
}
YES_NO = {"zh": ("是", "否")}


def labeller(fields: list[str], lang: str) -> Callable[[list[Any]], list[Any]] | None:
    """A function putting a row's codes into `lang`'s labels, in place; None for the codes themselves (en)."""
    if lang != "zh":
        return None
    tables = []
    for index, name in enumerate(fields):
        if name in CODED:
            tables.append((index, {m.code: m.zh for m in CODED[name]}))
        elif name in FIELDS and FIELDS[name].kind == "bool":
            tables.append((index, {True: "是", False: "否"}))

    def label(row: list[Any]) -> list[Any]:
        for index, table in tables:
            value = row[index]
            if isinstance(value, list | tuple):
                row[index] = tuple(table.get(v, v) for v in value)
            elif value is not None:
                row[index] = table.get(value, value)
        return row

    return label
