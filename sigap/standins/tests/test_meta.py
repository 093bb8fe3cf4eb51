"""The Meta stand-in over real HTTP: WhatsApp sends, media, status webhooks, faults, Instagram."""

from __future__ import annotations

import hashlib
import hmac
import json
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from sigap.standins import payloads
from sigap.standins.meta import MetaStandin, serve
from sigap.standins.tests.conftest import Call, Receiver

PNID = "100000000000001"
TOKEN = "demo-access-token"
SECRET = "demo-app-secret"
IG_ACCOUNT = "17841400000000001"
IG_TOKEN = "demo-instagram-token"
IG_SECRET = "demo-instagram-secret"
CITIZEN = "6281234567890"
IGSID = "1135819500000001"
DAY = 86_400


@pytest.fixture
def meta(receiver: Receiver) -> Iterator[MetaStandin]:
    with serve(
        tokens={PNID: TOKEN},
        instagram_tokens={IG_ACCOUNT: IG_TOKEN},
        webhook_url=f"{receiver.url}/webhooks/whatsapp",
        app_secret=SECRET,
        instagram_webhook_url=f"{receiver.url}/webhooks/instagram",
        instagram_app_secret=IG_SECRET,
        status_delay=0.01,
    ) as server:
        yield server


@pytest.fixture
def graph(meta: MetaStandin) -> Iterator[httpx.Client]:
    """A client configured the way Sigap is: base URL with a version segment, bearer token."""
    with httpx.Client(
        base_url=f"{meta.url}/v21.0",
        headers={"Authorization": f"Bearer {TOKEN}"},
        trust_env=False,
        timeout=5,
    ) as client:
        yield client


def text_body(to: str = CITIZEN, body: str = "Laporan Anda tercatat: ADU-2026-000123") -> dict:
    return {
        "messaging_product": "whatsapp",
        "recipient_type": "individual",
        "to": to,
        "type": "text",
        "text": {"preview_url": False, "body": body},
    }


def template_body(to: str = CITIZEN) -> dict:
    return {
        "messaging_product": "whatsapp",
        "to": to,
        "type": "template",
        "template": {"name": "status_laporan_diperbarui", "language": {"code": "id"}},
    }


def statuses_of(call: Call) -> list[dict[str, Any]]:
    payload = json.loads(call.body)
    return payload["entry"][0]["changes"][0]["value"].get("statuses", [])


def status_calls(receiver: Receiver, wamid: str, count: int) -> list[Call]:
    return receiver.wait(count, lambda c: any(s["id"] == wamid for s in statuses_of(c)))


# -- WhatsApp send ------------------------------------------------------------------------------


def test_send_text_answers_documented_shape_and_is_recorded(
    meta: MetaStandin, graph: httpx.Client
) -> None:
    meta.open_window(PNID, CITIZEN)

    response = graph.post(f"/{PNID}/messages", json=text_body(to="+62 812-3456-7890"))

    assert response.status_code == 200
    answer = response.json()
    assert answer["messaging_product"] == "whatsapp"
    assert answer["contacts"] == [{"input": "+62 812-3456-7890", "wa_id": CITIZEN}]
    assert answer["messages"][0]["id"].startswith("wamid.")
    recorded = meta.requests(path_contains="/messages")
    assert len(recorded) == 1
    assert recorded[0].method == "POST"
    assert recorded[0].path == f"/v21.0/{PNID}/messages"
    assert recorded[0].headers["authorization"] == f"Bearer {TOKEN}"
    assert recorded[0].json["text"]["body"] == "Laporan Anda tercatat: ADU-2026-000123"


def test_any_version_segment_is_accepted(meta: MetaStandin, http: httpx.Client) -> None:
    for version in ("v19.0", "v23.0", "v21.0"):
        response = http.post(
            f"{meta.url}/{version}/{PNID}/messages",
            json=template_body(),
            headers={"Authorization": f"Bearer {TOKEN}"},
        )
        assert response.status_code == 200, version


