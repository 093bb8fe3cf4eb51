"""Citizen satisfaction: ask for a 1–5 rating after resolution, read the answer, reopen on dispute.

Asking: ``rating_case_changed`` (a ``case_hook_register`` subscriber) sends one request per
resolution on the citizen's own channel (the outbox picks free text inside the 24-hour window,
the account's approved template outside it); the idempotency key names the resolution time, so
a re-delivered hook never asks twice and a case resolved again after a reopen asks again.

Answering: ``rating_reply_handle`` reads a reply to a pending request. "4", "4 mantap",
"⭐⭐⭐⭐", "bintang 4", "nilai: 5" are ratings; the rest of the text is the comment.

Disputes (decided here, see ``parse_rating_reply``): an explicit denial ("belum selesai", "masih
rusak", "tidak benar", ...) always disputes the resolution; a low rating (1–2) disputes it when
the comment carries a complaint word ("rusak", "belum", "masih", ...); a low rating alone ("2",
"1 lambat sekali") is only a rating. A disputed resolved case goes back to in_progress with a
timeline note (its rating, if one was given, is kept: it is the citizen's verdict on this
resolution). A closed case cannot be reopened, so a dispute about one is left to the normal
handling, which makes it a new case. A message that is neither a rating nor a dispute is not
consumed here either.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace
from datetime import timedelta

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from sigap.agencies.models import User
from sigap.cases.models import (
    Case,
    CaseEvent,
    CaseStatus,
    EventKind,
    Message,
    MessageDirection,
)
from sigap.cases.services import IncomingMessage, case_message_add, case_rate, case_transition
from sigap.channels.models import ChannelAccount, OutboundMessage
from sigap.channels.services.outbox import outbound_create
from sigap.contacts.models import Contact, ContactIdentity
from sigap.core.errors import DomainError
from sigap.routing.detectors.pii import mask_personal_data
from sigap.sla.models import NotificationKind, SlaNotification
from sigap.sla.services.delivery import notifications_deliver_enqueue

logger = logging.getLogger(__name__)

PURPOSE = "rating_request"
# A request stays answerable this long (past the 10-working-day auto-closure).
REPLY_DAYS = 21

_NUMBER_WORDS = {"satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5}
_STARS = re.compile(r"[⭐★🌟]\uFE0F?")
_LEADING = re.compile(
    r"^\s*(?:(?:nilai|bintang|rating|skor)\s*[:=]?\s*)?([1-5])(?:\s*(?:/|dari)\s*5)?(?![\d.,])(.*)$",
    re.IGNORECASE | re.DOTALL,
)
_LABELLED = re.compile(
    r"\b(?:nilai|bintang|rating|skor)\s*[:=]?\s*([1-5]|satu|dua|tiga|empat|lima)\b", re.IGNORECASE
)
_NEG = r"(?:belum|blm|tidak|tdk|gak|ga|nggak|ngga|enggak|tak)"
_DENIAL = re.compile(
    rf"\b(?:{_NEG}\s+(?:selesai|beres|benar|bener|sesuai|diperbaiki|dikerjakan|ditangani"
    r"|ada\s+(?:perbaikan|tindakan|tindak\s+lanjut|petugas))"
    r"|masih\s+(?:rusak|sama|belum|berlubang|menumpuk|banjir|mati|bocor|macet|bau|ada)"
    r"|bohong|hoaks?|palsu)\b",
    re.IGNORECASE,
)
_COMPLAINT = re.compile(
    r"\b(?:rusak|belum|blm|masih|bohong|percuma|parah|sama\s+saja|tidak\s+ada|gak\s+ada)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class RatingReply:
    rating: int | None
    comment: str
    dispute: bool


def parse_rating_reply(text: str) -> RatingReply | None:
    """A rating and/or a dispute in a citizen's reply; None when it is neither."""
    text = (text or "").strip()
    if not text:
        return None
    rating, comment = _rating_in(text)
    denial = bool(_DENIAL.search(text))
    dispute = denial or (rating is not None and rating <= 2 and bool(_COMPLAINT.search(comment)))
    if rating is None and not dispute:
        return None
    return RatingReply(rating=rating, comment=_tidy(comment), dispute=dispute)


def _rating_in(text: str) -> tuple[int | None, str]:
    stars = _STARS.findall(text)
    if stars:
        return min(len(stars), 5), _STARS.sub(" ", text)
    if text.lower() in _NUMBER_WORDS:
        return _NUMBER_WORDS[text.lower()], ""
    leading = _LEADING.match(text)
    if leading:
        return int(leading.group(1)), leading.group(2)
    labelled = _LABELLED.search(text)
    if labelled:
        value = labelled.group(1).lower()
        rating = int(value) if value.isdigit() else _NUMBER_WORDS[value]
        return rating, text[: labelled.start()] + " " + text[labelled.end() :]
    return None, text


