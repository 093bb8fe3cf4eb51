"""Answer common questions from each Pemda's knowledge articles (the FAQ index, cached)."""

from __future__ import annotations

import time

from django.db.models import Count, Max, QuerySet

from sigap.agencies.models import Pemda
from sigap.routing.faq import Article, FaqIndex
from sigap.routing.models import KnowledgeArticle

# None is cached too: a Pemda without articles must not cost two queries per message.
_indexes: dict[int, tuple[tuple[object, ...], float, FaqIndex | None]] = {}
RECHECK_SECONDS = 30.0


def _articles(pemda: Pemda) -> QuerySet[KnowledgeArticle]:
    return KnowledgeArticle.objects.filter(agency__pemda=pemda, is_active=True)


def faq_index_for(pemda: Pemda) -> FaqIndex | None:
    """Rebuilt when an article changes (count or last edit), checked every RECHECK_SECONDS."""
    cached = _indexes.get(pemda.pk)
    now = time.monotonic()
    if cached is not None and now - cached[1] < RECHECK_SECONDS:
        return cached[2]
    stamp = tuple(_articles(pemda).aggregate(n=Count("id"), last=Max("updated_at")).values())
    if cached is not None and cached[0] == stamp:
        _indexes[pemda.pk] = (stamp, now, cached[2])
        return cached[2]
    rows = [
        Article(a.pk, [a.title, *a.questions], a.answer)
        for a in _articles(pemda).only("pk", "title", "questions", "answer")
    ]
    index = FaqIndex.build(rows) if rows else None
    _indexes[pemda.pk] = (stamp, now, index)
    return index


def faq_answer(pemda: Pemda, text: str) -> KnowledgeArticle | None:
    index = faq_index_for(pemda)
    match = index.match(text) if index is not None else None
    if match is None:
        return None
    return KnowledgeArticle.objects.filter(pk=match.article_id, is_active=True).first()


def faq_cache_clear() -> None:
    _indexes.clear()
