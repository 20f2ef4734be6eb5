"""The installer's logic, cheaply: icons, bundle slimming, platform refusal, the desktop entry,
and install.sh / uninstall.sh run for real into a temporary HOME with a stand-in program.

The PyInstaller build itself runs in CI through ``python installer/build.py``, not here.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

import profile_helper
from installer import build, icons, package_linux, project, slim, smoke, strip_debug
from tests.conftest import REPO_ROOT

APP_ID = profile_helper.APP_ID


def test_metadata_is_read_from_the_package() -> None:
    meta = project.read_metadata()
    assert meta.version == profile_helper.__version__
    assert meta.app_id == APP_ID
    assert meta.app_name == profile_helper.APP_NAME


def test_metadata_missing_a_constant_is_refused(tmp_path: Path) -> None:
    init = tmp_path / "__init__.py"
    init.write_text('__version__ = "1.0"\nAPP_NAME = "X"\n', encoding="utf-8")
    with pytest.raises(ValueError, match="APP_ID"):
        project.read_metadata(init)


@pytest.mark.parametrize(
    ("system", "machine", "target"),
    [("linux", "x86_64", "linux"), ("win32", "AMD64", "windows"), ("darwin", "arm64", "macos")],
)
def test_supported_platforms(system: str, machine: str, target: str) -> None:
    assert project.check_platform(system, machine) == target


@pytest.mark.parametrize(
    ("system", "machine"), [("freebsd14", "amd64"), ("linux", "aarch64"), ("darwin", "x86_64")]
)
def test_unsupported_platforms_are_refused(system: str, machine: str) -> None:
    with pytest.raises(project.UnsupportedPlatformError, match=f"cannot build .* on {system}"):
        project.check_platform(system, machine)


def test_build_script_refuses_clearly_before_building(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("platform.machine", lambda: "riscv64")
    assert build.main([]) == 2
    captured = capsys.readouterr()
    assert "cannot build Profile Helper on" in captured.err
    assert "riscv64" in captured.err
    assert "Building" not in captured.out


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        ("PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so", True),
        ("PySide6/Qt/plugins/iconengines/libqsvgicon.so", True),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
        ("PySide6/Qt/plugins/imageformats/libqtiff.so", False),
        ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
        ("PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so", True),
        ("PySide6/Qt/translations/qtbase_de.qm", False),
        ("PySide6/Qt/lib/libQt6Core.so.6", True),
        ("PySide6/Qt/lib/libQt6Svg.so.6", True),
        ("PySide6/Qt/lib/libQt6Network.so.6", True),
        ("PySide6/Qt/lib/libQt6Quick.so.6", False),
        ("PySide6/Qt/lib/libQt6Pdf.so.6", False),
        ("PySide6/QtWidgets.abi3.so", True),
        ("PySide6/plugins/platforms/qwindows.dll", True),
        ("PySide6/plugins/styles/qmodernwindowsstyle.dll", True),
        ("PySide6/Qt6Qml.dll", False),
        ("PySide6/Qt6Widgets.dll", True),
        ("PySide6/Qt/lib/QtGui.framework/Versions/A/QtGui", True),
        ("PySide6/Qt/lib/QtQuick.framework/Versions/A/QtQuick", False),
        ("PySide6/Qt/plugins/platforms/libqcocoa.dylib", True),
        ("libfontconfig.so.1", False),
        ("libxcb-cursor.so.0", False),
        ("libpython3.11.so.1.0", True),
        ("numpy.libs/libscipy_openblas64_-32a4b2a6.so", True),
        ("yake/core/StopwordsList/stopwords_en.txt", True),
        ("resources/limits.json", True),
    ],
)
def test_slim_keeps_what_the_app_uses(dest: str, kept: bool) -> None:
    assert slim.keep(dest) is kept


def test_slim_filters_hook_entries_by_destination() -> None:
    entries = [
        (
            "/venv/PySide6/Qt/plugins/platformthemes/libqgtk3.so",
            "PySide6/Qt/plugins/platformthemes",
        ),
        ("/venv/PySide6/Qt/plugins/platforms/libqxcb.so", "PySide6/Qt/plugins/platforms"),
        ("/venv/PySide6/Qt/translations/qtbase_*.qm", "PySide6/Qt/translations"),
    ]
    assert slim.slim_hook(entries) == [entries[1]]
    toc = [("libgtk-3.so.0", "/usr/lib/libgtk-3.so.0", "BINARY"), ("libz.so.1", "/z", "BINARY")]
    assert slim.gtk_leftovers(toc) == ["libgtk-3.so.0"]


@pytest.mark.parametrize(
    ("dest", "name"),
    [
        ("sqlcipher3/_sqlite3.cpython-311-x86_64-linux-gnu.so", "sqlcipher3._sqlite3"),
        ("python3.11/lib-dynload/_decimal.cpython-311-x86_64-linux-gnu.so", "_decimal"),
        ("PySide6/QtCore.abi3.so", "PySide6.QtCore"),
        ("libpython3.11.so.1.0", None),
    ],
)
def test_extension_module_names_for_the_load_check(dest: str, name: str | None) -> None:
    assert strip_debug.extension_module_name(dest) == name


def test_elf_sections_are_read_and_grafted_libraries_never_stripped() -> None:
    assert ".text" in strip_debug.section_names(Path(sys.executable).resolve())
    assert strip_debug.strippable("sqlcipher3/_sqlite3.cpython-311-x86_64-linux-gnu.so")
    assert not strip_debug.strippable("numpy.libs/libgfortran-040039e1-0352e75f.so.5.0.0")


def test_strip_debug_leaves_non_elf_files_alone(tmp_path: Path) -> None:
    text = tmp_path / "data.txt"
    text.write_text(".debug_info is only text here", encoding="utf-8")
    assert not strip_debug.has_debug_info(text)
    toc = [("data.txt", str(text), "DATA")]
    assert strip_debug.strip_debug(toc, tmp_path / "out") == (toc, 0)


@pytest.fixture(scope="module")
def icon_set(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    out = tmp_path_factory.mktemp("icons")
    written = icons.generate(REPO_ROOT / "profile_helper" / "resources" / "icons" / "app.svg", out)
    assert app is not None
    return written


def test_icons_render_at_every_size(icon_set: dict[str, Path]) -> None:
    from PySide6.QtGui import QImage

    for size in icons.PNG_SIZES:
        image = QImage(str(icon_set[f"png{size}"]))
        assert (image.width(), image.height()) == (size, size)
        # Transparent corners (rounded square) and an opaque middle: the SVG was really drawn.
        assert image.pixelColor(0, 0).alpha() == 0
        assert image.pixelColor(size // 2, size // 2).alpha() == 255


def test_ico_holds_every_windows_size(icon_set: dict[str, Path]) -> None:
    data = icon_set["ico"].read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind, count) == (0, 1, len(icons.ICO_SIZES))
    sizes = []
    for index in range(count):
        width, _h, _c, _r, _p, _bpp, length, offset = struct.unpack_from(
            "<BBBBHHII", data, 6 + 16 * index
        )
        assert data[offset : offset + 8] == b"\x89PNG\r\n\x1a\n"
        assert offset + length <= len(data)
        sizes.append(width or 256)
    assert sizes == list(icons.ICO_SIZES)


def test_icns_is_a_well_formed_container(icon_set: dict[str, Path]) -> None:
    data = icon_set["icns"].read_bytes()
    assert data[:4] == b"icns"
    assert struct.unpack_from(">I", data, 4)[0] == len(data)
    kinds, offset = [], 8
    while offset < len(data):
        kind, length = data[offset : offset + 4], struct.unpack_from(">I", data, offset + 4)[0]
        assert data[offset + 8 : offset + 16] == b"\x89PNG\r\n\x1a\n"
        kinds.append(kind)
        offset += length
    assert offset == len(data)
    assert {b"ic07", b"ic08", b"ic09", b"ic13", b"ic14"} <= set(kinds)


def _validate_desktop_file(path: Path) -> None:
    validator = shutil.which("desktop-file-validate")
    if validator is None:
        pytest.skip("desktop-file-validate is not installed (apt package desktop-file-utils)")
    result = subprocess.run([validator, str(path)], capture_output=True, text=True, check=False)
    # It prints hints too; any line at all means something to fix.
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_packaged_desktop_entry_validates() -> None:
    desktop = package_linux.LINUX_DIR / f"{APP_ID}.desktop"
    _validate_desktop_file(desktop)
    text = desktop.read_text(encoding="utf-8")
    assert f"Icon={APP_ID}\n" in text
    assert "Name=Profile Helper\n" in text


@pytest.fixture
def staged(tmp_path: Path, icon_set: dict[str, Path]) -> Path:
    """The archive's contents with a stand-in program that answers ``--version``."""
    bundle = tmp_path / "bundle"
    (bundle / "_internal").mkdir(parents=True)
    (bundle / "_internal" / "library.txt").write_text("part of the program", encoding="utf-8")
    program = bundle / project.BUNDLE_NAME
    program.write_text('#!/bin/sh\necho "Profile Helper stand-in $*"\n', encoding="utf-8")
    program.chmod(0o755)
    return package_linux.stage(
        project.read_metadata(), bundle, icon_set["svg"].parent, tmp_path / "archive"
    )


