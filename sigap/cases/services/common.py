"""Helpers shared by the case services: the timeline, row locking and after-commit hooks."""

from __future__ import annotations

import copy
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
    """Committed changes held back by ``case_changes_deferred``, the derived state that a
    committed write already brought up to date (``case_state_settled``) and the case rows a
    committed write left behind in full (``case_row_committed``)."""

    changes: list[tuple[int, str]] = field(default_factory=list)
    # (case id, what) → how many changes had committed when that state was brought up to date
    settled: dict[tuple[int, str], int] = field(default_factory=dict)
    # case id → (how many changes had committed then, the row as committed)
    rows: dict[int, tuple[int, Case]] = field(default_factory=dict)

    def settle(self, case_id: int, what: str) -> None:
        self.settled[(case_id, what)] = len(self.changes)

    def is_settled(self, case_id: int, what: str) -> bool:
        at = self.settled.get((case_id, what))
        return at is not None and self._unchanged_since(case_id, at)

    def row_keep(self, case: Case) -> None:
        self.rows[case.pk] = (len(self.changes), case)

    def row_current(self, case_id: int) -> Case | None:
        kept = self.rows.get(case_id)
        if kept is None or not self._unchanged_since(case_id, kept[0]):
            return None
        return kept[1]

    def _unchanged_since(self, case_id: int, at: int) -> bool:
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


def case_row_committed(case: Case) -> None:
    """Say (once the transaction commits) that ``case`` is the row as that transaction leaves
    it, every column and the loaded relations current. Within ``case_changes_deferred`` its
    hooks may then read it (``case_row_for_hooks``) instead of querying the case again, as
    long as no change of the case committed after it; elsewhere this does nothing.

    Only for a caller that holds the row lock until the commit and wrote the case through
    this very object (the channel intake after triage and the SLA clock).
    """
    batch = _batch_open() or getattr(_local, "flushing", None)
    if batch is not None:
        kept = copy.copy(case)  # what the caller does with its object later is not committed
        transaction.on_commit(lambda: batch.row_keep(kept))


def case_row_for_hooks(case_id: int) -> Case | None:
    """For a hook run by ``case_changes_deferred``: the case as committed, if a write said so
    (``case_row_committed``) and nothing changed it since; None means: query it."""
    batch = getattr(_local, "flushing", None)
    return batch.row_current(case_id) if batch is not None else None


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


class CaseWrites:
    """The writes of several changes to one case row that the caller holds locked, sent
    together at ``flush``: one UPDATE of the changed columns and one INSERT of the timeline
    events, in the order the changes made them. The row ends up as the changes written one by
    one would leave it (the version is bumped once per change). Triage gathers its changes
    (place, priority, routing, notes) in one of these.

    Nothing in between may read the pending columns or events back from the database.
    """

    def __init__(self, case: Case) -> None:
        self.case = case
        self._fields: dict[str, None] = {}
        self._touched = False
        self._events: list[CaseEvent] = []

    def touch(self, fields: list[str]) -> None:
        """``case_touch``, held back: the object's values of ``fields`` are written."""
        self.case.version += 1
        self._touched = True
        self._fields.update(dict.fromkeys(fields))

    def columns(self, **values: Any) -> None:
        """Set columns that change no version (derived state such as the held flag), as the
        bare UPDATE their writers send on their own."""
        for name, value in values.items():
            setattr(self.case, name, value)
        self._fields.update(dict.fromkeys(values))

    def event(self, **fields: Any) -> CaseEvent:
        """``event_record``, held back."""
        event = event_build(case=self.case, **fields)
        self._events.append(event)
        return event

    def flush(self) -> None:
        fields = [*self._fields, *(("version", "updated_at") if self._touched else ())]
        if fields:
            self.case.save(update_fields=fields)
        if self._events:
            events_record(self._events)
        self._fields, self._touched, self._events = {}, False, []


@contextmanager
def case_writes(case: Case, writes: CaseWrites | None) -> Iterator[CaseWrites]:
    """The caller's pending writes of ``case``, or writes of its own sent when the block
    ends (a service called on its own)."""
    if writes is not None:
        if writes.case is not case:
            raise ValueError("pending writes of another object of the case")
        yield writes
        return
    own = CaseWrites(case)
    yield own
    own.flush()


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