def _tidy(comment: str) -> str:
    comment = re.sub(r"\s+([,.!?])", r"\1", re.sub(r"\s+", " ", comment))
    return comment.strip(" \t\n-–—:.,!")[:2000]


# --- asking ----------------------------------------------------------------------------------


def rating_case_changed(case_id: int, change: str) -> None:
    """The hook (wired in ``ChannelsConfig.ready``): a case just resolved asks for a rating."""
    if change != "status":
        return
    try:
        case = Case.objects.select_related("agency", "contact").filter(pk=case_id).first()
        if case is not None and case.status == CaseStatus.RESOLVED:
            rating_request_send(case=case)
            from sigap.channels.services.merged_updates import merged_resolutions_send

            merged_resolutions_send(into=case)
    except Exception:  # the resolution stands; staff see no request on the timeline
        logger.exception("rating request for case %s failed", case_id)


def rating_request_text(case: Case) -> str:
    lines = [_("Laporan %(number)s telah selesai ditangani.") % {"number": case.tracking_number}]
    resolution = resolution_text(case)
    if resolution:  # what was done: the citizen rates it, not a bare "done"
        lines.append(_("Hasil penanganan: %(text)s") % {"text": resolution})
    lines += [
        _("Mohon beri penilaian 1–5 dengan membalas pesan ini."),
        _("1 = sangat tidak puas, 5 = sangat puas. Boleh ditambah komentar, misalnya: 4 cepat."),
        _("Jika masalahnya belum selesai, balas BELUM SELESAI beserta keterangannya."),
    ]
    return "\n".join(lines)


MAX_RESOLUTION = 600


def resolution_text(case: Case) -> str:
    """What staff wrote when they last resolved the case (the "Hasil penyelesaian")."""
    event = (
        CaseEvent.objects.filter(
            case=case, kind=EventKind.STATUS_CHANGED, to_value=CaseStatus.RESOLVED
        )
        .order_by("-created_at", "-id")
        .first()
    )
    note = (event.note or "").strip() if event is not None else ""
    return note if len(note) <= MAX_RESOLUTION else note[: MAX_RESOLUTION - 1] + "…"


def rating_request_send(*, case: Case) -> OutboundMessage | None:
    """One request per resolution, on the channel the citizen last wrote from."""
    if case.status != CaseStatus.RESOLVED or case.resolved_at is None:
        return None
    target = citizen_channel(case)
    if target is None:
        return None  # web form, walk-in, letter: nothing to answer on
    account, identity = target
    stamp = int(case.resolved_at.timestamp() * 1000)
    return outbound_create(
        case=case,
        account=account,
        identity=identity,
        text=rating_request_text(case),
        purpose=PURPOSE,
        idempotency_key=f"rating:{case.pk}:{stamp}",
        data={"tracking_number": case.tracking_number},
    )


def citizen_channel(case: Case) -> tuple[ChannelAccount, ContactIdentity] | None:
    """The account and identity the citizen last wrote from, when they can be answered."""
    if case.contact_id is None:
        return None
    last_inbound = (
        Message.objects.filter(case=case, direction=MessageDirection.INBOUND, account__isnull=False)
        .select_related("account")
        .order_by("-created_at")
        .first()
    )
    if last_inbound is None or last_inbound.account is None or not last_inbound.account.is_active:
        return None
    identity = (
        ContactIdentity.objects.select_related("contact")
        .filter(contact_id=case.contact_id, channel=last_inbound.channel, is_reachable=True)
        .first()
    )
    return None if identity is None else (last_inbound.account, identity)


# --- answering -------------------------------------------------------------------------------


def pending_rating_case(contact: Contact | None, channel: str) -> Case | None:
    """The sender's case whose latest rating request is still unanswered."""
    if contact is None:
        return None
    request = (
        Message.objects.filter(
            contact=contact, channel=channel, direction=MessageDirection.OUTBOUND,
            data__purpose=PURPOSE, created_at__gte=timezone.now() - timedelta(days=REPLY_DAYS),
            case__status__in=[CaseStatus.RESOLVED, CaseStatus.CLOSED],
        )
        .filter(Q(case__rated_at__isnull=True) | Q(case__rated_at__lt=F("created_at")))
        .select_related("case")
        .order_by("-created_at")
        .first()
    )  # fmt: skip
    return None if request is None else request.case


