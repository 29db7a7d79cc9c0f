"""County roll-up: several towns' ledgers merged into one that knows each case's town."""

import json
import random

from test_merge import content

TOWNS = ("顾山镇", "长泾镇", "祝塘镇")
REPORT = ("report", "--year", "2018", "--as-of", "2018-06-20", "--format", "json")


def town_ledger(cli, tmp_path, town: str, seed: int):
    db = tmp_path / f"{town}.db"
    cli("--db", db, "config", "set", "town.name", town)
    rng = random.Random(seed)
    for i in range(12):
        year = rng.choice((2017, 2018))
        received = f"{year}-0{rng.randint(1, 6)}-1{rng.randint(0, 9)} 09:00"
        cli("--db", db, "add", "--village", rng.choice(("红豆村", "新龚村", "顾山社区")),
            "--level", rng.choice(("town", "county", "province")), "--subject", f"{town}{i}",
            "--persons", str(rng.randint(1, 4)), "--received", received)  # fmt: skip
    return db


def totals(report: dict) -> tuple:
    villages = {v["village"]: (v["total"]["current"], v["total"]["previous"], v["escalated"]["current"],
                               v["escalated"]["previous"]) for v in report["villages"]}  # fmt: skip
    return (report["total"]["current"], report["total"]["previous"], report["escalated"]["current"],
            report["escalated"]["previous"]), villages  # fmt: skip


def test_the_county_report_is_the_sum_of_the_towns_reports(cli, tmp_path):
    ledgers = [town_ledger(cli, tmp_path, town, seed) for seed, town in enumerate(TOWNS)]
    county = tmp_path / "county.db"
    cli("--db", county, "config", "set", "town.name", "江阴市")
    cli("--db", county, "merge", *ledgers)
    whole, villages = totals(json.loads(cli("--db", county, *REPORT).stdout))
    summed, summed_villages = [0, 0, 0, 0], {}
    by_town = {}
    for town, db in zip(TOWNS, ledgers, strict=True):
        t, v = totals(json.loads(cli("--db", db, *REPORT).stdout))
        summed = [a + b for a, b in zip(summed, t, strict=True)]
        for name, counts in v.items():
            summed_villages[name] = tuple(
                a + b for a, b in zip(summed_villages.get(name, (0,) * 4), counts, strict=True)
            )
        by_town[town] = t
        # one town read out of the county ledger is that town's own report
        alone = json.loads(cli("--db", county, *REPORT, "--town", town).stdout)
        assert totals(alone) == (t, v)
        assert len(cli.json("--db", county, "list", "--town", town)) == 12
    assert list(whole) == summed and villages == summed_villages
    # the county's figures are headed as the towns they add up, a town's read out of it as 全镇
    assert json.loads(cli("--db", county, *REPORT).stdout)["towns"] == 3
    assert "\n各镇合计（3个）\n" in cli("--db", county, *REPORT[:-2]).stdout
    assert "\n全镇\n" in cli("--db", county, *REPORT[:-2], "--town", "长泾镇").stdout
    assert "\n3 towns\n" in cli("--db", county, "--lang", "en", *REPORT[:-2]).stdout
    breakdown = json.loads(cli("--db", county, *REPORT, "--by", "town").stdout)["breakdown"]["town"]
    assert {row["key"]: row["current"] for row in breakdown} == {t: by_town[t][0] for t in TOWNS if by_town[t][0]}
    # numbers two towns share are shown qualified; none is renumbered
    numbers = [c["number"] for c in cli.json("--db", county, "list")]
    bare = [n.split(":", 1)[-1] for n in numbers]
    assert len(numbers) == 36 and any(":" in n for n in numbers)
    assert all((":" in n) == (bare.count(b) > 1) for n, b in zip(numbers, bare, strict=True))
    assert sorted(bare) == sorted(c["number"] for db in ledgers for c in cli.json("--db", db, "list"))
    shared = next(n for n in numbers if n.startswith("长泾镇:"))
    assert cli.json("--db", county, "show", shared)["subject"].startswith("长泾镇")
    bulletin = cli("--db", county, "bulletin", "--year", "2018", "--as-of", "2018-06-20", "--town", "长泾镇")
    assert "长泾镇环境信访" in bulletin.stdout
    refused = cli("--db", county, "list", "--town", "无此镇", ok=False)
    assert refused.exit_code != 0 and len(refused.stderr.strip().splitlines()) == 1
    # the county merged in another order holds the same
    other = tmp_path / "county2.db"
    cli("--db", other, "config", "set", "town.name", "江阴市")
    cli("--db", other, "merge", *reversed(ledgers))
    assert content(other) == content(county)
