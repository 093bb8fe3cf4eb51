"""A text model that backs the emergency rules up on wording they have no entry for.

The rules (emergency.py) miss mostly words they have never seen: each new author's Sundanese
or Javanese verb, a symptom told without its name. The labelled rounds (emergency_cases, about
a thousand messages by six authors) are enough to learn what such messages look like, so a
linear model over character and word n-grams of the text is asked when the rules find a
message quiet *without a reason*: no hazard word, or a hazard word without enough support.
A message the rules defused (past, hypothetical, news, a joke) stays defused: those reasons
are what the command center reads, and the model has no view on tense.

The model flags a message only at `THRESHOLD`, chosen on real complaints: at it the model adds
no flag to the Surabaya, Purbalingga and LaporGub! sets (8,280, 815 and 10,008 complaints;
at 0.85 it added 10 Surabaya flags, all about parking and cables). It trains on `DEV_CASES`
only, never on the held-out round, once per process on first use (about a second).
"""

from __future__ import annotations

import math
import threading
from collections import Counter

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline

from sigap.routing.detectors.emergency_cases import DEV_CASES, EmergencyCase

THRESHOLD = 0.93


class EmergencyTextModel:
    """Two linear models on the same n-grams: emergency or not, and which kind.

    Fitted with scikit-learn, then scored by hand: the pipelines' own `predict_proba` costs
    about 3 ms a message in validation and dispatch, the same arithmetic here about 0.2 ms.
    """

    def __init__(self, cases: tuple[EmergencyCase, ...]) -> None:
        texts = [case.text for case in cases]
        emergency = _pipeline(balanced=True).fit(texts, [c.is_emergency for c in cases])
        positives = [case for case in cases if case.kind is not None]
        kind = _pipeline(balanced=False).fit(
            [case.text for case in positives], [case.kind for case in positives]
        )
        self._emergency = _LinearScorer(emergency)
        self._kind = _LinearScorer(kind)

    def probability(self, text: str) -> float:
        """That the message reports an emergency in progress."""
        (margin,) = self._emergency.margins(text)
        return 1.0 / (1.0 + math.exp(-margin))

    def kind(self, text: str) -> str:
        """The most likely kind, were it an emergency."""
        margins = self._kind.margins(text)
        if len(margins) == 1:  # two kinds only: one margin, for the second class
            return str(self._kind.classes[1 if margins[0] > 0 else 0])
        return str(self._kind.classes[max(range(len(margins)), key=margins.__getitem__)])


class _LinearScorer:
    """A fitted FeatureUnion of TF-IDF vectorizers and a linear classifier, as plain lookups."""

    def __init__(self, pipeline: Pipeline) -> None:
        union: FeatureUnion = pipeline.named_steps["features"]
        classifier: LogisticRegression = pipeline.named_steps["classifier"]
        self.classes = list(classifier.classes_)
        coef = classifier.coef_  # (n_margins, n_features): one row for two classes
        self._parts = []
        offset = 0
        for _name, vectorizer in union.transformer_list:
            size = len(vectorizer.vocabulary_)
            # Plain lists: indexing a NumPy array one element at a time is several times slower.
            weights = coef[:, offset : offset + size].tolist()
            idf = vectorizer.idf_.tolist()
            self._parts.append((vectorizer.build_analyzer(), vectorizer.vocabulary_, idf, weights))
            offset += size
        self._intercept = [float(b) for b in classifier.intercept_]

    def margins(self, text: str) -> list[float]:
        margins = list(self._intercept)
        for analyzer, vocabulary, idf, weights in self._parts:
            counts = Counter(
                i for gram in analyzer(text) if (i := vocabulary.get(gram)) is not None
            )
            if not counts:
                continue
            # sublinear tf, idf, then the L2 norm over this vectorizer's features
            values = {i: (1.0 + math.log(n)) * idf[i] for i, n in counts.items()}
            norm = math.sqrt(sum(v * v for v in values.values()))
            for row in range(len(margins)):
                line = weights[row]
                margins[row] += sum(line[i] * v for i, v in values.items()) / norm
        return margins


def _pipeline(*, balanced: bool) -> Pipeline:
    features = FeatureUnion(
        [
            # Character n-grams within words reach spellings and affixes no list holds.
            ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=2,
                                      sublinear_tf=True)),
            ("words", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)),
        ]
    )  # fmt: skip
    classifier = LogisticRegression(
        C=4.0, max_iter=2000, class_weight="balanced" if balanced else None
    )
    return Pipeline([("features", features), ("classifier", classifier)])


_model: EmergencyTextModel | None = None
_lock = threading.Lock()


def text_model() -> EmergencyTextModel:
    """The process's model, trained on first use."""
    global _model
    if _model is None:
        with _lock:
            if _model is None:
                _model = EmergencyTextModel(DEV_CASES)
    return _model


def text_model_warm_up() -> threading.Thread:
    """Train the model in a background thread (a worker starting); first use waits for it."""
    thread = threading.Thread(target=text_model, name="emergency-text-model", daemon=True)
    thread.start()
    return thread
