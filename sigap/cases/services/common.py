"""Helpers shared by the case services: the timeline, row locking and after-commit hooks."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sigap.agencies.models import User
from sigap.agencies.selectors import staff_scope
from sigap.cases import permissions
from sigap.cases.models import Case, CaseEvent
from sigap.core.errors import Conflict, NotFound, PermissionDenied

logger = logging.getLogger(__name__)

# Other apps (channels, routing, sla) subscribe here in their AppConfig.ready(); each callback
# receives the case id after the transaction commits and must only enqueue tasks.
CaseHook = Callable[[int, str], None]
_case_hooks: list[CaseHook] = []


def case_hook_register(hook: CaseHook) -> None:
    if hook not in _case_hooks:
        _case_hooks.append(hook)


def case_changed(case: Case, change: str) -> None:
    """Announce ``change`` (created, status, disposed, ...) once the transaction commits."""
    case_id = case.pk

    def run() -> None:
        for hook in list(_case_hooks):
            try:
                hook(case_id, change)
            except Exception:  # one failing subscriber must not hide the change from others
                logger.exception("case hook %r failed for case %s", hook, case_id)

    transaction.on_commit(run)


def event_record(
    *,
    case: Case,
    kind: str,
    actor: User | None = None,
    from_value: object = "",
    to_value: object = "",
    note: str = "",
    data: dict[str, Any] | None = None,
) -> CaseEvent:
    return CaseEvent.objects.create(
        case=case,
        actor=actor,
        kind=kind,
        from_value=str(from_value or "")[:200],
        to_value=str(to_value or "")[:200],
        note=note,
        data=data or {},
        created_at=timezone.now(),
    )


def case_lock(case: Case, *, expected_version: int | None = None) -> Case:
    """Reload the case with a row lock; refuse if someone else changed it since it was read."""
    # Lock only the case row ("of self"): PostgreSQL refuses FOR UPDATE on the nullable side
    # of the outer joins that select_related makes for agency and category.
    locked = (
        Case.objects.select_for_update(of=("self",))
        .select_related("agency", "pemda", "category")
        .filter(pk=case.pk)
        .first()
    )
    if locked is None:
        raise NotFound(_("Laporan tidak ditemukan."))
    if expected_version is not None and locked.version != expected_version:
        raise Conflict(
            _("Laporan %(number)s sudah diubah oleh petugas lain. Muat ulang lalu coba lagi.")
            % {"number": locked.tracking_number}
        )
    return locked


def case_touch(case: Case, fields: list[str]) -> None:
    """Save the listed fields and bump the optimistic-locking version."""
    case.version += 1
    case.save(update_fields=[*fields, "version", "updated_at"])


def ensure_can_act(actor: User | None, case: Case) -> None:
    """System actions (actor None) may act; staff only on cases their roles cover."""
    if actor is None:
        return
    scope = staff_scope(actor)
    if permissions.can_act(scope, case):
        return
    if permissions.can_view(scope, case):
        raise PermissionDenied(_("Peran Anda hanya dapat membaca laporan ini."))
    # 404, not 403: staff of another agency must not learn the case exists.
    raise NotFound(_("Laporan tidak ditemukan."))
