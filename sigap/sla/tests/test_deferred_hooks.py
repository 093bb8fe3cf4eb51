"""Case hooks held back over several transactions (``case_changes_deferred``, the channel
intake): the SLA clock is computed once when nothing changed after it, again when something did,
and only committed changes are announced. Real commits (``transactional_db``)."""

from __future__ import annotations

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django_tasks_db.models import DBTaskResult

from sigap.cases.models import Case
from sigap.cases.services import case_changes_deferred, case_route, case_set_priority
from sigap.catalog.models import Priority
from sigap.sla.services import case_deadlines_recompute
from sigap.sla.tests.conftest import wib


def _clock_computations(captured: CaptureQueriesContext) -> int:
    """Each computation of the clock reads the case's timeline facts once, in the one
    statement that asks for its pauses (the Pemda's rules are cached per process)."""
    return sum("sla_slapause" in query["sql"] for query in captured.captured_queries)


def test_a_clock_computed_after_the_last_change_is_not_computed_again(
    transactional_db, make_case, clock
):
    clock.set(wib(2025, 11, 22, 22, 0))  # Saturday night: the office opens on Monday
    with CaptureQueriesContext(connection) as captured, case_changes_deferred():
        case = make_case("Jalan berlubang di depan pasar Banjaran")
        case_deadlines_recompute(case=case.pk)
    assert _clock_computations(captured) == 1
    case.refresh_from_db()
    assert case.first_response_due_at == wib(2025, 11, 24, 7, 45)  # opens 07.30, + 15 min


def test_a_change_after_the_clock_was_computed_has_it_computed_again(
    transactional_db, make_case, clock
):
    clock.set(wib(2025, 11, 22, 22, 0))
    with CaptureQueriesContext(connection) as captured, case_changes_deferred():
        case = make_case("Kebakaran gudang di Banjaran")
        case_deadlines_recompute(case=case.pk)
        case_set_priority(case=case, priority=Priority.EMERGENCY, actor=None)
    assert _clock_computations(captured) == 2
    case.refresh_from_db()
    # An emergency runs on the 24-hour clock: due in 15 minutes, not on Monday morning.
    assert case.first_response_due_at == wib(2025, 11, 22, 22, 15)


def test_only_changes_that_committed_are_announced(transactional_db, make_case, agency_a):
    earlier = make_case("Lampu jalan mati di Soreang")  # before: its hooks ran at its commit
    with pytest.raises(RuntimeError), case_changes_deferred():
        case = make_case("Jalan berlubang di Banjaran")  # committed: announced as created
        with transaction.atomic():
            case_route(case=earlier, agency=agency_a, actor=None)
            raise RuntimeError("the second transaction fails")
    case.refresh_from_db()
    assert case.first_response_due_at is not None  # the SLA hook ran for "created"
    tasks = DBTaskResult.objects.order_by("enqueued_at")
    triaged = [t.args_kwargs["kwargs"]["case_id"] for t in tasks if "triage" in t.task_path]
    assert triaged == [earlier.pk, case.pk]
    # The routing was rolled back and never announced: nothing to learn from.
    assert not tasks.filter(task_path__endswith="case_learn_task").exists()
    assert Case.objects.get(pk=earlier.pk).agency_id is None
