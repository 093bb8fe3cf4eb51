"""Periksa koneksi: each provider asked over real HTTP (or IMAP/SMTP) through the stand-ins,
the result stored on the account, and no secret in any stored text or log line."""

from __future__ import annotations

import logging
import socket
import time
from collections.abc import Iterator
from typing import Any

import pytest
from django.contrib.auth.models import Permission

from sigap.agencies.services import membership_add
from sigap.channels.admin import ACTION_BATCH
from sigap.channels.models import ChannelAccount
from sigap.channels.services import connection
from sigap.channels.services.connection import (
    account_check_save,
    accounts_check,
    telegram_webhook_register,
)
from sigap.channels.tests.conftest import ACCESS_TOKEN, BOT_ID, BOT_TOKEN, PHONE_NUMBER_ID
from sigap.core.periodic import PERIODIC_JOBS
from sigap.standins.imap import ImapStandin
from sigap.standins.smtp import SmtpStandin

IG_ACCOUNT = "17841400000000001"
IG_TOKEN = "demo-instagram-token-1"
OTHER_IG_ACCOUNT = "17841400000000099"
OTHER_IG_TOKEN = "demo-instagram-token-lain"
MAILBOX, PASSWORD = "lapor@bupati.go.id", "sandi-kotak-surat"
CHANGELIST = "/admin/channels/channelaccount/"


def reloaded(account: ChannelAccount) -> ChannelAccount:
    return ChannelAccount.objects.get(pk=account.pk)


def secret_free(text: str, *secrets: str) -> bool:
    return not any(secret in text for secret in secrets)


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# -- WhatsApp --------------------------------------------------------------------------------


def test_whatsapp_ok_stores_the_verified_name_and_rating(meta, wa_account):
    meta.add_phone_number(
        PHONE_NUMBER_ID, ACCESS_TOKEN, "6281100001111", verified_name="Lapor Bupati Uji"
    )

    result = account_check_save(account=wa_account)

    account = reloaded(wa_account)
    assert result.status == "ok" and account.check_ok is True and account.checked_at
    assert "Lapor Bupati Uji" in account.check_summary
    assert "6281100001111" in account.check_summary and "GREEN" in account.check_summary
    [request] = meta.requests(path_contains=PHONE_NUMBER_ID)
    assert request.method == "GET" and request.path == f"/v21.0/{PHONE_NUMBER_ID}"
    assert request.query["fields"] == ["display_phone_number,verified_name,quality_rating"]
    assert request.headers["authorization"] == f"Bearer {ACCESS_TOKEN}"


def test_whatsapp_poor_quality_is_a_warning(meta, wa_account):
    meta.add_phone_number(PHONE_NUMBER_ID, ACCESS_TOKEN, quality_rating="RED")

    result = account_check_save(account=wa_account)

    account = reloaded(wa_account)
    assert result.status == "warning" and account.check_ok is True
    assert "RED" in account.check_summary and "WhatsApp Manager" in account.check_summary


@pytest.mark.parametrize("expired", [False, True], ids=["wrong-token", "expired-token"])
def test_whatsapp_rejected_token_is_stored_as_failed_without_the_token(
    meta, wa_account, caplog, expired
):
    if expired:
        meta.graph_error_next(190)  # "Session has expired", subcode 463
    else:
        wa_account.access_token = "EAAG-token-yang-salah-123"
        wa_account.save()

    with caplog.at_level(logging.DEBUG):
        result = account_check_save(account=wa_account)

    account = reloaded(wa_account)
    assert result.status == "failed" and account.check_ok is False
    assert "Token akses tidak berlaku" in account.check_summary
    assert "kode 190" in account.check_summary and "fbtrace_id" in account.check_summary
    token = wa_account.access_token
    assert secret_free(account.check_summary, token)
    assert all(secret_free(record.getMessage(), token) for record in caplog.records)
    [warning] = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert "wa-bupati" in warning.getMessage() and "Token akses" in warning.getMessage()


def test_provider_server_error_is_reported(meta, wa_account):
    meta.fail_next(status=503)

    account_check_save(account=wa_account)

    account = reloaded(wa_account)
    assert account.check_ok is False
    assert "Graph API sedang bermasalah" in account.check_summary
    assert "HTTP 503" in account.check_summary


