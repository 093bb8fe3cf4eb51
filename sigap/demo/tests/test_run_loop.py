"""`sigap run` end to end, as `make run` starts it: the demo WhatsApp number answers once.

Issue #3's done-when: on the embedded default, a signed webhook to the demo number becomes exactly
one acknowledgement carrying the tracking number, a re-delivery becomes none, a forged one is
refused with 403. This starts the real all-in-one process (gunicorn, task worker, clock) on its
own SQLite file and points it at the Meta stand-in over HTTP; nothing in Sigap is replaced.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from sigap.standins import meta as meta_standin
from sigap.standins.payloads.whatsapp import whatsapp_inbound, whatsapp_text

PHONE_NUMBER_ID = "100000000000001"  # the demo Pemda's WhatsApp number (README)
APP_SECRET = "demo-app-secret"
ACCESS_TOKEN = "demo-access-token"
STARTUP_SECONDS = 120
ACK_SECONDS = 60


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def meta() -> Iterator[Any]:
    tokens = {PHONE_NUMBER_ID: ACCESS_TOKEN}
    with meta_standin.serve(tokens=tokens, status_webhooks=False) as server:
        yield server


@pytest.fixture
def sigap_run(meta: Any, tmp_path: Path) -> Iterator[str]:
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "SIGAP_"))}
    env |= {
        "SIGAP_DATA_DIR": str(tmp_path),
        "SIGAP_META_GRAPH_URL": f"{meta.url}/v21.0",
        "DJANGO_SETTINGS_MODULE": "sigap.settings",
    }
    command = [sys.executable, "-m", "sigap.cli", "run", "--port", str(port), "--web-workers", "1"]
    log = (tmp_path / "run.log").open("wb")
    # Own process group: the teardown stops `sigap run` and every child it started.
    process = subprocess.Popen(
        command, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(base, process, tmp_path / "run.log")
        yield base
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
        log.close()


def _wait_healthy(base: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"sigap run exited with {process.returncode}:\n{log.read_text()[-3000:]}")
        try:
            if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    pytest.fail(f"sigap run did not become healthy:\n{log.read_text()[-3000:]}")


def _acks_to(meta: Any, wa_id: str) -> list[Any]:
    return [
        r
        for r in meta.requests(path_contains=f"/{PHONE_NUMBER_ID}/messages", method="POST")
        if isinstance(r.json, dict) and r.json.get("to") == wa_id and r.json.get("type") == "text"
    ]


def _wait_ack(meta: Any, wa_id: str) -> Any:
    return meta.wait_for(
        lambda r: (
            r.path.endswith(f"/{PHONE_NUMBER_ID}/messages")
            and isinstance(r.json, dict)
            and r.json.get("to") == wa_id
        ),
        timeout=ACK_SECONDS,
    )


def _post(base: str, body: bytes, headers: dict[str, str]) -> httpx.Response:
    return httpx.post(f"{base}/webhooks/whatsapp", content=body, headers=headers, timeout=10)


def test_demo_number_acknowledges_once_and_refuses_forgeries(sigap_run: str, meta: Any) -> None:
    first = whatsapp_inbound(
        whatsapp_text("Jalan di Desa Cibiru Wetan berlubang besar, bahaya", wa_id="6281210000001"),
        app_secret=APP_SECRET,
        phone_number_id=PHONE_NUMBER_ID,
    )
    assert _post(sigap_run, first.body, first.headers).status_code == 200
    ack = _wait_ack(meta, "6281210000001")
    assert re.search(r"BDG-\d{4}-\d{5}", ack.json["text"]["body"]), ack.json
    # The status link points at this server's port, not the default 8000.
    assert f"{sigap_run}/lacak/" in ack.json["text"]["body"], ack.json

    # Meta re-delivers the same call; then a second citizen writes. Once the second citizen is
    # acknowledged the worker has been past the re-delivery, so "still one" is a real check.
    assert _post(sigap_run, first.body, first.headers).status_code == 200
    second = whatsapp_inbound(
        whatsapp_text("Sampah menumpuk di pasar Soreang", wa_id="6281210000002"),
        app_secret=APP_SECRET,
        phone_number_id=PHONE_NUMBER_ID,
    )
    assert _post(sigap_run, second.body, second.headers).status_code == 200
    _wait_ack(meta, "6281210000002")
    assert len(_acks_to(meta, "6281210000001")) == 1

    forged = whatsapp_inbound(
        whatsapp_text("Laporan palsu", wa_id="6281210000003"),
        app_secret="not-the-demo-secret",
        phone_number_id=PHONE_NUMBER_ID,
    )
    assert _post(sigap_run, forged.body, forged.headers).status_code == 403
    third = whatsapp_inbound(
        whatsapp_text("Lampu jalan mati di Baleendah", wa_id="6281210000004"),
        app_secret=APP_SECRET,
        phone_number_id=PHONE_NUMBER_ID,
    )
    assert _post(sigap_run, third.body, third.headers).status_code == 200
    _wait_ack(meta, "6281210000004")
    assert _acks_to(meta, "6281210000003") == []
