"""TF-IDF features over normalised text: word 1-2-grams plus character 1-4-grams.

A small own implementation instead of sklearn's vectorisers, so a trained model is just a
vocabulary list (JSON) and an idf array (numpy) and loads without pickle or sklearn internals.
Word n-grams carry the topic; character n-grams inside word boundaries absorb the spelling
variants and typos the normaliser misses (`pemangkasan`/`pemangksan`).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat

import numpy as np
from scipy import sparse


def word_ngrams(tokens: Sequence[str], max_n: int) -> list[str]:
    grams = list(tokens)
    for n in range(2, max_n + 1):
        grams += [" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1)]
    return grams


def char_ngrams(tokens: Sequence[str], min_n: int, max_n: int) -> list[str]:
    """Character n-grams inside each space-padded word (sklearn's `char_wb`)."""
    grams: list[str] = []
    for token in tokens:
        grams += _token_char_ngrams(token, min_n, max_n)
    return grams


@lru_cache(maxsize=200_000)
def _token_char_ngrams(token: str, min_n: int, max_n: int) -> tuple[str, ...]:
    # Cached: complaint vocabulary is small and repetitive, so most words were seen before.
    padded = f" {token} "
    return tuple(
        padded[i : i + n]
        for n in range(min_n, min(max_n, len(padded)) + 1)
        for i in range(len(padded) - n + 1)
    )


@dataclass
class TfidfBlock:
    """One vocabulary with smoothed idf; rows are sublinear-tf * idf, L2-normalised."""

    vocabulary: dict[str, int]
    idf: np.ndarray

    @classmethod
    def fit(cls, documents: Sequence[list[str]], min_df: int) -> TfidfBlock:
        df: Counter[str] = Counter()
        for grams in documents:
            df.update(set(grams))
        terms = sorted(term for term, count in df.items() if count >= min_df)
        n_docs = len(documents)
        idf = np.array([math.log((1 + n_docs) / (1 + df[t])) + 1.0 for t in terms])
        return cls({term: i for i, term in enumerate(terms)}, idf.astype(np.float32))

    def vectorise(self, grams: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """Column indices and weights of one document (no sparse-matrix overhead)."""
        counts = Counter(grams)
        # C-level loops only (map/fromiter): this runs once per complaint at prediction time.
        cols = np.fromiter(map(self.vocabulary.get, counts, repeat(-1)), np.int64, len(counts))
        tf = np.fromiter(counts.values(), np.float32, len(counts))
        known = cols >= 0
        cols, tf = cols[known], tf[known]
        weights = (1.0 + np.log(tf)) * self.idf[cols]
        norm = float(np.sqrt(weights @ weights)) or 1.0
        return cols, weights / norm

    @property
    def terms(self) -> list[str]:
        return sorted(self.vocabulary, key=self.vocabulary.__getitem__)


@dataclass
class FeatureSpace:
    """Word and character TF-IDF blocks stacked side by side."""

    word: TfidfBlock
    char: TfidfBlock
    word_max_n: int = 2
    char_range: tuple[int, int] = (1, 4)

    @classmethod
    def fit(
        cls,
        token_lists: Sequence[list[str]],
        *,
        word_max_n: int = 2,
        char_range: tuple[int, int] = (1, 4),
        min_df: int = 2,
    ) -> FeatureSpace:
        words = [word_ngrams(tokens, word_max_n) for tokens in token_lists]
        chars = [char_ngrams(tokens, *char_range) for tokens in token_lists]
        return cls(
            TfidfBlock.fit(words, min_df), TfidfBlock.fit(chars, min_df), word_max_n, char_range
        )

    def vectorise(self, tokens: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """Column indices and weights of one token list in the stacked space."""
        word_cols, word_weights = self.word.vectorise(word_ngrams(tokens, self.word_max_n))
        char_cols, char_weights = self.char.vectorise(char_ngrams(tokens, *self.char_range))
        cols = np.concatenate([word_cols, char_cols + len(self.word.idf)])
        return cols, np.concatenate([word_weights, char_weights])

    def transform(self, token_lists: Sequence[list[str]]) -> sparse.csr_matrix:
        indptr, indices, values = [0], [], []
        for tokens in token_lists:
            cols, weights = self.vectorise(tokens)
            indices.append(cols)
            values.append(weights)
            indptr.append(indptr[-1] + len(cols))
        shape = (len(token_lists), self.n_features)
        if not indices:
            return sparse.csr_matrix(shape, dtype=np.float32)
        data = (np.concatenate(values), np.concatenate(indices), np.array(indptr))
        return sparse.csr_matrix(data, shape=shape, dtype=np.float32)

    @property
    def n_features(self) -> int:
        return len(self.word.idf) + len(self.char.idf)
