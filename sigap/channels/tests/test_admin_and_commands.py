from __future__ import annotations

from io import StringIO

from django.core.management import call_command

from sigap.channels.models import ChannelAccount, EventStatus, InboundEvent
from sigap.channels.tests.conftest import post, process_pending
from sigap.standins import payloads


def test_secrets_are_encrypted_at_rest_and_never_rendered(admin_client, wa_account):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT app_secret, access_token FROM channels_channelaccount")
        stored = cursor.fetchone()
    assert "demo-app-secret" not in stored[0] and "demo-access-token" not in stored[1]
    html = admin_client.get(
        f"/admin/channels/channelaccount/{wa_account.pk}/change/"
    ).content.decode()
    assert "demo-app-secret" not in html and "demo-access-token" not in html
    assert "demo-verify-token" not in html


def test_blank_secret_in_the_form_keeps_the_stored_one(wa_account):
    from sigap.channels.forms import ChannelAccountForm

    data = {
        "pemda": wa_account.pemda_id, "agency": wa_account.agency_id, "kind": "whatsapp",
        "code": wa_account.code, "name": "WA baru", "external_id": wa_account.external_id,
        "config": "{}", "is_active": "on", "app_secret": "", "access_token": "token-baru",
    }  # fmt: skip
    form = ChannelAccountForm(data=data, instance=wa_account)
    assert form.is_valid(), form.errors
    form.save()
    account = ChannelAccount.objects.get(pk=wa_account.pk)
    assert account.app_secret == "demo-app-secret" and account.access_token == "token-baru"


def test_events_reprocess_command_requeues_failed_events(client, wa_account, meta):
    meta.fail_next(None, status=500, path_contains="/media-sementara")  # Graph API down
    post(
        client,
        payloads.whatsapp_inbound(
            payloads.whatsapp_image("media-sementara"),
            app_secret="demo-app-secret",
            phone_number_id=wa_account.external_id,
        ),
    )
    process_pending()
    assert InboundEvent.objects.get().status == EventStatus.FAILED
    out = StringIO()
    call_command("events", "reprocess", stdout=out)
    assert "1 kejadian" in out.getvalue()
    assert InboundEvent.objects.get().status == EventStatus.PENDING


def test_events_prune_keeps_failed_events(db, wa_account):
    from datetime import timedelta

    from django.utils import timezone

    old = timezone.now() - timedelta(days=200)
    for status in (EventStatus.PROCESSED, EventStatus.FAILED):
        InboundEvent.objects.create(
            channel="whatsapp", external_id=status, body="{}", status=status, received_at=old
        )
    call_command("events", "prune", "--days", "90", stdout=StringIO())
    assert list(InboundEvent.objects.values_list("status", flat=True)) == [EventStatus.FAILED]


def _staff_with(django_user_model, agency, role, *codenames):
    from django.contrib.auth.models import Permission

    from sigap.agencies.services import membership_add

    user = django_user_model.objects.create_user(f"{role}.uji", password="x", is_staff=True)
    membership_add(user=user, agency=agency, role=role)
    # Exactly the rights named: not the groups the role brings (agencies.admin_groups).
    user.groups.clear()
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    return user


def test_view_only_channel_account_renders_without_its_secrets(
    client, wa_account, leader_office, django_user_model
):
    viewer = _staff_with(django_user_model, leader_office, "agency_admin", "view_channelaccount")
    client.force_login(viewer)
    response = client.get(f"/admin/channels/channelaccount/{wa_account.pk}/change/")
    assert response.status_code == 200 and not response.context["has_change_permission"]
    html = response.content.decode()
    assert "WhatsApp Bupati" in html
    for secret in ("demo-app-secret", "demo-access-token", "demo-verify-token"):
        assert secret not in html
    assert "app secret, access token, verify token" in html  # which ones are set, not what


def test_raw_deliveries_show_metadata_to_administrators_and_bodies_to_superusers(
    client, admin_client, wa_account, root_agency, django_user_model
):
    from django.utils import timezone

    event = InboundEvent.objects.create(
        channel="whatsapp", account=wa_account, external_id="wamid.RAHASIA1",
        body='{"text": "Saya Budi Santoso 081234567890"}', received_at=timezone.now(),
    )  # fmt: skip
    sysadmin = _staff_with(django_user_model, root_agency, "system_admin", "view_inboundevent")
    client.force_login(sysadmin)
    url = f"/admin/channels/inboundevent/{event.pk}/change/"
    html = client.get(url).content.decode()
    assert "wamid.RAHASIA1" in html and "081234567890" not in html
    assert client.get("/admin/channels/inboundevent/?body__contains=0812").status_code == 400
    assert "081234567890" in admin_client.get(url).content.decode()
