"""The audit's word lists and text tests: one home, read the same by the rules and the rewrites."""

import time

import pytest

from profile_helper.core.audit.rewrites.about import is_good, sort_sentences, split_sentences
from profile_helper.core.audit.run import audit
from profile_helper.core.audit.word_lists import (
    buzzword_hits,
    has_metric,
    invites_contact,
    metric_spans,
    opens_weakly,
)

ABOUTS = [
    "Responsible for the night shift on a 30-bed ward. I am a passionate and driven nurse.",
    "Experienced, results-driven marketer. I grew trial sign-ups 42% in one year.",
    "I am a certified forklift trainer. I have a proven track record of 40 placements.",
    "Helped with month-end close. I reconciled 14 accounts every month.",
    "Worked on lesson planning for grade 5. I teach 28 students science and math.",
    "I lead a dynamic team. Strategic thinker with extensive experience in retail.",
]


@pytest.mark.parametrize("about", ABOUTS)
def test_a_sentence_the_audit_flags_is_never_kept_as_good(about: str) -> None:
    result = audit(about=about, with_rewrites=False)
    flagged = [
        f.span
        for f in result.findings
        if f.id in {"about.buzzword", "about.weak_opener"} and f.span
    ]
    for sentence in split_sentences(about):
        at = about.find(sentence)
        if any(at <= start < at + len(sentence) for start, _ in flagged):
            assert not is_good(sentence), sentence
    parts = sort_sentences(about)
    kept = [parts.hook, *parts.what_i_do]
    for start, _end in flagged:
        sentence = next(
            s for s in split_sentences(about) if about.find(s) <= start < about.find(s) + len(s)
        )
        assert all(sentence.rstrip(".") not in k for k in kept), sentence


def test_certified_with_what_is_certified_is_not_a_buzzword() -> None:
    assert buzzword_hits("Certified forklift trainer and certified in ACLS") == []
    assert [h.phrase for h in buzzword_hits("I am certified.")] == ["certified"]


def test_track_record_backed_by_a_number_is_fine() -> None:
    assert buzzword_hits("A track record of 40 placements a year.") == []
    assert [h.phrase for h in buzzword_hits("A proven track record in sales.")]


@pytest.mark.parametrize(
    "text",
    [
        "I would love to talk about nursing roles.",
        "Always happy to chat about supply chains.",
        "Let's talk.",
        "DM me if you are hiring.",
        "Reach out: jane.doe@example.com",
        "I'd love to hear from school leaders.",
    ],
)
def test_the_common_ways_of_inviting_contact(text: str) -> None:
    assert invites_contact(text)


def test_a_closing_without_an_invitation_is_not_one() -> None:
    assert not invites_contact("I have worked in retail since 2015.")


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        ("grew revenue 30%", True),
        ("a $1.1M budget", True),
        ("a 12,000-registrant webinar", True),
        ("cut costs 3x", True),
        ("I care for 6 patients a shift", True),
        ("cut release time from 2 days to 3 hours", True),
        ("since 2019", False),
        ("6 years of experience", False),
        ("10+ years in retail", False),
    ],
)
def test_what_counts_as_a_result_with_a_number(text: str, metric: bool) -> None:
    assert has_metric(text) is metric


def test_a_weak_opener_is_found_at_the_start_only() -> None:
    assert opens_weakly("Responsible for budgets.")
    assert opens_weakly("• Helped with audits.")
    assert not opens_weakly("I led audits, which I was responsible for.")


@pytest.mark.parametrize("run", ["1" * 100_000, "1," * 50_000, "." * 100_000, "@" * 100_000])
def test_metric_and_contact_scans_are_linear(run: str) -> None:
    started = time.process_time()
    metric_spans(run)
    invites_contact(run)
    assert time.process_time() - started < 2.0


@pytest.mark.parametrize(
    "text",
    [
        "OSHA 10 and OSHA 30 cards, aerial and scissor lift certified.",
        "ServSafe Manager certified, TIPS certified.",
        "I'm certified to give vaccines under Arizona law.",
        "Forklift certified, and I hold an OSHA 30 card.",
    ],
)
def test_certified_after_what_was_certified_is_not_a_buzzword(text: str) -> None:
    assert buzzword_hits(text) == []


def test_certified_on_its_own_is_still_a_buzzword() -> None:
    assert [h.phrase for h in buzzword_hits("I am certified and motivated.")] == [
        "certified",
        "motivated",
    ]
