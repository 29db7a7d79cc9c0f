"""Personal identifiers: validation of ID and phone numbers, and their masking.

Mainland resident ID numbers (GB 11643): 18 characters, 17 digits and a mod-11 check digit (0-9 or X), or a
15-digit legacy number. Mobiles: 11 digits starting 1[3-9]. Landlines: an area code 0XX or 0XXX, then 7-8
digits. Only ASCII digits count: full-width input is folded with NFKC *before* validation, because `\\d` and
`str.isdigit()` accept full-width and other Unicode digits.
"""

import re
import unicodedata

from guside_cli.core.errors import InputError
from guside_cli.messages import M

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"
_ID18 = re.compile(r"[0-9]{17}[0-9X]")
_ID15 = re.compile(r"[0-9]{15}")
_MOBILE = re.compile(r"1[3-9][0-9]{9}")
_LANDLINE = re.compile(r"0[1-9][0-9]{1,2}-?[1-9][0-9]{6,7}")


def _fold(text: str) -> str:
    return re.sub(r"[\s\u3000]", "", unicodedata.normalize("NFKC", text))


def id_check_digit(first17: str) -> str:
    return _CHECK[sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True)) % 11]


def is_valid_id_number(text: str) -> bool:
    text = text.upper()
    if _ID18.fullmatch(text):
        return id_check_digit(text[:17]) == text[17]
    return bool(_ID15.fullmatch(text))


def check_id_number(text: str | None) -> str | None:
    if text is None or not text.strip():
        return None
    folded = _fold(text).upper()
    if not is_valid_id_number(folded):
        raise InputError(M("identity.bad_id"))
    return folded


def check_phone(text: str | None) -> str | None:
    if text is None or not text.strip():
        return None
    folded = _fold(text)
    if folded.startswith("+86"):
        folded = folded[3:]
    if _MOBILE.fullmatch(folded) or _LANDLINE.fullmatch(folded):
        return folded
    raise InputError(M("identity.bad_phone"))


def mask_id_number(text: str) -> str:
    """320281199001011234 -> 320281********1234 (region and last four kept)."""
    return text[:6] + "*" * (len(text) - 10) + text[-4:] if len(text) > 10 else "*" * len(text)


def mask_phone(text: str) -> str:
    """13812345678 -> 138****5678; 0510-86001234 -> 0510-****1234."""
    if len(text) <= 7:
        return "*" * len(text)
    return (
        text[:3] + "*" * (len(text) - 7) + text[-4:]
        if "-" not in text
        else (text.split("-")[0] + "-" + "*" * (len(text.split("-")[1]) - 4) + text[-4:])
    )


def mask_name(text: str) -> str:
    """王小明 -> 王**: the surname alone says little, and offices write names this way in circulated lists."""
    return text[0] + "*" * (len(text) - 1) if text else text


# A run of 7 or more digits, however written: ASCII, full-width, mathematical or any other decimal digits, and
# Chinese numerals (一三九…, 〇, 零, 幺 and 两 as read aloud); split by spaces (several), dots, dashes of any kind,
# underscores or zero-width characters; optionally ending in the X of an ID number. Any phone or ID number
# written into free text, and some other long numbers too (a date written 2018-06-07 included): masking a few
# harmless numbers is the price of never publishing a real one.
_CN_DIGITS = "〇零一二三四五六七八九幺两"
_CN_VALUE = {ch: str(v) for ch, v in zip(_CN_DIGITS, (0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 1, 2), strict=True)}
_DIGIT = rf"(?:\d|[{_CN_DIGITS}])"
_SEPARATOR = r"[\s.\-_\u00b7\u2010-\u2015\u2212\u2027\u30fb\ufe58\ufe63\uff0d\uff0e\uff3f\u200b-\u200d\u2060\ufeff]"
_NUMBER_IN_TEXT = re.compile(rf"(?<!{_DIGIT}){_DIGIT}(?:{_SEPARATOR}{{0,3}}{_DIGIT}){{6,}}(?:[XxＸｘ])?(?!{_DIGIT})")


def _ascii_digits(text: str) -> str:
    out = []
    for ch in text:
        if ch in _CN_VALUE:
            out.append(_CN_VALUE[ch])
        elif ch in "XxＸｘ":
            out.append("X")
        elif ch.isdecimal():
            out.append(str(unicodedata.decimal(ch)))
    return "".join(out)


# a date written with separators (2018-06-09, 2018.6.9) is 8 digits like a landline: it is not a personal number
_DATE = re.compile(r"(?:19|20)\d\d([-./])(?:0?[1-9]|1[0-2])\1(?:0?[1-9]|[12]\d|3[01])")


_CASE_NUMBER = re.compile(r"(?:19|20)\d{2}-\d{4}")  # the town's own case numbers (2018-0042): no personal data


def _mask_number(match: re.Match) -> str:
    if _DATE.fullmatch(match.group(0)) or _CASE_NUMBER.fullmatch(match.group(0)):
        return match.group(0)
    digits = _ascii_digits(match.group(0))
    if len(digits) in (15, 18):
        return mask_id_number(digits)
    if len(digits) == 11 and digits.startswith("1"):
        return mask_phone(digits)
    return "*" * (len(digits) - 4) + digits[-4:]


def mask_in_text(text: str | None) -> str | None:
    """Free text (a subject, a note) with every phone and ID number in it masked: 138****5678."""
    if not text:
        return text
    return _NUMBER_IN_TEXT.sub(_mask_number, text)


_MASK_FIELD = {"phone": mask_phone, "id_number": mask_id_number}


def mask_history(entry: dict, *, reveal: bool = False) -> dict:
    """A history row as shown: the old and new phone or ID number of an edit masked like the case's own, and any
    number written into an old/new value or note masked as in free text; all of it in full with --reveal."""
    if reveal:
        return entry
    shown = dict(entry)
    if entry.get("field") == "number":  # a case number (renumbered across the level line) is no personal data
        return shown
    by_field = _MASK_FIELD.get(entry.get("field") or "")
    for key in ("old", "new", "note"):
        value = shown.get(key)
        if value:
            shown[key] = by_field(value) if by_field and key != "note" else mask_in_text(value)
    return shown
