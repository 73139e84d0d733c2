"""Money as integer cents with an ISO 4217 currency, and parsing of what a person types.

Floats never touch an amount: a goodwill gesture is real money and must add up to the cent on the
workstation, on the server and in the team lead's totals.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

#: The largest amount any single value may carry (one million in the currency's main unit). Anything
#: above is a typing accident, not a goodwill gesture.
MAX_AMOUNT_CENTS = 100_000_000

_CURRENCY_RE = re.compile(r"^[A-Z]{3}$")


class MoneyError(ValueError):
    """An amount or currency that cannot be used."""


@dataclass(frozen=True, slots=True, order=True)
class Money:
    """An amount in the smallest unit of ``currency`` (cents for EUR, GBP, USD)."""

    cents: int
    currency: str

    def __post_init__(self) -> None:
        if isinstance(self.cents, bool) or not isinstance(self.cents, int):
            raise MoneyError("amount must be an integer number of cents")
        if not _CURRENCY_RE.match(self.currency):
            raise MoneyError(f"not an ISO 4217 currency code: {self.currency!r}")

    def __add__(self, other: Money) -> Money:
        self._same_currency(other)
        return Money(self.cents + other.cents, self.currency)

    def __sub__(self, other: Money) -> Money:
        self._same_currency(other)
        return Money(self.cents - other.cents, self.currency)

    def _same_currency(self, other: Money) -> None:
        if other.currency != self.currency:
            raise MoneyError(f"cannot mix {self.currency} and {other.currency}")

    @classmethod
    def zero(cls, currency: str) -> Money:
        return cls(0, currency)


class AmountProblem(StrEnum):
    """Why typed text is not an acceptable positive amount (UI layers translate these)."""

    EMPTY = "empty"
    NOT_A_NUMBER = "not_a_number"
    NEGATIVE = "negative"
    ZERO = "zero"
    TOO_MANY_DECIMALS = "too_many_decimals"
    TOO_LARGE = "too_large"


class AmountParseError(MoneyError):
    def __init__(self, problem: AmountProblem, text: str) -> None:
        super().__init__(f"{problem.value}: {text!r}")
        self.problem = problem
        self.text = text


_SPACES = re.compile(r"[\s\u00a0\u202f']")


def parse_amount(text: str, decimal_point: str = ".", group_separator: str = "") -> int:
    """Parse a positive amount typed in the user's locale into cents.

    ``decimal_point`` is the locale's separator ("," in French, "." in English). The other common
    separator is accepted as a decimal point too when the text holds only one of them and it is
    followed by one or two digits, so "12.50" typed on a French desk still means 12,50 €. Currency
    symbols around the number are ignored. Raises :class:`AmountParseError` with a problem code.
    """
    raw = text
    text = text.strip().replace("€", "").replace("$", "").replace("£", "").strip()
    for code in ("EUR", "USD", "GBP", "CHF"):
        text = text.replace(code, "")
    text = _SPACES.sub("", text)
    if group_separator and group_separator not in (decimal_point, " ", "\u00a0", "\u202f"):
        # "1,234.50" in English: drop group separators only when they sit before the decimal point.
        head, sep, tail = text.partition(decimal_point)
        text = head.replace(group_separator, "") + sep + tail
    if not text:
        raise AmountParseError(AmountProblem.EMPTY, raw)
    negative = text.startswith("-") or text.endswith("-")
    text = text.strip("+-")
    other = "," if decimal_point == "." else "."
    if decimal_point not in text and text.count(other) == 1:
        text = text.replace(other, decimal_point)
    if not re.fullmatch(
        r"\d+(?:" + re.escape(decimal_point) + r"\d*)?|" + re.escape(decimal_point) + r"\d+", text
    ):
        raise AmountParseError(AmountProblem.NOT_A_NUMBER, raw)
    whole, _, fraction = text.partition(decimal_point)
    if len(fraction) > 2:
        if fraction.rstrip("0") and len(fraction.rstrip("0")) > 2:
            raise AmountParseError(AmountProblem.TOO_MANY_DECIMALS, raw)
        fraction = fraction[:2]
    if len(whole) > 12:
        raise AmountParseError(AmountProblem.TOO_LARGE, raw)
    cents = int(whole or "0") * 100 + int((fraction + "00")[:2])
    if negative and cents:
        raise AmountParseError(AmountProblem.NEGATIVE, raw)
    if cents == 0:
        raise AmountParseError(AmountProblem.ZERO, raw)
    if cents > MAX_AMOUNT_CENTS:
        raise AmountParseError(AmountProblem.TOO_LARGE, raw)
    return cents


def format_cents_plain(cents: int, decimal_point: str = ".") -> str:
    """Format cents as a bare number ("12.50"), for fields and exports; the UI uses QLocale for display."""
    sign = "-" if cents < 0 else ""
    cents = abs(cents)
    return f"{sign}{cents // 100}{decimal_point}{cents % 100:02d}"
