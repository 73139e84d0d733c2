"""A small sandboxed template engine for reply scripts.

Team leads write scripts centrally and the centre ships them to every workstation, so a script is
data from elsewhere: it must only ever *read the values given to it*. This engine therefore knows
one construct, ``{{ name.attr }}`` (optionally ``{{ name.attr | upper }}`` with a tiny whitelist of
filters), looked up in a plain dict of dicts. There is no attribute access on Python objects, no
call, no indexing, no statement, no loop, and nothing is evaluated: a Python expression is simply a
syntax error here. Parsing is one left-to-right scan with bounded lookahead, so any input is handled
in linear time; template and output sizes are capped.

A value that is absent (or blank) renders as a visible marker such as ``[[customer.first_name]]``
and is reported with its position in the output, so the composer can highlight it and block sending
until the advisor fills it in. :func:`find_markers` finds those markers again in text the advisor
has edited since.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

#: Longest template accepted (a reply script part is a few paragraphs).
MAX_TEMPLATE_LENGTH = 20_000
#: Longest rendered text; a context value cannot inflate a reply past this.
MAX_OUTPUT_LENGTH = 50_000
#: Longest text between ``{{`` and ``}}``.
MAX_EXPRESSION_LENGTH = 120
#: Most segments in a dotted name (``customer.first_name`` has two).
MAX_NAME_DEPTH = 4

_SEGMENT = r"[a-z][a-z0-9_]{0,39}"
_NAME_RE = re.compile(rf"{_SEGMENT}(?:\.{_SEGMENT}){{0,{MAX_NAME_DEPTH - 1}}}")
_MARKER_RE = re.compile(rf"\[\[\s*({_SEGMENT}(?:\.{_SEGMENT}){{0,{MAX_NAME_DEPTH - 1}}})\s*\]\]")


def _capitalize(value: str) -> str:
    # Only the first letter: "élodie" -> "Élodie", without lowering the rest as str.capitalize would.
    return value[:1].upper() + value[1:]


#: The whole filter whitelist. Each is a pure str -> str function.
FILTERS: dict[str, Callable[[str], str]] = {
    "upper": str.upper,
    "lower": str.lower,
    "capitalize": _capitalize,
}


class TemplateError(ValueError):
    """A template that cannot be used, with the position (0-based offset, 1-based line and column)."""

    def __init__(self, message: str, source: str, position: int) -> None:
        self.message = message
        self.position = position
        self.line = source.count("\n", 0, position) + 1
        self.column = position - (source.rfind("\n", 0, position) + 1) + 1
        super().__init__(f"{message} (line {self.line}, column {self.column})")


@dataclass(frozen=True, slots=True)
class Placeholder:
    """A value the rendering could not fill: ``name`` and its marker's place ``[start, end)`` in the text."""

    name: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Span:
    """Where one ``{{ ... }}`` landed in the output, filled or not (for highlighting in the composer)."""

    name: str
    start: int
    end: int
    filled: bool


@dataclass(frozen=True, slots=True)
class Rendered:
    text: str
    missing: tuple[Placeholder, ...]
    spans: tuple[Span, ...]

    @property
    def complete(self) -> bool:
        return not self.missing


@dataclass(frozen=True, slots=True)
class Expression:
    """One ``{{ name | filter }}``; ``start``/``end`` are its place in the template source."""

    name: str
    filters: tuple[str, ...]
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Template:
    """A parsed template: literal text and expressions, in order."""

    source: str
    parts: tuple[str | Expression, ...]

    @property
    def names(self) -> tuple[str, ...]:
        """Dotted names the template reads, in order of first use."""
        seen: dict[str, None] = {}
        for part in self.parts:
            if isinstance(part, Expression):
                seen.setdefault(part.name, None)
        return tuple(seen)


def missing_marker(name: str) -> str:
    """The visible marker a missing value renders as."""
    return f"[[{name}]]"


def _parse_expression(source: str, start: int, end: int) -> Expression:
    """Parse the text between ``{{`` (at ``start``) and ``}}`` (ending at ``end``)."""
    inner = source[start + 2 : end - 2]
    pieces = inner.split("|")
    name = pieces[0].strip()
    offset = start + 2 + (len(pieces[0]) - len(pieces[0].lstrip()))
    if not name:
        raise TemplateError(
            "empty placeholder: write a name such as {{ customer.first_name }}", source, start
        )
    if name.startswith("_") or "._" in name:
        raise TemplateError(f"names cannot start with an underscore: {name!r}", source, offset)
    if not _NAME_RE.fullmatch(name):
        bad = next(
            (i for i, ch in enumerate(name) if not (ch.isascii() and (ch.isalnum() or ch in "._"))), None
        )
        if bad is not None:
            raise TemplateError(
                f"only dotted names are allowed in a placeholder, not {name[bad]!r}", source, offset + bad
            )
        raise TemplateError(
            f"not a placeholder name: {name!r} (lower-case words joined by dots, at most "
            f"{MAX_NAME_DEPTH} levels)",
            source,
            offset,
        )
    filters: list[str] = []
    position = offset + len(pieces[0].strip())
    for piece in pieces[1:]:
        position = source.find("|", position, end) + 1
        filter_name = piece.strip()
        if filter_name not in FILTERS:
            raise TemplateError(
                f"unknown filter {filter_name!r} (allowed: {', '.join(sorted(FILTERS))})", source, position
            )
        filters.append(filter_name)
    return Expression(name, tuple(filters), start, end)


