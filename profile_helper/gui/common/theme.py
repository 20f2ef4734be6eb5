"""Light and dark looks, chosen by the person or following the system, and icons to match.

Fusion is used everywhere so that the app looks the same on every platform. The person chooses
System, Light or Dark (Settings, Appearance); with System the palette follows the system's
colour scheme and changes with it while the app runs. The choice is view state, kept in the
window's settings file beside the data rather than in the encrypted database, so that it applies
before the database is unlocked.

The system's scheme is remembered there too, and the first frame uses what was seen last: asking
Qt for it builds Python types for the whole of Qt's namespace (about 30 ms), which can wait until
the window is painted. Then it is asked for real (``check_system_scheme``), and only a scheme
that changed while the app was closed repaints.
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from PySide6 import QtCore
from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QImage, QPalette, QPixmap
from PySide6.QtWidgets import QApplication, QWidget

from profile_helper.core.resources import resource_path


class Colors(NamedTuple):
    """The colours of one look. A named tuple, not a dataclass: it is made on the way to the
    first frame, and a tuple's class is cheaper to make."""

    dark: bool
    window: str
    base: str
    alt_base: str
    text: str
    muted: str
    border: str
    sidebar: str
    sidebar_text: str
    accent: str
    accent_text: str
    good: str
    warn: str
    bad: str


LIGHT = Colors(
    dark=False,
    window="#f5f6f8",
    base="#ffffff",
    alt_base="#f9fafb",
    text="#111827",
    muted="#6b7280",
    border="#e5e7eb",
    sidebar="#eef1f5",
    sidebar_text="#1f2937",
    accent="#2563eb",
    accent_text="#ffffff",
    good="#15803d",
    warn="#b45309",
    bad="#b91c1c",
)
DARK = Colors(
    dark=True,
    window="#1b1d22",
    base="#23262d",
    alt_base="#272a31",
    text="#e5e7eb",
    muted="#9ca3af",
    border="#353943",
    sidebar="#15171b",
    sidebar_text="#e5e7eb",
    accent="#3b82f6",
    accent_text="#ffffff",
    good="#4ade80",
    warn="#fbbf24",
    bad="#f87171",
)


SYSTEM, LIGHT_CHOICE, DARK_CHOICE = "system", "light", "dark"
CHOICES: tuple[str, ...] = (SYSTEM, LIGHT_CHOICE, DARK_CHOICE)
# Where the choice is kept in the view-state settings, and the application property that holds
# it while the app runs (a property of the one QApplication rather than a module global).
SETTING_KEY = "appearance/theme"
_CHOSEN = "profileHelperTheme"
# The system's scheme as last seen (true when dark), in the settings and on the app.
SYSTEM_DARK_KEY = "appearance/systemDark"
_SYSTEM_DARK = "profileHelperSystemDark"


def _ask_system() -> bool:
    """The system's scheme from Qt: dark or not (unknown counts as light)."""
    # Read here, not at import: the first touch of Qt's namespace builds all of its types.
    return QGuiApplication.styleHints().colorScheme() == QtCore.Qt.ColorScheme.Dark


def system_is_dark() -> bool:
    """Whether the system's scheme is dark: as last seen while the app runs, else asked."""
    app = QApplication.instance()
    known = app.property(_SYSTEM_DARK) if app is not None else None
    if isinstance(known, bool):
        return known
    dark = _ask_system()
    if app is not None:
        app.setProperty(_SYSTEM_DARK, dark)
    return dark


def assume_system_scheme(app: QApplication, settings: QSettings) -> None:
    """Take the system's scheme as last seen for the first frame (nothing when never seen)."""
    seen = settings.value(SYSTEM_DARK_KEY)
    if seen in ("true", "false"):
        app.setProperty(_SYSTEM_DARK, seen == "true")


def remember_system_scheme(app: QApplication, settings: QSettings) -> None:
    """Keep the system's scheme, if the app has it, for the next start's first frame."""
    dark = app.property(_SYSTEM_DARK)
    if not isinstance(dark, bool):
        return
    text = "true" if dark else "false"
    if settings.value(SYSTEM_DARK_KEY) != text:
        settings.setValue(SYSTEM_DARK_KEY, text)
        settings.sync()


