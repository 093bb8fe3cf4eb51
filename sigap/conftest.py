"""Shared fixtures: the personas of STYLE.md and a small Pemda built through services."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.db import connection

from sigap.agencies.models import Agency, AgencyKind, Pemda, Role, User
from sigap.agencies.services import agency_save, membership_add
from sigap.cases.migrations import _timeline_guard
from sigap.cases.models import Case
from sigap.cases.services import CaseOptions, IncomingMessage, case_create
from sigap.catalog.models import CaseKind, Category, Priority
from sigap.contacts.services import SenderIdentity

SHARED_DATA = Path(settings.SIGAP_SHARED_DATA_DIR)


def shared_data_path(*parts: str) -> Path:
    """A path in ../shared/data, or a loud skip when the data set is absent."""
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"SKIPPED LOUDLY: {path} is absent; this test needs the team's real data.")
    return path


@pytest.fixture(autouse=True)
def _media_in_tmp(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture(autouse=True)
def _fresh_process_caches() -> Iterator[None]:
    """Per-process caches (routers, gazetteers, SLA rules and calendars) are keyed by ids the
    database reuses between tests; each test starts and ends with them empty."""
    from sigap.routing.knowledge import faq_cache_clear
    from sigap.routing.training import router_cache_clear
    from sigap.routing.triage import gazetteer_cache_clear
    from sigap.sla.services import sla_setup_cache_clear

    caches = (router_cache_clear, gazetteer_cache_clear, faq_cache_clear, sla_setup_cache_clear)
    for clear in caches:
        clear()
    yield
    for clear in caches:
        clear()


@pytest.fixture(autouse=True)
def _purge_timeline_after_transactional_tests(request: pytest.FixtureRequest) -> Iterator[None]:
    """The timeline is append-only in the database; the suite's flush between transactional
    tests must still empty it, so this bypasses the guard for that one purge."""
    names = set(request.fixturenames)
    if not names & {"transactional_db", "live_server"}:
        yield
        return
    request.getfixturevalue("transactional_db")
    yield
    _timeline_guard.purge_for_tests(connection)


def _agency(pemda: Pemda, code: str, name: str, kind: str, parent: Agency | None) -> Agency:
    return agency_save(
        agency=Agency(pemda=pemda, code=code, name=name, short_name=name, kind=kind, parent=parent)
    )


def _user(username: str, agency: Agency, role: str, **extra: Any) -> User:
    user = User.objects.create_user(username=username, password="rahasia-uji-123", **extra)
    membership_add(user=user, agency=agency, role=role)
    return user


@pytest.fixture
def pemda(db: None) -> Pemda:
    return Pemda.objects.create(
        code="uji", name="Kabupaten Uji", short_name="Kab. Uji", tracking_prefix="UJI"
    )


@pytest.fixture
def root_agency(pemda: Pemda) -> Agency:
    return _agency(pemda, "uji", "Pemkab Uji", AgencyKind.PEMDA, None)


@pytest.fixture
def agency_a(pemda: Pemda, root_agency: Agency) -> Agency:
    return _agency(pemda, "dputr", "DPUTR", AgencyKind.DINAS, root_agency)


@pytest.fixture
def unit_a(pemda: Pemda, agency_a: Agency) -> Agency:
    return _agency(pemda, "bina-marga", "Bidang Bina Marga", AgencyKind.BIDANG, agency_a)


@pytest.fixture
def agency_b(pemda: Pemda, root_agency: Agency) -> Agency:
    return _agency(pemda, "dinkes", "Dinkes", AgencyKind.DINAS, root_agency)


@pytest.fixture
def external_body(pemda: Pemda, root_agency: Agency) -> Agency:
    return _agency(pemda, "pln", "PLN", AgencyKind.EXTERNAL, root_agency)


@pytest.fixture
def command_center(pemda: Pemda, root_agency: Agency) -> Agency:
    return _agency(pemda, "cc", "Command Center", AgencyKind.COMMAND_CENTER, root_agency)


@pytest.fixture
def coordinator(root_agency: Agency) -> User:
    return _user("koordinator", root_agency, Role.COORDINATOR)


@pytest.fixture
def leader(root_agency: Agency) -> User:
    return _user("bupati", root_agency, Role.LEADER)


@pytest.fixture
def staff_a(agency_a: Agency) -> User:
    return _user("petugas.a", agency_a, Role.AGENCY_OFFICER)


@pytest.fixture
def admin_a(agency_a: Agency) -> User:
    return _user("admin.a", agency_a, Role.AGENCY_ADMIN)


@pytest.fixture
def staff_b(agency_b: Agency) -> User:
    return _user("petugas.b", agency_b, Role.AGENCY_OFFICER)


@pytest.fixture
def operator(command_center: Agency) -> User:
    return _user("operator", command_center, Role.OPERATOR)


@pytest.fixture
def category_a(pemda: Pemda, agency_a: Agency) -> Category:
    return Category.objects.create(
        pemda=pemda,
        code="jalan-rusak",
        name="Jalan rusak",
        group="Infrastruktur",
        kind=CaseKind.COMPLAINT,
        default_agency=agency_a,
        open311_code="jalan-rusak",
    )


@pytest.fixture
def make_case(pemda: Pemda) -> Callable[..., Case]:
    """Create a case through ``case_create``, as a citizen on WhatsApp would."""
    counter = {"n": 0}

    def make(
        text: str = "Jalan berlubang di depan pasar, mohon diperbaiki",
        *,
        sender: str = "6281234567890",
        external_id: str | None = None,
        channel: str = "whatsapp",
        **options: Any,
    ) -> Case:
        counter["n"] += 1
        message = IncomingMessage(
            channel=channel,
            text=text,
            sender=SenderIdentity(external_id=sender, display_name="Siti Rahma", phone=sender),
            external_id=external_id if external_id is not None else f"wamid.T{counter['n']}",
        )
        return case_create(pemda=pemda, message=message, options=CaseOptions(**options)).case

    return make


@pytest.fixture
def case_a(make_case: Callable[..., Case], category_a: Category) -> Case:
    return make_case(category=category_a)


@pytest.fixture
def emergency_case(make_case: Callable[..., Case], agency_b: Agency) -> Case:
    return make_case(
        "Kebakaran rumah di Baleendah sekarang!",
        kind=CaseKind.EMERGENCY,
        priority=Priority.EMERGENCY,
        agency=agency_b,
    )
