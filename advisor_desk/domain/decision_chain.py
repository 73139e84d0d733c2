"""The tamper-evident decision log: each entry chained to the previous one by SHA-256.

``hash = sha256(prev_hash + "\\n" + canonical(entry))`` where ``canonical`` is sorted-key, compact
JSON of the entry's sequence number, kind and fields (for a grant: decision id, user, customer, case,
gesture, amount, currency, reason, time, offline flag, voucher; the kind says the status change:
granted, rejected by the centre, revoked...). Entries are never edited: a correction is a new entry.

:func:`verify` replays the chain and names the first entry that was altered, deleted, inserted or
reordered. A chain rebuilt consistently from scratch by someone with the file is only caught by
comparing with *witnesses* of what the chain was: the hashes the central API acknowledged (the
reference: nobody with the file can edit them) and, weaker, copies kept elsewhere in the same file
(decisions carry the hash of their grant entry, queued mutations carry theirs, receipts are stored
beside the entries). :func:`cross_check` compares the decisions themselves with the grant entries that
recorded them, so an amount edited in the decisions table is caught too.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from advisor_desk.domain.model import Decision, DecisionStatus

GENESIS_HASH = "0" * 64


class EntryKind(StrEnum):
    GRANT = "grant"
    REJECTION = "rejection"  # the centre refused a grant
    ESCALATION = "escalation"
    ESCALATION_ANSWER = "escalation_answer"
    REVOCATION = "revocation"
    CORRECTION = "correction"


def canonical(fields: Mapping[str, Any]) -> bytes:
    """Deterministic bytes for an entry: the same fields always give the same bytes."""
    return json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def chain_hash(prev_hash: str, fields: Mapping[str, Any]) -> str:
    # A prev_hash edited into non-ASCII text must give a mismatch, not an exception.
    return hashlib.sha256(prev_hash.encode("utf-8", "replace") + b"\n" + canonical(fields)).hexdigest()


@dataclass(frozen=True, slots=True)
class ChainEntry:
    seq: int  # 1, 2, 3... without gaps
    kind: EntryKind
    fields: Mapping[str, Any]  # what the entry says (decision id, amount, reason...): hashed as is
    prev_hash: str
    hash: str


def append(previous: ChainEntry | None, kind: EntryKind, fields: Mapping[str, Any]) -> ChainEntry:
    """The next entry after ``previous`` (None for the first)."""
    seq = previous.seq + 1 if previous else 1
    prev_hash = previous.hash if previous else GENESIS_HASH
    body = {"seq": seq, "kind": kind.value, **fields}
    return ChainEntry(seq, kind, dict(fields), prev_hash, chain_hash(prev_hash, body))


def entry_body(entry: ChainEntry, seq: int | None = None) -> dict[str, Any]:
    return {"seq": entry.seq if seq is None else seq, "kind": entry.kind.value, **entry.fields}


def _self_consistent(entry: ChainEntry, seq: int | None = None) -> bool:
    try:
        return chain_hash(entry.prev_hash, entry_body(entry, seq)) == entry.hash
    except (TypeError, ValueError):  # fields that no longer serialise: certainly not what was hashed
        return False


class Tampering(StrEnum):
    ALTERED = "altered"  # the entry's content no longer matches its hash (or what recorded it)
    DELETED = "deleted"  # an entry is missing
    INSERTED = "inserted"  # an entry that was not part of the chain
    REORDERED = "reordered"  # entries out of order
    REBUILT = "rebuilt"  # consistent locally, but differs from what a witness (the centre) holds
    TRUNCATED = "truncated"  # entries a witness knows of are missing at the end


@dataclass(frozen=True, slots=True)
class Acknowledgement:
    """What a witness holds of one chain position: its hash, and the one before when known."""

    hash: str
    prev_hash: str | None = None


@dataclass(frozen=True, slots=True)
class ChainReport:
    verified_up_to: int  # last seq verified (0 when none)
    problem: Tampering | None = None
    first_bad_seq: int | None = None
    detail: str = ""
    #: The highest position a witness confirmed (0 when none was compared).
    confirmed_up_to: int = 0
    #: The decision the failing entry or row is about, when there is one.
    decision_id: str | None = None

    @property
    def ok(self) -> bool:
        return self.problem is None


def _as_ack(value: str | Acknowledgement) -> Acknowledgement:
    return value if isinstance(value, Acknowledgement) else Acknowledgement(value)


def _original_seq(entry: ChainEntry, limit: int) -> int | None:
    """The sequence number ``entry`` was hashed with, when its number was edited (renumbering)."""
    for candidate in range(1, limit + 1):
        if candidate != entry.seq and _self_consistent(entry, candidate):
            return candidate
    return None


def _decision_of(entry: ChainEntry) -> str | None:
    value = entry.fields.get("decision_id")
    return value if isinstance(value, str) else None


def _local_problem(
    entries: Sequence[ChainEntry], index: int, prev: ChainEntry | None, expected: int
) -> ChainReport | None:
    """What is wrong with ``entries[index]`` replayed after ``prev`` (None when it follows well)."""
    entry = entries[index]
    verified = expected - 1
    prev_hash = prev.hash if prev else GENESIS_HASH
    consistent = _self_consistent(entry)
    links = entry.prev_hash == prev_hash
    if entry.seq == expected and consistent and links:
        return None
    seqs = [e.seq for e in entries]
    about = _decision_of(entry)

    def report(kind: Tampering, seq: int, detail: str, decision: str | None = about) -> ChainReport:
        return ChainReport(verified, kind, seq, detail, decision_id=decision)

    if entry.seq != expected:
        if entry.seq < expected:
            if entry.seq in seqs[:index]:
                return report(
                    Tampering.INSERTED,
                    entry.seq,
                    f"a second entry numbered {entry.seq}, stored after entry {expected - 1}",
                )
            return report(Tampering.REORDERED, entry.seq, f"entry {entry.seq} stored after {expected - 1}")
        if expected in seqs[index + 1 :]:
            return report(
                Tampering.REORDERED, expected, f"entry {entry.seq} stored where entry {expected} belongs"
            )
        if consistent and links:
            # the entry follows its predecessor but claims a later number: the number was edited
            return report(Tampering.ALTERED, expected, f"entry {expected} renumbered {entry.seq}")
        return report(
            Tampering.DELETED, expected, f"entry {expected} is missing (the next one is {entry.seq})", None
        )
    # the number is the expected one
    if consistent:
        # content and hash agree but it does not follow its predecessor
        nxt = entries[index + 1] if index + 1 < len(entries) else None
        if nxt is not None and nxt.prev_hash == prev_hash:
            return report(
                Tampering.INSERTED, expected, f"entry {expected} is not part of the chain: the next follows"
            )
        if prev is not None:
            return ChainReport(
                verified - 1,
                Tampering.ALTERED,
                prev.seq,
                f"entry {prev.seq} was rewritten with a new hash: entry {expected} no longer follows it",
                decision_id=_decision_of(prev),
            )
        return report(Tampering.INSERTED, expected, "the first entry does not start the chain")
    original = _original_seq(entry, len(entries) + 2)
    if original is not None and original != expected:
        # the entry was hashed under another number: entries moved, vanished or came in before it
        if original > expected and any(_self_consistent(e, expected) for e in entries[index + 1 :]):
            return report(
                Tampering.REORDERED, expected, f"entry {original} stored where entry {expected} belongs"
            )
        if original > expected:
            return report(
                Tampering.DELETED,
                expected,
                f"entries {expected} to {original - 1} are missing (entry {original} was renumbered)",
                None,
            )
        if index > 0 and entries[index - 1].prev_hash == entry.prev_hash:
            return ChainReport(
                verified - 1,
                Tampering.INSERTED,
                expected - 1,
                f"entry {expected - 1} was inserted before entry {original} (the later ones renumbered)",
                decision_id=_decision_of(entries[index - 1]),
            )
        return report(Tampering.INSERTED, expected, f"an entry was inserted before entry {original}")
    return report(Tampering.ALTERED, expected, f"the content of entry {expected} does not match its hash")


def verify(
    entries: Sequence[ChainEntry],
    acknowledged: Mapping[int, str] | Mapping[int, Acknowledgement] | None = None,
) -> ChainReport:
    """Replay ``entries`` (in stored order) and compare with what a witness acknowledged.

    ``acknowledged`` maps sequence numbers to the hash the central API stored for them (or an
    :class:`Acknowledgement` that also says the hash before). Returns the first entry that is wrong
    and how; ``verified_up_to`` is the last entry that replays well and agrees with the witness.
    """
    acks = {seq: _as_ack(v) for seq, v in (acknowledged or {}).items()}
    prev: ChainEntry | None = None
    verified = 0
    confirmed = 0
    hashes: dict[int, str] = {}
    for index, entry in enumerate(entries):
        expected = verified + 1
        problem = _local_problem(entries, index, prev, expected)
        if problem is not None:
            return _with_confirmed(problem, confirmed)
        ack = acks.get(entry.seq)
        if ack is not None:
            if ack.hash != entry.hash:
                return _rebuilt(entry, ack, hashes, confirmed)
            confirmed = entry.seq
        hashes[entry.seq] = entry.hash
        prev = entry
        verified = entry.seq
    if acks:
        top = max(acks)
        if top > verified:
            return ChainReport(
                verified,
                Tampering.TRUNCATED,
                verified + 1,
                f"entries {verified + 1} to {top} are missing at the end",
                confirmed,
            )
    return ChainReport(verified, confirmed_up_to=confirmed)


def _with_confirmed(report: ChainReport, confirmed: int) -> ChainReport:
    return ChainReport(
        report.verified_up_to,
        report.problem,
        report.first_bad_seq,
        report.detail,
        confirmed,
        report.decision_id,
    )


def _rebuilt(
    entry: ChainEntry, ack: Acknowledgement, hashes: Mapping[int, str], confirmed: int
) -> ChainReport:
    """Locally consistent, yet entry ``entry.seq`` differs from the witness: where did it start?

    The witness's hash of an entry covers every entry before it, so everything up to the last
    confirmed position is as acknowledged; when the witness also says the hash before this entry,
    and that one still agrees, this very entry is the first one rewritten.
    """
    seq = entry.seq
    if ack.prev_hash is not None and ack.prev_hash == (hashes.get(seq - 1) if seq > 1 else GENESIS_HASH):
        first = seq
    else:
        # the hash of an entry covers all the ones before it: everything up to the last confirmed
        # position is intact, and the first rewritten entry lies somewhere after it
        first = confirmed + 1
    span = f"entry {first}" if first == seq else f"entries {first} to {seq}"
    return ChainReport(
        first - 1,
        Tampering.REBUILT,
        first,
        f"{span} {'differs' if first == seq else 'differ'} from the copy the centre acknowledged; "
        "the chain was rebuilt",
        confirmed,
        _decision_of(entry) if first == seq else None,
    )


# -- the decisions against the entries that recorded them ------------------------------------------

#: Grant-entry field -> how to read the same value from a :class:`Decision`.
_GRANT_FIELDS: dict[str, str] = {
    "user_id": "user_id",
    "customer_id": "customer_id",
    "case_id": "case_id",
    "order_line_id": "order_line_id",
    "gesture": "gesture",
    "amount_cents": "amount_cents",
    "currency": "currency",
    "reason_code": "reason_code",
    "reason_text": "reason_text",
    "granted_at": "granted_at",
    "offline": "offline",
    "voucher_code": "voucher_code",
}


def _same(field: str, logged: Any, held: Any) -> bool:
    if isinstance(held, datetime):
        if not isinstance(logged, str):
            return False
        try:
            return datetime.fromisoformat(logged.replace("Z", "+00:00")) == held
        except ValueError:
            return False
    if isinstance(held, StrEnum):
        held = held.value
    if field == "amount_cents" or isinstance(held, bool):
        return type(logged) is type(held) and logged == held
    return bool(logged == held)


def cross_check(
    entries: Sequence[ChainEntry], decisions: Sequence[Decision], workstation_id: str | None
) -> ChainReport | None:
    """The first decision that disagrees with the log entries of this workstation (None when all agree).

    Every field a grant entry recorded must read the same in the decision; a decision the centre
    rejected according to the log must say so; a decision this workstation granted (by its
    ``workstation_id`` and chain position) must have its grant entry in the log. Decisions of other
    workstations (the team's, synced from the centre) are not in this log and are left alone.
    """
    grants: dict[str, ChainEntry] = {}
    rejected: set[str] = set()
    for e in entries:
        decision_id = _decision_of(e)
        if decision_id is None:
            continue
        if e.kind is EntryKind.GRANT:
            grants.setdefault(decision_id, e)
        elif e.kind is EntryKind.REJECTION:
            rejected.add(decision_id)
    by_seq = {e.seq: e for e in entries}
    problems: list[ChainReport] = []
    for d in decisions:
        entry = grants.get(d.id)
        if entry is None:
            if workstation_id is not None and d.workstation_id == workstation_id:
                seq = d.chain_seq
                there = by_seq.get(seq) if seq is not None else None
                kind = Tampering.INSERTED if there is not None or seq is None else Tampering.DELETED
                problems.append(
                    ChainReport(
                        0,
                        kind,
                        seq,
                        f"decision {d.id} was granted here but no entry of the log records it",
                        decision_id=d.id,
                    )
                )
            continue
        for field, attribute in _GRANT_FIELDS.items():
            if field not in entry.fields:
                continue
            held = getattr(d, attribute)
            if not _same(field, entry.fields[field], held):
                problems.append(
                    ChainReport(
                        0,
                        Tampering.ALTERED,
                        entry.seq,
                        f"decision {d.id}: {field} is {_show(held)} in the decisions, "
                        f"{_show(entry.fields[field])} in log entry {entry.seq}",
                        decision_id=d.id,
                    )
                )
                break
        else:
            if d.id in rejected and d.status is not DecisionStatus.REJECTED:
                problems.append(
                    ChainReport(
                        0,
                        Tampering.ALTERED,
                        entry.seq,
                        f"decision {d.id} is {d.status.value} but the log says the centre rejected it",
                        decision_id=d.id,
                    )
                )
            elif d.chain_seq is not None and d.chain_seq != entry.seq:
                problems.append(
                    ChainReport(
                        0,
                        Tampering.REORDERED,
                        entry.seq,
                        f"decision {d.id} was recorded as entry {d.chain_seq}, the log has it at {entry.seq}",
                        decision_id=d.id,
                    )
                )
    if not problems:
        return None
    return min(problems, key=lambda r: (r.first_bad_seq is None, r.first_bad_seq or 0))


def _show(value: Any) -> str:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, StrEnum):
        return value.value
    return json.dumps(value, ensure_ascii=False)[:60]
