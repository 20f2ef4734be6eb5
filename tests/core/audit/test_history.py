"""Saved audits in a real migrated database."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

import pytest

from profile_helper.core.audit.history import delete_audit, get_audit, list_audits, save_audit
from profile_helper.core.audit.run import audit
from profile_helper.core.errors import InputError, NotFoundError
from tests.core.audit.profiles import GOOD_ABOUT, GOOD_HEADLINE, GOOD_SKILLS, JOB


def test_save_list_restore_delete(db: sqlite3.Connection) -> None:
    first = audit("Data person", "", "", JOB)
    second = audit(GOOD_HEADLINE, GOOD_ABOUT, GOOD_SKILLS, JOB)
    a = save_audit(db, "  Before  rewrite ", first, datetime(2026, 1, 1, 9, tzinfo=UTC))
    b = save_audit(db, "After rewrite", second, datetime(2026, 2, 1, 9, tzinfo=UTC))
    assert a.name == "Before rewrite" and a.created_at == "2026-01-01T09:00:00Z"
    assert [s.id for s in list_audits(db)] == [a.id, b.id]
    restored = get_audit(db, b.id)
    assert (restored.headline, restored.about, restored.skills, restored.job) == (
        GOOD_HEADLINE,
        GOOD_ABOUT,
        GOOD_SKILLS,
        JOB,
    )
    assert restored.score == second.score > first.score
    assert audit(restored.headline, restored.about, restored.skills, restored.job).score == (
        second.score
    )
    delete_audit(db, a.id)
    assert [s.id for s in list_audits(db)] == [b.id]
    with pytest.raises(NotFoundError):
        delete_audit(db, a.id)


def test_name_is_required(db: sqlite3.Connection) -> None:
    with pytest.raises(InputError, match="name"):
        save_audit(db, "   ", audit())
    assert list_audits(db) == []
