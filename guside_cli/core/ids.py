"""Case uids: UUID version 7 (RFC 9562), time-ordered, for the cases the tool creates.

A uid names a case across ledgers (merge, the county's collection), so it stays a UUID; version 7 puts the
millisecond it was made first, so a new case's uid lands at the right edge of the `uid` index instead of on a
random page of it (at a million cases a random uid costs a page read per insert: bench/README.md). Uids a file
brings are kept as they are, whatever their version."""

import os
import time
import uuid


def uuid7(ms: int | None = None, random: bytes | None = None) -> str:
    """A version-7 UUID for the Unix time `ms` (milliseconds; now when None) and 10 random bytes (fresh when
    None): 48 bits of time, version 7, 12 random bits, the RFC variant, 62 random bits."""
    ms = time.time_ns() // 1_000_000 if ms is None else ms
    tail = int.from_bytes(os.urandom(10) if random is None else random, "big")
    rand_a, rand_b = tail >> 68, tail & ((1 << 62) - 1)
    value = (ms & ((1 << 48) - 1)) << 80 | 0x7 << 76 | rand_a << 64 | 0b10 << 62 | rand_b
    return str(uuid.UUID(int=value))