def test_provider_answer_that_is_not_json_is_reported(meta, wa_account):
    meta.fail_next(status=502, body="<html>Bad Gateway</html>")

    account_check_save(account=wa_account)

    account = reloaded(wa_account)
    assert account.check_ok is False and "bukan JSON" in account.check_summary


def test_silent_provider_times_out_quickly(meta, wa_account, monkeypatch):
    monkeypatch.setattr(connection, "CHECK_TIMEOUT_SECONDS", 0.3)
    meta.hang_next(3)

    started = time.monotonic()
    account_check_save(account=wa_account)

    assert time.monotonic() - started < 2
    account = reloaded(wa_account)
    assert account.check_ok is False
    assert "tidak menjawab dalam 0.3 detik" in account.check_summary


def test_unreachable_base_url_is_reported(settings, wa_account):
    settings.SIGAP_META_GRAPH_URL = f"http://127.0.0.1:{closed_port()}/v21.0"

    account_check_save(account=wa_account)

    account = reloaded(wa_account)
    assert account.check_ok is False
    assert "Graph API tidak dapat dihubungi (ConnectError" in account.check_summary


# -- Instagram -------------------------------------------------------------------------------


@pytest.fixture
def instagram(meta, settings) -> Any:
    meta.add_instagram_account(IG_ACCOUNT, IG_TOKEN, username="pemkab.uji")
    meta.add_instagram_account(OTHER_IG_ACCOUNT, OTHER_IG_TOKEN, username="akun.lain")
    settings.SIGAP_INSTAGRAM_GRAPH_URL = f"{meta.url}/v23.0"
    return meta


@pytest.fixture
def ig_account(pemda, leader_office) -> ChannelAccount:
    return ChannelAccount.objects.create(
        pemda=pemda, agency=leader_office, kind="instagram", code="ig-bupati",
        name="Instagram Bupati", external_id=IG_ACCOUNT, access_token=IG_TOKEN,
        app_secret="demo-instagram-secret",
    )  # fmt: skip


def test_instagram_ok_names_the_account(instagram, ig_account):
    account_check_save(account=ig_account)

    account = reloaded(ig_account)
    assert account.check_ok is True and "@pemkab.uji" in account.check_summary
    [request] = instagram.requests(path_contains="/me")
    assert request.path == "/v23.0/me" and request.query["fields"] == ["user_id,username"]


def test_instagram_token_of_another_account_is_a_mismatch(instagram, ig_account):
    ig_account.access_token = OTHER_IG_TOKEN
    ig_account.save()

    account_check_save(account=ig_account)

    account = reloaded(ig_account)
    assert account.check_ok is False
    assert "@akun.lain" in account.check_summary
    assert OTHER_IG_ACCOUNT in account.check_summary and IG_ACCOUNT in account.check_summary
    assert secret_free(account.check_summary, OTHER_IG_TOKEN)


def test_instagram_page_token_names_its_linked_account(instagram, ig_account):
    ig_account.config = {"api": "facebook_login"}
    ig_account.save()

    account_check_save(account=ig_account)

    assert reloaded(ig_account).check_ok is True
    [request] = instagram.requests(path_contains="/me")
    assert request.query["fields"] == ["id,name,instagram_business_account"]


# -- Telegram --------------------------------------------------------------------------------


@pytest.fixture
def tg_account(pemda, leader_office) -> ChannelAccount:
    return ChannelAccount.objects.create(
        pemda=pemda, agency=leader_office, kind="telegram", code="tg-bupati",
        name="Telegram Bupati", external_id=BOT_ID, access_token=BOT_TOKEN,
        webhook_secret="demo-telegram-secret_2026",
    )  # fmt: skip


def test_telegram_without_webhook_fails_and_registering_fixes_it(telegram, tg_account, settings):
    account_check_save(account=tg_account)
    account = reloaded(tg_account)
    assert account.check_ok is False and "@SigapUjiBot" in account.check_summary
    assert "Webhook belum didaftarkan" in account.check_summary

    result = telegram_webhook_register(account=tg_account)

    expected = f"{settings.SIGAP_BASE_URL}/webhooks/telegram/tg-bupati"
    webhook = telegram.bot(BOT_TOKEN).webhook
    assert webhook.url == expected and webhook.secret_token == "demo-telegram-secret_2026"
    account = reloaded(tg_account)
    assert result.status == "ok" and account.check_ok is True
    assert "terdaftar ke alamat Sigap ini" in account.check_summary
    assert "0 update menunggu" in account.check_summary


