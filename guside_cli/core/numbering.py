"""Case numbers, per the plan's 挂账销号 rule:

"建立到部去省环境信访镇级编号交办制度…无锡市级及以下环境信访由属地自行编号" — a petition lodged at province or
Beijing level takes the town's own sequence (镇级编号, `2018-0042`); every other petition its village's sequence
(属地编号, `2018-红豆-007`). Each sequence runs per year of receipt.
"""

import re
import unicodedata

from guside_cli.core.enums import Level
from guside_cli.core.errors import InputError
from guside_cli.core.text import clean
from guside_cli.messages import M

TOWN_SCOPE = "镇"


_SPACE = re.compile(r"\s")


def sequence_scope(level: Level, village_short: str) -> str:
    """Which sequence numbers this petition: the town's, or its village's."""
    return TOWN_SCOPE if level.escalated else village_short


def format_number(year: int, scope: str, seq: int) -> str:
    if scope == TOWN_SCOPE:
        return f"{year}-{seq:04d}"
    return f"{year}-{scope}-{seq:03d}"


def check_given_number(number: str) -> str:
    """A number typed by hand or imported is kept as given, once it is a plain single token."""
    text = clean(unicodedata.normalize("NFKC", number))
    if not text or len(text) > 64 or _SPACE.search(text):
        raise InputError(M("numbering.bad_form", number=number))
    if text.isdigit():
        # a bare integer would be read back as a case id by every command that takes a case
        raise InputError(M("numbering.only_digits", number=number, text=text))
    if not _FORM.fullmatch(text):
        from guside_cli.core.text import shown

        raise InputError(M("trust.number.form", value=shown(text)))
    return text


# letters, digits, CJK, the office's brackets and '-' or '_' inside: never a path ('../..'), never an option ('-1')
_FORM = re.compile(r"[0-9A-Za-z\u3400-\u9fff〔〕【】（）()][0-9A-Za-z\u3400-\u9fff〔〕【】（）()_\-]*")
_YEAR_PREFIX = re.compile(r"(\d{4})-")


def number_year(number: str) -> int | None:
    """The year a number of the ledger's forms belongs to (2018-0042, 2018-红豆-007), or None."""
    m = _YEAR_PREFIX.match(number)
    return int(m.group(1)) if m else None


_TOWN_FORM = re.compile(r"\d{4}-\d{4,}")
_VILLAGE_FORM = re.compile(r"\d{4}-(.+)-\d{3,}")


MAX_SEQUENCE = 99_999  # petitions of one sequence in one year: more than any town receives
_LOOSE_TOWN = re.compile(r"(\d{4})-(\d+)")
_LOOSE_VILLAGE = re.compile(r"(\d{4})-(.+)-(\d+)")


def _check_written_as_drawn(number: str) -> None:
    """A number of a sequence's form is written as the sequence draws it (2018-0099, 2018-红豆-057), never another
    way of the same place (2018-99, 2018-红豆-57 beside it would be two numbers for one) nor place 0."""
    town, village = _LOOSE_TOWN.fullmatch(number), _LOOSE_VILLAGE.fullmatch(number)
    if town:
        year, scope, seq = int(town[1]), TOWN_SCOPE, int(town[2])
    elif village:
        year, scope, seq = int(village[1]), village[2], int(village[3])
    else:
        return
    if not 1 <= seq <= MAX_SEQUENCE:
        raise InputError(M("numbering.bad_sequence", number=number, most=MAX_SEQUENCE))
    drawn = format_number(year, scope, seq)
    if drawn != number:
        raise InputError(M("numbering.not_as_drawn", number=number, drawn=drawn))


def check_number_scope(number: str, level: str, village_short: str) -> None:
    """A number of the ledger's own forms belongs to the sequence that gives it (the plan's 挂账销号 rule): a
    town number (2018-0042) only on a case lodged at province or Beijing, a village's (2018-红豆-007) only on
    a case of that village lodged below. Numbers of other forms (an office's own, imported) are not judged."""
    escalated = Level.parse(level).escalated
    _check_written_as_drawn(number)
    village = _VILLAGE_FORM.fullmatch(number)
    if _TOWN_FORM.fullmatch(number) and not escalated:
        raise InputError(M("numbering.town_on_village", number=number, level=Level.parse(level).zh))
    if village and (escalated or village.group(1) != village_short):
        raise InputError(M("numbering.village_elsewhere", number=number, short=village_short))
