"""Precision and recall of the emergency detector on labelled cases."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from sigap.routing.detectors.emergency import EmergencySignal, detect_emergency
from sigap.routing.detectors.emergency_cases import EmergencyCase


def evaluate_emergency(
    cases: Iterable[EmergencyCase],
    detector: Callable[[str], EmergencySignal] = detect_emergency,
) -> dict[str, Any]:
    """Binary precision/recall/F1 of "emergency in progress", plus per-kind figures.

    A detected emergency of the wrong kind still counts as a true positive for the binary
    figures (the operator is alerted either way); `per_kind` and `kind_accuracy` show how often
    the kind was right. Lists of misses carry the detector's reason for each.
    """
    tp = fp = fn = tn = kind_right = 0
    per_kind: dict[str, dict[str, int]] = {}
    false_positives: list[dict[str, str | None]] = []
    false_negatives: list[dict[str, str | None]] = []
    for case in cases:
        signal = detector(case.text)
        if case.kind is not None:
            counts = per_kind.setdefault(case.kind, {"support": 0, "detected": 0})
            counts["support"] += 1
            counts["detected"] += signal.is_emergency
        if signal.is_emergency and case.is_emergency:
            tp += 1
            kind_right += signal.kind == case.kind
        elif signal.is_emergency:
            fp += 1
            false_positives.append(_miss(case, signal))
        elif case.is_emergency:
            fn += 1
            false_negatives.append(_miss(case, signal))
        else:
            tn += 1
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "n": tp + fp + fn + tn,
        "positives": tp + fn,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "kind_accuracy": round(kind_right / tp, 4) if tp else 0.0,
        "per_kind": {
            kind: {**c, "recall": round(c["detected"] / c["support"], 4)}
            for kind, c in sorted(per_kind.items())
        },
        "false_positives": false_positives,
        "false_negatives": false_negatives,
    }


def _miss(case: EmergencyCase, signal: EmergencySignal) -> dict[str, str | None]:
    return {
        "text": case.text,
        "expected": case.kind,
        "detected": signal.kind if signal.is_emergency else None,
        "reason": signal.reason,
    }