def test_telegram_webhook_elsewhere_is_reported_without_the_token(telegram, tg_account, caplog):
    webhook = telegram.bot(BOT_TOKEN).webhook
    webhook.url = "https://lain.example.go.id/hook"
    webhook.pending_update_count = 3
    webhook.last_error_date = int(time.time()) - 60
    webhook.last_error_message = "Wrong response from the webhook: 502 Bad Gateway"

    with caplog.at_level(logging.DEBUG):
        account_check_save(account=tg_account)

    account = reloaded(tg_account)
    assert account.check_ok is False
    summary = account.check_summary
    assert "https://lain.example.go.id/hook" in summary and "tg-bupati" in summary
    assert "3 update menunggu" in summary and "502 Bad Gateway" in summary
    # The token is in every Bot API path, and nowhere in what Sigap keeps or logs.
    assert all(BOT_TOKEN in r.path for r in telegram.requests())
    stored = ChannelAccount.objects.values_list("name", "check_summary", "external_id").get()
    assert all(secret_free(str(value), BOT_TOKEN, "demo-telegram-bot-token") for value in stored)
    assert caplog.records and all(
        secret_free(record.getMessage(), "demo-telegram-bot-token") for record in caplog.records
    )


def test_telegram_old_webhook_error_is_not_a_warning(telegram, tg_account):
    telegram_webhook_register(account=tg_account)
    webhook = telegram.bot(BOT_TOKEN).webhook
    webhook.last_error_date = int(time.time()) - 3 * 86_400
    webhook.last_error_message = "Connection refused"

    assert account_check_save(account=tg_account).status == "ok"

    webhook.last_error_date = int(time.time()) - 60
    result = account_check_save(account=tg_account)
    assert result.status == "warning" and "Connection refused" in result.summary


def test_telegram_revoked_token_is_reported_without_it(telegram, tg_account):
    tg_account.access_token = f"{BOT_ID}:token-lama-dicabut"
    tg_account.save()

    account_check_save(account=tg_account)

    account = reloaded(tg_account)
    assert account.check_ok is False and "Token bot ditolak Telegram" in account.check_summary
    assert secret_free(account.check_summary, "token-lama-dicabut")


def test_telegram_unreachable_is_reported_without_the_token(settings, tg_account):
    settings.SIGAP_TELEGRAM_API_URL = f"http://127.0.0.1:{closed_port()}"

    account_check_save(account=tg_account)

    account = reloaded(tg_account)
    assert "Telegram tidak dapat dihubungi" in account.check_summary
    assert secret_free(account.check_summary, "demo-telegram-bot-token")


# -- e-mail and SMS --------------------------------------------------------------------------


@pytest.fixture
def mail_account(pemda, leader_office) -> Iterator[ChannelAccount]:
    with (
        ImapStandin(user=MAILBOX, password=PASSWORD) as imap,
        SmtpStandin(user=MAILBOX, password=PASSWORD) as smtp,
    ):
        yield ChannelAccount.objects.create(
            pemda=pemda, agency=leader_office, kind="email", code="email-bupati",
            name="Email Bupati", external_id=MAILBOX, password=PASSWORD,
            config={
                "imap_host": imap.host, "imap_port": imap.port, "imap_ssl": False,
                "smtp_host": smtp.host, "smtp_port": smtp.port, "smtp_starttls": False,
                "smtp_ssl": False, "username": MAILBOX, "folder": "INBOX",
            },
        )  # fmt: skip


def test_email_logs_in_to_imap_and_smtp(mail_account):
    account_check_save(account=mail_account)

    account = reloaded(mail_account)
    assert account.check_ok is True
    assert "IMAP" in account.check_summary and "folder INBOX terbuka" in account.check_summary
    assert "SMTP" in account.check_summary and "login berhasil" in account.check_summary


