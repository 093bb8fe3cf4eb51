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
    post(
        client,
        payloads.whatsapp_inbound(
            payloads.whatsapp_image("hilang"),
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
