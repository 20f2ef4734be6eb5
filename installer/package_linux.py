"""The Linux download: the one-folder bundle, a desktop entry, icons, and install scripts.

Layout of ``profile-helper-<version>-linux-x86_64.tar.gz``::

    profile-helper-<version>-linux-x86_64/
        install.sh  uninstall.sh  README.txt
        io.github.profilehelper.ProfileHelper.desktop
        icons/hicolor/<n>x<n>/apps/io.github.profilehelper.ProfileHelper.png
        icons/hicolor/scalable/apps/io.github.profilehelper.ProfileHelper.svg
        profile-helper/          (the program: profile-helper and _internal/)
"""

from __future__ import annotations

import platform
import shutil
import tarfile
from pathlib import Path

from installer import icons, project

LINUX_DIR = project.INSTALLER_DIR / "linux"

README = """\
{name} {version} for Linux (x86_64)

Install for your user (no root needed):   ./install.sh
Then find "{name}" in your applications menu, or run ~/.local/bin/profile-helper.
Remove it again:                          ~/.local/lib/profile-helper/uninstall.sh

The app needs a few system libraries that every desktop has; on a minimal system install them
(Debian or Ubuntu; the same list as the project's README, "To run the app"):

    sudo apt-get install libgl1 libegl1 libfontconfig1 libfreetype6 libglib2.0-0 \\
        libdbus-1-3 libxkbcommon0 libxkbcommon-x11-0 libx11-6 libx11-xcb1 libxcb1 \\
        libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-image0 \\
        libxcb-render-util0 libxcb-randr0 libxcb-xkb1 libwayland-client0 \\
        libwayland-cursor0 libwayland-egl1
"""


def stage(meta: project.Metadata, bundle: Path, icon_dir: Path, dest: Path) -> Path:
    """Lay out the archive's contents in ``dest/<top folder>`` and return that folder."""
    top = dest / f"{project.BUNDLE_NAME}-{meta.version}-linux-{platform.machine()}"
    if top.exists():
        shutil.rmtree(top)
    top.mkdir(parents=True)
    shutil.copytree(bundle, top / project.BUNDLE_NAME, symlinks=True)
    for script in ("install.sh", "uninstall.sh"):
        shutil.copy2(LINUX_DIR / script, top / script)
        (top / script).chmod(0o755)
    desktop = f"{meta.app_id}.desktop"
    shutil.copy2(LINUX_DIR / desktop, top / desktop)
    for size in icons.PNG_SIZES:
        apps = top / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        apps.mkdir(parents=True)
        shutil.copy2(icon_dir / f"app-{size}.png", apps / f"{meta.app_id}.png")
    scalable = top / "icons" / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True)
    shutil.copy2(icon_dir / "app.svg", scalable / f"{meta.app_id}.svg")
    (top / "README.txt").write_text(
        README.format(name=meta.app_name, version=meta.version), encoding="utf-8"
    )
    return top


def make_archive(meta: project.Metadata, bundle: Path) -> Path:
    """Stage the download next to the bundle and pack it as a ``.tar.gz``."""
    top = stage(meta, bundle, project.ICON_DIR, project.BUILD_DIR / "linux-archive")
    archive = project.DIST_DIR / f"{top.name}.tar.gz"
    # compresslevel 6: the default of gzip(1); 9 costs CI seconds for under 1 % smaller.
    with tarfile.open(archive, "w:gz", compresslevel=6) as tar:
        tar.add(top, arcname=top.name)
    return archive
