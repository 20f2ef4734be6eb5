"""PySide6.QtWidgets as PyInstaller's own hook collects it, less the plugins and translations the app
does not use (see installer/slim.py), so that their dependencies are never looked for."""

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

from installer.slim import slim_hook

hiddenimports, _binaries, _datas = add_qt6_dependencies(__file__)
binaries = slim_hook(_binaries)
datas = slim_hook(_datas)
