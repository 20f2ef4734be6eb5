"""Start the GUI: the application object, the look, the crash handler and the main window.

The order is the one a person waits through: the application, the window built and shown, the
database unlocked and the first page's data read, then that page painted with it. Logging comes
after; every other page is built on its first visit.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from profile_helper import APP_ID, APP_NAME, __version__
from profile_helper.core.errors import ProfileHelperError
from profile_helper.core.security.keys import read_secret_file
from profile_helper.core.storage.folder_lock import hold_window_lock
from profile_helper.gui.app.crash_handler import CrashHandler
from profile_helper.gui.app.main_window import MainWindow
from profile_helper.gui.app.milestones import (
    Milestone,
    Milestones,
    after_next_paint,
    process_origin,
)
from profile_helper.gui.common import msgbox, theme, wheel
from profile_helper.gui.common.context import AppContext
from profile_helper.gui.security import startup as privacy_startup


def create_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    # Fractional scale factors pass through unrounded: Qt 6's default, so nothing is set here
    # (naming the policy would build Python types for all of Qt's namespace before the first frame).
    args = argv if argv is not None else sys.argv[:1]
    app = QApplication([*args, "-style", theme.STYLE])
    app.setProperty(theme.STYLE_GIVEN, True)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("ProfileHelper")
    app.setDesktopFileName(APP_ID)
    return app


def prepare(app: QApplication, theme_choice: str = theme.SYSTEM) -> None:
    """Everything the app sets on ``app``: its look and the wheel guard."""
    prepare_look(app, theme_choice)
    wheel.install(app)


def prepare_look(
    app: QApplication, theme_choice: str = theme.SYSTEM, settings: QSettings | None = None
) -> None:
    """The look is the person's choice of theme; System follows the system's light or dark
    scheme, now and when it changes. With the view ``settings``, the first frame takes the
    system's scheme as last seen, and ``finish_start`` checks it."""
    if settings is not None:
        theme.assume_system_scheme(app, settings)
    theme.choose(app, theme_choice)
    if settings is not None:
        theme.remember_system_scheme(app, settings)  # the first start asked: kept for the next
    app.setWindowIcon(theme.app_icon())
    app.styleHints().colorSchemeChanged.connect(lambda _scheme: theme.system_scheme_changed(app))


def finish_start(app: QApplication, window: MainWindow, data_dir: Path) -> None:
    """What the first frame does not need, once it is painted.

    The wheel guard keeps scrolling from changing the fields it passes over (it sees every
    event, and before the first frame it made Python wrappers for every type Qt met); the
    window lock and the single-instance server let a later start bring this window forward;
    the system's scheme, taken as last seen for the first frame, is asked for real.
    """
    from profile_helper.gui.app.single_instance import (  # noqa: PLC0415 - start-up: QtNetwork
        SingleInstance,  # after the first frame
    )

    theme.check_system_scheme(app, window.ctx.view_settings())
    wheel.install(app)
    # Taken now if it could not be before (the first start makes the folder meanwhile).
    hold_window_lock(data_dir)
    SingleInstance(data_dir, window)


def collect_garbage_again() -> None:
    """Turn garbage collection back on if start-up turned it off (the CLI does, for speed).

    What start-up made lives as long as the app, so it is frozen out of later collections.
    """
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def _start_privacy(
    window: MainWindow, ctx: AppContext, app: QApplication, primed: Callable[[], None]
) -> None:
    """Unlock the database as soon as the event loop runs; if it cannot be opened, the app closes.

    Queued before the window's first paint (Qt paints at low priority): the first frame then
    shows the first page with its data, rather than empty and again a moment later. ``primed``
    is called once the pages have their data.
    """
    status = privacy_startup.install(window, ctx)

    def unlock() -> None:
        try:
            if not privacy_startup.unlock_at_start(window, ctx, status):
                app.exit(1)
                return
            window.prime()
            primed()
        finally:
            collect_garbage_again()

    QTimer.singleShot(0, unlock)


