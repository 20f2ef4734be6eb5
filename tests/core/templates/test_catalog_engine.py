"""The catalog (built-ins and the person's own), rendering for a channel, and the variables."""

from __future__ import annotations

from pathlib import Path

import pytest

from profile_helper.core.errors import InputError, NotFoundError
from profile_helper.core.templates.catalog import (
    list_templates,
    load_template,
    metadata_header,
    parse_metadata,
    save_user_template,
)
from profile_helper.core.templates.channels import channel_limits, split_subject
from profile_helper.core.templates.context import (
    build_context,
    contact_variables,
    parse_assignments,
    profile_variables,
)
from profile_helper.core.templates.render import render_draft, render_message, unfilled_variables
from profile_helper.core.templates.sandbox import MissingVariableError, TemplateError


def test_user_template_overrides_a_builtin(tmp_path: Path) -> None:
    (tmp_path / "congratulate.j2").write_text(
        metadata_header("Cheers", "Mine", "message", "My own") + "Well done, {{ news }}!",
        encoding="utf-8",
    )
    info = load_template("congratulate", tmp_path)
    assert info.source == "user" and info.title == "Cheers"
    listed = {t.id: t for t in list_templates(tmp_path)}
    assert listed["congratulate"].source == "user"
    assert listed["feedback_request"].source == "builtin"
    message = render_message(info, build_context(extra={"news": "the launch"}))
    assert message.body == "Well done, the launch!"


def test_user_template_without_metadata_is_a_message(tmp_path: Path) -> None:
    (tmp_path / "coffee_chat.j2").write_text("Coffee, {{ contact.first_name }}?", encoding="utf-8")
    info = load_template("coffee_chat", tmp_path)
    assert (info.channel, info.title, info.source) == ("message", "Coffee chat", "user")
    context = build_context({"full_name": "Ana Lima"})
    assert render_message(info, context).body == "Coffee, Ana?"
    assert "coffee_chat" in {t.id for t in list_templates(tmp_path)}


def test_bad_user_template_is_reported_with_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "broken.j2").write_text(
        metadata_header("Broken", "Mine", "message", "") + "Hi\n{% if contact.company %}\n",
        encoding="utf-8",
    )
    # Listing still works: one broken file hides nothing.
    assert "broken" in {t.id for t in list_templates(tmp_path)}
    with pytest.raises(TemplateError) as info:
        render_message(load_template("broken", tmp_path), build_context())
    assert str(info.value).startswith("broken.j2, line")
    assert info.value.line >= 8


def test_unknown_variable_in_user_template_names_it_and_its_line(tmp_path: Path) -> None:
    (tmp_path / "mine.j2").write_text("{# title: Mine #}\nHello\n{{ venue }}", encoding="utf-8")
    with pytest.raises(MissingVariableError) as info:
        render_message(load_template("mine", tmp_path), build_context())
    assert (info.value.variable, info.value.line) == ("venue", 3)


def test_unknown_template_and_bad_ids(tmp_path: Path) -> None:
    with pytest.raises(NotFoundError, match="feedback_request"):
        load_template("no_such_template", tmp_path)
    with pytest.raises(InputError):
        load_template("../etc/passwd", tmp_path)
    with pytest.raises(InputError):
        save_user_template(tmp_path, "Bad Name", "x")


def test_save_user_template_round_trips(tmp_path: Path) -> None:
    folder = tmp_path / "templates"
    info = save_user_template(folder, "thanks", metadata_header("Thanks", "Mine", "email", "d"))
    assert info.path == folder / "thanks.j2" and info.channel == "email"
    assert [p.name for p in folder.iterdir()] == ["thanks.j2"]  # no temporary file left


def test_metadata_parsing() -> None:
    text = "{#\ntitle: A\nCategory: B\nchannel: inmail\ndescription: C: d\n#}\nbody"
    assert parse_metadata(text) == {
        "title": "A",
        "category": "B",
        "channel": "inmail",
        "description": "C: d",
    }
    assert parse_metadata("no header {# title: x #}") == {}


