"""Route one inbound message: a status question, a follow-up on an open case, or a new case."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from sigap.agencies.models import Agency, AgencyKind
from sigap.cases.models import OPEN_STATUSES, Case, Message, MessageDirection, MessageStatus
from sigap.cases.services import (
    CaseOptions,
    IncomingMessage,
    case_changes_deferred,
    case_create,
    case_message_add,
    case_row_committed,
)
from sigap.channels.models import ChannelAccount, Conversation, OutboundMessage
from sigap.channels.services import ratings, replies
from sigap.channels.services.openers import is_opener, opener_answer
from sigap.channels.services.outbox import outbound_create
from sigap.contacts.models import Contact, ContactIdentity
from sigap.contacts.services import identity_get, identity_resolve
from sigap.routing.knowledge import faq_answer
from sigap.routing.models import KnowledgeArticle, TriageResult
from sigap.routing.triage import case_triage_run
from sigap.sla.services import case_deadlines_recompute_locked
from sigap.sla.services.delivery import PURPOSE as STAFF_NOTIFICATION_PURPOSE

# "cek status BDG-2611-00042", "status laporan bdg-2611-00042", "lacak BDG-2611-42"
_STATUS_QUESTION = re.compile(
    r"\b(?:cek|status|lacak|gimana|bagaimana)\b.{0,40}?\b([a-z]{2,6})-(\d{4})-(\d{1,7})\b",
    re.IGNORECASE | re.DOTALL,
)
# Mail clients keep whole References chains; the nearest ids are the ones that matter.
_MAX_REPLY_IDS = 20
# Kinds of agency whose inbox is the coordinator's triage, not an agency's own queue.
_TRIAGE_KINDS = {AgencyKind.PEMDA, AgencyKind.LEADER_OFFICE}


@dataclass
class HandleResult:
    outcome: str  # duplicate, status_answered, rated, disputed, faq_answered, joined, created
    case: Case | None = None
    outbound_ids: list[int] = field(default_factory=list)
    # A new case committed without its triage and acknowledgement yet: finished in a second
    # transaction (see inbound_message_handle), with the identity to acknowledge on.
    intake_pending: bool = False
    identity: ContactIdentity | None = None


def inbound_message_handle(*, account: ChannelAccount, message: IncomingMessage) -> HandleResult:
    """Route one inbound message; idempotent on the message id.

    A message that opens a case takes two transactions. The first creates the case and
    commits, so the per-Pemda tracking-number counter row (which serialises every new case of
    the Pemda) is locked for the insert only, not for triage, the SLA clock and the
    acknowledgement; the second does those. If the process dies between the two, the event's
    retry or Meta's re-delivery comes back through the duplicate path, which finishes the case.
    The case hooks of both run once, after the second (``case_changes_deferred``): the SLA
    clock computed for the acknowledgement is not computed again.
    """
    with case_changes_deferred():
        with transaction.atomic():
            result = _route_message(account, message)
        if not result.intake_pending or result.case is None:
            return result
        with transaction.atomic():
            return _intake_finish(account, result.identity, result.case)


def _route_message(account: ChannelAccount, message: IncomingMessage) -> HandleResult:
    if message.external_id:
        # Nearly always nothing: the few columns a re-delivery needs, its case read only then.
        seen = (
            Message.objects.filter(channel=message.channel, external_id=message.external_id)
            .only("pk", "case_id", "direction", "created_at")
            .first()
        )
        if seen is not None:
            return _duplicate(account, seen, message)
    resolved = identity_resolve(pemda=account.pemda, channel=message.channel, sender=message.sender)
    identity = resolved.identity if resolved is not None else None
    contact = resolved.contact if resolved is not None else None
    if identity is not None:
        _conversation_touch(account, identity)
    asked = _STATUS_QUESTION.search(message.text or "")
    if asked and contact is not None and identity is not None:
        return _answer_status(account, identity, contact, message, asked)
    # A contact created by this very message has no case, rating request, automatic answer
    # or staff notification to continue: none of those look-ups can find anything.
    if resolved is None or not resolved.created:
        known = _continue_conversation(account, identity, contact, message)
        if known is not None:
            return known
    article = faq_answer(account.pemda, message.text) if message.text and identity else None
    if article is not None and identity is not None:
        return _answer_faq(account, identity, contact, message, article)
    # After the FAQ: "cek laporan saya" is a question it answers, not a greeting.
    if identity is not None and is_opener(message):
        prompt = opener_answer(account=account, identity=identity, contact=contact, message=message)
        return HandleResult(outcome="opener", outbound_ids=[prompt.pk] if prompt else [])
    return _create(account, identity, contact, message)


def _continue_conversation(
    account: ChannelAccount,
    identity: ContactIdentity | None,
    contact: Contact | None,
    message: IncomingMessage,
) -> HandleResult | None:
    """A known sender's message that belongs to what came before, or None."""
    rated = ratings.rating_reply_handle(
        account=account, identity=identity, contact=contact, message=message
    )
    if rated is not None:  # "4 mantap" after a rating request; anything else continues below
        return HandleResult(outcome=rated.outcome, case=rated.case, outbound_ids=rated.outbound_ids)
    waiting = _faq_question_waiting(contact, message) if _asks_for_person(message.text) else None
    if waiting is not None:
        # "PETUGAS" after an automatic answer: the original question becomes a case.
        Message.objects.filter(pk=waiting.pk).update(data={**waiting.data, "escalated": True})
        return _create(
            account, identity, contact, replace(message, text=f"{waiting.text}\n\n{message.text}")
        )
    open_case = threaded_case_for(contact, message) or open_case_for(contact, message.channel)
    if open_case is not None:
        case_message_add(case=open_case, message=message)
        return HandleResult(outcome="joined", case=open_case)
    if identity is not None and _answers_staff_notification(contact, message):
        return _answer_staff(account, identity, contact, message)
    return None


