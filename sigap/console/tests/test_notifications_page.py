"""The notifications page: my notifications only, unread first, mark read, preferences, badge."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from sigap.agencies.models import User
from sigap.cases.models import Case
from sigap.sla.models import (
    DeliveryStatus,
    NotificationKind,
    NotificationPreference,
    SlaNotification,
)

PAGE = "/konsol/notifikasi/"
READ = "/konsol/notifikasi/baca/"
PREFS = "/konsol/notifikasi/preferensi/"
BADGE = "/konsol/notifikasi/lencana/"


@pytest.fixture(autouse=True)
def _fast_passwords(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def notify(user: User, case: Case, text: str, kind: str = NotificationKind.MENTION, **extra: Any):
    return SlaNotification.objects.create(
        recipient=user, case=case, kind=kind, text=text, created_at=timezone.now(), **extra
    )


@pytest.fixture
def mine(staff_a, staff_b, case_a) -> list[SlaNotification]:
    old = notify(staff_a, case_a, "Sudah dibaca lama.", read_at=timezone.now())
    warning = notify(staff_a, case_a, "Hampir lewat batas.", NotificationKind.WARNING)
    emergency = notify(
        staff_a, case_a, "DARURAT: kebakaran.", NotificationKind.EMERGENCY,
        whatsapp_status=DeliveryStatus.FAILED, whatsapp_error="Nomor WhatsApp petugas belum diisi.",
    )  # fmt: skip
    notify(staff_b, case_a, "Milik petugas B.")
    return [old, warning, emergency]


def test_the_page_lists_my_notifications_unread_first(client, staff_a, mine, case_a):
    client.force_login(staff_a)
    response = client.get(PAGE)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Milik petugas B" not in html
    positions = [html.index(text) for text in ("DARURAT", "Hampir lewat", "Sudah dibaca lama")]
    assert positions == sorted(positions)  # unread (newest first), then read
    assert html.count("Tandai dibaca") == 2 and "Tandai semua sudah dibaca" in html
    assert f"/konsol/laporan/{case_a.tracking_number}/" in html
    assert "Nomor WhatsApp petugas belum diisi." in html  # a failed delivery shows why
    assert "Cara saya menerima notifikasi" in html
    assert "sigap/notifications.css" in html


def test_page_queries_do_not_grow_with_the_list(client, staff_a, case_a, django_assert_num_queries):
    client.force_login(staff_a)
    for n in range(3):
        notify(staff_a, case_a, f"Catatan {n}")
    # 7: the page's own 6 and the navigation bar's staff scope (may this user triage?).
    with django_assert_num_queries(7):
        assert client.get(PAGE).status_code == 200
    for n in range(20):
        notify(staff_a, case_a, f"Catatan lagi {n}", NotificationKind.ESCALATION)
    with django_assert_num_queries(7):
        assert client.get(PAGE).status_code == 200


def test_badge_counts_unread_and_mark_one_read_over_htmx(client, staff_a, mine):
    client.force_login(staff_a)
    badge = client.get(BADGE)
    assert badge.status_code == 200 and b"notif-badge-count" in badge.content
    assert b">2</span>" in badge.content and b"<html" not in badge.content
    warning = mine[1]
    response = client.post(READ, {"id": warning.pk}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    fragment = response.content.decode()
    assert f'id="notif-{warning.pk}"' in fragment and "Tandai dibaca" not in fragment
    assert 'hx-swap-oob="innerHTML"' in fragment and ">1</span>" in fragment
    warning.refresh_from_db()
    assert warning.read_at is not None
    assert b">1</span>" in client.get(BADGE).content


def test_mark_all_read_touches_only_mine(client, staff_a, staff_b, mine):
    client.force_login(staff_a)
    response = client.post(READ, follow=True)
    assert "2 notifikasi ditandai sudah dibaca." in response.content.decode()
    assert not SlaNotification.objects.filter(recipient=staff_a, read_at__isnull=True).exists()
    assert SlaNotification.objects.get(recipient=staff_b).read_at is None
    assert b"notif-badge-count" not in client.get(BADGE).content


def test_someone_elses_or_a_bad_id_changes_nothing(client, staff_a, staff_b, mine):
    theirs = SlaNotification.objects.get(recipient=staff_b)
    client.force_login(staff_a)
    client.post(READ, {"id": theirs.pk}, HTTP_HX_REQUEST="true")
    theirs.refresh_from_db()
    assert theirs.read_at is None
    response = client.post(READ, {"id": "abc"}, follow=True)
    assert "Notifikasi tidak dikenal." in response.content.decode()
    assert SlaNotification.objects.filter(recipient=staff_a, read_at__isnull=True).count() == 2


def test_preferences_are_saved_and_bad_input_is_refused(client, staff_a):
    client.force_login(staff_a)
    html = client.get(PAGE).content.decode()
    assert 'name="whatsapp_kinds" value="emergency"' in html and "disabled" in html
    response = client.post(
        PREFS, {"email_kinds": ["sla_escalation", "rating"], "whatsapp_kinds": ["mention"]},
        follow=True,
    )  # fmt: skip
    assert "Preferensi notifikasi disimpan." in response.content.decode()
    stored = NotificationPreference.objects.get(user=staff_a)
    assert stored.email_kinds == ["sla_escalation", "rating"]
    assert stored.whatsapp_kinds == ["emergency", "mention"]
    refused = client.post(PREFS, {"email_kinds": ["bukan-jenis"]}, follow=True)
    assert "Pilihan tidak valid; preferensi tidak diubah." in refused.content.decode()
    stored.refresh_from_db()
    assert stored.email_kinds == ["sla_escalation", "rating"]


def test_login_and_csrf_are_required(client, staff_a):
    response = client.get(PAGE)
    assert response.status_code == 302 and "/akun/masuk/" in response["Location"]
    assert client.get(BADGE).status_code == 302
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(staff_a)
    assert strict.post(READ).status_code == 403
    assert strict.post(PREFS, {"email_kinds": ["mention"]}).status_code == 403
