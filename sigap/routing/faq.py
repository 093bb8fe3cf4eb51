"""Common questions answered from the knowledge base, only when the message is such a question.

Two gates, both must pass, and `match` returns None whenever it is unsure:

1. `is_question`: the message asks something (question mark, interrogative words in Indonesian,
   Sundanese or Javanese, "mau tanya", "punten bade naros", "nyuwun pirsa", a trailing "ga?"),
   carries no complaint cue ("!", "sudah 3 bulan", "pelayanan lambat", "dipersulit", "katanya
   gratis"...) and is at most 40 words long. "KTP saya belum jadi 3 bulan, pelayanan lambat!"
   is a complaint about KTP, not the KTP question: it must reach a person.
2. Similarity to the article's question variants is at least `threshold` and clearly ahead of the
   next article. Similarity is TF-IDF cosine, half over words (content words and word pairs, with
   question words down-weighted so "syarat bikin SIM apa aja" does not ride on "syarat bikin KTP
   apa aja") and half over character 3-5-grams of content words (typos, affixes, "ktp"/"ktpnya").

`DEFAULT_THRESHOLD` is `calibrate(index, LABELLED, min_precision=1.0)` on the 83 labelled
messages of `sigap/routing/tests/test_faq.py` (questions the demo knowledge base answers,
questions it does not, complaints on the same topics): precision 1.00, recall 0.96 there; fitted
on either half, it held at precision 0.92-1.00, recall 0.96 on the other half. On real
complaints it stays quiet: 2 answers in 8,280 Surabaya complaints (several complaint cues were
added after reading that set, so it is not held out) and 2 in 815 Purbalingga complaints (held
out), all four on the right article. A new knowledge base deserves its own labelled set.
`bench/triage_text.py` prints the figures.
Pure Python, no Django: the caller passes plain `Article` rows.
"""

from __future__ import annotations

import itertools
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from sigap.routing.engine.normalise import Normaliser

DEFAULT_THRESHOLD = 0.41
# Two articles this close are a coin toss: ask a person instead.
MIN_MARGIN = 0.05
UNSEEN_CHAR_SCALE = 0.5
GENERIC_WORD_WEIGHT = 0.4
# A longer message tells a story (a complaint, a request): a person should read it.
MAX_QUESTION_WORDS = 40
_CHAR_NGRAMS = (3, 4, 5)

_TOKEN = re.compile(r"[a-z0-9]+")
_REDUPLICATION = re.compile(r"\b([a-z]{2,})2\b")
# Regional and chat spellings the shared slang list lacks; the shared list wins where both have one.
_EXTRA_SLANG = {
    "pripun": "bagaimana", "pinten": "berapa", "sabaraha": "berapa", "piro": "berapa",
    "pundi": "mana", "ngendi": "mana", "kamana": "kemana", "timana": "dimana", "sinten": "siapa",
    "dmn": "dimana", "kmn": "kemana", "brp": "berapa", "mengapa": "kenapa", "ngadamel": "buat",
    "damel": "buat", "nyandak": "bawa", "tos": "sudah", "bukak": "buka", "ilang": "hilang",
    "nelpon": "telepon", "telpon": "telepon", "nyampe": "sampai", "deui": "lagi",
    "naros": "tanya", "nanya": "tanya", "bertanya": "tanya", "ngecek": "cek", "mengecek": "cek",
    "dapet": "dapat", "gimana": "bagaimana", "bikin": "buat", "membuat": "buat",
}  # fmt: skip
_SLANG = {**_EXTRA_SLANG, **Normaliser().slang}


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


