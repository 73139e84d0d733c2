"""Search as you type: what goes into the full-text index, and turning typed text into a safe query.

Whatever the user types becomes a query FTS5 cannot misread: the text is cut into word tokens, each
token is quoted and given a prefix star, so quotes, ``AND``/``OR``/``NEAR``, ``*``, parentheses, a
lone ``-`` or emoji are plain text (or nothing), never syntax and never an error. Phones are indexed
under every form a person may type them in ("+33 6 12 34 56 78", "06 12 34 56 78", "6 12 34 56 78"),
and text that looks like a phone is searched as its digits.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache

from advisor_desk.cache.views import MatchedField
from advisor_desk.domain.identity import (
    normalise_email,
    normalise_handle,
    normalise_phone,
    phone_search_variants,
)
from advisor_desk.domain.model import Customer

#: Word characters as FTS5's unicode61 tokenizer sees them (letters and digits; "_" separates).
_WORD = re.compile(r"[^\W_]+")
_PHONE_LIKE = re.compile(r"[\d\s+().\-/]+")
_NON_ALNUM = re.compile(r"[\W_]+")
_DIGITS = re.compile(r"\D+")
MAX_QUERY_CHARS = 200
MAX_TOKENS = 12
#: Interaction text is searched only for words of this many characters or more: one or two letters
#: match most of 200,000 messages and would say nothing useful.
MIN_TEXT_SEARCH_CHARS = 3


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Lower-case without accents, the way the index compares ("Élodie" -> "elodie")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def tokens(text: str) -> list[str]:
    text = unicodedata.normalize("NFC", text[:MAX_QUERY_CHARS])
    return _WORD.findall(text)[:MAX_TOKENS]


def _quoted_prefix(token: str) -> str:
    # A token is made of word characters only, so it can hold no quote: quoting makes AND, OR,
    # NEAR and NOT literal words.
    return f'"{token}"*'


def phone_digits_variants(text: str) -> list[str]:
    """The digit strings a phone-looking text may be indexed under (empty when it is not one)."""
    stripped = text.strip()[:MAX_QUERY_CHARS]
    if not stripped or not _PHONE_LIKE.fullmatch(stripped):
        return []
    variants = phone_search_variants(stripped)
    if stripped.startswith("+"):
        digits = _DIGITS.sub("", stripped)
        variants = [digits] if len(digits) >= 2 else []
    return list(dict.fromkeys(variants))


def fts_query(text: str) -> str | None:
    """A safe FTS5 query for typed text: every token as a quoted prefix, all required.

    Returns None when the text holds nothing searchable (only punctuation or emoji).
    """
    words = tokens(text)
    if not words:
        return None
    phones = phone_digits_variants(text)
    if phones:
        # Digits typed in groups ("06 12 34", "2026 0012"): searched as one number, under each form
        # it is indexed in (phones, loyalty cards and order numbers all have a digits-only form).
        return " OR ".join(_quoted_prefix(v) for v in phones)
    return " AND ".join(_quoted_prefix(w) for w in words)


#: Longest prefix the interaction-text index holds (migration 0004): longer ones are slow to expand.
TEXT_PREFIX_MAX = 6


def text_query(text: str) -> str | None:
    """The FTS query for interaction text: each word cut to the longest indexed prefix.

    It finds a superset of the messages (fast, from the prefix index); :func:`body_matches` then
    keeps those that really contain every typed word.
    """
    words = tokens(text)
    if not words:
        return None
    return " AND ".join(_quoted_prefix(w[:TEXT_PREFIX_MAX]) for w in words)


def body_matches(text: str, body: str) -> bool:
    """Whether every word typed starts a word of ``body`` (accents and case folded)."""
    wanted = [fold(w) for w in tokens(text)]
    words = set(_WORD.findall(fold(body)))
    return all(any(w.startswith(q) for w in words) for q in wanted)


def worth_text_search(text: str) -> bool:
    """Whether interaction text is worth searching: words of three letters or more, not a phone,
    e-mail or number (those are identity, and short prefixes match most of the messages)."""
    words = tokens(text)
    if not words or "@" in text or phone_digits_variants(text):
        return False
    return all(len(w) >= MIN_TEXT_SEARCH_CHARS for w in words) and not any(w.isdigit() for w in words)


def _phone_forms(phone: str) -> list[str]:
    full = normalise_phone(phone)
    if not full:
        return []
    forms = [full, _DIGITS.sub("", phone)]
    if full.startswith("33") and len(full) == 11:
        forms += ["0" + full[2:], full[2:]]
    return list(dict.fromkeys(forms))


def _compact(text: str) -> str:
    return _NON_ALNUM.sub("", text)


def customer_search_columns(customer: Customer, order_numbers: Iterable[str]) -> dict[str, str]:
    """The text indexed for a customer, one FTS column per kind of identity."""
    numbers = list(order_numbers)
    order_terms: list[str] = []
    for number in numbers:
        order_terms += [number, _compact(number), _DIGITS.sub("", number)]
    loyalty = customer.loyalty_card or ""
    return {
        "search_name": " ".join(p for p in (customer.first_name, customer.last_name) if p),
        "search_emails": " ".join(normalise_email(e) for e in customer.emails),
        "search_phones": " ".join(f for p in customer.phones for f in _phone_forms(p)),
        "search_handles": " ".join(
            f for h in customer.social_handles for f in (normalise_handle(h), _compact(h))
        ),
        "search_loyalty": " ".join(dict.fromkeys(t for t in (loyalty, _compact(loyalty)) if t)),
        "search_orders": " ".join(dict.fromkeys(t for t in order_terms if t)),
    }


def interaction_body(data: dict[str, object]) -> str:
    """The indexed text of an interaction (its message, and an e-mail's subject)."""
    text = data.get("text")
    body = text if isinstance(text, str) else ""
    details = data.get("details")
    if isinstance(details, dict):
        subject = details.get("subject")
        if isinstance(subject, str) and subject:
            body = f"{subject}\n{body}"
    return body


@lru_cache(maxsize=8192)
def _words(value: str) -> tuple[str, ...]:
    return (*_WORD.findall(fold(value)), fold(_compact(value)))


class Matcher:
    """Says which identity field typed text found, to show it under the customer's name.

    Built once per search; ``match`` runs for each hit.
    """

    def __init__(self, text: str) -> None:
        self.phones = phone_digits_variants(text)
        self.words = [fold(w) for w in tokens(text)]

    def _all(self, value: str) -> bool:
        words = _words(value)
        return all(any(w.startswith(q) for w in words) for q in self.words)

    def _any(self, value: str) -> bool:
        words = _words(value)
        return any(any(w.startswith(q) for w in words) for q in self.words)

    def match(self, customer: Customer, order_numbers: Sequence[str]) -> tuple[MatchedField, str]:
        if self.phones:
            for phone in customer.phones:
                if any(f.startswith(v) for f in _phone_forms(phone) for v in self.phones):
                    return MatchedField.PHONE, phone
        fields: list[tuple[MatchedField, Sequence[str]]] = [
            (MatchedField.NAME, [customer.display_name]),
            (MatchedField.EMAIL, customer.emails),
            (MatchedField.PHONE, customer.phones),
            (MatchedField.HANDLE, customer.social_handles),
            (MatchedField.LOYALTY_CARD, [customer.loyalty_card] if customer.loyalty_card else []),
            (MatchedField.ORDER, order_numbers),
        ]
        if self.words:
            for test in (self._all, self._any):
                for field, values in fields:
                    for value in values:
                        if test(value):
                            return field, value
        return MatchedField.NAME, customer.display_name


def what_matched(customer: Customer, order_numbers: Sequence[str], text: str) -> tuple[MatchedField, str]:
    """Which identity field the typed text found (one-off form of :class:`Matcher`)."""
    return Matcher(text).match(customer, order_numbers)


def snippet(body: str, text: str, width: int = 80) -> str:
    """A short excerpt of ``body`` around the first typed word it contains."""
    folded = fold(body)
    for word in (fold(w) for w in tokens(text)):
        at = folded.find(word)
        if at >= 0:
            start = max(0, at - width // 3)
            excerpt = body[start : start + width].replace("\n", " ")
            return ("…" if start else "") + excerpt + ("…" if start + width < len(body) else "")
    return body[:width].replace("\n", " ")
