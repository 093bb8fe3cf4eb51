"""Graph API error envelopes and send-request validation for the Meta stand-in.

Error shapes follow protocols.md 1.12; WhatsApp errors carry `error_data.messaging_product`,
Instagram (Messenger Platform) errors carry `error_subcode` instead.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from typing import Any

from sigap.standins.core import Request, Response
from sigap.standins.payloads import whatsapp_error

JSON = dict[str, Any]

# code -> (HTTP status, title). Rate limits answer 429 so clients can key their back-off on the
# status line as well as on the code; Meta's real status for them is not documented consistently.
GRAPH_CODES: dict[int, tuple[int, str]] = {
    1: (500, "An unknown error has occurred."),
    2: (503, "Service temporarily unavailable"),
    4: (429, "Application request limit reached"),
    10: (400, "Application does not have permission for this action"),
    100: (400, "Invalid parameter"),
    190: (401, "Error validating access token: Session has expired"),
    368: (400, "Temporarily blocked for policies violations"),
    80007: (429, "Rate limit issues"),
    130429: (429, "Rate limit hit"),
    131000: (500, "Something went wrong"),
    131008: (400, "Required parameter is missing"),
    131009: (400, "Parameter value is not valid"),
    131026: (400, "Message undeliverable"),
    131030: (400, "Recipient phone number not in allowed list"),
    131031: (403, "Account has been locked"),
    131042: (400, "Business eligibility payment issue"),
    131047: (400, "Re-engagement message"),
    131048: (400, "Spam rate limit hit"),
    131049: (400, "Meta chose not to deliver."),
    131051: (400, "Unsupported message type"),
    131052: (400, "Media download error"),
    131053: (400, "Media upload error"),
    131056: (429, "(Business Account, Consumer Account) pair rate limit hit"),
    131057: (503, "Account in maintenance mode"),
    131062: (400, "BSUID recipients not supported for this message"),
    132000: (400, "Number of parameters does not match the expected number of params"),
    132001: (400, "Template name does not exist in the translation"),
    132012: (400, "Parameter format does not match format in the created template"),
    132015: (400, "Template is paused"),
    132016: (400, "Template is disabled"),
    133016: (400, "Account register deregister rate limit exceeded"),
}

_DETAILS: dict[int, str] = {
    131026: "Message undeliverable: the recipient is not on WhatsApp or cannot receive it.",
    131047: "Message failed to send because more than 24 hours have passed since the customer "
    "last replied to this number.",
    130429: "Cloud API message throughput has been reached.",
    131056: "Too many messages sent from the sender phone number to the same recipient phone "
    "number in a short period of time.",
}

INSTAGRAM_OUTSIDE_WINDOW_SUBCODE = 2534022


class GraphError(Exception):
    """A synchronous Graph API error; `response()` renders the documented envelope."""

    def __init__(
        self,
        code: int,
        *,
        details: str | None = None,
        message: str | None = None,
        subcode: int | None = None,
        http_status: int | None = None,
        whatsapp: bool = True,
        error_type: str = "OAuthException",
    ) -> None:
        status, title = GRAPH_CODES.get(code, (400, "Invalid request"))
        self.code = code
        self.title = title
        self.details = details or _DETAILS.get(code) or title
        # WhatsApp-specific codes prefix the message with "(#code)" like the real API.
        self.message = message or f"(#{code}) {title}"
        self.subcode = subcode
        self.http_status = http_status or status
        self.whatsapp = whatsapp
        self.error_type = error_type
        super().__init__(self.message)

    def body(self) -> JSON:
        error: JSON = {"message": self.message, "type": self.error_type, "code": self.code}
        if self.subcode is not None:
            error["error_subcode"] = self.subcode
        if self.code in (1, 2):
            error["is_transient"] = True
        if self.whatsapp:
            error["error_data"] = {"messaging_product": "whatsapp", "details": self.details}
        error["fbtrace_id"] = "A" + secrets.token_urlsafe(16)[:22]
        return {"error": error}

    def response(self) -> Response:
        return Response.json(self.http_status, self.body(), {"WWW-Authenticate": "OAuth"})

    def status_error(self) -> JSON:
        """The same error as an element of a `failed` status webhook's `errors[]`."""
        return whatsapp_error(self.code, self.title, self.details)


