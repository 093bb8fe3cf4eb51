from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema, Status
from ninja.pagination import LimitOffsetPagination, paginate

from sigap.agencies.models import Agency, Pemda
from sigap.agencies.selectors import staff_scope
from sigap.cases.models import Case
from sigap.cases.permissions import must_mask_personal_data
from sigap.cases.schemas import CaseCreateIn, CaseDetailOut, CaseOut, TransitionIn
from sigap.cases.selectors import (
    CaseFilters,
    case_get_for_user,
    case_list_for_user,
    case_reporter_for,
    case_timeline,
)
from sigap.cases.services import CaseOptions, IncomingMessage, case_create, case_transition
from sigap.catalog.models import Category
from sigap.contacts.services import SenderIdentity
from sigap.core.errors import DomainError, NotFound
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


@router.get("", response=list[CaseListOut])
@paginate(LimitOffsetPagination)
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
    out["events"] = [
        {
            "kind": e.kind,
            "from_value": e.from_value,
            "to_value": e.to_value,
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


@router.post("", response={201: CaseDetailOut, 200: CaseDetailOut})
def case_create_view(request: HttpRequest, payload: CaseCreateIn) -> Status:
    pemda, agency = _pemda_of_staff(request)
    category = None
    if payload.category:
        category = Category.objects.filter(pemda=pemda, code=payload.category).first()
        if category is None:
            raise DomainError("Kategori tidak dikenal.", code="unknown_category")
    result = case_create(
        pemda=pemda,
        message=IncomingMessage(
            channel=payload.channel,
            text=payload.description,
            sender=_sender(payload),
            external_id=f"api:{request.user.pk}:{payload.external_id}"
            if payload.external_id
            else "",
            latitude=payload.latitude,
            longitude=payload.longitude,
            location_text=payload.location_text,
        ),
        options=CaseOptions(
            category=category,
            agency=None if category else agency,
            is_anonymous=payload.is_anonymous,
            is_confidential=payload.is_confidential,
        ),
        actor=request.user,  # type: ignore[arg-type]
    )
    return Status(201 if result.created else 200, _detail(request, result.case))


def _sender(payload: CaseCreateIn) -> SenderIdentity:
    identity = payload.reporter_phone or payload.reporter_email
    return SenderIdentity(
        external_id=identity,
        display_name=payload.reporter_name,
        phone=payload.reporter_phone,
        email=payload.reporter_email,
    )


def _pemda_of_staff(request: HttpRequest) -> tuple[Pemda, Agency | None]:
    """The Pemda (and agency, for agency staff) a walk-in case is recorded for."""
    membership = request.user.memberships.select_related("agency__pemda").first()  # type: ignore[union-attr]
    if membership is None:
        raise NotFound("Akun ini belum terdaftar di instansi mana pun.")
    scope = staff_scope(request.user)
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
