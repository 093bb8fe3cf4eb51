"""How routing listens to cases: triage new ones, learn from staff decisions."""

from __future__ import annotations


def on_case_changed(case_id: int, change: str) -> None:
    from sigap.cases.services import case_state_is_settled
    from sigap.routing.tasks import case_learn_task, case_triage_task
    from sigap.routing.triage import TRIAGED

    if change == "created":
        # The channel intake triages inline and says so once that committed: no task then.
        if not case_state_is_settled(case_id, TRIAGED):
            case_triage_task.enqueue(case_id=case_id)
    elif change in {"disposed", "routed", "status"}:
        case_learn_task.enqueue(case_id=case_id, change=change)