def invalid_token() -> GraphError:
    return GraphError(
        190, message="Invalid OAuth access token - Cannot parse access token", whatsapp=False
    )


def expired_token() -> GraphError:
    message = "Error validating access token: Session has expired on Thursday, 01-Jan-26."
    return GraphError(190, message=message, subcode=463, whatsapp=False)


def unknown_object(object_id: str) -> GraphError:
    message = (
        f"Unsupported post request. Object with ID '{object_id}' does not exist, cannot be "
        "loaded due to missing permissions, or does not support this operation."
    )
    return GraphError(
        100, message=message, subcode=33, whatsapp=False, error_type="GraphMethodException"
    )


def selected_fields(
    request: Request, node: JSON, node_type: str, *, default: tuple[str, ...] | None = None
) -> JSON:
    """The `fields=` a Graph read asked for, always with `id`; an unknown name is error 100."""
    requested = [name.strip() for name in (request.query_value("fields") or "").split(",")]
    names = [name for name in requested if name] or list(default or node)
    unknown = [name for name in names if name not in node]
    if unknown:
        field = unknown[0]
        message = f"(#100) Tried accessing nonexisting field ({field}) on node type ({node_type})"
        raise GraphError(100, message=message, whatsapp=False)
    return {"id": node["id"], **{name: node[name] for name in names}}


def instagram_outside_window() -> GraphError:
    message = "(#10) This message is sent outside of allowed window."
    return GraphError(10, message=message, subcode=INSTAGRAM_OUTSIDE_WINDOW_SUBCODE, whatsapp=False)


def _missing(details: str) -> GraphError:
    return GraphError(131008, details=details)


def _invalid(details: str) -> GraphError:
    return GraphError(131009, details=details)


# -- WhatsApp send validation (protocols.md 1.7, 1.9) -----------------------------------------

MEDIA_TYPES = frozenset({"image", "audio", "video", "document", "sticker"})
CAPTION_TYPES = frozenset({"image", "video", "document"})
WHATSAPP_TYPES = MEDIA_TYPES | {
    "text",
    "template",
    "interactive",
    "location",
    "contacts",
    "reaction",
}
INTERACTIVE_TYPES = frozenset(
    {"button", "list", "cta_url", "location_request_message", "flow", "product", "product_list"}
)
TEXT_LIMIT = 4096


def validate_whatsapp_send(body: Any) -> str:
    """Validate a `/{phone_number_id}/messages` body; return the message type."""
    if not isinstance(body, dict):
        raise _invalid("The request body must be a JSON object.")
    if "messaging_product" not in body:
        raise _missing("The parameter messaging_product is required.")
    if body["messaging_product"] != "whatsapp":
        raise _invalid("messaging_product must be 'whatsapp'.")
    _validate_whatsapp_recipient(body)
    kind = body.get("type", "text")  # Meta defaults a missing type to text
    if kind not in WHATSAPP_TYPES:
        raise _invalid(f"Parameter 'type' value {kind!r} is not supported.")
    content = body.get(kind)
    if content is None:
        raise _missing(f"The parameter {kind} is required for messages of type {kind}.")
    _KIND_VALIDATORS.get(kind, _validate_media)(kind, content)
    context = body.get("context")
    if context is not None and not (isinstance(context, dict) and context.get("message_id")):
        raise _invalid("context.message_id is required when context is given.")
    return str(kind)


