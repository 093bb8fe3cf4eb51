"""Case services: every write to a case goes through one of these."""

from sigap.cases.services.common import case_changed, case_hook_register, event_record
from sigap.cases.services.intake import (
    CaseCreateResult,
    CaseOptions,
    IncomingAttachment,
    IncomingMessage,
    MessageAddResult,
    attachments_store,
    case_create,
    case_locate,
    case_message_add,
)
from sigap.cases.services.workflow import (
    case_add_note,
    case_assign,
    case_dispose,
    case_merge,
    case_rate,
    case_route,
    case_set_category,
    case_set_flags,
    case_set_priority,
    case_set_region,
    case_transition,
)

__all__ = [
    "CaseCreateResult",
    "CaseOptions",
    "IncomingAttachment",
    "IncomingMessage",
    "MessageAddResult",
    "attachments_store",
    "case_add_note",
    "case_assign",
    "case_changed",
    "case_create",
    "case_dispose",
    "case_hook_register",
    "case_locate",
    "case_merge",
    "case_message_add",
    "case_rate",
    "case_route",
    "case_set_category",
    "case_set_flags",
    "case_set_priority",
    "case_set_region",
    "case_transition",
    "event_record",
]