@pytest.mark.skipif(sys.platform != "linux", reason="the Linux install scripts")
@pytest.mark.parametrize("home_name", ["home", "my home"])
def test_install_and_uninstall_into_a_temporary_home(staged: Path, home_name: str) -> None:
    home = staged.parents[1] / home_name
    home.mkdir()
    env = {"HOME": str(home), "PATH": os.environ.get("PATH", "/usr/bin:/bin")}
    installed = subprocess.run(
        ["sh", str(staged / "install.sh")], env=env, capture_output=True, text=True, check=False
    )
    assert installed.returncode == 0, installed.stderr
    assert "applications menu" in installed.stdout

    local = home / ".local"
    lib_dir = local / "lib" / "profile-helper"
    link = local / "bin" / "profile-helper"
    desktop = local / "share" / "applications" / f"{APP_ID}.desktop"
    assert link.is_symlink() and link.resolve() == (lib_dir / "profile-helper").resolve()
    assert (lib_dir / "_internal" / "library.txt").is_file()
    assert (lib_dir / "uninstall.sh").is_file()
    ran = subprocess.run([str(link), "--version"], capture_output=True, text=True, check=True)
    assert ran.stdout.strip() == "Profile Helper stand-in --version"
    for size in icons.PNG_SIZES:
        assert (local / f"share/icons/hicolor/{size}x{size}/apps/{APP_ID}.png").is_file()
    assert (local / f"share/icons/hicolor/scalable/apps/{APP_ID}.svg").is_file()
    # The menu entry starts the installed program by its full path, quoted.
    assert f'Exec="{lib_dir / "profile-helper"}"\n' in desktop.read_text(encoding="utf-8")
    _validate_desktop_file(desktop)

    # Installing again upgrades in place.
    again = subprocess.run(
        ["sh", str(staged / "install.sh")], env=env, capture_output=True, check=False
    )
    assert again.returncode == 0, again.stderr

    data = local / "share" / "profile-helper"
    data.mkdir()
    (data / "profile-helper.sqlite3").write_bytes(b"the person's data")
    removed = subprocess.run(
        ["sh", str(lib_dir / "uninstall.sh")], env=env, capture_output=True, text=True, check=False
    )
    assert removed.returncode == 0, removed.stderr
    assert not lib_dir.exists() and not link.exists() and not link.is_symlink()
    assert not desktop.exists()
    assert not list((local / "share" / "icons").rglob(f"{APP_ID}.*"))
    assert (data / "profile-helper.sqlite3").read_bytes() == b"the person's data"


