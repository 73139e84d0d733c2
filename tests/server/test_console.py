"""``advisor-desk-server message`` and ``erase``: what happens at the centre, from a terminal.

A message lands on the customer's case and in the workstations' feed like any change; an erasure
leaves a tombstone without personal data. Bad requests get a clear sentence and exit 1, and change
nothing. What the commands print carries ids, never the customer's words or name.
"""

from __future__ import annotations

from typing import Any

import pytest

from advisor_desk.server import console
from advisor_desk.server.cli import main


def feed(client: Any) -> list[dict[str, Any]]:
    changes: list[dict[str, Any]] = []
    after = "0"
    while True:
        page = client.get("/api/v1/changes", params={"after": after, "limit": 1000}).json()
        changes += page["changes"]
        after = page["next"]
        if not page["has_more"]:
            return changes


def run(capsys: pytest.CaptureFixture[str], url: str, *args: str) -> tuple[int, str, str]:
    code = main([*args, "--database-url", url])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_message_lands_on_the_open_case_and_in_the_feed(live_server: Any, capsys: Any) -> None:
    live_server.seed_world()
    advisor = live_server.client("advisor")
    before = len(feed(advisor))
    text = "Bonjour, <b>toujours</b> rien reçu — Hélène"
    code, out, err = run(
        capsys, live_server.database_url, "message", "--customer", "Hélène.Dupont@example.com", text
    )
    assert code == 0, err
    assert "c-north-1-case" in out and "c-north-1" in out
    assert "Hélène" not in out and "toujours" not in out  # ids only
    changes = feed(advisor)[before:]
    [arrived] = [c for c in changes if c["entity"] == "interaction" and c["id"].startswith("msg-")]
    data = arrived["data"]
    assert data["text"] == text and data["direction"] == "inbound"
    assert data["case_id"] == "c-north-1-case" and data["customer_id"] == "c-north-1"
    assert data["author"] == "Hélène Dupont" and data["channel"] == "email"  # the case's channel
    # another team's workstation hears nothing of it
    south = live_server.client("other")
    assert all(c["id"] != arrived["id"] for c in feed(south))


@pytest.mark.parametrize(
    "who",
    [
        "c-north-2",
        "+44 7700 900123",
        "+447700900123",
        "LC-C-NORTH-2",
        "lc-c-north-2",
        "JOHN.SMITH@example.com",
    ],
)
def test_a_customer_is_named_by_id_phone_card_or_email(live_server: Any, who: str) -> None:
    live_server.seed_world()
    with live_server.database.write() as db:
        assert console.find_customer(db, who) == "c-north-2"


def test_a_message_on_a_named_case_and_channel(live_server: Any, capsys: Any) -> None:
    live_server.seed_world()
    code, out, err = run(
        capsys,
        live_server.database_url,
        "message",
        "--customer",
        "c-north-2",
        "--case",
        "c-north-2-case",
        "--channel",
        "sms",
        "Merci",
    )
    assert code == 0, err
    assert "by sms, on case c-north-2-case" in out


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--customer", "nobody@example.com", "Bonjour"], "no customer has"),
        (["--customer", "c-north-1", "--case", "c-north-2-case", "Bonjour"], "belongs to another customer"),
        (["--customer", "c-north-1", "--case", "no-such-case", "Bonjour"], "there is no case"),
        (["--customer", "c-north-1", "   "], "the message is empty"),
        (["--customer", "c-north-1", "x" * 100_001], "the most is 100,000"),
        (["--customer", "  ", "Bonjour"], "name a customer"),
    ],
)
def test_a_bad_message_says_why_and_changes_nothing(
    live_server: Any, capsys: Any, args: list[str], said: str
) -> None:
    live_server.seed_world()
    advisor = live_server.client("advisor")
    before = feed(advisor)
    code, out, err = run(capsys, live_server.database_url, "message", *args)
    assert code == 1 and out == ""
    assert said in err
    assert feed(advisor) == before


def test_a_note_is_not_something_a_customer_writes(live_server: Any) -> None:
    live_server.seed_world()
    with pytest.raises(SystemExit) as exit_:
        main(
            [
                "message",
                "--customer",
                "c-north-1",
                "--channel",
                "note",
                "x",
                "--database-url",
                live_server.database_url,
            ]
        )
    assert exit_.value.code == 2
    with live_server.database.write() as db, pytest.raises(console.ConsoleError, match="does not write"):
        console.deliver_message(db, "c-north-1", "x", channel="order_event")


def test_erase_leaves_a_tombstone_and_is_idempotent(live_server: Any, capsys: Any) -> None:
    live_server.seed_world()
    advisor = live_server.client("advisor")
    code, out, err = run(capsys, live_server.database_url, "erase", "--customer", "06 12 34 56 78")
    assert code == 0, err
    assert "customer c-north-1 erased" in out and "gdpr_art17_request" in out
    assert "Dupont" not in out and "06 12" not in out
    assert {"entity": "customer", "id": "c-north-1"}.items() <= next(
        c for c in reversed(feed(advisor)) if c["entity"] == "customer"
    ).items()
    # by its id, again: the same tombstone
    code, again, _ = run(capsys, live_server.database_url, "erase", "--customer", "c-north-1")
    assert code == 0 and again == out
    # her phone number is gone with her
    code, _, err = run(capsys, live_server.database_url, "erase", "--customer", "06 12 34 56 78")
    assert code == 1 and "no customer has" in err
    # and a message can no longer reach her
    code, _, err = run(capsys, live_server.database_url, "message", "--customer", "c-north-1", "Bonjour")
    assert code == 1


def test_erase_takes_a_machine_reason_code_only(live_server: Any, capsys: Any) -> None:
    live_server.seed_world()
    code, out, err = run(
        capsys,
        live_server.database_url,
        "erase",
        "--customer",
        "c-north-1",
        "--reason-code",
        "Asked by Hélène",
    )
    assert code == 1 and out == "" and "machine code" in err
    with live_server.database.read() as db:
        assert console.find_customer(db, "c-north-1") == "c-north-1"


def test_the_message_goes_to_the_open_case_touched_last(live_server: Any) -> None:
    from datetime import UTC, datetime, timedelta

    from advisor_desk.domain import model
    from advisor_desk.domain.channels import Channel

    live_server.seed_world()
    now = datetime.now(UTC)

    def case(case_id: str, opened: datetime, updated: datetime | None) -> model.Case:
        return model.Case(
            case_id,
            "c-north-2",
            model.CaseKind.REQUEST,
            model.ComplaintCategory.BILLING_ERROR,
            model.CaseStatus.IN_PROGRESS,
            Channel.CHAT,
            "Facture",
            opened,
            "north",
            updated_at=updated,
        )

    # never changed since it opened yesterday (no updated_at) against one touched a minute ago, and
    # the seed's own case: the one touched last wins, whatever the database does with NULLs
    live_server.save(
        case("k-untouched", now - timedelta(days=1), None),
        case("k-recent", now - timedelta(days=3), now - timedelta(minutes=1)),
    )
    with live_server.database.write() as db:
        delivered = console.deliver_message(db, "c-north-2", "Bonjour")
    assert delivered.case is not None and delivered.case.id == "k-recent"
    assert delivered.interaction.channel is Channel.CHAT
