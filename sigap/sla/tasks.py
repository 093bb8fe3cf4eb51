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


@task(queue_name="outbox")
def notifications_deliver_task(notification_ids: list[int] | None = None) -> dict[str, int]:
    """Email and WhatsApp for staff notifications: the given rows (enqueued on commit where
    they were made) or, from the periodic job, every row still pending."""
    from sigap.sla.services.delivery import notifications_deliver

    return notifications_deliver(ids=notification_ids).as_dict()


@task(queue_name="default")
def case_notifications_task(case_id: int, change: str) -> None:
    """Retry of an emergency alert or assignment notice that failed inside the hook."""
    from sigap.sla.hooks import case_assignment_notify, case_emergency_alert

    if change == "assigned":
        case_assignment_notify(case_id=case_id)
    else:
        case_emergency_alert(case_id=case_id)
