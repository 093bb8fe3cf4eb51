"""``case_create``: the one way a case enters Sigap, from every channel."""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.core.files.base import ContentFile
from django.db import IntegrityError, connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from sigap.agencies.models import Agency, Pemda, User
from sigap.cases.models import (
    Attachment,
    Case,
    CaseEvent,
    CaseStatus,
    Disposition,
    DispositionReason,
    EventKind,
    Message,
    MessageDirection,
    MessageStatus,
    TrackingCounter,
)
from sigap.cases.services.common import case_changed, event_build, event_record, events_record
from sigap.cases.services.workflow import case_transition
from sigap.catalog.models import CaseKind, Category, Priority
from sigap.contacts.models import Channel, Contact
from sigap.contacts.services import SenderIdentity, contact_resolve
from sigap.core.errors import DomainError
from sigap.core.files import SniffedType, check_attachment
from sigap.core.images import image_without_metadata
from sigap.regions.models import Region
from sigap.regions.selectors import region_at_point

MAX_TEXT_LENGTH = 20_000
MAX_ATTACHMENTS = 10


@dataclass(frozen=True)
class IncomingAttachment:
    content: bytes
    name: str = ""
    declared_type: str = ""


@dataclass(frozen=True)
class IncomingMessage:
    """A citizen's message normalised by a channel parser (or a staff walk-in form)."""

    channel: str
    text: str
    sender: SenderIdentity = field(default_factory=SenderIdentity)
    external_id: str = ""
    attachments: tuple[IncomingAttachment, ...] = ()
    latitude: float | None = None
    longitude: float | None = None
    location_text: str = ""
    received_at: datetime | None = None
    data: dict[str, Any] = field(default_factory=dict)
    # The channel account (number, bot, mailbox) it arrived through, when there is one.
    account_id: int | None = None
    # Provider ids of the messages this one answers (email In-Reply-To/References, WhatsApp
    # context.id), nearest first: a reply joins the case of the message it quotes.
    reply_to_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class CaseCreateResult:
    case: Case
    created: bool
    message: Message | None


@dataclass(frozen=True)
class CaseOptions:
    """What the caller already knows about the case (walk-in forms, Open311, web form)."""

    category: Category | None = None
    kind: str | None = None
    agency: Agency | None = None
    priority: str | None = None
    region: Region | None = None
    title: str = ""
    is_anonymous: bool = False
    is_confidential: bool = False
    # The sender's contact, when the caller resolved it already (the channel intake does).
    contact: Contact | None = None


def case_create(
    *,
    pemda: Pemda,
    message: IncomingMessage,
    options: CaseOptions | None = None,
    actor: User | None = None,
) -> CaseCreateResult:
    """Create a case from a message; the same ``external_id`` never makes a second case."""
    options = options or CaseOptions()
    _validate(pemda, message, options)
    sniffed = [check_attachment(a.content, name=a.name) for a in message.attachments]
    try:
        with transaction.atomic():
            return _create(pemda, message, options, actor, sniffed)
    except IntegrityError:
        # The message was stored before, or a concurrent delivery of it won the unique
        # (channel, external_id): no look-up first, a re-delivery is the rare case. The
        # savepoint takes back the case row and the tracking number with it (gap-free).
        existing = _existing_for(message)
        if existing is None:
            raise
        return existing


def _existing_for(message: IncomingMessage) -> CaseCreateResult | None:
    if not message.external_id:
        return None
    found = (
        Message.objects.select_related("case")
        .filter(channel=message.channel, external_id=message.external_id)
        .first()
    )
    if found is None or found.case is None:
        return None
    return CaseCreateResult(case=found.case, created=False, message=found)


def _create(
    pemda: Pemda,
    message: IncomingMessage,
    options: CaseOptions,
    actor: User | None,
    sniffed: list[SniffedType],
) -> CaseCreateResult:
    now = timezone.now()
    contact = options.contact or contact_resolve(
        pemda=pemda, channel=message.channel, sender=message.sender
    )
    case = Case.objects.create(
        pemda=pemda,
        tracking_number=_next_tracking_number(pemda, now),
        **_case_fields(pemda, message, options, contact, now),
    )
    inbound = _inbound_message(pemda.pk, case, contact.pk if contact else None, message, now)
    events = [
        event_build(
            case=case,
            kind=EventKind.CREATED,
            actor=actor,
            to_value=case.status,
            data={"channel": message.channel, "external_id": message.external_id},
        )
    ]
    if case.agency is not None:
        events.append(_initial_disposition(case, actor, now))
    events_record(events)
    attachments_store(case=case, message=inbound, incoming=message.attachments, sniffed=sniffed)
    case_changed(case, "created")
    return CaseCreateResult(case=case, created=True, message=inbound)


