"""The routing classifier: normalised text -> ranked agencies with calibrated probabilities.

Method (chosen on a time split of the Surabaya 2022 data, see `bench/routing.py`): a one-vs-rest
NB-SVM over word 1-2-gram and character 1-4-gram TF-IDF of the normalised text, with its
margins turned into probabilities by temperature scaling fitted on out-of-fold margins. The
same out-of-fold predictions choose the confidence threshold for automatic routing.

Measured on that split and not kept, each within +-0.5 points of top-1 (noise) or worse:
character 2-5-grams (same accuracy, 40 % more features and ~12 % more training CPU), word
3-grams, min_df 1 or 3, C 0.05/0.2, NB alpha 0.5, NB-SVM weight interpolation, balanced class
weights; plain LinearSVC (-1.2), multinomial logistic regression (-2.1, several times slower),
SGD and complement NB alone (-3 to -5) or blended in; word-only + char-only NB-SVM views
averaged; a kNN vote (near-duplicates are only 2 % of test); dropping the older of
near-identical training texts; kecamatan/kelurahan as one-hot features or as a smoothed
location prior; recency weights (half-life 60-120 days); the shared colloquial lexicon and
Tala stopwords; per-class bias or vector scaling instead of one temperature; a second-stage
"is the top label right" model for the threshold; correcting for a shift of the label
priors at test time (even with the test months' true priors: +0.4 top-1, -0.6 top-3; the
last two training months' priors: -0.6; priors estimated by EM from the unlabelled test
texts: -40). The errors left are mostly area-office work
that reads like agency work, and labels that moved between agencies from one quarter to the
next.
"""

from __future__ import annotations

import time
import warnings
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse
from sklearn.exceptions import ConvergenceWarning
from sklearn.svm import LinearSVC

from sigap.routing.engine import calibration
from sigap.routing.engine.features import FeatureSpace
from sigap.routing.engine.normalise import Normaliser, default_normaliser

Ranked = list[tuple[str, float]]
Extras = Mapping[str, Sequence[str]]

# Margin given to a class that a cross-validation fold never saw (it cannot be predicted).
_ABSENT_CLASS_MARGIN = -10.0


@dataclass(frozen=True)
class RouterConfig:
    """Hyper-parameters. Defaults were chosen by time-blocked cross-validation on train."""

    c: float = 0.1
    # liblinear's stopping tolerance: 1e-3 gave the same rankings on the Surabaya split as the
    # default 1e-4, for ~15 % less SVM time.
    svm_tol: float = 1e-3
    nb_alpha: float = 1.0
    word_max_n: int = 2
    char_min_n: int = 1
    char_max_n: int = 4
    min_df: int = 2
    cv_folds: int = 5
    target_precision: float = 0.95
    n_jobs: int = 2
    seed: int = 0


@dataclass(frozen=True)
class RoutingDecision:
    """Top label, its probability, the ranking, and whether it clears the auto-route threshold."""

    label: str
    probability: float
    ranked: Ranked
    confident: bool


@dataclass
class LinearModel:
    """Weights as (n_features, n_classes) so one document needs only its own rows."""

    coef: np.ndarray
    intercept: np.ndarray

    def scores(self, features: sparse.csr_matrix) -> np.ndarray:
        return np.asarray(features @ self.coef) + self.intercept


@dataclass
class _CrossValidation:
    scores: np.ndarray
    targets: np.ndarray
    scheme: str


