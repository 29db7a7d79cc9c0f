"""Invisible characters, blanks and numerals as Unicode families (core/text.py), tested with generated
spellings: every member of a class, not a list of the ones a red team happened to try."""

import functools
import os
import subprocess
import sys
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from guside_cli.core import text as core_text
from guside_cli.core.identity import mask_in_text
from guside_cli.core.text import FILLERS, clean, is_invisible, shadow_text, shown


def test_the_invisible_ranges_are_the_unicode_categories_of_this_python():
    if unicodedata.unidata_version != "14.0.0":
        pytest.skip("the stored ranges are Unicode 14.0.0's; another version computes its own")
    assert core_text.category_ranges() == core_text._RANGES_14


invisible = st.one_of(
    st.characters(categories=["Cc", "Cf", "Cs", "Co", "Zl", "Zp"]),
    st.sampled_from([chr(c) for a, b in core_text._VARIATION for c in range(a, b + 1)]),
)
visible = st.characters(categories=["L", "N", "P", "S"], exclude_characters=FILLERS)


@given(st.lists(st.one_of(visible, invisible, st.sampled_from(FILLERS)), max_size=40))
@settings(max_examples=400)
def test_clean_leaves_nothing_invisible_and_shown_escapes_it(chars):
    raw = "".join(chars)
    cleaned = clean(raw)
    assert cleaned is None or not any(is_invisible(c) and c != "\n" for c in cleaned)
    assert cleaned is None or not any(c in FILLERS for c in cleaned)
    assert not any((is_invisible(c) or c in FILLERS) for c in shown(raw))


@given(st.lists(st.one_of(invisible, st.sampled_from(FILLERS), st.sampled_from(" \u3000\t")), min_size=1))
def test_a_text_of_fillers_and_invisible_characters_is_blank(chars):
    assert clean("".join(chars)) is None


@functools.cache
def numerals() -> dict[int, list[str]]:
    """Every character that reads as a digit 0-9 to a person: any decimal digit, circled and parenthesised
    digits, superscripts, financial and Suzhou numerals, CJK numerals (Unicode's numeric values), and keycaps."""
    by_value: dict[int, list[str]] = {d: [] for d in range(10)}
    for code in range(0x30, 0x30000):
        ch = chr(code)
        value = unicodedata.numeric(ch, None)
        if value is not None and value == int(value) and 0 <= value <= 9:
            folded = unicodedata.normalize("NFKC", ch)
            if len(folded) == 1:  # ⒈ (1.) and ⑴ ((1)) bring separators of their own: tested below as such
                by_value[int(value)].append(ch)
    for d in range(10):
        by_value[d].append(f"{d}\ufe0f\u20e3")  # a keycap emoji
    return by_value


def spelled(number: str, draw) -> str:
    pieces = []
    for digit in number:
        pieces.append(draw(st.sampled_from(numerals()[int(digit)])) if digit.isdigit() else digit)
        pieces.append(draw(st.sampled_from(["", "", " ", "-", "\u00ad", "\u200b", "\u2060", "\u180e", "\u061c"])))
    return "".join(pieces)


phones = st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True)
id_numbers = st.from_regex(r"[1-6][0-9]{16}[0-9X]", fullmatch=True)


@st.composite
def written_numbers(draw):
    number = draw(st.one_of(phones, id_numbers))
    return number, spelled(number, draw)


def _digits_of(text: str) -> str:
    return "".join(c for c in shadow_text(text) if c.isdigit() or c == "X")


@given(written_numbers(), st.sampled_from(["回电 ", "联系人电话：", "", "号码"]), st.sampled_from(["", " 谢谢", "。"]))
@settings(max_examples=500, suppress_health_check=[HealthCheck.too_slow])
def test_a_number_is_masked_however_its_digits_are_written(number_and_spelling, before, after):
    number, written = number_and_spelling
    masked = mask_in_text(before + written + after)
    assert number not in _digits_of(masked)
    assert "****" in masked
    assert masked.startswith(before) and masked.endswith(after)


@given(st.text(alphabet=st.characters(categories=["Lo"], max_codepoint=0x9FFF), max_size=30))
def test_text_without_numbers_is_left_as_it_is(words):
    if sum(c.isdigit() for c in shadow_text(words)) < 7:
        assert mask_in_text(words) == words


@given(written_numbers(), st.sampled_from(["subject", "unit", "enterprise", "ref_no", "cause"]))
@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_publish_and_a_redacted_export_carry_no_number_in_any_free_text(cli, tmp_path, number_and_spelling, field):
    number, written = number_and_spelling
    option = "ref" if field == "ref_no" else field
    cli.add(**{option: f"{'反映' if field == 'subject' else ''}联系 {written}"[:100]})
    outputs = [
        cli("publish", "--format", "json").stdout,
        cli("publish", "--format", "csv").stdout,
        cli("export", "--redact", "--format", "json", "--out", "-").stdout,
        cli("export", "--redact", "--format", "csv", "--out", "-").stdout,
    ]
    for out in outputs:
        assert number not in _digits_of(out)


@given(
    st.lists(
        st.one_of(st.sampled_from(FILLERS), invisible.filter(lambda c: not "\ud800" <= c <= "\udfff")),
        min_size=1,
        max_size=6,
    )
)
@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_a_name_of_fillers_is_refused_as_blank_wherever_a_name_is_taken(cli, db_path, chars):
    blank = "".join(chars).replace("\x00", "")
    if not blank:
        return
    for args in (
        ["leader", "add", blank, "--title", "副镇长", "--rank", "town"],
        ["add", "--village", "红豆村", "--level", "town", "--subject", "s", "--petitioner", blank, "--by", blank],
        ["person", "add", blank, "--village", "红豆村"],
    ):
        result = cli(*args, ok=False)
        assert result.exit_code in (1, 2), args
        assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


def _guside(*args: str, env: dict[str, str] | bytes | None = None, **extra: str):
    environment = {**os.environ, **extra}
    return subprocess.run([sys.executable, "-m", "guside_cli", *args], env=environment, capture_output=True)


def test_invalid_utf8_in_an_argument_or_the_environment_is_one_line(db_path):
    bad = os.fsdecode(b"\xff\xfe")
    result = _guside("add", "--village", "红豆村", "--level", "town", "--subject", bad)
    assert result.returncode == 2 and "不是 UTF-8 文本" in result.stderr.decode()
    assert len(result.stderr.splitlines()) == 1 and not db_path.exists()
    result = _guside("list", GUSIDE_USER=bad)
    assert result.returncode == 2 and "GUSIDE_USER" in result.stderr.decode() and b"Traceback" not in result.stderr


def test_an_ascii_only_terminal_gets_escapes_not_an_error(cli, db_path):
    cli.add(subject="化工厂异味")
    result = _guside("list", PYTHONIOENCODING="ascii")
    assert result.returncode == 0 and b"\\u5316" in result.stdout and b"Traceback" not in result.stderr
