"""``profile-helper security``: save the recovery key; unlock the database on a new computer."""

from __future__ import annotations

import argparse
from pathlib import Path

from profile_helper.commands.context import CliContext


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "security",
        help="the database key: save the recovery key, unlock on a new computer",
        description="The database is encrypted with a key kept in this computer's keychain "
        "(or with your passphrase where there is no usable keychain).",
    )
    actions = parser.add_subparsers(dest="security_action", metavar="ACTION", required=True)
    export = actions.add_parser(
        "export-recovery-key",
        help="write the recovery key to FILE (keep it somewhere safe, away from the data)",
    )
    export.add_argument("file", metavar="FILE", type=Path)
    export.set_defaults(handler=run_export)
    unlock = actions.add_parser(
        "unlock",
        help="check a recovery key or passphrase and keep the key in this computer's keychain",
    )
    source = unlock.add_mutually_exclusive_group(required=True)
    source.add_argument("--recovery-key-file", metavar="F", type=Path, dest="recovery_key_file")
    # Its own destination: the global --passphrase-file must keep its value.
    source.add_argument("--passphrase-file", metavar="F", type=Path, dest="unlock_passphrase_file")
    unlock.set_defaults(handler=run_unlock)


def run_export(args: argparse.Namespace, ctx: CliContext) -> int:
    from profile_helper.core.errors import InputError
    from profile_helper.core.security.recovery import save_recovery_key

    ctx.database()
    unlocked = ctx.unlocked
    if unlocked is None or unlocked.key is None:
        raise InputError("The database is not encrypted here, so there is no recovery key.")
    save_recovery_key(ctx.data_dir, unlocked.key, args.file)
    ctx.out.write(
        f"Recovery key written to {args.file}. Keep it somewhere safe, away from this "
        "computer: with it, anyone can read a copy of your data.\n"
    )
    return 0


def run_unlock(args: argparse.Namespace, ctx: CliContext) -> int:
    from profile_helper.core.errors import ProfileHelperError
    from profile_helper.core.security.keys import read_secret_file
    from profile_helper.core.security.modes import MODE_KEYCHAIN
    from profile_helper.core.security.unlock import unlock_with_secret

    file = args.recovery_key_file or args.unlock_passphrase_file
    unlocked = unlock_with_secret(ctx.data_dir, read_secret_file(file))
    if unlocked.mode != MODE_KEYCHAIN:
        from profile_helper.core.security import keychain

        raise ProfileHelperError(
            "That opens the database, but this computer has no usable keychain "
            f"({keychain.probe().detail}); give --passphrase-file F with each command."
        )
    ctx.out.write("Unlocked: the database key is now kept in this computer's keychain.\n")
    return 0
