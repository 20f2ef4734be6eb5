"""A duty written as a verb and its object, or as a noun phrase: the same duty either way."""

from __future__ import annotations

import pytest

from profile_helper.core.audit.actions import action_noun
from profile_helper.core.audit.keyword import Keyword
from profile_helper.core.audit.match import (
    UNMET_PHRASE_SHARE,
    SectionWords,
    keyword_weight,
    match,
)
from profile_helper.core.audit.word_roots import root


@pytest.mark.parametrize(
    ("verb", "noun"),
    [
        ("manage", "management"),
        ("managed", "management"),
        ("reconcile", "reconciliation"),
        ("plan", "planning"),
        ("planned", "planning"),
        ("negotiate", "negotiation"),
        ("coordinate", "coordination"),
        ("schedule", "scheduling"),
        ("document", "documentation"),
        ("implement", "implementation"),
        ("supervise", "supervision"),
        ("verify", "verification"),
        ("organize", "organization"),
        ("analyze", "analysis"),
        ("maintain", "maintenance"),
        ("perform", "performance"),
        ("comply", "compliance"),
        ("approve", "approval"),
        ("hire", "hiring"),
        ("educate", "education"),
    ],
)
def test_a_verb_and_the_noun_of_its_action_share_a_root(verb: str, noun: str) -> None:
    assert root(verb) == root(noun)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("comment", "come"),  # "-ment" leaves at least five letters
        ("document", "docu"),
        ("general", "gener"),  # "-al" makes nouns of verbs only after v, w or s
        ("nation", "nate"),
        ("data", "date"),
        ("payment", "pay"),
    ],
)
def test_words_that_only_look_alike_keep_their_own_roots(one: str, other: str) -> None:
    assert root(one) != root(other)


@pytest.mark.parametrize(
    ("verb", "noun"),
    [
        ("manage", "management"),
        ("manages", "management"),
        ("negotiate", "negotiation"),
        ("verify", "verification"),
        ("maintain", "maintenance"),
        ("update", "update"),  # not "updation": the table overrides the rule
        ("lead", None),  # no noun a recruiter searches for
        ("keep", None),
    ],
)
def test_duty_verbs_have_the_noun_of_their_action(verb: str, noun: str | None) -> None:
    assert action_noun(verb) == noun


def _phrase(name: str, source: str = "duty phrase") -> Keyword:
    return Keyword(name, name, source, 1, 0, 0.0)


@pytest.mark.parametrize(
    ("job", "profile"),
    [
        ("inventory management", "I manage inventory for two stores."),
        ("manage inventory", "Skilled in inventory management."),
        ("account reconciliation", "I reconcile accounts every month."),
        ("reconcile accounts", "Month-end close and account reconciliations."),
        ("negotiate offers", "Offer negotiation and closing."),
        ("lesson planning", "I planned lessons for grade 3."),
        ("equipment maintenance", "I maintain the equipment."),
        ("vendor statement reconciliation", "I reconcile vendor statements."),
    ],
)
def test_a_profile_meets_a_duty_written_the_other_way(job: str, profile: str) -> None:
    assert SectionWords.of(profile).has(_phrase(job))


@pytest.mark.parametrize(
    ("job", "profile"),
    [
        ("inventory management", "I manage people and count inventory later."),
        ("account reconciliation", "I manage accounts."),
        ("offer negotiation", "I negotiate with vendors and make offers to candidates."),
    ],
)
def test_words_far_apart_or_another_duty_do_not_meet_it(job: str, profile: str) -> None:
    assert not SectionWords.of(profile).has(_phrase(job))


def test_a_named_activity_is_met_by_its_verb_but_a_product_is_not() -> None:
    activity = Keyword("inventory management", "Inventory management", "vocabulary", 1, 0, 0.0)
    product = Keyword("Microsoft Project", "Microsoft Project", "vocabulary", 1, 0, 0.0)
    assert SectionWords.of("I manage inventory for a pharmacy.").has(activity)
    assert not SectionWords.of("I lead each project with Microsoft tools.").has(product)


def _rate(job: list[Keyword], skills: str, about: str = "") -> float:
    sections = {"about": SectionWords.of(about), "skills": SectionWords.of(skills)}
    rate = match(job, sections).rate
    assert rate is not None
    return rate


def test_a_missing_phrase_counts_less_than_a_missing_named_skill() -> None:
    named = Keyword("Python", "Python", "vocabulary", 1, 0, 0.0)
    phrase = _phrase("vendor invoices")
    about = "I write Python every day."
    assert _rate([named, Keyword("SQL", "SQL", "vocabulary", 1, 0, 0.0)], "", about) == 0.5
    # The posting's own wording, missed, weighs a share of what it weighs when met.
    missed = keyword_weight(phrase) * UNMET_PHRASE_SHARE
    met = keyword_weight(named)
    assert _rate([named, phrase], "", about) == round(met / (met + missed), 4)


def test_showing_a_phrase_only_in_the_skills_never_lowers_the_rate() -> None:
    job = [Keyword("Python", "Python", "vocabulary", 1, 0, 0.0), _phrase("vendor invoices")]
    about = "I write Python every day."
    assert _rate(job, "Vendor invoices", about) >= _rate(job, "", about)
