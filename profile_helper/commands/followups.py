"""``profile-helper followups``: list what is due, export it to a calendar."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from profile_helper.commands.context import CliContext
from profile_helper.commands.output import iso_date


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "followups", help="follow-ups due: list them, export to a calendar"
    )
    sub = parser.add_subparsers(dest="followups_command", metavar="ACTION", required=True)

    lst = sub.add_parser("list", help="open follow-ups, soonest first")
    lst.add_argument(
        "--until", type=iso_date, metavar="YYYY-MM-DD", help="only those due on or before this date"
    )
    lst.add_argument("--format", choices=("table", "json"), default="table")
    lst.set_defaults(handler=_list)

    exp = sub.add_parser(
        "export", help="write open follow-ups to an .ics calendar (all-day events with a reminder)"
    )
    exp.add_argument("file", type=Path, metavar="FILE.ics")
    exp.set_defaults(handler=_export)


def _list(args: argparse.Namespace, ctx: CliContext) -> int:
    from profile_helper.commands.output import print_json, print_table
    from profile_helper.core.contacts.followup_text import application_label, headline
    from profile_helper.core.contacts.followups import due_follow_ups

    today = date.today().isoformat()
    items = due_follow_ups(ctx.database(), args.until)
    if args.format == "json":
        print_json(
            [
                {
                    "id": f.id,
                    "contact_id": f.contact_id,
                    "contact_name": f.contact_name,
                    "due": f.due,
                    "reason": f.reason,
                    "kind": f.kind,
                    "overdue": f.due < today,
                    "application_id": f.application_id,
                    "template": f.template,
                    "application": (
                        None
                        if f.application_id is None
                        else {"company": f.application_company, "role": f.application_role}
                    ),
                    "title": headline(f),
                }
                for f in items
            ],
            ctx.out,
        )
    else:
        rows = [[f.id, f.due, f.contact_name, application_label(f), f.reason] for f in items]
        print_table(["id", "due", "contact", "application", "reason"], rows, ctx.out)
    return 0


def _export(args: argparse.Namespace, ctx: CliContext) -> int:
    from profile_helper.core.contacts.export import export_follow_ups

    count = export_follow_ups(ctx.database(), args.file)
    ctx.out.write(f"Exported {count} follow-ups to {args.file}.\n")
    return 0
