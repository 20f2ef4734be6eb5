"""``profile-helper templates list``: the message templates there are, built-in and your own."""

from __future__ import annotations

import argparse
from typing import Any

from profile_helper.commands.context import CliContext


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "templates",
        help="list the message templates",
        description="Message templates: the built-in ones and your own in <data-dir>/templates/ "
        "(a file <id>.j2 there adds a template or replaces the built-in of the same id).",
    )
    actions = parser.add_subparsers(dest="templates_command", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="list every template with its channel and source")
    listing.add_argument("--format", choices=("table", "json"), default="table")
    listing.set_defaults(handler=list_command)


def list_command(args: argparse.Namespace, ctx: CliContext) -> int:
    from profile_helper.commands.output import print_json, print_table
    from profile_helper.core.paths import user_templates_dir
    from profile_helper.core.templates.catalog import list_templates

    templates = list_templates(user_templates_dir(ctx.data_dir))
    if args.format == "json":
        print_json([t.to_json() for t in templates], ctx.out)
        return 0
    rows = [(t.id, t.title, t.category, t.channel, t.source) for t in templates]
    print_table(("ID", "TITLE", "CATEGORY", "CHANNEL", "SOURCE"), rows, ctx.out)
    return 0
