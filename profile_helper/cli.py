"""The command-line front door: global options, subcommands, and the GUI when none is given.

Expected errors print one line on stderr and exit 1; usage errors exit 2 (argparse); anything
else is a bug, logged to a crash file, and reported in one line with exit 70.
"""

from __future__ import annotations

import argparse
import errno
import gc
import importlib
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from profile_helper import __version__
from profile_helper.commands import COMMAND_MODULES

if TYPE_CHECKING:
    from profile_helper.core.errors import ProfileHelperError

# The earliest moment the app notes itself. Start-up milestones count from the process's start
# where the system tells when that was (Linux), and from here where it does not.
STARTED = time.perf_counter()

EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_BUG = 70


def _add_global_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data-dir",
        type=Path,
        metavar="DIR",
        help="where the database, backups and logs live "
        "(default: $PROFILE_HELPER_DATA_DIR or the platform's data folder)",
    )
    parser.add_argument(
        "--passphrase-file",
        type=Path,
        metavar="F",
        help="read the database passphrase from this file (when no keychain is usable)",
    )
    parser.add_argument(
        "--recovery-key-file",
        type=Path,
        metavar="F",
        help="when this command creates the encrypted database, save its recovery key to F "
        "(readable by you only) instead of printing it",
    )
    parser.add_argument(
        "--no-err-windows",
        action="store_true",
        help="print every message and error to stderr instead of showing a dialog",
    )
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="open the main window, visit every page, and quit (exit 0 when all went well)",
    )
    parser.add_argument(
        "--startup-report",
        type=Path,
        metavar="FILE",
        help="write to FILE, as JSON, how many milliseconds after the process started the app "
        "reached each start-up milestone (qapplication, first_paint, first_page_data and, "
        "with --smoke-test, all_pages)",
    )
    parser.add_argument(
        "--quit-after-first-page",
        action="store_true",
        help="quit (exit 0) as soon as the first page is painted with its data, "
        "to time the start; --smoke-test goes on to every page instead",
    )


