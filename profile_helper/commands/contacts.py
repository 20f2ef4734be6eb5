"""``profile-helper contacts``: add, import, list and export contacts."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from profile_helper.commands.context import CliContext


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "contacts", help="your networking CRM: add, import, list and export contacts"
    )
    sub = parser.add_subparsers(dest="contacts_command", metavar="ACTION", required=True)

    add = sub.add_parser("add", help="add a contact")
    add.add_argument("--first", required=True, metavar="NAME", help="first name")
    add.add_argument("--last", default="", metavar="NAME", help="last name")
    add.add_argument("--company", default="", metavar="C")
    add.add_argument("--position", default="", metavar="P", help="position or headline")
    add.add_argument("--email", action="append", default=[], metavar="E", help="(repeatable)")
    add.add_argument("--url", metavar="U", help="LinkedIn profile URL")
    add.add_argument(
        "--tag", action="extend", nargs="+", default=[], metavar="T", help="one or more tags"
    )
    add.add_argument("--follow-up", metavar="YYYY-MM-DD", help="set a follow-up on this date")
    add.set_defaults(handler=_add)

    imp = sub.add_parser(
        "import",
        help="import LinkedIn's Connections.csv (or its export ZIP), a CSV or a vCard file",
    )
    imp.add_argument("file", type=Path, metavar="FILE")
    imp.add_argument(
        "--from",
        dest="source_format",
        choices=("auto", "linkedin", "csv", "vcard"),
        default="auto",
        help="the file's format (default: from its name and content)",
    )
    imp.add_argument(
        "--dry-run", action="store_true", help="report what would change, write nothing"
    )
    imp.add_argument("--format", choices=("text", "json"), default="text", help="what is printed")
    imp.set_defaults(handler=_import)

    lst = sub.add_parser("list", help="list contacts")
    lst.add_argument(
        "--search", default="", metavar="TEXT", help="names, company, email, tags, notes"
    )
    lst.add_argument("--tag", metavar="T")
    lst.add_argument("--due", action="store_true", help="with a follow-up due today or earlier")
    lst.add_argument("--overdue", action="store_true", help="with a follow-up due before today")
    lst.add_argument("--format", choices=("table", "json", "csv"), default="table")
    lst.set_defaults(handler=_list)

    exp = sub.add_parser("export", help="export every contact to CSV or vCard 3.0")
    exp.add_argument("file", type=Path, metavar="FILE")
    exp.add_argument(
        "--to",
        choices=("csv", "vcard"),
        help="the file's format (default: from its name, .vcf is vCard, else CSV)",
    )
    exp.set_defaults(handler=_export)


def _add(args: argparse.Namespace, ctx: CliContext) -> int:
    from profile_helper.core.contacts.followups import add_follow_up
    from profile_helper.core.contacts.models import ContactDraft
    from profile_helper.core.contacts.store import add_contact
    from profile_helper.core.storage.transaction import transaction

    draft = ContactDraft(
        first_name=args.first.strip(),
        last_name=args.last.strip(),
        company=args.company.strip(),
        position=args.position.strip(),
        emails=[e.strip() for e in args.email if e.strip()],
        url=args.url,
        tags=args.tag,
    )
    conn = ctx.database()
    with transaction(conn):
        contact_id = add_contact(conn, draft)
        if args.follow_up:
            add_follow_up(conn, contact_id, args.follow_up, "Follow up")
    ctx.out.write(f"Added contact #{contact_id}: {draft.full_name}\n")
    return 0


def _import(args: argparse.Namespace, ctx: CliContext) -> int:
    from profile_helper.commands.output import print_json
    from profile_helper.core.contacts.importer import import_file

    # The file is read row by row as it is written, in one transaction: a file found broken
    # half-way rolls everything back, and memory never holds the whole file.
    report = import_file(ctx.database(), args.file, args.source_format, dry_run=args.dry_run)
    if args.format == "json":
        print_json(report.as_dict(), ctx.out)
        return 0
    verb = "Would import" if args.dry_run else "Imported"
    ctx.out.write(
        f"{verb} {args.file.name}: {report.added} added, {report.updated} updated, "
        f"{report.unchanged} unchanged, {report.skipped} skipped.\n"
    )
    for note in report.notes:
        ctx.out.write(f"  note: {note}\n")
    for error in report.errors:
        ctx.out.write(f"  line {error.line}: {error.reason}\n")
    return 0


# The keys of one contact in ``contacts list --format json``, in this order.
LIST_JSON_KEYS = (
    "id",
    "first_name",
    "last_name",
    "company",
    "position",
    "emails",
    "url",
    "tags",
    "status",
    "connected_on",
    "last_interaction",
    "next_follow_up",
    "location",
    "phones",
    "tier",
    "notes",
)


def contact_record(contact: Any) -> dict[str, Any]:
    """The JSON shape of one contact in ``contacts list --format json``."""
    from profile_helper.core.contacts.models import contact_as_dict

    record = contact_as_dict(contact)
    return {key: record[key] for key in LIST_JSON_KEYS}


def _list(args: argparse.Namespace, ctx: CliContext) -> int:
    from profile_helper.commands.output import print_json, print_table
    from profile_helper.core.contacts.query import ContactQuery, list_contacts

    query = ContactQuery(search=args.search, tag=args.tag, due=args.due, overdue=args.overdue)
    contacts = list_contacts(ctx.database(), query)
    if args.format == "json":
        print_json([contact_record(c) for c in contacts], ctx.out)
    elif args.format == "csv":
        from profile_helper.core.contacts.csv_io import EXPORT_FIELDS, export_row, write_table
        from profile_helper.core.contacts.models import contact_as_dict

        cells = ([c.id, *export_row(contact_as_dict(c))] for c in contacts)
        write_table(ctx.out, ["id", *EXPORT_FIELDS], cells, line_end="\n")
    else:
        rows = [
            [c.id, c.full_name, c.company, c.position, c.status, c.next_follow_up or ""]
            for c in contacts
        ]
        print_table(["id", "name", "company", "position", "status", "follow-up"], rows, ctx.out)
    return 0


def _export(args: argparse.Namespace, ctx: CliContext) -> int:
    from profile_helper.core.contacts.export import export_contacts, export_format_for

    fmt = export_format_for(args.file, args.to)
    count = export_contacts(ctx.database(), args.file, fmt)
    ctx.out.write(f"Exported {count} contacts to {args.file} ({fmt}).\n")
    return 0
