"""Personal identifiers: validation of ID and phone numbers, and their masking.

Mainland resident ID numbers (GB 11643): 18 characters, 17 digits and a mod-11 check digit (0-9 or X), or a
15-digit legacy number. Mobiles: 11 digits starting 1[3-9]. Landlines: an area code 0XX or 0XXX, then 7-8
digits. Only ASCII digits count: full-width input is folded with NFKC (invisible characters dropped) *before*
validation, because `\\d` and `str.isdigit()` accept other Unicode digits. Masking reads a text's shadow
(core/text.py: every numeral system as ASCII digits), because 壹叁玖 or ①③⑨ are the same number to a reader.
"""

import re
import unicodedata

from guside_cli.core.errors import InputError
from guside_cli.core.text import clean, shadow, shadow_text
from guside_cli.messages import M

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"
_ID18 = re.compile(r"[0-9]{17}[0-9X]")
_ID15 = re.compile(r"[0-9]{15}")
_MOBILE = re.compile(r"1[3-9][0-9]{9}")
_LANDLINE = re.compile(r"0[1-9][0-9]{1,2}-?[1-9][0-9]{6,7}")


def _fold(text: str) -> str:
    # NFKC (full-width digits) with invisible characters dropped (a soft hyphen typed into a number); other
    # numeral systems are found by the mask (the shadow), but a number stored is typed in digits
    return re.sub(r"\s", "", unicodedata.normalize("NFKC", clean(text) or ""))


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


# A run of 7 or more digits in the shadow of a text (core/text.py: any numeral system, invisible characters
# dropped), split by spaces (several), dots, dashes of any kind or underscores, optionally ending in the X of an
# ID number. Any phone or ID number written into free text, and some other long numbers too (a date written
# 2018-06-07 included): masking a few harmless numbers is the price of never publishing a real one. The match
# is found in the shadow and the span of the original it came from is replaced.
_SEPARATOR = r"[\s.\-_\u00b7\u2010-\u2015\u2212\u2027\u30fb]"
_NUMBER_IN_TEXT = re.compile(rf"(?<![0-9])[0-9](?:{_SEPARATOR}{{0,3}}[0-9]){{6,}}X?(?![0-9])")
_HAS_DIGIT = re.compile(r"[^\x00-\x2f\x3a-\x7f]|[0-9]")  # a digit, or anything not ASCII (which may be one)

# a date written with separators (2018-06-09, 2018.6.9) is 8 digits like a landline: it is not a personal number
_DATE = re.compile(r"(?:19|20)\d\d([-./])(?:0?[1-9]|1[0-2])\1(?:0?[1-9]|[12]\d|3[01])")
_CASE_NUMBER = re.compile(r"(?:19|20)\d{2}-\d{4}")  # the town's own case numbers (2018-0042): no personal data


def _masked(found: str) -> str | None:
    """The masked form of a number found in the shadow, or None where it is a date or a case number."""
    if _DATE.fullmatch(found) or _CASE_NUMBER.fullmatch(found):
        return None
    digits = re.sub(r"[^0-9X]", "", found)
    if len(digits) in (15, 18):
        return mask_id_number(digits)
    if len(digits) == 11 and digits.startswith("1"):
        return mask_phone(digits)
    return "*" * (len(digits) - 4) + digits[-4:]


def mask_in_text(text: str | None) -> str | None:
    """Free text (a subject, a unit, a note) with every phone and ID number in it masked, however its digits are
    written: 138****5678. The one masking rule for every free text that leaves the office."""
    if not text or not _HAS_DIGIT.search(text):
        return text
    folded, origin = shadow(text)
    pieces = []
    kept = 0
    for match in _NUMBER_IN_TEXT.finditer(folded):
        masked = _masked(match.group())
        if masked is None:
            continue
        first, last = origin[match.start()], origin[match.end() - 1]
        # the number's invisible tail (a keycap's U+FE0F U+20E3, a soft hyphen) goes with it
        while last + 1 < len(text) and not shadow_text(text[last + 1]) and not text[last + 1].isspace():
            last += 1
        pieces += [text[kept:first], masked]
        kept = last + 1
    if not pieces:
        return text
    return "".join(pieces) + text[kept:]


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
