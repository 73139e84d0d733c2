"""The reply-script library and the three-step reply draft the composer builds from it.

A complaint gets an answer on two levels, in this order: welcome what the customer went through
(empathy), then bring a solution, then commit to a follow-up. Each script (one per case category and
language, shipped as TOML in ``resources/scripts/<language>/<category>.toml`` and overridable by team
leads through the central API) offers several empathy openings, solution paths (some suggesting a
goodwill gesture) and closings, each in a full variant for e-mail and letters and a short one for
Twitter/X and SMS, plus an acknowledgement of receipt and a signature.

Texts are templates for :mod:`advisor_desk.domain.templates`; :func:`reply_context` builds the only
values they can read (customer with the right form of address, case, order, product, gesture,
advisor, follow-up date). :class:`ReplyDraft` holds the three parts and assembles them in order.

The only file access in the domain is :func:`load_library`, which reads the product's own script
files from a directory it is given.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Any

from advisor_desk.domain.channels import Channel
from advisor_desk.domain.model import (
    Case,
    CaseKind,
    ComplaintCategory,
    Customer,
    GestureCode,
    Language,
    Order,
    Product,
    ReplyScript,
)
from advisor_desk.domain.sms import gsm_friendly
from advisor_desk.domain.templates import Placeholder, Rendered, TemplateError, find_markers, parse, render

#: Where the shipped scripts live in a source checkout (``resources/scripts`` at the repository root).
SHIPPED_SCRIPTS_DIRECTORY = Path(__file__).resolve().parents[2] / "resources" / "scripts"

#: Every value a script may use. A name outside this list is a typo caught when the script is loaded.
KNOWN_PLACEHOLDERS: frozenset[str] = frozenset(
    {
        "customer.address",
        "customer.first_name",
        "customer.last_name",
        "customer.name",
        "case.subject",
        "case.reference",
        "order.number",
        "order.date",
        "product.name",
        "gesture.amount",
        "gesture.name",
        "gesture.points",
        "gesture.voucher_code",
        "advisor.first_name",
        "advisor.name",
        "followup.date",
        # Never in the context: a slot the advisor must write (the answer to a question), shown as a
        # marker that blocks sending until it is replaced.
        "answer.text",
    }
)

#: Longest fixed text of a short variant (values excluded): an opening, a solution and a closing must
#: still fit in one tweet together once the customer's name, order number or product are filled in.
MAX_SHORT_LITERAL = 120

#: Channels that get the short variants; every other channel gets the full ones.
SHORT_CHANNELS: frozenset[Channel] = frozenset({Channel.TWITTER, Channel.SMS})

#: Categories whose cases are not complaints.
_NON_COMPLAINT_KIND = {
    ComplaintCategory.REQUEST: CaseKind.REQUEST,
    ComplaintCategory.INFORMATION: CaseKind.INFORMATION,
    ComplaintCategory.PRAISE: CaseKind.PRAISE,
}


def kind_of(category: ComplaintCategory) -> CaseKind:
    return _NON_COMPLAINT_KIND.get(category, CaseKind.COMPLAINT)


class Variant(StrEnum):
    FULL = "full"
    SHORT = "short"


def variant_for(channel: Channel) -> Variant:
    return Variant.SHORT if channel in SHORT_CHANNELS else Variant.FULL


# --- the script model -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EmpathyOpening:
    id: str
    text: str
    short: str

    def template(self, variant: Variant) -> str:
        return self.short if variant is Variant.SHORT else self.text


@dataclass(frozen=True, slots=True)
class SolutionPath:
    id: str
    title: str
    text: str
    short: str
    gesture: GestureCode | None = None  # the goodwill gesture this path suggests, if any

    def template(self, variant: Variant) -> str:
        return self.short if variant is Variant.SHORT else self.text


@dataclass(frozen=True, slots=True)
class Closing:
    id: str
    text: str
    short: str

    def template(self, variant: Variant) -> str:
        return self.short if variant is Variant.SHORT else self.text


@dataclass(frozen=True, slots=True)
class Snippet:
    """A single text with its two variants (the signature, the acknowledgement of receipt)."""

    text: str
    short: str

    def template(self, variant: Variant) -> str:
        return self.short if variant is Variant.SHORT else self.text


ScriptOption = EmpathyOpening | SolutionPath | Closing | Snippet


@dataclass(frozen=True, slots=True)
class Script:
    """The script of one category in one language; ``variant`` says which texts the channel uses."""

    category: ComplaintCategory
    language: Language
    empathy: tuple[EmpathyOpening, ...]
    solutions: tuple[SolutionPath, ...]
    closings: tuple[Closing, ...]
    signature: Snippet
    acknowledgement: Snippet
    source: str  # "fr/late_delivery.toml" or "central script <id>"
    central: bool = False
    variant: Variant = Variant.FULL

    @property
    def kind(self) -> CaseKind:
        return kind_of(self.category)

    def template(self, option: ScriptOption) -> str:
        return option.template(self.variant)

    def render(self, option: ScriptOption, context: dict[str, object]) -> Rendered:
        """Render one option in this script's variant (the composer's acknowledge/solve/close steps)."""
        return render(option.template(self.variant), context)

    def solutions_for_gesture(self, code: GestureCode) -> tuple[SolutionPath, ...]:
        """Solution paths that suggest ``code``, to offer once that gesture was granted."""
        return tuple(s for s in self.solutions if s.gesture is code)

    def option(self, option_id: str) -> EmpathyOpening | SolutionPath | Closing:
        options: tuple[EmpathyOpening | SolutionPath | Closing, ...] = (
            *self.empathy,
            *self.solutions,
            *self.closings,
        )
        for option in options:
            if option.id == option_id:
                return option
        raise KeyError(option_id)


# --- parsing and validation -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ScriptProblem:
    field: str  # "empathy[2].short", "category"...
    message: str


class ScriptError(ValueError):
    """A script that cannot be used, naming its source and each faulty field."""

    def __init__(self, source: str, problems: Iterable[ScriptProblem]) -> None:
        self.source = source
        self.problems = tuple(problems)
        lines = [
            f"{source}: {p.field}: {p.message}" if p.field else f"{source}: {p.message}"
            for p in self.problems
        ]
        super().__init__("\n".join(lines))


_ID_RE = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")
_SECTION_KEYS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    # section: (required keys, optional keys)
    "empathy": (frozenset({"id", "text", "short"}), frozenset()),
    "solution": (frozenset({"id", "title", "text", "short"}), frozenset({"gesture"})),
    "closing": (frozenset({"id", "text", "short"}), frozenset()),
}
_SNIPPETS = ("signature", "acknowledgement")
_TOP_KEYS = frozenset({"category", "language", *_SECTION_KEYS, *_SNIPPETS})
_MINIMUM = {"empathy": 2, "solution": 1, "closing": 1}


class _Checker:
    """Collects every problem of one script instead of stopping at the first."""

    def __init__(self) -> None:
        self.problems: list[ScriptProblem] = []

    def add(self, where: str, message: str) -> None:
        self.problems.append(ScriptProblem(where, message))

    def template(self, table: Mapping[str, Any], key: str, where: str) -> str:
        value = table.get(key)
        if not isinstance(value, str) or not value.strip():
            self.add(f"{where}.{key}", "a non-empty text is required")
            return ""
        try:
            parsed = parse(value)
        except TemplateError as exc:
            self.add(f"{where}.{key}", f"{exc.message} (line {exc.line}, column {exc.column} of the text)")
            return value
        for name in parsed.names:
            if name not in KNOWN_PLACEHOLDERS:
                self.add(f"{where}.{key}", f"unknown placeholder {{{{ {name} }}}}")
        if key == "short":
            literal = sum(len(part) for part in parsed.parts if isinstance(part, str))
            if literal > MAX_SHORT_LITERAL:
                # Three parts and a signature share 280 characters on Twitter/X once values are in.
                self.add(
                    f"{where}.{key}",
                    f"too long for Twitter/X and SMS: {literal} characters before values are filled "
                    f"(at most {MAX_SHORT_LITERAL})",
                )
        return value

    def plain(self, table: Mapping[str, Any], key: str, where: str) -> str:
        value = table.get(key)
        if not isinstance(value, str) or not value.strip():
            self.add(f"{where}.{key}", "a non-empty text is required")
            return ""
        return value

    def keys(
        self, table: Mapping[str, Any], required: frozenset[str], optional: frozenset[str], where: str
    ) -> None:
        for key in sorted(set(table) - required - optional):
            self.add(f"{where}.{key}" if where else key, "unknown key (a typo?)")
        for key in sorted(required - set(table)):
            self.add(f"{where}.{key}" if where else key, "missing")


def parse_script(
    text: str, source: str, category: ComplaintCategory, language: Language, *, central: bool = False
) -> Script:
    """Parse and validate one script written in the TOML format of ``resources/scripts``.

    ``category`` and ``language`` are what the file name (or the central entity) says; the file may
    repeat them, and must then agree. Raises :class:`ScriptError` listing every problem found.
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ScriptError(source, [ScriptProblem("", f"not valid TOML: {exc}")]) from None
    check = _Checker()
    check.keys(data, frozenset(), _TOP_KEYS, "")
    if "category" in data and data["category"] != category.value:
        check.add("category", f"says {data['category']!r} but the script is for {category.value!r}")
    if "language" in data and data["language"] != language.value:
        check.add("language", f"says {data['language']!r} but the script is for {language.value!r}")

    seen_ids: set[str] = set()
    entries: dict[str, list[dict[str, Any]]] = {}
    for section, (required, optional) in _SECTION_KEYS.items():
        raw = data.get(section, [])
        if not isinstance(raw, list) or not all(isinstance(t, dict) for t in raw):
            check.add(section, f"must be a list of [[{section}]] tables")
            raw = []
        if len(raw) < _MINIMUM[section]:
            check.add(section, f"at least {_MINIMUM[section]} [[{section}]] entries are required")
        entries[section] = []
        for index, table in enumerate(raw, start=1):
            where = f"{section}[{index}]"
            check.keys(table, required, optional, where)
            ident = table.get("id")
            if isinstance(ident, str) and _ID_RE.fullmatch(ident):
                if ident in seen_ids:
                    check.add(f"{where}.id", f"{ident!r} is used twice")
                seen_ids.add(ident)
            elif "id" in table:
                check.add(f"{where}.id", "lower-case letters, digits, '-' and '_' only")
            entries[section].append(table)

    empathy = tuple(
        EmpathyOpening(
            str(t.get("id", "")),
            check.template(t, "text", f"empathy[{i}]"),
            check.template(t, "short", f"empathy[{i}]"),
        )
        for i, t in enumerate(entries["empathy"], start=1)
    )
    solutions: list[SolutionPath] = []
    for i, t in enumerate(entries["solution"], start=1):
        where = f"solution[{i}]"
        gesture: GestureCode | None = None
        if "gesture" in t:
            try:
                gesture = GestureCode(t["gesture"])
            except ValueError:
                known = ", ".join(g.value for g in GestureCode)
                check.add(f"{where}.gesture", f"unknown gesture {t['gesture']!r} (one of: {known})")
        solutions.append(
            SolutionPath(
                str(t.get("id", "")),
                check.plain(t, "title", where),
                check.template(t, "text", where),
                check.template(t, "short", where),
                gesture,
            )
        )
    closings = tuple(
        Closing(
            str(t.get("id", "")),
            check.template(t, "text", f"closing[{i}]"),
            check.template(t, "short", f"closing[{i}]"),
        )
        for i, t in enumerate(entries["closing"], start=1)
    )
    snippets: dict[str, Snippet] = {}
    for name in _SNIPPETS:
        table = data.get(name)
        if not isinstance(table, dict):
            check.add(name, f"a [{name}] table with text and short is required")
            table = {}
        else:
            check.keys(table, frozenset({"text", "short"}), frozenset(), name)
        snippets[name] = Snippet(check.template(table, "text", name), check.template(table, "short", name))

    if check.problems:
        raise ScriptError(source, check.problems)
    return Script(
        category=category,
        language=language,
        empathy=empathy,
        solutions=tuple(solutions),
        closings=closings,
        signature=snippets["signature"],
        acknowledgement=snippets["acknowledgement"],
        source=source,
        central=central,
    )