def check_system_scheme(app: QApplication, settings: QSettings) -> None:
    """Ask the system's scheme for real, remember it, and repaint when it is not as assumed."""
    assumed = app.property(_SYSTEM_DARK)
    dark = _ask_system()
    app.setProperty(_SYSTEM_DARK, dark)
    remember_system_scheme(app, settings)
    if dark != assumed and chosen() == SYSTEM:
        apply(app)


def system_scheme_changed(app: QApplication) -> None:
    """The system changed its scheme while the app runs: follow it."""
    app.setProperty(_SYSTEM_DARK, _ask_system())
    apply(app)


def chosen() -> str:
    """The person's choice: ``"system"``, ``"light"`` or ``"dark"``."""
    app = QApplication.instance()
    value = app.property(_CHOSEN) if app is not None else None
    return value if value in CHOICES else SYSTEM


def current() -> Colors:
    choice = chosen()
    if choice == SYSTEM:
        return DARK if system_is_dark() else LIGHT
    return DARK if choice == DARK_CHOICE else LIGHT


def stored_choice(settings: QSettings) -> str:
    """The choice kept in the view-state settings (System when none, or an unknown one)."""
    value = settings.value(SETTING_KEY, SYSTEM)
    return value if value in CHOICES else SYSTEM


def store_choice(settings: QSettings, choice: str) -> None:
    settings.setValue(SETTING_KEY, choice)
    settings.sync()


def choose(app: QApplication, choice: str) -> Colors:
    """Apply ``choice`` now; an unknown value means System."""
    app.setProperty(_CHOSEN, choice if choice in CHOICES else SYSTEM)
    return apply(app)


def palette_for(colors: Colors) -> QPalette:
    pal = QPalette()
    role = QPalette.ColorRole
    pal.setColor(role.Window, QColor(colors.window))
    pal.setColor(role.WindowText, QColor(colors.text))
    pal.setColor(role.Base, QColor(colors.base))
    pal.setColor(role.AlternateBase, QColor(colors.alt_base))
    pal.setColor(role.Text, QColor(colors.text))
    pal.setColor(role.Button, QColor(colors.base))
    pal.setColor(role.ButtonText, QColor(colors.text))
    pal.setColor(role.Highlight, QColor(colors.accent))
    pal.setColor(role.HighlightedText, QColor(colors.accent_text))
    pal.setColor(role.ToolTipBase, QColor(colors.base))
    pal.setColor(role.ToolTipText, QColor(colors.text))
    pal.setColor(role.PlaceholderText, QColor(colors.muted))
    pal.setColor(role.Link, QColor(colors.accent))
    pal.setColor(QPalette.ColorGroup.Disabled, role.Text, QColor(colors.muted))
    pal.setColor(QPalette.ColorGroup.Disabled, role.ButtonText, QColor(colors.muted))
    pal.setColor(QPalette.ColorGroup.Disabled, role.WindowText, QColor(colors.muted))
    return pal


def _indicators(c: Colors) -> str:
    """Check boxes and radio buttons with a frame of their own: Fusion draws theirs darker than
    the window, which on the dark one can hardly be seen."""
    check = resource_path("icons/check.svg").as_posix()
    return f"""
    QCheckBox::indicator, QRadioButton::indicator {{ width: 14px; height: 14px;
        border: 1px solid {c.muted}; background: {c.base}; }}
    QCheckBox::indicator {{ border-radius: 4px; }}
    QRadioButton::indicator {{ border-radius: 8px; }}
    QCheckBox::indicator:hover, QRadioButton::indicator:hover {{ border-color: {c.accent}; }}
    QCheckBox::indicator:checked {{ background: {c.accent}; border-color: {c.accent};
        image: url({check}); }}
    QRadioButton::indicator:checked {{ border-color: {c.accent}; background: qradialgradient(
        cx: 0.5, cy: 0.5, radius: 0.5, fx: 0.5, fy: 0.5, stop: 0 {c.accent}, stop: 0.45 {c.accent},
        stop: 0.55 {c.base}, stop: 1 {c.base}); }}
    QCheckBox::indicator:disabled, QRadioButton::indicator:disabled {{ border-color: {c.border}; }}
    """


