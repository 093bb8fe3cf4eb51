from __future__ import annotations

from django.utils import timezone

from sigap.core.models import Heartbeat


def heartbeat_record(*, name: str, detail: str = "") -> None:
    Heartbeat.objects.update_or_create(
        name=name, defaults={"beat_at": timezone.now(), "detail": detail[:200]}
    )
