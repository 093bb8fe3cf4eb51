"""Every change to an existing case: status, assignment, disposition, notes, merges."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sigap.agencies.models import Agency, Role, User
from sigap.agencies.selectors import staff_scope
from sigap.cases import permissions
from sigap.cases.models import (
    OPEN_STATUSES,
    Case,
    CaseStatus,
    Disposition,
    DispositionReason,
    EventKind,
)
from sigap.cases.services.common import (
    CaseWrites,
    case_changed,
    case_lock,
    case_touch,
    case_writes,
    ensure_can_act,
    event_record,
)
from sigap.cases.transitions import is_allowed
from sigap.catalog.models import Category, Priority
from sigap.core.errors import DomainError, NotFound, PermissionDenied
from sigap.regions.models import Region

# Timestamps set when a case first enters a status.
_STATUS_TIMESTAMPS = {
    CaseStatus.VERIFIED: "verified_at",
    CaseStatus.RESOLVED: "resolved_at",
    CaseStatus.CLOSED: "closed_at",
}


@transaction.atomic
def case_transition(
    *,
    case: Case,
    to_status: str,
    actor: User | None,
    note: str = "",
    expected_version: int | None = None,
) -> Case:
    case = case_lock(case, expected_version=expected_version)
    ensure_can_act(actor, case)
    if to_status not in CaseStatus.values:
        raise DomainError(_("Status tidak dikenal."), code="unknown_status")
    if to_status == CaseStatus.MERGED:
        raise DomainError(_("Gunakan penggabungan untuk menggabungkan laporan."))
    if not is_allowed(case.status, to_status):
        raise DomainError(
            _("Status %(from)s tidak dapat diubah menjadi %(to)s.")
            % {"from": case.get_status_display(), "to": CaseStatus(to_status).label},
            code="invalid_transition",
        )
    if to_status in {CaseStatus.REJECTED, CaseStatus.RESOLVED} and not note.strip():
        raise DomainError(_("Tuliskan alasan atau hasil penyelesaian."), code="note_required")
    from_status = case.status
    case.status = to_status
    fields = ["status"]
    stamp = _STATUS_TIMESTAMPS.get(CaseStatus(to_status))
    # resolved_at moves on each resolution (the auto-close clock restarts after a reopen).
    if stamp and (getattr(case, stamp) is None or to_status == CaseStatus.RESOLVED):
        setattr(case, stamp, timezone.now())
        fields.append(stamp)
    case_touch(case, fields)
    event_record(
        case=case,
        kind=EventKind.STATUS_CHANGED,
        actor=actor,
        from_value=from_status,
        to_value=to_status,
        note=note,
    )
    case_changed(case, "status")
    return case


@transaction.atomic
def case_assign(
    *, case: Case, assignee: User | None, actor: User | None, expected_version: int | None = None
) -> Case:
    case = case_lock(case, expected_version=expected_version)
    ensure_can_act(actor, case)
    if not case.is_open:
        raise DomainError(_("Laporan yang sudah selesai tidak dapat ditugaskan."))
    if assignee is not None and not _works_in(assignee, case.agency):
        raise DomainError(
            _("%(name)s bukan petugas %(agency)s.")
            % {"name": assignee, "agency": case.agency or _("instansi ini")},
            code="assignee_not_member",
        )
    previous = case.assignee
    if previous == assignee:
        return case
    case.assignee = assignee
    case_touch(case, ["assignee"])
    event_record(
        case=case,
        kind=EventKind.ASSIGNED,
        actor=actor,
        from_value=previous or "",
        to_value=assignee or "",
        data={"assignee_id": assignee.pk if assignee else None},
    )
    case_changed(case, "assigned")
    return case


def _works_in(user: User, agency: Agency | None) -> bool:
    if agency is None or not user.is_active:
        return False
    return user.memberships.filter(
        agency=agency, role__in=[Role.AGENCY_ADMIN, Role.AGENCY_OFFICER, Role.OPERATOR]
    ).exists()


@transaction.atomic
def case_dispose(
    *,
    case: Case,
    to_agency: Agency,
    reason: str,
    actor: User | None,
    note: str = "",
    expected_version: int | None = None,
) -> Case:
    """Move a case to another agency (or forward it to an external body) with a reason."""
    case = case_lock(case, expected_version=expected_version)
    ensure_can_act(actor, case)
    _validate_disposition(case, to_agency, reason, note)
    from_agency = case.agency
    now = timezone.now()
    Disposition.objects.create(
        case=case,
        from_agency=from_agency,
        to_agency=to_agency,
        reason=reason,
        note=note,
        actor=actor,
        created_at=now,
    )
    case.agency, case.assignee = to_agency, None
    case_touch(case, ["agency", "assignee"])
    event_record(
        case=case,
        kind=EventKind.DISPOSED,
        actor=actor,
        from_value=from_agency.short_name if from_agency else "",
        to_value=to_agency.short_name,
        note=note,
        data={"reason": reason, "to_agency_id": to_agency.pk},
    )
    case_changed(case, "disposed")
    return case


def _validate_disposition(case: Case, to_agency: Agency, reason: str, note: str) -> None:
    if not case.is_open:
        raise DomainError(_("Laporan yang sudah selesai tidak dapat didisposisikan."))
    if reason not in DispositionReason.values or reason == DispositionReason.INITIAL:
        raise DomainError(_("Pilih alasan disposisi."), code="reason_required")
    if not note.strip():
        raise DomainError(_("Tuliskan keterangan disposisi."), code="note_required")
    if to_agency.pemda_id != case.pemda_id or not to_agency.is_active:
        raise DomainError(_("Instansi tujuan tidak dikenal."), code="unknown_agency")
    if case.agency_id == to_agency.pk:
        raise DomainError(_("Laporan sudah berada di instansi tersebut."))
    if reason == DispositionReason.EXTERNAL and not to_agency.is_external:
        raise DomainError(_("Alasan 'diteruskan ke lembaga luar' hanya untuk lembaga luar."))


@transaction.atomic
def case_add_note(*, case: Case, actor: User, text: str) -> Case:
    case = case_lock(case)
    ensure_can_act(actor, case)
    if not text.strip():
        raise DomainError(_("Catatan tidak boleh kosong."), code="empty")
    event_record(case=case, kind=EventKind.NOTE, actor=actor, note=text.strip())
    case_changed(case, "note")
    return case


@transaction.atomic
def case_merge(
    *,
    case: Case,
    into: Case,
    actor: User | None,
    note: str = "",
    expected_version: int | None = None,
) -> Case:
    """Fold a duplicate into the main case; the duplicate stays, marked merged."""
    if case.pk == into.pk:
        raise DomainError(_("Laporan tidak dapat digabung dengan dirinya sendiri."))
    case = case_lock(case, expected_version=expected_version)
    into = case_lock(into)
    ensure_can_act(actor, case)
    ensure_can_act(actor, into)
    if case.pemda_id != into.pemda_id:
        raise NotFound(_("Laporan tujuan tidak ditemukan."))
    if into.status == CaseStatus.MERGED or into.status not in OPEN_STATUSES:
        raise DomainError(_("Laporan tujuan sudah tidak aktif."), code="target_closed")
    if not case.is_open:
        raise DomainError(_("Laporan yang sudah selesai tidak dapat digabung."))
    from_status = case.status
    case.status, case.merged_into = CaseStatus.MERGED, into
    case_touch(case, ["status", "merged_into"])
    event_record(
        case=case,
        kind=EventKind.MERGED,
        actor=actor,
        from_value=from_status,
        to_value=into.tracking_number,
        note=note,
        data={"into_case_id": into.pk},
    )
    event_record(
        case=into,
        kind=EventKind.MERGED,
        actor=actor,
        from_value=case.tracking_number,
        to_value=into.tracking_number,
        note=note,
        data={"merged_case_id": case.pk},
    )
    case_changed(case, "merged")
    return case


@transaction.atomic
def case_set_category(
    *, case: Case, category: Category, actor: User | None, expected_version: int | None = None
) -> Case:
    case = case_lock(case, expected_version=expected_version)
    ensure_can_act(actor, case)
    if category.pemda_id != case.pemda_id or not category.is_active:
        raise DomainError(_("Kategori tidak dikenal."), code="unknown_category")
    previous = case.category
    if previous == category:
        return case
    case.category, case.kind = category, category.kind
    case_touch(case, ["category", "kind"])
    event_record(
        case=case,
        kind=EventKind.CATEGORY_CHANGED,
        actor=actor,
        from_value=previous.name if previous else "",
        to_value=category.name,
        data={"category_id": category.pk},
    )
    case_changed(case, "category")
    return case


@transaction.atomic
def case_set_priority(
    *,
    case: Case,
    priority: str,
    actor: User | None,
    note: str = "",
    expected_version: int | None = None,
) -> Case:
    case = case_lock(case, expected_version=expected_version)
    return case_set_priority_locked(case=case, priority=priority, actor=actor, note=note)


def case_set_priority_locked(
    *,
    case: Case,
    priority: str,
    actor: User | None,
    note: str = "",
    writes: CaseWrites | None = None,
) -> Case:
    """``case_set_priority`` on the row the caller locked in its transaction (triage): no
    savepoint and no second read; ``case`` is changed in place, written with ``writes`` when
    the caller gathers its changes (see ``CaseWrites``)."""
    ensure_can_act(actor, case)
    if priority not in Priority.values:
        raise DomainError(_("Prioritas tidak dikenal."), code="unknown_priority")
    previous = case.priority
    if previous == priority:
        return case
    case.priority = priority
    with case_writes(case, writes) as pending:
        pending.touch(["priority"])
        pending.event(
            kind=EventKind.PRIORITY_CHANGED,
            actor=actor,
            from_value=previous,
            to_value=priority,
            note=note,
        )
    case_changed(case, "priority")
    return case


@transaction.atomic
def case_set_flags(
    *, case: Case, actor: User, is_anonymous: bool, is_confidential: bool, note: str = ""
) -> Case:
    """Anonymity and confidentiality: only the coordinator reviews them."""
    case = case_lock(case)
    if not permissions.can_manage_flags(staff_scope(actor), case):
        raise PermissionDenied(_("Hanya koordinator yang dapat mengubah status anonim/rahasia."))
    before = {"is_anonymous": case.is_anonymous, "is_confidential": case.is_confidential}
    after = {"is_anonymous": is_anonymous, "is_confidential": is_confidential}
    if before == after:
        return case
    case.is_anonymous, case.is_confidential = is_anonymous, is_confidential
    case_touch(case, ["is_anonymous", "is_confidential"])
    event_record(
        case=case,
        kind=EventKind.FLAGS_CHANGED,
        actor=actor,
        note=note,
        data={"before": before, "after": after},
    )
    case_changed(case, "flags")
    return case


@transaction.atomic
def case_rate(*, case: Case, rating: int, comment: str = "") -> Case:
    """The citizen's 1–5 rating of a resolved or closed case."""
    case = case_lock(case)
    if case.status not in {CaseStatus.RESOLVED, CaseStatus.CLOSED}:
        raise DomainError(_("Penilaian dapat diberikan setelah laporan selesai."))
    if not 1 <= rating <= 5:
        raise DomainError(_("Nilai harus antara 1 dan 5."), code="invalid_rating")
    case.rating, case.rating_comment, case.rated_at = rating, comment.strip(), timezone.now()
    case_touch(case, ["rating", "rating_comment", "rated_at"])
    event_record(case=case, kind=EventKind.RATED, to_value=rating, note=comment.strip())
    case_changed(case, "rated")
    return case


