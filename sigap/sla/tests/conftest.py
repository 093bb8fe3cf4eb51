"""SLA fixtures: a frozen clock, hooks that really run after commit, and LAPOR! policies."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from sigap.agencies.models import Pemda
from sigap.cases.models import Case
from sigap.cases.services import CaseOptions, IncomingMessage, case_create
from sigap.catalog.models import Category, Priority
from sigap.contacts.services import SenderIdentity
from sigap.sla.models import SlaPolicy, SlaRule

JAKARTA = ZoneInfo("Asia/Jakarta")


def wib(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=JAKARTA)


@pytest.fixture(autouse=True)
def _fast_passwords(settings: Any) -> None:
    """The personas' argon2 hashes cost seconds per test and prove nothing about clocks."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@dataclass
class FrozenClock:
    now: datetime

    def set(self, moment: datetime) -> datetime:
        self.now = moment.astimezone(UTC)
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> FrozenClock:
    """``timezone.now()`` for every service, moved by hand."""
    frozen = FrozenClock(wib(2025, 11, 17, 9, 0).astimezone(UTC))
    monkeypatch.setattr(timezone, "now", lambda: frozen.now)
    return frozen


@pytest.fixture
def committed(
    django_capture_on_commit_callbacks: Any,
) -> Callable[[], AbstractContextManager[Any]]:
    """Run the after-commit hooks (the SLA recompute) of the writes inside the block."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def standard(db: None) -> SlaPolicy:
    return SlaPolicy.objects.create(code="standar", name="Standar LAPOR!")


@pytest.fixture
def emergency_policy(db: None) -> SlaPolicy:
    return SlaPolicy.objects.create(
        code="darurat",
        name="Darurat",
        first_response_minutes=5,
        verification_days=0,
        followup_days=1,
        resolution_days=3,
    )


@pytest.fixture
def supervision(db: None) -> SlaPolicy:
    return SlaPolicy.objects.create(code="pengawasan", name="Pengawasan", resolution_days=60)


@pytest.fixture
def lapor(
    pemda: Pemda, category_a: Category, standard: SlaPolicy, emergency_policy: SlaPolicy
) -> Category:
    """category_a under the standard policy; every emergency under the emergency policy."""
    category_a.sla_policy = standard
    category_a.save(update_fields=["sla_policy"])
    SlaRule.objects.create(pemda=pemda, priority=Priority.EMERGENCY, policy=emergency_policy)
    return category_a


@pytest.fixture
def receive(
    pemda: Pemda, clock: FrozenClock, committed: Callable[[], AbstractContextManager[Any]]
) -> Iterator[Callable[..., Case]]:
    """A citizen's WhatsApp message at ``at`` becomes a case, hooks included."""
    counter = {"n": 0}

    def make(at: datetime, text: str = "Jalan berlubang di depan pasar", **options: Any) -> Case:
        counter["n"] += 1
        clock.set(at)
        message = IncomingMessage(
            channel="whatsapp",
            text=text,
            sender=SenderIdentity(external_id=f"62812000{counter['n']:04d}", phone="62812"),
            external_id=f"wamid.SLA{counter['n']}",
            received_at=clock.now,
        )
        with committed():
            case = case_create(pemda=pemda, message=message, options=CaseOptions(**options)).case
        case.refresh_from_db()
        return case

    yield make
