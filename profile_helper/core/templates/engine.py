"""Render a message from a template: the one entry point both front ends use.

It finds the template (the person's own first), renders it in the sandbox with the variables,
splits off the subject and measures the result against the channel's limit.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from profile_helper.core.templates.catalog import TemplateInfo, load_template
from profile_helper.core.templates.channels import (
    RenderedMessage,
    channel_limits,
    check_channel,
    split_subject,
)
from profile_helper.core.templates.sandbox import render_source, variables_used
from profile_helper.core.templates.variables import lookup


def render_text(info: TemplateInfo, variables: Mapping[str, Any]) -> str:
    """The template's text rendered (its metadata comment renders as nothing)."""
    return render_source(info.text, info.file_name, variables).strip()


def render_message(
    info: TemplateInfo,
    variables: Mapping[str, Any],
    channel: str | None = None,
    premium: bool = False,
) -> RenderedMessage:
    """Render a template into a message for its channel (or the one given)."""
    chosen = check_channel(channel) if channel else info.channel
    limits = channel_limits(chosen, premium)
    subject, body = split_subject(render_text(info, variables), limits.has_subject)
    return RenderedMessage(
        template=info.id,
        channel=chosen,
        subject=subject,
        body=body,
        limit=limits.body,
        subject_limit=limits.subject,
    )


def render_by_id(
    template_id: str,
    user_dir: Path | None,
    variables: Mapping[str, Any],
    channel: str | None = None,
    premium: bool = False,
) -> RenderedMessage:
    return render_message(load_template(template_id, user_dir), variables, channel, premium)


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
