"""`show` masks phone and ID numbers typed into free text (反映问题, 诱因, a step's note) as history, publish and
the web view do — written in any numeral system, uppercase financial numerals (壹叁玖…) included — unless
--reveal, which is recorded."""

import json
import sqlite3
from contextlib import closing

import pytest

PHONES = {
    "ascii": "13912345678",
    "uppercase": "壹叁玖壹贰叁肆伍陆柒捌",
    "traditional": "壹參玖壹貳參肆伍陸柒捌",
    "full-width": "１３９１２３４５６７８",
}


@pytest.mark.parametrize("spelling", sorted(PHONES))
def test_show_masks_numbers_in_free_text_unless_revealed(cli, db_path, spelling):
    phone = PHONES[spelling]
    number = cli.add(subject=f"来电{phone}反映异味", cause="身份证320281198001011234的企业主")["number"]
    cli("step", number, "--kind", "contact", "--at", "2018-06-07 10:00", "--note", f"回电{phone}")
    shown = cli("show", number).stdout
    data = json.loads(cli("show", number, "--format", "json").stdout)
    for text in (shown, json.dumps(data, ensure_ascii=False)):
        assert phone not in text and "320281198001011234" not in text
    assert data["subject"].startswith("来电") and "****" in data["subject"]
    assert "****" in data["steps"][0]["note"] and "********" in data["cause"]
    revealed = json.loads(cli("show", number, "--reveal", "--format", "json").stdout)
    assert revealed["subject"] == f"来电{phone}反映异味" and revealed["steps"][0]["note"] == f"回电{phone}"
    with closing(sqlite3.connect(db_path)) as conn:
        assert conn.execute("SELECT count(*) FROM history WHERE action = 'reveal'").fetchone()[0] >= 1


def test_list_json_masks_free_text_too(cli, db_path):
    cli.add(subject="来电13912345678反映异味")
    assert "13912345678" not in cli("list", "--format", "json").stdout