def _validate_whatsapp_recipient(body: JSON) -> None:
    to, recipient = body.get("to"), body.get("recipient")
    if not to and not recipient:
        raise _missing("The parameter to (or recipient for a business-scoped user id) is required.")
    for value in (to, recipient):
        if value is not None and not isinstance(value, str):
            raise _invalid("to/recipient must be a string.")
    if body.get("recipient_type", "individual") not in ("individual", "group"):
        raise _invalid("recipient_type must be 'individual' or 'group'.")


def _validate_text(kind: str, content: Any) -> None:
    text = content.get("body") if isinstance(content, dict) else None
    if not isinstance(text, str) or not text:
        raise _missing("The parameter text['body'] is required.")
    if len(text) > TEXT_LIMIT:
        raise _invalid(f"text['body'] must be at most {TEXT_LIMIT} characters.")


def _validate_template(kind: str, content: Any) -> None:
    if not isinstance(content, dict) or not content.get("name"):
        raise _missing("The parameter template['name'] is required.")
    language = content.get("language")
    if not isinstance(language, dict) or not language.get("code"):
        raise _missing("The parameter template['language']['code'] is required.")
    if not isinstance(content.get("components", []), list):
        raise _invalid("template['components'] must be a list.")


def _validate_media(kind: str, content: Any) -> None:
    if not isinstance(content, dict) or not (content.get("id") or content.get("link")):
        raise _missing(f"{kind} requires either 'id' or 'link'.")
    if content.get("id") and content.get("link"):
        raise _invalid(f"{kind} takes 'id' or 'link', not both.")
    if "caption" in content and kind not in CAPTION_TYPES:
        raise _invalid(f"caption is not supported for {kind}.")


def _validate_location(kind: str, content: Any) -> None:
    if not isinstance(content, dict):
        raise _missing("location requires latitude and longitude.")
    for name in ("latitude", "longitude"):
        if not isinstance(content.get(name), int | float | str):
            raise _missing(f"location['{name}'] is required.")


def _validate_contacts(kind: str, content: Any) -> None:
    if not isinstance(content, list) or not content:
        raise _missing("contacts must be a non-empty list.")
    for contact in content:
        if not isinstance(contact, dict) or not contact.get("name", {}).get("formatted_name"):
            raise _missing("contacts[]['name']['formatted_name'] is required.")


def _validate_reaction(kind: str, content: Any) -> None:
    if not isinstance(content, dict) or not content.get("message_id"):
        raise _missing("reaction['message_id'] is required.")
    if not isinstance(content.get("emoji", ""), str):
        raise _invalid("reaction['emoji'] must be a string.")


def _validate_interactive(kind: str, content: Any) -> None:
    if not isinstance(content, dict) or content.get("type") not in INTERACTIVE_TYPES:
        raise _invalid(f"interactive['type'] must be one of {sorted(INTERACTIVE_TYPES)}.")
    body = content.get("body")
    if content["type"] in ("button", "list", "cta_url", "location_request_message") and not (
        isinstance(body, dict) and body.get("text")
    ):
        raise _missing("interactive['body']['text'] is required.")
    action = content.get("action")
    if not isinstance(action, dict):
        raise _missing("interactive['action'] is required.")
    if content["type"] == "button":
        _validate_reply_buttons(action)
    elif content["type"] == "list":
        _validate_list(action)
    elif content["type"] == "location_request_message" and action.get("name") != "send_location":
        raise _invalid("location_request_message needs action['name'] == 'send_location'.")


def _validate_reply_buttons(action: JSON) -> None:
    buttons = action.get("buttons")
    if not isinstance(buttons, list) or not 1 <= len(buttons) <= 3:
        raise _invalid("interactive button messages take 1 to 3 buttons.")
    for button in buttons:
        reply = button.get("reply", {}) if isinstance(button, dict) else {}
        if not reply.get("id") or not reply.get("title"):
            raise _missing("each button needs reply['id'] and reply['title'].")
        if len(reply["title"]) > 20:
            raise _invalid("button titles are limited to 20 characters.")


