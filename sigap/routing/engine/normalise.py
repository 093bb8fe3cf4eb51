"""Normalisation of informal Indonesian complaint text.

Citizens write chat-style Indonesian mixed with Javanese or Sundanese: abbreviations (`yg`, `tdk`),
stretched letters (`tolonggg`), reduplication with a digit (`anak2`), phone numbers and ID numbers.
The normaliser maps all of that to a stable lower-case token string so the classifier sees one
form per word. It is deterministic and has no state beyond its word lists.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from functools import lru_cache

from sigap.routing.engine import lexicon

# Placeholders are single tokens that survive tokenisation (letters and underscores only).
URL_PLACEHOLDER = "_url_"
EMAIL_PLACEHOLDER = "_email_"
PHONE_PLACEHOLDER = "_nomor_"
NIK_PLACEHOLDER = "_nik_"
NUMBER_PLACEHOLDER = "_angka_"

_URL = re.compile(r"(?:https?://|www\.)\S+")
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.]+\b")
# Masked placeholders from upstream exports, with or without brackets.
_MASK_PHONE = re.compile(r"\[\s*(?:nomor|no_hp|telepon|phone)\s*\]")
_MASK_NIK = re.compile(r"\[\s*(?:nik|kk|no_ktp)\s*\]")
_PHONE = re.compile(r"(?:\+?62|\b0)8[\d\s.-]{7,14}\d")
_NIK = re.compile(r"\b\d{16}\b")
_REDUPLICATION = re.compile(r"\b([a-z]{2,})2\b")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_TOKEN = re.compile(r"_[a-z]+_|[a-z]+")
_LONG_RUN = re.compile(r"(.)\1{2,}")
_DOUBLE_RUN = re.compile(r"(.)\1+")
# Regional possessive suffixes: Javanese `dalane`/`lampune`, Sundanese `jalanna`.
_REGIONAL_SUFFIXES = ("ne", "e", "na")
_MIN_TYPO_LENGTH = 5


class Normaliser:
    """Maps raw complaint text to normalised, space-separated tokens."""

    def __init__(
        self,
        slang: Mapping[str, str] | None = None,
        stopwords: Iterable[str] = (),
        known_words: Iterable[str] = lexicon.COMMON_WORDS,
    ) -> None:
        self.slang: dict[str, str] = dict(lexicon.BUILTIN_SLANG if slang is None else slang)
        self.stopwords = frozenset(stopwords) - lexicon.KEEP_WORDS
        # Formal words produced by the slang map also count as known, so they are never repaired.
        formal = {word for value in self.slang.values() for word in value.split()}
        self.known_words = frozenset(known_words) | formal | lexicon.BUILTIN_STOPWORDS
        self._missing_letter = _deletion_index(self.known_words)
        # Per-instance cache: the same few thousand words make up most complaints.
        self.normalise_token = lru_cache(maxsize=100_000)(self._normalise_token)

    def __call__(self, text: str) -> str:
        return " ".join(self.tokens(text))

    def tokens(self, text: str) -> list[str]:
        out: list[str] = []
        for token in _TOKEN.findall(mask(text)):
            for word in self.normalise_token(token).split():
                if word not in self.stopwords:
                    out.append(word)
        return out

    def _normalise_token(self, token: str) -> str:
        """One raw token -> one or more formal words (space separated)."""
        if token.startswith("_") or token in self.known_words:
            return token
        if token in self.slang:
            return self.slang[token]
        for candidate in _candidates(token):
            if candidate in self.known_words:
                return candidate
            if candidate in self.slang:
                return self.slang[candidate]
        # A letter typed three or more times is emphasis: keep one (`numpukkk` -> `numpuk`).
        return self._typo_fix(_LONG_RUN.sub(r"\1", token))

    def _typo_fix(self, token: str) -> str:
        """Repair one missing, extra or swapped letter against the known words.

        Substitutions are deliberately not repaired: in Indonesian one changed vowel is often
        another real word (`ramah`/`rumah`).
        """
        if len(token) < _MIN_TYPO_LENGTH:
            return token
        if token in self._missing_letter:
            return self._missing_letter[token]
        for variant in (*_single_deletes(token), *_transpositions(token)):
            if variant in self.known_words and len(variant) >= _MIN_TYPO_LENGTH:
                return variant
        return token


def mask(text: str) -> str:
    """Lower-case, fold Unicode, and replace URLs, e-mails, phone/ID numbers and numbers."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = _URL.sub(f" {URL_PLACEHOLDER} ", text)
    text = _EMAIL.sub(f" {EMAIL_PLACEHOLDER} ", text)
    text = _MASK_PHONE.sub(f" {PHONE_PLACEHOLDER} ", text)
    text = _MASK_NIK.sub(f" {NIK_PLACEHOLDER} ", text)
    text = _NIK.sub(f" {NIK_PLACEHOLDER} ", text)
    text = _PHONE.sub(f" {PHONE_PLACEHOLDER} ", text)
    text = _REDUPLICATION.sub(r"\1 \1", text)
    return _NUMBER.sub(f" {NUMBER_PLACEHOLDER} ", text)


def _candidates(token: str) -> Iterable[str]:
    """Shorter spellings to try: stretched letters squeezed, then regional suffixes removed."""
    squeezed = _LONG_RUN.sub(r"\1\1", token)
    yield squeezed
    yield _DOUBLE_RUN.sub(r"\1", squeezed)
    if len(squeezed) > 2 and squeezed[-1] == squeezed[-2]:
        yield squeezed[:-1]
    for suffix in _REGIONAL_SUFFIXES:
        if squeezed.endswith(suffix) and len(squeezed) - len(suffix) >= 3:
            yield squeezed[: -len(suffix)]


def _single_deletes(word: str) -> list[str]:
    return [word[:i] + word[i + 1 :] for i in range(len(word))]


def _transpositions(word: str) -> list[str]:
    return [word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)]


def _deletion_index(words: Iterable[str]) -> dict[str, str]:
    """Known word with one letter dropped -> the known word (first in sorted order wins)."""
    index: dict[str, str] = {}
    for word in sorted(words):
        if len(word) > _MIN_TYPO_LENGTH:
            for variant in _single_deletes(word):
                index.setdefault(variant, word)
    return index


def build_normaliser(
    *,
    use_shared_lexicon: bool = True,
    use_shared_stopwords: bool = False,
    extra_slang: Mapping[str, str] | None = None,
) -> Normaliser:
    """A normaliser from the built-in lists, plus the shared lexicon/stopwords when present.

    Built-in entries win over the shared lexicon: they were chosen for complaint text, while the
    shared lexicon comes from Instagram comments.
    """
    slang: dict[str, str] = {}
    if use_shared_lexicon:
        slang.update(lexicon.discover_lexicon())
    slang.update(lexicon.BUILTIN_SLANG)
    slang.update(extra_slang or {})
    stopwords = lexicon.BUILTIN_STOPWORDS
    if use_shared_stopwords:
        stopwords = stopwords | lexicon.discover_stopwords()
    return Normaliser(slang=slang, stopwords=stopwords)


def default_normaliser() -> Normaliser:
    """What `Router` uses unless told otherwise: built-in lists only.

    On the Surabaya time split the shared Instagram lexicon and the Tala stopwords changed top-1
    by less than the noise (+-0.5 points), so the default does not depend on files that may be
    absent in a deployment.
    """
    return build_normaliser(use_shared_lexicon=False)
