"""Bot API parameters from the query string and a JSON, urlencoded or multipart body."""

from __future__ import annotations

import contextlib
import email.policy
import json
from email.parser import BytesParser
from typing import Any
from urllib.parse import parse_qs

from sigap.standins.core import Request

JSON = dict[str, Any]

# Parameters that clients send as JSON-serialised strings in form/multipart requests.
_JSON_PARAMS = frozenset(
    {"reply_markup", "reply_parameters", "allowed_updates", "entities", "link_preview_options"}
)


def bot_api_params(request: Request) -> JSON:
    """Bot API parameters from the query string and a JSON, urlencoded or multipart body."""
    params: JSON = {name: values[-1] for name, values in request.query.items()}
    content_type = request.headers.get("content-type", "")
    if isinstance(request.json, dict):
        params.update(request.json)
        return params
    if "application/x-www-form-urlencoded" in content_type:
        form = parse_qs(request.body.decode("utf-8", "replace"), keep_blank_values=True)
        params.update({name: values[-1] for name, values in form.items()})
    elif "multipart/form-data" in content_type:
        params.update(_multipart(request.body, content_type))
    for name in _JSON_PARAMS & params.keys():
        if isinstance(params[name], str):
            # Unparsable values stay strings; the method then reports them.
            with contextlib.suppress(ValueError):
                params[name] = json.loads(params[name])
    return params


def _multipart(body: bytes, content_type: str) -> JSON:
    head = f"Content-Type: {content_type}\r\n\r\n".encode()
    message = BytesParser(policy=email.policy.HTTP).parsebytes(head + body)
    fields: JSON = {}
    for part in message.walk():
        name = part.get_param("name", header="content-disposition")
        if not isinstance(name, str):
            continue
        data = part.get_payload(decode=True)
        data = data if isinstance(data, bytes) else b""
        filename = part.get_filename()
        fields[name] = f"<file {filename}>" if filename else data.decode("utf-8", "replace")
    return fields
