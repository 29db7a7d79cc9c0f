"""Generate a realistic guside ledger of N petitions for benchmarks, quickly.

The ledger is created by guside itself (migrations, villages), then filled with plain `executemany`: ten
years of receipts (2009-2018) across the town's villages, levels weighted as in real ledgers (escalated a few
per cent), forms, sources, pollution types, repeats (about 8 %), closed cases (about 90 %), and two or three
mediation steps per case. Deterministic for a given N and seed.

    python bench/generate.py --rows 1000000 --out bench/out/ledger.db
"""

import argparse
import json
import random
import sqlite3
import sys
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path

from guside_cli.core.dates import CHINA
from guside_cli.storage.ledger import Ledger

LEVELS = (["town"] * 50) + (["county"] * 30) + (["prefecture"] * 14) + (["province"] * 4) + (["national"] * 2)
FORMS = ["visit", "visit", "letter", "online", "phone", "phone"]
SOURCES = (
    ["direct"] * 6
    + ["hotline_12345"] * 3
    + ["hotline_12369", "central_inspection", "provincial_inspection", "campaign_263", "superior"]
)
POLLUTION = ["air", "air", "air", "noise", "noise", "water", "solid_waste", "ecology", "soil", "other"]
OUTCOMES = ["resolved", "resolved", "resolved", "stopped", "unfounded", "not_accepted", "transferred"]
FIRST_YEAR, YEARS = 2009, 10
LAST_DAY = date(FIRST_YEAR + YEARS - 1, 12, 31)


def rows(n: int, villages: list[tuple[str, str]], seed: int):
    rng = random.Random(seed)
    start = date(FIRST_YEAR, 1, 1)
    span = (date(FIRST_YEAR + YEARS, 1, 1) - start).days
    sequences: dict[tuple[int, str], int] = {}
    for i in range(1, n + 1):
        received = datetime.combine(start + timedelta(days=(i * span) // n), datetime.min.time(), CHINA)
        received += timedelta(hours=rng.randrange(8, 18), minutes=rng.randrange(60))
        village, short = villages[rng.randrange(len(villages))]
        level = rng.choice(LEVELS)
        scope = "镇" if level in ("province", "national") else short
        key = (received.year, scope)
        sequences[key] = sequences.get(key, 0) + 1
        seq = sequences[key]
        number = f"{received.year}-{seq:04d}" if scope == "镇" else f"{received.year}-{scope}-{seq:05d}"
        received_on = received.date()
        closed_day = received_on + timedelta(days=rng.randrange(1, 70))
        closed = rng.random() < 0.9 and closed_day <= LAST_DAY  # nothing is closed after the ledger's last day
        closed_on = closed_day.isoformat() if closed else None
        repeat_of = rng.randrange(max(1, i - 5000), i) if i > 1 and rng.random() < 0.08 else None
        yield (
            i,
            str(uuid.UUID(int=rng.getrandbits(128))),
            number,
            received.isoformat(),
            received_on.isoformat(),
            village,
            rng.choice(FORMS),
            level,
            rng.choice(SOURCES),
            json.dumps([rng.choice(POLLUTION)]),
            "企业夜间排放异味扰民",
            "废气处理设施运行不正常",
            rng.choice([1, 1, 1, 2, 3, 6]),
            "镇综合执法局",
            f"虚构企业{rng.randrange(2000)}",
            None,
            f"1390000{rng.randrange(10000):04d}" if rng.random() < 0.5 else None,
            None,
            "[]",
            "情绪稳定",
            None,
            (received_on + timedelta(days=60)).isoformat(),
            (received_on + timedelta(days=15)).isoformat(),
            "closed" if closed else "open",
            closed_on,
            rng.choice(OUTCOMES) if closed else None,
            repeat_of,
            received.isoformat(),
        )


def steps(n: int, seed: int):
    rng = random.Random(seed + 1)
    start = date(FIRST_YEAR, 1, 1)
    span = (date(FIRST_YEAR + YEARS, 1, 1) - start).days
    for i in range(1, n + 1):
        received = datetime.combine(start + timedelta(days=(i * span) // n), datetime.min.time(), CHINA)
        for kind, hours in (
            ("contact", rng.uniform(1, 40)),
            ("notify", rng.uniform(24, 200)),
            ("arrive", rng.uniform(2, 60)),
        ):
            if kind == "arrive" and rng.random() < 0.5:
                continue
            at = (received + timedelta(hours=hours)).isoformat(timespec="seconds")
            yield (i, kind, at, None, "调处", at)


def generate(n: int, out: Path, seed: int = 7) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-journal", "-wal", "-shm"):
        Path(str(out) + suffix).unlink(missing_ok=True)
    Ledger.open(out, create=True).close()
    conn = sqlite3.connect(out)
    villages = conn.execute("SELECT name, short FROM villages ORDER BY id").fetchall()
    conn.execute("PRAGMA foreign_keys = OFF")  # repeats may point forward within a batch; ids are all present
    with conn:
        conn.executemany(
            """INSERT INTO petitions (id, uid, number, received_at, received_on, village, form, level, source,
                pollution, subject, cause, persons, unit, enterprise, petitioner, phone, id_number, key_persons,
                forecast, ref_no, due_on, notice_due_on, status, closed_on, outcome, repeat_of, created_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            rows(n, villages, seed),
        )
        conn.execute("UPDATE petitions SET accepted_on = date(received_on, '+3 days')")
        # the plan's 包案: province/Beijing cases are held by a town leader (import refuses a closed one without)
        conn.execute(
            "INSERT INTO leaders (name, title, rank, created_at) VALUES ('王镇长', '副镇长', 'town', '2009-01-01')"
        )
        conn.execute(
            "UPDATE petitions SET leader_id = (SELECT id FROM leaders WHERE name = '王镇长') "
            "WHERE level IN ('province', 'national')"
        )
        # the stage the case path gives them: closed ones were concluded and struck off on their closing day
        conn.execute(
            "UPDATE petitions SET stage = CASE WHEN status = 'open' THEN 'accepted' WHEN outcome = 'not_accepted' "
            "THEN 'not_accepted' ELSE 'struck_off' END, closed_from = CASE WHEN status = 'closed' THEN 'accepted' END, "
            "concluded_on = CASE WHEN status = 'closed' AND outcome != 'not_accepted' THEN closed_on END, "
            "conclusion = CASE WHEN status = 'closed' AND outcome != 'not_accepted' THEN outcome END"
        )
        conn.executemany(
            "INSERT INTO steps (petition_id, kind, at, by, note, created_at) VALUES (?, ?, ?, ?, ?, ?)",
            steps(n, seed),
        )
        conn.execute(
            "INSERT INTO sequences (scope, year, last) SELECT CASE WHEN level IN ('province', 'national') THEN '镇' "
            "ELSE (SELECT short FROM villages v WHERE v.name = village) END, CAST(substr(received_on, 1, 4) AS INT), "
            "count(*) FROM petitions GROUP BY 1, 2"
        )
    conn.execute("ANALYZE")
    conn.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=2000)
    parser.add_argument("--out", type=Path, default=Path("bench/out/ledger.db"))
    args = parser.parse_args()
    path = generate(args.rows, args.out)
    print(f"{path}: {args.rows} petitions, {path.stat().st_size / args.rows:.0f} bytes each", file=sys.stderr)


if __name__ == "__main__":
    main()