def test_wamids_are_unique_under_concurrency(meta: MetaStandin) -> None:
    meta.config.status_webhooks = False
    ids: list[str] = []
    lock = threading.Lock()

    def send_many() -> None:
        with httpx.Client(trust_env=False, timeout=5) as client:
            for _ in range(25):
                response = client.post(
                    f"{meta.url}/v21.0/{PNID}/messages",
                    json=template_body(),
                    headers={"Authorization": f"Bearer {TOKEN}"},
                )
                with lock:
                    ids.append(response.json()["messages"][0]["id"])

    threads = [threading.Thread(target=send_many) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert len(ids) == 200
    assert len(set(ids)) == 200
    assert len(meta.requests(path_contains="/messages")) == 200


def test_wrong_token_is_401_with_graph_envelope(meta: MetaStandin, http: httpx.Client) -> None:
    response = http.post(
        f"{meta.url}/v21.0/{PNID}/messages",
        json=text_body(),
        headers={"Authorization": "Bearer not-the-token"},
    )

    assert response.status_code == 401
    error = response.json()["error"]
    assert error["code"] == 190
    assert error["type"] == "OAuthException"
    assert "fbtrace_id" in error


def test_token_of_another_number_is_refused(meta: MetaStandin, graph: httpx.Client) -> None:
    response = graph.post("/199999999999999/messages", json=text_body())

    assert response.status_code == 400
    assert response.json()["error"]["code"] == 100
    assert response.json()["error"]["error_subcode"] == 33


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({"to": CITIZEN, "type": "text", "text": {"body": "x"}}, 131008),
        ({"messaging_product": "whatsapp", "type": "text", "text": {"body": "x"}}, 131008),
        ({"messaging_product": "sms", "to": CITIZEN, "text": {"body": "x"}}, 131009),
        ({"messaging_product": "whatsapp", "to": CITIZEN, "type": "text"}, 131008),
        ({"messaging_product": "whatsapp", "to": CITIZEN, "text": {"body": "x" * 4097}}, 131009),
        ({"messaging_product": "whatsapp", "to": CITIZEN, "type": "fax", "fax": {}}, 131009),
        ({"messaging_product": "whatsapp", "to": CITIZEN, "type": "image", "image": {}}, 131008),
    ],
)
def test_invalid_body_is_400_with_whatsapp_error_code(
    graph: httpx.Client, body: dict, code: int
) -> None:
    response = graph.post(f"/{PNID}/messages", json=body)

    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == code
    assert error["message"].startswith(f"(#{code})")
    assert error["error_data"]["messaging_product"] == "whatsapp"
    assert error["error_data"]["details"]


def test_interactive_buttons_are_validated(meta: MetaStandin, graph: httpx.Client) -> None:
    buttons = [{"type": "reply", "reply": {"id": f"b{i}", "title": "Ya"}} for i in range(4)]
    action: dict[str, Any] = {"buttons": buttons}
    body = {
        "messaging_product": "whatsapp",
        "to": CITIZEN,
        "type": "interactive",
        "interactive": {
            "type": "button",
            "body": {"text": "Pilih"},
            "action": action,
        },
    }

    assert graph.post(f"/{PNID}/messages", json=body).json()["error"]["code"] == 131009
    action["buttons"] = buttons[:3]
    assert graph.post(f"/{PNID}/messages", json=body).status_code == 200


def test_mark_as_read_answers_success(graph: httpx.Client) -> None:
    body = {
        "messaging_product": "whatsapp",
        "status": "read",
        "message_id": "wamid.TEST001",
        "typing_indicator": {"type": "text"},
    }

    response = graph.post(f"/{PNID}/messages", json=body)

    assert response.status_code == 200
    assert response.json() == {"success": True}


def test_bsuid_recipient_is_answered_with_user_id(meta: MetaStandin, graph: httpx.Client) -> None:
    body = template_body()
    del body["to"]
    body["recipient"] = "ID.4829103847561029384"

    response = graph.post(f"/{PNID}/messages", json=body)

    assert response.status_code == 200
    contact = response.json()["contacts"][0]
    assert contact == {"input": "ID.4829103847561029384", "user_id": "ID.4829103847561029384"}


# -- status webhooks and the customer-service window --------------------------------------------


