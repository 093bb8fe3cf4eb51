"""Two main flows in a real Chromium: an escalation reaches the officer, a citizen rates."""

from __future__ import annotations

from datetime import timedelta

import pytest

from sigap.cases.models import Case, CaseStatus
from sigap.cases.services import case_assign, case_resolve
from sigap.console.tests.conftest import login
from sigap.sla.models import NotificationKind, SlaNotification
from sigap.sla.services import sla_sweep

pytestmark = pytest.mark.browser


def test_escalation_fires_and_the_officer_sees_it(
    page, live_server, make_case, category_a, staff_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # the SLA clocks are set on commit
        case = make_case("Saluran air tersumbat di Rancaekek", category=category_a)
        case_assign(case=case, assignee=staff_a, actor=staff_a)
    case.refresh_from_db()
    assert case.first_response_due_at is not None
    # Nobody answered: the sweeper warns just before the deadline, escalates just after it.
    for minutes in (-1, 1):
        with django_capture_on_commit_callbacks(execute=True):
            sla_sweep(now=case.first_response_due_at + timedelta(minutes=minutes))
    assert SlaNotification.objects.filter(
        recipient=staff_a, case=case, kind=NotificationKind.WARNING
    ).exists()
    escalation = SlaNotification.objects.filter(
        recipient=staff_a, case=case, kind=NotificationKind.ESCALATION
    ).first()
    assert escalation is not None

    login(page, live_server.url, "petugas.a")
    page.wait_for_url("**/konsol/")
    page.wait_for_selector("#notifications-badge .notif-badge-count")
    assert int(page.locator("#notifications-badge .notif-badge-count").inner_text()) >= 1
    page.goto(f"{live_server.url}/konsol/notifikasi/")
    item = page.locator(f"#notif-{escalation.pk}")
    assert case.tracking_number in item.inner_text()
    item.locator("a").first.click()
    page.wait_for_url(f"**/konsol/laporan/{case.tracking_number}/")


def test_citizen_rates_on_the_status_page(page, live_server, case_a, staff_a):
    case_assign(case=case_a, assignee=staff_a, actor=staff_a)
    case_resolve(case=case_a, actor=staff_a, resolution="Lubang sudah ditambal.")
    page.goto(f"{live_server.url}/lacak/{case_a.citizen_token}/")
    page.locator("#rating input[name=rating][value='5']").check()
    page.fill("#rating textarea[name=comment]", "Cepat sekali, terima kasih")
    page.click("#rating button[type=submit]")
    page.wait_for_selector("text=Terima kasih atas penilaian Anda.")
    assert "Anda memberi nilai 5/5" in page.locator("main").inner_text()
    case = Case.objects.get(pk=case_a.pk)
    assert (case.rating, case.status) == (5, CaseStatus.RESOLVED)