def stylesheet(c: Colors) -> str:
    # Style sheets take forward slashes on every platform.
    down = resource_path("icons/chevron-down.svg").as_posix()
    up = resource_path("icons/chevron-up.svg").as_posix()
    sheet = f"""
    QWidget#Sidebar {{ background: {c.sidebar}; border-right: 1px solid {c.border}; }}
    QLabel#AppTitle {{ color: {c.sidebar_text}; font-size: 15px; font-weight: 600;
        padding: 18px 16px 10px 16px; }}
    QListWidget#Navigation {{ background: transparent; border: none; outline: 0;
        color: {c.sidebar_text}; font-size: 13px; }}
    QListWidget#Navigation::item {{ padding: 9px 10px; margin: 2px 10px; border-radius: 8px; }}
    QListWidget#Navigation::item:hover {{ background: {c.border}; }}
    QListWidget#Navigation::item:selected {{ background: {c.accent}; color: {c.accent_text}; }}
    QLabel#PageTitle {{ font-size: 22px; font-weight: 600; color: {c.text}; }}
    QLabel#PageSubtitle {{ color: {c.muted}; font-size: 13px; }}
    QLabel#Muted {{ color: {c.muted}; }}
    QLabel#FieldError {{ color: {c.bad}; }}
    QLabel#EmptyTitle {{ font-size: 17px; font-weight: 600; color: {c.text}; }}
    QLabel#EmptyText {{ color: {c.muted}; font-size: 13px; }}
    QFrame#Card {{ background: {c.base}; border: 1px solid {c.border}; border-radius: 10px; }}
    QPushButton {{ padding: 6px 14px; border-radius: 6px; border: 1px solid {c.border};
        background: {c.base}; color: {c.text}; }}
    QPushButton:hover {{ border-color: {c.accent}; }}
    QPushButton:disabled {{ color: {c.muted}; }}
    QPushButton#Primary {{ background: {c.accent}; color: {c.accent_text};
        border-color: {c.accent}; }}
    QPushButton#Segment:checked {{ background: {c.accent}; color: {c.accent_text};
        border-color: {c.accent}; }}
    SettingsSection QPushButton#Primary:disabled, MessageComposer QPushButton#Primary:disabled {{
        background: {c.border}; border-color: {c.border}; color: {c.muted}; }}
    SettingsSection QLabel#SectionTitle {{ font-size: 15px; font-weight: 600; }}
    QLineEdit, QPlainTextEdit, QTextEdit, QSpinBox, QDateEdit, QComboBox {{
        border: 1px solid {c.border}; border-radius: 6px; padding: 5px 7px; background: {c.base};
        color: {c.text}; selection-background-color: {c.accent}; }}
    QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus {{ border-color: {c.accent}; }}
    QComboBox, QDateEdit {{ padding-right: 24px; }}
    QComboBox::drop-down, QDateEdit::drop-down {{ subcontrol-origin: padding;
        subcontrol-position: center right; width: 22px; border: none; }}
    QComboBox::down-arrow, QDateEdit::down-arrow {{ image: url({down}); width: 12px;
        height: 12px; }}
    QSpinBox {{ padding-right: 22px; }}
    QSpinBox::up-button, QSpinBox::down-button {{ subcontrol-origin: border; width: 20px;
        border: none; }}
    QSpinBox::up-button {{ subcontrol-position: top right; }}
    QSpinBox::down-button {{ subcontrol-position: bottom right; }}
    QSpinBox::up-arrow {{ image: url({up}); width: 10px; height: 10px; }}
    QSpinBox::down-arrow {{ image: url({down}); width: 10px; height: 10px; }}
    QTableView, QTreeView, QListView {{ background: {c.base}; border: 1px solid {c.border};
        border-radius: 8px; gridline-color: {c.border}; alternate-background-color: {c.alt_base}; }}
    QHeaderView::section {{ background: {c.alt_base}; color: {c.muted}; border: none;
        border-bottom: 1px solid {c.border}; padding: 6px 8px; font-weight: 600; }}
    QStatusBar {{ color: {c.muted}; }}
    QToolTip {{ color: {c.text}; background: {c.base}; border: 1px solid {c.border};
        padding: 4px; }}
    """
    return sheet + _indicators(c)


# Marks the top-level windows that carry the style sheet, so a change of scheme restyles them.
_STYLED = "profileHelperStyled"