@dataclass
class Router:
    """Ranks the agencies (labels) for a complaint text.

    Use `fit`, then `predict_ranked` / `route`; persist with `to_bytes` / `from_bytes`.
    """

    config: RouterConfig = field(default_factory=RouterConfig)
    normaliser: Normaliser = field(default_factory=default_normaliser)
    classes: list[str] = field(default_factory=list)
    temperature: float = 1.0
    threshold: float = 1.0
    metrics: dict[str, float | int | str] = field(default_factory=dict)
    features: FeatureSpace | None = None
    model: LinearModel | None = None

    def fit(
        self, texts: Sequence[str], labels: Sequence[str], *, extras: Extras | None = None
    ) -> Router:
        """Train on `texts`/`labels`, then calibrate and choose the threshold out of fold.

        `extras["date"]` (ISO dates), when given, makes the calibration folds contiguous time
        blocks, which estimates drift honestly. Other extras (`kecamatan`, `kelurahan`) are
        accepted but unused: as features they did not improve top-1 on the Surabaya split.
        """
        started = time.perf_counter()
        _check_training_data(texts, labels)
        self.classes = sorted(set(labels))
        index = {label: i for i, label in enumerate(self.classes)}
        targets = np.array([index[label] for label in labels])
        self.temperature, self.threshold, self.metrics = 1.0, 1.0, {}
        tokens = [self.normaliser.tokens(text) for text in texts]
        self.features = FeatureSpace.fit(
            tokens,
            word_max_n=self.config.word_max_n,
            char_range=(self.config.char_min_n, self.config.char_max_n),
            min_df=self.config.min_df,
        )
        matrix = self.features.transform(tokens)
        folds, scheme = _folds(len(labels), (extras or {}).get("date"), self.config)
        fits = self._fit_parallel(matrix, targets, folds)
        self.model = fits[0]
        if folds:
            self._calibrate(_out_of_fold(fits[1:], folds, matrix, targets, scheme))
        self.metrics.update(
            n_train=len(labels),
            n_labels=len(self.classes),
            n_features=self.features.n_features,
            fit_seconds=round(time.perf_counter() - started, 3),
        )
        return self

    def predict_ranked(self, text: str, k: int = 3) -> Ranked:
        """The `k` most likely labels with calibrated probabilities, most likely first."""
        return self._rank(self._probabilities_one(text), k)

    def predict_many(self, texts: Sequence[str], k: int = 3) -> list[Ranked]:
        return [self._rank(row, k) for row in self.predict_proba(texts)]

    def route(self, text: str, k: int = 3) -> RoutingDecision:
        ranked = self.predict_ranked(text, k=max(k, 1))
        label, probability = ranked[0]
        return RoutingDecision(label, probability, ranked, probability >= self.threshold)

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        """(n_texts, n_classes) probabilities, columns in `self.classes` order."""
        features, model = self._fitted()
        matrix = features.transform([self.normaliser.tokens(text) for text in texts])
        return calibration.probabilities(model.scores(matrix), self.temperature)

    def to_bytes(self) -> bytes:
        from sigap.routing.engine.storage import router_to_bytes

        return router_to_bytes(self)

    @classmethod
    def from_bytes(cls, data: bytes) -> Router:
        from sigap.routing.engine.storage import router_from_bytes

        return router_from_bytes(data)

    def _probabilities_one(self, text: str) -> np.ndarray:
        features, model = self._fitted()
        cols, weights = features.vectorise(self.normaliser.tokens(text))
        scores = weights @ model.coef[cols] + model.intercept
        return calibration.probabilities(scores, self.temperature)

    def _rank(self, probabilities: np.ndarray, k: int) -> Ranked:
        top = np.argsort(-probabilities, kind="stable")[:k]
        # Floor to 6 decimals: readable, and float rounding can never push a sum above 1.
        floored = np.floor(probabilities[top] * 1e6) / 1e6
        return [(self.classes[i], float(p)) for i, p in zip(top, floored, strict=True)]

    def _fitted(self) -> tuple[FeatureSpace, LinearModel]:
        if self.features is None or self.model is None:
            raise RuntimeError("Router is not fitted: call fit() or Router.from_bytes() first")
        return self.features, self.model

    def _fit_parallel(
        self, matrix: sparse.csr_matrix, targets: np.ndarray, folds: list[np.ndarray]
    ) -> list[LinearModel]:
        """The final model and one model per fold; liblinear releases the GIL, so threads."""
        n_classes = len(self.classes)
        jobs = [np.arange(len(targets))] + [np.setdiff1d(np.arange(len(targets)), f) for f in folds]
        with ThreadPoolExecutor(max_workers=max(1, self.config.n_jobs)) as pool:
            return list(
                pool.map(
                    lambda rows: _train_nbsvm(matrix[rows], targets[rows], n_classes, self.config),
                    jobs,
                )
            )

    def _calibrate(self, cv: _CrossValidation) -> None:
        known = cv.scores[np.arange(len(cv.targets)), cv.targets] > _ABSENT_CLASS_MARGIN
        self.temperature = calibration.fit_temperature(cv.scores[known], cv.targets[known])
        probabilities = calibration.probabilities(cv.scores, self.temperature)
        confidence = probabilities.max(axis=1)
        correct = probabilities.argmax(axis=1) == cv.targets
        self.threshold = calibration.threshold_for_precision(
            confidence, correct, self.config.target_precision
        )
        self.metrics.update(_cv_metrics(probabilities, cv, self.threshold, self.config))


def _check_training_data(texts: Sequence[str], labels: Sequence[str]) -> None:
    if len(texts) != len(labels):
        raise ValueError(f"{len(texts)} texts but {len(labels)} labels")
    if len(set(labels)) < 2:
        raise ValueError("need at least two distinct labels to train a router")