def test_email_wrong_password_fails_both_without_the_password(mail_account):
    mail_account.password = "sandi-yang-salah"
    mail_account.save()

    account_check_save(account=mail_account)

    account = reloaded(mail_account)
    assert account.check_ok is False
    assert "Login ke server IMAP" in account.check_summary
    assert "SMTP" in account.check_summary and "535" in account.check_summary
    assert secret_free(account.check_summary, "sandi-yang-salah", PASSWORD)


def test_email_missing_folder_is_reported(mail_account):
    mail_account.config = {**mail_account.config, "folder": "Pengaduan"}
    mail_account.save()

    account_check_save(account=mail_account)

    account = reloaded(mail_account)
    assert account.check_ok is False and "Pengaduan" in account.check_summary


def sms_account(pemda, agency, **fields: Any) -> ChannelAccount:
    fields = {"code": "sms-bupati", "external_id": "6281100002222", **fields}
    return ChannelAccount.objects.create(
        pemda=pemda, agency=agency, kind="sms", name="SMS Bupati", **fields
    )


def test_sms_gateway_is_not_claimed_to_work(pemda, leader_office):
    account = sms_account(
        pemda, leader_office, webhook_secret="rahasia-gateway",
        config={"send_url": "https://gateway.example.id/kirim?apikey=KUNCI-RAHASIA"},
    )  # fmt: skip

    result = account_check_save(account=account)

    account = reloaded(account)
    assert result.status == "unknown" and account.check_ok is None and account.checked_at
    assert "tidak tersedia" in account.check_summary
    assert "gateway.example.id" in account.check_summary
    assert secret_free(account.check_summary, "KUNCI-RAHASIA", "rahasia-gateway")


def test_sms_gateway_without_settings_fails(pemda, leader_office):
    account = sms_account(pemda, leader_office)

    account_check_save(account=account)

    account = reloaded(account)
    assert account.check_ok is False
    assert "send_url" in account.check_summary and "rahasia webhook" in account.check_summary


# -- admin -----------------------------------------------------------------------------------


def staff(django_user_model, agency, role: str, username: str) -> Any:
    user = django_user_model.objects.create_user(username, password="x", is_staff=True)
    membership_add(user=user, agency=agency, role=role)
    codenames = ["view_channelaccount", "change_channelaccount"]
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    return user


def run_action(client: Any, action: str, *accounts: ChannelAccount) -> Any:
    data = {"action": action, "_selected_action": [str(a.pk) for a in accounts]}
    return client.post(CHANGELIST, data, follow=True)


def test_admin_action_checks_and_lists_the_result(
    client, meta, wa_account, root_agency, django_user_model
):
    meta.add_phone_number(PHONE_NUMBER_ID, ACCESS_TOKEN, verified_name="Lapor Bupati Uji")
    client.force_login(staff(django_user_model, root_agency, "system_admin", "sysadmin"))

    response = run_action(client, "connection_check", wa_account)

    notes = [str(m) for m in response.context["messages"]]
    assert any("WhatsApp Bupati" in n and "Lapor Bupati Uji" in n for n in notes), notes
    assert reloaded(wa_account).check_ok is True
    html = client.get(CHANGELIST).content.decode()
    assert "Koneksi terakhir" in html and "Lapor Bupati Uji" in html
    page = client.get(f"{CHANGELIST}{wa_account.pk}/change/").content.decode()
    assert "Lapor Bupati Uji" in page and ACCESS_TOKEN not in page


def test_agency_admin_cannot_check_another_agencys_account(
    client, meta, wa_account_of, agency_a, agency_b, django_user_model
):
    own = wa_account_of(agency_a, "100000000000002")
    other = wa_account_of(agency_b, "100000000000003")
    for account in (own, other):
        meta.add_phone_number(account.external_id, ACCESS_TOKEN)
    client.force_login(staff(django_user_model, agency_a, "agency_admin", "admin.dputr"))

    run_action(client, "connection_check", other)  # a forged id: not on their list
    assert reloaded(other).checked_at is None
    run_action(client, "connection_check", own, other)

    assert reloaded(own).check_ok is True
    assert reloaded(other).checked_at is None
    assert not meta.requests(path_contains=other.external_id)