STYLE = "Fusion"
# Set on an application made with ``-style Fusion`` (``gui.app.run.create_application``): its
# first apply() need not set the style again. setStyle() hands Python the new QStyle, and
# wrapping it builds all of QStyle's enums, a cost on the way to the first window.
STYLE_GIVEN = "profileHelperStyleGiven"


def apply(app: QApplication) -> Colors:
    """Give the app the look of the person's choice now (with System, the system's scheme)."""
    colors = current()
    if app.property(STYLE_GIVEN):
        app.setProperty(STYLE_GIVEN, None)  # given once: a later change of scheme sets it
    else:
        app.setStyle(STYLE)
    # Before the palette: widgets that re-tint their icons on the palette's change get new ones.
    icon.cache_clear()
    app.setPalette(palette_for(colors))
    sheet = stylesheet(colors)
    for window in app.topLevelWidgets():
        if window.property(_STYLED):
            window.setStyleSheet(sheet)
    return colors


def style_window(window: QWidget) -> None:
    """Give a top-level window (and so everything inside it) the app's style sheet.

    The sheet is set per window rather than app-wide for start-up speed: under an app-wide
    sheet every widget is polished again each time its subtree gains a parent, so a page of
    nested layouts was polished once per level of nesting. Under a window, a page built on its
    own is polished once, when it joins the window. Child dialogs and menus inherit the sheet;
    a window without a parent calls this itself.
    """
    if window.parentWidget() is not None:
        return
    window.setProperty(_STYLED, True)
    window.setStyleSheet(stylesheet(current()))


@cache
def icon(name: str, color: str | None = None, size: int = 40) -> QIcon:
    """An icon from ``resources/icons/NAME.svg``, its ``currentColor`` set to ``color``."""
    return QIcon(QPixmap.fromImage(icon_image(name, color or current().sidebar_text, size)))


def icon_image(name: str, color: str, size: int) -> QImage:
    """The icon ``name`` drawn at ``size`` by ``size`` pixels in ``color``.

    Where ``tools/render_icons.py`` left that drawing ready-made (``icons/png/``: the icons of
    the window's first frame, in each look's colours) it is read from there, and the first
    frame loads no SVG renderer; anything else is drawn from the SVG.
    """
    folder = resource_path("icons/png")
    for ready in (
        folder / ready_made_name(name, "", size),
        folder / ready_made_name(name, color, size),
    ):
        if ready.is_file():
            image = QImage(str(ready))
            if not image.isNull():
                return image
    return svg_image(name, color, size)


def ready_made_name(name: str, color: str, size: int) -> str:
    """The file name of a drawing ready-made by ``tools/render_icons.py``; ``color`` ``""`` for
    an icon in its own colours (the app's)."""
    return f"{name}-{size}{'-' + color.lstrip('#').lower() if color else ''}.png"


def svg_image(name: str, color: str, size: int) -> QImage:
    """The icon ``name`` drawn from its SVG at ``size`` by ``size`` pixels in ``color``."""
    svg = resource_path(f"icons/{name}.svg").read_text(encoding="utf-8")
    svg = svg.replace("currentColor", color)
    # Qt's SVG image plugin renders it; importing the QtSvg bindings, or a reader with a scaled
    # size, would cost start-up time (Python types for each class named). The binding takes
    # the format as str (its stub says bytes, which it refuses).
    image = QImage.fromData(_sized(svg, size).encode("utf-8"), "SVG")  # type: ignore[arg-type]
    if image.isNull():
        raise ValueError(f"Cannot render icon {name} (resources/icons/{name}.svg)")
    return image


_SIZE_ATTRIBUTE = re.compile(r'\s(?:width|height)="[^"]*"')


def _sized(svg: str, size: int) -> str:
    """``svg`` drawn at ``size`` by ``size``: its root element's width and height set to that
    (its viewBox scales the drawing to them)."""
    start = svg.index("<svg") + len("<svg")
    end = svg.index(">", start)
    root = _SIZE_ATTRIBUTE.sub("", svg[start:end])
    return f'{svg[:start]} width="{size}" height="{size}"{root}{svg[end:]}'


def app_icon() -> QIcon:
    # One large rendering; QIcon scales it down for the title bar and task bar.
    return icon("app", None, 256)
