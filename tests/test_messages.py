"""The message catalogue: every id has both languages, parameters agree, and errors render in the run's language."""

import string

import pytest

from guside_cli import messages
from guside_cli.core.errors import RuleViolation
from guside_cli.messages import M, catalogue, set_language, text


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("message_id", sorted(catalogue()))
def test_every_message_has_chinese_and_english_with_the_same_parameters(message_id):
    zh, en = catalogue()[message_id]
    assert zh.strip() and en.strip(), f"{message_id} lacks a text"
    assert any("\u4e00" <= ch <= "\u9fff" for ch in zh), f"{message_id}: the Chinese text has no Chinese"
    assert _fields(zh) == _fields(en), f"{message_id}: the two languages take different parameters"


def test_every_area_module_is_joined():
    for area in messages.AREAS:
        module = __import__(f"guside_cli.messages.{area}", fromlist=["MESSAGES"])
        assert set(module.MESSAGES) <= set(catalogue())


def test_an_unknown_id_fails_where_it_is_written():
    with pytest.raises(KeyError):
        M("no.such.message")


def test_a_message_renders_in_the_language_set_for_the_run():
    error = RuleViolation(M("error.file_disk_full", file="x.csv"))
    try:
        set_language("en")
        assert str(error) == "the disk is full writing x.csv: nothing was kept; free some space and try again"
        set_language("zh")
        assert str(error) == "写入 x.csv 时磁盘已满：未保留任何内容；请释放空间后重试"
        assert text("error.prefix", "en") == "Error: "
    finally:
        set_language("zh")