def _train_nbsvm(
    matrix: sparse.csr_matrix, targets: np.ndarray, n_classes: int, config: RouterConfig
) -> LinearModel:
    """One-vs-rest NB-SVM (Wang & Manning 2012): for each class, scale every feature by its
    naive-Bayes log-count ratio, then fit a linear SVM. The scaling folds into the weights, so
    prediction costs the same as a plain linear model. Classes absent from `targets` get a
    very low constant margin, so they never rank above a class the model knows."""
    coef = np.zeros((matrix.shape[1], n_classes), dtype=np.float32)
    intercept = np.full(n_classes, _ABSENT_CLASS_MARGIN, dtype=np.float32)
    present = np.unique(targets)
    if len(present) == 1:
        intercept[present[0]] = 0.0
        return LinearModel(coef, intercept)
    occurs = (matrix > 0).astype(np.float32)
    totals = np.asarray(occurs.sum(axis=0)).ravel()
    # liblinear wants float64; one copy whose values are overwritten per class.
    base = sparse.csr_matrix(matrix, dtype=np.float64, copy=True)
    scaled = base.copy()
    for label in present:
        is_label = targets == label
        ratio = _log_count_ratio(occurs[is_label], totals, config.nb_alpha)
        np.multiply(base.data, ratio[base.indices], out=scaled.data)  # = base @ diag(ratio)
        svm = LinearSVC(C=config.c, tol=config.svm_tol, random_state=config.seed, max_iter=5000)
        with warnings.catch_warnings():
            # Not converging to 1e-4 within max_iter changes no ranking we can measure.
            warnings.simplefilter("ignore", ConvergenceWarning)
            svm.fit(scaled, is_label)
        coef[:, label] = svm.coef_[0] * ratio
        intercept[label] = svm.intercept_[0]
    return LinearModel(coef, intercept)


def _log_count_ratio(
    occurs_in_label: sparse.csr_matrix, totals: np.ndarray, alpha: float
) -> np.ndarray:
    """log( P(feature | label) / P(feature | not label) ) from smoothed document counts."""
    inside = alpha + np.asarray(occurs_in_label.sum(axis=0)).ravel()
    outside = alpha + totals - (inside - alpha)
    return np.log(inside / inside.sum()) - np.log(outside / outside.sum())


def _folds(
    n_rows: int, dates: Sequence[str] | None, config: RouterConfig
) -> tuple[list[np.ndarray], str]:
    """Held-out index sets: contiguous date blocks when dates are known, else shuffled."""
    n_folds = min(config.cv_folds, n_rows)
    if n_folds < 2:
        return [], "none"
    if dates is not None and len(dates) == n_rows and all(dates):
        order = np.argsort(np.asarray(dates, dtype=str), kind="stable")
        return list(np.array_split(order, n_folds)), "time-blocked"
    order = np.random.default_rng(config.seed).permutation(n_rows)
    return list(np.array_split(order, n_folds)), "shuffled"


def _out_of_fold(
    models: list[LinearModel],
    folds: list[np.ndarray],
    matrix: sparse.csr_matrix,
    targets: np.ndarray,
    scheme: str,
) -> _CrossValidation:
    scores = np.zeros((len(targets), models[0].coef.shape[1]), dtype=np.float64)
    for model, rows in zip(models, folds, strict=True):
        scores[rows] = model.scores(matrix[rows])
    return _CrossValidation(scores, targets, scheme)


def _cv_metrics(
    probabilities: np.ndarray, cv: _CrossValidation, threshold: float, config: RouterConfig
) -> dict[str, float | int | str]:
    order = np.argsort(-probabilities, axis=1, kind="stable")
    correct = order[:, 0] == cv.targets
    accepted = probabilities.max(axis=1) >= threshold
    true_probability = probabilities[np.arange(len(cv.targets)), cv.targets]
    return {
        "cv_scheme": cv.scheme,
        "cv_folds": config.cv_folds,
        "cv_top1": round(float(correct.mean()), 4),
        "cv_top3": round(float((order[:, :3] == cv.targets[:, None]).any(axis=1).mean()), 4),
        "cv_log_loss": round(float(-np.mean(np.log(np.maximum(true_probability, 1e-12)))), 4),
        "target_precision": config.target_precision,
        "threshold": round(threshold, 6),
        "cv_coverage_at_threshold": round(float(accepted.mean()), 4),
        "cv_precision_at_threshold": round(float(correct[accepted].mean()), 4)
        if accepted.any()
        else 0.0,
    }
