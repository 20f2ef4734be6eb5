"""Render a message from a template: the one entry point both front ends use.

It finds the template (the person's own first), renders it in the sandbox with the variables,
splits off the subject and measures the result against the channel's limit.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from profile_helper.core.errors import InputError
from profile_helper.core.templates.catalog import TemplateInfo
from profile_helper.core.templates.channels import (
    RenderedMessage,
    channel_limits,
    check_channel,
    split_subject,
)
from profile_helper.core.templates.context import build_context, lookup, variable_label
from profile_helper.core.templates.sandbox import (
    MissingVariableError,
    render_source,
    variables_used,
)

# A template reads only so many variables; this bounds the fill-and-retry loop below.
MAX_GAPS = 24
# A value that ends a sentence itself ("TechStart, Inc.") followed by the template's own full
# stop gives two; an ellipsis ("...") is left alone.
_DOUBLE_STOP = re.compile(r"(?<!\.)\.\.(?!\.)")


# The variables a template signs off with: without one of them set, a message ends unsigned.
SIGN_OFF = ("me.signature", "me.first_name", "me.name")


class NoSignatureError(InputError):
    """A template signs off with the person's name, and no name is set.

    ``str()`` says how to fix it on the command line; ``gui_message`` names the Settings field.
    """

    def __init__(self, title: str) -> None:
        super().__init__(
            f"“{title}” signs off with your name, and none is set: run "
            "'profile-helper profile set --name \"Your Name\"', or add "
            '--set me.name="Your Name" for this message only.'
        )
        self.gui_message = (
            f"“{title}” signs off with your name, and none is set: fill in “Your name” in "
            "Settings › Your profile."
        )


def check_sign_off(info: TemplateInfo, variables: Mapping[str, Any]) -> None:
    """Raise :class:`NoSignatureError` when the template signs with a name nobody gave."""
    used = variables_used(info.text, info.file_name)
    if any(name in used for name in SIGN_OFF) and not any(
        lookup(variables, name) for name in SIGN_OFF
    ):
        raise NoSignatureError(info.title)


def render_text(info: TemplateInfo, variables: Mapping[str, Any]) -> str:
    """The template's text rendered (its metadata comment renders as nothing)."""
    text = render_source(info.text, info.file_name, variables).strip()
    return _DOUBLE_STOP.sub(".", text)


def render_message(
    info: TemplateInfo,
    variables: Mapping[str, Any],
    channel: str | None = None,
    premium: bool = False,
) -> RenderedMessage:
    """Render a template into a message for its channel (or the one given)."""
    chosen = check_channel(channel) if channel else info.channel
    limits = channel_limits(chosen, premium)
    text = render_text(info, variables)
    check_sign_off(info, variables)
    subject, body = split_subject(text, limits.has_subject)
    return RenderedMessage(
        template=info.id,
        channel=chosen,
        subject=subject,
        body=body,
        limit=limits.body,
        subject_limit=limits.subject,
    )


def unfilled_variables(info: TemplateInfo, variables: Mapping[str, Any]) -> list[str]:
    """The variables the template reads that have no value yet, in reading order.

    Fields that are present but empty (a contact without a company) are listed too, so a form
    can offer them; the template decides whether it needs them.
    """
    return [
        name
        for name in variables_used(info.text, info.file_name)
        if lookup(variables, name) in (None, "")
    ]


def placeholder(name: str) -> str:
    """What stands in a draft for a variable not given yet: ``[job title]``."""
    return f"[{variable_label(name).lower()}]"


def render_draft(
    info: TemplateInfo,
    contact: Mapping[str, Any] | None,
    profile: Mapping[str, Any] | None,
    extra: Mapping[str, Any],
    *,
    job: Mapping[str, Any] | None = None,
    channel: str | None = None,
    premium: bool = False,
) -> tuple[RenderedMessage, list[str]]:
    """Render as far as possible: each missing variable shows as a placeholder.

    Returns the message and the variables that were missing, in the order met. Other template
    errors (syntax, forbidden access) are raised as usual.
    """
    values = dict(extra)
    missing: list[str] = []
    while True:
        context = build_context(contact, profile, job, values)
        try:
            return render_message(info, context, channel, premium), missing
        except NoSignatureError:
            # The draft signs with "[your name]"; the form asks for it like any other gap.
            if "me.name" in missing:
                raise
            missing.append("me.name")
            values["me.name"] = placeholder("me.name")
        except MissingVariableError as exc:
            if exc.variable in missing or len(missing) >= MAX_GAPS:
                raise
            missing.append(exc.variable)
            values[exc.variable] = placeholder(exc.variable)
