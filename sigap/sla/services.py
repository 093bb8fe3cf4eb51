"""SLA deadlines as stored columns. The first-response clock is set at intake; the full LAPOR!
stages and escalation belong to the SLA issue and build on these helpers."""

from __future__ import annotations

from datetime import datetime

from sigap.cases.models import Case
from sigap.catalog.models import Priority
from sigap.sla import calendar
from sigap.sla.selectors import calendar_for_agency, first_response_minutes


def case_first_response_due(case: Case) -> datetime:
    """When the first answer is due: working minutes on the handling agency's calendar.

    Emergencies run on the 24-hour clock whatever the agency's office hours.
    """
    policy = case.category.sla_policy if case.category_id and case.category else None
    minutes = first_response_minutes(policy)
    clock = (
        calendar.ALWAYS_OPEN
        if case.priority == Priority.EMERGENCY
        else calendar_for_agency(case.agency)
    )
    return clock.add_working_minutes(case.created_at, minutes)


def case_first_response_due_set(case: Case) -> datetime:
    due = case_first_response_due(case)
    Case.objects.filter(pk=case.pk).update(first_response_due_at=due)
    case.first_response_due_at = due
    return due
