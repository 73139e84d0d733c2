"""``GET /chain/{workstation_id}`` as the witness of a workstation's decision log.

The centre answers each acknowledged position with its hash *and the hash before it* (``prev_hash``).
With the hash alone a verifier knows that a position differs, and that everything up to the last
position the centre confirmed is intact, but not which entry in between was rewritten. With
``prev_hash`` it can tell: when the hash before a differing position still agrees, that very entry is
the first one rewritten. These tests drive the real server (SQLite, and PostgreSQL when
``ADVISOR_DESK_TEST_POSTGRES_URL`` is set) and the domain's verification with what it answered.
"""

from __future__ import annotations

from advisor_desk.domain.decision_chain import (
    GENESIS_HASH,
    Acknowledgement,
    ChainEntry,
    Tampering,
    append,
    verify,
)
from server.support import Workstation


def _acks(entries: list[dict], *, with_prev: bool = True) -> dict[int, Acknowledgement]:
    return {e["seq"]: Acknowledgement(e["hash"], e["prev_hash"] if with_prev else None) for e in entries}


def _rebuilt_from(chain: list[ChainEntry], seq: int, amount_cents: int) -> list[ChainEntry]:
    """The chain with entry ``seq``'s amount changed and every later entry re-hashed (a rebuilt log)."""
    out = chain[: seq - 1]
    for entry in chain[seq - 1 :]:
        fields = dict(entry.fields)
        if entry.seq == seq:
            fields["amount_cents"] = amount_cents
        out.append(append(out[-1] if out else None, entry.kind, fields))
    return out


def test_chain_entries_say_the_hash_before_them(live_server) -> None:
    live_server.seed_world()
    client = live_server.client("advisor")
    station = Workstation()
    sent = [station.grant("c-north-1", 100 * n) for n in (1, 2, 3)]
    station.send(client, *sent)
    entries = client.get(f"/api/v1/chain/{station.workstation_id}").json()["entries"]
    assert [e["seq"] for e in entries] == [1, 2, 3]
    assert entries[0]["prev_hash"] == GENESIS_HASH
    assert [e["prev_hash"] for e in entries[1:]] == [e["hash"] for e in entries[:-1]]
    assert [(e["prev_hash"], e["hash"]) for e in entries] == [
        (m["payload"]["chain"]["prev_hash"], m["payload"]["chain"]["hash"]) for m in sent
    ]
    assert set(entries[0]) == {"seq", "prev_hash", "hash", "received_at"}


def test_prev_hash_names_the_rewritten_entry_where_the_centre_has_gaps(live_server) -> None:
    """One desk, two users of different teams: each sees only its team's acknowledgements.

    Entry 2 was granted by a south advisor, so the north advisor's copy from the centre has no entry
    2. When entry 3 is rewritten, the hash before it, as the centre holds it, still agrees with the
    local entry 2: the verification names entry 3, not "entries 2 to 3".
    """
    live_server.seed_world()
    north, south = live_server.client("advisor"), live_server.client("other")
    station = Workstation()
    chain: list[ChainEntry] = []
    for client, customer in ((north, "c-north-1"), (south, "c-south-1"), (north, "c-north-2")):
        grant = station.grant(customer, 1_000)
        assert station.head is not None
        chain.append(station.head)
        [result] = station.send(client, grant)
        assert result["status"] == "applied", result
    seen = north.get(f"/api/v1/chain/{station.workstation_id}").json()["entries"]
    assert [e["seq"] for e in seen] == [1, 3]  # entry 2 is the south team's

    assert verify(chain, _acks(seen)).ok

    rewritten = _rebuilt_from(chain, 3, 9_000)
    report = verify(rewritten, _acks(seen))
    assert (report.problem, report.first_bad_seq, report.verified_up_to) == (Tampering.REBUILT, 3, 2)
    assert report.detail.startswith("entry 3 differs")
    assert report.decision_id == rewritten[2].fields["decision_id"]
    # Without prev_hash the same comparison can only bracket it.
    blind = verify(rewritten, _acks(seen, with_prev=False))
    assert (blind.problem, blind.first_bad_seq) == (Tampering.REBUILT, 2)
    assert blind.detail.startswith("entries 2 to 3 differ")

    # Entry 2 rewritten (a grant the north advisor's copy never saw): entry 3's prev_hash no longer
    # agrees, so entry 3 is not the first rewritten one, and nothing before entry 2 is blamed.
    earlier = _rebuilt_from(chain, 2, 9_000)
    report = verify(earlier, _acks(seen))
    assert (report.problem, report.first_bad_seq) == (Tampering.REBUILT, 2)
    assert report.detail.startswith("entries 2 to 3 differ")


def test_a_rewritten_first_entry_is_named_by_its_genesis_link(live_server) -> None:
    live_server.seed_world()
    client = live_server.client("advisor")
    station = Workstation()
    grant = station.grant("c-north-1", 500)
    assert station.head is not None
    chain = [station.head]
    station.send(client, grant)
    seen = client.get(f"/api/v1/chain/{station.workstation_id}").json()["entries"]
    forged = _rebuilt_from(chain, 1, 50)
    report = verify(forged, _acks(seen))
    assert (report.problem, report.first_bad_seq) == (Tampering.REBUILT, 1)
    assert report.detail.startswith("entry 1 differs")