def _inbound_message(
    pemda_id: int, case: Case, contact_id: int | None, message: IncomingMessage, now: datetime
) -> Message:
    return Message.objects.create(
        pemda_id=pemda_id,
        case=case,
        contact_id=contact_id,
        channel=message.channel,
        account_id=message.account_id,
        direction=MessageDirection.INBOUND,
        external_id=message.external_id,
        text=message.text,
        status=MessageStatus.RECEIVED,
        data=message.data,
        created_at=message.received_at or now,
    )


@dataclass(frozen=True)
class MessageAddResult:
    message: Message
    created: bool


def case_message_add(*, case: Case, message: IncomingMessage) -> MessageAddResult:
    """A citizen's follow-up on an open case; the same ``external_id`` is stored once.

    A reply while the case waits for the citizen puts it back to work (the clock resumes).
    """
    _validate_followup(message)
    sniffed = [check_attachment(a.content, name=a.name) for a in message.attachments]
    try:
        with transaction.atomic():
            return _add_followup(case, message, sniffed)
    except IntegrityError:
        # Stored before (or by a concurrent delivery): no look-up first, as in `case_create`.
        found = None
        if message.external_id:
            found = Message.objects.filter(
                channel=message.channel, external_id=message.external_id
            ).first()
        if found is None:
            raise
        return MessageAddResult(message=found, created=False)


def _validate_followup(message: IncomingMessage) -> None:
    if message.channel not in Channel.values:
        raise DomainError(_("Kanal tidak dikenal."), code="unknown_channel")
    if len(message.text) > MAX_TEXT_LENGTH:
        raise DomainError(_("Pesan terlalu panjang."), code="too_long")
    _validate_point(message.latitude, message.longitude)


def _add_followup(
    case: Case, message: IncomingMessage, sniffed: list[SniffedType]
) -> MessageAddResult:
    now = timezone.now()
    case = Case.objects.select_for_update(of=("self",)).get(pk=case.pk)
    inbound = _inbound_message(case.pemda_id, case, case.contact_id, message, now)
    event_record(
        case=case,
        kind=EventKind.MESSAGE_IN,
        note=message.text[:2000],
        data={"message_id": inbound.pk, "channel": message.channel},
    )
    attachments_store(case=case, message=inbound, incoming=message.attachments, sniffed=sniffed)
    if message.latitude is not None and message.longitude is not None:
        case_locate(case=case, latitude=message.latitude, longitude=message.longitude)
    if case.status == CaseStatus.WAITING_CITIZEN:
        case_transition(case=case, to_status=CaseStatus.IN_PROGRESS, actor=None,
                        note=_("Warga membalas."))  # fmt: skip
    case_changed(case, "message_in")
    return MessageAddResult(message=inbound, created=True)


def case_locate(*, case: Case, latitude: float, longitude: float) -> Case:
    """Set the case's point (a location pin) and the region it falls in."""
    _validate_point(latitude, longitude)
    region = region_at_point(lat=latitude, lng=longitude) or case.region
    Case.objects.filter(pk=case.pk).update(
        latitude=latitude, longitude=longitude, region=region, version=F("version") + 1
    )
    case.latitude, case.longitude, case.region = latitude, longitude, region
    case.version += 1
    event_record(
        case=case,
        kind=EventKind.LOCATION,
        to_value=f"{latitude:.6f},{longitude:.6f}",
        data={"region": region.code if region else None},
    )
    return case


def _case_fields(
    pemda: Pemda,
    message: IncomingMessage,
    options: CaseOptions,
    contact: Contact | None,
    now: datetime,
) -> dict[str, Any]:
    category = options.category
    region = options.region
    if region is None and message.latitude is not None and message.longitude is not None:
        region = region_at_point(lat=message.latitude, lng=message.longitude)
    kind = options.kind or (category.kind if category else CaseKind.COMPLAINT)
    priority = options.priority or (category.default_priority if category else Priority.NORMAL)
    if kind == CaseKind.EMERGENCY and not options.priority:
        priority = Priority.EMERGENCY
    return {
        "kind": kind,
        "category": category,
        "priority": priority,
        "agency": options.agency or (category.default_agency if category else None),
        "contact": contact,
        "channel": message.channel,
        "region": region,
        "latitude": message.latitude,
        "longitude": message.longitude,
        "location_text": message.location_text[:255],
        "title": options.title[:200],
        "description": message.text,
        "is_anonymous": options.is_anonymous,
        "is_confidential": options.is_confidential,
        "created_at": message.received_at or now,
    }


def _initial_disposition(case: Case, actor: User | None, now: datetime) -> CaseEvent:
    """The first hop, stored; its timeline event is returned for the caller to record."""
    assert case.agency is not None
    Disposition.objects.create(
        case=case,
        to_agency=case.agency,
        reason=DispositionReason.INITIAL,
        actor=actor,
        created_at=now,
    )
    return event_build(
        case=case, kind=EventKind.DISPOSED, actor=actor, to_value=case.agency.short_name
    )


