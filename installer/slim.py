"""Which of the files PyInstaller found the bundle actually ships.

PySide6's hooks collect every plugin of a Qt module, and the dependencies of those plugins from
the build machine: the GTK platform theme alone drags in GTK, cairo and pango. The app draws its
own look, so the bundle keeps only the platform plugins, input methods, SVG support and
Wayland/X11 integration it needs, and no Qt translations (the app is in English and installs no
Qt translator).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import PurePosixPath

# Plugin folder -> plugin names kept (None: keep the whole folder). Folders not listed go.
KEPT_PLUGINS: dict[str, frozenset[str] | None] = {
    "platforms": frozenset(
        {"qoffscreen", "qxcb", "qwayland", "qwayland-egl", "qwayland-generic", "qwindows", "qcocoa"}
    ),
    # The desktop portal gives native file dialogs under Flatpak and GNOME without GTK.
    "platformthemes": frozenset({"qxdgdesktopportal"}),
    "platforminputcontexts": None,  # dead keys, compose and IBus input methods
    "iconengines": frozenset({"qsvgicon"}),
    "imageformats": frozenset({"qsvg", "qico", "qjpeg"}),
    "xcbglintegrations": None,
    "wayland-decoration-client": None,  # window borders on GNOME's Wayland session
    "wayland-graphics-integration-client": None,
    "wayland-shell-integration": None,
    "styles": None,  # the native Windows and macOS styles
}

# Qt libraries the app links (QtCore, QtGui, QtWidgets, QtSvg, QtNetwork) and what those and the
# kept plugins load. Anything else named Qt6* / Qt*.framework goes.
KEPT_QT_LIBRARIES = frozenset(
    {
        "Core",
        "Gui",
        "Widgets",
        "Svg",
        "Network",
        "DBus",
        "OpenGL",
        "XcbQpa",
        "WaylandClient",
        "WaylandEglClientHwIntegration",
        "WlShellIntegration",
    }
)

# The GTK stack arrives only with the GTK theme plugin; a bundle carrying the build machine's GTK
# breaks on a desktop with another. The build fails if any of it is still there.
GTK_STACK = re.compile(r"^lib(gtk-3|gdk-3|gdk_pixbuf-2\.0|atk-1\.0|cairo|pango-1\.0)\.")

# The desktop's own libraries, always taken from the system like OpenGL is: a copy from the build
# machine misreads a newer system's font configuration, X keyboard maps or D-Bus policy. The
# README lists the packages (libfontconfig1, libglib2.0-0, libdbus-1-3, libxkbcommon0, the xcb
# libraries), which every desktop installation has.
SYSTEM_LIBRARIES = re.compile(
    r"^lib(fontconfig|freetype|expat|png16|brotli(common|dec)|bz2|glib-2\.0|gthread-2\.0|"
    r"gobject-2\.0|gio-2\.0|gmodule-2\.0|pcre2-8|dbus-1|systemd|gcrypt|gpg-error|lz4|lzma|zstd|"
    r"cap|X11|X11-xcb|Xau|Xdmcp|xcb(-[a-z0-9-]+)?|xkbcommon(-x11)?|bsd|md|wayland-[a-z]+)\.so"
)

_QT_LIB = re.compile(r"^(?:lib)?Qt6?([A-Za-z]+?)(?:\.so\.6|\.dll|\.framework|_debug)?(?:\..*)?$")


def _plugin_name(filename: str) -> str:
    stem = filename.split(".", 1)[0]
    return stem[3:] if stem.startswith("lib") else stem


def keep(dest: str) -> bool:
    """Whether the file bound for ``dest`` (a path inside the bundle) is shipped."""
    parts = PurePosixPath(dest.replace("\\", "/")).parts
    if len(parts) == 1 and SYSTEM_LIBRARIES.match(parts[0]):
        return False
    if not parts or parts[0] != "PySide6":
        return True
    if "translations" in parts:
        return False
    if "plugins" in parts:
        index = parts.index("plugins")
        if len(parts) < index + 3:
            return True
        folder = parts[index + 1]
        if folder not in KEPT_PLUGINS:
            return False
        kept = KEPT_PLUGINS[folder]
        return kept is None or _plugin_name(parts[index + 2]) in kept
    for part in parts[1:]:
        match = _QT_LIB.match(part)
        if match and (part.startswith(("libQt6", "Qt6")) or part.endswith(".framework")):
            return match.group(1) in KEPT_QT_LIBRARIES
    return True


def slim(toc: Iterable[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """The entries of a PyInstaller TOC (destination, source, type) that the bundle keeps."""
    return [entry for entry in toc if keep(entry[0])]


def slim_hook(entries: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """The entries of a hook's ``binaries`` or ``datas`` (source, destination folder) kept."""
    kept = []
    for source, dest_dir in entries:
        name = PurePosixPath(source.replace("\\", "/")).name
        if keep(f"{dest_dir}/{name}"):
            kept.append((source, dest_dir))
    return kept


def gtk_leftovers(toc: Iterable[tuple[str, str, str]]) -> list[str]:
    """Files of the GTK stack in a TOC (the build refuses to ship them)."""
    return [entry[0] for entry in toc if GTK_STACK.match(PurePosixPath(entry[0]).name)]
