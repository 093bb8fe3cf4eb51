"""Run the incident tasks that triage queued, as a worker would (tests call them by hand)."""

from __future__ import annotations

from django_tasks_db.models import DBTaskResult

from sigap.routing.tasks import case_incident_task


def incident_tasks_run() -> int:
    """Run and remove every queued incident task, oldest first; how many ran."""
    queued = DBTaskResult.objects.filter(task_path=case_incident_task.module_path)
    rows = list(queued.order_by("enqueued_at"))
    for row in rows:
        case_incident_task.call(**row.args_kwargs["kwargs"])
    DBTaskResult.objects.filter(pk__in=[row.pk for row in rows]).delete()
    return len(rows)
