"""interaction_index: (id, case id) pairs newest first, filtered by channel and case, in one query."""

from __future__ import annotations

from datetime import timedelta

from cache_builders import NOW, Desk, interaction

from advisor_desk.domain.channels import Channel


def test_pairs_newest_first_with_their_case_and_filters(desk: Desk) -> None:
    many = [interaction(100 + n, "cust-1", "case-1" if n % 2 else None,
                        occurred_at=NOW - timedelta(hours=n), channel=Channel.PHONE if n % 3 == 0 else Channel.EMAIL)
            for n in range(30)]  # fmt: skip
    desk.feed(*many)
    cache = desk.cache
    pairs = cache.interaction_index("cust-1")
    assert [i for i, _c in pairs] == cache.interaction_ids("cust-1")
    by_id = {i.id: i for i in cache.interactions_by_ids([i for i, _c in pairs])}
    assert all(by_id[i].case_id == c for i, c in pairs)
    ours = [p for p in pairs if p[0] != "int-1"]
    assert ours[:3] == [("int-100", None), ("int-101", "case-1"), ("int-102", None)]
    phone = cache.interaction_index("cust-1", channels=[Channel.PHONE])
    assert [i for i, _c in phone] == cache.interaction_ids("cust-1", channels=["phone"])
    assert len(phone) == 10
    in_case = cache.interaction_index("cust-1", case_id="case-1")
    assert {c for _i, c in in_case} == {"case-1"}
    assert [i for i, _c in in_case] == cache.interaction_ids("cust-1", case_id="case-1")
    assert cache.interaction_index("nobody") == []
