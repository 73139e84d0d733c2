"""The decision log's integrity and the decision export, for the desk and for the command line.

    advisor-desk verify-log [--data-dir DIR] [--server URL --user NAME] [--json] [--offline]
                            [--require-centre]
    advisor-desk export-decisions --from DATE --to DATE --csv FILE [--data-dir DIR]
                                  [--server URL --user NAME]

**Verification** reads the cache file as it is on disk (read-only, through :mod:`sqlite3` — or SQLCipher
with the key from the keyring when the cache is encrypted — never through the cache's own repair
path, which would set a damaged file aside) and gathers:

- the decision log in stored order, replayed by :func:`advisor_desk.domain.decision_chain.verify`;
- *witnesses* of what the chain was: the centre's acknowledged ``(seq, hash)`` per workstation
  (``GET /chain/{workstation_id}``, the reference: nobody with the file can edit it), and the copies
  kept in the same file (receipts stored beside entries, the chain position and hash carried by each
  queued mutation and by each decision granted here). Local copies catch a careless edit; someone
  who rewrites the whole file consistently is only caught by the centre's copy;
- the decisions table, checked against the grant entries that recorded each decision
  (:func:`~advisor_desk.domain.decision_chain.cross_check`), and each row's indexed columns against
  its stored record, so an amount edited with ``sqlite3`` in either place names its log entry.

The first problem found (lowest entry number) is reported. Offline, or without a stored session,
verification is local only and says that the comparison with the centre was not possible.

**Export** writes what the team lead filtered: the decisions granted between two *local* days (the
user's time zone, :func:`advisor_desk.domain.review.local_period`), local ones not yet synced
included, as :func:`advisor_desk.domain.review.csv_rows`. The file is UTF-8 **with a byte-order mark**
(``utf-8-sig``) and the csv module's ``excel`` dialect (commas, CRLF, quotes where needed), because
Excel, which most team leads open it with, otherwise reads UTF-8 accents as Latin-1; LibreOffice and
Python's csv module read the BOM transparently. It is written to a temporary file then renamed, so a
failure never leaves half a file in place of a good one.

Exit codes: 0 verified / exported; 1 the log was tampered with; 2 wrong arguments; 3 no cache or an
unreadable one; 4 ``--require-centre`` and the centre could not be asked.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sqlite3
import sys
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from advisor_desk.domain import decision_chain, review
from advisor_desk.domain.decision_chain import Acknowledgement, ChainEntry, ChainReport, EntryKind, Tampering
from advisor_desk.domain.model import Decision, User
from advisor_desk.domain.wire import WireError, from_wire

EXIT_OK = 0
EXIT_TAMPERED = 1
EXIT_USAGE = 2
EXIT_NO_CACHE = 3
EXIT_NO_CENTRE = 4

ENV_PASSWORD = "ADVISOR_DESK_PASSWORD"


class UnreadableCache(Exception):
    """The cache file cannot be read at all (missing, not SQLite, no decision log table)."""


# ------------------------------------------------------------------------------------ the evidence


@dataclass
class LocalEvidence:
    """Everything the cache file says about its decision log, read as is."""

    path: Path
    workstation_id: str | None
    server_url: str | None
    username: str | None
    entries: list[ChainEntry]
    decisions: list[Decision]
    #: seq -> what copies kept in the file say that entry's hash was
    witnesses: dict[int, Acknowledgement]
    #: problems found while reading rows (a decision whose columns disagree with its record...)
    row_problems: list[ChainReport] = field(default_factory=list)


def _connect_read_only(path: Path) -> Any:
    """A read-only DBAPI connection on the cache file (SQLCipher with its key when encrypted)."""
    from advisor_desk.cache import at_rest, encryption, replica
    from advisor_desk.cache.errors import CacheError

    if not path.is_file():
        raise UnreadableCache(f"no cache file at {path}")
    if at_rest.is_encrypted(path):
        try:
            conn = encryption.connect(path, encryption.key_for_existing(path), read_only=True)
        except CacheError as exc:  # no keyring, no key, no binding: the sentence says which
            raise UnreadableCache(str(exc)) from exc
        except replica.ERRORS as exc:
            raise UnreadableCache(f"{path} cannot be read as a cache ({exc})") from exc
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except replica.OPERATIONAL_ERRORS as exc:
            conn.close()
            raise UnreadableCache(f"{path} cannot be read as a cache ({exc})") from exc
        except replica.ERRORS as exc:  # the first page does not decrypt: not this key
            conn.close()
            raise UnreadableCache(encryption.wrong_key_message(path)) from exc
        return conn
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.Error as exc:
        raise UnreadableCache(f"{path} cannot be read as a cache ({exc})") from exc


def _errors() -> tuple[type[BaseException], ...]:
    """What reading the file may raise: sqlite3's errors, and once an encrypted cache loaded the
    SQLCipher binding its errors too, with MemoryError, which is how it reports a page failing its
    HMAC (see :func:`advisor_desk.cache.at_rest.database_errors`)."""
    from advisor_desk.cache import replica

    return replica.ERRORS if len(replica.ERRORS) == 1 else (*replica.ERRORS, MemoryError)


def _entry_kind(value: Any) -> EntryKind:
    try:
        return EntryKind(value)
    except ValueError:
        return EntryKind.CORRECTION  # a tampered kind still loads, and then fails its hash


def _fields(text: Any) -> dict[str, Any]:
    try:
        value = json.loads(text)
    except (TypeError, ValueError):
        return {"unreadable": str(text)}
    return value if isinstance(value, dict) else {"unreadable": str(text)}


def _ts(value: datetime) -> str:
    # the cache's fixed-width UTC form (advisor_desk.cache.codec.ts), repeated to stay independent
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def read_evidence(path: Path | str) -> LocalEvidence:
    """Read the decision log, its local witnesses and the decisions of the cache file at ``path``."""
    path = Path(path)
    conn = _connect_read_only(path)
    try:
        try:
            meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
            log_rows = conn.execute(
                "SELECT seq, kind, fields, prev_hash, hash, receipt_hash FROM decision_log ORDER BY position"
            ).fetchall()
            decision_rows = conn.execute(
                "SELECT id, user_id, team, customer_id, gesture, amount_cents, status, granted_at, data "
                "FROM decisions"
            ).fetchall()
            outbox_rows = conn.execute("SELECT payload FROM outbox ORDER BY seq").fetchall()
        except _errors() as exc:
            raise UnreadableCache(f"{path} is not a readable desk cache ({exc})") from exc
    finally:
        conn.close()
    workstation = meta.get("workstation_id")
    entries: list[ChainEntry] = []
    witnesses: dict[int, Acknowledgement] = {}
    for seq, kind, fields, prev_hash, digest, receipt in log_rows:
        entries.append(
            ChainEntry(
                seq if isinstance(seq, int) else -1,
                _entry_kind(kind),
                _fields(fields),
                str(prev_hash),
                str(digest),
            )
        )
        if isinstance(seq, int) and isinstance(receipt, str) and receipt:
            witnesses.setdefault(seq, Acknowledgement(receipt))
    for (payload,) in outbox_rows:
        chain = _fields(payload).get("chain")
        if (
            isinstance(chain, dict)
            and isinstance(chain.get("seq"), int)
            and isinstance(chain.get("hash"), str)
        ):
            prev = chain.get("prev_hash")
            witnesses.setdefault(
                chain["seq"], Acknowledgement(chain["hash"], prev if isinstance(prev, str) else None)
            )
    decisions: list[Decision] = []
    problems: list[ChainReport] = []
    grant_seq = {e.fields.get("decision_id"): e.seq for e in entries if e.kind is EntryKind.GRANT}
    for row in decision_rows:
        ident, user_id, team, customer_id, gesture, amount, status, granted_at, data = row
        try:
            d = from_wire(Decision, json.loads(data))
        except (WireError, TypeError, ValueError):
            problems.append(
                ChainReport(
                    0,
                    Tampering.ALTERED,
                    grant_seq.get(ident),
                    f"decision {ident}: its stored record is unreadable",
                    decision_id=str(ident),
                )
            )
            continue
        columns = {
            "id": (ident, d.id),
            "user_id": (user_id, d.user_id),
            "team": (team, d.team),
            "customer_id": (customer_id, d.customer_id),
            "gesture": (gesture, d.gesture.value),
            "amount_cents": (amount, d.amount_cents),
            "status": (status, d.status.value),
            "granted_at": (granted_at, _ts(d.granted_at)),
        }
        for name, (column, recorded) in columns.items():
            if column != recorded:
                problems.append(
                    ChainReport(
                        0,
                        Tampering.ALTERED,
                        grant_seq.get(d.id),
                        f"decision {d.id}: {name} is {column!r} in the table but {recorded!r} in its record",
                        decision_id=d.id,
                    )
                )
                break
        decisions.append(d)
        if (
            workstation is not None
            and d.workstation_id == workstation
            and d.chain_seq is not None
            and d.chain_hash
        ):
            witnesses.setdefault(d.chain_seq, Acknowledgement(d.chain_hash))
    return LocalEvidence(
        path,
        workstation,
        meta.get("server_url"),
        meta.get("username"),
        entries,
        decisions,
        witnesses,
        problems,
    )


# ------------------------------------------------------------------------------------ verification


@dataclass(frozen=True)
class IntegrityReport:
    """The outcome of one verification, for the command line and for the review screen."""

    path: str
    workstation_id: str | None
    entries: int
    report: ChainReport
    #: Whether the centre's copy was compared, and why not when it was not.
    centre_compared: bool
    centre_note: str = ""
    centre_entries: int = 0
    #: Which witness caught the problem: "centre", "local copies", "decisions" or "" (the chain itself).
    caught_by: str = ""

    @property
    def ok(self) -> bool:
        return self.report.ok

    def as_dict(self) -> dict[str, Any]:
        r = self.report
        return {
            "path": self.path,
            "workstation_id": self.workstation_id,
            "ok": r.ok,
            "entries": self.entries,
            "verified_up_to": r.verified_up_to,
            "problem": r.problem.value if r.problem else None,
            "first_bad_seq": r.first_bad_seq,
            "decision_id": r.decision_id,
            "detail": r.detail,
            "caught_by": self.caught_by,
            "centre": {
                "compared": self.centre_compared,
                "confirmed_up_to": r.confirmed_up_to if self.centre_compared else 0,
                "entries": self.centre_entries,
                "note": self.centre_note,
            },
        }

    def summary(self) -> str:
        """One English line (the desk translates its own from the fields)."""
        r = self.report
        if r.ok:
            line = f"verified up to entry {r.verified_up_to}"
            if self.centre_compared:
                line += f" (the centre confirms up to entry {r.confirmed_up_to})"
            return line
        where = f"entry {r.first_bad_seq}" if r.first_bad_seq is not None else "a decision"
        assert r.problem is not None
        return f"{where} {_PROBLEM_WORDS[r.problem]}: {r.detail}"


_PROBLEM_WORDS = {
    Tampering.ALTERED: "was altered",
    Tampering.DELETED: "was deleted",
    Tampering.INSERTED: "was inserted",
    Tampering.REORDERED: "was moved (reordered)",
    Tampering.REBUILT: "was rewritten (the chain was rebuilt)",
    Tampering.TRUNCATED: "and the ones after it were removed (truncated)",
}


def centre_acknowledgements(raw: Sequence[Mapping[str, Any]]) -> dict[int, Acknowledgement]:
    """``GET /chain/{workstation_id}`` entries as witnesses (``prev_hash`` used when the centre sends it)."""
    acks: dict[int, Acknowledgement] = {}
    for item in raw:
        seq, digest, prev = item.get("seq"), item.get("hash"), item.get("prev_hash")
        if isinstance(seq, int) and isinstance(digest, str):
            acks[seq] = Acknowledgement(digest, prev if isinstance(prev, str) else None)
    return acks


def _first(reports: Sequence[tuple[str, ChainReport]]) -> tuple[str, ChainReport] | None:
    found = [(who, r) for who, r in reports if not r.ok]
    if not found:
        return None
    # the lowest entry number wins; a report naming no entry comes last; the centre wins ties
    order = {"": 0, "centre": 1, "local copies": 2, "decisions": 3}
    return min(
        found,
        key=lambda p: (p[1].first_bad_seq is None, p[1].first_bad_seq or 0, order.get(p[0], 9)),
    )


def verify_evidence(
    evidence: LocalEvidence,
    centre: Mapping[int, Acknowledgement] | None = None,
    centre_note: str = "",
) -> IntegrityReport:
    """Replay the chain against the centre's copy (when given) and every local witness."""
    entries = evidence.entries
    against_centre = decision_chain.verify(entries, centre) if centre is not None else None
    alone = decision_chain.verify(entries)
    local = decision_chain.verify(entries, evidence.witnesses)
    if local.problem is Tampering.REBUILT:
        local = _relabel(local, local.detail.replace("the centre acknowledged", "kept with the decisions"))
    elif local.problem is Tampering.TRUNCATED:
        local = _relabel(local, f"{local.detail} (decisions and queued actions of this desk refer to them)")
    crossed = decision_chain.cross_check(entries, evidence.decisions, evidence.workstation_id)
    candidates: list[tuple[str, ChainReport]] = [("", alone), ("local copies", local)]
    if against_centre is not None:
        candidates.insert(0, ("centre", against_centre))
    if crossed is not None:
        candidates.append(("decisions", crossed))
    candidates += [("decisions", p) for p in evidence.row_problems]
    worst = _first(candidates)
    base = against_centre if against_centre is not None else alone
    if worst is None:
        final, caught_by = base, ""
    else:
        caught_by, final = worst
        final = _bounded(final, base)
    return IntegrityReport(
        str(evidence.path),
        evidence.workstation_id,
        len(entries),
        final,
        centre is not None,
        centre_note,
        len(centre or {}),
        caught_by,
    )


