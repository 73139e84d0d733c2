"""What the composer reads and writes in the "db" lane: the case file, the saved draft, new activity, sending.

Everything here runs in a worker (never on the GUI thread) and touches no widget: it takes the cache
and plain values, and returns plain values the panel shows. The draft is saved as a plain dict
(:class:`SavedDraft`), so a crash or a restart finds it again in the local cache.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from advisor_desk import shipped_files
from advisor_desk.domain.channels import Channel
from advisor_desk.domain.model import (
    Case,
    CaseStatus,
    Customer,
    Decision,
    DecisionStatus,
    Direction,
    Interaction,
    Language,
    Order,
    Product,
    ReplyScript,
    User,
)
from advisor_desk.domain.scripts import (
    SHIPPED_SCRIPTS_DIRECTORY,
    ComposerState,
    GrantedGesture,
    ReplyDraft,
    ReplyStep,
    ScriptLibrary,
    load_library,
    reply_context,
    suggest_followup_date,
)

#: Channels a written reply goes out on; a case opened by phone, in a store or on a review site is
#: answered in writing by e-mail (a call is summed up, then confirmed by e-mail).
WRITTEN_CHANNELS = frozenset(
    {
        Channel.EMAIL,
        Channel.CHAT,
        Channel.SMS,
        Channel.TWITTER,
        Channel.FACEBOOK,
        Channel.LETTER,
        Channel.WEB_FORM,
    }
)

#: Format of the saved draft; a draft of another format is dropped rather than misread.
DRAFT_FORMAT = 1


def scripts_directory() -> Path:
    """The shipped scripts: in a bundle, an installed wheel or the checkout (:mod:`advisor_desk.shipped_files`)."""
    found = shipped_files.scripts_dir()
    return found if found.is_dir() else SHIPPED_SCRIPTS_DIRECTORY


_SHIPPED: ScriptLibrary | None = None


def shipped_library() -> ScriptLibrary:
    """The shipped scripts, read once per process (they do not change while the desk runs)."""
    global _SHIPPED  # a read-only cache of files in the product itself, not shared state
    if _SHIPPED is None:
        _SHIPPED = load_library(scripts_directory())
    return _SHIPPED


def reply_channel(case: Case, customer: Customer | None) -> Channel:
    """The channel the reply goes out on: the case's when it is written, else the customer's, else e-mail."""
    if case.channel in WRITTEN_CHANNELS:
        return case.channel
    if customer is not None and customer.preferred_channel in WRITTEN_CHANNELS:
        return customer.preferred_channel
    return Channel.EMAIL


def first_name_of(user: User) -> str:
    return user.display_name.split()[0] if user.display_name.strip() else user.username


@dataclass(frozen=True)
class CaseFile:
    """Everything the composer needs about one case, read in one go from the cache."""

    case: Case
    customer: Customer | None
    order: Order | None
    product: Product | None
    library: ScriptLibrary
    channel: Channel
    interaction_ids: tuple[str, ...]  # the case's interactions now (to tell new activity later)
    acknowledged: bool
    draft: dict[str, Any] | None  # the saved draft, when there is one
    decisions: tuple[Decision, ...] = ()  # gestures granted on this case
    #: Texts of the replies already on the case: a draft equal to one of them was sent (the desk
    #: stopped between the reply and the draft's removal) and is not offered again.
    sent_texts: frozenset[str] = frozenset()

    @property
    def language(self) -> Language:
        return self.customer.language if self.customer is not None else Language.FR

    def specifics(self) -> list[str]:
        """What a personal reply mentions (the check "personal_specifics")."""
        found = [self.case.subject]
        if self.order is not None:
            found.insert(0, self.order.number)
        if self.product is not None:
            found.insert(1, self.product.name)
        return [s for s in found if s.strip()]


def load_case_file(cache: Any, case_id: str) -> CaseFile | None:
    """Read a case, its customer, order, product, scripts (central overrides included) and saved draft."""
    case: Case | None = cache.case(case_id)
    if case is None:
        return None
    customer: Customer | None = cache.customer(case.customer_id)
    order = None
    if case.order_id is not None:
        order = next((o for o in cache.orders(case.customer_id) if o.id == case.order_id), None)
    product_id = case.product_id
    if product_id is None and order is not None and len(order.lines) == 1:
        product_id = order.lines[0].product_id  # a one-line order: that product is the one in question
    product = None
    if product_id is not None:
        products = cache.products([product_id])
        product = products[0] if products else None
    central: list[ReplyScript] = [s for s in cache.scripts() if isinstance(s, ReplyScript)]
    library = shipped_library().with_overrides(central) if central else shipped_library()
    ids = tuple(cache.interaction_ids(case.customer_id, case_id=case.id))
    draft = cache.load_draft(case.id)
    sent_texts: frozenset[str] = frozenset()
    if draft is not None:
        sent_texts = frozenset(
            i.text for i in cache.interactions_by_ids(list(ids)) if i.direction is Direction.OUTBOUND
        )
    decisions = tuple(
        d
        for d in cache.decisions(customer_id=case.customer_id)
        if d.case_id == case.id and d.status in (DecisionStatus.PENDING, DecisionStatus.GRANTED)
    )
    return CaseFile(
        case=case,
        customer=customer,
        order=order,
        product=product,
        library=library,
        channel=reply_channel(case, customer),
        interaction_ids=ids,
        acknowledged=case.acknowledged_at is not None or case.first_response_at is not None,
        draft=draft,
        decisions=decisions,
        sent_texts=sent_texts,
    )


def granted(decision: Decision) -> GrantedGesture:
    return GrantedGesture(decision.gesture, decision.amount_cents, decision.currency, decision.voucher_code)


def build_context(
    file: CaseFile,
    user: User,
    language: Language,
    followup: date | None,
    gesture: GrantedGesture | None,
) -> dict[str, object]:
    """The values the script reads, for this case in ``language``."""
    order_date = None
    if file.order is not None:
        try:
            zone = ZoneInfo(user.time_zone)
        except (KeyError, ValueError):
            zone = ZoneInfo("UTC")
        order_date = file.order.placed_at.astimezone(zone).date()
    customer = file.customer or Customer(file.case.customer_id, "", "")
    return reply_context(
        language=language,
        customer=customer,
        advisor_first_name=first_name_of(user),
        advisor_name=user.display_name,
        case=file.case,
        order=file.order,
        product=file.product,
        gesture=gesture,
        followup_date=followup,
        order_date=order_date,
    )


def default_followup(now: datetime, user: User) -> date:
    try:
        zone = ZoneInfo(user.time_zone)
    except (KeyError, ValueError):
        zone = ZoneInfo("UTC")
    return suggest_followup_date(now.astimezone(zone).date())


# --- the saved draft ------------------------------------------------------------------------------------


@dataclass
class SavedDraft:
    """A draft as kept in the local cache: the reply, how it was built, and what was seen when it began."""

    reply: ReplyDraft
    chosen: tuple[tuple[ReplyStep, str], ...] = ()
    edited: frozenset[ReplyStep] = frozenset()
    signature_edited: bool = False
    #: The case's interactions when the draft began: anything else is new activity.
    seen: tuple[str, ...] = ()
    started_at: datetime | None = None
    followup: date | None = None
    gesture: GrantedGesture | None = None
    applied_decisions: tuple[str, ...] = ()
    overridden: bool = False
    new_status: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        gesture = None
        if self.gesture is not None:
            gesture = {
                "code": self.gesture.code.value,
                "amount_cents": self.gesture.amount_cents,
                "currency": self.gesture.currency,
                "voucher_code": self.gesture.voucher_code,
            }
        return {
            "format": DRAFT_FORMAT,
            "reply": self.reply.to_dict(),
            "chosen": [[s.value, i] for s, i in self.chosen],
            "edited": sorted(s.value for s in self.edited),
            "signature_edited": self.signature_edited,
            "seen": list(self.seen),
            "started_at": self.started_at.isoformat() if self.started_at else None,
            "followup": self.followup.isoformat() if self.followup else None,
            "gesture": gesture,
            "applied_decisions": list(self.applied_decisions),
            "overridden": self.overridden,
            "new_status": self.new_status,
        }

    @classmethod
    def from_dict(cls, data: object) -> SavedDraft:
        """Rebuild a saved draft; raises ValueError (only) when the data is not one we can trust."""
        from advisor_desk.domain.model import GestureCode

        if not isinstance(data, dict) or data.get("format") != DRAFT_FORMAT:
            raise ValueError("not a saved composer draft")
        try:
            reply = ReplyDraft.from_dict(data["reply"])
            chosen = tuple((ReplyStep(s), str(i)) for s, i in data.get("chosen", []))
            edited = frozenset(ReplyStep(s) for s in data.get("edited", []))
            started = data.get("started_at")
            followup = data.get("followup")
            g = data.get("gesture")
            gesture = (
                GrantedGesture(
                    GestureCode(g["code"]), int(g["amount_cents"]), str(g["currency"]), g.get("voucher_code")
                )
                if isinstance(g, dict)
                else None
            )
            return cls(
                reply=reply,
                chosen=chosen,
                edited=edited,
                signature_edited=bool(data.get("signature_edited", False)),
                seen=tuple(str(i) for i in data.get("seen", [])),
                started_at=datetime.fromisoformat(started) if isinstance(started, str) else None,
                followup=date.fromisoformat(followup) if isinstance(followup, str) else None,
                gesture=gesture,
                applied_decisions=tuple(str(i) for i in data.get("applied_decisions", [])),
                overridden=bool(data.get("overridden", False)),
                new_status=str(data.get("new_status", "")),
            )
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise ValueError(f"not a saved composer draft: {exc}") from None


def restore_state(state: ComposerState, saved: SavedDraft) -> ComposerState:
    """``state`` (a fresh start on the right script) carrying the saved texts and choices as they were."""
    from dataclasses import replace

    known = {o.id for step in ReplyStep for o in state.options(step)}
    chosen = tuple((s, i) for s, i in saved.chosen if i in known)
    return replace(
        state,
        draft=saved.reply,
        chosen=chosen,
        edited=saved.edited,
        signature_edited=saved.signature_edited,
    )


# --- new activity and sending ------------------------------------------------------------------------


@dataclass(frozen=True)
class NewActivity:
    """What happened on the case since the draft began: customer messages and colleagues' answers."""

    from_customer: tuple[Interaction, ...] = ()
    from_colleagues: tuple[Interaction, ...] = ()
    now_seen: tuple[str, ...] = ()

    @property
    def any(self) -> bool:
        return bool(self.from_customer or self.from_colleagues)


def new_activity(cache: Any, case: Case, seen: Iterable[str], me: User) -> NewActivity:
    """Interactions on ``case`` not in ``seen`` and not written by ``me`` (my own acknowledgement is no news)."""
    ids = list(cache.interaction_ids(case.customer_id, case_id=case.id))
    seen_set = set(seen)
    fresh = [i for i in ids if i not in seen_set]
    items: Sequence[Interaction] = cache.interactions_by_ids(fresh) if fresh else []
    customer = tuple(i for i in items if i.direction is Direction.INBOUND)
    colleagues = tuple(
        i for i in items if i.direction is Direction.OUTBOUND and i.author_id not in (None, me.id)
    )
    return NewActivity(customer, colleagues, tuple(ids))


def send(
    cache: Any,
    case_id: str,
    channel: Channel,
    text: str,
    user: User,
    new_status: CaseStatus | None,
) -> Interaction:
    """Write the reply locally (queued for the centre in the same transaction), then drop the draft."""
    reply: Interaction = cache.send_reply(case_id, channel, text, user, new_status)
    cache.delete_draft(case_id)
    return reply


def utc_now() -> datetime:
    return datetime.now(UTC)
