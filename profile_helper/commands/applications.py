"""``profile-helper applications``: add, list, show, and change the status of job
applications."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from profile_helper.commands.context import CliContext
from profile_helper.commands.output import iso_date
from profile_helper.core.applications.statuses import STAGES, STATUSES


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "applications", help="job applications: add, list, show, change their status"
    )
    sub = parser.add_subparsers(dest="applications_command", metavar="ACTION", required=True)

    add = sub.add_parser(
        "add",
        help="add an application (saved, or applied with --applied)",
        description="Add an application. With --applied it is applied on that day and the "
        "follow-ups after applying are set; without, it is saved for later.",
    )
    add.add_argument("--company", required=True, metavar="C")
    add.add_argument("--role", required=True, metavar="R")
    add.add_argument("--url", default="", metavar="U", help="the job posting's address")
    add.add_argument(
        "--job-file", type=Path, metavar="F", help="a text file with the job description"
    )
    add.add_argument("--applied", type=iso_date, metavar="YYYY-MM-DD", help="the day you applied")
    add.add_argument(
        "--contact",
        type=int,
        action="extend",
        nargs="+",
        default=[],
        metavar="ID",
        help="contacts involved (recruiter, referrer...): one or more contact ids",
    )
    add.add_argument("--format", choices=("text", "json"), default="text")
    add.set_defaults(handler=_add)

    lst = sub.add_parser("list", help="list applications, the most recently changed first")
    lst.add_argument("--status", choices=STATUSES, metavar="S", help="only this status")
    lst.add_argument("--format", choices=("table", "json"), default="table")
    lst.set_defaults(handler=_list)

    show = sub.add_parser(
        "show",
        help="one application, with the people you know at its company",
        description="Show one application and the contacts whose company is its company "
        "(compared without case, accents, punctuation or legal forms such as Inc. or GmbH): "
        "people who could introduce you or refer you.",
    )
    show.add_argument("id", type=int, metavar="ID")
    show.add_argument("--format", choices=("text", "json"), default="text")
    show.set_defaults(handler=_show)

    st = sub.add_parser(
        "set-status",
        help="move an application to a new status",
        description="Move an application to STATUS and set the follow-ups it calls for: "
        "interviewing on a day sets a thank-you for the next day; rejected at an interview "
        "stage sets a feedback request within two days.",
    )
    st.add_argument("id", type=int, metavar="ID")
    st.add_argument("status", choices=STATUSES, metavar="STATUS", help=", ".join(STATUSES))
    st.add_argument("--date", type=iso_date, metavar="YYYY-MM-DD", help="when it happened (today)")
    st.add_argument(
        "--stage",
        choices=STAGES,
        metavar="STAGE",
        help="with rejected: the stage it happened at (" + ", ".join(STAGES) + ")",
    )
    st.add_argument("--note", default="", metavar="TEXT")
    st.add_argument(
        "--interviewer",
        type=int,
        action="extend",
        nargs="+",
        default=[],
        metavar="ID",
        help="with interviewing: the contacts who interview you (each gets a thank-you)",
    )
    st.add_argument("--format", choices=("text", "json"), default="text")
    st.set_defaults(handler=_set_status)


def _add(args: argparse.Namespace, ctx: CliContext) -> int:
    from profile_helper.commands.output import print_json
    from profile_helper.core.applications.events import new_application, open_follow_ups
    from profile_helper.core.applications.models import ApplicationDraft
    from profile_helper.core.applications.store import get_application

    job_text = ""
    if args.job_file is not None:
        from profile_helper.core.contacts.textfile import decode, read_bytes

        job_text = decode(read_bytes(args.job_file), args.job_file.name)
    draft = ApplicationDraft(company=args.company, role=args.role, url=args.url, job_text=job_text)
    conn = ctx.database()
    app_id = new_application(
        conn, draft, applied_on=args.applied, contacts=[(c, "contact") for c in args.contact]
    )
    app = get_application(conn, app_id)
    if args.format == "json":
        record = app.as_dict()
        record["follow_ups"] = [dict(r) for r in open_follow_ups(conn, app_id)]
        print_json(record, ctx.out)
    else:
        ctx.out.write(f"Added application #{app_id}: {app.role} at {app.company} ({app.status})\n")
    return 0


def _list(args: argparse.Namespace, ctx: CliContext) -> int:
    from profile_helper.commands.output import print_json, print_table
    from profile_helper.core.applications.store import ApplicationQuery, list_applications

    apps = list_applications(ctx.database(), ApplicationQuery(status=args.status))
    if args.format == "json":
        print_json([a.as_dict() for a in apps], ctx.out)
    else:
        rows = [[a.id, a.company, a.role, a.status, a.applied_on or "", a.updated_on] for a in apps]
        print_table(["id", "company", "role", "status", "applied", "updated"], rows, ctx.out)
    return 0


def _show(args: argparse.Namespace, ctx: CliContext) -> int:
    from profile_helper.commands.output import print_json
    from profile_helper.core.applications.store import get_application
    from profile_helper.core.applications.warm_intros import contacts_at_company

    conn = ctx.database()
    app = get_application(conn, args.id)
    known = contacts_at_company(conn, app.company)
    if args.format == "json":
        print_json(app.as_dict() | {"contacts_at_company": [p.to_json() for p in known]}, ctx.out)
        return 0
    out = ctx.out
    out.write(f"#{app.id} {app.role} at {app.company} ({app.status})\n")
    if app.applied_on:
        out.write(f"  applied on {app.applied_on}\n")
    for person in app.contacts:
        out.write(f"  {person.role}: {person.name} (contact {person.contact_id})\n")
    if not known:
        out.write(f"Nobody you know works at {app.company} (as far as your contacts say).\n")
        return 0
    out.write(f"People you know at {app.company}:\n")
    for p in known:
        position = f", {p.position}" if p.position else ""
        out.write(f"  {p.name}{position} (contact {p.id})\n")
    return 0


def _set_status(args: argparse.Namespace, ctx: CliContext) -> int:
    from profile_helper.commands.output import print_json
    from profile_helper.core.applications.events import change_status
    from profile_helper.core.applications.store import add_contacts, get_application
    from profile_helper.core.contacts.followups import get_follow_up
    from profile_helper.core.storage.transaction import transaction
    from profile_helper.core.today.summary import follow_up_record

    conn = ctx.database()
    with transaction(conn):
        if args.interviewer:
            add_contacts(conn, args.id, args.interviewer, "interviewer")
        change = change_status(
            conn, args.id, args.status, on=args.date, stage=args.stage, note=args.note
        )
    app = get_application(conn, args.id)
    created = sorted(
        (get_follow_up(conn, i) for i in change.follow_up_ids), key=lambda f: (f.due, f.id)
    )
    follow_ups = [follow_up_record(f) for f in created]
    if args.format == "json":
        print_json(app.as_dict() | {"follow_ups": follow_ups}, ctx.out)
        return 0
    stage = f" at the {app.rejected_stage} stage" if app.rejected_stage else ""
    ctx.out.write(
        f"Application #{app.id} ({app.role} at {app.company}) is now {app.status}{stage}.\n"
    )
    for item in follow_ups:
        ctx.out.write(f"  follow-up on {item['due']}: {item['reason']}\n")
    return 0
