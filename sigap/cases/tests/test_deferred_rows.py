"""What the hooks of ``case_changes_deferred`` may read instead of the database: the row a
writer said it committed (``case_row_committed``), as long as nothing changed the case after
it; and ``CaseWrites``, several changes of one locked row sent as one UPDATE and one INSERT.
Real commits (``transactional_db``)."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from sigap.cases.models import Case, EventKind
from sigap.cases.services import (
    CaseWrites,
    case_changes_deferred,
    case_route_locked,
    case_row_committed,
    case_row_for_hooks,
    case_set_priority,
    case_set_priority_locked,
    case_set_region_locked,
    common,
)
from sigap.catalog.models import Priority
from sigap.regions.models import Region, RegionLevel


@pytest.fixture
def seen(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, Any]]:
    """The only hook: records each change with the row it could read without a query."""
    calls: list[tuple[str, Any]] = []
    monkeypatch.setattr(
        common,
        "_case_hooks",
        [lambda case_id, change: calls.append((change, case_row_for_hooks(case_id)))],
    )
    return calls


def _locked(case: Case) -> Case:
    return Case.objects.select_for_update(of=("self",)).select_related("agency").get(pk=case.pk)


def test_hooks_read_the_committed_row(transactional_db, make_case, agency_a, seen):
    with case_changes_deferred():
        case = make_case("Jalan berlubang di Banjaran")
        with transaction.atomic():
            locked = _locked(case)
            case_route_locked(case=locked, agency=agency_a, actor=None)
            case_row_committed(locked)
            locked.priority = "changed after: not what was committed"
    [(change, row)] = seen
    assert change == "created" and row is not None and row is not locked
    assert row.agency == agency_a and row.priority == Priority.NORMAL


def test_a_change_after_the_row_sends_the_hooks_to_the_database(
    transactional_db, make_case, agency_a, seen
):
    with case_changes_deferred():
        case = make_case("Jalan berlubang di Banjaran")
        with transaction.atomic():
            case_row_committed(_locked(case))
        case_set_priority(case=case, priority=Priority.HIGH, actor=None)
    assert seen == [("created", None)]


def test_a_row_of_a_rolled_back_transaction_is_never_read(transactional_db, make_case, seen):
    with pytest.raises(RuntimeError), case_changes_deferred():
        case = make_case("Jalan berlubang di Banjaran")
        with transaction.atomic():
            locked = _locked(case)
            locked.priority = Priority.EMERGENCY
            case_row_committed(locked)
            raise RuntimeError("the second transaction fails")
    assert seen == [("created", None)]


def test_outside_deferred_hooks_there_is_no_row(transactional_db, make_case, seen):
    case = make_case("Jalan berlubang di Banjaran")
    with transaction.atomic():
        case_row_committed(_locked(case))
    assert seen == [("created", None)]


def test_gathered_writes_are_one_update_and_one_insert_in_order(
    transactional_db, make_case, agency_a
):
    region = Region.objects.create(code="32.04.13", name="Banjaran", level=RegionLevel.KECAMATAN)
    case = make_case("Kebakaran di Banjaran")
    with transaction.atomic():
        locked = (
            Case.objects.select_for_update(of=("self",)).select_related("region").get(pk=case.pk)
        )
        writes = CaseWrites(locked)
        with CaptureQueriesContext(connection) as captured:
            case_set_region_locked(
                case=locked, region=region, actor=None, source="gazetteer", writes=writes
            )
            case_set_priority_locked(
                case=locked, priority=Priority.EMERGENCY, actor=None, writes=writes
            )
            case_route_locked(case=locked, agency=agency_a, actor=None, writes=writes)
            writes.flush()
    statements = [q["sql"].split()[0] for q in captured.captured_queries]
    assert statements == ["INSERT", "UPDATE", "INSERT"]  # disposition, case, events
    stored = Case.objects.get(pk=case.pk)
    assert (stored.region, stored.priority, stored.agency) == (region, "emergency", agency_a)
    assert stored.version == case.version + 3  # one step per change, as written one by one
    kinds = list(stored.events.order_by("created_at", "id").values_list("kind", flat=True))
    assert kinds == [
        EventKind.CREATED, EventKind.LOCATION, EventKind.PRIORITY_CHANGED, EventKind.ROUTED,
    ]  # fmt: skip
