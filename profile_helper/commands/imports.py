"""``profile-helper import``: data from elsewhere, starting with LinkedIn's whole export."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from profile_helper.commands.context import CliContext

SHOWN_SKIPS = 5
"""Skipped rows listed per file in the text report; the JSON report lists every one."""


def register(subparsers: Any) -> None:
    # "imports" too, the module's name, so that every command module is reachable by it.
    parser = subparsers.add_parser(
        "import", aliases=["imports"], help="import LinkedIn's data export (all of it at once)"
    )
    sub = parser.add_subparsers(dest="import_command", metavar="WHAT", required=True)
    archive = sub.add_parser(
        "linkedin-archive",
        help="LinkedIn's 'Get a copy of your data' export: the ZIP, its folder or one CSV",
        description="Imports your profile, positions, education, certifications and skills, "
        "your connections, invitations and messages (onto each contact's timeline) and your job "
        "applications, all or nothing. A second import of the same export adds nothing.",
    )
    archive.add_argument("path", type=Path, metavar="PATH", help="the ZIP, folder or CSV file")
    archive.add_argument(
        "--dry-run", action="store_true", help="report what would change, write nothing"
    )
    archive.add_argument(
        "--with-message-text",
        action="store_true",
        help="keep the text of messages and invitations (by default: only day, direction and "
        "conversation)",
    )
    archive.add_argument("--format", choices=("text", "json"), default="text")
    archive.set_defaults(handler=_linkedin_archive)


def _linkedin_archive(args: argparse.Namespace, ctx: CliContext) -> int:
    from profile_helper.commands.output import print_json
    from profile_helper.core.linkedin_archive.run import import_archive

    report = import_archive(
        ctx.database(),
        args.path,
        dry_run=args.dry_run,
        with_message_text=args.with_message_text,
    )
    if args.format == "json":
        print_json(report.as_dict(), ctx.out)
        return 0
    verb = "Would import" if args.dry_run else "Imported"
    ctx.out.write(f"{verb} {args.path.name}:\n")
    for file in report.files:
        ctx.out.write(
            f"  {file.file}: {file.added} added, {file.updated} updated, "
            f"{file.unchanged} unchanged, {file.skipped} skipped\n"
        )
        for note in file.notes:
            ctx.out.write(f"    note: {note}\n")
        for skip in file.skips[:SHOWN_SKIPS]:
            ctx.out.write(f"    line {skip.line}: {skip.reason}\n")
        if file.skipped > SHOWN_SKIPS:
            ctx.out.write(
                f"    ... and {file.skipped - SHOWN_SKIPS} more (--format json lists them all)\n"
            )
    if report.ignored:
        ctx.out.write(f"  ignored (not read by this app): {', '.join(report.ignored)}\n")
    return 0
