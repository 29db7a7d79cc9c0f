"""Counts as people write them: 6, ６, 六, 十二, 两百, 壹佰零五, 6人, and in office files 约20人 or 二十余人 (an
estimate, said so). One home for every count guside reads: 涉及人数 at the desk, in `add` and in a 台账, and the
days of an extension. Chinese numerals are read by cn2an (imported only when a count is written in them)."""

import re
import unicodedata

# Chinese numerals, everyday and financial (大写), simplified and traditional; 两 and 〇 spelled as cn2an reads them
_SPELLINGS = str.maketrans({"两": "二", "兩": "二", "〇": "零", "參": "叁", "萬": "万", "貳": "贰", "陸": "陆"})
_NUMERALS = "零一二三四五六七八九十百千万壹贰叁肆伍陆柒捌玖拾佰仟廿"
_NUMBER = rf"(\d+|[{_NUMERALS}两兩〇參萬貳陸]+)"
_COUNT = re.compile(
    rf"^\s*(约|大约|近|将近|共|计)?\s*{_NUMBER}\s*(余|多)?\s*(人次|人|名|位)?\s*(左右|以上|余)?\s*(?:[（(].*[）)])?\s*$"
)


def integer_of(text: str) -> int | None:
    """A whole number written in ASCII, fullwidth or Chinese numerals (六, 十二, 两百, 壹佰零五); None for anything
    else (signs, decimals, 一二 read digit by digit, words)."""
    written = unicodedata.normalize("NFKC", text).strip()
    if written.isascii() and written.isdigit():
        return int(written)
    if not written or len(written) > 16 or any(c not in _NUMERALS for c in written.translate(_SPELLINGS)):
        return None
    import cn2an  # type: ignore[import-untyped]

    try:
        value = cn2an.cn2an(written.translate(_SPELLINGS), "strict")
    except ValueError:
        return None
    return int(value) if value == int(value) else None


def count_between(text: str, low: int, high: int) -> int:
    """A count from `low` to `high` (days of an extension, times reopened), written in any numerals; refused,
    naming the range, otherwise."""
    from guside_cli.core.errors import InputError
    from guside_cli.messages import M

    number = integer_of(text)
    if number is None or not low <= number <= high:
        raise InputError(M("intake.not_count", text=text, low=low, high=high))
    return number


def count_of(text: str) -> tuple[int | None, bool]:
    """A count of people as offices write it: (the number, whether it is an estimate). 6人（集体访） and 六人 are
    (6, False), 约20人 and 二十余人 (20, True); anything else (None, False), for intake to refuse."""
    m = _COUNT.match(unicodedata.normalize("NFKC", text))
    if m is None:
        return None, False
    return integer_of(m[2]), bool(m[1] or m[3] or m[5])


def exact_count(text: str) -> int | None:
    """A count of people written exactly (6, 六人, 十二名); an estimate or anything else is None."""
    number, estimate = count_of(text)
    return None if estimate else number
