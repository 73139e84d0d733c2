"""The tamper-evident decision log: each entry chained to the previous one by SHA-256.

``hash = sha256(prev_hash + "\\n" + canonical(entry))`` where ``canonical`` is sorted-key, compact
JSON of the entry's fields. Entries are never edited: a correction is a new entry. Replaying the chain
finds an edited, deleted, inserted or reordered entry; a chain rebuilt consistently from scratch by
someone with the file is only caught by comparing with the hashes the central API acknowledged.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

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
    return hashlib.sha256(prev_hash.encode("ascii") + b"\n" + canonical(fields)).hexdigest()


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


def entry_body(entry: ChainEntry) -> dict[str, Any]:
    return {"seq": entry.seq, "kind": entry.kind.value, **entry.fields}


class Tampering(StrEnum):
    ALTERED = "altered"  # the entry's content no longer matches its hash
    DELETED = "deleted"  # a sequence number is missing
    INSERTED = "inserted"  # an entry that does not link to its predecessor
    REORDERED = "reordered"  # sequence numbers out of order
    REBUILT = "rebuilt"  # consistent locally, but differs from what the centre acknowledged
    TRUNCATED = "truncated"  # entries the centre acknowledged are missing at the end


@dataclass(frozen=True, slots=True)
class ChainReport:
    verified_up_to: int  # last seq verified (0 when none)
    problem: Tampering | None = None
    first_bad_seq: int | None = None
    detail: str = ""

    @property
    def ok(self) -> bool:
        return self.problem is None


def verify(entries: Sequence[ChainEntry], acknowledged: Mapping[int, str] | None = None) -> ChainReport:
    """Replay ``entries`` (in stored order) and compare with hashes the centre acknowledged.

    ``acknowledged`` maps sequence numbers to the hash the central API stored for them. Returns the
    first entry that is wrong and how.
    """
    prev_hash = GENESIS_HASH
    expected_seq = 1
    verified = 0
    for entry in entries:
        if entry.seq != expected_seq:
            if entry.seq > expected_seq:
                # a gap: either something was deleted here, or an entry moved up from later on
                later = [e.seq for e in entries if e.seq == expected_seq]
                kind = Tampering.REORDERED if later else Tampering.DELETED
                return ChainReport(
                    verified, kind, expected_seq, f"expected entry {expected_seq}, found {entry.seq}"
                )
            return ChainReport(
                verified, Tampering.REORDERED, entry.seq, f"entry {entry.seq} after {expected_seq - 1}"
            )
        if entry.prev_hash != prev_hash:
            return ChainReport(
                verified, Tampering.INSERTED, entry.seq, "does not link to the entry before it"
            )
        if chain_hash(prev_hash, entry_body(entry)) != entry.hash:
            return ChainReport(verified, Tampering.ALTERED, entry.seq, "content does not match its hash")
        if acknowledged is not None and entry.seq in acknowledged and acknowledged[entry.seq] != entry.hash:
            return ChainReport(
                verified, Tampering.REBUILT, entry.seq, "differs from the copy the centre acknowledged"
            )
        prev_hash = entry.hash
        verified = entry.seq
        expected_seq += 1
    if acknowledged:
        top = max(acknowledged)
        if top > verified:
            return ChainReport(
                verified, Tampering.TRUNCATED, verified + 1, f"the centre holds entries up to {top}"
            )
    return ChainReport(verified)
