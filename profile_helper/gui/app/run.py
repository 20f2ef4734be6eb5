"""Start the GUI: the application object, the look, the crash handler and the main window."""

from __future__ import annotations

import argparse
import gc
import sys
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from profile_helper import APP_ID, APP_NAME, __version__
from profile_helper.gui.app.crash_handler import CrashHandler
from profile_helper.gui.app.main_window import MainWindow
from profile_helper.gui.common import msgbox, theme
from profile_helper.gui.common.context import AppContext


def create_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("ProfileHelper")
    app.setDesktopFileName(APP_ID)
    return app


def prepare(app: QApplication) -> None:
    """The look follows the system's light or dark scheme, now and when it changes."""
    theme.apply(app)
    app.setWindowIcon(theme.app_icon())
    app.styleHints().colorSchemeChanged.connect(lambda _scheme: theme.apply(app))


def _after_first_paint(data_dir: Path) -> None:
    from profile_helper.core.logs import setup_logging  # noqa: PLC0415 - after the first paint

    setup_logging(data_dir)


def collect_garbage_again() -> None:
    """Turn garbage collection back on if start-up turned it off (the CLI does, for speed).

    What start-up made lives as long as the app, so it is frozen out of later collections.
    """
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def _start_privacy(window: MainWindow, ctx: AppContext, app: QApplication) -> None:
    """Unlock the database after the first paint; if it cannot be opened, the app closes."""
    from profile_helper.gui.security import startup as privacy_startup  # noqa: PLC0415 - start-up: after the window

    status = privacy_startup.install(window, ctx)

    def unlock() -> None:
        try:
            if not privacy_startup.unlock_at_start(window, ctx, status):
                app.exit(1)
                return
            window.prime()
        finally:
            collect_garbage_again()

    QTimer.singleShot(0, unlock)


def run_gui(args: argparse.Namespace, data_dir: Path) -> int:
    msgbox.set_no_err_windows(bool(args.no_err_windows or args.smoke_test))
    app = create_application()
    from profile_helper.gui.app.single_instance import SingleInstance, ask_running_instance  # noqa: PLC0415 - start-up: after the QApplication

    if ask_running_instance(data_dir):
        print(f"{APP_NAME} is already open with this data; brought it to the front.")
        return 0
    prepare(app)
    handler = CrashHandler(data_dir)
    handler.install()
    ctx = AppContext(data_dir)
    if args.passphrase_file is not None:
        from profile_helper.core.errors import ProfileHelperError  # noqa: PLC0415 - only with --passphrase-file
        from profile_helper.core.security.keys import read_secret_file  # noqa: PLC0415 - only with --passphrase-file

        try:
            ctx.passphrase = read_secret_file(args.passphrase_file)
        except ProfileHelperError as exc:
            print(f"profile-helper: error: {exc.message}", file=sys.stderr)
            return 1
    # The database (and the keychain) is opened after the first paint, by the unlock step.
    window = MainWindow(ctx, defer_data=True)
    SingleInstance(data_dir, window)
    _start_privacy(window, ctx, app)
    window.show()
    QTimer.singleShot(0, lambda: _after_first_paint(data_dir))
    if args.smoke_test:
        from profile_helper.gui.app.smoke import SmokeTest  # noqa: PLC0415 - only with --smoke-test

        # Held in a local until exec() returns, so that it lives as long as the run.
        smoke = SmokeTest(window, handler)
        QTimer.singleShot(0, smoke.run)
    code = app.exec()
    ctx.close()
    return code