def _answers_staff_notification(contact: Contact | None, message: IncomingMessage) -> bool:
    """An officer answering a staff notification (sent from this Pemda number) is not a
    citizen reporting something; "LAPOR ..." still files a report."""
    if contact is None or message.text.strip().lower().startswith("lapor"):
        return False
    since = timezone.now() - timedelta(hours=24)
    return Message.objects.filter(
        contact=contact, direction=MessageDirection.OUTBOUND,
        data__purpose=STAFF_NOTIFICATION_PURPOSE, created_at__gte=since,
    ).exists()  # fmt: skip


def _staff_line_text() -> str:
    link = settings.SIGAP_BASE_URL + reverse("console:notifications")
    return _(
        "Pesan ini masuk ke nomor notifikasi Sigap dan tidak dijadikan laporan. Tanggapi "
        "laporan lewat konsol: %(link)s\nIngin melapor sebagai warga? Kirim LAPOR diikuti isi "
        "laporan Anda."
    ) % {"link": link}


def _answer_staff(
    account: ChannelAccount, identity: ContactIdentity, contact: Contact | None,
    message: IncomingMessage,
) -> HandleResult:  # fmt: skip
    Message.objects.create(
        pemda=account.pemda, case=None, contact=contact, channel=message.channel, account=account,
        direction=MessageDirection.INBOUND, external_id=message.external_id, text=message.text,
        status=MessageStatus.RECEIVED, data={**message.data, "intent": "staff_reply"},
        created_at=message.received_at or timezone.now(),
    )  # fmt: skip
    outbound = outbound_create(
        case=None, account=account, identity=identity, text=_staff_line_text(),
        purpose="staff_info", idempotency_key=f"staff-info:{account.pk}:{message.external_id}",
        enqueue=False,
    )  # fmt: skip
    return HandleResult(outcome="staff_reply", outbound_ids=[outbound.pk])


_PERSON_REQUESTS = {"petugas", "bicara dengan petugas", "hubungi petugas", "minta petugas", "lapor"}


def _asks_for_person(text: str) -> bool:
    return " ".join(re.findall(r"\w+", text.lower())) in _PERSON_REQUESTS


