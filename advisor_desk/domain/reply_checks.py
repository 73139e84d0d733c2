"""The checks a reply goes through before it is sent, each with a stable code and a reason.

What they guard, from the practice the product is built on: a complaint is answered empathy first,
then with a solution; the answer is personal (the customer's name, the specifics of their case) and
detailed enough (one answer in five is judged too terse); it fits the channel (280 characters on
Twitter/X as Twitter counts them, SMS segments shown); it never asks the customer for a given score
(asking for "a 9 or a 10" corrupts satisfaction measures); it leaves no value unfilled; and a new
complaint gets an acknowledgement of receipt.

Severities: ``block`` cannot be sent as is (unfilled value, score-begging, over the channel's
length); ``override`` can be sent once the advisor explicitly confirms (terse, impersonal, empathy
missing or not first); ``info`` is shown only. Codes are stable strings the UI translates.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache

from advisor_desk.domain.channels import Channel
from advisor_desk.domain.model import CaseKind, Language
from advisor_desk.domain.scripts import ReplyDraft
from advisor_desk.domain.sms import count_sms
from advisor_desk.domain.templates import find_markers

TWITTER_LIMIT = 280
#: Longest SMS we send: past this many segments the message costs and reads badly; call or e-mail.
MAX_SMS_SEGMENTS = 6
#: Minimum words (signature excluded) for channels where a reply is expected to be detailed.
MIN_WORDS: dict[Channel, int] = {Channel.EMAIL: 60, Channel.LETTER: 60, Channel.WEB_FORM: 60}


class Severity(StrEnum):
    BLOCK = "block"
    OVERRIDE = "override"
    INFO = "info"


class CheckCode(StrEnum):
    PLACEHOLDERS_FILLED = "placeholders_filled"
    SCORE_BEGGING = "score_begging"
    TWITTER_LENGTH = "twitter_length"
    SMS_SEGMENTS = "sms_segments"
    SUBSTANCE = "substance"
    EMPATHY_PRESENT = "empathy_present"
    EMPATHY_FIRST = "empathy_first"
    PERSONAL_NAME = "personal_name"
    PERSONAL_SPECIFICS = "personal_specifics"
    ACKNOWLEDGEMENT = "acknowledgement"


@dataclass(frozen=True, slots=True)
class CheckResult:
    """One check: ``severity`` is what a failure means; ``detail`` feeds the UI's explanation."""

    code: CheckCode
    passed: bool
    severity: Severity
    detail: Mapping[str, object] = field(default_factory=dict)

    @property
    def blocks(self) -> bool:
        return not self.passed and self.severity is Severity.BLOCK

    @property
    def needs_override(self) -> bool:
        return not self.passed and self.severity is Severity.OVERRIDE


@dataclass(frozen=True, slots=True)
class SendVerdict:
    allowed: bool
    blocking: tuple[CheckCode, ...]
    unconfirmed: tuple[CheckCode, ...]  # failures that need an override the advisor has not given


def sending_verdict(results: Sequence[CheckResult], overridden: Collection[CheckCode] = ()) -> SendVerdict:
    """Whether the reply may go: no blocking failure, and every override-level failure confirmed."""
    blocking = tuple(r.code for r in results if r.blocks)
    unconfirmed = tuple(r.code for r in results if r.needs_override and r.code not in overridden)
    return SendVerdict(not blocking and not unconfirmed, blocking, unconfirmed)


# --- text folding (accents, case, typographic variants) with a map back to the original ---------------

_ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")
_APOSTROPHES = frozenset("\u2019\u2018\u02bc\u00b4`\u2032")
_DASHES = frozenset("\u2010\u2011\u2012\u2013\u2014\u2212")
_LIGATURES = {"œ": "oe", "æ": "ae", "ß": "ss"}


@lru_cache(maxsize=4096)  # bounded: text from anywhere must not grow memory without limit
def _fold_char(char: str) -> str:
    if char in _ZERO_WIDTH:
        return ""
    lowered = char.lower()
    if lowered in _LIGATURES:
        return _LIGATURES[lowered]
    if char in _APOSTROPHES:
        return "'"
    if char in _DASHES:
        return "-"
    if char.isspace():
        return " "
    if lowered == "à":
        # Kept: in French "à 10" is a time or a place, while "a 10" in English asks for a score.
        return "à"
    return "".join(c for c in unicodedata.normalize("NFKD", lowered) if not unicodedata.combining(c))