def _relabel(report: ChainReport, detail: str) -> ChainReport:
    return ChainReport(
        report.verified_up_to,
        report.problem,
        report.first_bad_seq,
        detail,
        report.confirmed_up_to,
        report.decision_id,
    )


def _bounded(problem: ChainReport, base: ChainReport) -> ChainReport:
    """The problem, with ``verified_up_to`` just before it and what the centre confirmed."""
    verified = problem.verified_up_to
    if problem.first_bad_seq is not None:
        verified = problem.first_bad_seq - 1
    elif not problem.ok:
        verified = min(base.verified_up_to, verified) if verified else base.verified_up_to
    return ChainReport(
        max(0, verified),
        problem.problem,
        problem.first_bad_seq,
        problem.detail,
        min(base.confirmed_up_to, max(0, verified)) if base.confirmed_up_to else 0,
        problem.decision_id,
    )


def verify_cache_file(
    path: Path | str,
    centre: Mapping[int, Acknowledgement] | None = None,
    centre_note: str = "",
) -> IntegrityReport:
    """Verify the cache file at ``path`` (locally; against the centre's copy when ``centre`` is given)."""
    return verify_evidence(read_evidence(path), centre, centre_note)


def fetch_centre_copy(client: Any, workstation_id: str) -> dict[int, Acknowledgement]:
    """The centre's acknowledgements of a workstation's chain (run it off the GUI thread: HTTP)."""
    return centre_acknowledgements(client.chain(workstation_id))


