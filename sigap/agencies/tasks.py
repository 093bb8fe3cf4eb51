from __future__ import annotations

from django_tasks import task

from sigap.agencies.rosters import case_autoassign, roster_rebalance_all
from sigap.cases.models import Case


@task(queue_name="default")
def case_autoassign_task(case_id: int) -> int | None:
    """Assign a case that landed in an agency; a retry or a duplicate changes nothing."""
    case = Case.objects.filter(pk=case_id).first()
    if case is None:
        return None
    chosen = case_autoassign(case=case)
    return chosen.pk if chosen is not None else None


@task(queue_name="sweeper")
def roster_rebalance_task() -> int:
    """Periodic (see core.periodic): move unstarted cases away from staff gone off duty."""
    return roster_rebalance_all()
