"""The JSON API root: routers per app, errors as JSON with an Indonesian message."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.security import HttpBearer, SessionAuth

from sigap.agencies.services import api_token_authenticate
from sigap.core.errors import DomainError


class TokenAuth(HttpBearer):
    """Personal API token: ``Authorization: Bearer sgp_…``."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = api_token_authenticate(token)
        if user is not None:
            request.user = user
        return user


api = NinjaAPI(
    title="Sigap API",
    version="1",
    description="API laporan Sigap untuk petugas (sesi atau token pribadi).",
    auth=[TokenAuth(), SessionAuth()],
    urls_namespace="api",
)


def _error(request: HttpRequest, status: int, code: str, message: str) -> HttpResponse:
    return api.create_response(request, {"code": code, "detail": message}, status=status)


@api.exception_handler(DomainError)
def domain_error(request: HttpRequest, exc: DomainError) -> HttpResponse:
    return _error(request, exc.http_status, exc.code, exc.message)


@api.exception_handler(Http404)
def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return _error(request, 404, "not_found", str(exc) or "Tidak ditemukan.")


@api.exception_handler(AuthenticationError)
def unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return _error(request, 401, "unauthenticated", "Masuk atau sertakan token API yang sah.")


@api.exception_handler(ValidationError)
def invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    fields = [".".join(str(p) for p in e.get("loc", ())[1:]) for e in exc.errors]
    message = (
        "Data tidak sah: " + ", ".join(f for f in fields if f) if fields else "Data tidak sah."
    )
    return api.create_response(
        request, {"code": "invalid", "detail": message, "errors": exc.errors}, status=422
    )


@api.exception_handler(HttpError)
def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    if exc.status_code == 400 and str(exc).startswith("Cannot parse request body"):
        # django-ninja's own words (with the parser's message in DEBUG): ours are Indonesian.
        return _error(request, 400, "invalid_json", "Isi permintaan bukan JSON yang sah.")
    return _error(request, exc.status_code, "error", str(exc))


api.add_router("/cases", "sigap.cases.api.router")
