"""How long an SMS really is: encoding, segments, and what forces the costly encoding.

An SMS is sent in GSM-7 (160 characters, or 153 per segment once split, the extension-table
characters such as ``€`` or ``[`` counting two) unless a single character is outside that alphabet
(an emoji, ``œ``, ``ê``, a typographic apostrophe...), in which case the whole message goes as UCS-2:
70 UTF-16 units, 67 per segment, an emoji outside the BMP counting two. A segment never splits an
escape pair or a surrogate pair, so segments are packed the way phones pack them, not just divided.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

#: GSM 03.38 basic character set (the escape character itself left out).
GSM7_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
#: GSM 03.38 extension table: each is sent as escape + character, two septets.
GSM7_EXTENSION = frozenset("\f^{}\\[~]|€")

GSM7_SINGLE = 160
GSM7_MULTI = 153
UCS2_SINGLE = 70
UCS2_MULTI = 67


class SmsEncoding(StrEnum):
    GSM7 = "gsm7"
    UCS2 = "ucs2"


@dataclass(frozen=True, slots=True)
class SmsCount:
    """The size of a message: ``units`` are septets (GSM-7) or UTF-16 code units (UCS-2)."""

    encoding: SmsEncoding
    units: int
    segments: int
    per_segment: int  # the capacity that applies: single-segment or concatenated
    remaining: int  # units left in the last segment before another one starts
    non_gsm: tuple[str, ...]  # distinct characters that forced UCS-2, in order of appearance


def is_gsm7(char: str) -> bool:
    return char in GSM7_BASIC or char in GSM7_EXTENSION


def _units(text: str, encoding: SmsEncoding) -> list[int]:
    if encoding is SmsEncoding.GSM7:
        return [2 if ch in GSM7_EXTENSION else 1 for ch in text]
    return [2 if ord(ch) > 0xFFFF else 1 for ch in text]


def count_sms(text: str) -> SmsCount:
    """Encoding, units and segments of ``text`` sent as one (possibly concatenated) SMS."""
    non_gsm = tuple(dict.fromkeys(ch for ch in text if not is_gsm7(ch)))
    encoding = SmsEncoding.UCS2 if non_gsm else SmsEncoding.GSM7
    single, multi = (UCS2_SINGLE, UCS2_MULTI) if non_gsm else (GSM7_SINGLE, GSM7_MULTI)
    units = _units(text, encoding)
    total = sum(units)
    if total == 0:
        return SmsCount(encoding, 0, 0, single, single, non_gsm)
    if total <= single:
        return SmsCount(encoding, total, 1, single, single - total, non_gsm)
    segments, used = 1, 0
    for unit in units:
        # A two-unit character that does not fit moves whole to the next segment.
        if used + unit > multi:
            segments += 1
            used = 0
        used += unit
    return SmsCount(encoding, total, segments, multi, multi - used, non_gsm)


_TYPOGRAPHY_TO_GSM = {
    "\u2019": "'",
    "\u2018": "'",
    "\u201a": "'",
    "\u2032": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u00a0": " ",
    "\u202f": " ",
    "\u2009": " ",
    "\u2007": " ",
    "\u2013": "-",
    "\u2014": "-",
    "\u2010": "-",
    "\u2011": "-",
    "\u2026": "...",
}


def gsm_friendly(text: str) -> str:
    """Replace typographic punctuation and spaces that look the same on a phone with GSM-7 ones.

    Letters are never touched (an ``ê`` stays an ``ê``): only apostrophes, quotes, dashes, the
    ellipsis and non-breaking spaces, which alone would otherwise halve the SMS capacity.
    French guillemets become straight quotes hugging the quoted words.
    """
    text = text.replace("«\u00a0", '"').replace("«\u202f", '"').replace("« ", '"')
    text = text.replace("\u00a0»", '"').replace("\u202f»", '"').replace(" »", '"')
    text = text.replace("«", '"').replace("»", '"')
    return "".join(_TYPOGRAPHY_TO_GSM.get(ch, ch) for ch in text)