def fold(text: str) -> tuple[str, list[int]]:
    """Lower-case ``text`` without accents or typographic variants, and where each character came from.

    Zero-width characters are dropped (they are a way around a filter), every kind of space becomes a
    plain space, typographic apostrophes and dashes their ASCII form.
    """
    out: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        piece = _fold_char(char)
        if piece:
            out.append(piece)
            origin.extend([index] * len(piece))
    return "".join(out), origin


# --- score-begging --------------------------------------------------------------------------------------

# A scale described neutrally ("de 1 à 5", "from 0 to 10", "on a scale of 1-10") is blanked out first.
_RANGE = re.compile(
    r"\b(?:de|from|entre|between|of)?\s*(?:0|1|zero|un|one)\s*(?:a|à|to|et|and|-|/)\s*(?:5|10|cinq|dix|five|ten)\b"
)
_NUMBER_HIGH = r"(?:[4-9]|10|quatre|cinq|sept|huit|neuf|dix|four|five|seven|eight|nine|ten)"
_MONTHS = (
    r"janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre"
    r"|january|february|march|april|may|june|july|august|september|october|november|december"
)
# A bare number is a score only when it is not an amount, a quantity, a time or a date.
_NOT_A_QUANTITY = (
    r"(?!\s*(?:[.,/:h]?\d|%|€|\$|£|-?\s*(?:eur\b|euros?\b|centimes?\b|cents?\b|gbp\b|usd\b|min\b|minutes?\b"
    r"|h\b|heures?\b|hours?\b|jours?\b|days?\b|semaines?\b|weeks?\b|mois\b|months?\b|ans\b|annees?\b"
    r"|years?\b|articles?\b|items?\b|produits?\b|products?\b|colis\b|parcels?\b|packages?\b|fois\b"
    r"|times\b|pieces?\b|points?\b|personnes?\b|people\b|clients?\b|customers?\b|ml\b|cm\b|mm\b|kg\b"
    r"|percent\b|pourcent\b|pour\s+cent\b|off\b|discount\b|remise\b|reduction\b|rabais\b"
    rf"|g\b|m\b|x\b|pm\b|am\b|{_MONTHS})))"
)
_SCORE = (
    r"(?:"
    # 9/10, 5 sur 5, 10 out of 10
    rf"{_NUMBER_HIGH}\s*(?:/|sur|out of)\s*(?:5|10|cinq|dix|five|ten)\b"
    # 5 étoiles, five-star, 5 stars
    r"|(?:[3-5]|trois|quatre|cinq|three|four|five)\s*(?:etoiles?|stars?)\b"
    # 9 ou 10, a 9 or a 10
    r"|(?:[7-9]|10|sept|huit|neuf|dix|seven|eight|nine|ten)\s+(?:ou|or)\s+(?:un\s+|une\s+|a\s+)?"
    r"(?:[8-9]|10|huit|neuf|dix|eight|nine|ten)\b"
    # un 10, la note de 10, a 10, a score of 9 ("à", kept apart by fold(), is not an article)
    r"|(?:\bun|\bune|\ba|\ban|\bnote\s+de|\bnotes?|\bscore\s+of|\brating\s+of|\bmark\s+of|\bgrade\s+of)\s+"
    rf"{_NUMBER_HIGH}\b{_NOT_A_QUANTITY}"
    # la meilleure note, the highest score, top marks, a good review
    r"|(?:meilleure|excellente|(?:tres\s+)?bonne|top|best|highest|high|maximum|maximale?|max|perfect"
    r"|parfaite|great|good|excellent|glowing|positive)\s+(?:note|score|rating|mark|grade|evaluation"
    r"|appreciation|review)\b"
    # un avis positif, une note maximale
    r"|\b(?:avis|note|evaluation|commentaire|appreciation)\s+(?:positif|positive|favorable|excellente?"
    r"|maximale?|maximum|parfaite|elogieux|elogieuse|au\s+top)\b"
    r"|\b(?:top|full)\s+marks|\b10\s*/\s*10\b|\bdix\s+sur\s+dix\b"
    r")"
)
# Asking: imperatives and infinitives of giving/rating, and wishes ("we'd love", "nous aimerions").
_SOLICIT = (
    r"(?:\b(?:mett(?:ez|re|s|ons)|donn(?:ez|er|ons)|not(?:ez|er)|attribu(?:ez|er)|accord(?:ez|er)"
    r"|laiss(?:ez|er)|coch(?:ez|er)|choisi(?:ssez|r)|selectionn(?:ez|er)|evalu(?:ez|er)"
    r"|aimerions|souhaiterions|souhaitons|esperons|comptons\s+sur|meritons|meriter|visons|repond(?:ez|re)"
    r"|indiqu(?:ez|er)|vot(?:ez|er)|envisag(?:ez|er)"
    r"|give|giving|rate|rating|score|leave|leaving|mark|award|select|choose|pick|tick|click|circle"
    r"|answer|respond|reply|put|vote|consider|aim\s+for|aiming\s+for"
    r"|(?:we'?d|we\s+would|i'?d|i\s+would)\s+(?:love|appreciate|like)|hope\s+for|hoping\s+for"
    r"|deserve|count\s+on)\b)"
)
# Ticking a number in the survey: "cochez 10", "select 9 or 10", "choisissez le 10".
_PICK_NUMBER = (
    r"\b(?:coch(?:ez|er)|selectionn(?:ez|er)|choisi(?:ssez|r)|entourez|tick|select|circle|choose|pick)\s+"
    rf"(?:le\s+|la\s+|the\s+)?(?:9|10|neuf|dix|nine|ten)\b{_NOT_A_QUANTITY}"
)
# Ticking the top answer of a satisfaction scale: "cochez « très satisfait »", "select Very satisfied".
_PICK_LABEL = (
    r"\b(?:coch(?:ez|er)|selectionn(?:ez|er)|choisi(?:ssez|r)|repond(?:ez|re)|indiqu(?:ez|er)|tick|select"
    r"|circle|choose|pick|answer)\b[^.!?;\n]{0,25}?"
    r"(?:tres\s+satisfaite?s?|extremement\s+satisfaite?s?|very\s+satisfied|extremely\s+(?:satisfied|likely)"
    r"|tout\s+a\s+fait\s+satisfaite?s?|[\"“«]\s*excellent)\b"
)
_RATE_ADVERB = (
    r"\b(?:rate|score|review|notez|noter|evaluez|evaluer)\s+(?:us|nous|notre\s+service|our\s+service)?\s*"
    r"(?:highly|positively|favou?rably|positivement|favorablement|au\s+maximum|at\s+the\s+top)\b"
)
_WINDOW = r"[^.!?;\n]{0,60}?"
_HOPE = (
    r"(?:\b(?:serait|seraient|nous\s+aiderait|nous\s+ferait|compterait|compte\s+beaucoup|changerait"
    r"|would|will\s+help|helps|means|matters|counts)\b)"
)
_SCORE_BEGGING = [
    re.compile(_SOLICIT + _WINDOW + _SCORE),
    re.compile(_SCORE + r"[^.!?;\n]{0,25}?" + _HOPE),
    re.compile(_RATE_ADVERB),
    re.compile(_PICK_NUMBER),
    re.compile(_PICK_LABEL),
    # "une bonne note commence à 9", "anything below a 9 counts as..."
    re.compile(
        r"\bbonne\s+note\s+(?:commence|debute|c'est|est)\b[^.!?\n]{0,20}?\b(?:9|10|neuf|dix)\b"
        r"|\b(?:en\s+dessous\s+de|moins\s+de|below|under|less\s+than)\s+(?:un\s+|a\s+)?(?:9|10|neuf|dix|nine|ten)\b"
        r"[^.!?\n]{0,40}?\b(?:compte|counts?|considere|considered|negati)"
    ),
]


