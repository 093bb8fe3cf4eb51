"""The inbox on a standby officer's phone (390×844) in a real headless Chromium: cases first,
nothing wider than the screen, filters and bulk actions folded but working; the desktop
layout unchanged."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from sigap.cases.models import Case, CaseEvent, CaseStatus, EventKind
from sigap.cases.services import case_assign, case_transition
from sigap.catalog.models import Priority
from sigap.console.tests.conftest import login

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
# Citizens paste map links: one long word that a careless layout lets widen the page.
MAP_LINK = "https://maps.google.com/?q=-7.0234567891,107.5312345678&entry=ttu&g_ep=EgoyMDI2MTEyOQ"


@pytest.fixture
def phone(browser: Any) -> Iterator[Any]:
    context = browser.new_context(locale="id-ID", viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def evening(make_case, category_a, staff_a) -> dict[str, Case]:
    """An officer's evening queue: long citizen texts, a long name, one case months overdue."""
    staff_a.full_name = "Raden Ayu Sekar Kusumawardhani"
    staff_a.save(update_fields=["full_name"])
    overdue = make_case(
        "Jembatan gantung di Kampung Cibodas ambles sebelah, warga takut menyeberang, "
        "mohon segera ditinjau sebelum musim hujan",
        category=category_a,
        priority=Priority.HIGH,
        sender="6281200000001",
    )
    Case.objects.filter(pk=overdue.pk).update(
        first_response_due_at=timezone.now() - timedelta(days=160)
    )
    working = case_assign(
        case=make_case(
            f"Lampu penerangan jalan mati sepanjang 300 meter, lokasi {MAP_LINK}",
            category=category_a,
            sender="6281200000002",
        ),
        assignee=staff_a,
        actor=staff_a,
    )
    for status in (CaseStatus.VERIFIED, CaseStatus.IN_PROGRESS):
        working = case_transition(case=working, to_status=status, actor=staff_a)
    fresh = make_case(
        "Saluran air tersumbat sampah di depan Pasar Soreang, air meluap ke jalan",
        category=category_a,
        sender="6281200000003",
    )
    return {"overdue": overdue, "working": working, "fresh": fresh}


def overflow(page: Any) -> int:
    """How far the document is wider than the phone (a phone's layout viewport widens with
    the content, so compare with the configured width, not ``innerWidth``)."""
    return page.evaluate("document.documentElement.scrollWidth") - page.viewport_size["width"]


def listed(page: Any) -> set[str]:
    numbers = page.eval_on_selector_all(
        "#inbox-results tr.inbox-row", "rows => rows.map(row => row.dataset.case)"
    )
    return set(numbers)


def within_screen(page: Any, selector: str) -> bool:
    """The element is on the first screen as it stands, without scrolling."""
    box = page.locator(selector).first.bounding_box()
    if box is None:
        return False
    screen = page.viewport_size
    horizontally = box["x"] >= 0 and box["x"] + box["width"] <= screen["width"]
    return horizontally and box["y"] >= 0 and box["y"] + box["height"] <= screen["height"]


def test_phone_inbox_shows_cases_first_and_nothing_wider_than_the_screen(
    phone, live_server, evening
):
    login(phone, live_server.url, "petugas.a")
    phone.wait_for_url("**/konsol/")
    assert listed(phone) == {case.tracking_number for case in evening.values()}
    assert overflow(phone) <= 0
    assert phone.evaluate("window.scrollY") == 0
    assert within_screen(phone, "#inbox-results a.inbox-open")
    assert within_screen(phone, "#inbox-results .inbox-tab.active")
    # The filters wait folded; the top bar is one line, not half the screen.
    assert not phone.locator("#inbox-filters").is_visible()
    assert phone.locator(".topbar").bounding_box()["height"] < 60
    # The overdue case still says so in red, in its card.
    due = phone.locator(f"tr[data-case='{evening['overdue'].tracking_number}'] td.inbox-due")
    assert due.is_visible() and "lewat" in due.inner_text()
    assert due.evaluate("cell => getComputedStyle(cell).color") == "rgb(180, 35, 24)"
    # The tabs stay on one line and scroll sideways instead of wrapping.
    tops = phone.eval_on_selector_all(".inbox-tab", "tabs => tabs.map(tab => tab.offsetTop)")
    assert len(set(tops)) == 1


