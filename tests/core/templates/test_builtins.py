"""Every built-in message renders for plain, long, non-Latin and minimal contacts, within limits."""

from __future__ import annotations

import re
from typing import Any

import pytest

from profile_helper.core.templates.catalog import list_templates, load_template
from profile_helper.core.templates.context import build_context
from profile_helper.core.templates.render import NoSignatureError, render_message

REQUIRED_BUILTINS = {
    "connection_note",
    "connection_note_after_event",
    "informational_interview",
    "referral_request",
    "feedback_request",
    "thank_you_interview",
    "follow_up_application",
    "follow_up_no_reply",
    "reconnect",
    "congratulate",
}
BUILTINS = sorted(t.id for t in list_templates(None))
PROFILE = {
    "name": "Jane Doe",
    "current_role": "Backend Engineer",
    "target_role": "Data Engineer",
    "pitch": "I build reliable data pipelines; cut AWS costs 38% at Acme.",
    "signature": "Jane Doe\njane@example.org",
}
LONG_PROFILE = {
    "name": "Bartholomew Featherstonehaugh-Cholmondeley",
    "current_role": "Senior Backend Engineer, Platform and Infrastructure",
    "target_role": "Staff Platform Engineer (Distributed Systems and Data)",
}
# What a person gives for the free variables that some templates require.
REQUIRED_EXTRA = {
    "event": "PyCon Berlin",
    "job.title": "Data Engineer",
    "detail": "your move to streaming",
    "news": "the new role",
}
LONG_EXTRA = {
    "event": "the Frankfurt Data Engineering Summit",
    "topic": "running event-driven pipelines on Kubernetes",
    "mutual": "Priya Raman-Venkataraman",
    "job.title": "Senior Staff Data Platform Engineer, Streaming",
    "detail": "your migration from batch to streaming",
    "news": "your promotion to Head of Platform Engineering",
}
CONTACTS: dict[str, dict[str, Any]] = {
    "plain": {"first_name": "Alex", "last_name": "Kim", "company": "Acme", "position": "CTO"},
    "long_no_company": {
        "full_name": "Maximiliane-Alexandra Konstantinopoulou-Wittelsbach von Hohenberg"
    },
    "long_company": {
        "first_name": "Maximiliane-Alexandra",
        "last_name": "Konstantinopoulou",
        "company": "International Business Machines Corporation Deutschland GmbH",
    },
    "cyrillic": {"full_name": "Александра Константинопольская"},
    "chinese": {"full_name": "王小明"},
    "arabic": {"first_name": "محمد", "last_name": "الأحمد", "company": "شركة المستقبل"},
    "only_required": {"full_name": "Sam"},
}


def test_the_required_builtins_exist() -> None:
    assert set(BUILTINS) >= REQUIRED_BUILTINS
    for info in list_templates(None):
        assert info.source == "builtin"
        assert info.title and info.category and info.description


@pytest.mark.parametrize("template_id", BUILTINS)
@pytest.mark.parametrize("contact", list(CONTACTS))
@pytest.mark.parametrize("long_everything", [False, True], ids=["short", "long"])
def test_builtin_renders_within_limit(
    template_id: str, contact: str, long_everything: bool
) -> None:
    info = load_template(template_id, None)
    profile = LONG_PROFILE if long_everything else PROFILE
    extra = LONG_EXTRA if long_everything else REQUIRED_EXTRA
    message = render_message(info, build_context(CONTACTS[contact], profile, None, extra))
    assert message.body, template_id
    assert "{{" not in message.body and "{%" not in message.body
    # An optional part left out must not leave a gap or stray punctuation behind.
    for line in message.body.splitlines():
        assert "  " not in line and " ," not in line and " ." not in line, line
    assert message.over_limit == 0, (message.length, message.body)
    first = CONTACTS[contact].get("first_name") or CONTACTS[contact]["full_name"].split()[0]
    assert first in message.body
    if info.channel == "connection_note":
        assert message.length <= 200, message.body
    if info.channel == "email":
        assert message.subject


def test_minimal_profile_still_renders() -> None:
    for info in list_templates(None):
        message = render_message(
            info, build_context({"full_name": "Sam"}, {"name": "Jo Doe"}, None, REQUIRED_EXTRA)
        )
        assert message.body.startswith("Hi Sam")
        assert message.body.rstrip().endswith("Jo") or message.body.rstrip().endswith("Jo Doe")


@pytest.mark.parametrize("template_id", BUILTINS)
def test_signing_off_without_a_name_is_a_clear_error(template_id: str) -> None:
    info = load_template(template_id, None)
    context = build_context({"full_name": "Sam"}, {}, None, REQUIRED_EXTRA)
    with pytest.raises(NoSignatureError, match="profile set --name") as caught:
        render_message(info, context)
    assert "Settings" in caught.value.gui_message
    # --set me.name=... signs one message.
    signed = build_context({"full_name": "Sam"}, {}, None, REQUIRED_EXTRA | {"me.name": "Jo Doe"})
    assert "Jo" in render_message(info, signed).body.splitlines()[-1]


