"""The inbox in a real headless Chromium: tabs, filters, search and keyboard shortcuts."""

from __future__ import annotations

import pytest

from sigap.cases.services import case_assign
from sigap.console.tests.conftest import login

pytestmark = pytest.mark.browser


def rows_text(page) -> str:
    return page.locator("#inbox-results tbody").inner_text()


def test_officer_works_the_inbox_with_tabs_filters_search_and_keys(
    page, live_server, make_case, category_a, staff_a
):
    mine = make_case("Jembatan kayu lapuk di Cangkuang", category=category_a)
    case_assign(case=mine, assignee=staff_a, actor=staff_a)
    road = make_case("Jalannya berlubang di depan SD", category=category_a, priority="high")
    lamp = make_case("Lampu taman mati", category=category_a)

    login(page, live_server.url, "petugas.a")
    page.wait_for_url("**/konsol/")
    assert all(c.tracking_number in rows_text(page) for c in (mine, road, lamp))

    # Tabs: "Milik saya" swaps the list in place and pushes the URL.
    page.click("a.inbox-tab[data-view=mine]")
    page.wait_for_url("**view=mine**")
    gone = f"!document.querySelector('#inbox-results').innerText.includes('{road.tracking_number}')"
    page.wait_for_function(gone)
    assert mine.tracking_number in rows_text(page)
    assert page.locator("#inbox-view").input_value() == "mine"

    # Filters: priority "Tinggi" on the open tab.
    page.click("a.inbox-tab[data-view=open]")
    page.wait_for_url("**view=open**")
    page.select_option("select[name=priority]", "high")
    page.wait_for_url("**priority=high**")
    page.wait_for_function("document.querySelectorAll('#inbox-results tr.inbox-row').length === 1")
    assert road.tracking_number in rows_text(page)
    page.select_option("select[name=priority]", "")
    page.wait_for_function("document.querySelectorAll('#inbox-results tr.inbox-row').length === 3")

    # "/" focuses the search; typing searches (stemmed); then j + Enter opens the case.
    page.locator("body").click(position={"x": 5, "y": 5})
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "inbox-q"
    page.keyboard.type("jalan berlubang")
    page.wait_for_url("**q=jalan**")
    page.wait_for_function("document.querySelectorAll('#inbox-results tr.inbox-row').length === 1")
    page.keyboard.press("Escape")
    page.keyboard.press("j")
    assert page.locator("tr.inbox-row.selected").get_attribute("data-case") == road.tracking_number
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/konsol/laporan/{road.tracking_number}/")
    assert "berlubang" in page.locator("main").inner_text()


def test_question_mark_shows_the_shortcuts(page, live_server, case_a, staff_a):
    login(page, live_server.url, "petugas.a")
    page.wait_for_url("**/konsol/")
    page.keyboard.press("?")
    dialog = page.locator("#inbox-shortcuts")
    assert dialog.is_visible()
    assert "Laporan berikutnya / sebelumnya" in dialog.inner_text()
    page.keyboard.press("Escape")
    assert not dialog.is_visible()


def test_tracking_number_search_opens_the_case(page, live_server, case_a, staff_a):
    login(page, live_server.url, "petugas.a")
    page.wait_for_url("**/konsol/")
    page.fill("#inbox-q", case_a.tracking_number)
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/konsol/laporan/{case_a.tracking_number}/")
