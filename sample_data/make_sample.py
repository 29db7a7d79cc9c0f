"""Make the sample ledger in sample_data/: leaders.csv, petitions.csv and steps.csv for 顾山镇, 2017-2018.

Run `python sample_data/make_sample.py` (with guside installed) to rebuild them; the output is the same every
time (fixed seed). Everything in it is invented: names are 某-style placeholders, leaders are named by their
post, enterprises carry 虚构 ("fictional") in their names, phone numbers use the 1390000xxxx block, and ID
numbers are built with a correct check digit on invented birth dates so that validation is exercised.

The story a leader should recognise: the town cuts its total by a third (target met), but escalated
petitions (province / Beijing) fall by only about a fifth (target missed); 红豆村 and 顾山社区 improve a lot,
李家桥村 gets worse, and 漍东村's escalated petitions rise (一票否决). Contact within 24 hours improves in 2018.
"""

import csv
import random
from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path

from guside_cli.core.enums import Level
from guside_cli.core.model import CANONICAL_FIELDS
from guside_cli.core.numbering import format_number, sequence_scope
from guside_cli.core.villages import make_village

HERE = Path(__file__).resolve().parent
AS_OF = date(2018, 12, 31)  # the sample is complete to the end of 2018

# (village, petitions 2017, 2018, escalated 2017, 2018)
PLAN = [
    ("顾山社区", 28, 14, 4, 2),
    ("北漍社区", 16, 11, 2, 2),
    ("新龚村", 12, 8, 1, 1),
    ("南曹庄村", 10, 7, 1, 1),
    ("顾北村", 14, 9, 2, 1),
    ("红豆村", 26, 12, 4, 2),
    ("李家桥村", 15, 18, 2, 2),
    ("东岐村", 9, 6, 1, 1),
    ("鉴青村", 11, 7, 1, 1),
    ("赤岸村", 8, 6, 1, 0),
    ("漍南村", 13, 9, 2, 2),
    ("漍东村", 17, 12, 1, 3),
    ("解放村", 10, 6, 1, 1),
    ("万兴村", 11, 8, 1, 0),
]
ISSUES = [
    ("air", "化工企业夜间排放刺激性气味，影响居民休息", "废气收集处理设施运行不正常", "虚构锦程化工有限公司"),
    ("air", "印染厂定型机废气异味扰民", "定型机废气处理设施老化", "虚构华泰印染有限公司"),
    ("air", "沿街餐饮店油烟直排居民楼", "未安装油烟净化装置", "虚构老街饭店"),
    ("air", "砂石堆场扬尘严重，周边农田蒙尘", "堆场未覆盖、未喷淋", "虚构鑫达建材经营部"),
    ("water", "工厂废水经暗管排入河道，河水发黑", "雨污未分流，偷排生产废水", "虚构华泰印染有限公司"),
    ("water", "养殖场粪污直排沟渠，气味难闻", "养殖粪污未经处理", "虚构绿源养殖场"),
    ("noise", "工地夜间施工噪声扰民", "夜间违规施工", "虚构城建工程有限公司"),
    ("noise", "金属加工厂冲床噪声影响周边住户", "设备未采取减振降噪措施", "虚构精工五金厂"),
    ("solid_waste", "河边空地有人倾倒工业固废", "固废非法倾倒", None),
    ("solid_waste", "企业危险废物露天堆放", "危废贮存不规范", "虚构锦程化工有限公司"),
    ("ecology", "鱼塘回填破坏湿地", "擅自填埋坑塘", None),
    ("other", "对企业环评审批有异议", "群众对项目选址不理解", "虚构新材料科技有限公司"),
]
SURNAMES = "张王李赵陈刘杨黄周吴徐孙朱马胡郭何高林罗"
FORECAST = ["可能重复信访", "可能越级上访", "诉求合理，可就地化解", "有群体访苗头", "情绪稳定"]
UNITS = ["镇综合执法局", "镇环保办", "镇建设局", "镇农业服务中心", "属地村（社区）"]
OUTCOMES = ["resolved", "resolved", "resolved", "stopped", "unfounded", "not_accepted"]
TOWN_LEADERS = [("陈镇长", "镇长"), ("王副镇长", "副镇长（分管环保）"), ("孙副镇长", "副镇长")]
DEPARTMENT_LEADERS = [("环保办主任", "镇环保办主任"), ("执法局局长", "镇综合执法局局长")]


def leaders() -> list[dict]:
    rows = [{"name": n, "title": t, "rank": "town", "village": ""} for n, t in TOWN_LEADERS]
    rows += [{"name": n, "title": t, "rank": "department", "village": ""} for n, t in DEPARTMENT_LEADERS]
    # 属地包案 (四(五)): a village's head holds its cases only
    rows += [{"name": f"{v}负责人", "title": f"{v}党组织书记", "rank": "village", "village": v} for v, *_ in PLAN]
    return rows


def id_number(rng: random.Random) -> str:
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    birth = date(1950, 1, 1) + timedelta(days=rng.randrange(365 * 45))
    body = f"320281{birth:%Y%m%d}9{rng.randrange(10)}{rng.randrange(10)}"
    return body + "10X98765432"[sum(int(d) * w for d, w in zip(body, weights, strict=True)) % 11]


