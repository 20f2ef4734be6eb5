"""``profile-helper message TEMPLATE_ID``: write a message from a template, ready to send."""

from __future__ import annotations

import argparse
from typing import Any

from profile_helper.commands.context import CliContext

CHANNEL_CHOICES = ("connection_note", "inmail", "message", "email")


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "message",
        help="write a message from a template",
        description="Render a message template for a contact with your profile from Settings. "
        "The text goes to stdout; its length against the channel's limit goes to stderr.",
    )
    parser.add_argument("template", metavar="TEMPLATE_ID", help="see 'templates list'")
    parser.add_argument("--contact", type=int, metavar="ID", help="the contact to write to")
    parser.add_argument(
        "--application",
        type=int,
        metavar="ID",
        help="the job application it is about: fills the company, the role and (without "
        "--contact) writes to its interviewer",
    )
    parser.add_argument(
        "--set",
        dest="assignments",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a variable the template needs, e.g. --set event='PyCon Berlin' or "
        "--set job.title='Data Engineer' (repeatable)",
    )
    parser.add_argument(
        "--channel", choices=CHANNEL_CHOICES, help="send on this channel instead of the template's"
    )
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument(
        "--log",
        action="store_true",
        help="record it as sent on the contact and schedule the next follow-up",
    )
    parser.set_defaults(handler=message_command)


def message_command(args: argparse.Namespace, ctx: CliContext) -> int:
    from profile_helper.commands.output import print_json
    from profile_helper.core.errors import InputError
    from profile_helper.core.paths import user_templates_dir
    from profile_helper.core.settings import get_setting
    from profile_helper.core.templates.catalog import load_template
    from profile_helper.core.templates.context import (
        build_context,
        parse_assignments,
        profile_from_settings,
    )
    from profile_helper.core.templates.outreach import contact_for_template, record_sent
    from profile_helper.core.templates.render import render_message

    extra = parse_assignments(args.assignments)
    info = load_template(args.template, user_templates_dir(ctx.data_dir))
    conn = ctx.database()
    contact_id: int | None = args.contact
    job: dict[str, Any] | None = None
    if args.application is not None:
        from profile_helper.core.applications.message_values import application_variables

        found = application_variables(conn, args.application)
        job = found["job"]
        contact_id = found["contact_id"] if contact_id is None else contact_id
    if args.log and contact_id is None:
        raise InputError("--log records the message on a contact: give --contact ID too")
    contact = contact_for_template(conn, contact_id) if contact_id is not None else None
    context = build_context(contact, profile_from_settings(conn), job, extra)
    premium = bool(get_setting(conn, "linkedin.premium"))
    message = render_message(info, context, args.channel, premium)

    if args.format == "json":
        print_json(message.to_json(), ctx.out)
    else:
        if message.subject:
            ctx.out.write(f"Subject: {message.subject}\n\n")
        ctx.out.write(message.body + "\n")
        over = f", {message.over_limit} over the limit" if message.over_limit else ""
        ctx.err.write(f"{message.channel}: {message.length}/{message.limit} characters{over}\n")
    if args.log:
        assert contact_id is not None  # checked above, before anything was written
        step = record_sent(conn, contact_id, message, info.title)
        nxt = f"; next follow-up on {step.due.isoformat()}" if step else ""
        ctx.err.write(f"Logged as sent to contact {contact_id}{nxt}\n")
    return 0
