"""HTML mail bodies to readable plain text with the standard library's `html.parser`.

Only the shape a reader needs survives: paragraphs and line breaks, list bullets, link targets
(citizens paste map links), and blockquotes turned into `> ` lines so that the quoted-reply
stripper treats HTML replies exactly like plain-text ones.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_SKIPPED = frozenset({"head", "script", "style", "template", "title", "noscript"})
_BLOCKS = frozenset(
    {
        "address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "fieldset",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "td", "tfoot",
        "th", "thead", "tr", "ul",
    }
)  # fmt: skip
# Blocks that read as separate paragraphs get a blank line around them; the other blocks only
# start a new line (Gmail writes every line of a message as its own <div>).
_PARAGRAPHS = frozenset(
    {"blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "ol", "p", "pre", "table", "ul"}
)
_SPACES = re.compile(r"[ \t\r\n\f\v\xa0\u200b]+")


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = [""]
        self._skip_depth = 0
        self._quote_depth = 0
        self._pre_depth = 0
        self._link: str | None = None
        self._link_text: list[str] = []

    # -- structure -------------------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self._skip_depth += 1
        elif tag == "br":
            self.lines.append("")
        elif tag in _BLOCKS:
            self._block_break(tag)
            if tag == "blockquote":
                self._quote_depth += 1
            elif tag == "li":
                self._write("- ")
            elif tag == "pre":
                self._pre_depth += 1
        elif tag == "a":
            self._link = dict(attrs).get("href")
            self._link_text = []

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # <br/> and <hr/> must break lines exactly like <br> and <hr>.
        self.handle_starttag(tag, attrs)
        if tag not in ("br", "hr"):
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self._skip_depth = max(0, self._skip_depth - 1)
        elif tag in _BLOCKS:
            self._block_break(tag)
            if tag == "blockquote":
                self._quote_depth = max(0, self._quote_depth - 1)
            elif tag == "pre":
                self._pre_depth = max(0, self._pre_depth - 1)
        elif tag == "a":
            self._close_link()

    def handle_data(self, data: str) -> None:
        if self._skip_depth:
            return
        if self._pre_depth:
            first, *rest = data.replace("\r\n", "\n").split("\n")
            self._write(first)
            for line in rest:
                self.lines.append("")
                self._write(line)
            return
        text = _SPACES.sub(" ", data)
        if not self.lines[-1].strip(" >"):
            text = text.lstrip()  # no leading blanks at the start of a line
        if text:
            self._write(text)
            if self._link is not None:
                self._link_text.append(text)

    # -- output ----------------------------------------------------------------------------

    def _write(self, text: str) -> None:
        if self._quote_depth and not self.lines[-1]:
            self.lines[-1] = "> " * self._quote_depth
        self.lines[-1] += text

    def _block_break(self, tag: str) -> None:
        if self.lines[-1].strip(" >"):
            self.lines.append("")
        if tag in _PARAGRAPHS and len(self.lines) > 1 and self.lines[-2].strip(" >"):
            self.lines.insert(len(self.lines) - 1, "")

    def _close_link(self) -> None:
        href, self._link = self._link, None
        shown = "".join(self._link_text).strip()
        if href and href.startswith(("http://", "https://")) and href != shown:
            self._write(f" ({href})")


def html_to_text(html: str) -> str:
    """Readable text for an HTML body; never raises on broken markup."""
    collector = _TextCollector()
    try:
        collector.feed(html)
        collector.close()
    except Exception:  # html.parser is lenient, but an AssertionError on odd markup exists
        return _SPACES.sub(" ", re.sub(r"<[^>]*>", " ", html)).strip()
    return _tidy(collector.lines)


def _tidy(lines: list[str]) -> str:
    cleaned: list[str] = []
    for line in lines:
        line = line.rstrip()
        if line.strip(" >") == "" and line.startswith(">"):
            line = ">"
        if not line and cleaned and not cleaned[-1]:
            continue  # at most one blank line in a row
        cleaned.append(line)
    return "\n".join(cleaned).strip()