def score_begging(text: str) -> list[tuple[int, int]]:
    """Places in ``text`` where the customer is asked for a given score, in French or English.

    A neutral invitation to give one's opinion or a described scale ("vous pourrez évaluer notre
    service de 1 à 5", "how would you rate us?") is not score-begging; asking for a number, a star
    count or "the best mark" is.
    """
    folded, origin = fold(text)
    folded = _RANGE.sub(lambda m: " " * len(m.group(0)), folded)
    folded = folded.replace("-", " ")
    spans: list[tuple[int, int]] = []
    for pattern in _SCORE_BEGGING:
        for match in pattern.finditer(folded):
            start, end = match.span()
            spans.append((origin[start], origin[end - 1] + 1))
    return sorted(set(spans))


# --- empathy ---------------------------------------------------------------------------------------------

_EMPATHY = re.compile(
    r"\b(?:desole|desolee|desoles|desolees|navre|navree|navres|regrett\w*|excuse\w*|pardon\w*"
    r"|comprends|comprenons|comprehensible|comprehension|imagine\w*|sincere\w*|agacement|agace\w*"
    r"|deception|decu|decue|decus|frustr\w*|inquiet\w*|contrari\w*|mesaventure|desagrement\w*"
    r"|pas\s+normal|[aà]\s+votre\s+place|ennui\w*|peine|touche\w*|sorry|apolog\w*|understand\w*"
    r"|disappoint\w*|regret\w*|upset\w*|annoy\w*|inconvenien\w*|hassle|ordeal|worr\w*|must\s+have\s+been"
    r"|heartfelt|distress\w*|unacceptable|inacceptable|not\s+what\s+you|pas\s+ce\s+que\s+vous)\b"
)
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n")