def _faq_question_waiting(contact: Contact | None, message: IncomingMessage) -> Message | None:
    if contact is None:
        return None
    since = timezone.now() - timedelta(hours=24)
    return (
        Message.objects.filter(
            contact=contact, channel=message.channel, direction=MessageDirection.INBOUND,
            data__intent="faq", created_at__gte=since,
        )
        .exclude(data__has_key="escalated")  # a missing key never equals True in SQL
        .order_by("-created_at")
        .first()
    )  # fmt: skip


def _answer_faq(
    account: ChannelAccount,
    identity: ContactIdentity,
    contact: Contact | None,
    message: IncomingMessage,
    article: KnowledgeArticle,
) -> HandleResult:
    """A common question answered at once from the stored article; a person stays one reply away."""
    Message.objects.create(
        pemda=account.pemda, case=None, contact=contact, channel=message.channel, account=account,
        direction=MessageDirection.INBOUND, external_id=message.external_id, text=message.text,
        status=MessageStatus.RECEIVED,
        data={**message.data, "intent": "faq", "article_id": article.pk},
        created_at=message.received_at or timezone.now(),
    )  # fmt: skip
    outbound = replies.faq_answer_send(
        article=article, account=account, identity=identity, question_id=message.external_id
    )
    return HandleResult(outcome="faq_answered", outbound_ids=[outbound.pk])


def _conversation_touch(account: ChannelAccount, identity: ContactIdentity) -> None:
    """Open (or keep open) the provider's reply window: one INSERT ... ON CONFLICT DO UPDATE
    whether or not the conversation exists yet."""
    Conversation.objects.bulk_create(
        [Conversation(account=account, identity=identity, last_inbound_at=timezone.now())],
        update_conflicts=True,
        unique_fields=["account", "identity"],
        update_fields=["last_inbound_at"],
    )


def threaded_case_for(contact: Contact | None, message: IncomingMessage) -> Case | None:
    """The sender's open case this message answers, however long ago it was last touched.

    A reply to one of the case's messages (email In-Reply-To/References against our sent
    Message-IDs or the citizen's earlier ones) or a tracking number the channel found (an email
    subject) says more than the time window of ``open_case_for``. Only the sender's own open
    cases qualify, so a forged reference or someone else's number joins nothing.
    """
    if contact is None:
        return None
    open_cases = Case.objects.filter(contact=contact, status__in=OPEN_STATUSES)
    ids = [str(i) for i in message.reply_to_ids if i][:_MAX_REPLY_IDS]
    numbers = [str(n).upper() for n in message.data.get("tracking_numbers") or ()][:5]
    return _case_replied_to(open_cases, ids, message.channel) or _case_numbered(open_cases, numbers)


def _case_replied_to(open_cases: QuerySet[Case], ids: list[str], channel: str) -> Case | None:
    if not ids:
        return None
    replied = Q(direction=MessageDirection.INBOUND, external_id__in=ids) | Q(
        direction=MessageDirection.OUTBOUND, outbound__provider_message_id__in=ids
    )
    case_id = (
        Message.objects.filter(replied, case__in=open_cases, channel=channel)
        .order_by("-created_at")
        .values_list("case_id", flat=True)
        .first()
    )
    return None if case_id is None else open_cases.get(pk=case_id)


def _case_numbered(open_cases: QuerySet[Case], numbers: list[str]) -> Case | None:
    if not numbers:
        return None
    found = {case.tracking_number: case for case in open_cases.filter(tracking_number__in=numbers)}
    return next((found[number] for number in numbers if number in found), None)


# Chat channels thread by time: a citizen's next message continues their open case. An email
# that is not a reply (threading headers, tracking number) is a new complaint.
_TIME_THREADED_CHANNELS = {"whatsapp", "instagram", "telegram", "sms"}


def open_case_for(contact: Contact | None, channel: str) -> Case | None:
    if contact is None or channel not in _TIME_THREADED_CHANNELS:
        return None
    window = timedelta(hours=settings.SIGAP_CONVERSATION_JOIN_HOURS)
    return (
        Case.objects.filter(
            contact=contact,
            channel=channel,
            status__in=OPEN_STATUSES,
            updated_at__gte=timezone.now() - window,
        )
        .order_by("-created_at")
        .first()
    )


