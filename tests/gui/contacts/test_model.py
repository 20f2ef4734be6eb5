"""The contacts table model over a real database: the model tester, paging, search and sort."""

import sqlite3

from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester

from profile_helper.core.contacts.followups import add_follow_up
from profile_helper.core.contacts.importer import apply_import
from profile_helper.core.contacts.models import ContactDraft, ParseResult
from profile_helper.core.contacts.query import ContactQuery
from profile_helper.gui.contacts.model import BLOCK, ID_ROLE, ContactsModel


def _fill(db: sqlite3.Connection, count: int) -> None:
    rows = [
        (
            i,
            ContactDraft(
                first_name=f"Person{i:05d}",
                last_name="Zed" if i % 2 else "Able",
                company=f"Firm {i % 7}",
                tags=["odd"] if i % 2 else [],
            ),
        )
        for i in range(count)
    ]
    apply_import(db, ParseResult(rows=rows))


def test_model_passes_the_model_tester(db: sqlite3.Connection, qtmodeltester: ModelTester) -> None:
    _fill(db, 60)
    model = ContactsModel(db)
    qtmodeltester.check(model)
    model.set_query(ContactQuery(search="firm 3"))
    qtmodeltester.check(model)
    model.sort(1, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)


def test_rows_are_read_in_blocks_as_the_view_asks(db: sqlite3.Connection) -> None:
    _fill(db, 3 * BLOCK + 5)
    model = ContactsModel(db)
    assert model.rowCount() == 3 * BLOCK + 5
    assert model.columnCount() == 7
    assert model.rowCount(model.index(0, 0)) == 0
    assert not model._blocks  # nothing read until something is shown
    last = model.index(model.rowCount() - 1, 0)
    assert model.data(last) is not None
    assert list(model._blocks) == [3]
    assert model.data(last, ID_ROLE) == model.id_at(model.rowCount() - 1)
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Name"
    assert model.data(QModelIndex()) is None


def test_search_sort_and_refresh(db: sqlite3.Connection) -> None:
    _fill(db, 30)
    model = ContactsModel(db)
    names = [str(model.data(model.index(r, 0))) for r in range(model.rowCount())]
    assert names[0].endswith("Able") and names[-1].endswith("Zed")
    model.set_query(ContactQuery(tag="odd"))
    assert model.rowCount() == 15
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert model.data(model.index(0, 0)) == "Person00029 Zed"

    contact_id = model.id_at(0)
    add_follow_up(db, contact_id, "2000-01-01", "Long overdue")
    model.refresh_rows([contact_id])
    index = model.index(0, 6)
    assert model.data(index) == "2000-01-01"
    assert model.data(index, Qt.ItemDataRole.ForegroundRole) is not None
    assert model.row_of(contact_id) == 0
    assert model.row_of(-5) == -1
