from __future__ import annotations

from django_tasks import task

from sigap.sla.services import case_autoclose, case_deadlines_recompute, sla_sweep


@task(queue_name="sweeper")
def sla_sweep_task() -> dict[str, int]:
    """Warn, escalate and auto-close (periodic, every minute; see core.periodic)."""
    return sla_sweep().as_dict()


@task(queue_name="sweeper")
def case_deadlines_recompute_task(case_id: int) -> None:
    """Retry of a recompute that failed inside the after-commit hook."""
    case_deadlines_recompute(case=case_id)


@task(queue_name="sweeper")
def sla_autoclose_task(case_ids: list[int]) -> int:
    """Close resolved cases whose citizen stayed silent; each is re-checked under its lock."""
    return sum(case_autoclose(case_id=case_id) for case_id in case_ids)