def verify_with_client(path: Path | str, client: Any | None) -> IntegrityReport:
    """Local verification, and the centre's comparison when ``client`` can reach it.

    What the desk runs in the background: any failure to reach the centre turns into a note, never
    into an error, so the local verdict always reaches the team lead.
    """
    evidence = read_evidence(path)
    if client is None or evidence.workstation_id is None:
        return verify_evidence(evidence, None, "no connection to the centre")
    try:
        centre = fetch_centre_copy(client, evidence.workstation_id)
    except Exception as exc:  # any sync failure: say it, verify locally
        message = getattr(exc, "user_message", "") or type(exc).__name__
        return verify_evidence(evidence, None, f"the centre could not be asked: {message}")
    return verify_evidence(evidence, centre)


# ------------------------------------------------------------------------------------ the commands


def _parser(command: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=f"advisor-desk {command}")
    parser.add_argument(
        "--data-dir", type=Path, help="data folder (default: $ADVISOR_DESK_DATA_DIR or the platform's)"
    )
    parser.add_argument("--server", help="server URL (with --user: that user's cache)")
    parser.add_argument("--user", help="user name (with --server)")
    if command == "verify-log":
        parser.description = (
            "Replay the decision log and compare it with what the centre acknowledged. "
            f"Exit {EXIT_OK}: verified; {EXIT_TAMPERED}: tampering found; {EXIT_NO_CACHE}: no readable "
            f"cache; {EXIT_NO_CENTRE}: --require-centre and the centre could not be asked."
        )
        parser.add_argument("--json", action="store_true", help="print one JSON object per cache")
        parser.add_argument("--offline", action="store_true", help="local verification only")
        parser.add_argument(
            "--require-centre",
            action="store_true",
            help="fail when the comparison with the centre's copy is not possible",
        )
        parser.add_argument(
            "--allow-insecure-http", action="store_true", help="allow http:// to another computer"
        )
        parser.add_argument("--ca-bundle", help="PEM file of the certificate authorities to trust")
    else:
        parser.description = (
            "Write the decisions granted between two local days (included) to a CSV file "
            "(UTF-8 with BOM, comma-separated, for Excel and LibreOffice)."
        )
        parser.add_argument("--from", dest="first_day", required=True, help="first local day, YYYY-MM-DD")
        parser.add_argument("--to", dest="last_day", required=True, help="last local day, YYYY-MM-DD")
        parser.add_argument("--csv", dest="csv_file", required=True, type=Path, help="file to write")
        parser.add_argument("--time-zone", help="time zone of the days (default: the user's)")
    return parser