def test_channel_limits_come_from_limits_json() -> None:
    assert channel_limits("connection_note").body == 200
    assert channel_limits("connection_note", premium=True).body == 300
    inmail = channel_limits("inmail")
    assert (inmail.subject, inmail.body) == (200, 2000)
    assert channel_limits("message").subject is None
    assert channel_limits("email").has_subject
    with pytest.raises(InputError):
        channel_limits("fax")


def test_subject_split() -> None:
    assert split_subject("Subject: Hi\n\nBody", True) == ("Hi", "Body")
    assert split_subject("Subject: Hi\n\nBody", False) == ("", "Hi\n\nBody")
    assert split_subject("Body only", True) == ("", "Body only")


def test_over_limit_reports_how_much() -> None:
    info = load_template("connection_note", None)
    context = build_context({"full_name": "Al"}, {"name": "Jo"})
    fits = render_message(info, context)
    assert fits.over_limit == 0 and fits.limit == 200
    as_note = render_message(
        load_template("feedback_request", None),
        build_context({"full_name": "Al"}, {"name": "Jo"}, extra={"job.title": "Dev"}),
        channel="connection_note",
    )
    assert as_note.over_limit == as_note.length - 200 > 0
    assert as_note.subject == ""  # a connection note has no subject line
    assert set(as_note.to_json()) == {
        "template",
        "channel",
        "subject",
        "body",
        "length",
        "limit",
        "over_limit",
    }


def test_first_name_from_a_full_name_only() -> None:
    assert contact_variables({"full_name": "Ana María López"})["first_name"] == "Ana"
    assert contact_variables({"name": "王小明"})["first_name"] == "王小明"
    values = contact_variables({"first_name": "Li", "last_name": "Wei", "title": "CTO"})
    assert (values["full_name"], values["position"]) == ("Li Wei", "CTO")


def test_profile_variables_fill_first_name_and_signature() -> None:
    values = profile_variables({"profile.name": "Jane Doe", "target_role": "Data Engineer"})
    assert (values["first_name"], values["signature"]) == ("Jane", "Jane Doe")


def test_set_assignments_and_dotted_fields() -> None:
    extra = parse_assignments(["event=PyCon = fun", "contact.company=Acme", "job.title=Dev"])
    assert extra["event"] == "PyCon = fun"
    context = build_context({"full_name": "Al Bo"}, extra=extra)
    assert context["contact"]["company"] == "Acme"
    assert context["job"]["title"] == "Dev" and context["job"]["company"] == ""
    for bad in ("novalue", "1x=2", "a.b.c=1", "=x"):
        with pytest.raises(InputError):
            parse_assignments([bad])


def test_unfilled_variables_lists_what_a_form_should_ask() -> None:
    info = load_template("thank_you_interview", None)
    context = build_context({"full_name": "Al Bo", "company": "Acme"}, {"name": "Jo"})
    missing = unfilled_variables(info, context)
    assert missing[:2] == ["job.title", "detail"]
    assert "contact.company" not in missing and "contact.first_name" not in missing


def test_render_draft_marks_every_gap_and_reports_it() -> None:
    info = load_template("thank_you_interview", None)
    message, missing = render_draft(info, {"full_name": "Al Bo"}, {"name": "Jo"}, {})
    assert missing == ["job.title", "detail"]
    assert "[job title]" in message.subject and "[detail]" in message.body
    filled, none = render_draft(
        info,
        {"full_name": "Al Bo"},
        {"name": "Jo"},
        {"job.title": "Dev", "detail": "tests"},
        channel="inmail",
    )
    assert none == [] and filled.channel == "inmail" and filled.limit == 2000
    # Without a name the draft signs "[your name]" and asks for it like any other gap.
    unsigned, gaps = render_draft(
        info, {"full_name": "Al Bo"}, {}, {"job.title": "Dev", "detail": "x"}
    )
    assert gaps == ["me.name"] and unsigned.body.endswith("[your name]")