def _create(
    account: ChannelAccount,
    identity: ContactIdentity | None,
    contact: Contact | None,
    message: IncomingMessage,
) -> HandleResult:
    result = case_create(
        pemda=account.pemda,
        message=message,
        options=CaseOptions(agency=_default_agency(account.agency), contact=contact),
    )
    case = result.case
    if not result.created and not _intake_unfinished(case, identity):
        return HandleResult(outcome="duplicate", case=case)
    return HandleResult(outcome="created", case=case, intake_pending=True, identity=identity)


def _intake_finish(
    account: ChannelAccount, identity: ContactIdentity | None, case: Case
) -> HandleResult:
    """Triage inline (milliseconds) so the acknowledgement names the agency and, for an
    emergency, carries the emergency numbers; the queued triage task then finds it done."""
    triage = case_triage_run(case)
    # Triage holds the row lock to the commit and left the row as it wrote it (routed,
    # placed, prioritised): the clock after triage is computed on it, then the
    # acknowledgement words it (agency, priority, deadline).
    case = case_deadlines_recompute_locked(case=triage.case)
    outbound_ids = []
    if identity is not None:
        ack = replies.acknowledgement_send(
            case=case, account=account, identity=identity, held=triage.result.held,
            first=triage.fresh,
        )  # fmt: skip
        outbound_ids.append(ack.pk)
    case_row_committed(case)  # the hooks after the commit read this row, not the database
    return HandleResult(outcome="created", case=case, outbound_ids=outbound_ids)


def _intake_unfinished(case: Case, identity: ContactIdentity | None) -> bool:
    """A case committed by a process that died before its triage or acknowledgement."""
    if not TriageResult.objects.filter(case=case).exists():
        return True
    return (
        identity is not None
        and not OutboundMessage.objects.filter(
            idempotency_key=replies.acknowledgement_key(case)
        ).exists()
    )


def _duplicate(account: ChannelAccount, seen: Message, message: IncomingMessage) -> HandleResult:
    """A message stored before: nothing to do, unless it opened a case left unfinished."""
    case = seen.case
    if case is None or seen.direction != MessageDirection.INBOUND:
        return HandleResult(outcome="duplicate")
    opened = not case.messages.filter(created_at__lt=seen.created_at).exists()
    identity = identity_get(pemda=account.pemda, channel=message.channel, sender=message.sender)
    if opened and _intake_unfinished(case, identity):
        return HandleResult(outcome="created", case=case, intake_pending=True, identity=identity)
    return HandleResult(outcome="duplicate", case=case)


def _default_agency(agency: Agency) -> Agency | None:
    """Messages to an OPD's own number start at that OPD; the leader's go to triage."""
    return None if agency.kind in _TRIAGE_KINDS else agency


def _answer_status(
    account: ChannelAccount,
    identity: ContactIdentity,
    contact: Contact,
    message: IncomingMessage,
    asked: re.Match[str],
) -> HandleResult:
    prefix, period, number = asked.group(1).upper(), asked.group(2), int(asked.group(3))
    tracking_number = f"{prefix}-{period}-{number:05d}"
    case = Case.objects.filter(
        pemda=account.pemda, tracking_number=tracking_number, contact=contact
    ).first()
    Message.objects.create(
        pemda=account.pemda,
        case=case,
        contact=contact,
        channel=message.channel,
        account=account,
        direction=MessageDirection.INBOUND,
        external_id=message.external_id,
        text=message.text,
        status=MessageStatus.RECEIVED,
        data={**message.data, "intent": "status_question"},
        created_at=message.received_at or timezone.now(),
    )
    outbound = replies.status_answer_send(
        case=case,
        tracking_number=tracking_number,
        account=account,
        identity=identity,
        question_id=message.external_id,
    )
    return HandleResult(outcome="status_answered", case=case, outbound_ids=[outbound.pk])