# --- the library ----------------------------------------------------------------------------------------

ScriptKey = tuple[ComplaintCategory, Language]


@dataclass(frozen=True, slots=True)
class ScriptLibrary:
    """Every script by (category, language); ``problems`` are the scripts that could not be used."""

    scripts: Mapping[ScriptKey, Script]
    problems: tuple[ScriptError, ...] = ()
    #: The shipped scripts, kept so a central override can be dropped again.
    shipped: Mapping[ScriptKey, Script] = field(default_factory=dict)

    def get(self, category: ComplaintCategory, language: Language) -> Script | None:
        return self.scripts.get((category, language))

    def for_case(self, category: ComplaintCategory, language: Language, channel: Channel) -> Script:
        """The script for a case: its category (else "other") in ``language``, in the channel's variant."""
        script = self.scripts.get((category, language)) or self.scripts.get(
            (ComplaintCategory.OTHER, language)
        )
        if script is None:
            raise LookupError(f"no reply script for {category.value} in {language.value}")
        return replace(script, variant=variant_for(channel))

    def with_overrides(self, central: Iterable[ReplyScript]) -> ScriptLibrary:
        """This library with the centre's scripts replacing the shipped ones of the same key.

        The most recently updated central script of a key wins. A central script that does not
        parse leaves the shipped one in place and is reported in ``problems``: a team lead's typo
        never leaves advisors without a script.
        """
        shipped = self.shipped or self.scripts
        latest: dict[ScriptKey, ReplyScript] = {}
        for entity in central:
            key = (entity.category, entity.language)
            current = latest.get(key)
            if current is None or _updated(entity) >= _updated(current):
                latest[key] = entity
        merged = dict(shipped)
        problems = [p for p in self.problems if not p.source.startswith("central script ")]
        for key, entity in latest.items():
            try:
                merged[key] = parse_script(
                    entity.body_toml, f"central script {entity.id}", key[0], key[1], central=True
                )
            except ScriptError as exc:
                problems.append(exc)
        return ScriptLibrary(merged, tuple(problems), shipped)


