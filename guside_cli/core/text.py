"""Normalising what users type: full-width forms, stray spaces, control characters."""

import re
import unicodedata

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def fold(text: str) -> str:
    """NFKC-fold (full-width digits and letters become ASCII), trim, and lower-case for matching."""
    return unicodedata.normalize("NFKC", text).strip().lower()


def clean(text: str | None) -> str | None:
    """Free text as stored: control characters and terminal escapes removed, ends trimmed, '' -> None.

    Newlines and tabs are kept (a subject may have several lines); ESC and the rest of C0/C1 are not,
    so nothing stored can drive a terminal when it is printed back.
    """
    if text is None:
        return None
    text = _CONTROL.sub("", text.replace("\r\n", "\n")).strip()
    return text or None
