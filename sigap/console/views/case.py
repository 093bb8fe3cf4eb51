"""The case page and every action on one case (claim, reply, note, dispose, resolve, ...).

Each action: a form validated with Indonesian messages, one service call, then the case body
partial for HTMX requests or a redirect otherwise. Cases of other agencies are 404 (the
selector), read-only roles get 403 with the reason. Bulk actions from the inbox: `bulk.py`.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, cast

from django import forms
from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from sigap.agencies.models import User
from sigap.agencies.selectors import StaffScope, staff_list_for_agency, staff_scope_for_request
from sigap.cases import permissions
from sigap.cases import services as case_services
from sigap.cases.models import Attachment, Case
from sigap.cases.selectors import (
    case_attachment_names,
    case_get_for_user,
    case_messages,
    case_reporter_for,
    case_timeline,
)
from sigap.catalog.selectors import category_list_active
from sigap.channels.services.staff_replies import reply_channel_for
from sigap.console.canned import canned_choices_for_case
from sigap.console.forms import case as case_forms
from sigap.console.templatetags.case_page import sla_clocks, triage_context
from sigap.core.errors import Conflict, DomainError
from sigap.core.images import ImageStructureError, can_strip, strip_image_metadata
from sigap.routing.incidents import (
    case_incident_size,
    case_related,
    incident_link_confirm,
    incident_link_reject,
    incidents_lock,
)

# Map tiles come from a configurable server (none reachable offline: the pin still shows).
DEFAULT_TILE_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"


def _actor(request: HttpRequest) -> User:
    """The signed-in staff member (the login middleware lets no anonymous request through)."""
    return cast(User, request.user)


def _is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


@require_safe
def case_detail(request: HttpRequest, tracking_number: str) -> HttpResponse:
    scope = staff_scope_for_request(request)
    case = case_get_for_user(scope, tracking_number=tracking_number)
    return render(request, "console/case_detail.html", _context(request, scope, case))


# -- page context ----------------------------------------------------------------------------


def _context(
    request: HttpRequest, scope: StaffScope, case: Case, bound: dict[str, forms.Form] | None = None
) -> dict[str, Any]:
    timeline = list(case_timeline(case))
    can_act = permissions.can_act(scope, case)
    reporter_visible = permissions.can_see_reporter(scope, case)
    context: dict[str, Any] = {
        "case": case,
        "reporter": case_reporter_for(scope, case),
        "reporter_hidden": case.is_anonymous and not reporter_visible,
        "mask_pii": permissions.must_mask_personal_data(scope, case),
        "timeline": timeline,
        "messages_list": list(case_messages(case).select_related("outbound")),
        "dispositions": case.dispositions.select_related("from_agency", "to_agency", "actor"),
        "attachments": list(case.attachments.all()),
        # File names as this viewer may read them (``attachment_name``, ``timeline_value``).
        "attachment_names": case_attachment_names(scope, case),
        "clocks": sla_clocks(case, timezone.now()),
        "can_act": can_act,
        "map_tiles": getattr(settings, "SIGAP_MAP_TILE_URL", DEFAULT_TILE_URL),
        "active_form": next(iter(bound or {}), ""),
    }
    context.update(triage_context(scope, case, timeline))
    context["related"] = case_related(scope, case)
    context["incident_size"] = case_incident_size(case)
    if can_act:
        channel = reply_channel_for(case)
        context["reply_channel"] = channel
        context["canned"] = canned_choices_for_case(case, reveal_name=reporter_visible)
        context["forms"] = {**case_forms.action_forms(case, channel), **(bound or {})}
        # Only someone who may hold the case gets the claim button (not the coordinator).
        context["can_claim"] = (
            case.is_open
            and case.assignee_id is None
            and case.agency is not None
            and staff_list_for_agency(case.agency).filter(pk=_actor(request).pk).exists()
        )
    return context


# -- actions ---------------------------------------------------------------------------------


@dataclass
class Step:
    """One action: its bound form and what to do with the cleaned data (a success message)."""

    form: forms.Form
    run: Callable[[dict[str, Any]], str]


def _claim(request: HttpRequest, case: Case) -> Step:
    def run(data: dict[str, Any]) -> str:
        case_services.case_claim(case=case, actor=_actor(request), expected_version=data["version"])
        return _("Laporan %(n)s sekarang Anda tangani.") % {"n": case.tracking_number}

    return Step(case_forms.ClaimForm(request.POST), run)


def _assign(request: HttpRequest, case: Case) -> Step:
    def run(data: dict[str, Any]) -> str:
        case_services.case_assign(
            case=case,
            assignee=data["assignee"],
            actor=_actor(request),
            expected_version=data["version"],
        )
        return _("Laporan ditugaskan ke %(name)s.") % {"name": data["assignee"]}

    return Step(case_forms.assign_form(case, request.POST), run)


def _reply(request: HttpRequest, case: Case) -> Step:
    def run(data: dict[str, Any]) -> str:
        case_services.case_reply(
            case=case,
            actor=_actor(request),
            text=data["text"],
            key=data["key"],
            template=data.get("template") or "",
        )
        return _("Balasan masuk antrean kirim.")

    return Step(case_forms.ReplyForm(request.POST, channel=reply_channel_for(case)), run)


def _note(request: HttpRequest, case: Case) -> Step:
    def run(data: dict[str, Any]) -> str:
        result = case_services.case_note_add(case=case, actor=_actor(request), text=data["text"])
        message = _("Catatan disimpan.")
        if result.notified:
            names = ", ".join(str(user) for user in result.notified)
            message += " " + _("Diberi tahu: %(names)s.") % {"names": names}
        if result.unknown:
            unknown = ", ".join("@" + name for name in result.unknown)
            message += " " + _("%(names)s tidak dikenal atau tidak dapat melihat laporan ini.") % {
                "names": unknown
            }
        return message

    return Step(case_forms.NoteForm(request.POST), run)


def _info(request: HttpRequest, case: Case) -> Step:
    def run(data: dict[str, Any]) -> str:
        case_services.case_request_info(
            case=case,
            actor=_actor(request),
            question=data["text"],
            key=data["key"],
            template=data.get("template") or "",
            expected_version=data["version"],
        )
        return _("Pertanyaan dikirim; laporan menunggu jawaban warga dan SLA dijeda.")

    form = case_forms.RequestInfoForm(request.POST, channel=reply_channel_for(case))
    return Step(form, run)


def _dispose(request: HttpRequest, case: Case) -> Step:
    def run(data: dict[str, Any]) -> str:
        case_services.case_dispose(
            case=case,
            to_agency=data["to_agency"],
            reason=data["reason"],
            actor=_actor(request),
            note=data["note"],
            expected_version=data["version"],
        )
        return _("Laporan didisposisikan ke %(agency)s.") % {"agency": data["to_agency"]}

    return Step(
        case_forms.DisposeForm(request.POST, agencies=case_forms.disposal_targets(case)), run
    )


def _forward(request: HttpRequest, case: Case) -> Step:
    def run(data: dict[str, Any]) -> str:
        case_services.case_forward_external(
            case=case,
            to_agency=data["to_agency"],
            actor=_actor(request),
            note=data["note"],
            expected_version=data["version"],
        )
        return _("Laporan diteruskan ke %(agency)s.") % {"agency": data["to_agency"]}

    return Step(
        case_forms.ForwardForm(request.POST, agencies=case_forms.disposal_targets(case)), run
    )


def _merge(request: HttpRequest, case: Case) -> Step:
    def run(data: dict[str, Any]) -> str:
        try:
            into = case_get_for_user(staff_scope_for_request(request), tracking_number=data["into"])
        except Http404:
            raise DomainError(_("Laporan tujuan tidak ditemukan.")) from None
        with transaction.atomic():
            # Merging moves incident membership: the incident changes of the Pemda take
            # turns (see incidents_lock), or a merge and an incident task could deadlock.
            incidents_lock(case.pemda_id)
            case_services.case_merge(
                case=case,
                into=into,
                actor=_actor(request),
                note=data.get("note") or "",
                expected_version=data["version"],
            )
        return _("Laporan digabung ke %(n)s.") % {"n": into.tracking_number}

    return Step(case_forms.MergeForm(request.POST), run)


def _link_step(request: HttpRequest, case: Case, *, confirm: bool) -> Step:
    def run(data: dict[str, Any]) -> str:
        try:
            scope = staff_scope_for_request(request)
            other = case_get_for_user(scope, tracking_number=data["other"])
        except Http404:
            raise DomainError(_("Laporan terkait tidak ditemukan.")) from None
        if confirm:
            incident_link_confirm(case=case, other=other, actor=_actor(request))
            return _("Dikonfirmasi: %(n)s melaporkan kejadian yang sama.") % {
                "n": other.tracking_number
            }
        incident_link_reject(case=case, other=other, actor=_actor(request))
        return _("Saran keterkaitan dengan %(n)s ditolak.") % {"n": other.tracking_number}

    return Step(case_forms.LinkForm(request.POST), run)


def _link_confirm(request: HttpRequest, case: Case) -> Step:
    return _link_step(request, case, confirm=True)


def _link_reject(request: HttpRequest, case: Case) -> Step:
    return _link_step(request, case, confirm=False)


def _category(request: HttpRequest, case: Case) -> Step:
    def run(data: dict[str, Any]) -> str:
        case_services.case_set_category(
            case=case,
            category=data["category"],
            actor=_actor(request),
            expected_version=data["version"],
        )
        return _("Kategori diubah menjadi %(name)s.") % {"name": data["category"].name}

    categories = category_list_active(pemda=case.pemda)
    return Step(case_forms.CategoryForm(request.POST, categories=categories), run)


def _priority(request: HttpRequest, case: Case) -> Step:
    def run(data: dict[str, Any]) -> str:
        case_services.case_set_priority(
            case=case,
            priority=data["priority"],
            actor=_actor(request),
            note=data.get("note") or "",
            expected_version=data["version"],
        )
        return _("Prioritas diubah.")

    return Step(case_forms.PriorityForm(request.POST), run)


def _resolve(request: HttpRequest, case: Case) -> Step:
    def run(data: dict[str, Any]) -> str:
        upload = data.get("photo")
        proof = None
        if upload is not None:
            if upload.size > settings.SIGAP_MAX_ATTACHMENT_BYTES:  # before reading it all
                raise DomainError(
                    _("Foto terlalu besar; batasnya %(limit)d MB.")
                    % {"limit": settings.SIGAP_MAX_ATTACHMENT_BYTES // (1024 * 1024)}
                )
            proof = case_services.IncomingAttachment(
                content=upload.read(), name=upload.name or "", declared_type=upload.content_type
            )
        case_services.case_resolve(
            case=case,
            actor=_actor(request),
            resolution=data["resolution"],
            proof=proof,
            expected_version=data["version"],
        )
        return _("Laporan ditandai selesai.")

    return Step(case_forms.ResolveForm(request.POST, request.FILES), run)


def _reopen(request: HttpRequest, case: Case) -> Step:
    def run(data: dict[str, Any]) -> str:
        case_services.case_reopen(
            case=case,
            actor=_actor(request),
            reason=data["reason"],
            expected_version=data["version"],
        )
        return _("Laporan dibuka kembali.")

    return Step(case_forms.ReopenForm(request.POST), run)


ACTIONS: dict[str, Callable[[HttpRequest, Case], Step]] = {
    "claim": _claim,
    "assign": _assign,
    "reply": _reply,
    "note": _note,
    "info": _info,
    "dispose": _dispose,
    "forward": _forward,
    "merge": _merge,
    "link_confirm": _link_confirm,
    "link_reject": _link_reject,
    "category": _category,
    "priority": _priority,
    "resolve": _resolve,
    "reopen": _reopen,
}


@require_POST
def case_action(request: HttpRequest, tracking_number: str, action: str) -> HttpResponse:
    handler = ACTIONS.get(action)
    if handler is None:
        raise Http404(_("Tindakan tidak dikenal."))
    scope = staff_scope_for_request(request)
    case = case_get_for_user(scope, tracking_number=tracking_number)
    if not permissions.can_act(scope, case):
        return _refused(request, scope, case, _("Peran Anda hanya dapat membaca laporan ini."))
    step = handler(request, case)
    status, error = 400, ""
    if step.form.is_valid():
        try:
            message = step.run(step.form.cleaned_data)
        except DomainError as exc:
            # Shown at the top of the case body: the form may be folded away or, after a
            # colleague's change, no longer offered at all.
            error = exc.message
            status = exc.http_status if exc.http_status != 404 else 400
            if isinstance(exc, Conflict):
                error += " " + _(
                    "Halaman ini sudah menampilkan perubahan terbaru; periksa lalu kirim lagi "
                    "bila masih perlu."
                )
        else:
            return _done(request, case, message)
    fresh = case_get_for_user(scope, tracking_number=case.tracking_number)
    if status == Conflict.http_status and "version" in step.form.fields:
        # The officer now sees the colleague's change; what they typed stays, on the new version.
        data = cast(QueryDict, step.form.data).copy()
        data[step.form.add_prefix("version")] = str(fresh.version)
        step.form.data = data
    return _render_case(request, scope, fresh, {action: step.form}, status, error=error)


def _refused(request: HttpRequest, scope: StaffScope, case: Case, message: str) -> HttpResponse:
    if _is_htmx(request):
        return _render_case(request, scope, case, None, 403, error=message)
    context = {"case": case, "message": message}
    response = render(request, "console/partials/case_forbidden.html", context)
    response.status_code = 403
    return response


def _done(request: HttpRequest, case: Case, message: str) -> HttpResponse:
    messages.success(request, message)
    scope = staff_scope_for_request(request)
    visible = _visible_case(scope, case.tracking_number)
    if visible is None:  # disposed away from the viewer's agencies: back to the inbox
        target = reverse("console:home")
        if _is_htmx(request):
            return HttpResponse(status=204, headers={"HX-Redirect": target})
        return redirect(target)
    if _is_htmx(request):
        return _render_case(request, scope, visible, None, 200)
    return redirect("console:case_detail", tracking_number=case.tracking_number)


def _visible_case(scope: StaffScope, tracking_number: str) -> Case | None:
    try:
        return case_get_for_user(scope, tracking_number=tracking_number)
    except Http404:
        return None


def _render_case(
    request: HttpRequest,
    scope: StaffScope,
    case: Case,
    bound: dict[str, forms.Form] | None,
    status: int,
    error: str = "",
) -> HttpResponse:
    context = _context(request, scope, case, bound)
    context["error"] = error
    context["partial"] = _is_htmx(request)
    name = "console/partials/case_body.html" if _is_htmx(request) else "console/case_detail.html"
    response = render(request, name, context)
    response.status_code = status
    return response


# -- attachments -----------------------------------------------------------------------------


@require_safe
def case_attachment(request: HttpRequest, tracking_number: str, digest: str) -> FileResponse:
    """An attachment's bytes, only to staff who may see the case (media is never public).
    Named as the viewer may read it (``case_attachment_names``)."""
    scope = staff_scope_for_request(request)
    case = case_get_for_user(scope, tracking_number=tracking_number)
    attachment = case.attachments.filter(sha256=digest.lower()).order_by("id").first()
    if attachment is None or not attachment.file:
        raise Http404(_("Lampiran tidak ditemukan."))
    inline = attachment.is_image or attachment.content_type == "application/pdf"
    body: Any = attachment.file.open("rb")
    if attachment.is_image and permissions.must_mask_personal_data(scope, case):
        body = io.BytesIO(_image_for_masked_viewer(attachment))
    response = FileResponse(
        body,
        content_type=attachment.content_type,
        as_attachment=not inline,
        filename=case_attachment_names(scope, case).get(attachment.pk, ""),
    )
    # The bytes are the citizen's: never cached by shared proxies, never run as a page.
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "default-src 'none'; img-src 'self'; sandbox"
    return response


def _image_for_masked_viewer(attachment: Attachment) -> bytes:
    """Intake stores images without metadata; one stored before that (or whose structure
    intake could not read) is stripped here, or refused when it cannot be."""
    if not can_strip(attachment.content_type):
        # HEIC keeps GPS and the camera owner's name in boxes no stripper here reads: a
        # masked viewer gets none of it rather than all of it.
        raise Http404(
            _("Foto berformat ini tidak dapat ditampilkan tanpa data lokasinya; minta koordinator.")
        )
    with attachment.file.open("rb") as stored:
        content = stored.read()
    try:
        return strip_image_metadata(content, attachment.content_type)
    except ImageStructureError:
        raise Http404(_("Lampiran ini rusak dan tidak dapat ditampilkan.")) from None


urlpatterns = [
    path("laporan/<str:tracking_number>/", case_detail, name="case_detail"),
    path("laporan/<str:tracking_number>/aksi/<slug:action>/", case_action, name="case_action"),
    path(
        "laporan/<str:tracking_number>/lampiran/<str:digest>/",
        case_attachment,
        name="case_attachment",
    ),
]
