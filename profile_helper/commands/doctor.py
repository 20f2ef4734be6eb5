"""``profile-helper doctor``: where the data lives, its encryption, keychain and backups."""

from __future__ import annotations

import argparse
from typing import Any

from profile_helper.commands.context import CliContext


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "doctor",
        help="check the database, its encryption, the keychain and the backups",
        description="Check the database (schema, integrity, encryption), whether the "
        "keychain is usable, and the backups. Fails with one line if the database cannot be "
        "unlocked.",
    )
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.set_defaults(handler=run)


def report(ctx: CliContext) -> dict[str, Any]:
    """Everything ``doctor`` shows, in the shape of its JSON output."""
    from profile_helper.core.paths import database_path
    from profile_helper.core.security import keychain
    from profile_helper.core.storage import cipher
    from profile_helper.core.storage.backups import list_backups
    from profile_helper.core.storage.connection import integrity, schema_version

    conn = ctx.database()
    unlocked = ctx.unlocked
    encrypted = bool(unlocked and unlocked.encrypted)
    status = keychain.probe()
    backups = list_backups(ctx.data_dir)
    return {
        "data_dir": str(ctx.data_dir),
        "database": {
            "path": str(database_path(ctx.data_dir)),
            "schema_version": schema_version(conn),
            "integrity": integrity(conn),
            "encrypted": encrypted,
            "cipher": f"SQLCipher {cipher.version()}" if encrypted else None,
        },
        "keyring": {"backend": status.backend, "usable": status.usable, "detail": status.detail},
        "backups": {"count": len(backups), "latest": backups[0].name if backups else None},
        # Partial files a killed ``backup create`` (or write) left, removed at this open.
        "leftovers_removed": [
            str(p.relative_to(ctx.data_dir)) if p.is_relative_to(ctx.data_dir) else str(p)
            for p in ctx.leftovers_removed
        ],
    }


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from profile_helper.core.storage.keys import RAW

    data = report(ctx)
    if args.format == "json":
        from profile_helper.commands.output import print_json

        print_json(data, ctx.out)
        return 0
    unlocked = ctx.unlocked
    database, keyring, backups = data["database"], data["keyring"], data["backups"]
    encryption = unlocked.describe() if unlocked else "unknown"
    if database["cipher"]:
        encryption += f" ({database['cipher']}, AES-256)"
    lines = [
        ("Data folder", data["data_dir"]),
        ("Database", database["path"]),
        ("Schema", str(database["schema_version"])),
        ("Integrity", database["integrity"]),
        ("Encryption", encryption),
        (
            "Keychain",
            f"{'usable' if keyring['usable'] else 'not usable'}: {keyring['detail']} "
            f"({keyring['backend']})",
        ),
        (
            "Backups",
            f"{backups['count']}, latest {backups['latest']}" if backups["count"] else "none yet",
        ),
    ]
    if unlocked and unlocked.key is not None and unlocked.key.kind == RAW:
        saved = unlocked.state is not None and unlocked.state.recovery_saved
        lines.append(
            (
                "Recovery key",
                "saved"
                if saved
                else "not saved yet: run 'profile-helper security export-recovery-key FILE'",
            )
        )
    if data["leftovers_removed"]:
        removed = data["leftovers_removed"]
        lines.append(("Cleaned up", f"{len(removed)} partial file(s): {', '.join(removed)}"))
    width = max(len(label) for label, _ in lines)
    for label, value in lines:
        ctx.out.write(f"{label.ljust(width)}  {value}\n")
    return 0
