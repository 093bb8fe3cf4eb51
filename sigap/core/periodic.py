"""Periodic jobs run by the clock process (`sigap clock`), each a task path and an interval."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Periodic:
    name: str
    every_seconds: int
    task_path: str


# Other apps add their sweepers here; the clock enqueues each when it is due.
PERIODIC_JOBS: list[Periodic] = [
    Periodic("worker-heartbeat", 30, "sigap.core.tasks.worker_heartbeat_task"),
    Periodic("channels-sweep", 15, "sigap.channels.tasks.channels_sweep_task"),
    Periodic("inbound-events-prune", 6 * 3600, "sigap.channels.tasks.inbound_events_prune_task"),
    Periodic("task-results-prune", 6 * 3600, "sigap.core.tasks.task_results_prune_task"),
    Periodic("email-poll", 60, "sigap.channels.tasks.email_poll_task"),
    # Hourly, but each account is checked about once a day (services.connection).
    Periodic("channel-accounts-check", 3600, "sigap.channels.tasks.channel_accounts_check_task"),
    Periodic("routing-retrain", 24 * 3600, "sigap.routing.tasks.routing_retrain_task"),
    Periodic("incidents-catch-up", 5 * 60, "sigap.routing.tasks.incidents_catch_up_task"),
    Periodic("sla-sweep", 60, "sigap.sla.tasks.sla_sweep_task"),
    Periodic("notifications-deliver", 30, "sigap.sla.tasks.notifications_deliver_task"),
    Periodic("roster-rebalance", 5 * 60, "sigap.agencies.tasks.roster_rebalance_task"),
]
