"""The console in a real headless Chromium (Debian's package, driven by Playwright)."""

from __future__ import annotations

import pytest

from sigap.console.tests.conftest import login

pytestmark = pytest.mark.browser


def test_officer_logs_in_and_opens_their_case(page, live_server, case_a, staff_a):
    login(page, live_server.url, "petugas.a")
    page.wait_for_url("**/konsol/")
    assert page.locator("table").inner_text().count(case_a.tracking_number) == 1
    page.click(f"text={case_a.tracking_number}")
    page.wait_for_url(f"**/konsol/laporan/{case_a.tracking_number}/")
    body = page.locator("main").inner_text()
    assert "Jalan berlubang" in body and "Laporan dibuat" in body


def test_wrong_password_shows_indonesian_error(page, live_server, staff_a):
    page.goto(f"{live_server.url}/akun/masuk/")
    page.fill("#id_username", "petugas.a")
    page.fill("#id_password", "salah-sekali")
    page.click("button[type=submit]")
    assert "Nama pengguna atau kata sandi salah" in page.locator("main").inner_text()


def test_other_agency_case_is_not_found_in_the_browser(page, live_server, case_a, staff_b):
    login(page, live_server.url, "petugas.b")
    page.wait_for_url("**/konsol/")
    assert case_a.tracking_number not in page.locator("main").inner_text()
    response = page.goto(f"{live_server.url}/konsol/laporan/{case_a.tracking_number}/")
    assert response.status == 404


def test_house_stylesheet_is_served(page, live_server, staff_a):
    response = page.goto(f"{live_server.url}/static/sigap/app.css")
    assert response.status == 200 and ".topbar" in response.text()
