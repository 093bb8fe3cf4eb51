from __future__ import annotations

from django_tasks import task

from sigap.agencies.models import Pemda
from sigap.cases.models import Case
from sigap.core.errors import DomainError
from sigap.routing.incidents import case_incident_link, incidents_catch_up
from sigap.routing.learning import case_learn
from sigap.routing.training import routing_train
from sigap.routing.triage import case_triage


@task(queue_name="triage")
def case_triage_task(case_id: int) -> bool:
    """Triage cases from any path (web, API, walk-in); channel intake triages inline first."""
    case = Case.objects.filter(pk=case_id).first()
    if case is None:
        return False
    case_triage(case)
    return True


# Below the intake (priority 0): in a burst, citizens are acknowledged first and the incidents
# catch up after; staff see the links a little later, nobody waits on them.
INCIDENT_PRIORITY = -10


@task(queue_name="triage", priority=INCIDENT_PRIORITY)
def case_incident_task(case_id: int) -> bool:
    """Link a triaged case with its likely duplicates into an incident (see triage)."""
    return case_incident_link(case_id) is not None


@task(queue_name="sweeper")
def incidents_catch_up_task() -> int:
    """Every few minutes: link the cases whose incident task failed or whose worker died."""
    return incidents_catch_up()


@task(queue_name="triage")
def case_learn_task(case_id: int, change: str) -> bool:
    return case_learn(case_id, change) is not None


@task(queue_name="sweeper")
def routing_retrain_task() -> list[int]:
    """Nightly: a new version per Pemda from everything staff decided since."""
    versions = []
    for pemda in Pemda.objects.filter(is_active=True):
        try:
            versions.append(routing_train(pemda=pemda).version)
        except DomainError:  # not enough examples yet: keep the current model
            continue
    return versions
