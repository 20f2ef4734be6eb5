import argparse
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from profile_helper import __version__
from profile_helper.cli import build_parser, main, parse_args
from profile_helper.commands import COMMAND_MODULES
from tests.conftest import REPO_ROOT


def run_cli(*args: str, data_dir: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run the CLI as a real process, the way a person or a script would."""
    extra = ["--data-dir", str(data_dir)] if data_dir else []
    return subprocess.run(
        [sys.executable, "-m", "profile_helper", *extra, *args],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_help_lists_global_options(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for option in (
        "--data-dir",
        "--no-err-windows",
        "--smoke-test",
        "--passphrase-file",
        "--startup-report",
        "--quit-after-first-page",
    ):
        assert option in out


def test_unknown_command_is_a_usage_error(data_dir: Path) -> None:
    result = run_cli("no-such-command", data_dir=data_dir)
    assert result.returncode == 2
    assert "invalid choice" in result.stderr
    assert "Traceback" not in result.stderr


def test_unusable_data_dir_is_one_clear_line(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = run_cli("--version", data_dir=None)
    assert result.returncode == 0
    result = run_cli("--smoke-test", data_dir=blocker / "sub")
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1
    assert "data directory" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("command", COMMAND_MODULES)
def test_every_command_has_help(command: str) -> None:
    parser = build_parser()
    with pytest.raises(SystemExit) as exit_info:
        parser.parse_args([command, "--help"])
    assert exit_info.value.code == 0


def _command_modules_loaded(argv: list[str], check: str) -> str:
    """Parse ``argv`` in a fresh interpreter, assert ``check`` of the result, and say which
    command modules that loaded."""
    script = (
        "import sys\n"
        "from profile_helper.cli import parse_args\n"
        f"args = parse_args({argv!r})\n"
        f"assert {check}, args\n"
        "print(sorted(m for m in sys.modules if m.startswith('profile_helper.commands.')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO_ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_opening_the_app_parses_without_importing_the_commands() -> None:
    argv = ["--data-dir", "x", "--no-err", "--startup-report", "r.json"]
    check = "args.command is None and args.no_err_windows"
    assert _command_modules_loaded(argv, check) == "[]"


@pytest.mark.parametrize(
    ("argv", "command"),
    [(["contacts", "list"], "contacts"), (["--data-dir", "d", "today"], "today"), ([], None)],
)
def test_a_command_still_goes_to_the_whole_parser(argv: list[str], command: str | None) -> None:
    assert parse_args(argv).command == command


def test_a_mistake_in_the_global_options_is_the_whole_parsers_usage_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as stopped:
        parse_args(["--s"])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: profile-helper")
    assert "ambiguous option: --s could match --smoke-test, --startup-report" in err


def test_a_command_parses_with_its_own_module_only() -> None:
    argv = ["--data-dir", "x", "audit", "--headline", "Nurse", "--format", "json"]
    check = "args.command == 'audit' and args.format == 'json'"
    modules = ["profile_helper.commands.audit", "profile_helper.commands.output"]
    assert _command_modules_loaded(argv, check) == str(modules)


def _parsed(
    parse: Callable[[list[str]], argparse.Namespace],
    argv: list[str],
    capsys: pytest.CaptureFixture[str],
) -> tuple[object, ...]:
    """What parsing ``argv`` gives: the options, or the exit code and what was printed."""
    try:
        args = parse(argv)
    except SystemExit as stopped:
        out, err = capsys.readouterr()
        return stopped.code, out, err
    return (vars(args), *capsys.readouterr())


# Every command's help and mistakes, and a few of its real command lines.
LINES = [
    *([command, *rest] for command in COMMAND_MODULES for rest in ([], ["--help"], ["--nope"])),
    ["--data-dir", "d", "audit", "--headline", "Nurse", "--format", "json"],
    ["audit", "--format", "xml"],
    ["audit", "--headline", "a", "--headline-file", "b"],
    ["audit", "--data-dir", "d"],
    ["--no-err-windows", "audit", "extra"],
    ["--version", "audit"],
    ["--passphrase-file", "audit", "today"],
    ["contacts", "list"],
    ["contacts", "nope"],
    ["followups", "list", "--due", "2024-02-30"],
    ["imports", "archive.zip"],
    ["import", "archive.zip"],
    ["applications", "list", "--status", "nope"],
    ["backup", "create", "--", "-x"],
]


@pytest.mark.parametrize("argv", LINES, ids=" ".join)
def test_a_command_line_reads_as_the_whole_parser_reads_it(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    expected = _parsed(build_parser().parse_args, argv, capsys)
    assert _parsed(parse_args, argv, capsys) == expected
