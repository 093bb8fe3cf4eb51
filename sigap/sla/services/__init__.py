"""SLA services: deadlines recomputed on every relevant change, and the sweeper."""

from sigap.sla.services.claims import Claim, sla_step_claim, sla_steps_claim
from sigap.sla.services.deadlines import (
    RECOMPUTE_ON,
    case_deadlines_recompute,
    case_deadlines_recompute_locked,
    case_first_response_due,
    case_first_response_due_set,
    sla_case_changed,
)
from sigap.sla.services.notifications import sla_notification_mark_read
from sigap.sla.services.setup import sla_setup_cache_clear
from sigap.sla.services.sweeper import SweepResult, case_autoclose, sla_sweep

__all__ = [
    "RECOMPUTE_ON",
    "Claim",
    "SweepResult",
    "case_autoclose",
    "case_deadlines_recompute",
    "case_deadlines_recompute_locked",
    "case_first_response_due",
    "case_first_response_due_set",
    "sla_case_changed",
    "sla_notification_mark_read",
    "sla_setup_cache_clear",
    "sla_step_claim",
    "sla_steps_claim",
    "sla_sweep",
]