def _updated(entity: ReplyScript) -> float:
    # A script without a time is the oldest; aware times compare by their instant.
    return entity.updated_at.timestamp() if entity.updated_at is not None else float("-inf")


def load_library(directory: Path, *, strict: bool = False) -> ScriptLibrary:
    """Read ``<directory>/<language>/<category>.toml`` for every language and category.

    A file that does not parse is reported in ``problems`` (or raised when ``strict``); the other
    scripts stay usable. Files whose name is not a known category or language are reported too.
    """
    scripts: dict[ScriptKey, Script] = {}
    problems: list[ScriptError] = []
    for path in sorted(directory.glob("*/*.toml")):
        source = f"{path.parent.name}/{path.name}"
        try:
            language = Language(path.parent.name)
            category = ComplaintCategory(path.stem)
        except ValueError:
            problems.append(
                ScriptError(source, [ScriptProblem("", "not a known language/category file name")])
            )
            continue
        try:
            text = path.read_text(encoding="utf-8")
            scripts[(category, language)] = parse_script(text, source, category, language)
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(ScriptError(source, [ScriptProblem("", f"cannot be read: {exc}")]))
        except ScriptError as exc:
            problems.append(exc)
    if strict and problems:
        raise ScriptError(str(directory), [ScriptProblem("", str(p)) for p in problems])
    return ScriptLibrary(scripts, tuple(problems), dict(scripts))