@dataclass(frozen=True)
class RatingOutcome:
    case: Case
    outcome: str  # rated, disputed
    outbound_ids: list[int]


def rating_reply_handle(
    *,
    account: ChannelAccount,
    identity: ContactIdentity | None,
    contact: Contact | None,
    message: IncomingMessage,
) -> RatingOutcome | None:
    """Record a rating or dispute; None leaves the message to the normal handling."""
    reply = parse_rating_reply(message.text)  # no query for the messages that cannot be one
    case = pending_rating_case(contact, message.channel) if reply is not None else None
    if case is None or reply is None:
        return None
    if reply.dispute and case.status != CaseStatus.RESOLVED:
        return None  # a closed case stays closed: the complaint becomes a new case
    intent = "rating_dispute" if reply.dispute else "rating"
    case_message_add(case=case, message=replace(message, data={**message.data, "intent": intent}))
    if reply.rating is not None:
        case = case_rate(case=case, rating=reply.rating, comment=reply.comment)
    if reply.dispute:
        case = _reopen(case, message.text)
    _notify_staff(case, reply)
    outbound_ids = []
    if identity is not None:
        outbound_ids.append(_thank(case, account, identity, message, reply).pk)
    return RatingOutcome(case=case, outcome="disputed" if reply.dispute else "rated",
                         outbound_ids=outbound_ids)  # fmt: skip


@transaction.atomic
def citizen_rating_record(*, case: Case, rating: int, comment: str, disputed: bool) -> Case:
    """A rating given on the tracking page; "not solved" reopens the case like a reply would."""
    if disputed and case.status != CaseStatus.RESOLVED:
        raise DomainError(_("Laporan yang sudah ditutup tidak dapat dibuka kembali dari sini."))
    case = case_rate(case=case, rating=rating, comment=comment)
    if disputed:
        case = _reopen(case, comment or _("(tanpa komentar)"))
    _notify_staff(case, RatingReply(rating=rating, comment=comment, dispute=disputed))
    return case


def _reopen(case: Case, text: str) -> Case:
    note = _(
        "Warga menyatakan masalah belum selesai; laporan dibuka kembali. Pesan warga: “%(text)s”"
    ) % {"text": text.strip()[:500]}
    return case_transition(case=case, to_status=CaseStatus.IN_PROGRESS, actor=None, note=note)


def _responsible(case: Case) -> User | None:
    """The assignee, else whoever resolved the case."""
    if case.assignee_id is not None:
        return User.objects.filter(pk=case.assignee_id, is_active=True).first()
    resolved = (
        CaseEvent.objects.filter(
            case=case, kind=EventKind.STATUS_CHANGED, to_value=CaseStatus.RESOLVED,
            actor__isnull=False,
        )
        .select_related("actor")
        .order_by("-created_at", "-pk")
        .first()
    )  # fmt: skip
    actor = resolved.actor if resolved is not None else None
    return actor if actor is not None and actor.is_active else None


def _notify_staff(case: Case, reply: RatingReply) -> None:
    recipient = _responsible(case)
    if recipient is None:
        return
    values = {
        "number": case.tracking_number,
        "rating": reply.rating,
        "comment": mask_personal_data(reply.comment)[:300] or "-",
    }
    if reply.dispute:
        kind = NotificationKind.CITIZEN_REPLY
        text = _(
            "Warga menyatakan laporan %(number)s belum selesai; laporan dibuka kembali: "
            "“%(comment)s”"
        )
    else:
        kind = NotificationKind.RATING
        text = _("Warga memberi nilai %(rating)s/5 untuk laporan %(number)s: “%(comment)s”")
    notification = SlaNotification.objects.create(
        recipient=recipient, case=case, kind=kind, text=text % values, created_at=timezone.now()
    )
    notifications_deliver_enqueue([notification.pk])


def _thank(
    case: Case,
    account: ChannelAccount,
    identity: ContactIdentity,
    message: IncomingMessage,
    reply: RatingReply,
) -> OutboundMessage:
    if reply.dispute:
        text = _(
            "Terima kasih. Laporan %(number)s dibuka kembali dan diteruskan ke petugas untuk "
            "ditindaklanjuti."
        ) % {"number": case.tracking_number}
    else:
        text = _("Terima kasih atas penilaian Anda untuk laporan %(number)s.") % {
            "number": case.tracking_number
        }
    return outbound_create(
        case=case,
        account=account,
        identity=identity,
        text=text,
        purpose="rating_thanks",
        idempotency_key=f"rating-thanks:{account.pk}:{message.external_id or case.pk}",
        data={"tracking_number": case.tracking_number},
        enqueue=False,  # sent inline by the event processor, like the acknowledgement
    )
