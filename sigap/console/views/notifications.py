"""Staff notifications in the console: my list, mark read, delivery preferences, unread badge."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from sigap.agencies.models import User
from sigap.console.forms.notifications import NotificationPreferenceForm
from sigap.core.errors import DomainError
from sigap.sla.selectors import sla_notification_unread_count
from sigap.sla.services import sla_notification_mark_read
from sigap.sla.services.delivery import notification_preference_get
from sigap.sla.services.notifications import (
    notification_list_for_user,
    notification_preference_set,
)

PAGE_SIZE = 30


def _is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)  # the login middleware lets no anonymous user in
    return request.user


@require_GET
def notifications(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    page = Paginator(notification_list_for_user(user), PAGE_SIZE).get_page(request.GET.get("page"))
    form = NotificationPreferenceForm.for_preference(notification_preference_get(user))
    return render(
        request,
        "console/notifications.html",
        {"page": page, "form": form, "unread": sla_notification_unread_count(user)},
    )


@require_POST
def notifications_mark_read(request: HttpRequest) -> HttpResponse:
    """One notification (``id``) or, without it, all of mine."""
    user = _user(request)
    raw = request.POST.get("id", "")
    # ASCII digits of a key's size: `str.isdigit` also takes "²", and 20 digits overflow.
    if raw and not (raw.isascii() and raw.isdigit() and len(raw) <= 10):
        messages.error(request, _("Notifikasi tidak dikenal."))
        return redirect("console:notifications")
    marked = sla_notification_mark_read(user=user, ids=[int(raw)] if raw else None)
    if _is_htmx(request) and raw:
        found = notification_list_for_user(user).filter(pk=int(raw)).first()
        return render(
            request,
            "console/partials/notifications_item.html",
            {"n": found, "unread": sla_notification_unread_count(user), "oob_badge": True},
        )
    if not raw:
        messages.success(request, _("%(n)d notifikasi ditandai sudah dibaca.") % {"n": marked})
    return redirect("console:notifications")


@require_POST
def notifications_preferences(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    form = NotificationPreferenceForm(request.POST)
    if form.is_valid():
        try:
            notification_preference_set(
                user=user,
                email_kinds=form.cleaned_data["email_kinds"],
                whatsapp_kinds=form.cleaned_data["whatsapp_kinds"],
            )
        except DomainError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("Preferensi notifikasi disimpan."))
            return redirect("console:notifications")
    else:
        messages.error(request, _("Pilihan tidak valid; preferensi tidak diubah."))
    return redirect("console:notifications")


@require_GET
def notifications_badge(request: HttpRequest) -> HttpResponse:
    """A small fragment polled by HTMX from the top bar."""
    count = sla_notification_unread_count(_user(request))
    return render(request, "console/partials/notifications_badge.html", {"unread": count})


urlpatterns = [
    path("notifikasi/", notifications, name="notifications"),
    path("notifikasi/baca/", notifications_mark_read, name="notifications_mark_read"),
    path("notifikasi/preferensi/", notifications_preferences, name="notifications_preferences"),
    path("notifikasi/lencana/", notifications_badge, name="notifications_badge"),
]