def _ask_running_instance(data_dir: Path) -> bool:
    """Ask a window open on ``data_dir`` to come forward; True when one answered.

    Only when another process holds the folder's window lock (or it cannot be taken): a first
    start does not load QtNetwork before its first frame.
    """
    from profile_helper.gui.app.single_instance import (  # noqa: PLC0415 - start-up: QtNetwork
        ask_running_instance,  # when another window may be open
    )

    return ask_running_instance(data_dir)


def _read_passphrase_file(ctx: AppContext, path: Path) -> bool:
    try:
        ctx.passphrase = read_secret_file(path)
    except ProfileHelperError as exc:
        print(f"profile-helper: error: {exc.message}", file=sys.stderr)
        return False
    return True


def _when_first_page_painted(
    window: MainWindow, milestones: Milestones, then: Callable[[], None]
) -> Callable[[], None]:
    """What to do once the pages have their data: note when the page shown paints with it."""

    def painted() -> None:
        milestones.mark(Milestone.FIRST_PAGE_DATA)
        then()

    def primed() -> None:
        page = window.current_page()
        after_next_paint(page, painted)
        page.update()  # painted again even if its data changed nothing it shows

    return primed


def _after_first_page(
    args: argparse.Namespace, window: MainWindow, app: QApplication, data_dir: Path
) -> Callable[[], None]:
    """Take the day's first backup (the first page need not wait for it), then quit there
    (``--quit-after-first-page``), or finish the start and start logging, which nothing before
    needed."""

    def then() -> None:
        privacy_startup.backup_daily(window, window.ctx)
        if args.quit_after_first_page and not args.smoke_test:
            window.close()
            app.exit(0)
            return
        finish_start(app, window, data_dir)
        from profile_helper.core.logs import setup_logging  # noqa: PLC0415 - after the first page

        setup_logging(data_dir)

    return then


def run_gui(args: argparse.Namespace, data_dir: Path, started: float | None = None) -> int:
    """Run the app until it quits; ``started`` is the earliest ``perf_counter()`` the CLI took."""
    milestones = Milestones(process_origin(time.perf_counter() if started is None else started))
    msgbox.set_no_err_windows(bool(args.no_err_windows or args.smoke_test))
    app = create_application()
    milestones.mark(Milestone.QAPPLICATION)
    if not hold_window_lock(data_dir) and _ask_running_instance(data_dir):
        print(f"{APP_NAME} is already open with this data; brought it to the front.")
        return 0
    ctx = AppContext(data_dir)
    # The theme is view state, read before the database is unlocked so the first frame has it.
    view = ctx.view_settings()
    prepare_look(app, theme.stored_choice(view), view)
    handler = CrashHandler(data_dir)
    handler.install()
    if args.passphrase_file is not None and not _read_passphrase_file(ctx, args.passphrase_file):
        return 1
    # The database (and the keychain) is opened once the event loop runs, by the unlock step.
    window = MainWindow(ctx, defer_data=True)
    after_next_paint(window, lambda: milestones.mark(Milestone.FIRST_PAINT))
    then = _after_first_page(args, window, app, data_dir)
    _start_privacy(window, ctx, app, _when_first_page_painted(window, milestones, then))
    window.show()
    if args.smoke_test:
        from profile_helper.gui.app.smoke import SmokeTest  # noqa: PLC0415 - only with the flag

        # Held in a local until exec() returns, so that it lives as long as the run.
        smoke = SmokeTest(window, handler, lambda: milestones.mark(Milestone.ALL_PAGES))
        QTimer.singleShot(0, smoke.run)
    code = app.exec()
    ctx.close()
    if args.startup_report is not None:
        try:
            milestones.write(args.startup_report)
        except OSError as exc:
            print(
                f"profile-helper: error: cannot write the start-up report: {exc}", file=sys.stderr
            )
            return code or 1
    return code
