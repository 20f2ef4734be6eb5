"""The user guide: one page per feature, read from ``resources/help/``, beside the main window.

F1 opens it on the page the person is looking at; the topics on the left lead to the others, and
links between pages (``contacts.md``) move within the guide.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from profile_helper import APP_NAME
from profile_helper.core.resources import read_text
from profile_helper.gui.common.page import PAGES

TOPICS: tuple[tuple[str, str], ...] = (
    *((info.key, info.title) for info in PAGES),
    ("privacy", "Privacy and backups"),
)
"""Every page of the guide, in the order of the sidebar: a page's key names its guide page."""


def topic_text(key: str) -> str:
    """The guide's page for ``key`` as Markdown (``resources/help/KEY.md``)."""
    return read_text(f"help/{key}.md")


class HelpWindow(QDialog):
    """The guide's topics on the left, the page on the right; it stays open beside the app."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"{APP_NAME} user guide")
        self.setModal(False)
        self.topics = QListWidget()
        self.topics.setAccessibleName("Guide topics")
        self.topics.setFixedWidth(190)
        self.topics.setStyleSheet("QListWidget::item { padding: 6px 8px; }")
        for key, title in TOPICS:
            item = QListWidgetItem(title)
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.topics.addItem(item)
        self.topics.currentRowChanged.connect(self._row_changed)
        self.browser = QTextBrowser()
        self.browser.setAccessibleName("Guide page")
        # Links are followed here: a guide page opens in place, a web address in the browser.
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self.follow)
        self.browser.document().setDocumentMargin(14)
        row = QHBoxLayout()
        row.addWidget(self.topics)
        row.addWidget(self.browser, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(row, 1)
        layout.addWidget(buttons)
        self.resize(820, 600)
        self.key = ""

    def show_topic(self, key: str) -> None:
        """Show the guide's page for ``key`` (a page's key, or ``privacy``)."""
        keys = [k for k, _title in TOPICS]
        self.topics.setCurrentRow(keys.index(key))
        self.show()
        self.raise_()
        self.activateWindow()

    def _row_changed(self, row: int) -> None:
        if row < 0:
            return
        self.key = TOPICS[row][0]
        self.browser.setMarkdown(topic_text(self.key))

    def follow(self, url: QUrl) -> None:
        """Open a link: another page of the guide in place, anything else outside the app."""
        name = url.path()
        if not url.scheme() and name.endswith(".md"):
            key = name.removesuffix(".md")
            if key in dict(TOPICS):
                self.show_topic(key)
                return
        QDesktopServices.openUrl(url)
