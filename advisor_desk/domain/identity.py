"""Normalising what identifies a customer, so search finds them however it was typed.

A phone is stored and searched as its digits in international form ("+33 6 12 34 56 78",
"06.12.34.56.78" and "0033612345678" all become "33612345678"); e-mails and handles are lower-cased.
"""

from __future__ import annotations

import re

_NON_DIGITS = re.compile(r"\D+")


def normalise_phone(text: str, default_country_code: str = "33") -> str:
    """Digits of a phone number in international form, without '+' (empty when not a phone)."""
    text = text.strip()
    digits = _NON_DIGITS.sub("", text)
    if not digits:
        return ""
    if text.startswith("+"):
        return digits
    if digits.startswith("00"):
        return digits[2:]
    if digits.startswith("0") and len(digits) == 10:
        return default_country_code + digits[1:]
    return digits


def phone_search_variants(text: str) -> list[str]:
    """Forms under which a partly typed phone may be indexed ("06 12" -> ["0612", "33612"])."""
    digits = _NON_DIGITS.sub("", text)
    if len(digits) < 2:
        return []
    variants = [digits]
    if digits.startswith("0") and not digits.startswith("00"):
        variants.append("33" + digits[1:])
    elif digits.startswith("00"):
        variants.append(digits[2:])
    return variants


def normalise_email(text: str) -> str:
    return text.strip().lower()


def normalise_handle(text: str) -> str:
    return text.strip().lower().lstrip("@")
