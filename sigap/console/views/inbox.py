"""The inbox: scoped case lists, views, filters and search."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path

from sigap.agencies.selectors import staff_scope
from sigap.cases.models import CaseStatus
from sigap.cases.selectors import (
    CaseFilters,
    case_list_for_user,
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


urlpatterns = [
    path("", home, name="home"),
]