def petitions(rng: random.Random) -> list[dict]:
    out = []
    for year in (2017, 2018):
        for village, n17, n18, e17, e18 in PLAN:
            total, escalated = (n17, e17) if year == 2017 else (n18, e18)
            out.extend(petition(rng, year, village, escalated=i < escalated) for i in range(total))
    out.sort(key=lambda r: r["received_at"])
    sequences: Counter = Counter()
    for row in out:  # numbered as guside would: the town's sequence for province/Beijing, else the village's
        scope = sequence_scope(Level(row["level"]), make_village(row["village"]).short)
        sequences[(row["received_at"].year, scope)] += 1
        row["number"] = format_number(row["received_at"].year, scope, sequences[(row["received_at"].year, scope)])
    return out


def petition(rng: random.Random, year: int, village: str, *, escalated: bool) -> dict:
    pollution, subject, cause, enterprise = rng.choice(ISSUES)
    received = datetime(year, 1, 1, 8) + timedelta(days=rng.randrange(365), hours=rng.randrange(10))
    if received.date() > date(year, 11, 30):
        received -= timedelta(days=45)  # keep December quiet, so the sample's year end has few open cases
    named = rng.random() < 0.7
    source = "direct"
    if escalated and rng.random() < 0.4:
        source = rng.choice(["central_inspection", "provincial_inspection", "superior"])
    elif not escalated:
        source = rng.choice(["direct", "direct", "hotline_12345", "hotline_12369"])
    handed_down = escalated or (source != "direct" and source.endswith(("inspection", "superior")))
    leader = (
        rng.choice(TOWN_LEADERS)[0]
        if handed_down
        else rng.choice([f"{village}负责人"] * 3 + [n for n, _ in DEPARTMENT_LEADERS])
    )
    return {
        "received_at": received,
        "village": village,
        "form": rng.choice(["visit", "visit", "letter", "online", "phone", "phone"]),
        "level": rng.choice(["province", "national"])
        if escalated
        else rng.choice(["town", "town", "town", "county", "county", "prefecture"]),
        "source": source,
        "pollution": pollution + (";noise" if pollution == "air" and rng.random() < 0.2 else ""),
        "subject": subject,
        "cause": cause,
        "persons": rng.choice([1, 2, 5, 8]) if escalated else rng.choice([1, 1, 1, 2, 3, 6]),
        "unit": rng.choice(UNITS),
        "enterprise": enterprise or "",
        "petitioner": rng.choice(SURNAMES) + "某" if named else "",
        "phone": f"1390000{rng.randrange(10000):04d}" if named else "",
        "id_number": id_number(rng) if named and rng.random() < 0.5 else "",
        "key_persons": (rng.choice(SURNAMES) + "某某") if escalated and rng.random() < 0.5 else "",
        "forecast": rng.choice(FORECAST),
        "ref_no": f"D3JS{received:%Y%m%d}{rng.randrange(10000):04d}" if escalated else "",
        "leader": leader,
    }


def steps_and_closing(rng: random.Random, row: dict) -> list[dict]:
    """Mediation steps; then the closing, after the last step. 2018 contacts faster than 2017."""
    received: datetime = row["received_at"]
    fast = 0.85 if received.year == 2018 else 0.6
    contact = received + timedelta(hours=rng.uniform(0.5, 20) if rng.random() < fast else rng.uniform(25, 72))
    steps = [("contact", contact, "电话联系信访人，了解诉求")]
    if rng.random() < 0.9:
        steps.append(("notify", received + timedelta(days=rng.randrange(1, 12)), "书面告知受理"))
    if rng.random() < 0.75:
        steps.append(("arrive", contact + timedelta(hours=rng.uniform(1, 30)), "到达现场核实"))
    if rng.random() < 0.6:
        steps.append(("mediate", contact + timedelta(hours=rng.uniform(4, 60)), "组织企业与群众现场调处"))
    if row["enterprise"] and rng.random() < 0.4:
        steps.append(("inspect", contact + timedelta(days=rng.uniform(1, 10)), "现场检查企业治污设施"))
    last = max(at for _, at, _ in steps)
    closed = received.year == 2017 or rng.random() < 0.85
    closed_on = (last + timedelta(days=rng.randrange(1, 40))).date() if closed else None
    if closed_on and closed_on > AS_OF:
        closed_on = None
    row["status"] = "closed" if closed_on else "open"
    row["closed_on"] = closed_on.isoformat() if closed_on else ""
    row["outcome"] = rng.choice(OUTCOMES) if closed_on else ""
    by = row["leader"]
    return [
        {"number": row["number"], "kind": kind, "at": at.strftime("%Y-%m-%d %H:%M"), "by": by, "note": note}
        for kind, at, note in sorted(steps, key=lambda s: s[1])
    ]


def write(name: str, fields: list[str], rows: list[dict]) -> None:
    with open(HERE / name, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=fields, lineterminator="\n", extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)


def main() -> None:
    rng = random.Random(20180607)
    cases = petitions(rng)
    steps = [step for row in cases for step in steps_and_closing(rng, row)]
    for row in cases:
        row["received_on"] = row["received_at"].strftime("%Y-%m-%d %H:%M")
    write("leaders.csv", ["name", "title", "rank", "village"], leaders())
    write("petitions.csv", list(CANONICAL_FIELDS), cases)
    write("steps.csv", ["number", "kind", "at", "by", "note"], steps)


if __name__ == "__main__":
    main()
