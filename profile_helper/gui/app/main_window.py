"""The main window: it only assembles the sidebar, the pages, the menus and the status bar."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QPointF, QRectF, QSize
from PySide6.QtGui import (
    QAction,
    QBrush,
    QCloseEvent,
    QColor,
    QKeySequence,
    QPainter,
    QPainterPath,
    QPalette,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from profile_helper import APP_NAME
from profile_helper.core.errors import ProfileHelperError
from profile_helper.gui.app.page_links import link
from profile_helper.gui.app.pages import PAGE_CLASSES
from profile_helper.gui.common import msgbox, theme
from profile_helper.gui.common.context import AppContext
from profile_helper.gui.common.page import PAGES, Page

if TYPE_CHECKING:
    from profile_helper.core.today.summary import TodayData
    from profile_helper.gui.app.help_window import HelpWindow
    from profile_helper.gui.today.page import TodayPage

# Item data roles by number, not by name: the window is built before its first frame, and the
# first use of Qt's namespace from Python builds types for all of it (about 30 ms).
BADGE_ROLE = 256 + 1  # Qt.ItemDataRole.UserRole + 1
ACCESSIBLE_TEXT_ROLE = 11  # Qt.ItemDataRole.AccessibleTextRole


class _BadgeDelegate(QStyledItemDelegate):
    """Draws the sidebar item, then its count as a small pill on the right."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        super().paint(painter, option, index)
        count = index.data(BADGE_ROLE)
        if not count:
            return
        text = str(count) if count < 100 else "99+"
        rect = option.rect
        width = max(22, 10 + 7 * len(text))
        pill = QRectF(rect.right() - width - 18, rect.center().y() - 10, width, 20)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        # Pill and count are paths filled with palette brushes, the count centred by its
        # metrics: pens, brushes made from colours and alignment flags all resolve overloads
        # that build Python types for Qt's whole namespace (see BADGE_ROLE), and the window
        # paints this before its first frame whenever something is due.
        outline = QPainterPath()
        outline.addRoundedRect(pill, 10, 10)
        painter.fillPath(outline, _solid(theme.current().bad))
        metrics = painter.fontMetrics()
        baseline = pill.center().y() + (metrics.ascent() - metrics.descent()) / 2
        left = pill.center().x() - metrics.horizontalAdvance(text) / 2
        label = QPainterPath()
        label.addText(QPointF(left, baseline), painter.font(), text)
        painter.fillPath(label, _solid("#ffffff"))
        painter.restore()