def _validate_list(action: JSON) -> None:
    if not action.get("button"):
        raise _missing("interactive list messages need action['button'].")
    sections = action.get("sections")
    if not isinstance(sections, list) or not sections:
        raise _missing("interactive list messages need at least one section.")
    rows = [row for section in sections for row in section.get("rows", [])]
    if not 1 <= len(rows) <= 10:
        raise _invalid("interactive list messages take 1 to 10 rows in total.")
    if any(not row.get("id") or len(row.get("title", "")) > 24 for row in rows):
        raise _invalid("list rows need an id and a title of at most 24 characters.")


_KIND_VALIDATORS: dict[str, Callable[[str, Any], None]] = {
    "text": _validate_text,
    "template": _validate_template,
    "interactive": _validate_interactive,
    "location": _validate_location,
    "contacts": _validate_contacts,
    "reaction": _validate_reaction,
}


def validate_mark_read(body: JSON) -> None:
    if body.get("messaging_product") != "whatsapp":
        raise _missing("The parameter messaging_product is required.")
    if not body.get("message_id"):
        raise _missing("The parameter message_id is required.")


# -- Instagram send validation (protocols.md 2.3, 2.4) ---------------------------------------

INSTAGRAM_TEXT_BYTES = 1000
SENDER_ACTIONS = frozenset({"typing_on", "typing_off", "mark_seen", "react", "unreact"})
INSTAGRAM_ATTACHMENTS = frozenset({"image", "video", "audio", "file", "like_heart", "MEDIA_SHARE"})


def _param_error(details: str) -> GraphError:
    return GraphError(100, message=f"(#100) {details}", whatsapp=False)


def validate_instagram_send(body: Any) -> bool:
    """Validate a Send API body; return whether it uses the HUMAN_AGENT tag."""
    if not isinstance(body, dict):
        raise _param_error("The request body must be a JSON object")
    recipient = body.get("recipient")
    if not isinstance(recipient, dict) or not recipient.get("id"):
        raise _param_error("The parameter recipient is required")
    if "sender_action" in body:
        if body["sender_action"] not in SENDER_ACTIONS:
            raise _param_error("Param sender_action must be one of " + str(sorted(SENDER_ACTIONS)))
        return False
    _validate_instagram_message(body.get("message"))
    return _validate_messaging_type(body)


def _validate_instagram_message(message: Any) -> None:
    if not isinstance(message, dict) or not (message.get("text") or message.get("attachment")):
        raise _param_error("The parameter message is required and must have text or attachment")
    text = message.get("text")
    # The limit is in UTF-8 bytes: Indonesian text with emoji hits it before 1000 characters.
    if text is not None and len(str(text).encode()) > INSTAGRAM_TEXT_BYTES:
        raise _param_error(
            f"Length of param message[text] must be less than or equal to {INSTAGRAM_TEXT_BYTES}"
        )
    attachment = message.get("attachment")
    if attachment is not None:
        if not isinstance(attachment, dict) or attachment.get("type") not in INSTAGRAM_ATTACHMENTS:
            raise _param_error("Param message[attachment][type] is not supported")
        payload = attachment.get("payload") or {}
        if attachment["type"] != "like_heart" and not (
            payload.get("url") or payload.get("attachment_id") or payload.get("id")
        ):
            raise _param_error("Param message[attachment][payload][url] is required")


def _validate_messaging_type(body: JSON) -> bool:
    messaging_type = body.get("messaging_type", "RESPONSE")
    if messaging_type not in ("RESPONSE", "UPDATE", "MESSAGE_TAG"):
        raise _param_error("Param messaging_type must be one of {RESPONSE, UPDATE, MESSAGE_TAG}")
    if messaging_type != "MESSAGE_TAG":
        return False
    # Instagram supports a single tag; other Messenger tags are refused.
    if body.get("tag") != "HUMAN_AGENT":
        raise _param_error("Param tag must be HUMAN_AGENT for messaging_type MESSAGE_TAG")
    return True
