"""Escaping for every output channel. Claim text comes from strangers' pull requests.

Every reporter passes each value from the data through one function here, chosen by
where the value lands. All of them first make the text one visible line (`terminal`):
control characters, bidi overrides and newlines become backslash escapes, so a value
can never start a line of output (GitHub reads workflow commands such as
``::error::`` only at the start of a line) and never moves a terminal's cursor.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

# C0/C1 controls (newline handled separately), line/paragraph separators, bidi
# overrides and isolates, and the two code points XML 1.0 forbids outright.
_CONTROL = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]"
)
# Word joiner: invisible, but stops GitHub from reading "@name" as a mention
# (which would notify that person or team from a PR comment or job summary).
_JOINER = "\u2060"
_MENTION = re.compile(r"@(?=[A-Za-z0-9_-])")
# GitHub turns "#123" and "GH-123" into cross-references that notify the other issue.
_REFERENCE = re.compile(r"(#|GH-)(?=\d)", re.IGNORECASE)
# Characters with an inline meaning in GitHub-flavoured Markdown (emphasis, code,
# links and images, table cells, strikethrough, math, heading closers), escaped with
# a backslash. Block syntax (lists, quotes, fences) needs a line start, and a value
# never starts a line. Escaping "[" is enough to make "![x](y)" and "[x](y)" plain text.
_MARKDOWN_PUNCT = re.compile(r"([\\`*_\[\]|~#$])")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal(text: str) -> str:
    """Make text safe for a terminal: no escape sequences, no bidi overrides, one line.

    ``"evil\\x1b[2J"`` becomes ``"evil\\\\x1b[2J"``; a newline becomes ``"\\\\n"``.
    """
    text = text.replace("\r\n", "\n").replace("\n", "\\n").replace("\r", "\\r").replace("\t", " ")
    return _CONTROL.sub(_visible, text)


def github_message(text: str) -> str:
    """Escape the message part of a GitHub workflow command (after ``::``).

    ``%``, CR and LF are encoded as GitHub documents (``%25``, ``%0D``, ``%0A``), so a
    newline in claim text can never start a second workflow command; other control
    characters are made visible as for `terminal`.
    """
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return _CONTROL.sub(_visible, text)


def github_property(text: str) -> str:
    """Escape a property value of a GitHub workflow command (``file=...,title=...``)."""
    return github_message(text).replace(":", "%3A").replace(",", "%2C")


def safe_url(url: str | None) -> str | None:
    """`url` if it is an absolute http(s) URL that is safe to link to, else None.

    ``javascript:``, ``data:``, relative and scheme-relative URLs are never linked;
    neither is a URL with whitespace, double quotes, angle brackets, backslashes,
    backticks or control characters.
    """
    if not url or len(url) > 2048 or re.search(r"[\s\"<>`\\\x00-\x1f\x7f]", url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


def markdown_url(url: str | None) -> str | None:
    """A safe http(s) URL as a Markdown link target, else None.

    Parentheses are percent-encoded so a ``)`` in the URL cannot end the link early.
    """
    target = safe_url(url)
    return None if target is None else target.replace("(", "%28").replace(")", "%29")


# GitHub's autolink extension turns bare "https://...", "www...." and "mailto:..."
# into live links; a word joiner after the scheme keeps the text but not the link.
_AUTOLINK = re.compile(r"(?i)\b(https?|ftp|www|mailto|xmpp)(?=:|\.)")


def break_mentions(text: str) -> str:
    """Make ``@name``, ``#123``, ``GH-123`` and bare URLs inert on GitHub.

    Mentions and references would notify people or issues; bare URLs would become
    links to wherever a stranger's claim points.
    """
    text = _AUTOLINK.sub(lambda m: m.group(1) + _JOINER, text)
    return _REFERENCE.sub(lambda m: m.group(1) + _JOINER, _MENTION.sub("@" + _JOINER, text))


def markdown(text: str) -> str:
    """Inline GitHub-flavoured Markdown text, safe in a table cell or a list item.

    Links, images, emphasis, code, headings and table pipes are backslash-escaped;
    ``<``, ``>`` and ``&`` become entities (no raw HTML, no autolinks); mentions,
    issue references and bare URLs are broken. ``[x](javascript:alert(1)) | @team`` renders as that
    literal text.
    """
    text = terminal(text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return break_mentions(_MARKDOWN_PUNCT.sub(r"\\\1", text))


def html(text: str) -> str:
    """Text for an HTML element or a quoted attribute value (one visible line)."""
    return (
        terminal(text)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#x27;")
    )


def xml(text: str) -> str:
    """Text that is legal in XML 1.0 (no controls, one line), before the XML writer escapes."""
    return terminal(text)
