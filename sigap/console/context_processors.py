"""What every staff page's navigation bar needs to know about the signed-in user."""

from __future__ import annotations

from functools import cached_property

from django.http import HttpRequest

from sigap.agencies.selectors import staff_scope_for_request
from sigap.cases import permissions


class ConsoleNavigation:
    """Read lazily: public pages never touch it, staff pages share the view's scope."""

    def __init__(self, request: HttpRequest) -> None:
        self._request = request

    @cached_property
    def triage(self) -> bool:
        return staff_scope_for_request(self._request).can_triage

    @cached_property
    def walkin(self) -> bool:
        """Leaders and system admins record nothing: no link to a page that refuses them."""
        return permissions.can_record_cases(staff_scope_for_request(self._request))


def navigation(request: HttpRequest) -> dict[str, ConsoleNavigation]:
    return {"console_nav": ConsoleNavigation(request)}
