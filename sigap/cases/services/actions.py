"""Staff actions on one case from the console: claim, reply, notes with mentions, asking the
citizen, resolving, reopening and forwarding to an external body.

Each is one transaction that locks the case row first (``case_lock``), so two officers acting
at once are serialised and the second sees a stale ``version`` as a ``Conflict``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from sigap.agencies.models import Agency, User
from sigap.agencies.selectors import StaffScope, staff_scope
from sigap.cases import permissions
from sigap.cases.models import Case, CaseStatus, DispositionReason
from sigap.cases.services.common import case_lock, ensure_can_act
from sigap.cases.services.intake import IncomingAttachment, attachments_store
from sigap.cases.services.workflow import (
    case_add_note,
    case_assign,
    case_dispose,
    case_transition,
)
from sigap.core.errors import Conflict, DomainError
from sigap.core.files import check_attachment
from sigap.routing.detectors.pii import mask_personal_data

if TYPE_CHECKING:
    from sigap.channels.models import OutboundMessage

# "@petugas.a," → petugas.a; an e-mail address (a@b) is not a mention.
_MENTION = re.compile(r"(?<![\w.@])@([A-Za-z0-9_.+-]{1,150})")
MAX_MENTIONS = 10


@transaction.atomic
def case_claim(*, case: Case, actor: User, expected_version: int | None = None) -> Case:
    """Assign the case to oneself; refused when a colleague already holds it."""
    case = case_lock(case, expected_version=expected_version)
    ensure_can_act(actor, case)
    if case.assignee_id == actor.pk:
        return case
    if case.assignee_id is not None:
        raise Conflict(
            _("Laporan ini sudah ditangani %(name)s; gunakan 'Tugaskan' untuk mengalihkannya.")
            % {"name": case.assignee}
        )
    return case_assign(case=case, assignee=actor, actor=actor)


@transaction.atomic
def case_reply(
    *, case: Case, actor: User, text: str, key: str, template: str = ""
) -> OutboundMessage:
    """A staff reply on the citizen's channel, sent through the outbox after commit."""
    from sigap.channels.services.staff_replies import staff_reply_send

    case = case_lock(case)
    ensure_can_act(actor, case)
    outbound = staff_reply_send(case=case, actor=actor, text=text, key=key, template=template)
    if case.agency_id is not None:
        # Answering the citizen is working on the case: the citizen's page stops saying
        # "Terverifikasi" while an officer is already talking to them.
        _work_start(case, actor, _("Petugas membalas warga."))
    return outbound


@dataclass(frozen=True)
class NoteResult:
    case: Case
    notified: list[User] = field(default_factory=list)
    # Mentioned names that are no staff member able to see this case.
    unknown: list[str] = field(default_factory=list)


@transaction.atomic
def case_note_add(*, case: Case, actor: User, text: str) -> NoteResult:
    """An internal note; each ``@username`` of staff who may see the case is notified."""
    from sigap.sla.models import NotificationKind, SlaNotification

    case = case_add_note(case=case, actor=actor, text=text)
    names = mentioned_usernames(text)
    mentioned = _mentionable(case, names, actor)
    users = [user for user, _scope in mentioned]
    found = {user.username.lower() for user in users}
    now = timezone.now()
    SlaNotification.objects.bulk_create(
        SlaNotification(
            recipient=user,
            case=case,
            kind=NotificationKind.MENTION,
            stage="",
            text=_mention_text(case, actor, text, scope),
            created_at=now,
        )
        for user, scope in mentioned
    )
    unknown = [name for name in names if name.lower() not in found]
    return NoteResult(case=case, notified=users, unknown=unknown)


def _mention_text(case: Case, actor: User, note: str, scope: StaffScope) -> str:
    """The notification as its recipient may read it: the stored text travels to the console
    list, e-mail and WhatsApp, so an agency recipient of an anonymous case gets the note's
    personal data masked, as on the case page (masked before the cut: a cut number would slip
    past the masking)."""
    note = " ".join(note.split())
    if permissions.must_mask_personal_data(scope, case):
        note = mask_personal_data(note)
    return _("%(actor)s menyebut Anda di laporan %(number)s: %(note)s") % {
        "actor": actor,
        "number": case.tracking_number,
        "note": note[:300],
    }


def mentioned_usernames(text: str) -> list[str]:
    """The distinct ``@username`` mentions of a note, in order (a trailing dot is punctuation)."""
    names: list[str] = []
    for raw in _MENTION.findall(text):
        name = raw.rstrip(".")
        if name and name.lower() not in {n.lower() for n in names}:
            names.append(name)
    return names[:MAX_MENTIONS]