def empathy_positions(text: str) -> list[int]:
    """Where ``text`` expresses empathy (apology, understanding, regret), in either language."""
    folded, origin = fold(text)
    return [origin[m.start()] for m in _EMPATHY.finditer(folded)]


def _early_limit(text: str, sentences: int = 3) -> int:
    """End of the first ``sentences`` sentences (the greeting line counts as one)."""
    position = 0
    for _ in range(sentences):
        match = _SENTENCE_END.search(text, position)
        if match is None:
            return len(text)
        position = match.end()
    return position


# --- lengths --------------------------------------------------------------------------------------------

_URL = re.compile(r"https?://\S+", re.IGNORECASE)
_TWITTER_LIGHT = ((0x0000, 0x10FF), (0x2000, 0x200D), (0x2010, 0x201F), (0x2032, 0x2037))
_TWITTER_URL_LENGTH = 23
_ZWJ = 0x200D
_VARIATION = (0xFE0E, 0xFE0F)
_KEYCAP = 0x20E3


def _pictographic(code: int) -> bool:
    return (
        0x1F000 <= code <= 0x1FAFF
        or 0x2600 <= code <= 0x27BF
        or 0x2300 <= code <= 0x23FF
        or 0x2B00 <= code <= 0x2BFF
        or code in (0x3030, 0x303D, 0x3297, 0x3299)
    )


def _emoji_continuation(code: int) -> bool:
    return code in _VARIATION or code == _KEYCAP or 0x1F3FB <= code <= 0x1F3FF or 0xE0020 <= code <= 0xE007F


def twitter_length(text: str) -> int:
    """Length of ``text`` as Twitter/X counts it against 280 (its "weighted length", twitter-text v3).

    The text is NFC-normalised (so "é" typed as e + accent counts once); Latin, accented letters and
    common punctuation count 1; an emoji counts 2 however many code points build it (skin tone, ZWJ
    family, flag, keycap); other scripts (CJK...) count 2; every http(s) link counts 23.
    """
    text = unicodedata.normalize("NFC", text)
    total = _TWITTER_URL_LENGTH * sum(1 for _ in _URL.finditer(text))
    text = _URL.sub("", text)
    codes = [ord(c) for c in text]
    i, n = 0, len(codes)
    while i < n:
        code = codes[i]
        following = codes[i + 1] if i + 1 < n else -1
        if 0x1F1E6 <= code <= 0x1F1FF and 0x1F1E6 <= following <= 0x1F1FF:
            total += 2  # a flag: two regional indicators
            i += 2
            continue
        keycap = (chr(code) in "0123456789#*") and (
            following == _KEYCAP or (following == 0xFE0F and i + 2 < n and codes[i + 2] == _KEYCAP)
        )
        if _pictographic(code) or keycap or (following == 0xFE0F and code > 0x7F):
            j = i + 1
            while j < n:
                if _emoji_continuation(codes[j]):
                    j += 1
                elif codes[j] == _ZWJ and j + 1 < n and _pictographic(codes[j + 1]):
                    j += 2
                else:
                    break
            total += 2
            i = j
            continue
        total += 1 if any(lo <= code <= hi for lo, hi in _TWITTER_LIGHT) else 2
        i += 1
    return total


_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


# --- the checks -----------------------------------------------------------------------------------------


def _contains_word(folded: str, needle: str) -> bool:
    needle_folded, _ = fold(needle.strip())
    if not needle_folded:
        return False
    return re.search(r"(?<!\w)" + re.escape(needle_folded) + r"(?!\w)", folded) is not None


