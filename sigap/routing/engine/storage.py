"""Safe serialisation of a trained Router: one `.npz` archive, loaded with `allow_pickle=False`.

Arrays (weights, idf) are stored as numpy arrays; everything else (labels, vocabularies, the
normaliser's word lists, config, metrics) as one UTF-8 JSON document inside the archive. Nothing
is unpickled, so loading a model file cannot execute code.
"""

from __future__ import annotations

import dataclasses
import io
import json
from typing import Any

import numpy as np

from sigap.routing.engine.features import FeatureSpace, TfidfBlock
from sigap.routing.engine.model import LinearModel, Router, RouterConfig
from sigap.routing.engine.normalise import Normaliser

FORMAT = "sigap-router"
VERSION = 1


def router_to_bytes(router: Router) -> bytes:
    features, model = router._fitted()
    meta = {
        "format": FORMAT,
        "version": VERSION,
        "config": dataclasses.asdict(router.config),
        "classes": router.classes,
        "temperature": router.temperature,
        "threshold": router.threshold,
        "metrics": router.metrics,
        "word_terms": features.word.terms,
        "char_terms": features.char.terms,
        "word_max_n": features.word_max_n,
        "char_range": list(features.char_range),
        "normaliser": _normaliser_state(router.normaliser),
    }
    buffer = io.BytesIO()
    np.savez_compressed(
        buffer,
        meta=np.frombuffer(json.dumps(meta, ensure_ascii=False).encode("utf-8"), dtype=np.uint8),
        coef=model.coef,
        intercept=model.intercept,
        word_idf=features.word.idf,
        char_idf=features.char.idf,
    )
    return buffer.getvalue()


def router_from_bytes(data: bytes) -> Router:
    with np.load(io.BytesIO(data), allow_pickle=False) as archive:
        meta: dict[str, Any] = json.loads(archive["meta"].tobytes().decode("utf-8"))
        if meta.get("format") != FORMAT or meta.get("version") != VERSION:
            raise ValueError(f"not a {FORMAT} v{VERSION} model: {meta.get('format')!r}")
        features = FeatureSpace(
            word=_block(meta["word_terms"], archive["word_idf"]),
            char=_block(meta["char_terms"], archive["char_idf"]),
            word_max_n=int(meta["word_max_n"]),
            char_range=(int(meta["char_range"][0]), int(meta["char_range"][1])),
        )
        model = LinearModel(coef=archive["coef"], intercept=archive["intercept"])
    return Router(
        config=RouterConfig(**meta["config"]),
        normaliser=_normaliser_from_state(meta["normaliser"]),
        classes=list(meta["classes"]),
        temperature=float(meta["temperature"]),
        threshold=float(meta["threshold"]),
        metrics=dict(meta["metrics"]),
        features=features,
        model=model,
    )


def _block(terms: list[str], idf: np.ndarray) -> TfidfBlock:
    return TfidfBlock({term: i for i, term in enumerate(terms)}, idf)


def _normaliser_state(normaliser: Normaliser) -> dict[str, Any]:
    # The word lists travel with the model, so a model predicts the same on a machine where
    # the shared lexicon is absent.
    return {
        "slang": normaliser.slang,
        "stopwords": sorted(normaliser.stopwords),
        "known_words": sorted(normaliser.known_words),
    }


def _normaliser_from_state(state: dict[str, Any]) -> Normaliser:
    return Normaliser(
        slang=dict(state["slang"]),
        stopwords=state["stopwords"],
        known_words=state["known_words"],
    )
