from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import LimitOffsetPagination, paginate

from sigap.agencies.models import Agency, Pemda
from sigap.agencies.selectors import StaffScope, staff_scope
from sigap.cases import permissions
from sigap.cases.models import Case, EventKind
from sigap.cases.permissions import must_mask_personal_data
from sigap.cases.schemas import (
    CaseAcceptedOut,
    CaseCreateIn,
    CaseDetailOut,
    CaseOut,
    TransitionIn,
)
from sigap.cases.selectors import (
    CaseFilters,
    attachment_event_name,
    case_attachment_names,
    case_get_for_user,
    case_list_for_user,
    case_reporter_for,
    case_timeline,
)
from sigap.cases.services import CaseOptions, IncomingMessage, case_create, case_transition
from sigap.catalog.models import Category
from sigap.contacts.models import STAFF_ENTRY_CHANNELS, Channel
from sigap.contacts.services import SenderIdentity
from sigap.core.errors import DomainError, NotFound, PermissionDenied
from sigap.routing.detectors.pii import mask_personal_data

router = Router(tags=["laporan"])


class CaseListQuery(Schema):
    status: str = ""
    priority: str = ""
    kind: str = ""
    channel: str = ""
    q: str = ""


class CaseListOut(CaseOut):
    """A case in a list: an agency reads an anonymous case with its personal data masked."""

    @staticmethod
    def resolve_description(obj: Any, context: Any) -> str:
        if isinstance(obj, dict):
            return obj["description"]
        scope = getattr(context["request"], "sigap_scope", None) if context else None
        # Fail closed: without the viewer's scope the text is masked.
        if scope is None or must_mask_personal_data(scope, obj):
            return mask_personal_data(obj.description)
        return obj.description


MAX_PAGE_SIZE = 1000
MAX_OFFSET = 10_000_000


class BoundedLimitOffset(LimitOffsetPagination):
    """django-ninja's pagination with ceilings: a 20-digit offset or limit overflowed the
    database's integers (a 500); beyond these an API client is told its request is invalid."""

    class Input(Schema):
        limit: int = Field(100, ge=1, le=MAX_PAGE_SIZE)
        offset: int = Field(0, ge=0, le=MAX_OFFSET)


@router.get("", response=list[CaseListOut])
@paginate(BoundedLimitOffset, max_limit=MAX_PAGE_SIZE)
def case_list(request: HttpRequest, filters: Query[CaseListQuery]) -> QuerySet[Case]:
    scope = staff_scope(request.user)
    request.sigap_scope = scope  # type: ignore[attr-defined]  # read by CaseListOut
    return case_list_for_user(
        scope,
        CaseFilters(
            status=filters.status,
            priority=filters.priority,
            kind=filters.kind,
            channel=filters.channel,
            query=filters.q[:100],
        ),
    ).order_by("-created_at")


def _detail(request: HttpRequest, case: Case) -> dict:
    scope = staff_scope(request.user)
    reporter = case_reporter_for(scope, case)
    out = CaseOut.from_orm(case).dict()
    masked = must_mask_personal_data(scope, case)
    if masked:
        out["description"] = mask_personal_data(case.description)
    out["reporter"] = (
        {"name": reporter.display_name, "phone": reporter.phone, "email": reporter.email}
        if reporter
        else None
    )
    # An attachment event's ``to_value`` is the citizen's file name: named as on the page.
    names = case_attachment_names(scope, case)
    out["events"] = [
        {
            "kind": e.kind,
            "from_value": e.from_value,
            "to_value": (
                attachment_event_name(e, names) if e.kind == EventKind.ATTACHMENT else e.to_value
            ),
            "note": mask_personal_data(e.note) if masked else e.note,
            "actor": e.actor.username if e.actor else None,
            "created_at": e.created_at,
        }
        for e in case_timeline(case)
    ]
    return out


@router.get("/{tracking_number}", response=CaseDetailOut)
def case_detail(request: HttpRequest, tracking_number: str) -> dict:
    case = case_get_for_user(staff_scope(request.user), tracking_number=tracking_number)
    return _detail(request, case)


# A caller who may not read the case gets only its number and status (``_created_body``).
_CreatedOut = CaseDetailOut | CaseAcceptedOut