# --- values the templates read --------------------------------------------------------------------------

#: Tiers addressed most formally ("Madame Martin," as in a letter).
FORMAL_TIERS = frozenset({"gold", "premium", "platinum", "vip", "business"})

_FEMALE_TITLES = {
    "mme": "Ms",
    "madame": "Ms",
    "mlle": "Miss",
    "mademoiselle": "Miss",
    "ms": "Ms",
    "mrs": "Mrs",
    "miss": "Miss",
}
_MALE_TITLES = {"m": "Mr", "monsieur": "Mr", "mr": "Mr"}


def form_of_address(customer: Customer, language: Language) -> str:
    """How the reply greets the customer, by language, title and tier.

    With a known title: "Madame Martin" / "Dear Ms Martin" for formal tiers, "Bonjour Madame Martin"
    / "Hello Ms Martin" otherwise. Without a title (or a last name): "Bonjour Élodie" / "Hello Élodie".
    Empty when no name is known, so the template shows a marker to fill in.
    """
    title = customer.title.strip().lower().rstrip(".")
    last, first = customer.last_name.strip(), customer.first_name.strip()
    formal = customer.tier.strip().lower() in FORMAL_TIERS
    if last and (title in _FEMALE_TITLES or title in _MALE_TITLES):
        female = title in _FEMALE_TITLES
        if language is Language.FR:
            named = f"{'Madame' if female else 'Monsieur'} {last}"
            return named if formal else f"Bonjour {named}"
        named = f"{_FEMALE_TITLES[title] if female else 'Mr'} {last}"
        return f"Dear {named}" if formal else f"Hello {named}"
    if first:
        return f"Bonjour {first}" if language is Language.FR else f"Hello {first}"
    return ""


