"""Walk-in entry: staff record complaints received by phone, letter or in person.

The form feeds the one ``case_create`` every channel uses, so a walk-in case is triaged,
acknowledged and clocked like any other. Nothing is stored until the whole form is valid.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _

from sigap.agencies.models import Agency, Pemda, User
from sigap.agencies.selectors import StaffScope, agency_list_for_scope, staff_scope_for_request
from sigap.cases import permissions
from sigap.cases.models import Case
from sigap.cases.services import (
    CaseOptions,
    IncomingAttachment,
    IncomingMessage,
    case_create,
)
from sigap.channels.services.replies import status_link
from sigap.console.forms.walkin import WalkinForm
from sigap.contacts.services import SenderIdentity
from sigap.core.errors import DomainError
from sigap.regions.models import Region, RegionLevel


def _staff(request: HttpRequest) -> User:
    if not isinstance(request.user, User):  # the login middleware already sent guests away
        raise PermissionDenied
    return request.user


def _pemda_for(scope: StaffScope) -> Pemda:
    """The Pemda the staff member records for; leaders (read-only) record nothing."""
    if not permissions.can_record_cases(scope):
        raise PermissionDenied(_("Peran Anda tidak dapat mencatat laporan baru."))
    pemda_ids = sorted(scope.reveal_reporter_pemdas | scope.operator_pemdas)
    if pemda_ids:
        return Pemda.objects.select_related("region").get(pk=pemda_ids[0])
    agency = Agency.objects.select_related("pemda__region").filter(pk__in=scope.agency_ids).first()
    if agency is not None:
        return agency.pemda
    pemda = Pemda.objects.select_related("region").filter(is_active=True).order_by("pk").first()
    if pemda is None:
        raise PermissionDenied(_("Belum ada Pemda yang terdaftar."))
    return pemda


def _agencies_for(scope: StaffScope, pemda: Pemda) -> QuerySet[Agency]:
    return agency_list_for_scope(scope).filter(pemda=pemda).order_by("path")


def _form(request: HttpRequest, scope: StaffScope, pemda: Pemda) -> WalkinForm:
    # Only the coordinator may leave the agency to triage: staff of an agency would lose
    # sight of a case routed elsewhere, so they choose (their own agency by default).
    coordinator = scope.is_coordinator_of(pemda.pk)
    own = Agency.objects.filter(pk__in=scope.agency_ids).order_by("path").first()
    return WalkinForm(
        request.POST or None,
        request.FILES or None,
        pemda=pemda,
        agencies=_agencies_for(scope, pemda),
        agency_required=not coordinator,
        initial={"agency": own.code if own and not coordinator else None},
    )


def walkin(request: HttpRequest) -> HttpResponse:
    scope = staff_scope_for_request(request)
    pemda = _pemda_for(scope)
    form = _form(request, scope, pemda)
    if request.method == "POST" and form.is_valid():
        try:
            case = _create(request, pemda, form)
        except DomainError as error:
            field = "attachment" if error.code.startswith("attachment") else None
            form.add_error(field, error.message)
        else:
            # The walk-in citizen's receipt: no channel will carry the acknowledgement to them.
            messages.success(
                request,
                _(
                    "Laporan %(number)s tercatat. Berikan kepada pelapor nomor laporan ini dan "
                    "tautan untuk memantau perkembangannya: %(link)s"
                )
                % {"number": case.tracking_number, "link": status_link(case)},
            )
            if permissions.can_view(scope, case):
                return redirect("console:case_detail", tracking_number=case.tracking_number)
            return redirect("console:walkin")
    context = {
        "form": form,
        "pemda": pemda,
        "villages": _villages(pemda, form["kecamatan"].value()),
    }
    return render(request, "console/walkin.html", context)


def _villages(pemda: Pemda, kecamatan_code: object) -> QuerySet[Region]:
    code = str(kecamatan_code or "")
    if not code or pemda.region is None or not code.startswith(f"{pemda.region.code}."):
        return Region.objects.none()
    return Region.objects.filter(parent__code=code, level=RegionLevel.DESA_KELURAHAN).order_by(
        "name"
    )


def _create(request: HttpRequest, pemda: Pemda, form: WalkinForm) -> Case:
    data = form.cleaned_data
    # Only what was typed: on these channels the reporter is never matched to an existing
    # contact (``contact_record``), so the case page shows nobody else's name.
    sender = SenderIdentity(display_name=data["reporter_name"], phone=data["reporter_phone"])
    upload = data.get("attachment")
    attachments = (
        (IncomingAttachment(content=upload.read(), name=upload.name[:255]),) if upload else ()
    )
    message = IncomingMessage(
        channel=data["channel"],
        text=data["description"],
        sender=sender,
        external_id=f"walkin-{data['submission_id']}",
        attachments=attachments,
        location_text=data["location_text"],
        data={"recorded_by": request.user.pk},
    )
    options = CaseOptions(
        category=data.get("category"),
        agency=data.get("agency"),
        region=form.region,
        title=data["title"],
        is_anonymous=data["is_anonymous"],
        is_confidential=data["is_confidential"],
    )
    result = case_create(pemda=pemda, message=message, options=options, actor=_staff(request))
    return result.case


def walkin_desa_options(request: HttpRequest) -> HttpResponse:
    """The desa/kelurahan of the chosen kecamatan (the form's dependent select)."""
    scope = staff_scope_for_request(request)
    pemda = _pemda_for(scope)
    villages = _villages(pemda, request.GET.get("kecamatan", ""))
    return render(request, "console/walkin_desa_options.html", {"villages": villages})


urlpatterns = [
    path("laporan-baru/", walkin, name="walkin"),
    path("laporan-baru/desa/", walkin_desa_options, name="walkin_desa"),
]
