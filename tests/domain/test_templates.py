"""The sandboxed template engine: what it renders, what it reports missing, and what it refuses."""

from __future__ import annotations

import pytest

from advisor_desk.domain.templates import (
    MAX_OUTPUT_LENGTH,
    MAX_TEMPLATE_LENGTH,
    Placeholder,
    TemplateError,
    find_markers,
    parse,
    render,
)

CONTEXT: dict[str, object] = {
    "customer": {"first_name": "élodie", "address": "Bonjour Madame Martin"},
    "order": {"number": "CMD-42", "lines": 3},
}


def test_renders_dotted_names_and_whitelisted_filters() -> None:
    rendered = render(
        "{{customer.address}}, {{ customer.first_name | capitalize }} ({{ order.number|lower }})", CONTEXT
    )
    assert rendered.text == "Bonjour Madame Martin, Élodie (cmd-42)"
    assert rendered.complete and not rendered.missing
    assert render("{{ order.lines }} {{ customer.first_name | upper }}", CONTEXT).text == "3 ÉLODIE"


def test_literal_text_and_single_braces_pass_through() -> None:
    text = 'Prix {unitaire} : 12 € ; JSON {"a": 1} ; accolade } seule ; [[pas un marqueur'
    assert render(text, {}).text == text


def test_missing_values_render_as_markers_reported_with_positions() -> None:
    rendered = render(
        "Bonjour {{ customer.first_name }}, commande {{ order.number }} du {{ order.date }}.", {}
    )
    assert rendered.text == "Bonjour [[customer.first_name]], commande [[order.number]] du [[order.date]]."
    assert [m.name for m in rendered.missing] == ["customer.first_name", "order.number", "order.date"]
    for marker in rendered.missing:
        assert rendered.text[marker.start : marker.end] == f"[[{marker.name}]]"
    assert not rendered.complete
    # Spans say where every placeholder landed, filled or not, for highlighting.
    partly = render("{{ customer.first_name }} / {{ order.date }}", CONTEXT)
    assert [(s.name, s.filled, partly.text[s.start : s.end]) for s in partly.spans] == [
        ("customer.first_name", True, "élodie"),
        ("order.date", False, "[[order.date]]"),
    ]


@pytest.mark.parametrize(
    "value",
    ["", "   ", None, True, 1.5, ["a"], {"nested": "dict"}, b"bytes"],
)
def test_blank_or_non_text_values_count_as_missing(value: object) -> None:
    rendered = render("{{ customer.first_name }}", {"customer": {"first_name": value}})
    assert rendered.missing == (Placeholder("customer.first_name", 0, len("[[customer.first_name]]")),)


def test_objects_in_the_context_are_never_read_or_called() -> None:
    touched: list[str] = []

    class Spy:
        def __str__(self) -> str:
            touched.append("str")
            return "leak"

        def __getattr__(self, name: str) -> object:
            touched.append(name)
            return "leak"

    class SneakyStr(str):
        def strip(self, chars: str | None = None) -> str:
            touched.append("strip")
            return "x"

    class SneakyDict(dict):  # type: ignore[type-arg]
        def get(self, key: object, default: object = None) -> object:
            touched.append("get")
            return "leak"

    context: dict[str, object] = {
        "spy": Spy(),
        "customer": {"first_name": Spy(), "last_name": SneakyStr("Martin")},
        "order": SneakyDict(number="1"),
    }
    rendered = render(
        "{{ spy }} {{ spy.name }} {{ customer.first_name }} {{ customer.last_name }} {{ order.number }}",
        context,
    )
    assert "leak" not in rendered.text and len(rendered.missing) == 5
    assert touched == []
    with pytest.raises(TypeError):
        render("x", SneakyDict())


def test_values_are_not_rendered_again() -> None:
    # A customer-typed subject that looks like a template stays literal text.
    context: dict[str, object] = {
        "case": {"subject": "{{ advisor.first_name }} {% import os %}"},
        "advisor": {"first_name": "K"},
    }
    assert render("« {{ case.subject }} »", context).text == "« {{ advisor.first_name }} {% import os %} »"