INTERROGATIVES = _words(
    "apa apakah bagaimana berapa kapan dimana kemana mana siapa kenapa bisakah bolehkah adakah "
    "berapakah kapankah dimanakah bagaimanakah"
)
# Words that ask only when they open the message: "syarat bikin KTP apa" asks, "syaratnya
# terlalu banyak" complains; "ada pohon tumbang" reports, so "ada" is not among them.
_OPENERS = _words("bisa boleh apakah syarat syaratnya cara caranya")
_OPENING_WORDS = 3
_TAG_ENDINGS = _words("tidak belum kah")
_ASK_PHRASES = (
    "mau tanya", "mau nanya", "ingin bertanya", "numpang tanya", "tanya dong", "nanya",
    "bertanya", "bade naros", "nyuwun pirsa", "mohon info", "minta info", "info dong",
)  # fmt: skip
# Complaint cues. A grievance, a demand for action, a waiting time ("sudah lama", "belum
# terbit"; not "sampai kapan", which also asks how long a KTP is valid) or a broken service
# ("tidak bisa dibuka") turns a question-shaped message into a complaint. Words and word pairs
# are looked up on raw tokens (fast, exact). Several came from reading what the matcher answered
# on real Surabaya complaints.
_COMPLAINT_WORDS = _words(
    "kecewa mengecewakan parah payah pungli dipersulit ribet kesal kesel marah ditindak "
    "ditindaklanjuti dievakuasi komplain mengeluh ditolak dirugikan berbulan padahal dimintai "
    "ditahan lelet lemot kok koq mosok tolonglah segera"
)
_COMPLAINT_PAIRS = frozenset(
    [
        *((no, what) for no in ("belum", "blm", "blum") for what in (
            "jadi", "dilayani", "ditanggapi", "dibayar", "datang", "dibetulkan", "diperbaiki",
            "cair", "selesai", "ada", "terbit", "diproses", "saja", "juga")),
        *((no, what) for no in ("tidak", "tdk", "gak", "ga", "gk", "g", "nggak", "ngga")
          for what in ("ditanggapi", "dilayani", "diangkat", "direspon", "dibalas", "terbit",
                       "bisa", "bs")),
        *((already, "lama") for already in ("sudah", "udah", "sdh", "udh", "terlalu")),
        *((how, this) for how in ("gimana", "gmn", "bagaimana", "kumaha")
          for this in ("ini", "sih")),
        *(("mohon", what) for what in ("segera", "ditindak", "ditindaklanjuti")),
        *(("tolong", what) for what in ("segera", "ditindak", "diperbaiki", "ditertibkan")),
        ("pelayanan", "lambat"), ("sangat", "lambat"), ("lambat", "sekali"), ("lambat", "banget"),
        ("katanya", "gratis"), ("minta", "uang"), ("bolak", "balik"),
    ]
)  # fmt: skip
# "sudah 3 bulan": years count only up to five, "anak saya sudah 17 tahun" is an age, not a wait.
_WAITED = re.compile(
    r"\b(?:sudah|udah|udh|sdh|tos)\s+(?:\d+\s*(?:hari|minggu|bulan|bln|jam)|[1-5]\s*(?:tahun|thn))"
)
_STOPWORDS = _words(
    "saya aku kami kita yang di ke dari ini itu ya sih dong deh nya admin kak pak bu ibu bapak "
    "mau tanya permisi punten mohon info tolong min gan om mas mbak bade nih lah kah atau dan "
    "dengan untuk buat sama juga saja aja kalau kalo klo apa ada"
)
# Words that say what kind of question or where, not which topic: every article's questions
# share them, so they count at `GENERIC_WORD_WEIGHT` ("kapan jalan depan rumah diperbaiki" must
# not ride on "pohon depan rumah mau roboh gimana").
_GENERIC_WORDS = INTERROGATIVES | _words(
    "tidak belum sudah bisa boleh bayar biaya harus perlu dimana lewat cara caranya syarat "
    "syaratnya depan belakang samping dekat rumah jalan sekitar daftar mendaftar urus mengurus "
    "cek ganti"
)


class Article(NamedTuple):
    id: str | int
    questions: list[str]
    answer: str


class FaqMatch(NamedTuple):
    article_id: str | int
    score: float
    question: str


