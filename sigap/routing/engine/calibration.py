"""Turning classifier margins into probabilities, and choosing a confidence threshold.

Both are fitted on out-of-fold scores, never on scores of documents the model was trained on:
in-sample margins of a linear SVM are far too confident.
"""

from __future__ import annotations

import numpy as np
from scipy.optimize import minimize_scalar
from scipy.special import log_softmax, softmax

# One-sided 95 % normal quantile for the Wilson lower bound.
_Z_95 = 1.645


def fit_temperature(scores: np.ndarray, targets: np.ndarray) -> float:
    """Scale `s` so that softmax(s * scores) minimises log-loss on out-of-fold scores.

    One parameter (temperature scaling, Guo et al. 2017) keeps the ranking unchanged and cannot
    overfit a few thousand rows, unlike per-class isotonic regression with 30 classes.
    """
    rows = np.arange(len(targets))

    def log_loss(scale: float) -> float:
        return float(-np.mean(log_softmax(scores * scale, axis=1)[rows, targets]))

    result = minimize_scalar(log_loss, bounds=(0.05, 100.0), method="bounded")
    return float(result.x)


def probabilities(scores: np.ndarray, scale: float) -> np.ndarray:
    return np.asarray(softmax(np.asarray(scores, dtype=np.float64) * scale, axis=-1))


def wilson_lower_bound(successes: np.ndarray, trials: np.ndarray) -> np.ndarray:
    """One-sided 95 % lower bound of a binomial proportion (Wilson score interval)."""
    p = successes / trials
    z2 = _Z_95 * _Z_95
    centre = p + z2 / (2 * trials)
    spread = _Z_95 * np.sqrt(p * (1 - p) / trials + z2 / (4 * trials * trials))
    return np.asarray((centre - spread) / (1 + z2 / trials))


def threshold_for_precision(
    confidence: np.ndarray, correct: np.ndarray, target_precision: float = 0.95
) -> float:
    """Lowest confidence t such that predictions with confidence >= t reach the target.

    The precision of the accepted set must hold as a 95 % lower bound, not just as a point
    estimate: the test period drifts from the training period, and a threshold that only just
    reaches the target in cross-validation falls below it on new data.
    Returns 1.0 (accept nothing automatically) when no threshold qualifies.
    """
    if len(confidence) == 0:
        return 1.0
    order = np.argsort(-confidence, kind="stable")
    ranked = confidence[order]
    hits = np.cumsum(correct[order].astype(float))
    accepted = np.arange(1, len(order) + 1, dtype=float)
    # Only cut at the end of a run of equal confidences: `>= t` accepts ties together.
    tie_end = np.append(ranked[1:] < ranked[:-1], True)
    good = np.flatnonzero((wilson_lower_bound(hits, accepted) >= target_precision) & tie_end)
    return float(ranked[good.max()]) if len(good) else 1.0
