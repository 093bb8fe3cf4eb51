"""Choosing the confidence above which a complaint is routed without a coordinator."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from sigap.routing.engine.model import Router, RouterConfig


def choose_threshold(
    train_texts: Sequence[str],
    train_labels: Sequence[str],
    target_precision: float = 0.95,
    folds: int = 5,
    *,
    dates: Sequence[str] | None = None,
    config: RouterConfig | None = None,
) -> float:
    """Confidence threshold in [0, 1] reaching `target_precision` in cross-validation on train.

    Each fold's model predicts rows it was not trained on; probabilities are calibrated on those
    out-of-fold scores, and the threshold is the lowest confidence whose accepted set keeps the
    precision's 95 % lower bound at the target (1.0 when none does). With `dates` the folds are
    contiguous time blocks. `Router.fit` runs the same procedure and keeps it as
    `router.threshold`, so callers that train anyway need not call this.
    """
    if folds < 2:
        raise ValueError("threshold selection needs at least 2 folds")
    base = config or RouterConfig()
    config = dataclasses.replace(base, cv_folds=folds, target_precision=target_precision)
    extras = {"date": dates} if dates is not None else None
    return Router(config=config).fit(train_texts, train_labels, extras=extras).threshold
