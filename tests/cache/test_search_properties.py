"""Property: whatever text is typed, search answers a list (FTS syntax can never leak through)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from cache_builders import Clock, Desk, customer, interaction, open_desk
from hypothesis import given, settings
from hypothesis import strategies as st

from advisor_desk.cache.search import fts_query, text_query

FTS_SYNTAX = st.sampled_from(['"', "'", "*", "(", ")", "-", "+", ":", "^", "AND", "OR", "NOT", "NEAR", "NEAR/2", "{", "}", " "])  # fmt: skip
TYPED = st.lists(st.one_of(st.text(max_size=8), FTS_SYNTAX), max_size=12).map("".join)


@pytest.fixture(scope="module")
def shared_desk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desk]:
    desk = open_desk(Path(tmp_path_factory.mktemp("search")) / "desk.cache.sqlite3", Clock())
    desk.feed(
        customer(2, first_name="Zoé", last_name="N'Diaye"),
        interaction(9, "cust-2", text="Tente (2 places) ***"),
    )
    yield desk
    desk.cache.close()


@settings(max_examples=400, deadline=None)
@given(TYPED)
def test_any_typed_text_is_safe(shared_desk: Desk, typed: str) -> None:
    hits = shared_desk.cache.search_customers(typed)
    assert isinstance(hits, list)
    for query in (fts_query(typed), text_query(typed)):
        assert query is None or query.count('"') % 2 == 0