_CURRENCY_SYMBOLS = {"EUR": "€", "GBP": "£", "USD": "$"}


def format_money(cents: int, currency: str, language: Language) -> str:
    """An amount as a customer reads it: "1 234,50 €" / "15 €" in French, "€1,234.50" / "€15" in English."""
    sign = "-" if cents < 0 else ""
    whole, rest = divmod(abs(cents), 100)
    symbol = _CURRENCY_SYMBOLS.get(currency, currency)
    if language is Language.FR:
        number = f"{whole:,}".replace(",", "\u202f") + (f",{rest:02d}" if rest else "")
        return f"{sign}{number}\u00a0{symbol}"
    number = f"{whole:,}" + (f".{rest:02d}" if rest else "")
    gap = "" if symbol in _CURRENCY_SYMBOLS.values() else " "
    return f"{sign}{symbol}{gap}{number}"


_FR_DAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
_FR_MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)  # fmt: skip
_EN_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_EN_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def format_date(day: date, language: Language) -> str:
    """A date as written in a reply: "mardi 1er décembre", "Tuesday 1 December"."""
    if language is Language.FR:
        number = "1er" if day.day == 1 else str(day.day)
        return f"{_FR_DAYS[day.weekday()]} {number} {_FR_MONTHS[day.month - 1]}"
    return f"{_EN_DAYS[day.weekday()]} {day.day} {_EN_MONTHS[day.month - 1]}"


def suggest_followup_date(today: date, working_days: int = 2) -> date:
    """The default follow-up: ``working_days`` working days after ``today`` (weekends skipped)."""
    day = today
    left = working_days
    while left > 0:
        day += timedelta(days=1)
        if day.weekday() < 5:
            left -= 1
    return day


#: How a gesture reads inside a sentence ("un bon d'achat de 15 €" uses "bon d'achat").
GESTURE_NAMES: dict[GestureCode, tuple[str, str]] = {
    GestureCode.REFUND: ("remboursement", "refund"),
    GestureCode.SHIPPING_REFUND: ("remboursement des frais de port", "refund of the shipping costs"),
    GestureCode.VOUCHER: ("bon d’achat", "voucher"),
    GestureCode.FREE_SHIPPING: (
        "livraison offerte sur votre prochaine commande",
        "free delivery on your next order",
    ),
    GestureCode.REPLACEMENT: ("remplacement express", "express replacement"),
    GestureCode.EXCHANGE: ("échange", "exchange"),
    GestureCode.LOYALTY_POINTS: ("points de fidélité", "loyalty points"),
    GestureCode.GIFT: ("petit cadeau", "small gift"),
}


@dataclass(frozen=True, slots=True)
class GrantedGesture:
    """What the reply says about a gesture granted from the compensation panel."""

    code: GestureCode
    amount_cents: int
    currency: str
    voucher_code: str | None = None


def gesture_values(gesture: GrantedGesture, language: Language) -> dict[str, str]:
    """What ``{{ gesture.* }}`` reads for a granted gesture."""
    return {
        "amount": format_money(gesture.amount_cents, gesture.currency, language),
        "name": GESTURE_NAMES[gesture.code][0 if language is Language.FR else 1],
        "points": str(gesture.amount_cents) if gesture.code is GestureCode.LOYALTY_POINTS else "",
        "voucher_code": gesture.voucher_code or "",
    }


def reply_context(
    *,
    language: Language,
    customer: Customer,
    advisor_first_name: str,
    advisor_name: str = "",
    case: Case | None = None,
    order: Order | None = None,
    product: Product | None = None,
    gesture: GrantedGesture | None = None,
    followup_date: date | None = None,
    order_date: date | None = None,
) -> dict[str, object]:
    """The plain dict of dicts a script is rendered with; absent values stay absent (markers).

    ``order_date`` is the order's local date (the caller converts from UTC in the user's zone).
    """
    context: dict[str, object] = {
        "customer": {
            "address": form_of_address(customer, language),
            "first_name": customer.first_name,
            "last_name": customer.last_name,
            "name": customer.display_name,
        },
        "advisor": {"first_name": advisor_first_name, "name": advisor_name or advisor_first_name},
    }
    if case is not None:
        context["case"] = {"subject": case.subject, "reference": case.id[:8].upper()}
    if order is not None:
        context["order"] = {
            "number": order.number,
            "date": format_date(order_date, language) if order_date else "",
        }
    if product is not None:
        context["product"] = {"name": product.name}
    if gesture is not None:
        context["gesture"] = gesture_values(gesture, language)
    if followup_date is not None:
        context["followup"] = {"date": format_date(followup_date, language)}
    return context


