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
from profile_helper.core.read_ahead import today_read_ahead
from profile_helper.core.security.modes import MODE_KEYCHAIN
from profile_helper.core.storage.folder_lock import hold_window_lock
from profile_helper.gui.app.crash_handler import CrashHandler
from profile_helper.gui.app.main_window import MainWindow
from profile_helper.gui.app.milestones import (
    Milestone,
    Milestones,
    after_next_paint,
    process_origin,
)
from profile_helper.gui.common import msgbox, theme
from profile_helper.gui.common.context import AppContext
from profile_helper.gui.security import startup as privacy_startup

StillToOpen = Callable[[], bool] | None
"""The database's real open when the first page was read ahead (False if it would not open)."""
AfterFirstPage = Callable[[StillToOpen], None]
"""What to do once the first page has its data, given the open still to do, if any."""


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
    _install_wheel_guard(app)


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


def _install_wheel_guard(app: QApplication) -> None:
    # Start-up: the guard's module names the field classes it guards (building their Python
    # types and enums), which the first frame does not show; it loads after that frame.
    from profile_helper.gui.common import wheel  # noqa: PLC0415

    wheel.install(app)


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
    _install_wheel_guard(app)
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
    window: MainWindow,
    ctx: AppContext,
    app: QApplication,
    primed: AfterFirstPage,
) -> None:
    """Show the first page with its data as soon as the event loop runs; a database that cannot
    be opened closes the app.

    Queued before the window's first paint (Qt paints at low priority): the first frame then
    shows the first page with its data, rather than empty and again a moment later. Data the
    start-up's second process read (``core.read_ahead``) fills the Today page, and the database
    is opened once that frame is painted; without it (another first page, a passphrase, the
    first start) the database is opened now. ``primed`` is called once the page shown has its
    data, with the opening still to do, if any.
    """
    status = privacy_startup.install(window, ctx)

    def open_data() -> bool:
        """Open (unlock) the database and give every page its data; False if it would not."""
        try:
            if not privacy_startup.unlock_at_start(window, ctx, status):
                app.exit(1)
                return False
            window.prime()
            return True
        finally:
            collect_garbage_again()

    def first_page() -> None:
        ahead = today_read_ahead()
        if ahead is not None and window.prime_read_ahead(ahead):
            # Read ahead only with the keychain's key, which opened the encrypted file.
            status.show_opened(MODE_KEYCHAIN, encrypted=True)
            primed(open_data)
        elif open_data():
            primed(None)

    QTimer.singleShot(0, first_page)


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
    # Start-up: the key modules load with the database, after the first frame, unless asked here.
    from profile_helper.core.security.keys import read_secret_file  # noqa: PLC0415

    try:
        ctx.passphrase = read_secret_file(path)
    except ProfileHelperError as exc:
        print(f"profile-helper: error: {exc.message}", file=sys.stderr)
        return False
    return True


def _when_first_page_painted(
    window: MainWindow, milestones: Milestones, then: AfterFirstPage
) -> AfterFirstPage:
    """What to do once the page shown has its data: note when it paints with it, then go on."""

    def primed(still_to_open: StillToOpen) -> None:
        def painted() -> None:
            milestones.mark(Milestone.FIRST_PAGE_DATA)
            then(still_to_open)

        page = window.current_page()
        after_next_paint(page, painted)
        page.update()  # painted again even if its data changed nothing it shows

    return primed


def _after_first_page(
    args: argparse.Namespace,
    window: MainWindow,
    app: QApplication,
    data_dir: Path,
    started: Callable[[], None],
) -> AfterFirstPage:
    """Quit there (``--quit-after-first-page``); or open the database if the first page was
    read ahead, take the day's first backup (the first page need not wait for it), finish the
    start and start logging, which nothing before needed; then call ``started``."""
    quit_there = args.quit_after_first_page and not args.smoke_test

    def then(still_to_open: StillToOpen) -> None:
        if quit_there:
            # Backs up only a database this start opened: after a frame read ahead, none is.
            privacy_startup.backup_daily(window, window.ctx)
            window.close()
            app.exit(0)
            return
        if still_to_open is not None and not still_to_open():
            return
        privacy_startup.backup_daily(window, window.ctx)
        finish_start(app, window, data_dir)
        from profile_helper.core.logs import setup_logging  # noqa: PLC0415 - after the first page

        setup_logging(data_dir)
        started()

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
    # The first page's data comes once the event loop runs: read ahead, or from the database.
    window = MainWindow(ctx, defer_data=True)
    after_next_paint(window, lambda: milestones.mark(Milestone.FIRST_PAINT))
    smoke = None
    if args.smoke_test:
        from profile_helper.gui.app.smoke import SmokeTest  # noqa: PLC0415 - only with the flag

        # Every page is visited once the start is over (the database open, as a person finds it).
        smoke = SmokeTest(window, handler, lambda: milestones.mark(Milestone.ALL_PAGES))
    then = _after_first_page(args, window, app, data_dir, smoke.run if smoke else lambda: None)
    primed = _when_first_page_painted(window, milestones, then)
    _start_privacy(window, ctx, app, primed)
    window.show()
    code = app.exec()
    if smoke is not None and not smoke.visited:
        smoke.report()  # the start ended early (the data would not open): say what was shown
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
