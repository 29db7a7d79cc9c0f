"""Office practice that varies from place to place, kept in the ledger as settings (`guside config`)."""

from dataclasses import dataclass
from decimal import Decimal

from guside_cli.core.errors import InputError
from guside_cli.messages import M

_TRUE = {"true", "yes", "1", "on", "是"}
_FALSE = {"false", "no", "0", "off", "否"}


@dataclass(frozen=True)
class Setting:
    key: str
    default: str
    help: str  # a catalogue id: setting.help.<key>
    kind: str = "bool"
    choices: tuple[str, ...] = ()

    def parse(self, text: str) -> str:
        if self.kind == "choice":
            value = text.strip().lower()
            if value not in self.choices:
                raise InputError(M("calendar.choice", key=self.key, choices="|".join(self.choices), value=text))
            return value
        if self.kind == "percent":
            from decimal import Decimal, InvalidOperation

            try:
                number = Decimal(text.strip().rstrip("%"))
            except InvalidOperation:
                raise InputError(M("setting.not_percent", key=self.key, text=text)) from None
            if not number.is_finite():
                raise InputError(M("setting.not_percent", key=self.key, text=text))
            if not Decimal(0) <= number <= Decimal(100):
                raise InputError(M("setting.percent_range", key=self.key, text=text))
            return str(number)
        if self.kind == "rise":
            return parse_rise(text, self.key)
        if self.kind == "text":
            from guside_cli.core.text import clean

            value = " ".join((clean(text) or "").split())
            if not value or len(value) > 50:
                raise InputError(M("setting.short_text", key=self.key))
            return value
        value = text.strip().lower()
        if value in _TRUE:
            return "true"
        if value in _FALSE:
            return "false"
        raise InputError(M("setting.not_bool", key=self.key, text=text))


SETTINGS = {
    s.key: s
    for s in (
        Setting(
            "deadline.roll_weekends",
            "false",
            "setting.help.deadline.roll_weekends",
        ),
        Setting(
            "deadline.calendar",
            "official",
            "setting.help.deadline.calendar",
            kind="choice",
            choices=("plain", "official"),
        ),
        Setting("town.name", "顾山镇", "setting.help.town.name", kind="text"),
        Setting(
            "veto.measure",
            "items",
            "setting.help.veto.measure",
            kind="choice",
            choices=("items", "persons"),
        ),
        Setting(
            "bulletin.closure_threshold",
            "80",
            "setting.help.bulletin.closure_threshold",
            kind="percent",
        ),
        Setting(
            "bulletin.rise_threshold",
            "2,50",
            "setting.help.bulletin.rise_threshold",
            kind="rise",
        ),
    )
}


def parse_rise(text: str, key: str = "bulletin.rise_threshold") -> str:
    """'2,50' (also '2/50%', '2，50'): a rise of at least 2 petitions and at least 50 %."""
    import re
    from decimal import InvalidOperation

    parts = [x for x in re.split(r"[,/，、\s]+", text.strip().rstrip("%")) if x]
    try:
        count, share = int(parts[0]), Decimal(parts[1].rstrip("%"))
    except (IndexError, ValueError, InvalidOperation):
        raise InputError(M("setting.rise", key=key, text=text)) from None
    if len(parts) != 2 or count < 1 or not Decimal(0) <= share <= Decimal(1000):
        raise InputError(M("setting.rise", key=key, text=text))
    return f"{count},{share}"


def rise_threshold(value: str) -> tuple[int, Decimal]:
    count, share = value.split(",")
    return int(count), Decimal(share)


def setting(key: str) -> Setting:
    if key not in SETTINGS:
        raise InputError(M("setting.unknown", key=key, known=", ".join(SETTINGS)))
    return SETTINGS[key]


def as_bool(value: str) -> bool:
    return value == "true"