def parse(source: str) -> Template:
    """Parse ``source`` or raise :class:`TemplateError` saying where and why.

    ``{%`` and ``{#`` (statements and comments of other engines), an unclosed or nested ``{{``, a
    stray ``}}`` and anything but a dotted name inside ``{{ }}`` are errors, so a script written for
    another engine fails loudly instead of half-working.
    """
    if len(source) > MAX_TEMPLATE_LENGTH:
        raise TemplateError(
            f"template too long ({len(source)} characters, at most {MAX_TEMPLATE_LENGTH})",
            source,
            MAX_TEMPLATE_LENGTH,
        )
    parts: list[str | Expression] = []
    literal_start = 0
    i = 0
    n = len(source)
    closing = source.find("}}")
    while True:
        brace = source.find("{", i)
        if closing != -1 and closing < i:
            # Searched again only once passed, so the scan stays linear whatever the input.
            closing = source.find("}}", i)
        if closing != -1 and (brace == -1 or closing < brace):
            raise TemplateError("'}}' without a matching '{{'", source, closing)
        if brace == -1 or brace + 1 >= n:
            break
        nxt = source[brace + 1]
        if nxt in "%#":
            raise TemplateError(
                f"'{{{nxt}' blocks are not supported: only {{{{ name }}}} placeholders", source, brace
            )
        if nxt != "{":
            i = brace + 1
            continue
        # An expression: the closing "}}" must come within MAX_EXPRESSION_LENGTH, with no brace inside.
        window_end = min(n, brace + 2 + MAX_EXPRESSION_LENGTH + 2)
        end = source.find("}}", brace + 2, window_end)
        if end == -1:
            raise TemplateError(
                "'{{' is never closed by '}}' (or the placeholder is too long)", source, brace
            )
        inner_brace = source.find("{", brace + 2, end)
        if inner_brace != -1:
            raise TemplateError("braces cannot be nested inside a placeholder", source, inner_brace)
        inner_close = source.find("}", brace + 2, end)
        if inner_close != -1:
            raise TemplateError("unexpected '}' inside a placeholder", source, inner_close)
        if literal_start < brace:
            parts.append(source[literal_start:brace])
        parts.append(_parse_expression(source, brace, end + 2))
        i = literal_start = end + 2
    if literal_start < n:
        parts.append(source[literal_start:])
    return Template(source, tuple(parts))


def _lookup(context: dict[str, object], name: str) -> str | None:
    """The text for ``name`` in ``context``, or None when absent, blank or not a plain value.

    Only plain dicts are walked and leaves must be exactly ``str`` or ``int``: subclasses are refused
    because they could override ``get``, ``strip`` or ``__str__``. Nothing on any object is ever read
    or called, so an object slipped into the context is just "missing".
    """
    current: object = context
    for segment in name.split("."):
        if type(current) is not dict:
            return None
        current = dict.get(current, segment)
    if type(current) is str:
        return current if current.strip() else None
    if type(current) is int:
        return str(current)
    return None


def render(template: str | Template, context: dict[str, object]) -> Rendered:
    """Render ``template`` with ``context`` (a plain dict of dicts of str/int values).

    Values are inserted as they are and never parsed again, so a customer-typed subject containing
    ``{{ ... }}`` stays literal text. Raises :class:`TemplateError` on a bad template or when the
    output would exceed :data:`MAX_OUTPUT_LENGTH`.
    """
    parsed = template if isinstance(template, Template) else parse(template)
    if type(context) is not dict:
        raise TypeError("the template context must be a plain dict")
    out: list[str] = []
    length = 0
    missing: list[Placeholder] = []
    spans: list[Span] = []
    for part in parsed.parts:
        if isinstance(part, str):
            piece = part
        else:
            value = _lookup(context, part.name)
            if value is None:
                piece = missing_marker(part.name)
                missing.append(Placeholder(part.name, length, length + len(piece)))
            else:
                for filter_name in part.filters:
                    value = FILTERS[filter_name](value)
                piece = value
            spans.append(Span(part.name, length, length + len(piece), value is not None))
        length += len(piece)
        if length > MAX_OUTPUT_LENGTH:
            raise TemplateError(
                f"rendered text too long (more than {MAX_OUTPUT_LENGTH} characters)",
                parsed.source,
                part.start if isinstance(part, Expression) else 0,
            )
        out.append(piece)
    return Rendered("".join(out), tuple(missing), tuple(spans))


def find_markers(text: str) -> list[Placeholder]:
    """Unfilled markers (``[[customer.first_name]]``) and leftover ``{{ ... }}`` still in ``text``.

    The composer lets the advisor edit the rendered text; this is what tells, at any moment, which
    values are still to fill in. A leftover ``{{ ... }}`` (pasted from a script) counts too.
    """
    found = [Placeholder(m.group(1), m.start(), m.end()) for m in _MARKER_RE.finditer(text)]
    i = 0
    while (start := text.find("{{", i)) != -1:
        end = text.find("}}", start + 2, start + 2 + MAX_EXPRESSION_LENGTH + 2)
        stop = end + 2 if end != -1 else start + 2
        found.append(Placeholder(text[start + 2 : end].strip() if end != -1 else "", start, stop))
        i = stop
    found.sort(key=lambda p: p.start)
    return found
