"""Normalising what users type: full-width forms, stray spaces, control characters.

`clean` is the one text boundary: every free text from any source (options, environment, imported files,
settings) passes it on the way in. `shown` escapes a text (a path) for echoing in a message."""

import re
import unicodedata

# C0 but newline, DEL, C1 (ESC and BEL are C0), bidi embeddings/overrides/isolates, zero-width characters, BOM
_INVISIBLE = "\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb"
_REMOVED = re.compile(f"[\x00-\x09\x0b-\x1f\x7f-\x9f{_INVISIBLE}]")
_SHOWN = re.compile(f"[\x00-\x1f\x7f-\x9f{_INVISIBLE}\\\\]")
TEXT_LIMIT = 10_000  # characters of one free text (a subject, a note, a plan)
NAME_LIMIT = 200  # characters of a name (a person, an enterprise, a leader, a signature)


def fold(text: str) -> str:
    """NFKC-fold (full-width digits and letters become ASCII), trim, and lower-case for matching."""
    return unicodedata.normalize("NFKC", text).strip().lower()


def clean(text: str | None) -> str | None:
    """Free text as stored: control characters, terminal escapes, bidi overrides and zero-width characters
    removed, tabs made spaces, ends trimmed, '' -> None.

    Newlines are kept (a subject may have several lines); nothing else invisible is, so nothing stored can
    drive a terminal, reorder a line on screen, or hide a character from a search or a mask."""
    if text is None:
        return None
    text = _REMOVED.sub(_replace, text.replace("\r\n", "\n")).strip()
    return text or None


def _replace(match: re.Match) -> str:
    return " " if match.group() in "\t\r" else ""


def clean_bounded(text: str | None, limit: int = TEXT_LIMIT) -> str | None:
    """`clean`, and None when it is empty; raises ValueError (the caller words it) beyond `limit`."""
    cleaned = clean(text)
    if cleaned is not None and len(cleaned) > limit:
        raise ValueError(len(cleaned))
    return cleaned


def shown(value: object) -> str:
    """A text (a path, a value) as it may be echoed: control, bidi and zero-width characters escaped."""
    return _SHOWN.sub(_escape, str(value))


def _escape(match: re.Match) -> str:
    ch = match.group()
    if ch == "\\":
        return "\\\\"
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
