"""Money parsing, the decision chain and the wire format."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

import pytest

from advisor_desk.domain import decision_chain as dc
from advisor_desk.domain.channels import DEFAULT_TARGETS, Channel, ResponseState, countdown
from advisor_desk.domain.identity import normalise_phone
from advisor_desk.domain.model import Case, CaseKind, CaseStatus, ComplaintCategory, Customer
from advisor_desk.domain.money import AmountParseError, AmountProblem, parse_amount
from advisor_desk.domain.wire import WireError, from_wire, to_wire


@pytest.mark.parametrize(
    ("text", "point", "cents"),
    [
        ("12,50", ",", 1250),
        ("12.50", ".", 1250),
        ("12.5", ",", 1250),
        ("12,50 €", ",", 1250),
        ("1 234,56", ",", 123456),
        ("0,01", ",", 1),
    ],
)
def test_parse_amount(text: str, point: str, cents: int) -> None:
    assert parse_amount(text, point) == cents


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", AmountProblem.EMPTY),
        ("-3", AmountProblem.NEGATIVE),
        ("0", AmountProblem.ZERO),
        ("abc", AmountProblem.NOT_A_NUMBER),
        ("1,234", AmountProblem.TOO_MANY_DECIMALS),
        ("99999999999999", AmountProblem.TOO_LARGE),
        ("1e5", AmountProblem.NOT_A_NUMBER),
    ],
)
def test_parse_amount_refuses(text: str, problem: AmountProblem) -> None:
    with pytest.raises(AmountParseError) as err:
        parse_amount(text, ",")
    assert err.value.problem is problem


def test_chain_detects_alteration_deletion_and_reordering() -> None:
    entries: list[dc.ChainEntry] = []
    for i in range(5):
        entries.append(
            dc.append(entries[-1] if entries else None, dc.EntryKind.GRANT, {"amount_cents": 100 * i})
        )
    assert dc.verify(entries).ok and dc.verify(entries).verified_up_to == 5
    altered = list(entries)
    altered[2] = dataclasses.replace(altered[2], fields={"amount_cents": 99999})
    assert (dc.verify(altered).problem, dc.verify(altered).first_bad_seq) == (dc.Tampering.ALTERED, 3)
    deleted = entries[:2] + entries[3:]
    assert (dc.verify(deleted).problem, dc.verify(deleted).first_bad_seq) == (dc.Tampering.DELETED, 3)
    reordered = entries[:2] + [entries[3], entries[2]] + entries[4:]
    assert dc.verify(reordered).problem is dc.Tampering.REORDERED
    # rebuilt from scratch with other content: consistent locally, caught by the centre's copy
    rebuilt: list[dc.ChainEntry] = []
    for i in range(5):
        rebuilt.append(
            dc.append(rebuilt[-1] if rebuilt else None, dc.EntryKind.GRANT, {"amount_cents": 1 + i})
        )
    assert dc.verify(rebuilt).ok
    acknowledged = {e.seq: e.hash for e in entries}
    report = dc.verify(rebuilt, acknowledged)
    assert (report.problem, report.first_bad_seq) == (dc.Tampering.REBUILT, 1)
    assert dc.verify(entries[:3], acknowledged).problem is dc.Tampering.TRUNCATED


def test_wire_round_trip_and_bad_shapes() -> None:
    case = Case(
        "k1",
        "c1",
        CaseKind.COMPLAINT,
        ComplaintCategory.LATE_DELIVERY,
        CaseStatus.NEW,
        Channel.EMAIL,
        "Colis",
        datetime(2026, 1, 2, 3, 4, tzinfo=UTC),
        "lyon",
    )
    assert from_wire(Case, to_wire(case)) == case
    customer = Customer("c1", "Élodie", "Martin", emails=("e@x.fr",))
    assert from_wire(Customer, to_wire(customer)) == customer
    with pytest.raises(WireError):
        from_wire(Case, {**to_wire(case), "status": "exploded"})
    with pytest.raises(WireError):
        from_wire(Case, {**to_wire(case), "version": "1"})
    with pytest.raises(WireError):
        from_wire(Case, [1, 2])
    with pytest.raises(WireError):
        from_wire(Case, {k: v for k, v in to_wire(case).items() if k != "opened_at"})


def test_countdown_states_and_acknowledgement_stops_first_clock() -> None:
    target = DEFAULT_TARGETS[Channel.TWITTER]  # 30 min target, 2 h limit
    opened = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
    at = lambda m: opened.replace(minute=0) + __import__("datetime").timedelta(minutes=m)  # noqa: E731
    assert countdown(target, opened, at(10)).state is ResponseState.ON_TIME
    assert countdown(target, opened, at(25)).state is ResponseState.NEAR_TARGET
    assert countdown(target, opened, at(31)).state is ResponseState.PAST_TARGET
    assert countdown(target, opened, at(121)).state is ResponseState.PAST_LIMIT
    acknowledged = countdown(target, opened, at(121), first_response_at=at(20))
    assert acknowledged.clock == "resolution" and acknowledged.state is ResponseState.ON_TIME


@pytest.mark.parametrize("text", ["+33 6 12 34 56 78", "06.12.34.56.78", "0033612345678", "06 12 34 56 78"])
def test_phone_forms_agree(text: str) -> None:
    assert normalise_phone(text) == "33612345678"