def decisions_main(command: str, argv: Sequence[str]) -> int:
    """Entry point of ``advisor-desk verify-log`` and ``advisor-desk export-decisions``."""
    parser = _parser(command)
    try:
        args = parser.parse_args(list(argv))
    except SystemExit as exc:
        return EXIT_OK if exc.code in (0, None) else EXIT_USAGE
    if bool(args.server) != bool(args.user):
        print(f"advisor-desk {command}: --server and --user go together", file=sys.stderr)
        return EXIT_USAGE
    from advisor_desk.cache.paths import cache_file, default_data_dir, find_cache_files

    data_dir = args.data_dir.expanduser() if args.data_dir else default_data_dir()
    existing = find_cache_files(data_dir) if data_dir.is_dir() else []
    if args.server:
        from advisor_desk.sync.client import SyncError, normalise_server_url

        try:
            # the name the desk and `advisor-desk sync` give the file; the https policy applies later
            server = normalise_server_url(args.server, allow_insecure_http=True)
        except SyncError as exc:
            print(f"advisor-desk {command}: {exc.user_message}", file=sys.stderr)
            return EXIT_USAGE
        args.server = server
        wanted = cache_file(data_dir, server, args.user)
        if wanted not in existing and wanted.is_file() and wanted.stat().st_size == 0:
            wanted.unlink()  # cache_file() creates the file: a command that only reads leaves no trace
        paths = [wanted] if wanted in existing else []
    else:
        paths = existing
    if not paths:
        print(f"advisor-desk {command}: no cache in {data_dir}", file=sys.stderr)
        return EXIT_NO_CACHE
    if command == "verify-log":
        return _verify_main(args, paths)
    if len(paths) > 1:
        print(
            f"advisor-desk {command}: several caches in {data_dir}: choose one with --server and --user",
            file=sys.stderr,
        )
        return EXIT_USAGE
    return _export_main(args, paths[0])


