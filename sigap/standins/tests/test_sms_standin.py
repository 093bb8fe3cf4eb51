"""The SMS gateway stand-in over real HTTP: signed sends, idempotency, faults, signed posts out."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from collections.abc import Iterator
from urllib.parse import parse_qs

import httpx
import pytest

from sigap.standins import sms
from sigap.standins.tests.conftest import Receiver

SECRET = "demo-sms-secret"
TOKEN = "demo-sms-token"


@pytest.fixture
def gateway(receiver: Receiver) -> Iterator[sms.SmsGatewayStandin]:
    with sms.serve(
        secret=SECRET, token=TOKEN, webhook_url=f"{receiver.url}/webhooks/sms/uji",
        status_url=f"{receiver.url}/webhooks/sms/uji/status",
    ) as server:  # fmt: skip
        yield server


def send(
    http: httpx.Client,
    gateway: sms.SmsGatewayStandin,
    payload: dict[str, str],
    *,
    secret: str = SECRET,
    token: str = TOKEN,
    timestamp: int | None = None,
) -> httpx.Response:
    body = json.dumps(payload).encode()
    headers = sms.signed_headers(secret, body, timestamp=timestamp)
    headers["Authorization"] = f"Bearer {token}"
    return http.post(f"{gateway.url}/send", content=body, headers=headers)


def valid(call_body: bytes, headers: dict[str, str]) -> bool:
    stamp = headers["x-sigap-timestamp"]
    digest = hmac.new(SECRET.encode(), f"{stamp}.".encode() + call_body, hashlib.sha256)
    return headers["x-sigap-signature"] == "sha256=" + digest.hexdigest()


SEND = {"id": "sigap-1", "to": "6281234567890", "text": "Laporan diterima", "from": "62811"}


def test_signed_send_is_accepted_once_per_id(gateway, http):
    first = send(http, gateway, SEND)
    assert first.status_code == 200 and first.json()["parts"] == 1
    again = send(http, gateway, SEND)
    assert again.json()["id"] == first.json()["id"]
    sent = gateway.sent_messages()
    assert len(sent) == 1 and sent[0].to == "6281234567890" and sent[0].encoding == "gsm7"
    listed = http.get(f"{gateway.url}/_standin/sent").json()["sent"]
    assert listed[0]["gateway_id"] == first.json()["id"]


def test_unauthenticated_or_invalid_sends_are_refused(gateway, http):
    assert send(http, gateway, SEND, token="salah").status_code == 401
    assert send(http, gateway, SEND, secret="salah").status_code == 401
    assert send(http, gateway, SEND, timestamp=int(time.time()) - 400).status_code == 401
    local = dict(SEND, to="081234567890")
    assert send(http, gateway, local).status_code == 400
    assert send(http, gateway, {"id": "x", "to": "6281234567890"}).status_code == 400
    assert gateway.sent_messages() == []


def test_faults_5xx_429_and_http_control(gateway, http):
    gateway.fail_next(1, status=503)
    assert send(http, gateway, SEND).status_code == 503
    gateway.rate_limit_next(7)
    limited = send(http, gateway, SEND)
    assert limited.status_code == 429 and limited.headers["Retry-After"] == "7"
    spec = http.post(f"{gateway.url}/_standin/faults", json={"retry_after": 3})
    assert spec.status_code == 201
    assert send(http, gateway, SEND).headers["Retry-After"] == "3"
    assert send(http, gateway, SEND).status_code == 200


def test_inbound_sms_is_posted_signed_as_json_and_as_a_form(gateway, receiver):
    delivery = gateway.deliver_sms(None, "+62 812-3456-7890", "Jalan rusak", message_id="a1")
    assert delivery.ok
    call = receiver.wait(1)[0]
    assert call.path == "/webhooks/sms/uji" and valid(call.body, call.headers)
    body = json.loads(call.body)
    assert (
        body["id"] == "a1"
        and body["from"] == "+62 812-3456-7890"
        and "+07:00" in body["received_at"]
    )
    gateway.deliver_sms(None, "0812", "Banjir", {"ref": "5", "index": 1, "total": 2}, form=True)
    form_call = receiver.wait(2)[1]
    assert form_call.headers["content-type"] == "application/x-www-form-urlencoded"
    fields = parse_qs(form_call.body.decode())
    assert fields["parts[ref]"] == ["5"] and fields["text"] == ["Banjir"]
    assert valid(form_call.body, form_call.headers)


def test_multipart_is_split_and_posted_in_the_given_order(gateway, receiver):
    gateway.deliver_multipart(None, "0812", "abcdefghi", 3, order=[2, 3, 1], ref="44")
    calls = receiver.wait(3)
    parts = [json.loads(c.body)["parts"] for c in calls]
    assert [p["index"] for p in parts] == [2, 3, 1] and {p["ref"] for p in parts} == {"44"}
    assert [json.loads(c.body)["text"] for c in calls] == ["def", "ghi", "abc"]


def test_delivery_reports_are_signed_and_can_follow_every_send(receiver, http):
    status_url = f"{receiver.url}/status"
    with sms.serve(
        secret=SECRET, status_url=status_url, auto_status=("sent", "delivered")
    ) as gateway:
        gateway_id = send(http, gateway, SEND).json()["id"]
        calls = receiver.wait(2)
        assert [json.loads(c.body) for c in calls] == [
            {"id": gateway_id, "status": "sent"},
            {"id": gateway_id, "status": "delivered"},
        ]
        assert all(valid(c.body, c.headers) for c in calls)
        gateway.deliver_status(None, gateway_id, "failed", "nomor tidak aktif")
        assert json.loads(receiver.wait(3)[2].body)["error"] == "nomor tidak aktif"


def test_control_api_injects_an_sms(gateway, receiver, http):
    response = http.post(
        f"{gateway.url}/_standin/sms", json={"from": "081234567890", "text": "halo", "split": 2}
    )
    assert response.status_code == 200 and len(response.json()["deliveries"]) == 2
    assert len(receiver.wait(2)) == 2


def test_part_counting_oracle():
    assert [sms.sms_parts("a" * n) for n in (160, 161, 306, 307)] == [1, 2, 2, 3]
    assert [sms.sms_parts("ş" * n) for n in (70, 71, 134, 135)] == [1, 2, 2, 3]
    assert sms.sms_parts("€" * 77) == 1 and sms.sms_parts("a" + "€" * 80) == 2
    assert sms.split_text("abcdefg", 3) == ["abc", "def", "g"]