# --- the draft ------------------------------------------------------------------------------------------


class ReplyStep(StrEnum):
    """The composer's steps, in the order the reply reads."""

    ACKNOWLEDGE = "acknowledge"  # the empathy part
    SOLVE = "solve"  # restate the situation, give the solution
    CLOSE = "close"  # follow-up commitment (the signature goes with it)


@dataclass(frozen=True, slots=True)
class PartSpan:
    part: str  # "empathy", "solution", "closing", "signature"
    start: int
    end: int


_PARTS = ("empathy", "solution", "closing", "signature")
_STEP_PART = {ReplyStep.ACKNOWLEDGE: "empathy", ReplyStep.SOLVE: "solution", ReplyStep.CLOSE: "closing"}


@dataclass(frozen=True, slots=True)
class ReplyDraft:
    """A reply being composed: empathy, solution, closing and signature, always assembled in that order."""

    channel: Channel
    language: Language
    empathy: str = ""
    solution: str = ""
    closing: str = ""
    signature: str = ""

    @property
    def is_short(self) -> bool:
        return self.channel in SHORT_CHANNELS

    def part(self, step: ReplyStep) -> str:
        value: str = getattr(self, _STEP_PART[step])
        return value

    def with_part(self, step: ReplyStep, text: str) -> ReplyDraft:
        if step is ReplyStep.ACKNOWLEDGE:
            return replace(self, empathy=text)
        if step is ReplyStep.SOLVE:
            return replace(self, solution=text)
        return replace(self, closing=text)

    def with_signature(self, text: str) -> ReplyDraft:
        return replace(self, signature=text)

    def spans(self) -> tuple[PartSpan, ...]:
        """Where each non-empty part sits in :meth:`text`."""
        between = " " if self.is_short else "\n\n"
        spans: list[PartSpan] = []
        position = 0
        for name in _PARTS:
            value = getattr(self, name).strip()
            if not value:
                continue
            if spans:
                position += len(between)
            spans.append(PartSpan(name, position, position + len(value)))
            position += len(value)
        return tuple(spans)

    def text(self) -> str:
        """The reply as the advisor sees it: parts in order, blank lines between them (one space on short channels)."""
        between = " " if self.is_short else "\n\n"
        return between.join(v for v in (getattr(self, n).strip() for n in _PARTS) if v)

    def body_text(self) -> str:
        """The reply without its signature (what the substance check counts)."""
        return replace(self, signature="").text()

    def final_text(self) -> str:
        """The text actually sent: on SMS, typographic punctuation becomes GSM-7 to keep segments down."""
        text = self.text()
        return gsm_friendly(text) if self.channel is Channel.SMS else text

    def missing(self) -> list[Placeholder]:
        """Values still to fill in, with their place in :meth:`text`."""
        return find_markers(self.text())

    def to_dict(self) -> dict[str, str]:
        """A plain form for saving the draft locally as the advisor types."""
        return {
            "channel": self.channel.value,
            "language": self.language.value,
            **{name: getattr(self, name) for name in _PARTS},
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> ReplyDraft:
        """Rebuild a saved draft; raises ValueError (never anything else) when it is not one."""
        try:
            channel = Channel(str(data["channel"]))
            language = Language(str(data["language"]))
        except (KeyError, ValueError) as exc:
            raise ValueError(f"not a saved reply draft: {exc}") from None
        parts = {name: data.get(name, "") for name in _PARTS}
        if not all(isinstance(v, str) for v in parts.values()):
            raise ValueError("not a saved reply draft: parts must be texts")
        return cls(
            channel,
            language,
            str(parts["empathy"]),
            str(parts["solution"]),
            str(parts["closing"]),
            str(parts["signature"]),
        )


# --- the composer's state -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ComposerState:
    """Where the composer stands: the script, the values, the draft, and which parts the advisor typed.

    Immutable: every action returns a new state, so the Qt panel can keep the previous one for undo
    and test nothing but this. A part chosen from the script is rendered again when the values change
    (a gesture granted, the language switched, a follow-up date picked); a part the advisor edited is
    never overwritten.
    """

    script: Script
    context: dict[str, object]
    draft: ReplyDraft
    chosen: tuple[tuple[ReplyStep, str], ...] = ()  # (step, option id) the advisor picked
    edited: frozenset[ReplyStep] = frozenset()
    signature_edited: bool = False

    @classmethod
    def start(cls, script: Script, context: dict[str, object], channel: Channel) -> ComposerState:
        """A new reply on ``channel`` with ``script`` (from :meth:`ScriptLibrary.for_case`): signature only."""
        draft = ReplyDraft(channel, script.language).with_signature(
            script.render(script.signature, context).text
        )
        return cls(script, context, draft)

    def options(
        self, step: ReplyStep
    ) -> tuple[EmpathyOpening, ...] | tuple[SolutionPath, ...] | tuple[Closing, ...]:
        if step is ReplyStep.ACKNOWLEDGE:
            return self.script.empathy
        if step is ReplyStep.SOLVE:
            return self.script.solutions
        return self.script.closings

    def chosen_id(self, step: ReplyStep) -> str | None:
        return dict(self.chosen).get(step)

    @property
    def current_step(self) -> ReplyStep | None:
        """The first step still empty, in reading order (None when all three are written)."""
        return next((step for step in ReplyStep if not self.draft.part(step).strip()), None)

    def choose(self, step: ReplyStep, option_id: str) -> ComposerState:
        """Put the script's option ``option_id`` into ``step`` (replacing what was there)."""
        option = next((o for o in self.options(step) if o.id == option_id), None)
        if option is None:
            raise KeyError(f"{option_id!r} is not an option of step {step.value}")
        chosen = tuple((s, i) for s, i in self.chosen if s is not step) + ((step, option_id),)
        text = self.script.render(option, self.context).text
        return replace(
            self, draft=self.draft.with_part(step, text), chosen=chosen, edited=self.edited - {step}
        )

    def edit(self, step: ReplyStep, text: str) -> ComposerState:
        """The advisor typed in ``step``: keep the text as is from now on."""
        return replace(self, draft=self.draft.with_part(step, text), edited=self.edited | {step})

    def edit_signature(self, text: str) -> ComposerState:
        return replace(self, draft=self.draft.with_signature(text), signature_edited=True)

    def with_context(self, context: dict[str, object]) -> ComposerState:
        """New values (gesture granted, follow-up date...): re-render every chosen, unedited part."""
        return replace(self, context=context)._rerendered()

    def with_script(self, script: Script) -> ComposerState:
        """Another script (the language switched, or the centre updated it).

        Each chosen option is matched by its place in the list (the second opening stays the second
        opening), as ids differ between languages; edited parts are kept as typed.
        """
        chosen: list[tuple[ReplyStep, str]] = []
        for step, option_id in self.chosen:
            old_ids = [o.id for o in self.options(step)]
            new_options = replace(self, script=script).options(step)
            index = old_ids.index(option_id) if option_id in old_ids else 0
            if new_options:
                chosen.append((step, new_options[min(index, len(new_options) - 1)].id))
        draft = replace(self.draft, language=script.language)
        moved = replace(self, script=script, draft=draft, chosen=tuple(chosen))
        return moved._rerendered()

    def grant(self, gesture: GrantedGesture) -> ComposerState:
        """A gesture was granted from the compensation panel: its amount goes into the reply.

        Unless the advisor typed the solution, the solution switches to the first path suggesting
        this gesture (if the script has one) and is rendered with the amount.
        """
        context = {**self.context, "gesture": gesture_values(gesture, self.script.language)}
        state = replace(self, context=context)
        paths = self.script.solutions_for_gesture(gesture.code)
        current = self.chosen_id(ReplyStep.SOLVE)
        if ReplyStep.SOLVE not in self.edited and paths and current not in {p.id for p in paths}:
            return state.choose(ReplyStep.SOLVE, paths[0].id)._rerendered()
        return state._rerendered()

    def _rerendered(self) -> ComposerState:
        draft = self.draft
        for step, option_id in self.chosen:
            if step in self.edited:
                continue
            option = next((o for o in self.options(step) if o.id == option_id), None)
            if option is not None:
                draft = draft.with_part(step, self.script.render(option, self.context).text)
        if not self.signature_edited:
            draft = draft.with_signature(self.script.render(self.script.signature, self.context).text)
        return replace(self, draft=draft)

    def missing(self) -> list[Placeholder]:
        return self.draft.missing()