def _centre_for(
    args: argparse.Namespace, evidence: LocalEvidence
) -> tuple[dict[int, Acknowledgement] | None, str]:
    """The centre's copy for this cache, or None and why not (never raises)."""
    if args.offline:
        return None, "not asked (--offline)"
    server = args.server or evidence.server_url
    username = args.user or evidence.username
    if not server or not username:
        return None, "the cache does not say which server and user it belongs to"
    if evidence.workstation_id is None:
        return None, "the cache has no workstation id"
    from advisor_desk.sync.client import ApiClient, NeedsLogin, SyncError
    from advisor_desk.sync.credentials import CredentialStore

    try:
        credentials = CredentialStore(server, username)
        client = ApiClient(
            server,
            verify=args.ca_bundle or True,
            allow_insecure_http=args.allow_insecure_http,
            on_tokens=credentials.on_tokens,
        )
    except (SyncError, ValueError) as exc:
        return None, f"the server address was refused: {getattr(exc, 'user_message', exc)}"
    try:
        stored = credentials.load_refresh_token()
        password = os.environ.get(ENV_PASSWORD)
        if stored:
            client.set_refresh_token(stored)
        elif password:
            client.login(username, password)
        else:
            return None, f"no stored session for {username} (log in with the desk, or set {ENV_PASSWORD})"
        try:
            raw = client.chain(evidence.workstation_id)
        except NeedsLogin:
            if not (stored and password):
                raise
            client.login(username, password)
            raw = client.chain(evidence.workstation_id)
        return centre_acknowledgements(raw), ""
    except SyncError as exc:
        return None, f"the centre could not be asked: {exc.user_message}"
    finally:
        client.close()


