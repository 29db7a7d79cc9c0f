"""Villages and communities (村/社区), the 属地 of each petition."""

from guside_cli.core.errors import InputError
from guside_cli.core.model import Village
from guside_cli.core.text import clean, fold
from guside_cli.messages import M

SUFFIXES = ("社区", "村")


def make_village(name: str) -> Village:
    """A village from its full name: 红豆村 -> short 红豆, kind 村; 顾山社区 -> 顾山, 社区."""
    text = clean(name)
    if not text or any(ch.isspace() for ch in text) or len(text) > 32:
        raise InputError(M("ledger.village_name_bad", name=name))
    for suffix in SUFFIXES:
        if text.endswith(suffix) and len(text) > len(suffix):
            return Village(name=text, short=text[: -len(suffix)], kind=suffix)
    return Village(name=text, short=text, kind="")


def resolve_village(text: str, known: list[Village]) -> Village:
    """Find a village by full or short name (红豆村 or 红豆). An unknown name suggests the closest ones."""
    key = fold(text)
    for village in known:
        if key in (fold(village.name), fold(village.short)):
            return village
    # compare short names (红豆 for 红豆村): the common 村/社区 ending would make every village look close
    try:
        typed = make_village(text).short
    except InputError:
        typed = text.strip()
    by_short = {v.short: v.name for v in known}
    import difflib

    close = [by_short[s] for s in difflib.get_close_matches(typed, list(by_short), n=3, cutoff=0.5)]
    hint = M("ledger.village_did_you_mean", names=" / ".join(close)) if close else M("ledger.village_see_list")
    raise InputError(M("ledger.no_such_village", name=text, hint=hint))


def with_free_short(village: Village, known: list[Village], short: str | None = None) -> tuple[Village, str | None]:
    """The village with a short name (what numbers show: 2018-红豆-001) no other village holds: `short` when
    given, else its own, else — when another holds it (顾山社区 holds 顾山, and 顾山村 is added) — its full name.
    Returns (village, the village that held the short form, or None). Refuses a given short name that is taken."""
    from guside_cli.messages import M

    def holder(name: str) -> Village | None:
        key = fold(name)
        return next((v for v in known if key in (fold(v.short), fold(v.name))), None)

    if short is not None:
        text = clean(short)
        if not text or any(ch.isspace() for ch in text) or len(text) > 32:
            raise InputError(M("files.short_bad", short=short))
        other = holder(text)
        if other is not None:
            raise InputError(M("files.short_clash", short=text, other=other.name))
        return Village(name=village.name, short=text, kind=village.kind), None
    other = holder(village.short)
    if other is None or fold(other.name) == fold(village.name):
        return village, None
    return Village(name=village.name, short=village.name, kind=village.kind), other.name