def _mentionable(case: Case, names: list[str], actor: User) -> list[tuple[User, StaffScope]]:
    """The mentioned staff who may see the case, each with their scope."""
    if not names:
        return []
    query = Q(pk__in=[])
    for name in names:
        query |= Q(username__iexact=name)
    candidates = User.objects.filter(query, is_active=True).exclude(pk=actor.pk)
    scoped = [(user, staff_scope(user)) for user in candidates]
    return [(user, scope) for user, scope in scoped if permissions.can_view(scope, case)]


def _work_start(case: Case, actor: User, note: str) -> Case:
    """A staff answer to a new case verifies it and starts the work, both on the timeline."""
    if case.status == CaseStatus.NEW:
        case = case_transition(case=case, to_status=CaseStatus.VERIFIED, actor=actor, note=note)
    if case.status == CaseStatus.VERIFIED:
        case = case_transition(case=case, to_status=CaseStatus.IN_PROGRESS, actor=actor, note=note)
    return case


@transaction.atomic
def case_request_info(
    *,
    case: Case,
    actor: User,
    question: str,
    key: str,
    template: str = "",
    expected_version: int | None = None,
) -> Case:
    """Ask the citizen for more information: the case waits for them and its clocks pause."""
    from sigap.channels.services.staff_replies import staff_reply_send

    case = case_lock(case, expected_version=expected_version)
    ensure_can_act(actor, case)
    question = question.strip()
    if not question:
        raise DomainError(_("Tuliskan informasi yang diminta dari warga."), code="empty")
    if case.status == CaseStatus.WAITING_CITIZEN:
        raise DomainError(_("Laporan ini sudah menunggu jawaban warga."), code="already_waiting")
    if not case.is_open:
        raise DomainError(_("Laporan yang sudah selesai tidak dapat dimintai informasi."))
    case = _work_start(case, actor, _("Petugas meminta informasi tambahan."))
    case = case_transition(
        case=case, to_status=CaseStatus.WAITING_CITIZEN, actor=actor, note=question
    )
    staff_reply_send(
        case=case,
        actor=actor,
        text=question,
        key=f"info:{key}",
        template=template,
        purpose="info_request",
    )
    return case


_PROOF_IMAGE = "image/"


@transaction.atomic
def case_resolve(
    *,
    case: Case,
    actor: User,
    resolution: str,
    proof: IncomingAttachment | None = None,
    expected_version: int | None = None,
) -> Case:
    """Close the work with what was done (required) and, optionally, a photo as proof."""
    resolution = resolution.strip()
    if not resolution:
        raise DomainError(_("Tuliskan hasil penyelesaian."), code="note_required")
    sniffed = check_attachment(proof.content, name=proof.name) if proof else None
    if sniffed is not None and not sniffed.mime.startswith(_PROOF_IMAGE):
        raise DomainError(
            _("Bukti penyelesaian harus berupa foto (JPG, PNG, WEBP atau HEIC)."),
            code="attachment_type",
        )
    case = case_lock(case, expected_version=expected_version)
    ensure_can_act(actor, case)
    if not case.is_open:
        raise DomainError(_("Laporan ini sudah tidak aktif."), code="invalid_transition")
    case = _work_start(case, actor, _("Ditangani langsung oleh petugas."))
    case = case_transition(case=case, to_status=CaseStatus.RESOLVED, actor=actor, note=resolution)
    if proof is not None and sniffed is not None:
        attachments_store(case=case, incoming=(proof,), sniffed=[sniffed], actor=actor)
    return case


@transaction.atomic
def case_reopen(
    *, case: Case, actor: User, reason: str, expected_version: int | None = None
) -> Case:
    """A resolved case goes back to work (the citizen disputes it or the fix did not hold)."""
    reason = reason.strip()
    if not reason:
        raise DomainError(_("Tuliskan alasan membuka kembali laporan."), code="note_required")
    case = case_lock(case, expected_version=expected_version)
    ensure_can_act(actor, case)
    if case.status != CaseStatus.RESOLVED:
        raise DomainError(
            _("Hanya laporan berstatus Selesai yang dapat dibuka kembali."),
            code="invalid_transition",
        )
    return case_transition(case=case, to_status=CaseStatus.IN_PROGRESS, actor=actor, note=reason)


@transaction.atomic
def case_forward_external(
    *,
    case: Case,
    to_agency: Agency,
    actor: User,
    note: str,
    expected_version: int | None = None,
) -> Case:
    """Forward a case to a body outside the Pemda (PLN, PDAM, Polres) with the reason."""
    if not to_agency.is_external:
        raise DomainError(_("Pilih lembaga luar sebagai tujuan."), code="unknown_agency")
    return case_dispose(
        case=case,
        to_agency=to_agency,
        reason=DispositionReason.EXTERNAL,
        actor=actor,
        note=note,
        expected_version=expected_version,
    )
