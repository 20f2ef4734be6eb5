"""``profile-helper backup``: create, list and restore backups of the database."""

from __future__ import annotations

import argparse

from profile_helper.commands.context import CliContext


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "backup",
        help="create, list or restore backups of the database",
        description="Backups are encrypted like the database and kept in the data folder's "
        "backups/ (the last 7 days and 4 weeks are kept automatically).",
    )
    actions = parser.add_subparsers(dest="backup_action", metavar="ACTION", required=True)
    create = actions.add_parser("create", help="back up the database now")
    create.set_defaults(handler=run_create)
    listing = actions.add_parser("list", help="list the backups, newest first")
    listing.add_argument("--format", choices=("text", "json"), default="text")
    listing.set_defaults(handler=run_list)
    restore = actions.add_parser(
        "restore",
        help="replace the database by a backup (the current state is backed up first)",
    )
    restore.add_argument("backup", metavar="BACKUP", help="the backup's file name, from 'list'")
    restore.set_defaults(handler=run_restore)


def run_create(args: argparse.Namespace, ctx: CliContext) -> int:
    from profile_helper.core.storage.backups import create_backup

    path = create_backup(ctx.database(), ctx.data_dir, reason="manual")
    ctx.out.write(f"Backed up to {path}\n")
    return 0


def run_list(args: argparse.Namespace, ctx: CliContext) -> int:
    from profile_helper.core.storage.backups import list_backups

    backups = list_backups(ctx.data_dir)
    if args.format == "json":
        from profile_helper.commands.output import print_json

        print_json(
            [
                {
                    "name": b.name,
                    "path": str(b.path),
                    "created": b.created.isoformat(timespec="seconds"),
                    "reason": b.reason,
                    "size": b.size,
                }
                for b in backups
            ],
            ctx.out,
        )
        return 0
    if not backups:
        ctx.out.write("No backups yet. Make one with 'profile-helper backup create'.\n")
        return 0
    from profile_helper.commands.output import print_table

    rows = [
        (b.name, b.created.strftime("%Y-%m-%d %H:%M"), b.reason, f"{b.size / 1024:.0f} KB")
        for b in backups
    ]
    print_table(("name", "created", "reason", "size"), rows, ctx.out)
    return 0


def run_restore(args: argparse.Namespace, ctx: CliContext) -> int:
    from profile_helper.core.storage.backups import find_backup, restore_replacing

    backup = find_backup(ctx.data_dir, args.backup)
    # The current file is never opened: it may be the damaged one this restore is for. The key
    # is the one that opens the backup.
    key = ctx.key_for(backup.path)
    ctx.close()
    kept = restore_replacing(ctx.data_dir, backup, key)
    ctx.database()  # reopen: the restored file must open with the key and pass its checks
    if kept is None:
        ctx.out.write(f"Restored {backup.name}; there was no database before it.\n")
    else:
        ctx.out.write(f"Restored {backup.name}; the state before it was saved as {kept.name}\n")
    return 0