def test_status_webhooks_arrive_signed_with_documented_envelope(
    meta: MetaStandin, graph: httpx.Client, receiver: Receiver
) -> None:
    meta.open_window(PNID, CITIZEN)
    body = text_body() | {"biz_opaque_callback_data": "ticket:ADU-2026-000123"}
    wamid = graph.post(f"/{PNID}/messages", json=body).json()["messages"][0]["id"]

    calls = status_calls(receiver, wamid, 2)

    for call in calls:
        expected = hmac.new(SECRET.encode(), call.body, hashlib.sha256).hexdigest()
        assert call.headers["x-hub-signature-256"] == f"sha256={expected}"
        assert call.path == "/webhooks/whatsapp"
        payload = json.loads(call.body)
        assert payload["object"] == "whatsapp_business_account"
        assert payload["entry"][0]["id"] == payloads.DEFAULT_WABA_ID
        change = payload["entry"][0]["changes"][0]
        assert change["field"] == "messages"
        assert change["value"]["messaging_product"] == "whatsapp"
        assert change["value"]["metadata"]["phone_number_id"] == PNID
    statuses = [statuses_of(call)[0] for call in calls]
    assert [s["status"] for s in statuses] == ["sent", "delivered"]
    assert all(s["recipient_id"] == CITIZEN for s in statuses)
    assert all(s["biz_opaque_callback_data"] == "ticket:ADU-2026-000123" for s in statuses)
    assert statuses[0]["pricing"]["pricing_model"] == "PMP"
    assert isinstance(statuses[0]["timestamp"], str)


def test_outside_window_send_succeeds_then_fails_with_131047(
    meta: MetaStandin, graph: httpx.Client, receiver: Receiver
) -> None:
    meta.open_window(PNID, CITIZEN, at=time.time() - 25 * 3600)

    response = graph.post(f"/{PNID}/messages", json=text_body())

    assert response.status_code == 200  # Meta accepts first and fails asynchronously
    wamid = response.json()["messages"][0]["id"]
    [call] = status_calls(receiver, wamid, 1)
    [status] = statuses_of(call)
    assert status["status"] == "failed"
    assert status["errors"][0]["code"] == 131047
    assert status["errors"][0]["error_data"]["details"]
    meta.wait_idle()
    assert len([c for c in receiver.calls if statuses_of(c)[0]["id"] == wamid]) == 1


def test_template_outside_window_is_delivered(
    meta: MetaStandin, graph: httpx.Client, receiver: Receiver
) -> None:
    wamid = graph.post(f"/{PNID}/messages", json=template_body()).json()["messages"][0]["id"]

    calls = status_calls(receiver, wamid, 2)

    # Posted by the stand-in's webhook threads, like Meta's, in no guaranteed order.
    by_status = {statuses_of(c)[0]["status"]: statuses_of(c)[0] for c in calls}
    assert sorted(by_status) == ["delivered", "sent"]
    assert by_status["sent"]["pricing"]["billable"] is True


def test_injected_inbound_message_opens_the_window(
    meta: MetaStandin, graph: httpx.Client, receiver: Receiver
) -> None:
    inbound = payloads.whatsapp_envelope(
        phone_number_id=PNID, messages=[payloads.whatsapp_text("Lampu jalan mati", wa_id=CITIZEN)]
    )

    delivery = meta.deliver_inbound(inbound)

    assert delivery.ok
    [call] = receiver.wait(1, lambda c: c.path == "/webhooks/whatsapp")
    assert payloads.verify(call.body, call.headers["x-hub-signature-256"], SECRET)
    wamid = graph.post(f"/{PNID}/messages", json=text_body()).json()["messages"][0]["id"]
    assert statuses_of(status_calls(receiver, wamid, 1)[0])[0]["status"] == "sent"


def test_read_receipts_are_optional(
    meta: MetaStandin, graph: httpx.Client, receiver: Receiver
) -> None:
    meta.config.read_receipts = True
    meta.open_window(PNID, CITIZEN)
    wamid = graph.post(f"/{PNID}/messages", json=text_body()).json()["messages"][0]["id"]

    calls = status_calls(receiver, wamid, 3)

    assert [statuses_of(c)[0]["status"] for c in calls] == ["sent", "delivered", "read"]


# -- media --------------------------------------------------------------------------------------


def test_media_lookup_and_lookaside_download_require_the_bearer(
    meta: MetaStandin, graph: httpx.Client, http: httpx.Client
) -> None:
    data = b"\xff\xd8\xff\xe0 foto jalan berlubang"
    media = meta.add_media(data, "image/jpeg", phone_number_id=PNID)

    info = graph.get(f"/{media.media_id}", params={"phone_number_id": PNID}).json()

    assert info["messaging_product"] == "whatsapp"
    assert info["id"] == media.media_id
    assert info["mime_type"] == "image/jpeg"
    assert info["file_size"] == len(data)
    assert info["sha256"] == hashlib.sha256(data).hexdigest()
    assert info["url"].startswith(f"{meta.url}/lookaside/")
    assert http.get(info["url"]).status_code == 401
    download = http.get(info["url"], headers={"Authorization": f"Bearer {TOKEN}"})
    assert download.status_code == 200
    assert download.content == data
    assert download.headers["content-type"] == "image/jpeg"


