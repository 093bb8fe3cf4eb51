"""The SLA pages of the Django admin: Pemda-wide settings are the system administrator's, and
notifications show their delivery, never their text."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone

from sigap.agencies.models import Role, User
from sigap.agencies.services import membership_add
from sigap.core.testing import admin_form_data
from sigap.sla.models import BusinessCalendar, NotificationKind, SlaNotification, SlaPolicy


@pytest.fixture
def agency_admin(client: Any, admin_a: User) -> User:
    """admin.a with every model right on the SLA settings, as older demo groups handed out:
    the admin pages themselves must refuse the writes."""
    admin_a.is_staff = True
    admin_a.save()
    admin_a.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="sla", content_type__model__in=["slapolicy", "businesscalendar"]
        )
    )
    client.force_login(admin_a)
    return admin_a


@pytest.fixture
def sysadmin(client: Any, root_agency: Any, django_user_model: Any) -> User:
    """A system administrator with no model permission at all: the role is what counts."""
    user = django_user_model.objects.create_user(
        "sysadmin", password="x-panjang-sekali-1", is_staff=True
    )
    membership_add(user=user, agency=root_agency, role=Role.SYSTEM_ADMIN)
    client.force_login(user)
    return user


@pytest.fixture
def policy(db: None) -> SlaPolicy:
    return SlaPolicy.objects.create(code="lapor", name="LAPOR!", first_response_minutes=60)


@pytest.fixture
def calendar(db: None) -> BusinessCalendar:
    return BusinessCalendar.objects.create(name="Jam kerja Pemda")


@pytest.mark.parametrize("model", ["slapolicy", "businesscalendar"])
def test_agency_admin_reads_but_cannot_write_pemda_wide_sla_settings(
    client, agency_admin, policy, calendar, model
):
    row = policy if model == "slapolicy" else calendar
    url = f"/admin/sla/{model}/{row.pk}/"
    page = client.get(f"{url}change/")
    assert page.status_code == 200 and not page.context["has_change_permission"]
    assert client.post(f"{url}change/", {"name": "Diubah"}).status_code == 403
    assert client.post(f"{url}delete/", {"post": "yes"}).status_code == 403
    assert (
        client.post(f"/admin/sla/{model}/add/", {"name": "Baru", "code": "baru"}).status_code == 403
    )
    stored = type(row).objects.get(pk=row.pk)
    assert stored.name == row.name
    assert type(row).objects.count() == 1


def test_system_admin_changes_sla_policies(client, sysadmin, policy):
    url = f"/admin/sla/slapolicy/{policy.pk}/change/"
    data = admin_form_data(client.get(url)) | {"first_response_minutes": 15}
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert SlaPolicy.objects.get(pk=policy.pk).first_response_minutes == 15


def test_system_admin_sees_notification_metadata_never_the_text(client, sysadmin, case_a, staff_a):
    notification = SlaNotification.objects.create(
        recipient=staff_a,
        case=case_a,
        kind=NotificationKind.MENTION,
        text="@petugas.a pelapor Budi Santoso 081234567890 minta ditelepon",
        created_at=timezone.now(),
    )
    listing = client.get("/admin/sla/slanotification/").content.decode()
    page = client.get(f"/admin/sla/slanotification/{notification.pk}/change/")
    assert page.status_code == 200
    for html in (listing, page.content.decode()):
        assert case_a.tracking_number in html
        assert "Budi Santoso" not in html and "081234567890" not in html
    # Nor can the text be probed through a filter in the URL.
    assert client.get("/admin/sla/slanotification/?text__contains=Budi").status_code == 400
