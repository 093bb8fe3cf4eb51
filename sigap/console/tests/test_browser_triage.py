"""Triage and walk-in entry in a real headless Chromium (Debian's package, via Playwright)."""

from __future__ import annotations

from typing import Any

import pytest

from sigap.cases.models import Case, CaseStatus
from sigap.console.tests.conftest import login
from sigap.routing.models import TriageResult

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def _fast_passwords(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def test_coordinator_routes_an_unsure_case_to_the_suggested_agency(
    page, live_server, coordinator, make_case, agency_a, agency_b
):
    case = make_case("Jalan desa longsor sebagian, mohon segera ditangani")
    TriageResult.objects.create(
        case=case,
        suggestions=[
            {"label": "dputr", "probability": 0.58, "agency_id": agency_a.pk, "agency": "DPUTR"},
            {"label": "dinkes", "probability": 0.2, "agency_id": agency_b.pk, "agency": "Dinkes"},
        ],
        confidence=0.58,
        needs_review=True,
    )
    login(page, live_server.url, "koordinator")
    page.wait_for_url("**/konsol/")
    page.goto(f"{live_server.url}/konsol/triase/")
    item = page.locator(f"#triase-{case.tracking_number}")
    assert "belum dirutekan" in item.inner_text()
    item.get_by_role("button", name="Teruskan ke DPUTR (58%)").click()
    done = page.locator(".triage-done")
    done.wait_for()
    assert "diverifikasi dan diteruskan ke DPUTR" in done.inner_text()
    case.refresh_from_db()
    assert case.agency == agency_a and case.status == CaseStatus.VERIFIED


def test_walkin_entry_creates_a_case(page, live_server, staff_a, category_a):
    login(page, live_server.url, "petugas.a")
    page.wait_for_url("**/konsol/")
    page.goto(f"{live_server.url}/konsol/laporan-baru/")
    page.select_option("#id_channel", "phone")
    page.fill("#id_reporter_name", "Pak Asep")
    page.fill("#id_reporter_phone", "0812 9876 5432")
    page.fill("#id_description", "Saluran air di depan SD tersumbat sampah sejak seminggu.")
    page.select_option("#id_category", str(category_a.pk))
    page.click("button[type=submit].primary")
    page.wait_for_url("**/konsol/laporan/*/")
    case = Case.objects.get()
    assert case.tracking_number in page.url
    assert f"Laporan {case.tracking_number} tercatat." in page.locator("main").inner_text()
    assert case.channel == "phone" and case.agency == staff_a.memberships.get().agency
    assert case.contact.phone == "6281298765432"
