from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from sigap.core.selectors import health_report


@login_not_required
@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """200 while the database answers (the load balancer's question); details in the body."""
    report = health_report()
    status = 200 if report["database"]["status"] == "ok" else 503
    return JsonResponse(report, status=status)
