"""The board: a column per status with a card per application; drag a card to move it.

Each column is a list that accepts drops of cards from the others. A drop does not move the
card itself: it asks for the change of status (``status_change_requested``), and the page
reloads the board from the store, so that a refused move leaves the card where it was.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QDrag,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QMouseEvent,
    QPainter,
    QPen,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from profile_helper.core.applications.models import Application
from profile_helper.core.applications.statuses import LABELS, STATUSES
from profile_helper.gui.applications.model import ID_ROLE, status_color
from profile_helper.gui.common import theme

MIME_TYPE = "application/x-profile-helper-application"
CARD_ROLE = Qt.ItemDataRole.UserRole + 3


def card_mime(application_id: int) -> QMimeData:
    mime = QMimeData()
    mime.setData(MIME_TYPE, QByteArray(str(application_id).encode("ascii")))
    return mime


def card_id(mime: QMimeData) -> int | None:
    if not mime.hasFormat(MIME_TYPE):
        return None
    try:
        return int(bytes(mime.data(MIME_TYPE).data()).decode("ascii"))
    except ValueError:
        return None


class _CardDelegate(QStyledItemDelegate):
    """Draws a card: the role in bold, the company, and the day of the last change."""

    HEIGHT = 70

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return QSize(max(option.rect.width(), 160), self.HEIGHT)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        app: Application | None = index.data(CARD_ROLE)
        if app is None:
            return
        c = theme.current()
        rect = option.rect.adjusted(4, 3, -4, -3)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(c.accent if selected else c.border), 1.5 if selected else 1))
        painter.setBrush(QColor(c.base))
        painter.drawRoundedRect(rect, 8, 8)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(status_color(app.status))
        painter.drawRoundedRect(QRect(rect.left(), rect.top() + 8, 4, rect.height() - 16), 2, 2)
        inner = rect.adjusted(14, 8, -10, -8)
        bold = painter.font()
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(QColor(c.text))
        metrics = painter.fontMetrics()
        line = metrics.height()
        painter.drawText(
            QRect(inner.left(), inner.top(), inner.width(), line),
            Qt.AlignmentFlag.AlignLeft,
            metrics.elidedText(app.role, Qt.TextElideMode.ElideRight, inner.width()),
        )
        plain = painter.font()
        plain.setBold(False)
        painter.setFont(plain)
        metrics = painter.fontMetrics()
        painter.drawText(
            QRect(inner.left(), inner.top() + line + 2, inner.width(), line),
            Qt.AlignmentFlag.AlignLeft,
            metrics.elidedText(app.company, Qt.TextElideMode.ElideRight, inner.width()),
        )
        painter.setPen(QColor(c.muted))
        when = f"applied {app.applied_on}" if app.applied_on else f"saved {app.updated_on}"
        if app.status == "rejected" and app.rejected_stage:
            when = f"at {app.rejected_stage}, {app.updated_on}"
        elif app.status not in ("saved", "applied"):
            when = f"since {app.updated_on}"
        painter.drawText(
            QRect(inner.left(), inner.top() + 2 * line + 4, inner.width(), line),
            Qt.AlignmentFlag.AlignLeft,
            when,
        )
        painter.restore()


class BoardColumn(QListWidget):
    """The cards of one status; cards dropped here ask to move to this status."""

    card_dropped = Signal(int, str)

    def __init__(self, status: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status = status
        self.setObjectName("BoardColumn")
        self.setAccessibleName(f"{LABELS[status]} applications")
        self.setItemDelegate(_CardDelegate(self))
        self.setSpacing(2)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setDropIndicatorShown(False)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumWidth(172)
        self._press: tuple[QPoint, QListWidgetItem] | None = None
        # The drag in progress (or the last one): its data is what a drop elsewhere reads.
        self.last_drag: QDrag | None = None

    def set_cards(self, apps: Sequence[Application]) -> None:
        self.clear()
        for app in apps:
            item = QListWidgetItem(f"{app.role} at {app.company}")
            item.setData(ID_ROLE, app.id)
            item.setData(CARD_ROLE, app)
            item.setToolTip(f"{app.role} at {app.company}\nDrag to another column to move it.")
            self.addItem(item)

    def card_ids(self) -> list[int]:
        return [int(self.item(i).data(ID_ROLE)) for i in range(self.count())]

    def item_of(self, application_id: int) -> QListWidgetItem | None:
        for i in range(self.count()):
            if self.item(i).data(ID_ROLE) == application_id:
                return self.item(i)
        return None

    # -- drag and drop --------------------------------------------------------------------
    # The drag starts here rather than in QAbstractItemView's own press and move handling,
    # whose selection state machine sometimes turns a drag into a rubber-band selection.
    def mousePressEvent(self, event: QMouseEvent) -> None:
        super().mousePressEvent(event)
        item = self.itemAt(event.position().toPoint())
        left = event.button() == Qt.MouseButton.LeftButton
        self._press = (event.position().toPoint(), item) if left and item is not None else None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        press = self._press
        if press is None or not event.buttons() & Qt.MouseButton.LeftButton:
            super().mouseMoveEvent(event)
            return
        if (event.position().toPoint() - press[0]).manhattanLength() >= (
            QApplication.startDragDistance()
        ):
            self._press = None
            self.setCurrentItem(press[1])
            self.startDrag(Qt.DropAction.MoveAction)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._press = None
        super().mouseReleaseEvent(event)

    def startDrag(self, supportedActions: Qt.DropAction) -> None:  # noqa: N803 - Qt's name
        item = self.currentItem()
        if item is None:
            return
        drag = QDrag(self)
        drag.setMimeData(self.mimeData([item]))
        rect = self.visualItemRect(item)
        drag.setPixmap(self.viewport().grab(rect))
        drag.setHotSpot(QPoint(rect.width() // 2, rect.height() // 2))
        self.last_drag = drag
        drag.exec(Qt.DropAction.MoveAction | Qt.DropAction.CopyAction, Qt.DropAction.MoveAction)

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, items: Sequence[QListWidgetItem]) -> QMimeData:
        return card_mime(int(items[0].data(ID_ROLE))) if items else QMimeData()

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def _accepts(self, event: QDragEnterEvent | QDragMoveEvent | QDropEvent) -> bool:
        # A card already in this column (its own drag, dropped back) is no move at all.
        app_id = card_id(event.mimeData())
        return app_id is not None and app_id not in self.card_ids()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._accepts(event):
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._accepts(event):
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        app_id = card_id(event.mimeData())
        if app_id is None or not self._accepts(event):
            event.ignore()
            return
        # Copy, not move: the source must not delete its card; the reload places it.
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self.card_dropped.emit(app_id, self.status)


class ApplicationsBoard(QScrollArea):
    """Columns by status, side by side, scrolling sideways when the window is narrow."""

    status_change_requested = Signal(int, str)
    application_selected = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAccessibleName("Applications board")
        inner = QWidget()
        row = QHBoxLayout(inner)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(10)
        self.columns: dict[str, BoardColumn] = {}
        self._titles: dict[str, QLabel] = {}
        for status in STATUSES:
            box = QVBoxLayout()
            box.setSpacing(6)
            title = QLabel(LABELS[status])
            title.setObjectName("BoardTitle")
            column = BoardColumn(status)
            column.card_dropped.connect(self.status_change_requested)
            column.itemSelectionChanged.connect(lambda col=column: self._selected(col))
            box.addWidget(title)
            box.addWidget(column, 1)
            row.addLayout(box)
            self.columns[status] = column
            self._titles[status] = title
        self.setWidget(inner)

    def set_applications(self, apps: Sequence[Application]) -> None:
        by_status: dict[str, list[Application]] = {s: [] for s in STATUSES}
        for app in apps:
            by_status.setdefault(app.status, []).append(app)
        for status, column in self.columns.items():
            # Refilling is not a choice of the person's: it must not select anything.
            column.blockSignals(True)
            column.set_cards(by_status[status])
            column.blockSignals(False)
            count = len(by_status[status])
            self._titles[status].setText(f"{LABELS[status]}  ·  {count}")

    def column_of(self, application_id: int) -> str | None:
        for status, column in self.columns.items():
            if application_id in column.card_ids():
                return status
        return None

    def select(self, application_id: int) -> None:
        for column in self.columns.values():
            item = column.item_of(application_id)
            if item is not None:
                column.blockSignals(True)
                column.setCurrentItem(item)
                column.blockSignals(False)
                column.scrollToItem(item)
                # After the layout settles: showing the detail pane narrows the board.
                QTimer.singleShot(0, self, lambda c=column: self.ensureWidgetVisible(c, 40, 0))

    def _selected(self, column: BoardColumn) -> None:
        items = column.selectedItems()
        if not items:
            return
        for other in self.columns.values():
            if other is not column:
                other.blockSignals(True)
                other.clearSelection()
                other.blockSignals(False)
        self.application_selected.emit(int(items[0].data(ID_ROLE)))
