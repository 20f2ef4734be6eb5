"""Where a message goes and how long it may be there, from ``resources/limits.json``.

``connection_note`` (200 characters on a free account, 300 on Premium), ``inmail`` (subject and
body), ``message`` (a 1st-degree message, with a sanity cap) and ``email`` (subject and body).
A rendered text that starts with a ``Subject:`` line gives the subject of the channels that have
one; the rest is the body.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

from profile_helper.core.errors import InputError
from profile_helper.core.resources import limits

CHANNELS: tuple[str, ...] = ("connection_note", "inmail", "message", "email")
CHANNEL_LABELS: dict[str, str] = {
    "connection_note": "Connection note",
    "inmail": "InMail",
    "message": "LinkedIn message",
    "email": "Email",
}
_SUBJECT_PREFIX = "subject:"


@dataclass(frozen=True)
class ChannelLimits:
    channel: str
    body: int
    subject: int | None  # None: the channel has no subject

    @property
    def has_subject(self) -> bool:
        return self.subject is not None


def check_channel(channel: str) -> str:
    if channel not in CHANNELS:
        raise InputError(f"Unknown channel '{channel}'; use one of: {', '.join(CHANNELS)}")
    return channel


def channel_limits(channel: str, premium: bool = False) -> ChannelLimits:
    """The limits of a channel; a connection note's depends on the LinkedIn Premium setting."""
    check_channel(channel)
    entry = cast(dict[str, int], limits()[channel])
    if channel == "connection_note":
        return ChannelLimits(channel, entry["premium" if premium else "free"], None)
    return ChannelLimits(channel, entry["body"], entry.get("subject"))


def split_subject(text: str, has_subject: bool) -> tuple[str, str]:
    """Split a leading ``Subject: ...`` line off the text (kept in the body when not wanted)."""
    text = text.strip("\n")
    first, _, rest = text.partition("\n")
    if not first.lower().startswith(_SUBJECT_PREFIX):
        return "", text.strip()
    subject = first[len(_SUBJECT_PREFIX) :].strip()
    body = rest.strip()
    if not has_subject:
        # A LinkedIn message has no subject line: keep what it said as the body's first line.
        return "", f"{subject}\n\n{body}".strip() if subject else body
    return subject, body


@dataclass(frozen=True)
class RenderedMessage:
    """A message ready to send, with its length against the channel's limit."""

    template: str
    channel: str
    subject: str
    body: str
    limit: int
    subject_limit: int | None

    @property
    def length(self) -> int:
        return len(self.body)

    @property
    def over_limit(self) -> int:
        """How many characters the body is over its limit (0 when it fits)."""
        return max(0, self.length - self.limit)

    def to_json(self) -> dict[str, Any]:
        return {
            "template": self.template,
            "channel": self.channel,
            "subject": self.subject,
            "body": self.body,
            "length": self.length,
            "limit": self.limit,
            "over_limit": self.over_limit,
        }