def build_parser(
    commands: Sequence[str] = COMMAND_MODULES,
    parser_class: type[argparse.ArgumentParser] = argparse.ArgumentParser,
) -> argparse.ArgumentParser:
    """The whole parser, or with ``commands`` one with only those commands' modules."""
    parser = parser_class(
        prog="profile-helper",
        description="Audit your LinkedIn profile, keep a private networking CRM and write "
        "outreach messages, all on your own machine. With no command, opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"Profile Helper {__version__}")
    _add_global_options(parser)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in commands:
        module = importlib.import_module(f"profile_helper.commands.{name}")
        module.register(subparsers)
    return parser


class _NeedsWholeParserError(Exception):
    """The command line needs the whole parser: another command, --help, --version or a mistake."""


class _GlobalOptionsParser(argparse.ArgumentParser):
    """A parser with part of the options, which hands every mistake to the whole parser."""

    def error(self, message: str) -> NoReturn:
        raise _NeedsWholeParserError(message)


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The command line, parsed.

    Opening the app takes global options only: those are read without importing every command's
    module (a good part of a second's start-up). A command named by its module's name is read
    by a parser with that command alone (building all of them takes longer than a short
    command's work). Anything else (another name, ``--help``, ``--version``, a mistake, in the
    command's arguments too) goes to the whole parser, which answers as it always has.
    """
    quick = _GlobalOptionsParser(add_help=False, exit_on_error=False)
    _add_global_options(quick)
    try:
        args, rest = quick.parse_known_args(argv)
    except (_NeedsWholeParserError, argparse.ArgumentError):
        rest = ["(the whole parser decides)"]
    if rest and rest[0] in COMMAND_MODULES:
        try:
            return build_parser([rest[0]], _GlobalOptionsParser).parse_args(argv)
        except (_NeedsWholeParserError, argparse.ArgumentError):
            pass
    if rest:
        return build_parser().parse_args(argv)
    args.command = None
    return args


def _fail(message: str, code: int = EXIT_ERROR) -> int:
    print(f"profile-helper: error: {message}", file=sys.stderr)
    return code


def _environment_message(exc: OSError) -> str | None:
    """One line for a full disk or a read-only folder met while writing; ``None`` otherwise."""
    where = exc.filename or "a file"
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return f"The disk is full: cannot write {where}. Free some space and try again."
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return f"Cannot write {where}: the folder is read-only or not yours ({exc.strerror})."
    return None


def _database_environment_error(exc: Exception, data_dir: Path) -> ProfileHelperError | None:
    """A full disk or read-only folder met by SQLite anywhere (migrations too), as one line."""
    import sqlite3

    from profile_helper.core.paths import database_path
    from profile_helper.core.storage.errors import environment_error

    if not isinstance(exc, sqlite3.Error):
        return None
    return environment_error(exc, database_path(data_dir))


def _input_size(args: argparse.Namespace) -> int:
    """The bytes an import command reads (a ZIP's unpacked size), 0 for other commands."""
    import zipfile

    path = getattr(args, "path", None) or getattr(args, "file", None)
    importing = args.command == "import" or getattr(args, "contacts_command", None) == "import"
    if not importing or not isinstance(path, Path):
        return 0
    try:
        if path.is_dir():
            return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
        if not path.is_file():  # a device or a pipe is never measured (it may not end)
            return 0
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as archive:
                return sum(info.file_size for info in archive.infolist())
        return path.stat().st_size
    except (OSError, zipfile.BadZipFile):
        return 0


# What the database grows by for each byte imported, with its search index and its journal
# (40,000 contacts: a 2.5 MB CSV became 18 MB).
_GROWTH = 8


def _disk_full_hint(exc: ProfileHelperError, args: argparse.Namespace) -> str:
    """For an import that filled the disk: about how much room it needs."""
    from profile_helper.core.storage.errors import DiskFullError

    if not isinstance(exc, DiskFullError):
        return ""
    size = _input_size(args)
    if not size:
        return ""
    needed = max(1, _GROWTH * size // (1024 * 1024))
    return f" Importing it needs about {needed:,} MB free on that disk."


def main(argv: Sequence[str] | None = None) -> int:
    if os.name == "posix":
        from profile_helper.core.files import PRIVATE_UMASK

        # Before anything is written: files and folders made for us are the person's only.
        os.umask(PRIVATE_UMASK)
    args = parse_args(argv)

    from profile_helper.core.errors import ProfileHelperError
    from profile_helper.core.paths import resolve_data_dir

    try:
        data_dir = resolve_data_dir(args.data_dir)
    except ProfileHelperError as exc:
        return _fail(exc.message)

    if args.command is None:
        # Start-up makes a great many objects that live as long as the app (Qt's enums, the
        # window, its pages); collecting garbage meanwhile walks them again and again. The GUI
        # turns collection back on once the window is up (``gui.app.collect_garbage_again``).
        gc.disable()
        if args.passphrase_file is None:
            from profile_helper.core import read_ahead

            # Forked before Qt loads: the key and the first page's data are read on the other
            # core meanwhile.
            read_ahead.start(data_dir)
        from profile_helper.gui.app.run import run_gui

        code = run_gui(args, data_dir, started=STARTED)
        # Everything is saved and closed by now: spare the interpreter's exit a last walk
        # through every object the app made (about as long as building a page).
        gc.freeze()
        return code

    from profile_helper.commands.context import CliContext
    from profile_helper.core.logs import setup_logging

    setup_logging(data_dir)
    ctx = CliContext(
        data_dir=data_dir,
        passphrase_file=args.passphrase_file,
        recovery_key_file=args.recovery_key_file,
    )
    try:
        return int(args.handler(args, ctx))
    except ProfileHelperError as exc:
        return _fail(exc.message + _disk_full_hint(exc, args))
    except KeyboardInterrupt:
        return _fail("interrupted", 130)
    except BrokenPipeError:
        # The reader went away (``| head``); that is not an error of ours.
        return 0
    except Exception as exc:
        # A full disk or a read-only folder is the environment's doing, not a bug.
        message = _environment_message(exc) if isinstance(exc, OSError) else None
        if message is not None:
            return _fail(message)
        known = _database_environment_error(exc, data_dir)
        if known is not None:
            return _fail(known.message + _disk_full_hint(known, args))
        from profile_helper.core.crashlog import format_crash, write_crash_log

        bug_type, bug, tb = sys.exc_info()
        assert bug_type is not None and bug is not None
        path = write_crash_log(data_dir, format_crash(bug_type, bug, tb))
        where = f"; details in {path}" if path else ""
        return _fail(f"unexpected error ({bug_type.__name__}: {bug}){where}", EXIT_BUG)
    finally:
        ctx.close()
