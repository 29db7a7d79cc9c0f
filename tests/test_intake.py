"""core.intake: the one validation path shared by add, the demo loader, edit and (later) import."""

from datetime import datetime

import pytest

from guside_cli.core.dates import CHINA
from guside_cli.core.enums import Outcome
from guside_cli.core.intake import intake, split_list
from guside_cli.core.villages import make_village
from guside_cli.messages import set_language

NOW = datetime(2018, 6, 20, 10, 0, tzinfo=CHINA)
VILLAGES = [make_village("红豆村"), make_village("顾山社区")]
BASE = {"received": "2018-06-01", "village": "红豆", "level": "镇", "subject": "异味"}


def problems(**raw):
    set_language("en")  # these assert the English wording (the autouse fixture sets Chinese back)
    petition, found = intake({**BASE, **raw}, now=NOW, villages=VILLAGES)
    assert (petition is None) == bool(found)
    return [str(p) for p in found]


def test_closed_history_is_taken_as_recorded():
    petition, found = intake(
        {**BASE, "status": "已销号", "closed_on": "2018-06-10", "outcome": "停诉息访", "leader": "王镇长"},
        now=NOW,
        villages=VILLAGES,
    )
    assert found == []
    assert (petition.closed_on.isoformat(), petition.outcome, petition.leader) == (
        "2018-06-10",
        Outcome.STOPPED,
        "王镇长",
    )


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ({"status": "closed"}, ["closed_on: a closed case needs the date it was closed (销号日期)"]),
        (
            {"status": "open", "closed_on": "2018-06-10"},
            ["status: the case is marked open but has a closing date or outcome"],
        ),
        ({"closed_on": "2018-05-01"}, ["closed_on: closed on 2018-05-01, before it was received"]),
        ({"closed_on": "2018-07-01"}, ["closed_on: closed on 2018-07-01, which is in the future"]),
        (
            {"outcome": "满意"},
            [
                "outcome: unknown outcome '满意': use one of resolved (问题解决), stopped (停诉息访), "
                "unfounded (反映不属实), not_accepted (不予受理), transferred (转办), interim (阶段性办结)"
            ],
        ),
    ],
)
def test_closing_history_problems(raw, expected):
    assert problems(**raw) == expected


def test_every_problem_is_reported_with_its_field():
    found = problems(received="2018-02-30", village="无此村", level="区", persons="0", subject="")
    assert [p.split(":")[0] for p in found] == ["subject", "received", "village", "level", "persons"]


def test_lists_split_on_chinese_and_ascii_separators():
    assert split_list("大气；噪声、水,土壤，other") == ["大气", "噪声", "水", "土壤", "other"]
    assert split_list(["大气", "噪声;水"]) == ["大气", "噪声", "水"]
    assert split_list(None) == []


def test_pollution_keeps_order_and_drops_duplicates():
    petition, _ = intake({**BASE, "pollution": "噪声;大气;噪音"}, now=NOW, villages=VILLAGES)
    assert [p.code for p in petition.pollution] == ["noise", "air"]


def test_a_case_made_at_once_is_the_case_the_class_makes():
    """`new_petition` (what intake returns, made without a frozen __setattr__ per field) gives the instance
    `NewPetition(**values)` gives — equal, same hash, same fields in the same order — and any other set of
    names is the class's own error."""
    import dataclasses

    from guside_cli.core.model import NewPetition, new_petition

    petition, _ = intake(
        {**BASE, "pollution": "噪声", "closed_on": "2018-06-09", "outcome": "resolved", "persons": "3"},
        now=NOW,
        villages=VILLAGES,
    )
    values = {f.name: getattr(petition, f.name) for f in dataclasses.fields(NewPetition)}
    made, given = new_petition(values), NewPetition(**values)
    assert made == given and hash(made) == hash(given) and repr(made) == repr(given)
    assert list(vars(made)) == list(vars(given))
    fewest = {name: values[name] for name in ("received_at", "village", "level", "subject")}
    assert new_petition(fewest) == NewPetition(**fewest) and new_petition(fewest).persons == 1
    with pytest.raises(TypeError):
        new_petition({**fewest, "bogus": 1})
    with pytest.raises(TypeError):
        new_petition({"village": "红豆村"})