def normalised_words(text: str) -> list[str]:
    """Lower-case words with chat, Sundanese and Javanese spellings mapped to Indonesian."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = _REDUPLICATION.sub(r"\1 \1", text)
    words: list[str] = []
    for token in _TOKEN.findall(text):
        words.extend(_SLANG.get(token, token).split())
    return words


def is_question(text: str) -> bool:
    """The message asks something and does not complain (see the module docstring)."""
    lowered = unicodedata.normalize("NFKC", text).lower()
    raw = _TOKEN.findall(lowered)
    if len(raw) > MAX_QUESTION_WORDS or _complains(lowered, raw):
        return False
    if "?" in text or any(phrase in lowered for phrase in _ASK_PHRASES):
        return True
    words = normalised_words(text)
    if not words:
        return False
    return (
        any(word in INTERROGATIVES for word in words)
        or any(word in _OPENERS for word in words[:_OPENING_WORDS])
        or words[-1] in _TAG_ENDINGS
    )


def _complains(lowered: str, raw: list[str]) -> bool:
    return (
        "!" in lowered
        or not _COMPLAINT_WORDS.isdisjoint(raw)
        or any(pair in _COMPLAINT_PAIRS for pair in itertools.pairwise(raw))
        or _WAITED.search(lowered) is not None
    )


@dataclass(frozen=True, slots=True)
class _Doc:
    article_id: str | int
    question: str
    words: dict[str, float]
    chars: dict[str, float]


def _features(text: str) -> tuple[dict[str, int], dict[str, int]]:
    """Word features (content words, their pairs, down-weighted question words) and char n-grams."""
    words = [_stem(word) for word in normalised_words(text) if word not in _STOPWORDS]
    content = [word for word in words if word not in _GENERIC_WORDS]
    word_counts: dict[str, int] = {}
    features = [*content, *(f"{a}_{b}" for a, b in itertools.pairwise(content))]
    features += [f"?{word}" for word in words if word in _GENERIC_WORDS]
    for feature in features:
        word_counts[feature] = word_counts.get(feature, 0) + 1
    char_counts: dict[str, int] = {}
    for word in content:
        for gram in _char_ngrams(word):
            char_counts[gram] = char_counts.get(gram, 0) + 1
    return word_counts, char_counts


@lru_cache(maxsize=32768)
def _char_ngrams(word: str) -> tuple[str, ...]:
    """Character 3-5-grams of one word with boundary marks (cached: words repeat)."""
    padded = f"<{word}>"
    return tuple(
        padded[i : i + size] for size in _CHAR_NGRAMS for i in range(len(padded) - size + 1)
    )


def _stem(word: str) -> str:
    """Drop the possessive "-nya" ("syaratnya", "ktpnya"): the rest is left to char n-grams."""
    return word[:-3] if word.endswith("nya") and len(word) > 5 else word


def _weigh(counts: dict[str, int], idf: dict[str, float], unseen: float) -> dict[str, float]:
    """Sublinear TF x IDF, L2-normalised. A feature the knowledge base never uses weighs
    `unseen` (the rarest IDF) in the norm: it cannot add to a dot product, but it must lower the
    cosine, or "kenapa saya tidak masuk kategori MBR" would match "ga masuk RDKK gimana" on
    "masuk" alone. Only known features are returned."""
    weights = {}
    norm_square = 0.0
    for feature, count in counts.items():
        scale = GENERIC_WORD_WEIGHT if feature.startswith("?") else 1.0
        weight = (1.0 + math.log(count)) * idf.get(feature, unseen) * scale
        norm_square += weight * weight
        if feature in idf:
            weights[feature] = weight
    norm = math.sqrt(norm_square) or 1.0
    return {feature: weight / norm for feature, weight in weights.items()}


def _idf(documents: Sequence[dict[str, int]]) -> dict[str, float]:
    frequency: Counter[str] = Counter()
    for document in documents:
        frequency.update(document.keys())
    total = len(documents)
    return {f: math.log((1 + total) / (1 + df)) + 1.0 for f, df in frequency.items()}


class FaqIndex:
    """TF-IDF index of the knowledge base's question variants; see the module docstring."""

    def __init__(
        self,
        docs: list[_Doc],
        idf: tuple[dict[str, float], dict[str, float]],
        threshold: float,
    ) -> None:
        self.threshold = threshold
        self._docs = docs
        self._idf_words, self._idf_chars = idf
        self._unseen_word = max(self._idf_words.values(), default=1.0)
        self._unseen_char = UNSEEN_CHAR_SCALE * max(self._idf_chars.values(), default=1.0)
        # Inverted lists make a query cost its own features, not the size of the knowledge base.
        self._words = _postings([doc.words for doc in docs])
        self._chars = _postings([doc.chars for doc in docs])

    @classmethod
    def build(
        cls, articles: Iterable[Article], *, threshold: float = DEFAULT_THRESHOLD
    ) -> FaqIndex:
        pairs = [(a.id, q) for a in articles for q in dict.fromkeys(a.questions) if q.strip()]
        features = [_features(question) for _, question in pairs]
        idf_words = _idf([words for words, _ in features])
        idf_chars = _idf([chars for _, chars in features])
        docs = [
            _Doc(article_id, question, _weigh(words, idf_words, 0.0), _weigh(chars, idf_chars, 0.0))
            for (article_id, question), (words, chars) in zip(pairs, features, strict=True)
        ]
        return cls(docs, (idf_words, idf_chars), threshold)

    def match(self, text: str) -> FaqMatch | None:
        """The article answering `text`, or None unless it is a question matched with confidence."""
        if not is_question(text):
            return None
        ranked = self.rank(text, k=2)
        if not ranked or ranked[0].score < self.threshold:
            return None
        if len(ranked) > 1 and ranked[0].score - ranked[1].score < MIN_MARGIN:
            return None
        return ranked[0]

    def rank(self, text: str, k: int = 3) -> list[FaqMatch]:
        """Best question variant of the `k` most similar articles, without the gates of `match`
        (for calibration and for suggestions shown to staff)."""
        words, chars = _features(text)
        scores: dict[int, float] = {}
        _accumulate(scores, self._words, _weigh(words, self._idf_words, self._unseen_word), 0.5)
        # Unseen character n-grams count less: every new word brings a dozen of them.
        _accumulate(scores, self._chars, _weigh(chars, self._idf_chars, self._unseen_char), 0.5)
        best: dict[str | int, FaqMatch] = {}
        for doc_index, score in sorted(scores.items(), key=lambda item: -item[1]):
            doc = self._docs[doc_index]
            if doc.article_id not in best:
                best[doc.article_id] = FaqMatch(doc.article_id, round(score, 4), doc.question)
                if len(best) == k:
                    break
        return list(best.values())


