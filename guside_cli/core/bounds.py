"""Input that cannot be true: years, dates and numbers outside what a town's ledger can hold."""

from datetime import date
from decimal import Decimal, InvalidOperation

from guside_cli.core.errors import InputError
from guside_cli.messages import M

FIRST_YEAR, LAST_YEAR = 1949, 9998  # no petition ledger before the People's Republic; 9999 has no next year
FIRST_DAY, LAST_DAY = date(1900, 1, 1), date(LAST_YEAR, 12, 31)  # any date the tool reads at all
FIRST_RECEIPT = date(FIRST_YEAR, 1, 1)


def check_year(year: int) -> int:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise InputError(M("trust.year.out_of_range", value=year))
    return year


def check_day(day: date, text: str) -> date:
    """A date any option may name: between 1900 and 9998, so that arithmetic on it (a due date, the week
    around it, the year before it) never leaves the calendar."""
    if not FIRST_DAY <= day <= LAST_DAY:
        raise InputError(M("trust.date.far", value=text))
    return day


def check_receipt(day: date, today: date) -> date:
    """A petition cannot be received after today or before 1949."""
    if not FIRST_RECEIPT <= day <= today:
        raise InputError(M("trust.date.out_of_range", value=day.isoformat(), today=today.isoformat()))
    return day


def finite_decimal(text: str, field: str) -> Decimal:
    """A decimal number as typed; NaN, sNaN and infinities are refused (they compare as errors or as always
    larger, and would reach reports)."""
    try:
        value = Decimal(str(text).strip())
    except (InvalidOperation, ValueError):
        raise InputError(M("trust.number.not_finite", field=field, value=str(text)[:40])) from None
    if not value.is_finite():
        raise InputError(M("trust.number.not_finite", field=field, value=str(text)[:40]))
    return Decimal(format(value, "f"))  # written plainly (1e1 is 10): stored and shown as typed by a person
