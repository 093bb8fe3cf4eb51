"""Shared fixtures for the console's browser tests (Debian's Chromium driven by Playwright)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from typing import Any

import pytest

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
