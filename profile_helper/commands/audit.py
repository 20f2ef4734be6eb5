"""``profile-helper audit``: audit a profile's headline, About and skills, optionally for a job.

When the data folder has a database, the audit also reads the person's stored LinkedIn profile
(what ``import linkedin-archive`` put there): positions unless a file gives them, the
certifications held, the skills' endorsements, and for the completeness the education, the
number of contacts and the photo tick. ``--no-stored-profile`` leaves the database alone, and a
database that cannot be opened is reported on stderr, the audit going on without it.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from profile_helper.commands.output import print_json

if TYPE_CHECKING:
    from profile_helper.commands.context import CliContext
    from profile_helper.core.audit.run import AuditResult
    from profile_helper.core.my_profile.for_audit import StoredProfile
    from profile_helper.core.my_profile.models import Position

# Larger files are not a profile section; reading stops here and the engine refuses them.
MAX_FILE_BYTES = 1_000_000


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "audit",
        help="audit your headline, About and skills against LinkedIn's limits and a job",
        description="Audit a LinkedIn profile offline: limits, vague wording, missing metrics, "
        "and which of a job description's keywords the profile lacks. Sections not given are "
        "audited as empty. When the data folder has a database, your stored LinkedIn profile "
        "(from 'import linkedin-archive') is used too: its positions (unless --positions-file "
        "gives them), the certifications you hold (unless --certifications-file gives them; a "
        "job's certification you hold counts as found), your skills' endorsements (to rank "
        "the suggested skills order) and, for the profile completeness, your education, "
        "contacts and photo tick. Use "
        "--no-stored-profile to audit only what the options give.",
    )
    headline = parser.add_mutually_exclusive_group()
    headline.add_argument("--headline", metavar="TEXT", help="the headline, as text")
    headline.add_argument("--headline-file", type=Path, metavar="F", help="read the headline")
    parser.add_argument("--about-file", type=Path, metavar="F", help="read the About section")
    parser.add_argument(
        "--skills-file",
        type=Path,
        metavar="F",
        help="read the skills: one a line, or separated by commas",
    )
    parser.add_argument("--job-file", type=Path, metavar="F", help="read the job description")
    parser.add_argument(
        "--positions-file",
        type=Path,
        metavar="F",
        help="read your positions from LinkedIn's Positions.csv (or the export's ZIP or folder) "
        "and audit them as your experience; without it, the stored positions are audited",
    )
    parser.add_argument(
        "--certifications-file",
        type=Path,
        metavar="F",
        help="read the certifications and licences you hold from LinkedIn's Certifications.csv "
        "(or the export's ZIP or folder); without it, the stored ones are used",
    )
    parser.add_argument(
        "--no-stored-profile",
        action="store_true",
        help="do not read your stored LinkedIn profile from the database",
    )
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (default text)"
    )
    parser.set_defaults(handler=handle)


def read_text_file(path: Path | None, what: str) -> str:
    """The text of a file given on the command line, or a clear error."""
    from profile_helper.core.errors import FileReadError

    if path is None:
        return ""
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise FileReadError(f"The {what} file {path} does not exist.") from None
    except IsADirectoryError:
        raise FileReadError(f"The {what} file {path} is a folder, not a file.") from None
    except OSError as exc:
        raise FileReadError(f"Cannot read the {what} file {path}: {exc.strerror}.") from None
    if len(data) > MAX_FILE_BYTES:
        raise FileReadError(
            f"The {what} file {path} is over {MAX_FILE_BYTES // 1_000_000} MB; it cannot be a "
            "profile section or a job description."
        )
    if b"\x00" in data:
        raise FileReadError(f"The {what} file {path} is not a text file.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FileReadError(
            f"The {what} file {path} is not UTF-8 text; save it as UTF-8 and try again."
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def handle(args: argparse.Namespace, ctx: CliContext) -> int:
    from profile_helper.core.collector import collector_paused

    # The inputs are bounded (a few sections of text), and what the audit loads (YAKE with
    # numpy and networkx, the word lists, the vocabulary) lives as long as the process: the
    # collector would walk it over and over for nothing, and the interpreter's exit once more
    # (together about a fifth of a whole `audit`). Frozen, it is walked by neither.
    with collector_paused(long_lived=True):
        return _audit(args, ctx)


def _audit(args: argparse.Namespace, ctx: CliContext) -> int:
    from profile_helper.core.audit.run import audit

    headline = args.headline if args.headline is not None else ""
    if args.headline_file is not None:
        headline = read_text_file(args.headline_file, "headline").strip("\n")
    stored = _stored_profile(args, ctx)
    positions = _positions(args.positions_file, stored)
    result = audit(
        headline=headline,
        about=read_text_file(args.about_file, "About"),
        skills=read_text_file(args.skills_file, "skills"),
        job=read_text_file(args.job_file, "job"),
        positions=positions,
        certifications=_certifications(args.certifications_file, stored),
        endorsements=stored.endorsements,
    )
    completeness = stored.completeness(
        headline=headline,
        about=result.profile.about,
        skills=result.skills_list,
        positions=positions,
    )
    result.extras["completeness"] = completeness.to_json()
    if args.format == "json":
        print_json(result.to_json(), ctx.out)
    else:
        print_text(result, ctx)
    return 0


def _stored_profile(args: argparse.Namespace, ctx: CliContext) -> StoredProfile:
    """The stored profile, or an empty one without a database or with --no-stored-profile."""
    from profile_helper.core.errors import ProfileHelperError
    from profile_helper.core.my_profile.for_audit import StoredProfile, read_stored
    from profile_helper.core.paths import database_path

    if args.no_stored_profile or not database_path(ctx.data_dir).exists():
        return StoredProfile()
    try:
        return read_stored(ctx.database())
    except ProfileHelperError as exc:
        ctx.err.write(
            f"Your stored profile was not read ({exc.message}); auditing what was given. "
            "--no-stored-profile skips it.\n"
        )
        return StoredProfile()


def _positions(path: Path | None, stored: StoredProfile) -> list[Position]:
    if path is None:
        return list(stored.profile.positions)
    from profile_helper.core.linkedin_archive.positions import read_positions

    return read_positions(path)


def _certifications(path: Path | None, stored: StoredProfile) -> list[str]:
    if path is None:
        return stored.certifications
    from profile_helper.core.linkedin_archive.certification_names import (
        read_certification_names,
    )

    return read_certification_names(path)


def print_text(result: AuditResult, ctx: CliContext) -> None:
    out = ctx.out
    out.write(f"Score: {result.score} / 100\n")
    for name, section in result.sections.items():
        unit = {"skills": "skills", "experience": "characters, longest description"}.get(
            name, "characters"
        )
        out.write(
            f"  {name:<10} {section.score:>3} / 100   {section.length} / {section.limit} {unit}\n"
        )
    if result.match_rate is not None:
        out.write(f"Job match: {result.match_rate:.0%}\n")
    current = None
    for finding in result.findings:
        if finding.section != current:
            current = finding.section
            out.write(f"\n{current.capitalize()}\n")
        out.write(f"  [{finding.severity}] {finding.message} ({finding.id})\n")
        if finding.suggestion:
            out.write(f"      → {finding.suggestion}\n")
    if not result.findings:
        out.write("\nNo findings: nothing to fix.\n")
    if result.job_keywords:
        out.write("\nJob keywords (best first)\n")
        for keyword in result.job_keywords:
            where = ", ".join(result.locations.get(keyword.name, [])) or "missing"
            out.write(f"  {keyword.name:<32} {where}\n")
    _print_completeness(result, ctx)
    if result.rewrites is not None and result.rewrites.headline:
        out.write("\nHeadline suggestions\n")
        for candidate in result.rewrites.headline:
            out.write(f"  {candidate}\n")


def _print_completeness(result: AuditResult, ctx: CliContext) -> None:
    data = result.extras.get("completeness")
    if not data:
        return
    ctx.out.write(f"\nProfile completeness: {data['done']} / {data['total']}\n")
    for item in data["items"]:
        if not item["done"]:
            ctx.out.write(f"  - {item['advice']}\n")