@pytest.mark.parametrize("template_id", BUILTINS)
@pytest.mark.parametrize("optional", ["none", "all"])
def test_reads_naturally_with_and_without_optional_values(template_id: str, optional: str) -> None:
    profile = {"name": "Jo Doe"} if optional == "none" else PROFILE
    contact = {"full_name": "Sam Lee"} if optional == "none" else CONTACTS["plain"]
    extra = (
        dict(REQUIRED_EXTRA)
        if optional == "none"
        else REQUIRED_EXTRA
        | {"topic": "streaming", "mutual": "Priya", "last_topic": "dbt", "applied_on": "3 May"}
    )
    body = render_message(
        load_template(template_id, None), build_context(contact, profile, None, extra)
    ).body
    assert "currently a" not in body and "..." not in body and "[" not in body
    assert not body.rstrip().endswith(",")  # "Best regards," is followed by a name
    for line in body.splitlines():
        assert "  " not in line and " ," not in line and " ." not in line and ",." not in line
        assert not re.search(r"\b(at|about|as|for|with)\s*[.?!]", line), line


def test_reconnect_states_news_only_when_given() -> None:
    info = load_template("reconnect", None)
    contact = CONTACTS["plain"]
    plain = render_message(info, build_context(contact, PROFILE, None, {})).body
    assert "news" not in plain and "saw" not in plain
    told = render_message(info, build_context(contact, PROFILE, None, {"news": "your Series B"}))
    assert "when I saw your Series B" in told.body


def test_informational_interview_without_roles_reads_naturally() -> None:
    info = load_template("informational_interview", None)
    body = render_message(info, build_context({"full_name": "Sam"}, {"name": "Jo"}, None, {})).body
    assert "I'm exploring my next step" in body and "currently" not in body
    with_role = render_message(
        info, build_context({"full_name": "Sam"}, {"name": "Jo", "current_role": "a nurse"})
    ).body
    assert "I work as a nurse and" in with_role


def test_connection_note_for_a_long_company_stays_specific() -> None:
    info = load_template("connection_note", None)
    contact = {"full_name": "Anna Berg", "company": "Müller Spedition und Logistik GmbH & Co. KG"}
    body = render_message(info, build_context(contact, PROFILE, None, {})).body
    assert "at Müller Spedition und Logistik caught my eye" in body and "GmbH" not in body
    shared = render_message(info, build_context(contact, PROFILE, None, {"mutual": "Priya"})).body
    assert shared.startswith("Hi Anna, Priya suggested I connect with you.")
    assert len(shared) <= 200


def test_feedback_request_asks_two_gentle_questions_and_leaves_the_door_open() -> None:
    info = load_template("feedback_request", None)
    body = render_message(
        info, build_context(CONTACTS["plain"], PROFILE, None, REQUIRED_EXTRA)
    ).body
    assert body.index("Thank you") < body.index("?")  # thanks first
    assert "What would have made me a stronger candidate for this role?" in body
    assert "skills or experience" in body
    assert body.count("?") == 2
    assert "future openings" in body
    assert "Was my" not in body  # no blunt yes/no question
    assert info.channel == "email"


def test_feedback_variant_asks_the_three_classic_questions() -> None:
    info = load_template("feedback_request_three_questions", None)
    body = render_message(
        info, build_context(CONTACTS["plain"], PROFILE, None, REQUIRED_EXTRA)
    ).body
    assert "Which skills" in body and "level of experience" in body and "future roles" in body
    assert body.count("?") == 3 and "Was my" not in body
    assert body.startswith("Hi Alex,\n\nThank you")


def test_connection_notes_fit_a_premium_limit_too() -> None:
    for template_id in ("connection_note", "connection_note_after_event"):
        info = load_template(template_id, None)
        context = build_context(CONTACTS["long_company"], LONG_PROFILE, None, LONG_EXTRA)
        message = render_message(info, context, premium=True)
        assert message.limit == 300
        assert message.length <= 200


@pytest.mark.parametrize("template_id", BUILTINS)
def test_a_company_ending_in_a_full_stop_gives_no_double_stop(template_id: str) -> None:
    contact = {"first_name": "Ana", "last_name": "Silva", "company": "TechStart, Inc."}
    context = build_context(contact, PROFILE, None, REQUIRED_EXTRA)
    message = render_message(load_template(template_id, None), context)
    assert "Inc.." not in message.body
    assert "Inc.." not in (message.subject or "")