def test_install_refuses_outside_the_archive(tmp_path: Path) -> None:
    lone = tmp_path / "install.sh"
    shutil.copy2(package_linux.LINUX_DIR / "install.sh", lone)
    result = subprocess.run(
        ["sh", str(lone)],
        env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "unpacked Profile Helper archive" in result.stderr
    assert not (tmp_path / ".local").exists()


def _fake_program(tmp_path: Path, body: str) -> Path:
    program = tmp_path / "fake-profile-helper"
    program.write_text(f"#!{sys.executable}\nimport sys\nargs = sys.argv[1:]\n{body}\n")
    program.chmod(0o755)
    return program


@pytest.mark.skipif(sys.platform == "win32", reason="a script stands in for the program")
def test_smoke_test_runs_what_the_build_has_and_skips_the_rest(tmp_path: Path) -> None:
    program = _fake_program(
        tmp_path,
        "if args == ['--version']: print('Profile Helper 9.9'); sys.exit(0)\n"
        "if '--smoke-test' in args: sys.exit(0)\n"
        "sys.exit(2)  # argparse's answer to an unknown command",
    )
    lines: list[str] = []
    checks = smoke.run_all(program, "9.9", lines.append)
    assert [c.skipped != "" for c in checks] == [False, False, True, True, True, True]
    assert any("no `audit` command yet" in line for line in lines)


@pytest.mark.skipif(sys.platform == "win32", reason="a script stands in for the program")
def test_smoke_test_fails_on_unexpected_stderr(tmp_path: Path) -> None:
    program = _fake_program(
        tmp_path,
        "if args == ['--version']: print('Profile Helper 9.9'); sys.exit(0)\n"
        "print('qt.qpa.fonts: Populating font family aliases took 120 ms', file=sys.stderr)",
    )
    with pytest.raises(smoke.SmokeTestError, match="unexpected stderr output"):
        smoke.run_all(program, "9.9", lambda _line: None)


@pytest.mark.skipif(sys.platform == "win32", reason="a script stands in for the program")
def test_smoke_test_checks_the_version(tmp_path: Path) -> None:
    program = _fake_program(tmp_path, "print('Profile Helper 0.0.1')")
    with pytest.raises(smoke.SmokeTestError, match="--version printed"):
        smoke.run_all(program, "9.9", lambda _line: None)


def test_spec_file_is_valid_python() -> None:
    compile(project.SPEC_FILE.read_text(encoding="utf-8"), str(project.SPEC_FILE), "exec")
