"""Normalising what users type, by Unicode class: the one definition of invisible, blank and numeral.

- **Invisible**: Unicode general categories Cc, Cf, Cs, Co, Zl and Zp (controls, formats such as bidi marks,
  zero-width characters, soft hyphens and tags, lone surrogates, private use, line and paragraph separators),
  and the variation selectors (emoji and Mongolian). `clean` removes them (newline kept, tab a space); `shown`
  escapes them (\\u202e) where a text is echoed.
- **Blank**: whitespace, and the fillers that draw nothing (Hangul fillers U+3164, U+115F, U+1160, U+FFA0,
  the braille blank U+2800): a name made of them is an empty name.
- **The shadow** of a text (`shadow`): NFKC, invisible characters dropped, and every numeral — any decimal
  digit, circled and keycap digits, financial 壹贰叁/壹參, Suzhou 〡〣〩, Chinese 一二三 — as an ASCII digit,
  with a map back to the original's positions. Phone and ID numbers are found in the shadow and masked in the
  original (core/identity.py), so a number is recognised however it is spelled.

`clean` is the one text boundary: every free text from any source (options, environment, imported files,
settings, merged rows) passes it on the way in.
"""

import functools
import re
import unicodedata

INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Zl", "Zp"})
# variation selectors (Mn, but they only choose a glyph), and marks that draw nothing: the combining grapheme
# joiner and the Khmer inherent vowels
_VARIATION: tuple[tuple[int, int], ...] = (
    (0x034F, 0x034F),
    (0x17B4, 0x17B5),
    (0x180B, 0x180D),
    (0x180F, 0x180F),
    (0xFE00, 0xFE0F),
    (0xE0100, 0xE01EF),
)
FILLERS = "\u115f\u1160\u2800\u3164\uffa0"

# The categories above as code point ranges, for Unicode 14.0.0 (Python 3.11's unicodedata): a regex is fast
# where a category lookup per character is not (an import of a million rows). `_ranges` computes them again
# for any other Unicode version; tests/test_trust_families.py holds the two equal.
_RANGES_14 = (
    (0, 31), (127, 159), (173, 173), (1536, 1541), (1564, 1564), (1757, 1757), (1807, 1807), (2192, 2193),
    (2274, 2274), (6158, 6158), (8203, 8207), (8232, 8238), (8288, 8292), (8294, 8303), (55296, 63743),
    (65279, 65279), (65529, 65531), (69821, 69821), (69837, 69837), (78896, 78904), (113824, 113827),
    (119155, 119162), (917505, 917505), (917536, 917631), (983040, 1048573), (1048576, 1114109),
)  # fmt: skip


def category_ranges() -> tuple[tuple[int, int], ...]:
    """The code points of INVISIBLE_CATEGORIES in this Python's Unicode database, as (first, last) ranges."""
    ranges: list[tuple[int, int]] = []
    for code in range(0x110000):
        if unicodedata.category(chr(code)) in INVISIBLE_CATEGORIES:
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    return tuple(ranges)


def _class(ranges) -> str:
    return "".join(f"\\U{a:08x}" if a == b else f"\\U{a:08x}-\\U{b:08x}" for a, b in ranges)


@functools.cache
def _invisible_class() -> str:
    ranges = _RANGES_14 if unicodedata.unidata_version == "14.0.0" else category_ranges()
    return _class(ranges) + _class(_VARIATION)


@functools.cache
def _removed() -> re.Pattern:
    return re.compile(f"[{_invisible_class()}{FILLERS}]")


@functools.cache
def _escaped() -> re.Pattern:
    return re.compile(f"[{_invisible_class()}{FILLERS}\\\\]")


def is_invisible(ch: str) -> bool:
    code = ord(ch)
    return unicodedata.category(ch) in INVISIBLE_CATEGORIES or any(a <= code <= b for a, b in _VARIATION)


def is_blank(text: str | None) -> bool:
    """Nothing a reader could see: empty, whitespace, fillers and invisible characters only."""
    return clean(text) is None


TEXT_LIMIT = 10_000  # characters of one free text (a subject, a note, a plan)
NAME_LIMIT = 200  # characters of a name (a person, an enterprise, a leader, a signature)


def fold(text: str) -> str:
    """NFKC-fold (full-width digits and letters become ASCII), invisible characters dropped, trimmed and
    lower-cased, for matching."""
    return unicodedata.normalize("NFKC", _removed().sub(_replace, text)).strip().lower()


def clean(text: str | None) -> str | None:
    """Free text as stored: invisible characters removed (newlines kept, tabs and fillers made spaces), ends
    trimmed, '' -> None.

    Nothing stored can drive a terminal, reorder a line on screen, hide a character from a search or a mask,
    or look blank while it is not."""
    if text is None:
        return None
    if text.isascii() and text.isprintable():  # the common case, checked at C speed
        return text.strip() or None
    text = _removed().sub(_replace, text.replace("\r\n", "\n")).strip()
    return text or None


def _replace(match: re.Match) -> str:
    ch = match.group()
    if ch == "\n":
        return "\n"
    return " " if ch in "\t\r" or ch in FILLERS else ""


def clean_bounded(text: str | None, limit: int = TEXT_LIMIT) -> str | None:
    """`clean`, and None when it is empty; raises ValueError (the caller words it) beyond `limit`."""
    cleaned = clean(text)
    if cleaned is not None and len(cleaned) > limit:
        raise ValueError(len(cleaned))
    return cleaned


def shown(value: object) -> str:
    """A text (a path, a value) as it may be echoed: invisible characters and fillers escaped (\\u202e)."""
    text = str(value)
    if text.isascii() and text.isprintable() and "\\" not in text:
        return text
    return _escaped().sub(_escape, text)


def _escape(match: re.Match) -> str:
    ch = match.group()
    if ch == "\\":
        return "\\\\"
    code = ord(ch)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


# the shadow

_SPOKEN = {"幺": "1", "两": "2", "〇": "0", "零": "0"}  # as read aloud on the phone, and the two zeros


@functools.cache
def _shadow_of(ch: str) -> str:
    """One character of the original in the shadow: '' for an invisible one or a mark (the keycap's U+20E3),
    an ASCII digit for a numeral of value 0-9 in any system, else its NFKC form."""
    if ch in _SPOKEN:
        return _SPOKEN[ch]
    if is_invisible(ch) or unicodedata.category(ch) in ("Mn", "Me"):
        return ""
    if ch in FILLERS:
        return " "
    value = unicodedata.numeric(ch, None)  # before NFKC: it spells Ⅴ (Roman five) as the letter V
    if value is not None and value == int(value) and 0 <= value <= 9:
        return str(int(value))
    folded = unicodedata.normalize("NFKC", ch)
    return "".join(_digit_of(c) for c in folded)


def _digit_of(ch: str) -> str:
    if ch.isascii():
        return ch.upper() if ch in "xX" else ch
    value = unicodedata.numeric(ch, None)
    if value is not None and value == int(value) and 0 <= value <= 9:
        return str(int(value))
    return ch


def shadow(text: str) -> tuple[str, list[int]]:
    """The shadow of `text` and, for each of its characters, the index in `text` it came from."""
    out: list[str] = []
    origin: list[int] = []
    for index, ch in enumerate(text):
        mapped = _shadow_of(ch) if not ("0" <= ch <= "9" or "a" <= ch <= "w" or "A" <= ch <= "W") else ch
        out.append(mapped)
        origin.extend([index] * len(mapped))
    return "".join(out), origin


def shadow_text(text: str) -> str:
    """The shadow alone (validating a phone or ID number typed in any numerals)."""
    return shadow(text)[0]
