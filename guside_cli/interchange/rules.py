"""An office's file habits, written down once: `--map 'HEADER=FIELD'`, `--map 'FIELD:VALUE=CODE'`, or a rules
file (TOML, like hledger's CSV rules) holding the same:

    sheet = "台账"            # optional: the sheet to read (name or number), or a list: ["2017", "2018"]
    year = 2018              # optional: the year of dates written without one (6月7日)
    encoding = "gb18030"     # optional: a CSV's encoding

    [columns]                # the file's header = a guside field ("-" leaves the column out, quietly)
    "反映事项摘要" = "subject"
    "备注" = "-"

    [values.status]          # a field's values as the office writes them = the code (or label) guside reads
    "已转办" = "closed"
"""

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from guside_cli.core.errors import InputError
from guside_cli.interchange import headers as cols
from guside_cli.messages import M

TOP_KEYS = ("sheet", "year", "encoding", "columns", "values")


@dataclass
class Rules:
    columns: dict[str, str] = field(default_factory=dict)  # folded header -> field or "-"
    values: dict[str, dict[str, str]] = field(default_factory=dict)  # field -> {value: code}
    sheets: list[str] = field(default_factory=list)
    year: int | None = None
    encoding: str | None = None


def _field(name: str, given: str, *, ignore_ok: bool) -> str:
    if ignore_ok and name.strip() == cols.IGNORE:
        return cols.IGNORE
    found = cols.known_field(name)
    if found is None:
        raise InputError(M("files.map_field", given=given, field=name.strip(), fields=", ".join(cols.ALIASES)))
    return found


def add_map(rules: Rules, given: str) -> None:
    """One `--map`: 'HEADER=FIELD' (a column) or 'FIELD:VALUE=CODE' (a value of a field)."""
    left, sep, right = given.partition("=")
    if not sep or not left.strip() or not right.strip():
        raise InputError(M("files.map_form", given=given))
    name, colon, value = left.replace("：", ":").partition(":")
    if colon and cols.known_field(name) is not None and value.strip():
        rules.values.setdefault(cols.known_field(name), {})[value.strip()] = right.strip()
    else:
        rules.columns[cols.key(left)] = _field(right, given, ignore_ok=True)


RULES_LIMIT = 1024 * 1024  # a rules file is a few dozen lines; a megabyte is far beyond any


def _rules_text(path: Path) -> str:
    """The rules file's text: a regular file of at most RULES_LIMIT bytes (a FIFO would hang the import, a
    device such as /dev/zero would fill the memory), checked on the file descriptor that is read."""
    import os
    import stat

    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))  # opening a FIFO must not wait for a writer
    with os.fdopen(fd, "rb") as f:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise InputError(M("guard.rules_not_file", file=path.name))
        data = f.read(RULES_LIMIT + 1)
    if len(data) > RULES_LIMIT:
        raise InputError(M("guard.rules_too_big", file=path.name, limit=RULES_LIMIT // 1024))
    return data.decode("utf-8-sig")


def load_rules(path: Path) -> Rules:
    try:
        data = tomllib.loads(_rules_text(path))
    except OSError as e:
        raise InputError(M("files.rules_read", file=path.name, problem=e.strerror or str(e))) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise InputError(M("files.rules_read", file=path.name, problem=str(e))) from None
    rules = Rules()
    for top in data:
        if top not in TOP_KEYS:
            raise InputError(M("files.rules_key", file=path.name, key=top))
    columns, values = data.get("columns", {}), data.get("values", {})
    if not isinstance(columns, dict) or not isinstance(values, dict):
        raise InputError(M("files.rules_key", file=path.name, key="columns/values"))
    for header, name in columns.items():
        rules.columns[cols.key(header)] = _field(str(name), f"{header} = {name}", ignore_ok=True)
    for name, words in values.items():
        if not isinstance(words, dict):
            raise InputError(M("files.rules_key", file=path.name, key=f"values.{name}"))
        target = rules.values.setdefault(_field(name, f"[values.{name}]", ignore_ok=False), {})
        target.update({str(k).strip(): str(v).strip() for k, v in words.items()})
    sheet, year, encoding = data.get("sheet"), data.get("year"), data.get("encoding")
    rules.sheets = [] if sheet is None else [str(s) for s in sheet] if isinstance(sheet, list) else [str(sheet)]
    if year is not None and (not isinstance(year, int) or not 1949 <= year <= 2100):
        raise InputError(M("files.rules_key", file=path.name, key=f"year = {year}"))
    rules.year, rules.encoding = year, None if encoding is None else str(encoding)
    return rules