def _verify_main(args: argparse.Namespace, paths: Sequence[Path]) -> int:
    status = EXIT_OK
    for path in paths:
        try:
            evidence = read_evidence(path)
        except UnreadableCache as exc:
            print(f"advisor-desk verify-log: {exc}", file=sys.stderr)
            status = max(status, EXIT_NO_CACHE)
            continue
        centre, note = _centre_for(args, evidence)
        result = verify_evidence(evidence, centre, note)
        if args.json:
            print(json.dumps(result.as_dict(), ensure_ascii=False), flush=True)
        else:
            _print_result(result)
        if not result.ok:
            status = EXIT_TAMPERED if status in (EXIT_OK, EXIT_NO_CENTRE) else status
        elif not result.centre_compared and args.require_centre and status == EXIT_OK:
            status = EXIT_NO_CENTRE
    return status


def _print_result(result: IntegrityReport) -> None:
    print(f"{result.path} ({result.entries} entries)", flush=True)
    r = result.report
    if r.ok:
        print(f"  OK: {result.summary()}", flush=True)
    else:
        print(f"  TAMPERED: {result.summary()}", flush=True)
        if r.decision_id:
            print(f"  decision: {r.decision_id}", flush=True)
        print(f"  verified up to entry {r.verified_up_to}", flush=True)
    if not result.centre_compared:
        print(
            f"  note: the comparison with the centre's copy was not possible ({result.centre_note}); "
            "only local verification was done, which cannot reveal a consistently rebuilt chain",
            flush=True,
        )


