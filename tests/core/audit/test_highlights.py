"""The editors colour a job keyword wherever the match finds it, in the words the match reads."""

from __future__ import annotations

from profile_helper.core.audit.highlights import highlights
from profile_helper.core.audit.run import audit

JOB = """Warehouse Supervisor

Responsibilities
- Supervise a team of 20 associates on Manhattan WMS.

Requirements
- Experience in inventory management and account reconciliation.
- Strong inventory management across two shifts.
- Forklift certification.
"""
ABOUT = (
    "I manage inventory for a distribution center and reconciled the accounts every month. "
    "Our hiring plan doubled the team."
)


def _marked(about: str) -> list[str]:
    result = audit(headline="Warehouse Supervisor", about=about, skills="WMS", job=JOB)
    return [about[h.start : h.end] for h in highlights(result)["about"] if h.kind == "keyword"]


def test_a_duty_met_in_other_words_is_coloured_where_the_words_are() -> None:
    result = audit(headline="Warehouse Supervisor", about=ABOUT, skills="WMS", job=JOB)
    names = [k.name for k in result.job_keywords]
    assert {"inventory management", "account reconciliation"} <= set(names)
    assert {"inventory management", "account reconciliation"} <= set(result.matched)
    # Met by root and in another order, and shown so: every keyword met in the About is
    # coloured there, and only what meets one.
    assert _marked(ABOUT) == ["manage inventory", "reconciled the accounts"]


def test_words_that_meet_no_keyword_are_not_coloured() -> None:
    about = "I plan the inventory of a store and account for every sale."
    assert _marked(about) == []
