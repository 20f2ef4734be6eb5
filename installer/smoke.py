"""The frozen program's smoke test: run it headless the ways a person would, fail on anything odd.

Every run gets a throwaway data directory, XDG folders and no usable keychain (the passphrase
path instead, so that a developer's own keychain never gains a key for a test database). A
run fails on a non-zero exit, on output that does not parse, and on any stderr output other than
the few harmless lines listed in :data:`HARMLESS_STDERR`.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "smoke-data"
HEADLINE = "Senior Data Engineer | Python, Spark, Kafka | Streaming pipelines and data contracts"
TIMEOUT = 60  # seconds per run; a hung window must not hang CI
# Qt's offscreen platform says this of every top-level window; it is not a fault of the app.
HARMLESS_STDERR = (re.compile(r"^This plugin does not support propagateSizeHints\(\)$"),)


class SmokeTestError(RuntimeError):
    """The frozen program misbehaved."""


@dataclass
class Check:
    name: str
    seconds: float
    skipped: str = ""


def _unexpected(stderr: str) -> list[str]:
    lines = [line for line in stderr.splitlines() if line.strip()]
    return [line for line in lines if not any(p.match(line) for p in HARMLESS_STDERR)]


class FrozenProgram:
    """Runs the built executable with a sandboxed environment."""

    def __init__(self, executable: Path, sandbox: Path) -> None:
        self.executable = executable.resolve()  # runs are made from inside the sandbox
        self.sandbox = sandbox
        self.data_dir = sandbox / "data"
        self._commands: dict[str, bool] = {}
        self.passphrase_file = sandbox / "passphrase.txt"
        self.passphrase_file.write_text("correct horse battery staple smoke\n", encoding="utf-8")
        self.env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("PROFILE_HELPER_", "QT_", "XDG_", "PYTHON", "LC_", "LANG"))
        }
        self.env.update(
            {
                "QT_QPA_PLATFORM": "offscreen",
                # Qt warns on stderr under a non-UTF-8 locale, as in a bare CI environment.
                "LANG": "C.UTF-8",
                "LC_ALL": "C.UTF-8",
                "HOME": str(sandbox / "home"),
                "XDG_CONFIG_HOME": str(sandbox / "config"),
                "XDG_DATA_HOME": str(sandbox / "share"),
                "XDG_CACHE_HOME": str(sandbox / "cache"),
                "XDG_STATE_HOME": str(sandbox / "state"),
                "PROFILE_HELPER_DATA_DIR": str(self.data_dir),
                # No keychain: the database must open with the passphrase file alone.
                "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
            }
        )
        (sandbox / "home").mkdir(exist_ok=True)

    def run(
        self, args: Sequence[str], *, expect_ok: bool = True
    ) -> subprocess.CompletedProcess[str]:
        try:
            result = subprocess.run(
                [str(self.executable), *args],
                env=self.env,
                cwd=self.sandbox,
                capture_output=True,
                text=True,
                encoding="utf-8",
                timeout=TIMEOUT,
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            raise SmokeTestError(f"`{' '.join(args)}` did not finish in {TIMEOUT} s") from exc
        if not expect_ok:
            return result
        problems = []
        if result.returncode != 0:
            problems.append(f"exit status {result.returncode}")
        unexpected = _unexpected(result.stderr)
        if unexpected:
            problems.append("unexpected stderr output:\n    " + "\n    ".join(unexpected))
        if problems:
            raise SmokeTestError(f"`profile-helper {' '.join(args)}`: " + "; ".join(problems))
        return result

    def has_command(self, name: str) -> bool:
        """Whether this build has the command (argparse refuses an unknown one with status 2)."""
        if name not in self._commands:
            self._commands[name] = self.run([name, "--help"], expect_ok=False).returncode == 0
        return self._commands[name]

    def global_options(self) -> list[str]:
        return ["--data-dir", str(self.data_dir), "--passphrase-file", str(self.passphrase_file)]


def _json(result: subprocess.CompletedProcess[str], what: str) -> object:
    try:
        return json.loads(result.stdout)
    except json.JSONDecodeError as exc:
        raise SmokeTestError(f"{what} did not print JSON: {result.stdout[:200]!r}") from exc


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise SmokeTestError(message)


def check_version(program: FrozenProgram, version: str) -> None:
    out = program.run(["--version"]).stdout.strip()
    _require(out == f"Profile Helper {version}", f"--version printed {out!r}")


def check_gui(program: FrozenProgram) -> None:
    program.run([*program.global_options(), "--smoke-test"])


def check_audit(program: FrozenProgram) -> None:
    result = program.run(
        [
            *program.global_options(),
            "audit",
            "--headline",
            HEADLINE,
            "--about-file",
            str(FIXTURES / "about.txt"),
            "--skills-file",
            str(FIXTURES / "skills.txt"),
            "--job-file",
            str(FIXTURES / "job.txt"),
            "--format",
            "json",
        ]
    )
    report = _json(result, "audit")
    _require(isinstance(report, dict), "audit JSON is not an object")
    assert isinstance(report, dict)
    _require(isinstance(report.get("score"), int), f"audit score is {report.get('score')!r}")
    sections = report.get("sections")
    _require(
        isinstance(sections, dict) and {"headline", "about", "skills"} <= sections.keys(),
        f"audit sections are {sections!r}",
    )
    _require(isinstance(report.get("findings"), list), "audit findings are not a list")
    keywords = report.get("keywords")
    _require(isinstance(keywords, dict), f"audit keywords are {keywords!r}")
    assert isinstance(keywords, dict)
    # Job keywords come from YAKE: none would mean its stopword lists did not reach the bundle.
    _require(bool(keywords.get("job")), "the audit found no job keywords (YAKE's data missing?)")
    _require(bool(keywords.get("matched")), "the audit matched no job keyword in the profile")
    rate = report.get("match_rate")
    _require(isinstance(rate, int | float) and 0 < rate <= 1, f"audit match_rate is {rate!r}")


def check_contacts_import(program: FrozenProgram) -> None:
    args = [*program.global_options(), "contacts", "import", str(FIXTURES / "Connections.csv")]
    report = _json(program.run([*args, "--format", "json"]), "contacts import")
    _require(isinstance(report, dict), "contacts import JSON is not an object")
    assert isinstance(report, dict)
    counts = {key: report.get(key) for key in ("added", "updated", "skipped")}
    _require(all(isinstance(n, int) for n in counts.values()), f"import counts are {counts!r}")
    _require(counts["added"] == 3, f"import into an empty database added {counts['added']}, not 3")
    _require(isinstance(report.get("errors"), list), "import errors are not a list")
    listed = _json(
        program.run([*program.global_options(), "contacts", "list", "--format", "json"]),
        "contacts list",
    )
    _require(isinstance(listed, list) and len(listed) == 3, f"contacts list gave {listed!r}")
    assert isinstance(listed, list)
    names = {row.get("last_name") for row in listed if isinstance(row, dict)}
    _require("Müller" in names, f"the imported names came back as {sorted(map(str, names))}")


def check_message(program: FrozenProgram) -> None:
    """After the import: a connection note for an imported contact, rendered by Jinja2."""
    listed = _json(
        program.run([*program.global_options(), "contacts", "list", "--format", "json"]),
        "contacts list",
    )
    rows = listed if isinstance(listed, list) else []
    ids = [
        row.get("id") for row in rows if isinstance(row, dict) and row.get("first_name") == "Ana"
    ]
    _require(len(ids) == 1, f"no single imported contact named Ana in {listed!r}")
    # A note signs off with the person's name: set it the way a person would, first.
    program.run([*program.global_options(), "profile", "set", "--name", "Sam Rivera"])
    args = ["message", "connection_note", "--contact", str(ids[0]), "--format", "json"]
    message = _json(program.run([*program.global_options(), *args]), "message")
    _require(isinstance(message, dict), f"message gave {message!r}")
    assert isinstance(message, dict)
    body, limit = message.get("body"), message.get("limit")
    _require(isinstance(body, str) and "Ana" in body, f"the note does not greet Ana: {body!r}")
    assert isinstance(body, str)
    _require(isinstance(limit, int) and 0 < len(body) <= limit, f"note of {len(body)}/{limit}")
    _require("Sam" in body, f"the note is not signed with the name set: {body!r}")


def check_doctor(program: FrozenProgram) -> None:
    """After the import: the database is whole and encrypted, so SQLCipher reached the bundle."""
    report = _json(program.run([*program.global_options(), "doctor", "--format", "json"]), "doctor")
    database = report.get("database") if isinstance(report, dict) else None
    _require(isinstance(database, dict), f"doctor gave {report!r}")
    assert isinstance(database, dict)
    _require(database.get("integrity") == "ok", f"database integrity: {database!r}")
    _require(database.get("encrypted") is True, f"the database is not encrypted: {database!r}")


def run_all(executable: Path, version: str, log: Callable[[str], None] = print) -> list[Check]:
    """Run every check against the built program; raise :class:`SmokeTestError` on the first
    failure. Commands that this build does not have yet are skipped and said so."""
    # (what, check, the commands it needs); later checks use the contacts imported earlier.
    checks: list[tuple[str, Callable[[FrozenProgram], None], tuple[str, ...]]] = [
        ("--version", lambda p: check_version(p, version), ()),
        ("--smoke-test (window shown, every page visited)", check_gui, ()),
        ("audit --format json", check_audit, ("audit",)),
        ("contacts import --format json", check_contacts_import, ("contacts",)),
        (
            "message connection_note --format json",
            check_message,
            ("contacts", "profile", "message"),
        ),
        ("doctor --format json (database encrypted with SQLCipher)", check_doctor, ("doctor",)),
    ]
    done: list[Check] = []
    with tempfile.TemporaryDirectory(prefix="profile-helper-smoke-") as tmp:
        program = FrozenProgram(executable, Path(tmp))
        for name, check, commands in checks:
            missing = [command for command in commands if not program.has_command(command)]
            if missing:
                why = f"this build has no `{missing[0]}` command yet"
                done.append(Check(name, 0.0, why))
                log(f"smoke test: {name}: skipped, {why}")
                continue
            start = time.perf_counter()
            check(program)
            done.append(Check(name, time.perf_counter() - start))
            log(f"smoke test: {name}: ok ({done[-1].seconds:.1f} s)")
    return done
