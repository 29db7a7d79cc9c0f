"""JSON and JSON Lines as offices' tools write them: UTF-16 or UTF-32 with a byte-order mark (Windows' "Unicode")
is read; a string holding half a UTF-16 pair is refused in one line naming its item; nothing imported then."""

import json

import pytest
from conftest import snapshot

CASE = {"received_on": "2018-06-07", "village": "红豆村", "level": "镇", "subject": "化工厂异味"}


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-be", "utf-32"])
@pytest.mark.parametrize("kind", ["json", "jsonl"])
def test_json_in_any_unicode_form_with_its_mark_is_read(cli, db_path, tmp_path, encoding, kind):
    file = tmp_path / f"cases.{kind}"
    text = json.dumps([CASE], ensure_ascii=False) if kind == "json" else json.dumps(CASE, ensure_ascii=False) + "\n"
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data  # big-endian with its mark, as some tools write it
    file.write_bytes(data)
    cli("import", file)
    assert [c["subject"] for c in cli.json("list")] == ["化工厂异味"]


@pytest.mark.parametrize("kind", ["json", "jsonl"])
@pytest.mark.parametrize("escape", [r"\ud800", r"\udfff", r"abc\udc00def"])
def test_half_a_surrogate_pair_is_refused_in_one_line(cli, db_path, tmp_path, kind, escape):
    cli("village", "list")  # the ledger exists: nothing may be written to it
    before = snapshot(db_path)
    body = json.dumps({**CASE, "subject": "X"}, ensure_ascii=False).replace('"X"', f'"{escape}"')
    file = tmp_path / f"bad.{kind}"
    file.write_text(f"[{body}]" if kind == "json" else body + "\n", encoding="utf-8")
    refused = cli("import", file, ok=False)
    assert refused.exit_code == 2
    assert "代理字符" in refused.stderr and "第 1 条" in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1 and "Traceback" not in refused.stderr
    assert snapshot(db_path) == before
