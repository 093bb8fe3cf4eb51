"""Indonesian complaint routing engine (pure Python: numpy, scipy, scikit-learn; no Django).

Public API for the Django wrapper:

    router = Router().fit(texts, labels, extras={"date": dates})
    router.predict_ranked(text, k=3)        # [(label, probability), ...], most likely first
    router.route(text)                      # RoutingDecision(label, probability, ranked, confident)
    data = router.to_bytes(); Router.from_bytes(data)
    evaluate(train_csv, test_csv, collapse_area=True)   # figures contract, see evaluate.py
"""

from sigap.routing.engine.evaluate import (
    Dataset,
    Evaluation,
    evaluate,
    format_report,
    read_dataset,
    run_evaluation,
)
from sigap.routing.engine.labels import AREA_OFFICE, collapse_area_office, collapse_area_offices
from sigap.routing.engine.model import Ranked, Router, RouterConfig, RoutingDecision
from sigap.routing.engine.normalise import Normaliser, build_normaliser, default_normaliser
from sigap.routing.engine.threshold import choose_threshold

__all__ = [
    "AREA_OFFICE",
    "Dataset",
    "Evaluation",
    "Normaliser",
    "Ranked",
    "Router",
    "RouterConfig",
    "RoutingDecision",
    "build_normaliser",
    "choose_threshold",
    "collapse_area_office",
    "collapse_area_offices",
    "default_normaliser",
    "evaluate",
    "format_report",
    "read_dataset",
    "run_evaluation",
]
