"""The API's documentation pages load everything from Sigap itself, never from a CDN."""

from __future__ import annotations

import re


def test_api_docs_load_swagger_from_our_own_static_files(client, coordinator):
    client.force_login(coordinator)
    page = client.get("/api/docs")
    html = page.content.decode()
    assert page.status_code == 200
    assert "cdn." not in html and "https://" not in html
    scripts = re.findall(r'(?:src|href)="(/static/ninja/[^"]+)"', html)
    assert any(s.endswith("swagger-ui-bundle.js") for s in scripts), scripts
    for url in scripts:
        asset = client.get(url)
        assert asset.status_code == 200, url
        assert b"".join(asset.streaming_content if asset.streaming else [asset.content])