def test_view_only_admin_gets_no_check_action(
    client, meta, wa_account, leader_office, django_user_model
):
    viewer = django_user_model.objects.create_user("lihat", password="x", is_staff=True)
    membership_add(user=viewer, agency=leader_office, role="agency_admin")
    viewer.groups.clear()  # view only: not the groups the role brings (agencies.admin_groups)
    viewer.user_permissions.add(Permission.objects.get(codename="view_channelaccount"))
    client.force_login(viewer)

    run_action(client, "connection_check", wa_account)

    assert reloaded(wa_account).checked_at is None and not meta.requests()


def test_admin_action_hands_the_rest_to_the_workers_past_its_time(
    client, meta, wa_account, wa_account_of, agency_a, root_agency, django_user_model, monkeypatch
):
    """A slow provider must not hold the page past gunicorn's timeout: once the time is up the
    accounts left are queued (forced, even if checked lately) and the page says so."""
    from django_tasks_db.models import DBTaskResult

    from sigap.channels import admin as channels_admin
    from sigap.channels.tasks import channel_account_check_task

    monkeypatch.setattr(channels_admin, "ACTION_SECONDS", 0.0)
    other = wa_account_of(agency_a, "100000000000002")
    account_check_save(account=other)  # checked a moment ago: the action still rechecks it
    client.force_login(staff(django_user_model, root_agency, "system_admin", "sysadmin"))

    response = run_action(client, "connection_check", wa_account, other)

    assert reloaded(wa_account).checked_at is not None  # the first is always done in the page
    [queued] = DBTaskResult.objects.filter(task_path=channel_account_check_task.module_path)
    assert queued.args_kwargs["kwargs"] == {"account_id": other.pk, "force": True}
    notes = [str(m) for m in response.context["messages"]]
    assert any("1 akun lainnya diperiksa di latar belakang" in n for n in notes), notes
    before = reloaded(other).checked_at
    assert channel_account_check_task.call(account_id=other.pk, force=True) == [
        other.code,
        "failed",
    ]
    after = reloaded(other).checked_at
    assert before is not None and after is not None and after > before


def test_new_credentials_void_the_last_check(
    client, meta, wa_account, root_agency, django_user_model
):
    from sigap.core.testing import admin_form_data

    meta.add_phone_number(PHONE_NUMBER_ID, ACCESS_TOKEN, verified_name="Lapor Bupati Uji")
    account_check_save(account=wa_account)
    assert reloaded(wa_account).check_ok is True
    client.force_login(staff(django_user_model, root_agency, "system_admin", "sysadmin"))
    url = f"{CHANGELIST}{wa_account.pk}/change/"
    data = admin_form_data(client.get(url))
    data["access_token"] = "token-baru-yang-belum-diperiksa"
    assert client.post(url, data).status_code == 302
    account = reloaded(wa_account)
    assert account.access_token == "token-baru-yang-belum-diperiksa"
    assert (account.checked_at, account.check_ok, account.check_summary) == (None, None, "")


def test_admin_action_registers_the_telegram_webhook(
    client, telegram, tg_account, wa_account, root_agency, django_user_model, settings
):
    client.force_login(staff(django_user_model, root_agency, "system_admin", "sysadmin"))

    response = run_action(client, "telegram_webhook_action", tg_account, wa_account)

    notes = [str(m) for m in response.context["messages"]]
    assert any("1 akun bukan Telegram dilewati" in n for n in notes), notes
    expected = f"{settings.SIGAP_BASE_URL}/webhooks/telegram/tg-bupati"
    assert telegram.bot(BOT_TOKEN).webhook.url == expected
    assert reloaded(tg_account).check_ok is True
    assert reloaded(wa_account).checked_at is None
    assert all("demo-telegram-bot-token" not in n for n in notes)


def test_admin_action_checks_at_most_a_batch(client, pemda, root_agency, django_user_model):
    accounts = [
        sms_account(pemda, root_agency, code=f"sms-{n}", external_id=f"6281100003{n:03d}")
        for n in range(ACTION_BATCH + 2)
    ]
    client.force_login(staff(django_user_model, root_agency, "system_admin", "sysadmin"))

    response = run_action(client, "connection_check", *accounts)

    checked = ChannelAccount.objects.filter(checked_at__isnull=False).count()
    assert checked == ACTION_BATCH
    notes = [str(m) for m in response.context["messages"]]
    assert any(f"Hanya {ACTION_BATCH} akun pertama" in n for n in notes), notes


