"""The history's hash chain: each row carries a hash of its own content and of the row before it, so a row
changed or removed outside the tool breaks the chain at that row (tamper-evident, not tamper-proof: someone
who rewrites the whole chain from the first changed row on, or cuts rows off its end, is not caught)."""

import json
from collections.abc import Iterable, Sequence

GENESIS = "0" * 64
HASHED = ("id", "petition_id", "at", "actor", "action", "field", "old", "new", "note")
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))  # json.dumps with options builds one per call


def row_hash(previous: str, row: Sequence) -> str:
    """sha256 of the previous hash and the row's fields in HASHED order."""
    import hashlib  # OpenSSL's loader costs 5 ms: only commands that write or check pay it

    payload = _ENCODER.encode([previous, *row])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def first_break(rows: Iterable[tuple]) -> tuple[int, str] | None:
    """Walk (fields in HASHED order..., prev_hash, hash) rows in id order; the first row whose links do not
    hold, and why, or None when the chain is whole."""
    previous = GENESIS
    for row in rows:
        fields, prev_hash, stored = row[: len(HASHED)], row[-2], row[-1]
        if prev_hash != previous:
            return fields[0], "its link to the row before does not match (a row before it was changed or removed)"
        if stored != row_hash(previous, fields):
            return fields[0], "its content does not match its hash (the row was changed)"
        previous = stored
    return None