def _day(text: str, name: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{name} must be a day written YYYY-MM-DD, not {text!r}") from None


def export_rows(
    decisions: Sequence[Decision],
    period: tuple[datetime, datetime],
    envelopes: Mapping[str, Any],
    advisor_names: Mapping[str, str],
    team_advisor_ids: Sequence[str] = (),
) -> list[list[str]]:
    """CSV rows of the decisions granted in ``period``, flags judged with the 30 days before it."""
    start, end = period
    window = [d for d in decisions if start - review.FlagRules().repeat_window <= d.granted_at < end]
    shown = sorted(
        review.apply_filter(window, review.DecisionFilter(period_from=start, period_to=end)),
        key=lambda d: (d.granted_at, d.id),
    )
    return review.csv_rows(shown, period_flags(window, shown, envelopes, team_advisor_ids), advisor_names)


def period_flags(
    window: Sequence[Decision],
    shown: Sequence[Decision],
    envelopes: Mapping[str, Any],
    team_advisor_ids: Sequence[str] = (),
) -> dict[str, list[review.Flag]]:
    """Flags of the decisions ``shown`` (a period): repeat customers judged with ``window`` (the period
    and the 30 days before, so the first day's repeats are seen), the high spender over the period
    only (the advisor's level *in the period shown*), the other flags per decision."""
    before = review.flags(window, envelopes, team_advisor_ids=team_advisor_ids)
    within = review.flags(shown, envelopes, team_advisor_ids=team_advisor_ids)
    result: dict[str, list[review.Flag]] = {}
    for d in shown:
        repeat = [f for f in before.get(d.id, ()) if f.code is review.FlagCode.REPEAT_CUSTOMER]
        rest = [f for f in within.get(d.id, ()) if f.code is not review.FlagCode.REPEAT_CUSTOMER]
        found = sorted(repeat + rest, key=lambda f: list(review.FlagCode).index(f.code))
        if found:
            result[d.id] = found
    return result


def write_csv(path: Path, rows: Sequence[Sequence[str]]) -> None:
    """Write ``rows`` to ``path`` atomically (UTF-8 with BOM, the csv module's excel dialect)."""
    path = path.expanduser()
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise OSError(f"the folder {directory} does not exist")
    fd, temp = tempfile.mkstemp(prefix=".export-", suffix=".csv", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8-sig", newline="") as handle:
            csv.writer(handle).writerows(rows)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _export_main(args: argparse.Namespace, path: Path) -> int:
    try:
        first, last = _day(args.first_day, "--from"), _day(args.last_day, "--to")
    except ValueError as exc:
        print(f"advisor-desk export-decisions: {exc}", file=sys.stderr)
        return EXIT_USAGE
    from advisor_desk.cache.errors import CacheError
    from advisor_desk.cache.store import LocalCache

    try:
        cache = LocalCache.open(path)
    except Exception as exc:
        if not isinstance(exc, (CacheError, OSError, *_errors())):  # judged after the open loaded drivers
            raise
        print(f"advisor-desk export-decisions: {path}: {exc}", file=sys.stderr)
        return EXIT_NO_CACHE
    try:
        user = cache.current_user()
        time_zone = args.time_zone or (user.time_zone if user else "Europe/Paris")
        try:
            period = review.local_period(first, last, time_zone)
        except review.ReviewError as exc:
            print(f"advisor-desk export-decisions: {exc}", file=sys.stderr)
            return EXIT_USAGE
        start, end = period
        decisions = cache.decisions(since=start - review.FlagRules().repeat_window, until=end)
        envelopes = envelopes_for(cache, decisions, user)
        names = {**known_names(path), **({user.id: user.display_name} if user else {})}
        rows = export_rows(decisions, period, envelopes, names)
    finally:
        cache.close()
    try:
        write_csv(args.csv_file, rows)
    except OSError as exc:
        print(f"advisor-desk export-decisions: cannot write {args.csv_file}: {exc}", file=sys.stderr)
        return EXIT_NO_CACHE
    print(f"{len(rows) - 1} decisions from {first} to {last} ({time_zone}) written to {args.csv_file}")
    return EXIT_OK


def envelopes_for(cache: Any, decisions: Sequence[Decision], user: User | None) -> dict[str, Any]:
    """The envelope of each granting user, when the cache knows their role.

    The cache holds the current user's role only; advisors of the team are granted under the advisor
    envelope unless they are the current user, which is what a team's decisions are in practice.
    """
    from advisor_desk.domain.model import Role

    advisor = cache.envelope(Role.ADVISOR)
    found: dict[str, Any] = {}
    for d in decisions:
        if user is not None and d.user_id == user.id:
            own = cache.envelope(user.role)
            if own is not None:
                found[d.user_id] = own
        elif advisor is not None:
            found[d.user_id] = advisor
    return found


def known_names(path: Path | str) -> dict[str, str]:
    """Display names of the users this cache has seen write (interaction authors), by user id.

    The feed carries no team roster; advisors sign what they send, which names nearly everyone who
    grants. Read-only and best effort: an unreadable file gives no names, never an error.
    """
    try:
        conn = _connect_read_only(Path(path))
    except UnreadableCache:
        return {}
    try:
        rows = conn.execute(
            "SELECT json_extract(data, '$.author_id') AS who, json_extract(data, '$.author') "
            "FROM interactions WHERE who IS NOT NULL GROUP BY who"
        ).fetchall()
    except _errors():
        return {}
    finally:
        conn.close()
    return {str(who): str(name) for who, name in rows if isinstance(name, str) and name}