@transaction.atomic
def case_route(
    *, case: Case, agency: Agency, actor: User | None, confidence: float | None = None
) -> Case:
    """First routing of a case that has no agency yet (automatic triage or the coordinator)."""
    return case_route_locked(
        case=case_lock(case), agency=agency, actor=actor, confidence=confidence
    )


def case_route_locked(
    *,
    case: Case,
    agency: Agency,
    actor: User | None,
    confidence: float | None = None,
    writes: CaseWrites | None = None,
) -> Case:
    """``case_route`` on the row the caller locked in its transaction (triage): no savepoint
    and no second read; ``case`` is changed in place, written with ``writes`` when the caller
    gathers its changes (see ``CaseWrites``)."""
    ensure_can_act(actor, case)
    if case.agency_id is not None:
        raise DomainError(_("Laporan sudah memiliki instansi; gunakan disposisi."))
    if agency.pemda_id != case.pemda_id or not agency.is_active:
        raise DomainError(_("Instansi tujuan tidak dikenal."), code="unknown_agency")
    now = timezone.now()
    Disposition.objects.create(
        case=case, to_agency=agency, reason=DispositionReason.INITIAL, actor=actor, created_at=now
    )
    case.agency, case.routing_confidence = agency, confidence
    with case_writes(case, writes) as pending:
        pending.touch(["agency", "routing_confidence"])
        pending.event(
            kind=EventKind.ROUTED,
            actor=actor,
            to_value=agency.short_name,
            data={"agency_id": agency.pk, "confidence": confidence},
        )
    case_changed(case, "routed")
    return case


@transaction.atomic
def case_set_region(*, case: Case, region: Region, actor: User | None, source: str) -> Case:
    """The place a case is about, found in its text (gazetteer) or chosen by staff."""
    return case_set_region_locked(case=case_lock(case), region=region, actor=actor, source=source)


def case_set_region_locked(
    *,
    case: Case,
    region: Region,
    actor: User | None,
    source: str,
    writes: CaseWrites | None = None,
) -> Case:
    """``case_set_region`` on the row the caller locked in its transaction (triage): no
    savepoint and no second read; ``case`` is changed in place, written with ``writes`` when
    the caller gathers its changes (see ``CaseWrites``)."""
    ensure_can_act(actor, case)
    previous = case.region
    if previous == region:
        return case
    case.region = region
    with case_writes(case, writes) as pending:
        pending.touch(["region"])
        pending.event(
            kind=EventKind.LOCATION,
            actor=actor,
            from_value=previous.name if previous else "",
            to_value=region.name,
            data={"region": region.code, "source": source},
        )
    case_changed(case, "region")
    return case
