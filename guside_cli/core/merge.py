"""The rules of merging ledgers, pure: version vectors per field, and what a merge does with one field.

Every ledger has an id. For each row it shares (a case by uid; a leader, enterprise or person by name) it keeps
the row's values as last seen at a merge (the *base*) and, per field, a version vector: how many times each
ledger changed that field, as far as this ledger knows. Before a merge a ledger *seals*: every field whose value
differs from its base was changed here since, so its vector counts one more change by this ledger.

Merging one field, mine against theirs:
- their vector is covered by mine: they have seen every change I have seen → keep mine;
- mine is covered by theirs: they saw more → take theirs (value and vector);
- neither covers the other (both changed since they last met), or equal vectors with different values (the
  same row created on both sides): a conflict, unless the values agree — then the vectors are joined.

Vectors only grow and the join is a least upper bound, so merging twice is merging once and the order of
sources does not change the outcome of the fields that do not conflict.
"""

import json
from collections.abc import Mapping

Clock = dict[str, int]

KEEP, TAKE, JOIN, CONFLICT = "keep", "take", "join", "conflict"
QUALIFIER = ":"


def covers(a: Mapping[str, int], b: Mapping[str, int]) -> bool:
    """a has seen every change b has seen."""
    return all(a.get(k, 0) >= n for k, n in b.items())


def join(a: Mapping[str, int], b: Mapping[str, int]) -> Clock:
    return {k: max(a.get(k, 0), b.get(k, 0)) for k in sorted(set(a) | set(b))}


def bump(clock: Mapping[str, int], ledger: str) -> Clock:
    out = dict(clock)
    out[ledger] = out.get(ledger, 0) + 1
    return dict(sorted(out.items()))


# When a row was made on both sides alike (the same leader entered at two desks), when each desk entered it is
# bookkeeping, not a disagreement: the earlier stands on both sides (whichever merges first), never a conflict.
EARLIEST_WINS = frozenset({"created_at"})


def decide(
    mine, theirs, mine_clock: Mapping[str, int], theirs_clock: Mapping[str, int], column: str | None = None
) -> str:
    """What a merge does with one field: KEEP, TAKE, JOIN (same value, join the vectors) or CONFLICT."""
    if mine == theirs:
        return KEEP if covers(mine_clock, theirs_clock) else JOIN
    if dict(mine_clock) == dict(theirs_clock):
        if column in EARLIEST_WINS and mine is not None and theirs is not None:
            return KEEP if str(mine) <= str(theirs) else TAKE
        return CONFLICT  # the same row made on both sides with different values
    if covers(mine_clock, theirs_clock):
        return KEEP
    if covers(theirs_clock, mine_clock):
        return TAKE
    return CONFLICT


def sealed(
    base: Mapping[str, object], current: Mapping[str, object], clocks: Mapping[str, Clock], ledger: str
) -> tuple[dict, dict[str, Clock], list[str]]:
    """(new base, new clocks, changed fields): the fields changed here since the base count one change by `ledger`."""
    new_clocks = {k: dict(v) for k, v in clocks.items()}
    changed = [field for field, value in current.items() if field in base and base[field] != value]
    for field in changed:
        new_clocks[field] = bump(new_clocks.get(field, {}), ledger)
    return dict(current), new_clocks, changed


def dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def qualified(town: str | None, number: str) -> str:
    """A number as a county ledger shows it where two towns share it: 顾山镇:2018-0042."""
    return f"{town}{QUALIFIER}{number}" if town else number


def local_name(name: str, their_town: str | None, my_town: str | None) -> str:
    """A name in a town's own register (a leader, an enterprise, a key person), as the receiving ledger keeps it:
    bare for its own town, qualified by its town for another's (顾山镇:周建国). Two towns' 周建国 stay two people
    in a county ledger, and each comes back bare to its own town; two desks of one town share theirs."""
    town, sep, rest = name.partition(QUALIFIER)
    if sep and town and rest:  # qualified where it comes from: another town's
        return rest if town == my_town else name
    return name if not their_town or their_town == my_town else qualified(their_town, name)


def bare(number: str, town: str | None) -> str:
    """The number as its own town knows it (the qualifier, if any, removed)."""
    prefix = f"{town}{QUALIFIER}" if town else None
    return number[len(prefix) :] if prefix and number.startswith(prefix) else number


# a conflict's values as shown without --reveal: the personal fields by their own mask, every other text by the
# one rule for free text (core.identity), so a phone typed into a subject is masked like the phone field
_NAMES = frozenset({"petitioner", "key_persons", "name"})  # a person's name (the persons register's key too)


def masked_value(table: str, field: str, value):
    """A conflict's value (mine or theirs) as `merge` and `conflicts` show it unless --reveal."""
    from guside_cli.core.identity import mask_id_number, mask_in_text, mask_name, mask_phone

    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, list):
        return [masked_value(table, field, v) for v in value]
    text = str(value)
    if field == "number":  # a case number is no personal data
        return text
    if field == "phone":
        return mask_phone(text)
    if field == "id_number":
        return mask_id_number(text)
    if field in _NAMES and (table != "leaders" and table != "enterprises"):
        if text.startswith("[") and field == "key_persons":  # a list stored as JSON
            try:
                return dumps([mask_name(str(n)) for n in json.loads(text)])
            except ValueError:
                pass
        return mask_name(text)
    return mask_in_text(text)


def masked_key(table: str, key: str) -> str:
    """A register row's key as shown: a key person's name masked; a case's uid, a leader's or an enterprise's
    name as it is."""
    from guside_cli.core.identity import mask_name

    return mask_name(key) if table == "persons" else key