def test_phone_filters_unfold_and_filter(phone, live_server, evening):
    login(phone, live_server.url, "petugas.a")
    phone.wait_for_url("**/konsol/")
    phone.click("#inbox-filters-fold > summary")
    assert phone.locator("#inbox-filters").is_visible()
    phone.select_option("#inbox-filters select[name=status]", "in_progress")
    phone.wait_for_url("**status=in_progress**")
    working = evening["working"].tracking_number
    phone.wait_for_function(
        f"[...document.querySelectorAll('#inbox-results tr.inbox-row')]"
        f".map(row => row.dataset.case).join() === '{working}'"
    )
    assert overflow(phone) <= 0
    # Folded again, the summary tells which filter is on.
    phone.click("#inbox-filters-fold > summary")
    assert not phone.locator("#inbox-filters").is_visible()
    assert phone.locator("#inbox-filters-fold > summary").inner_text().endswith("Status: Diproses")


def test_phone_bulk_claim_from_a_card(phone, live_server, evening, staff_a):
    fresh = evening["fresh"]
    login(phone, live_server.url, "petugas.a")
    phone.wait_for_url("**/konsol/")
    bar = phone.locator("#inbox-bulk-fold")
    phone.check(f"tr[data-case='{fresh.tracking_number}'] input[name=cases]")
    assert bar.is_visible() and "1 laporan dipilih" in bar.inner_text()
    bar.locator("summary").click()
    phone.select_option("#inbox-bulk select[name=action]", "claim")
    assert within_screen(phone, "#inbox-bulk button[type=submit]")
    with phone.expect_navigation():
        phone.click("#inbox-bulk button[type=submit]")
    assert "1 laporan diproses" in phone.locator(".flash").inner_text()
    fresh.refresh_from_db()
    assert fresh.assignee == staff_a
    assert CaseEvent.objects.filter(case=fresh, kind=EventKind.ASSIGNED, actor=staff_a).exists()


def test_phone_navigation_links_all_reachable(phone, live_server, coordinator, evening):
    login(phone, live_server.url, "koordinator")
    phone.wait_for_url("**/konsol/")
    assert overflow(phone) <= 0
    assert phone.locator(".topbar").bounding_box()["height"] < 60
    links = phone.locator(".topbar nav a, .topbar nav button")
    labels = [link.inner_text().strip() for link in links.all()]
    assert {"Laporan", "Piket", "Notifikasi", "Token API", "Keluar"} <= set(labels)
    for link in links.all():
        link.scroll_into_view_if_needed()
        box = link.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], link.inner_text()
    phone.click(".topbar nav >> text=Token API")
    phone.wait_for_url("**/token/**")
    # The case page already stacks into one column; it must stay within the screen.
    phone.goto(f"{live_server.url}/konsol/laporan/{evening['working'].tracking_number}/")
    assert overflow(phone) <= 0


def test_desktop_inbox_keeps_its_table_and_open_filters(page, live_server, evening):
    page.set_viewport_size(DESKTOP)
    login(page, live_server.url, "petugas.a")
    page.wait_for_url("**/konsol/")
    assert page.locator("#inbox-filters").is_visible()
    assert page.locator("#inbox-bulk").is_visible()
    assert page.locator("#inbox-q").is_visible()
    # No fold summaries on a wide screen: the panels look as they always did.
    assert not page.locator("#inbox-filters-fold > summary").is_visible()
    assert page.locator(".inbox-table thead").is_visible()
    headers = page.locator(".inbox-table thead th").all_inner_texts()
    assert [h.strip() for h in headers[1:]] == [
        "Nomor", "Isi", "Instansi", "Petugas", "Status", "Tenggat", "Diterima",
    ]  # fmt: skip
    row = page.locator("#inbox-results tr.inbox-row").first
    assert row.evaluate("row => getComputedStyle(row).display") == "table-row"
    tops = row.locator("td").evaluate_all("cells => cells.map(cell => cell.offsetTop)")
    assert len(set(tops)) == 1  # one row of cells, not a stacked card
    assert overflow(page) <= 0


def test_portrait_tablet_gets_cards_not_a_table_wider_than_the_screen(
    browser, live_server, coordinator, evening
):
    """A tablet held upright (800 px) is narrower than the coordinator's table (~940 px)."""
    context = browser.new_context(locale="id-ID", viewport={"width": 800, "height": 1200})
    tablet = context.new_page()
    try:
        login(tablet, live_server.url, "koordinator")
        tablet.wait_for_url("**/konsol/")
        assert set(listed(tablet)) >= {case.tracking_number for case in evening.values()}
        assert overflow(tablet) <= 0
        assert not tablet.locator(".inbox-table thead").is_visible()
        assert within_screen(tablet, "#inbox-results a.inbox-open")
    finally:
        context.close()