def _solid(color: str) -> QBrush:
    """A solid brush of ``color``, from a palette (``QBrush(QColor)`` names Qt's namespace)."""
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, QColor(color))
    return palette.window()


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext, *, defer_data: bool = False) -> None:
        """With ``defer_data``, no page reads the database until :meth:`prime` (after unlock)."""
        super().__init__()
        theme.style_window(self)
        self.ctx = ctx
        self._defer_data = defer_data
        self.setWindowTitle(APP_NAME)
        self.setWindowIcon(theme.app_icon())
        self.setMinimumSize(QSize(900, 600))
        self._pages: dict[str, Page] = {}
        self._help: HelpWindow | None = None
        self._shown: set[str] = set()  # the pages that have read their data
        self._build_sidebar()
        self._build_menus()
        self.status_label = QLabel()
        self.statusBar().addPermanentWidget(self.status_label)
        ctx.status_message.connect(self.show_status)
        self._restore_view_state()

    # -- assembly -------------------------------------------------------------------------
    def _build_sidebar(self) -> None:
        self.nav = QListWidget()
        self.nav.setObjectName("Navigation")
        self.nav.setAccessibleName("Pages")
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setItemDelegate(_BadgeDelegate(self.nav))
        self.stack = QStackedWidget()
        for number, info in enumerate(PAGES, start=1):
            item = QListWidgetItem(theme.icon(info.key), info.title)
            item.setToolTip(f"{info.subtitle} (Ctrl+{number})")
            item.setSizeHint(QSize(180, 40))
            self.nav.addItem(item)
            # Pages are built on first visit so that the first window appears fast.
            self.stack.addWidget(QWidget())
        self.nav.currentRowChanged.connect(self._on_row_changed)

        title = QLabel(APP_NAME)
        title.setObjectName("AppTitle")
        # A frame paints its style-sheet background itself (a plain widget needs an attribute).
        sidebar = QFrame()
        sidebar.setObjectName("Sidebar")
        sidebar.setFixedWidth(210)
        side = QVBoxLayout(sidebar)
        side.setContentsMargins(0, 0, 0, 12)
        side.addWidget(title)
        side.addWidget(self.nav, 1)

        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(sidebar)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)

    def _build_menus(self) -> None:
        # Keys are given as lists (setShortcuts): resolving setShortcut's overloads builds Python
        # types for all of Qt's namespace, before the first frame (see BADGE_ROLE).
        file_menu = self.menuBar().addMenu("&File")
        quit_action = QAction("&Quit", self)
        # Ctrl+Q everywhere: the platform's Quit key is none at all on some (Windows).
        quit_action.setShortcuts([QKeySequence("Ctrl+Q")])
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        go_menu = self.menuBar().addMenu("&Go")
        for number, info in enumerate(PAGES, start=1):
            action = QAction(info.title, self)
            action.setShortcuts([QKeySequence(f"Ctrl+{number}")])
            action.triggered.connect(lambda _=False, key=info.key: self.show_page(key))
            go_menu.addAction(action)

        help_menu = self.menuBar().addMenu("&Help")
        guide = QAction("&User guide", self)
        guide.setShortcuts([QKeySequence(QKeySequence.StandardKey.HelpContents)])
        guide.setToolTip("The guide's page about the page shown (F1)")
        guide.triggered.connect(lambda: self.show_help(self.current_page().key))
        help_menu.addAction(guide)
        keys = QAction("&Keyboard shortcuts", self)
        keys.setShortcuts([QKeySequence("Ctrl+/")])
        keys.triggered.connect(self.show_shortcuts)
        help_menu.addAction(keys)
        help_menu.addSeparator()
        about = QAction(f"&About {APP_NAME}", self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    # -- pages ----------------------------------------------------------------------------
    def page_keys(self) -> list[str]:
        return [info.key for info in PAGES]

    def page(self, key: str) -> Page:
        """The page with this key, built now if it has not been shown yet."""
        if key in self._pages:
            return self._pages[key]
        row = self.page_keys().index(key)
        page = PAGE_CLASSES[key]()(self.ctx)
        page.badge_changed.connect(lambda count, r=row: self._set_badge(r, count))
        page.status_message.connect(self.show_status)

        link(page, self)
        placeholder = self.stack.widget(row)
        self.stack.insertWidget(row, page)
        if placeholder is not None:
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
        self._pages[key] = page
        return page

    def prime(self) -> None:
        """Once the data is open: what is due shows on the sidebar and in a tray notice.

        Today is built now even when another page is shown, so that its badge counts from the
        start.
        """
        self._defer_data = False
        current = self.current_page()
        for page in (current, self.page("today")) if current.key != "today" else (current,):
            self._show_data(page)

    def prime_read_ahead(self, data: TodayData) -> bool:
        """Before the database is open: the Today page, when it is the page shown, with its data
        read ahead (``core.read_ahead``); False when it is another page or another day's data.

        :meth:`prime` still follows once the database is open, and reads every page as usual.
        """
        page = self.current_page()
        if page.key != "today" or not cast("TodayPage", page).show_read_ahead(data):
            return False
        self._shown.add(page.key)
        return True

    def _show_data(self, page: Page) -> None:
        """Let a page read its data; a known problem goes to the status bar."""
        self._shown.add(page.key)
        try:
            page.page_shown()
        except ProfileHelperError as exc:
            self.show_status(exc.message)

    def show_page(self, key: str) -> Page:
        page = self.page(key)
        self.nav.setCurrentRow(self.page_keys().index(key))
        return page

    def current_page(self) -> Page:
        return self.page(self.page_keys()[self.nav.currentRow()])

    def _on_row_changed(self, row: int) -> None:
        if row < 0:
            return
        shown = self.stack.currentIndex()
        if row != shown and not self._can_leave(shown):
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(shown)
            self.nav.blockSignals(False)
            return
        page = self.page(self.page_keys()[row])
        self.stack.setCurrentIndex(row)
        if self._defer_data:
            return
        self._shown.add(page.key)
        try:
            page.page_shown()
        except ProfileHelperError as exc:
            # A known problem (the database is locked, damaged or too new): say so plainly.
            msgbox.show_error(self, page.title, exc.message)

    def _can_leave(self, row: int) -> bool:
        """Whether the page at ``row`` (if it was built) lets the person go, unsaved edits asked."""
        page = self._pages.get(self.page_keys()[row]) if 0 <= row < len(PAGES) else None
        return page is None or page.can_leave()

    def _set_badge(self, row: int, count: int) -> None:
        item = self.nav.item(row)
        item.setData(BADGE_ROLE, count)
        title = PAGES[row].title
        item.setData(ACCESSIBLE_TEXT_ROLE, f"{title}, {count}" if count else title)

    def badge(self, key: str) -> int:
        return int(self.nav.item(self.page_keys().index(key)).data(BADGE_ROLE) or 0)

    def show_status(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def show_about(self) -> None:
        from profile_helper.gui.app.about_dialog import (  # noqa: PLC0415 - start-up: when asked
            AboutDialog,
        )

        AboutDialog(self.ctx.data_dir, self).exec()

    def show_help(self, key: str) -> HelpWindow:
        """Open the user guide on the page about ``key`` (one window, reused)."""
        from profile_helper.gui.app.help_window import (  # noqa: PLC0415 - start-up: when asked
            HelpWindow,
        )

        if self._help is None:
            self._help = HelpWindow(self)
        self._help.show_topic(key)
        return self._help

    def show_shortcuts(self) -> None:
        from profile_helper.gui.app.shortcuts_dialog import (  # noqa: PLC0415 - when asked
            ShortcutsDialog,
            collect,
        )

        # Every page is built first, and shown its data once (some build their parts then),
        # so that the list holds their shortcuts too.
        for key in self.page_keys():
            page = self.page(key)
            if key not in self._shown:
                self._show_data(page)
        ShortcutsDialog(collect(self, [info.title for info in PAGES]), self).exec()

    # -- view state -----------------------------------------------------------------------
    def _restore_view_state(self) -> None:
        settings = self.ctx.view_settings()
        geometry = settings.value("main/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(self._first_size())
        last = str(settings.value("main/page", "today"))
        self.show_page(last if last in self.page_keys() else "today")

    def _first_size(self) -> QSize:
        """1180 by 760 pixels, or less on a smaller screen: a window never starts larger than the
        room its screen has (less a margin for the title bar)."""
        room = self.screen().availableGeometry()
        return QSize(min(1180, room.width() - 40), min(760, room.height() - 40))

    def save_view_state(self) -> None:
        settings = self.ctx.view_settings()
        state = {"main/geometry": self.saveGeometry(), "main/page": self.current_page().key}
        # Written only when it changed: saving the file is a flush to disk, at every quit.
        changed = {key: value for key, value in state.items() if settings.value(key) != value}
        for key, value in changed.items():
            settings.setValue(key, value)
        if changed:
            settings.sync()

    def changeEvent(self, event: QEvent) -> None:
        # A new theme (chosen in Settings, or the system's) re-tints the sidebar's icons.
        if event.type() == QEvent.Type.PaletteChange:
            for row, info in enumerate(PAGES):
                self.nav.item(row).setIcon(theme.icon(info.key))
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        # The page shown first, then the others: each may ask about its unsaved edits.
        rows = [self.stack.currentIndex(), *range(len(PAGES))]
        if not all(self._can_leave(row) for row in dict.fromkeys(rows)):
            event.ignore()
            return
        self.save_view_state()
        super().closeEvent(event)