@router.post("", response={201: _CreatedOut, 200: _CreatedOut})
def case_create_view(request: HttpRequest, payload: CaseCreateIn) -> Status:
    """Record a case typed in by staff; 201 when new, 200 when ``external_id`` was seen before."""
    scope = staff_scope(request.user)
    if not permissions.can_record_cases(scope):
        raise PermissionDenied(_("Peran Anda tidak dapat mencatat laporan baru."))
    _check_staff_channel(payload.channel)
    pemda, agency = _pemda_of_staff(request, scope)
    category = _category(pemda, payload.category)
    result = case_create(
        pemda=pemda,
        message=_staff_message(request, payload),
        options=CaseOptions(
            category=category,
            agency=None if category else agency,
            is_anonymous=payload.is_anonymous,
            is_confidential=payload.is_confidential,
        ),
        actor=request.user,  # type: ignore[arg-type]
    )
    return Status(201 if result.created else 200, _created_body(request, scope, result.case))


def _category(pemda: Pemda, code: str | None) -> Category | None:
    if not code:
        return None
    category = Category.objects.filter(pemda=pemda, code=code).first()
    if category is None:
        raise DomainError(_("Kategori tidak dikenal."), code="unknown_category")
    return category


def _staff_message(request: HttpRequest, payload: CaseCreateIn) -> IncomingMessage:
    return IncomingMessage(
        channel=payload.channel,
        text=payload.description,
        # Only what was typed: on staff channels the reporter is never matched to an existing
        # contact (``contact_record``), so the answer shows nobody else's data.
        sender=SenderIdentity(
            display_name=payload.reporter_name,
            phone=payload.reporter_phone,
            email=payload.reporter_email,
        ),
        # The caller's own idempotency key: a replay finds only their own earlier case.
        external_id=f"api:{request.user.pk}:{payload.external_id}" if payload.external_id else "",
        latitude=payload.latitude,
        longitude=payload.longitude,
        location_text=payload.location_text,
    )


def _created_body(request: HttpRequest, scope: StaffScope, case: Case) -> dict:
    """The case's detail if the caller may read it now. A replayed ``external_id`` finds the
    case as it is today (perhaps disposed to another agency since), and a category may route a
    new case away at once: the caller then learns only that it was recorded, as which number
    and in which status, never its content or timeline."""
    if not permissions.can_view(scope, case):
        return {"tracking_number": case.tracking_number, "status": case.status}
    return _detail(request, case)


def _check_staff_channel(channel: str) -> None:
    """Staff record what reached them at the desk, by phone or by letter. Another channel
    would pretend the citizen wrote there (and replies would go there)."""
    if channel in STAFF_ENTRY_CHANNELS or channel not in Channel.values:
        return  # an unknown channel is refused by ``case_create`` ("unknown_channel")
    raise DomainError(
        _(
            "Laporan yang dicatat petugas hanya boleh melalui kanal walk_in (datang langsung), "
            "phone (telepon) atau letter (surat)."
        ),
        code="channel_not_allowed",
    )


def _pemda_of_staff(request: HttpRequest, scope: StaffScope) -> tuple[Pemda, Agency | None]:
    """The Pemda (and agency, for agency staff) a walk-in case is recorded for: that of the
    caller's first working membership (a leader's seat records nothing)."""
    memberships = request.user.memberships.select_related("agency__pemda")  # type: ignore[union-attr]
    if not scope.is_superuser:
        memberships = memberships.filter(role__in=permissions.CASE_RECORDING_ROLES)
    membership = memberships.filter(agency__is_active=True).order_by("pk").first()
    if membership is None:
        raise NotFound(_("Akun ini belum terdaftar di instansi mana pun."))
    pemda = membership.agency.pemda
    agency = None if scope.is_coordinator_of(pemda.pk) else membership.agency
    return pemda, agency


@router.post("/{tracking_number}/transition", response=CaseDetailOut)
def case_transition_view(request: HttpRequest, tracking_number: str, payload: TransitionIn) -> dict:
    scope = staff_scope(request.user)
    case = case_get_for_user(scope, tracking_number=tracking_number)
    case = case_transition(
        case=case,
        to_status=payload.status,
        actor=request.user,  # type: ignore[arg-type]
        note=payload.note,
        expected_version=payload.expected_version,
    )
    case = get_object_or_404(Case, pk=case.pk)
    return _detail(request, case)