def check_reply(
    reply: ReplyDraft | str,
    *,
    case_kind: CaseKind,
    channel: Channel,
    language: Language,
    customer_first_name: str,
    case_specifics: Sequence[str],
    is_new_complaint: bool,
    acknowledged: bool,
    customer_last_name: str = "",
) -> list[CheckResult]:
    """Run every check that applies to ``reply`` on ``channel`` and return their results, in display order.

    ``reply`` is the composer's draft (its parts tell where the empathy and the solution are) or
    plain text (then the empathy must show in the first sentences). ``case_specifics`` are the
    things a personal answer mentions: order number, product name, case subject... ``language`` is
    the reply's language (score-begging is checked in both languages whatever it is).
    """
    if isinstance(reply, ReplyDraft):
        text, sent = reply.text(), reply.final_text()
        body = reply.body_text()
    else:
        text = sent = body = reply
    results: list[CheckResult] = []

    markers = find_markers(text)
    results.append(
        CheckResult(
            CheckCode.PLACEHOLDERS_FILLED,
            not markers,
            Severity.BLOCK,
            {"placeholders": [{"name": p.name, "start": p.start, "end": p.end} for p in markers]},
        )
    )

    begging = score_begging(text)
    results.append(
        CheckResult(
            CheckCode.SCORE_BEGGING,
            not begging,
            Severity.BLOCK,
            {"matches": [{"start": s, "end": e, "text": text[s:e]} for s, e in begging]},
        )
    )

    if channel is Channel.TWITTER:
        length = twitter_length(sent)
        results.append(
            CheckResult(
                CheckCode.TWITTER_LENGTH,
                length <= TWITTER_LIMIT,
                Severity.BLOCK,
                {"length": length, "limit": TWITTER_LIMIT, "remaining": TWITTER_LIMIT - length},
            )
        )
    elif channel is Channel.SMS:
        sms = count_sms(sent)
        results.append(
            CheckResult(
                CheckCode.SMS_SEGMENTS,
                sms.segments <= MAX_SMS_SEGMENTS,
                Severity.BLOCK,
                {
                    "segments": sms.segments,
                    "max_segments": MAX_SMS_SEGMENTS,
                    "encoding": sms.encoding.value,
                    "units": sms.units,
                    "per_segment": sms.per_segment,
                    "remaining": sms.remaining,
                    "non_gsm": list(sms.non_gsm),
                },
            )
        )
    elif channel in MIN_WORDS:
        words = word_count(body)
        results.append(
            CheckResult(
                CheckCode.SUBSTANCE,
                words >= MIN_WORDS[channel],
                Severity.OVERRIDE,
                {"words": words, "minimum": MIN_WORDS[channel]},
            )
        )

    if case_kind is CaseKind.COMPLAINT:
        results.extend(_empathy_checks(reply, text))

    folded, _ = fold(text)
    names = [n for n in (customer_first_name, customer_last_name) if n.strip()]
    results.append(
        CheckResult(
            CheckCode.PERSONAL_NAME,
            not names or any(_contains_word(folded, n) for n in names),
            Severity.OVERRIDE,
            {"names": names},
        )
    )
    specifics = [s for s in case_specifics if s.strip()]
    mentioned = [s for s in specifics if _contains_word(folded, s)]
    results.append(
        CheckResult(
            CheckCode.PERSONAL_SPECIFICS,
            not specifics or bool(mentioned),
            Severity.OVERRIDE,
            {"specifics": specifics, "mentioned": mentioned},
        )
    )

    if is_new_complaint:
        results.append(
            CheckResult(
                CheckCode.ACKNOWLEDGEMENT,
                acknowledged,
                Severity.INFO,
                {"suggest": "" if acknowledged else "acknowledge", "language": language.value},
            )
        )
    return results


def _empathy_checks(reply: ReplyDraft | str, text: str) -> list[CheckResult]:
    positions = empathy_positions(text)
    if isinstance(reply, ReplyDraft):
        present = bool(reply.empathy.strip())
        # Empathy comes first when it is expressed before the solution part begins.
        solution_start = next((s.start for s in reply.spans() if s.part != "empathy"), len(text))
        first = present and bool(positions) and positions[0] < solution_start
    else:
        present = bool(positions)
        first = present and positions[0] < _early_limit(text)
    detail = {"first_empathy_at": positions[0] if positions else None}
    return [
        CheckResult(CheckCode.EMPATHY_PRESENT, present, Severity.OVERRIDE, detail),
        CheckResult(CheckCode.EMPATHY_FIRST, first, Severity.OVERRIDE, detail),
    ]
