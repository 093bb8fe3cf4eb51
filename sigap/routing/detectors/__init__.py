"""Pure-Python detectors run on every incoming message during triage (no Django, no I/O).

    detect_emergency(text)      -> EmergencySignal(is_emergency, kind, confidence, matched, reason)
    find_personal_data(text)    -> [PiiMatch(kind, start, end, value), ...]
    mask(text, matches, keep_last=2) -> text with each match's characters x-ed out
    detect_abuse(text)          -> AbuseSignal(is_abusive, terms, severity)
    identical_text_key(text)    -> hex key equal for the same text re-sent (flood guard)
    evaluate_emergency(cases)   -> precision / recall / F1 on labelled cases

Each call takes tens of microseconds on chat-length text; see bench/triage_detectors.py.
"""

from sigap.routing.detectors.abuse import AbuseSignal, detect_abuse
from sigap.routing.detectors.emergency import EmergencySignal, detect_emergency
from sigap.routing.detectors.emergency_cases import (
    ALL_CASES,
    DEV_CASES,
    HELDOUT_CASES,
    EmergencyCase,
)
from sigap.routing.detectors.evaluation import evaluate_emergency
from sigap.routing.detectors.pii import PiiKind, PiiMatch, find_personal_data, mask
from sigap.routing.detectors.repeats import identical_text_key

__all__ = [
    "ALL_CASES",
    "DEV_CASES",
    "HELDOUT_CASES",
    "AbuseSignal",
    "EmergencyCase",
    "EmergencySignal",
    "PiiKind",
    "PiiMatch",
    "detect_abuse",
    "detect_emergency",
    "evaluate_emergency",
    "find_personal_data",
    "identical_text_key",
    "mask",
]
