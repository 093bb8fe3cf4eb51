"""An officer sees their unread count and reads a notification in a real Chromium."""

from __future__ import annotations

import pytest
from django.utils import timezone

from sigap.console.tests.conftest import login
from sigap.sla.models import NotificationKind, SlaNotification

pytestmark = pytest.mark.browser


def test_officer_sees_the_badge_and_reads_a_notification(page, live_server, case_a, staff_a):
    for text, kind in (
        ("Laporan hampir melewati batas respons pertama.", NotificationKind.WARNING),
        ("Eskalasi level 1 ke petugas penanggung jawab.", NotificationKind.ESCALATION),
    ):
        SlaNotification.objects.create(
            recipient=staff_a, case=case_a, kind=kind, text=text, created_at=timezone.now()
        )
    first = SlaNotification.objects.get(kind=NotificationKind.WARNING)
    login(page, live_server.url, "petugas.a")
    page.wait_for_url("**/konsol/")
    page.goto(f"{live_server.url}/konsol/notifikasi/")
    badge = page.locator("#notif-page-badge .notif-badge-count")
    assert badge.inner_text() == "2"
    item = page.locator(f"#notif-{first.pk}")
    assert "hampir melewati batas" in item.inner_text()
    assert "unread" in (item.get_attribute("class") or "")
    item.get_by_role("button", name="Tandai dibaca").click()
    page.wait_for_function(
        "document.querySelector('#notif-page-badge .notif-badge-count')?.textContent === '1'"
    )
    # The item is swapped in place: no longer unread, no button, marked read.
    page.wait_for_selector(f"#notif-{first.pk}:not(.unread) .notif-done")
    assert "Dibaca" in page.locator(f"#notif-{first.pk}").inner_text()
    first.refresh_from_db()
    assert first.read_at is not None
    # The case link leads to the case.
    page.locator(f"#notif-{first.pk} a").first.click()
    page.wait_for_url(f"**/konsol/laporan/{case_a.tracking_number}/")
