"""Helpers shared by the case services: the timeline, row locking and after-commit hooks."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
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
    batch = _batch_open()
    if batch is not None:
        transaction.on_commit(lambda: batch.changes.append((case_id, change)))
        return
    transaction.on_commit(lambda: _hooks_run(case_id, change))


def _hooks_run(case_id: int, change: str) -> None:
    for hook in list(_case_hooks):
        try:
            hook(case_id, change)
        except Exception:  # one failing subscriber must not hide the change from others
            logger.exception("case hook %r failed for case %s", hook, case_id)


@dataclass
class _ChangeBatch:
    """Committed changes held back by ``case_changes_deferred``, and the derived state that a
    committed write already brought up to date (``case_state_settled``)."""

    changes: list[tuple[int, str]] = field(default_factory=list)
    # (case id, what) → how many changes had committed when that state was brought up to date
    settled: dict[tuple[int, str], int] = field(default_factory=dict)

    def settle(self, case_id: int, what: str) -> None:
        self.settled[(case_id, what)] = len(self.changes)

    def is_settled(self, case_id: int, what: str) -> bool:
        at = self.settled.get((case_id, what))
        if at is None:
            return False
        return all(changed != case_id for changed, _change in self.changes[at:])

    def announcements(self) -> list[tuple[int, str]]:
        """Each distinct change once, in order; a case created in the batch only as
        "created": its hooks read it as it ended up, routed, placed and prioritised."""
        created = {case_id for case_id, change in self.changes if change == "created"}
        return list(
            dict.fromkeys(
                (case_id, "created" if case_id in created else change)
                for case_id, change in self.changes
            )
        )

    def flush(self) -> None:
        _local.flushing = self
        try:
            for case_id, change in self.announcements():
                _hooks_run(case_id, change)
        finally:
            _local.flushing = None


_local = threading.local()


def _batch_open() -> _ChangeBatch | None:
    return getattr(_local, "batch", None)


@contextmanager
def case_changes_deferred() -> Iterator[None]:
    """Run the hooks of the changes committed inside once, after the last of them.

    The channel intake commits a new case and then its triage in two transactions: with the
    hooks held back, subscribers read the case once, finished, instead of once per change (the
    SLA deadlines, alerts, auto-assignment all derive from its state). A change announced
    twice runs its hooks once, and a case created inside is announced only as "created" (see
    ``_ChangeBatch.announcements``), which is exact while everything inside acts as the system:
    a person's routing decision, say, must still reach the learning loop as "routed".
    Rolled-back changes are never announced; changes committed before an error still are.
    """
    if _batch_open() is not None:  # nested: the outermost one runs the hooks
        yield
        return
    batch = _local.batch = _ChangeBatch()
    try:
        yield
    finally:
        _local.batch = None
        # At once in autocommit; inside an outer transaction, after its commit, behind the
        # changes it holds (on_commit callbacks run in order).
        transaction.on_commit(batch.flush)


def case_state_settled(case_id: int, what: str) -> None:
    """Say (once the transaction commits) that the state ``what`` derived from the case, such
    as its SLA deadlines, is up to date with every change so far. Within
    ``case_changes_deferred`` a hook may then skip recomputing it; elsewhere this does nothing."""
    batch = _batch_open() or getattr(_local, "flushing", None)
    if batch is not None:
        transaction.on_commit(lambda: batch.settle(case_id, what))


def case_state_is_settled(case_id: int, what: str) -> bool:
    """For a hook run by ``case_changes_deferred``: whether ``what`` is already up to date."""
    batch = getattr(_local, "flushing", None)
    return batch is not None and batch.is_settled(case_id, what)


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
    event = event_build(
        case=case, kind=kind, actor=actor, from_value=from_value, to_value=to_value, note=note,
        data=data,
    )  # fmt: skip
    event.save(force_insert=True)
    return event


def event_build(
    *,
    case: Case,
    kind: str,
    actor: User | None = None,
    from_value: object = "",
    to_value: object = "",
    note: str = "",
    data: dict[str, Any] | None = None,
) -> CaseEvent:
    """An unsaved timeline event, for ``events_record``."""
    return CaseEvent(
        case=case,
        actor=actor,
        kind=kind,
        from_value=str(from_value or "")[:200],
        to_value=str(to_value or "")[:200],
        note=note,
        data=data or {},
        created_at=timezone.now(),
    )


def events_record(events: list[CaseEvent]) -> list[CaseEvent]:
    """Several timeline events of one write in one INSERT, in the given order."""
    return CaseEvent.objects.bulk_create(events)


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
