from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from sigap.agencies.selectors import staff_scope
from sigap.cases import permissions
from sigap.cases.models import CaseStatus
from sigap.cases.selectors import (
    CaseFilters,
    case_get_for_user,
    case_list_for_user,
    case_messages,
    case_reporter_for,
    case_timeline,
)
from sigap.catalog.models import Priority

PAGE_SIZE = 50


def home(request: HttpRequest) -> HttpResponse:
    scope = staff_scope(request.user)
    filters = CaseFilters(
        status=request.GET.get("status", ""),
        priority=request.GET.get("priority", ""),
        query=request.GET.get("q", "")[:100],
    )
    cases = case_list_for_user(scope, filters).order_by("-created_at")
    page = Paginator(cases, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "console/home.html",
        {
            "page": page,
            "filters": filters,
            "statuses": CaseStatus.choices,
            "priorities": Priority.choices,
            "sees_nothing": scope.sees_nothing,
        },
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