@pytest.mark.parametrize(
    ("template", "message", "column"),
    [
        ("{{ __class__ }}", "underscore", 4),
        ("{{ customer.__class__.__mro__ }}", "underscore", 4),
        ("{{ x.__init__.__globals__ }}", "underscore", 4),
        ("{{ _private }}", "underscore", 4),
        ("{% import os %}", "not supported", 1),
        ("Bonjour {% for x in range(10**9) %}x{% endfor %}", "not supported", 9),
        ("{# comment #}", "not supported", 1),
        ("{{ ''.join }}", "only dotted names", 4),
        ('{{ "".__class__ }}', "underscore", 4),
        ("{{ customer.first_name() }}", "only dotted names", 23),
        ("{{ order['number'] }}", "only dotted names", 9),
        ("{{ order.lines[0] }}", "only dotted names", 15),
        ("{{ 1 + 1 }}", "only dotted names", 5),
        ("{{ lambda: 0 }}", "only dotted names", 10),
        ("{{ os.system('ls') }}", "only dotted names", 13),
        ("{{ Customer.Name }}", "not a placeholder name", 4),
        ("{{ a.b.c.d.e }}", "not a placeholder name", 4),
        ("{{ customer.first_name | safe }}", "unknown filter", 25),
        ("{{ customer.first_name | attr('x') }}", "unknown filter", 25),
        ("{{ customer.first_name | }}", "unknown filter", 25),
        ("{{ }}", "empty placeholder", 1),
        ("{{ {{ customer.first_name }} }}", "nested", 4),
        ("{{{ x }}}", "nested", 3),
        ("{{ x } }}", "unexpected '}'", 6),
        ("Bonjour }}", "without a matching", 9),
        ("Bonjour {{ customer.first_name", "never closed", 9),
        ("ligne 1\nligne 2 {{ __dict__ }}", "underscore", 12),
    ],
)
def test_escape_attempts_and_foreign_syntax_are_rejected_with_their_position(
    template: str, message: str, column: int
) -> None:
    with pytest.raises(TemplateError) as caught:
        render(template, CONTEXT)
    assert message in caught.value.message
    assert caught.value.column == column, str(caught.value)
    assert template.count("\n") + 1 >= caught.value.line >= 1


def test_error_position_counts_lines() -> None:
    with pytest.raises(TemplateError) as caught:
        parse("Bonjour,\n\nMerci {% if x %}")
    assert (caught.value.line, caught.value.column, caught.value.position) == (3, 7, 16)


def test_deeply_nested_and_huge_inputs_fail_fast_without_hanging() -> None:
    # Each would take quadratic time (or recursion) in a naive engine; here they are one scan.
    nested = "{" * (MAX_TEMPLATE_LENGTH - 10) + "}" * 10
    with pytest.raises(TemplateError, match="never closed"):
        parse(nested)
    with pytest.raises(TemplateError, match="nested"):
        parse("{{ a " + "{{ a }}" * (MAX_TEMPLATE_LENGTH // 8))
    single_braces = "{a" * (MAX_TEMPLATE_LENGTH // 2 - 2) + "}}"
    with pytest.raises(TemplateError, match="without a matching"):
        parse(single_braces)
    never_closed = "{{ a" + " " * (MAX_TEMPLATE_LENGTH - 10)
    with pytest.raises(TemplateError, match="never closed"):
        parse(never_closed)
    with pytest.raises(TemplateError, match="too long"):
        parse("x" * (MAX_TEMPLATE_LENGTH + 1))
    many = "{{ customer.first_name }}" * (MAX_TEMPLATE_LENGTH // 25)
    assert len(render(many, CONTEXT).spans) == MAX_TEMPLATE_LENGTH // 25


def test_rendered_output_is_bounded() -> None:
    big: dict[str, object] = {"case": {"subject": "x" * (MAX_OUTPUT_LENGTH // 4)}}
    assert len(render("{{ case.subject }}" * 4, big).text) == MAX_OUTPUT_LENGTH
    with pytest.raises(TemplateError, match="rendered text too long"):
        render("{{ case.subject }}" * 5, big)


def test_parse_lists_names_once_in_order() -> None:
    template = parse("{{ b.x }} {{ a.y }} {{ b.x | upper }}")
    assert template.names == ("b.x", "a.y")
    assert render(template, {"b": {"x": "1"}}).text == "1 [[a.y]] 1"


def test_find_markers_in_edited_text() -> None:
    text = "Bonjour [[customer.first_name]], votre commande [[ order.number ]] et {{ product.name }} ; [[pas un nom]]"
    found = find_markers(text)
    assert [m.name for m in found] == ["customer.first_name", "order.number", "product.name"]
    assert [text[m.start : m.end] for m in found] == [
        "[[customer.first_name]]",
        "[[ order.number ]]",
        "{{ product.name }}",
    ]
    assert find_markers("Tout est rempli.") == []
    # A lone "{{" left in the text is reported too (the advisor pasted half a placeholder).
    assert [(m.name, m.start) for m in find_markers("a {{ b")] == [("", 2)]


# --- properties: whatever the input, a TemplateError or a consistent result, nothing else ----------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

TEMPLATE_ALPHABET = st.sampled_from(
    list("{}%#|_ .ab[]()'\"\n") + ["customer", "first_name", "order", "__class__"]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(TEMPLATE_ALPHABET, max_size=60).map("".join))
def test_any_input_parses_or_fails_cleanly(source: str) -> None:
    try:
        rendered = render(source, CONTEXT)
    except TemplateError as exc:
        assert 0 <= exc.position <= len(source)
        return
    for marker in rendered.missing:
        assert rendered.text[marker.start : marker.end] == f"[[{marker.name}]]"
    for span in rendered.spans:
        assert 0 <= span.start <= span.end <= len(rendered.text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_plain_text_without_double_braces_renders_unchanged(text: str) -> None:
    text = text.replace("{", "(").replace("}", ")")
    assert render(text, {}).text == text
