"""Build Profile Helper as a desktop program: ``python installer/build.py``.

From a clean checkout with the ``build`` extra installed (``pip install -e '.[build]'``): renders
the icons, runs PyInstaller on ``installer/profile_helper.spec`` (one-folder build), packages it
for the platform (Linux: a ``.tar.gz`` with a desktop entry and install script; Windows: the Inno
Setup installer when ``iscc`` is on PATH; macOS: the ``.app`` bundle), smoke-tests the frozen
program headless, and prints the path of the built executable as its last line.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from installer import icons, project


def _log(message: str) -> None:
    print(message, flush=True)


def _size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def _mb(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def run_pyinstaller(clean: bool) -> None:
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(project.DIST_DIR),
        "--workpath",
        str(project.BUILD_DIR / "pyinstaller"),
        str(project.SPEC_FILE),
    ]
    if clean:
        command.insert(3, "--clean")
    subprocess.run(command, cwd=project.REPO_ROOT, check=True)


def package(target: str, meta: project.Metadata) -> list[Path]:
    """The platform's distributable files, built from the one-folder bundle."""
    if target == "linux":
        from installer import package_linux

        return [package_linux.make_archive(meta, project.DIST_DIR / project.BUNDLE_NAME)]
    if target == "windows":
        iscc = shutil.which("iscc") or shutil.which("ISCC")
        if iscc is None:
            _log("Inno Setup's iscc is not on PATH: the installer .exe was not made.")
            return []
        script = project.INSTALLER_DIR / "windows" / "profile-helper.iss"
        subprocess.run([iscc, f"/DAppVersion={meta.version}", str(script)], check=True)
        return sorted(project.DIST_DIR.glob("ProfileHelper-*-setup.exe"))
    return [project.DIST_DIR / project.MAC_APP_NAME]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python installer/build.py", description=__doc__)
    parser.add_argument(
        "--clean", action="store_true", help="discard PyInstaller's cache and work files first"
    )
    parser.add_argument(
        "--skip-smoke-test", action="store_true", help="build and package without running it"
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()

    try:
        target = project.check_platform()
    except project.UnsupportedPlatformError as exc:
        print(f"build.py: {exc}", file=sys.stderr)
        return 2
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        print(
            "build.py: PyInstaller is not installed; run: pip install -e '.[build]'",
            file=sys.stderr,
        )
        return 2
    meta = project.read_metadata()
    _log(f"Building {meta.app_name} {meta.version} for {target}")

    if args.clean and project.BUILD_DIR.exists():
        shutil.rmtree(project.BUILD_DIR)
    # Old bundles must never be packaged or smoke-tested by mistake.
    if project.DIST_DIR.exists():
        shutil.rmtree(project.DIST_DIR)
    app_svg = project.REPO_ROOT / "profile_helper" / "resources" / "icons" / "app.svg"
    icons.generate(app_svg, project.ICON_DIR)
    try:
        run_pyinstaller(args.clean)
    except subprocess.CalledProcessError as exc:
        print(f"build.py: PyInstaller failed (exit {exc.returncode}); see above", file=sys.stderr)
        return 1
    executable = project.executable_path(target)
    if not executable.is_file():
        print(f"build.py: PyInstaller made no {executable}", file=sys.stderr)
        return 1
    bundle = project.DIST_DIR / project.BUNDLE_NAME
    _log(f"Bundle: {bundle} ({_mb(_size(bundle))} unpacked)")
    try:
        artifacts = package(target, meta)
    except (OSError, subprocess.CalledProcessError) as exc:
        print(f"build.py: packaging failed: {exc}", file=sys.stderr)
        return 1
    for artifact in artifacts:
        _log(f"Package: {artifact} ({_mb(_size(artifact))})")

    if not args.skip_smoke_test:
        from installer import smoke

        try:
            smoke.run_all(executable, meta.version, _log)
        except smoke.SmokeTestError as exc:
            print(f"build.py: smoke test failed: {exc}", file=sys.stderr)
            return 1
    _log(f"Built in {time.perf_counter() - started:.0f} s")
    print(executable)
    return 0


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # the icons render without a screen
    sys.exit(main())
