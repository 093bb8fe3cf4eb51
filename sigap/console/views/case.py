"""The case page and every action on one case (claim, reply, note, dispose, resolve, ...)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path

from sigap.agencies.selectors import staff_scope
from sigap.cases import permissions
from sigap.cases.selectors import (
    case_get_for_user,
    case_messages,
    case_reporter_for,
    case_timeline,
)


def case_detail(request: HttpRequest, tracking_number: str) -> HttpResponse:
    scope = staff_scope(request.user)
    case = case_get_for_user(scope, tracking_number=tracking_number)
    return render(
        request,
        "console/case_detail.html",
        {
            "case": case,
            "reporter": case_reporter_for(scope, case),
            "reporter_hidden": case.is_anonymous and not permissions.can_see_reporter(scope, case),
            "timeline": case_timeline(case),
            "messages_list": case_messages(case),
            "dispositions": case.dispositions.select_related("from_agency", "to_agency", "actor"),
            "attachments": case.attachments.all(),
            "can_act": permissions.can_act(scope, case),
        },
    )


urlpatterns = [
    path("laporan/<str:tracking_number>/", case_detail, name="case_detail"),
]