def _postings(vectors: list[dict[str, float]]) -> dict[str, list[tuple[int, float]]]:
    postings: dict[str, list[tuple[int, float]]] = {}
    for index, vector in enumerate(vectors):
        for feature, weight in vector.items():
            postings.setdefault(feature, []).append((index, weight))
    return postings


def _accumulate(
    scores: dict[int, float],
    postings: dict[str, list[tuple[int, float]]],
    query: dict[str, float],
    scale: float,
) -> None:
    """Add `scale` x the dot product of `query` with every indexed document to `scores`."""
    get = scores.get
    for feature, weight in query.items():
        scaled = scale * weight
        for doc, doc_weight in postings[feature]:
            scores[doc] = get(doc, 0.0) + scaled * doc_weight


# --- calibration -------------------------------------------------------------------------

_GRID = tuple(step / 100 for step in range(20, 91))


@dataclass(frozen=True, slots=True)
class Calibration:
    """Precision and recall of `match` at one threshold on a labelled set.

    Precision: answered messages given the right article. Recall: messages that should be
    answered (label not None) that were given the right article.
    """

    threshold: float
    precision: float
    recall: float
    answered: int
    correct: int
    expected: int


class _Outcome(NamedTuple):
    label: str | int | None
    best: FaqMatch | None  # None when not a question or no article is clearly ahead


def _outcomes(index: FaqIndex, labelled: Sequence[tuple[str, str | int | None]]) -> list[_Outcome]:
    """What `match` would see for each message, computed once for every threshold."""
    outcomes = []
    for text, label in labelled:
        ranked = index.rank(text, k=2) if is_question(text) else []
        clear = len(ranked) == 1 or (
            len(ranked) > 1 and ranked[0].score - ranked[1].score >= MIN_MARGIN
        )
        outcomes.append(_Outcome(label, ranked[0] if clear else None))
    return outcomes


def _evaluate(outcomes: Sequence[_Outcome], threshold: float) -> Calibration:
    answered = [o for o in outcomes if o.best is not None and o.best.score >= threshold]
    correct = sum(o.best is not None and o.best.article_id == o.label for o in answered)
    expected = sum(o.label is not None for o in outcomes)
    precision = correct / len(answered) if answered else 1.0
    recall = correct / expected if expected else 0.0
    return Calibration(threshold, precision, recall, len(answered), correct, expected)


def evaluate_at(
    index: FaqIndex, labelled: Sequence[tuple[str, str | int | None]], threshold: float
) -> Calibration:
    """Precision and recall of `match` on `labelled` if the index used `threshold`."""
    return _evaluate(_outcomes(index, labelled), threshold)


def calibrate(
    index: FaqIndex,
    labelled: Sequence[tuple[str, str | int | None]],
    *,
    min_precision: float = 0.95,
    grid: Iterable[float] = _GRID,
) -> Calibration:
    """The threshold with the highest recall among those reaching `min_precision` on `labelled`;
    of equal recalls the highest threshold, which leaves the most margin against wrong answers."""
    outcomes = _outcomes(index, labelled)
    results = [_evaluate(outcomes, threshold) for threshold in grid]
    good = [r for r in results if r.precision >= min_precision and r.answered]
    if not good:
        return max(results, key=lambda r: (r.precision, r.threshold))
    return max(good, key=lambda r: (r.recall, r.threshold))