def test_media_lookup_without_token_or_unknown_id_fails(
    meta: MetaStandin, graph: httpx.Client, http: httpx.Client
) -> None:
    media = meta.add_media(b"abc", "audio/ogg")

    assert http.get(f"{meta.url}/v21.0/{media.media_id}").status_code == 401
    assert graph.get("/999").json()["error"]["code"] == 100


def test_expired_lookaside_url_is_refused(
    meta: MetaStandin, graph: httpx.Client, http: httpx.Client
) -> None:
    meta.config.media_url_ttl = -1
    media = meta.add_media(b"abc", "image/png")
    url = graph.get(f"/{media.media_id}").json()["url"]

    assert http.get(url, headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 404


# -- faults ---------------------------------------------------------------------------------------


def test_fail_next_answers_5xx_then_recovers(meta: MetaStandin, graph: httpx.Client) -> None:
    meta.fail_next(2, status=503, path_contains="/messages")

    codes = [graph.post(f"/{PNID}/messages", json=template_body()).status_code for _ in range(3)]

    assert codes == [503, 503, 200]
    assert len(meta.requests(path_contains="/messages")) == 3


def test_rate_limit_errors_carry_graph_codes(meta: MetaStandin, graph: httpx.Client) -> None:
    meta.graph_error_next(131056, recipient=CITIZEN)
    meta.graph_error_next(130429)

    other = graph.post(f"/{PNID}/messages", json=template_body(to="6289999999999"))
    pair = graph.post(f"/{PNID}/messages", json=template_body())

    assert other.status_code == 429
    assert other.json()["error"]["code"] == 130429
    assert pair.status_code == 429
    assert pair.json()["error"]["code"] == 131056
    assert pair.json()["error"]["error_data"]["messaging_product"] == "whatsapp"


def test_expired_token_fault(meta: MetaStandin, graph: httpx.Client) -> None:
    meta.graph_error_next(190)

    response = graph.post(f"/{PNID}/messages", json=template_body())

    assert response.status_code == 401
    assert response.json()["error"]["code"] == 190
    assert response.json()["error"]["error_subcode"] == 463


def test_hang_makes_the_client_time_out(meta: MetaStandin, graph: httpx.Client) -> None:
    meta.hang_next(1.0, path_contains="/messages")

    with pytest.raises(httpx.ReadTimeout):
        graph.post(f"/{PNID}/messages", json=template_body(), timeout=0.2)
    assert graph.post(f"/{PNID}/messages", json=template_body()).status_code == 200


def test_dropped_connection(meta: MetaStandin, graph: httpx.Client) -> None:
    meta.drop_next()

    with pytest.raises(httpx.RemoteProtocolError):
        graph.post(f"/{PNID}/messages", json=template_body())


def test_async_failure_fault_reports_131026(
    meta: MetaStandin, graph: httpx.Client, receiver: Receiver
) -> None:
    meta.fail_async_next(131026, recipient=CITIZEN)

    response = graph.post(f"/{PNID}/messages", json=template_body())

    assert response.status_code == 200
    [call] = status_calls(receiver, response.json()["messages"][0]["id"], 1)
    assert statuses_of(call)[0]["errors"][0]["code"] == 131026


def test_http_control_api_drives_faults_recording_and_reset(
    meta: MetaStandin, graph: httpx.Client, http: httpx.Client
) -> None:
    control = f"{meta.url}/_standin"
    spec = {"graph_error": 131047, "path_contains": "/messages", "times": 1}
    assert http.post(f"{control}/faults", json=spec).status_code == 201
    assert http.post(
        f"{control}/windows", json={"business_id": PNID, "recipient": CITIZEN}
    ).is_success

    first = graph.post(f"/{PNID}/messages", json=text_body())
    second = graph.post(f"/{PNID}/messages", json=text_body())

    assert first.json()["error"]["code"] == 131047
    assert second.status_code == 200
    recorded = http.get(f"{control}/requests", params={"path_contains": "/messages"}).json()
    assert [r["json"]["to"] for r in recorded["requests"]] == [CITIZEN, CITIZEN]
    assert http.post(f"{control}/reset").is_success
    assert http.get(f"{control}/requests").json() == {"requests": []}
    assert http.post(f"{control}/faults", json={"bogus": 1}).status_code == 400


def test_wait_for_finds_a_request_made_by_another_thread(
    meta: MetaStandin, graph: httpx.Client
) -> None:
    timer = threading.Timer(
        0.05, lambda: graph.post(f"/{PNID}/messages", json=template_body(to="628111"))
    )
    timer.start()

    request = meta.wait_for(lambda r: (r.json or {}).get("to") == "628111", timeout=5)

    timer.join()
    assert request.path.endswith("/messages")


# -- Instagram ------------------------------------------------------------------------------------


def instagram_send(http: httpx.Client, url: str, body: dict, path: str = "me") -> httpx.Response:
    return http.post(
        f"{url}/v21.0/{path}/messages", json=body, headers={"Authorization": f"Bearer {IG_TOKEN}"}
    )


def ig_text(text: str = "Terima kasih, laporan Anda kami terima.", **extra: Any) -> dict:
    return {"recipient": {"id": IGSID}, "message": {"text": text}, **extra}


HUMAN_AGENT = {"messaging_type": "MESSAGE_TAG", "tag": "HUMAN_AGENT"}


def test_instagram_send_needs_an_open_window(meta: MetaStandin, http: httpx.Client) -> None:
    closed = instagram_send(http, meta.url, ig_text())

    assert closed.status_code == 400
    error = closed.json()["error"]
    assert error["code"] == 10
    assert 2534000 <= error["error_subcode"] < 2535000

    meta.deliver_inbound(payloads.instagram_envelope(payloads.instagram_message("Sampah")))
    opened = instagram_send(http, meta.url, ig_text(), path=IG_ACCOUNT)

    assert opened.status_code == 200
    assert opened.json()["recipient_id"] == IGSID
    assert opened.json()["message_id"]


def test_instagram_human_agent_tag_extends_to_seven_days(
    meta: MetaStandin, http: httpx.Client
) -> None:
    meta.open_instagram_window(IG_ACCOUNT, IGSID, at=time.time() - 3 * DAY)

    assert instagram_send(http, meta.url, ig_text()).json()["error"]["code"] == 10
    assert instagram_send(http, meta.url, ig_text(**HUMAN_AGENT)).status_code == 200

    meta.open_instagram_window(IG_ACCOUNT, IGSID, at=time.time() - 8 * DAY)
    assert instagram_send(http, meta.url, ig_text(**HUMAN_AGENT)).json()["error"]["code"] == 10


def test_instagram_text_limit_is_in_utf8_bytes(meta: MetaStandin, http: httpx.Client) -> None:
    meta.open_instagram_window(IG_ACCOUNT, IGSID)
    text = "é" * 501  # 501 characters, 1002 bytes

    response = instagram_send(http, meta.url, ig_text(text))

    assert response.status_code == 400
    assert response.json()["error"]["code"] == 100


def test_instagram_send_posts_a_signed_echo(
    meta: MetaStandin, http: httpx.Client, receiver: Receiver
) -> None:
    meta.open_instagram_window(IG_ACCOUNT, IGSID)

    mid = instagram_send(http, meta.url, ig_text("Halo")).json()["message_id"]

    [call] = receiver.wait(1, lambda c: c.path == "/webhooks/instagram")
    assert payloads.verify(call.body, call.headers["x-hub-signature-256"], IG_SECRET)
    item = json.loads(call.body)["entry"][0]["messaging"][0]
    assert item["message"] == {"mid": mid, "is_echo": True, "text": "Halo"}
    assert item["sender"]["id"] == IG_ACCOUNT


def test_instagram_wrong_token_is_401(meta: MetaStandin, http: httpx.Client) -> None:
    response = http.post(
        f"{meta.url}/v21.0/me/messages", json=ig_text(), headers={"Authorization": "Bearer x"}
    )

    assert response.status_code == 401
    assert response.json()["error"]["code"] == 190


# -- CLI ------------------------------------------------------------------------------------------


def test_cli_serves_on_a_free_port(http: httpx.Client) -> None:
    command = [sys.executable, "-m", "sigap.standins.meta", "--port", "0", "--token", "1=t"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        url = process.stdout.readline().strip().rsplit(" ", 1)[-1]
        response = http.post(
            f"{url}/v21.0/1/messages",
            json=template_body(),
            headers={"Authorization": "Bearer t"},
        )
        assert response.status_code == 200
    finally:
        process.terminate()
        process.wait(timeout=5)


def test_phone_number_object_for_health_checks(graph: httpx.Client) -> None:
    number = graph.get(f"/{PNID}").json()

    assert number["id"] == PNID
    assert number["quality_rating"] == "GREEN"


def test_phone_number_answers_the_fields_asked_for(meta: MetaStandin, graph: httpx.Client) -> None:
    meta.add_phone_number(PNID, TOKEN, "6281100009999", verified_name="Lapor", quality_rating="RED")

    fields = "display_phone_number,verified_name,quality_rating"
    number = graph.get(f"/{PNID}", params={"fields": fields}).json()

    assert number == {
        "id": PNID, "display_phone_number": "6281100009999", "verified_name": "Lapor",
        "quality_rating": "RED",
    }  # fmt: skip
    unknown = graph.get(f"/{PNID}", params={"fields": "nama"})
    assert unknown.status_code == 400 and unknown.json()["error"]["code"] == 100


def test_phone_number_with_a_wrong_token_is_190(meta: MetaStandin, http: httpx.Client) -> None:
    response = http.get(f"{meta.url}/v21.0/{PNID}", headers={"Authorization": "Bearer salah"})

    assert response.status_code == 401
    assert response.json()["error"]["code"] == 190
    assert response.json()["error"]["type"] == "OAuthException"


def test_instagram_me_names_the_account_of_the_token(meta: MetaStandin, http: httpx.Client) -> None:
    meta.add_instagram_account(IG_ACCOUNT, IG_TOKEN, username="pemkab.uji")
    headers = {"Authorization": f"Bearer {IG_TOKEN}"}

    me = http.get(f"{meta.url}/v23.0/me", params={"fields": "user_id,username"}, headers=headers)
    bare = http.get(f"{meta.url}/v23.0/me", headers=headers).json()

    assert me.json()["user_id"] == IG_ACCOUNT and me.json()["username"] == "pemkab.uji"
    assert me.json()["id"] != IG_ACCOUNT  # the app-scoped id differs, as at Meta
    assert bare == {"id": me.json()["id"]}
    wrong = http.get(f"{meta.url}/v23.0/me", headers={"Authorization": f"Bearer {TOKEN}"})
    assert wrong.status_code == 401 and wrong.json()["error"]["code"] == 190


def test_control_api_registers_media_and_injects_inbound(
    meta: MetaStandin, graph: httpx.Client, http: httpx.Client, receiver: Receiver
) -> None:
    control = f"{meta.url}/_standin"
    media = http.post(
        f"{control}/media", json={"data_base64": "aGFsbw==", "mime_type": "image/png"}
    )
    image = payloads.whatsapp_image(media.json()["id"], sha256=media.json()["sha256"])
    envelope = payloads.whatsapp_envelope(phone_number_id=PNID, messages=[image])

    delivered = http.post(f"{control}/inbound", json={"payload": envelope}).json()

    assert delivered["status_code"] == 200
    [call] = receiver.wait(1)
    assert payloads.verify(call.body, call.headers["x-hub-signature-256"], SECRET)
    info = graph.get(f"/{media.json()['id']}").json()
    assert http.get(info["url"], headers={"Authorization": f"Bearer {TOKEN}"}).content == b"halo"
    wamid = graph.post(f"/{PNID}/messages", json=text_body()).json()["messages"][0]["id"]
    assert statuses_of(status_calls(receiver, wamid, 1)[0])[0]["status"] == "sent"
    last = http.get(f"{control}/requests", params={"limit": 1}).json()["requests"]
    assert [r["path"] for r in last] == [f"/v21.0/{PNID}/messages"]


def test_instagram_cdn_url_serves_registered_bytes(meta: MetaStandin, http: httpx.Client) -> None:
    media = meta.add_media(b"gambar", "image/jpeg")

    response = http.get(meta.instagram_cdn_url(media.media_id))

    assert response.content == b"gambar"
    assert http.get(f"{meta.url}/ig_messaging_cdn/?asset_id={media.media_id}").status_code == 403
