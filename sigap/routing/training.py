"""Training data and versioned models: import past complaints, train, activate, load cached."""

from __future__ import annotations

import csv
import logging
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from sigap.agencies.models import Agency, Pemda
from sigap.catalog.models import Category
from sigap.core.errors import DomainError
from sigap.routing.engine import AREA_OFFICE, Router, collapse_area_office
from sigap.routing.models import ExampleSource, RoutingExample, RoutingModel

logger = logging.getLogger(__name__)

MIN_EXAMPLES_PER_LABEL = 3


@dataclass
class ImportResult:
    imported: int = 0
    skipped: int = 0
    unmapped: Counter[str] = field(default_factory=Counter)


def _agency_codes(pemda: Pemda) -> dict[str, str]:
    """Lower-cased code, short name and name of every agency → its code."""
    index: dict[str, str] = {}
    for agency in Agency.objects.filter(pemda=pemda, is_active=True):
        for key in (agency.code, agency.short_name, agency.name):
            index.setdefault(key.strip().lower(), agency.code)
    return index


def _label_for(raw: str, mapping: dict[str, str], agencies: dict[str, str]) -> str | None:
    if collapse_area_office(raw) == AREA_OFFICE:
        return AREA_OFFICE
    mapped = mapping.get(raw) or mapping.get(raw.strip().lower())
    return agencies.get((mapped or raw).strip().lower())


@transaction.atomic
def routing_history_import(
    *, pemda: Pemda, path: Path, mapping: dict[str, str] | None = None
) -> ImportResult:
    """Past complaints (`text,label[,kecamatan,kelurahan,date]`) become training examples.

    Labels are agency codes, names or short names (or mapped by ``mapping``); kelurahan and
    kecamatan offices collapse to area-office work. Unknown labels are counted, not guessed.
    """
    result = ImportResult()
    agencies = _agency_codes(pemda)
    rows = []
    for row in _read_rows(path):
        text, raw_label = (row.get("text") or "").strip(), (row.get("label") or "").strip()
        label = _label_for(raw_label, mapping or {}, agencies) if raw_label else None
        if not text or label is None:
            result.skipped += 1
            if raw_label and label is None:
                result.unmapped[raw_label] += 1
            continue
        rows.append(
            RoutingExample(
                pemda=pemda, text=text, label=label, source=ExampleSource.HISTORY,
                occurred_at=_date(row.get("date") or ""),
            )
        )  # fmt: skip
    RoutingExample.objects.bulk_create(rows, batch_size=1000)
    result.imported = len(rows)
    return result


def _read_rows(path: Path) -> list[dict[str, str]]:
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            if not reader.fieldnames or not {"text", "label"} <= set(reader.fieldnames):
                raise DomainError(_("Berkas riwayat harus punya kolom 'text' dan 'label'."))
            return list(reader)
    except (OSError, UnicodeDecodeError) as exc:
        raise DomainError(_("Berkas riwayat tidak dapat dibaca: %(err)s") % {"err": exc}) from exc


def _date(value: str) -> datetime | None:
    try:
        return datetime.fromisoformat(value.strip()) if value.strip() else None
    except ValueError:
        return None


def training_set(pemda: Pemda) -> tuple[list[str], list[str]]:
    """History and staff decisions, plus the catalog's example texts for a cold start."""
    texts, labels = [], []
    for text, label in RoutingExample.objects.filter(pemda=pemda).values_list("text", "label"):
        texts.append(text)
        labels.append(label)
    categories = Category.objects.filter(pemda=pemda, is_active=True, default_agency__isnull=False)
    for category in categories.select_related("default_agency"):
        assert category.default_agency is not None
        for example in category.examples:
            texts.append(str(example))
            labels.append(category.default_agency.code)
    counts = Counter(labels)
    keep = [i for i, label in enumerate(labels) if counts[label] >= MIN_EXAMPLES_PER_LABEL]
    return [texts[i] for i in keep], [labels[i] for i in keep]


def routing_train(*, pemda: Pemda) -> RoutingModel:
    """Train a new version on everything known and make it the active one."""
    texts, labels = training_set(pemda)
    if len(set(labels)) < 2:
        raise DomainError(_("Belum cukup contoh untuk melatih perutean (minimal dua instansi)."))
    started = time.monotonic()
    router = Router().fit(texts, labels)
    metrics = {**router.metrics, "train_seconds": round(time.monotonic() - started, 2)}
    with transaction.atomic():
        version = (
            RoutingModel.objects.filter(pemda=pemda).aggregate(v=Max("version"))["v"] or 0
        ) + 1
        RoutingModel.objects.filter(pemda=pemda, is_active=True).update(is_active=False)
        model = RoutingModel.objects.create(
            pemda=pemda, version=version, n_examples=len(texts), labels=sorted(set(labels)),
            metrics=metrics, threshold=router.threshold, blob=router.to_bytes(), is_active=True,
        )  # fmt: skip
    logger.info("routing model v%s trained on %s examples for %s", version, len(texts), pemda)
    return model


@dataclass(frozen=True)
class LoadedRouter:
    router: Router
    version: int
    threshold: float  # the stored row's value: administrators may tune it without retraining


_routers: dict[int, LoadedRouter] = {}
_checked: dict[int, float] = {}
_lock = threading.Lock()
RECHECK_SECONDS = 30.0


def router_for(pemda: Pemda) -> LoadedRouter | None:
    """The active router of a Pemda; a newly activated version (or an edited threshold) is
    picked up within RECHECK_SECONDS by every process, without a restart."""
    now = time.monotonic()
    cached = _routers.get(pemda.pk)
    if cached is not None and now - _checked.get(pemda.pk, 0) < RECHECK_SECONDS:
        return cached
    active = (
        RoutingModel.objects.filter(pemda=pemda, is_active=True)
        .values("pk", "version", "threshold")
        .first()
    )
    _checked[pemda.pk] = now
    if active is None:
        return None
    if cached is not None and cached.version == active["version"]:
        loaded = LoadedRouter(cached.router, cached.version, active["threshold"])
    else:
        blob = RoutingModel.objects.values_list("blob", flat=True).get(pk=active["pk"])
        loaded = LoadedRouter(
            Router.from_bytes(bytes(blob)), active["version"], active["threshold"]
        )
    with _lock:
        _routers[pemda.pk] = loaded
    return loaded


def router_cache_clear() -> None:
    _routers.clear()
    _checked.clear()