# -- the periodic job ------------------------------------------------------------------------


def test_periodic_job_is_registered():
    job = next(job for job in PERIODIC_JOBS if job.name == "channel-accounts-check")
    assert job.task_path == "sigap.channels.tasks.channel_accounts_check_task"


def test_hourly_job_queues_one_low_priority_task_per_due_account_run_by_the_worker(
    transactional_db, meta, wa_account, pemda, leader_office
):
    """One task per account, below the intake: a slow provider never holds acknowledgements
    back for more than one check. Queued twice before a worker ran, the account is checked once."""
    from django.core.management import call_command
    from django_tasks_db.models import DBTaskResult

    from sigap.channels.tasks import (
        ACCOUNT_CHECK_PRIORITY,
        channel_account_check_task,
        channel_accounts_check_task,
    )

    sms = sms_account(pemda, leader_office)
    assert channel_accounts_check_task.call() == 2
    assert channel_accounts_check_task.call() == 2  # the next hour, before any worker ran
    queued = DBTaskResult.objects.filter(task_path=channel_account_check_task.module_path)
    assert sorted(row.args_kwargs["kwargs"]["account_id"] for row in queued) == sorted(
        [wa_account.pk, sms.pk] * 2
    )
    assert {row.priority for row in queued} == {ACCOUNT_CHECK_PRIORITY}

    call_command("db_worker", "--batch", "--queue-name", "default", "--no-startup-delay")

    results = sorted((row.return_value or ["-"])[0] for row in queued.all())
    assert results == ["-", "-", "sms-bupati", "wa-bupati"]  # the repeats found them checked
    assert reloaded(wa_account).check_ok is True and reloaded(sms).check_ok is False
    assert channel_accounts_check_task.call() == 0


def test_periodic_job_checks_every_account_and_survives_one_crashing(
    meta, wa_account, tg_account, pemda, leader_office, monkeypatch, caplog
):
    sms = sms_account(pemda, leader_office)

    def crash(account: ChannelAccount) -> Any:
        raise RuntimeError(f"tak terduga {account.access_token}")

    monkeypatch.setitem(connection._CHECKERS, "telegram", crash)

    with caplog.at_level(logging.WARNING):
        outcomes = accounts_check()

    assert outcomes == {"wa-bupati": "ok", "tg-bupati": "unknown", "sms-bupati": "failed"}
    assert reloaded(wa_account).check_ok is True
    crashed = reloaded(tg_account)
    assert crashed.checked_at and crashed.check_ok is None
    assert "galat internal (RuntimeError)" in crashed.check_summary
    assert reloaded(sms).check_ok is False
    lines = [record.getMessage() for record in caplog.records]
    assert any("tg-bupati" in line and "crashed" in line for line in lines)
    assert any("sms-bupati" in line and "failed" in line for line in lines)
    assert all(secret_free(line, BOT_TOKEN, ACCESS_TOKEN) for line in lines)


def test_periodic_job_skips_recent_and_inactive_accounts_and_is_bounded(
    meta, wa_account, wa_account_of, agency_a, agency_b, pemda, leader_office
):
    account_check_save(account=wa_account)  # checked a moment ago
    inactive = wa_account_of(agency_a, "100000000000002")
    inactive.is_active = False
    inactive.save()
    first = sms_account(pemda, leader_office)
    second = wa_account_of(agency_b, "100000000000003")

    assert accounts_check(limit=1) == {"sms-bupati": "failed"}
    assert accounts_check(limit=5) == {second.code: "failed"}  # its number is not at Meta
    assert accounts_check() == {}
    assert reloaded(inactive).checked_at is None and reloaded(first).checked_at


def test_periodic_job_survives_a_storage_failure(
    meta, telegram, wa_account, tg_account, monkeypatch
):
    real_save = connection.account_check_save

    def save(*, account: ChannelAccount) -> Any:
        if account.kind == "whatsapp":
            raise RuntimeError("database hiccup")
        return real_save(account=account)

    monkeypatch.setattr(connection, "account_check_save", save)

    outcomes = accounts_check()

    assert outcomes == {"wa-bupati": "error", "tg-bupati": "failed"}  # no webhook registered
    assert reloaded(tg_account).checked_at is not None
