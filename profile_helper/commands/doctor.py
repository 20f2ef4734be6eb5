"""``profile-helper doctor``: where the data lives, its encryption, keychain and backups."""

from __future__ import annotations

import argparse
from pathlib import Path
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
    from profile_helper.core.storage.convert import plain_files
    from profile_helper.core.storage.wal import kept_wals

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
        "leftovers_removed": [_shown(ctx, p) for p in ctx.leftovers_removed],
        # Clear-text SQLite files in the folder: none should be left once it is encrypted.
        "plain_files": [_shown(ctx, p) for p in plain_files(ctx.data_dir)],
        # Temporary files still there: a write in progress, or one killed less than 10 min ago.
        "partial_files": [_shown(ctx, p) for p in _partials(ctx)],
        "wal": {
            "truncated_at_open": ctx.wal_kept is not None,
            "kept": [_shown(ctx, p) for p in kept_wals(database_path(ctx.data_dir))],
        },
    }


def _shown(ctx: CliContext, path: Path) -> str:
    """A path as ``doctor`` shows it: inside the data folder, relative to it."""
    return str(path.relative_to(ctx.data_dir)) if path.is_relative_to(ctx.data_dir) else str(path)


def _partials(ctx: CliContext) -> list[Path]:
    from profile_helper.core.files import partial_files
    from profile_helper.core.paths import backups_dir

    return [
        *partial_files(ctx.data_dir),
        *partial_files(backups_dir(ctx.data_dir)),
        *sorted(ctx.data_dir.glob("*.encrypting")),
    ]


def _problem_lines(data: dict[str, Any], *, encrypted: bool) -> list[tuple[str, str]]:
    """What ``doctor`` found amiss in the folder, one (label, text) a finding."""
    lines = []
    if encrypted and data["plain_files"]:
        plain = data["plain_files"]
        lines.append(("Clear text", f"{len(plain)} unencrypted SQLite file(s): {', '.join(plain)}"))
    if data["partial_files"]:
        partial = data["partial_files"]
        lines.append(("Partial files", f"{len(partial)}: {', '.join(partial)}"))
    wal = data["wal"]
    if wal["truncated_at_open"] or wal["kept"]:
        lines.append(
            (
                "Write-ahead log",
                "ended mid-frame"
                + (" at this open" if wal["truncated_at_open"] else " at an earlier open")
                + f"; copies kept: {', '.join(wal['kept'])}. SQLite drops a partial last frame "
                "by design (it was never committed), so nothing saved was lost.",
            )
        )
    return lines


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
    lines.extend(_problem_lines(data, encrypted=bool(unlocked and unlocked.encrypted)))
    if data["leftovers_removed"]:
        removed = data["leftovers_removed"]
        lines.append(("Cleaned up", f"{len(removed)} partial file(s): {', '.join(removed)}"))
    width = max(len(label) for label, _ in lines)
    for label, value in lines:
        ctx.out.write(f"{label.ljust(width)}  {value}\n")
    return 0
