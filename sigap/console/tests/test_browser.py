"""The console in a real headless Chromium (Debian's package, driven by Playwright)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from typing import Any

import pytest

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# Playwright's sync API runs an event loop in this thread; the ORM calls in these tests are
# plain synchronous setup code, which Django would otherwise refuse next to a running loop.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if CHROMIUM is None:
        pytest.skip("SKIPPED LOUDLY: Chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(locale="id-ID")
    page = context.new_page()
    yield page
    context.close()


def login(page: Any, base: str, username: str) -> None:
    page.goto(f"{base}/akun/masuk/")
    page.fill("#id_username", username)
    page.fill("#id_password", "rahasia-uji-123")
    page.click("button[type=submit]")


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
