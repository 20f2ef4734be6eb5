"""PyInstaller's hook for PySide6.QtGui, less the plugins and translations the app does not use.

Filtering here, before PyInstaller looks for their dependencies, keeps those out too (the GTK
theme plugin would bring GTK, cairo and pango). What is kept: installer/slim.py.
"""

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

from installer.slim import slim_hook

hiddenimports, _binaries, _datas = add_qt6_dependencies(__file__)
binaries = slim_hook(_binaries)
datas = slim_hook(_datas)
