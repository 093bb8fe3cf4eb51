"""Entity parsing for `parse_mode`, close enough to Telegram's to catch Sigap's escaping bugs.

Telegram counts the 1-4096 character limit after entity parsing and refuses malformed markup
with `400 Bad Request: can't parse entities: …`. Citizen text pasted into an HTML or MarkdownV2
reply without escaping is the usual cause, so these checks reject exactly that.
"""

from __future__ import annotations

import html
import re


class EntityError(ValueError):
    """Raised with Telegram's description after `can't parse entities: `."""


HTML_TAGS = frozenset(
    {
        "b",
        "strong",
        "i",
        "em",
        "u",
        "ins",
        "s",
        "strike",
        "del",
        "span",
        "tg-spoiler",
        "a",
        "code",
        "pre",
        "blockquote",
        "tg-emoji",
    }
)
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)?([^<>]*)>")
_HTML_ENTITY = re.compile(r"&(lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);")
# Characters MarkdownV2 reserves and that never start an entity: they must always be escaped.
_MD2_RESERVED = frozenset("#+-={}.!()>")


def plain_text(text: str, parse_mode: str | None) -> str:
    """Return the text a user would see; raise EntityError for markup Telegram refuses."""
    mode = (parse_mode or "").lower()
    if not mode:
        return text
    if mode == "html":
        return _html_plain(text)
    if mode == "markdownv2":
        return _markdown_v2_plain(text)
    if mode == "markdown":
        return re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text).translate(str.maketrans("", "", "*_`"))
    raise ValueError("unsupported parse_mode")


def _offset(text: str, index: int) -> int:
    # Telegram reports UTF-8 byte offsets, not character indexes.
    return len(text[:index].encode())


def _html_plain(text: str) -> str:
    out: list[str] = []
    open_tags: list[str] = []
    index = 0
    while index < len(text):
        char = text[index]
        if char == "<":
            index = _html_tag(text, index, open_tags)
            continue
        entity = _HTML_ENTITY.match(text, index) if char == "&" else None
        if entity is not None:
            out.append(html.unescape(entity.group(0)))
            index = entity.end()
            continue
        out.append(char)
        index += 1
    if open_tags:
        raise EntityError(f'Can\'t find end tag corresponding to start tag "{open_tags[-1]}"')
    return "".join(out)


def _html_tag(text: str, index: int, open_tags: list[str]) -> int:
    match = _TAG.match(text, index)
    name = (match.group(2) or "").lower() if match else ""
    if match is None or name not in HTML_TAGS:
        raise EntityError(f'Unsupported start tag "{name}" at byte offset {_offset(text, index)}')
    if not match.group(1):
        open_tags.append(name)
        return match.end()
    if not open_tags or open_tags[-1] != name:
        expected = f'"</{open_tags[-1]}>"' if open_tags else "no end tag"
        raise EntityError(
            f"Unmatched end tag at byte offset {_offset(text, index)}, expected {expected}, "
            f'found "</{name}>"'
        )
    open_tags.pop()
    return match.end()


def _markdown_v2_plain(text: str) -> str:
    out: list[str] = []
    in_code = False
    index = 0
    while index < len(text):
        char = text[index]
        if char == "\\" and index + 1 < len(text):
            out.append(text[index + 1])
            index += 2
            continue
        if char == "`":
            in_code = not in_code
        elif in_code:
            out.append(char)
        elif char == "(" and index and text[index - 1] == "]":
            index = _skip_link_target(text, index)
            continue
        elif _md2_markup(text, index):
            pass
        elif char in _MD2_RESERVED:
            raise EntityError(
                f"Character '{char}' is reserved and must be escaped with the preceding '\\'"
            )
        else:
            out.append(char)
        index += 1
    return "".join(out)


def _md2_markup(text: str, index: int) -> bool:
    char = text[index]
    if char in "_*~|[]":
        return True
    if char == ">" and (index == 0 or text[index - 1] == "\n"):
        return True  # block quotation
    return char == "!" and text[index + 1 : index + 2] == "["  # custom emoji


def _skip_link_target(text: str, index: int) -> int:
    end = text.find(")", index)
    if end < 0:
        raise EntityError(f"Can't find end of a url at byte offset {_offset(text, index)}")
    return end + 1
