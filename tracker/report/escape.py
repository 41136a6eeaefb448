"""Escaping for every output channel. Claim text comes from strangers' pull requests."""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def terminal(text: str) -> str:
    """Make text safe for a terminal: no escape sequences, no bidi overrides, one line.

    ``"evil\\x1b[2J"`` becomes ``"evil\\\\x1b[2J"``; a newline becomes ``"\\\\n"``.
    """
    text = text.replace("\r\n", "\n").replace("\n", "\\n").replace("\t", " ")
    return _CONTROL.sub(
        lambda m: (
            f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}"
        ),
        text,
    )


def github_message(text: str) -> str:
    """Escape the message part of a GitHub workflow command (after ``::``)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def github_property(text: str) -> str:
    """Escape a property value of a GitHub workflow command (``file=...,title=...``)."""
    return github_message(text).replace(":", "%3A").replace(",", "%2C")
