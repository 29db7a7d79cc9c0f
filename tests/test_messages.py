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


@pytest.mark.parametrize("message_id", sorted(catalogue()))
def test_every_message_renders_in_both_languages(message_id):
    params = {name: "x" for name in _fields(catalogue()[message_id][0])}
    assert text(message_id, "zh", **params) != text(message_id, "en", **params) or message_id.startswith("ask.")


def _english_messages():
    import importlib.util
    import sys
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "scripts" / "english_messages.py"
    spec = importlib.util.spec_from_file_location("english_messages", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["english_messages"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


# the files whose every message now comes from the catalogue (scripts/english_messages.py lists the rest)
def test_every_user_message_speaks_through_the_catalogue():
    """No error, refusal, prompt, label or help text is written in English only (or as an in-place zh/en pair)
    anywhere in the package: each comes from guside_cli/messages in both languages."""
    found = [str(f) for f in _english_messages().scan()]
    assert found == []


def test_the_english_message_lister_finds_english_strings(tmp_path):
    package = tmp_path / "guside_cli"
    package.mkdir()
    (package / "thing.py").write_text(
        "def run(x):\n"
        "    say(run, '中文', 'English words')\n"
        "    raise InputError(f'bad value {x}')\n"
        "    raise InputError(M('date.not_a_date', text=x))\n"
        "    raise InputError('只有中文')\n",
        encoding="utf-8",
    )
    found = _english_messages().scan(package)
    assert [(f.line, f.kind, f.text) for f in found] == [
        (2, "zh/en pair", "English words"),
        (3, "InputError", "bad value {…}"),
    ]


@pytest.mark.parametrize(("lang", "words"), [("zh", "登记一件信访"), ("en", "Register a petition")])
def test_help_speaks_the_chosen_language(cli, monkeypatch, lang, words):
    assert words in cli("--lang", lang, "add", "--help").stdout
    monkeypatch.setenv("GUSIDE_LANG", lang)
    assert words in cli("add", "--help").stdout
    assert "help.opt" not in cli("list", "--help").stdout  # no id is ever shown as help


def test_errors_speak_the_chosen_language(cli):
    cli.add()
    zh = cli("list", "--from", "2018-07-01", "--to", "2018-06-01", ok=False)
    assert zh.stderr.startswith("错误：")
    en = cli("--lang", "en", "list", "--from", "2018-07-01", "--to", "2018-06-01", ok=False)
    assert en.stderr.startswith("Error: ")
