"""A lean WSGI door for provider webhooks, in front of Django's full request handling.

A signed webhook needs none of what Django's middleware stack does for a browser (sessions,
authentication, CSRF, locale, messages, WhiteNoise) nor URL resolving through every app: at a
thousand deliveries a second that machinery cost about as much CPU as the webhook itself
(docs/bench-ingest.md). So a POST to one of the webhook URLs below goes straight to its view
function, the same one Django would call, with the rest of the contract kept:

* the request is a real ``WSGIRequest`` built from the same environ, its host checked against
  ``ALLOWED_HOSTS`` (400 otherwise, as Django answers), under the same script prefix;
* ``request_started`` / ``request_finished`` are sent as by Django's handler, so database
  connections are reset, health-checked and closed by ``CONN_MAX_AGE`` exactly as before;
* exceptions become the response Django would give (``response_for_exception``), 4xx and 5xx
  answers are logged by ``django.request`` as Django logs them, and SecurityMiddleware and
  XFrameOptionsMiddleware still run (HTTPS redirect, nosniff, HSTS, referrer and frame policy).

Everything else (the GET verification handshake, other methods, every other path) reaches
Django untouched.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from django.conf import settings
from django.core import signals
from django.core.handlers.exception import response_for_exception
from django.core.handlers.wsgi import WSGIRequest, get_path_info, get_script_name
from django.http import HttpRequest, HttpResponse
from django.middleware.clickjacking import XFrameOptionsMiddleware
from django.middleware.security import SecurityMiddleware
from django.urls import set_script_prefix, set_urlconf
from django.utils.log import log_response

StartResponse = Callable[..., Any]
WSGIApp = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]
View = Callable[..., HttpResponse]


def _routes() -> list[tuple[re.Pattern[str], View]]:
    """The POST webhooks, matched as sigap/channels/urls.py matches them (``slug`` codes)."""
    from sigap.channels.instagram import views as instagram
    from sigap.channels.sms import views as sms
    from sigap.channels.telegram import views as telegram
    from sigap.channels.whatsapp import views as whatsapp

    slug = r"(?P<code>[-a-zA-Z0-9_]+)"
    return [
        (re.compile(r"/webhooks/whatsapp"), whatsapp.webhook),
        (re.compile(r"/webhooks/instagram"), instagram.webhook),
        (re.compile(rf"/webhooks/telegram/{slug}"), telegram.webhook),
        (re.compile(rf"/webhooks/sms/{slug}"), sms.webhook),
        (re.compile(rf"/webhooks/sms/{slug}/status"), sms.status_webhook),
    ]


def _passthrough(request: HttpRequest) -> HttpResponse:
    raise AssertionError("the middleware's own hooks are called, never get_response")


class WebhookIngress:
    """WSGI application: provider webhook POSTs here, everything else to ``django_app``."""

    def __init__(self, django_app: WSGIApp) -> None:
        self.django_app = django_app
        self.routes = _routes()
        # The security headers (and the HTTPS redirect) of Django's answers, from the same code.
        self.security = SecurityMiddleware(_passthrough)
        self.x_frame_options = XFrameOptionsMiddleware(_passthrough)

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        found = self.match(environ)
        if found is None:
            return self.django_app(environ, start_response)
        view, kwargs = found
        set_script_prefix(get_script_name(environ))
        signals.request_started.send(sender=self.__class__, environ=environ)
        request = WSGIRequest(environ)
        response = self.respond(request, view, kwargs)
        response._handler_class = self.__class__  # type: ignore[attr-defined]
        response._resource_closers.append(request.close)  # type: ignore[attr-defined]
        cookies = [("Set-Cookie", c.output(header="")) for c in response.cookies.values()]
        start_response(
            f"{response.status_code} {response.reason_phrase}", [*response.items(), *cookies]
        )
        # The server calls response.close(), which sends request_finished.
        return response

    def match(self, environ: dict[str, Any]) -> tuple[View, dict[str, str]] | None:
        if environ.get("REQUEST_METHOD") != "POST":
            return None
        path = get_path_info(environ)
        if not path.startswith("/webhooks/"):
            return None
        for pattern, view in self.routes:
            matched = pattern.fullmatch(path)
            if matched is not None:
                return view, matched.groupdict()
        return None

    def respond(self, request: HttpRequest, view: View, kwargs: dict[str, str]) -> HttpResponse:
        set_urlconf(settings.ROOT_URLCONF)
        try:
            request.get_host()  # ALLOWED_HOSTS, as CommonMiddleware checks it
            # SECURE_SSL_REDIRECT, when configured, redirects plain HTTP here as it does there.
            response = self.security.process_request(request) or view(request, **kwargs)
        except Exception as exc:
            response = response_for_exception(request, exc)
        self.security.process_response(request, response)
        self.x_frame_options.process_response(request, response)
        if not response.has_header("Content-Length"):
            response.headers["Content-Length"] = str(len(response.content))
        if response.status_code >= 400:
            log_response(
                "%s: %s", response.reason_phrase, request.path, response=response, request=request
            )
        return response
