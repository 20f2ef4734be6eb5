"""``profile-helper profile show|set``: your own profile for messages, as in Settings.

The same fields as the Settings page's "Your profile" section (``profile.*`` settings), which the
message templates read as ``me.name``, ``me.current_role``, ``me.target_role`` ...
"""

from __future__ import annotations

import argparse
from typing import Any

from profile_helper.commands.context import CliContext

# option -> setting key; --title is the current role, as on a LinkedIn profile.
FIELDS: tuple[tuple[str, str, str], ...] = (
    ("name", "profile.name", "your name, used to sign messages"),
    ("title", "profile.current_role", "your current role, e.g. 'Backend Engineer at Acme'"),
    ("target_role", "profile.target_role", "the role you aim for, e.g. 'Data Engineer'"),
    ("pitch", "profile.pitch", "a one-line pitch"),
    ("signature", "profile.signature", "how messages sign off (default: your name)"),
)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "profile",
        help="show or set your own profile for messages",
        description="Your name, roles, pitch and signature fill in the messages you write from "
        "templates: the same fields as Settings > Your profile.",
    )
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    show = actions.add_parser("show", help="print your profile")
    show.add_argument("--format", choices=("text", "json"), default="text")
    show.set_defaults(handler=show_command)
    change = actions.add_parser(
        "set",
        help="change some fields (an empty value clears one)",
        description="Change the "
        "fields given; the others stay as they are. An empty value ('') clears a field.",
    )
    for option, _key, text in FIELDS:
        flag = f"--{option.replace('_', '-')}"
        aliases = ["--current-role"] if option == "title" else []
        change.add_argument(flag, *aliases, dest=option, metavar="TEXT", help=text)
    change.add_argument(
        "--premium",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="a LinkedIn Premium account (300-character connection notes instead of 200)",
    )
    change.add_argument(
        "--photo",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="your LinkedIn profile has a photo (counts towards the audit's profile completeness)",
    )
    change.add_argument("--format", choices=("text", "json"), default="text")
    change.set_defaults(handler=set_command)


def _profile(ctx: CliContext) -> dict[str, Any]:
    from profile_helper.core.my_profile.models import HAS_PHOTO
    from profile_helper.core.settings import get_setting

    conn = ctx.database()
    data: dict[str, Any] = {
        option: str(get_setting(conn, key) or "") for option, key, _text in FIELDS
    }
    data["premium"] = bool(get_setting(conn, "linkedin.premium"))
    data["photo"] = bool(get_setting(conn, HAS_PHOTO))
    return data


def _print(data: dict[str, Any], fmt: str, ctx: CliContext) -> None:
    from profile_helper.commands.output import print_json

    if fmt == "json":
        print_json(data, ctx.out)
        return
    width = max(len(k) for k in data)
    for option, value in data.items():
        shown = ("yes" if value else "no") if isinstance(value, bool) else (value or "-")
        ctx.out.write(f"{option.replace('_', ' '):<{width}}  {shown}\n")


def show_command(args: argparse.Namespace, ctx: CliContext) -> int:
    _print(_profile(ctx), args.format, ctx)
    return 0


def set_command(args: argparse.Namespace, ctx: CliContext) -> int:
    from profile_helper.core.errors import InputError
    from profile_helper.core.my_profile.models import HAS_PHOTO
    from profile_helper.core.settings import set_setting
    from profile_helper.core.storage.transaction import transaction

    changes = {key: getattr(args, option) for option, key, _text in FIELDS}
    changes = {key: value.strip() for key, value in changes.items() if value is not None}
    if args.premium is not None:
        changes["linkedin.premium"] = args.premium
    if args.photo is not None:
        changes[HAS_PHOTO] = args.photo
    if not changes:
        raise InputError(
            "nothing to set: give at least one of --name, --title, --target-role, "
            "--pitch, --signature, --premium, --photo"
        )
    conn = ctx.database()
    with transaction(conn):
        for key, value in changes.items():
            set_setting(conn, key, value)
    _print(_profile(ctx), args.format, ctx)
    return 0