def _next_tracking_number(pemda: Pemda, now: datetime) -> str:
    """BDG-2611-00042: prefix, local year and month, a gap-free sequence per month."""
    period = now.astimezone(ZoneInfo(pemda.timezone)).strftime("%y%m")
    value = _counter_increment(pemda.pk, period)
    if value is None:  # the month's first case: make its row, then count as usual
        TrackingCounter.objects.get_or_create(pemda=pemda, period=period)
        value = _counter_increment(pemda.pk, period)
        assert value is not None
    return f"{pemda.tracking_prefix}-{period}-{value:05d}"


def _counter_increment(pemda_id: int, period: str) -> int | None:
    """Add one to the month's counter and read it back in one statement (RETURNING: PostgreSQL
    and SQLite >= 3.35). The UPDATE takes the row lock, so concurrent creators queue here and
    each gets its own n; the lock lasts until the case's transaction commits."""
    table = connection.ops.quote_name(TrackingCounter._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET last_value = last_value + 1"  # noqa: S608 - names are ours
            " WHERE pemda_id = %s AND period = %s RETURNING last_value",
            [pemda_id, period],
        )
        row = cursor.fetchone()
    return None if row is None else int(row[0])


def _validate(pemda: Pemda, message: IncomingMessage, options: CaseOptions) -> None:
    if message.channel not in Channel.values:
        raise DomainError(
            _("Kanal %(channel)s tidak dikenal.") % {"channel": message.channel},
            code="unknown_channel",
        )
    if not message.text.strip() and not message.attachments:
        raise DomainError(_("Isi laporan tidak boleh kosong."), code="empty")
    if len(message.text) > MAX_TEXT_LENGTH:
        raise DomainError(
            _("Isi laporan terlalu panjang (maksimal %(max)d karakter).")
            % {"max": MAX_TEXT_LENGTH},
            code="too_long",
        )
    if len(message.attachments) > MAX_ATTACHMENTS:
        raise DomainError(
            _("Terlalu banyak lampiran (maksimal %(max)d).") % {"max": MAX_ATTACHMENTS},
            code="too_many_attachments",
        )
    _validate_point(message.latitude, message.longitude)
    _validate_options(pemda, options)


def _validate_point(lat: float | None, lng: float | None) -> None:
    if lat is None and lng is None:
        return
    if lat is None or lng is None or not all(math.isfinite(v) for v in (lat, lng)):
        raise DomainError(_("Lokasi tidak lengkap."), code="invalid_location")
    if not (-90 <= lat <= 90 and -180 <= lng <= 180):
        raise DomainError(_("Koordinat lokasi tidak sah."), code="invalid_location")


def _validate_options(pemda: Pemda, options: CaseOptions) -> None:
    category = options.category
    if category is not None and (category.pemda_id != pemda.pk or not category.is_active):
        raise DomainError(_("Kategori tidak dikenal."), code="unknown_category")
    if options.agency is not None and (
        options.agency.pemda_id != pemda.pk or not options.agency.is_active
    ):
        raise DomainError(_("Instansi tidak dikenal."), code="unknown_agency")
    if options.kind is not None and options.kind not in CaseKind.values:
        raise DomainError(_("Jenis laporan tidak dikenal."), code="unknown_kind")
    if options.priority is not None and options.priority not in Priority.values:
        raise DomainError(_("Prioritas tidak dikenal."), code="unknown_priority")


def attachments_store(
    *,
    case: Case,
    incoming: tuple[IncomingAttachment, ...],
    sniffed: list[SniffedType] | None = None,
    message: Message | None = None,
    actor: User | None = None,
    is_internal: bool = False,
) -> list[Attachment]:
    """Save already-checked attachments to storage and the timeline. Images are stored without
    their metadata (EXIF GPS position, camera owner, XMP): on an anonymous case they would name
    the reporter to the agency."""
    types = sniffed or [check_attachment(a.content, name=a.name) for a in incoming]
    stored = []
    for item, kind in zip(incoming, types, strict=True):
        content = image_without_metadata(item.content, kind.mime)
        attachment = Attachment(
            case=case,
            message=message,
            original_name=item.name[:255],
            content_type=kind.mime,
            extension=kind.extension,
            size=len(content),
            sha256=hashlib.sha256(content).hexdigest(),
            uploaded_by=actor,
            is_internal=is_internal,
        )
        attachment.file.save("upload", ContentFile(content), save=False)
        attachment.save()
        stored.append(attachment)
        event_record(
            case=case,
            kind=EventKind.ATTACHMENT,
            actor=actor,
            to_value=item.name or kind.extension,
            data={"attachment_id": attachment.pk, "content_type": kind.mime},
        )
    return stored
