"""The sandbox refuses template-injection payloads with a clear, typed error naming the line."""

from __future__ import annotations

import pytest

from profile_helper.core.errors import InputError
from profile_helper.core.templates.context import build_context
from profile_helper.core.templates.sandbox import (
    MissingVariableError,
    TemplateError,
    UnsafeTemplateError,
    render_source,
    variables_used,
)

CONTEXT = build_context({"full_name": "Alex Kim", "company": "Acme"}, {"name": "Jane"})

PAYLOADS = [
    "{{ contact.__class__ }}",
    "{{ contact.__class__.__mro__[1].__subclasses__() }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ contact.get.__globals__ }}",
    "{{ self.__init__.__globals__ }}",
    "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
    "{{ lipsum.__globals__['os'].popen('id').read() }}",
    "{{ joiner.__init__.__globals__ }}",
    "{{ namespace.__init__.__globals__ }}",
    "{{ request.application.__globals__ }}",
    "{{ config.items() }}",
    "{{ '{0.__class__}'.format(contact) }}",
    "{{ '{0.__class__.__mro__}'.format(contact) }}",
    "{{ '{x.__class__}'.format_map({'x': contact}) }}",
    "{{ '%s'|format(contact) }}",
    "{{ contact|attr('__class__') }}",
    "{{ contact.update({'company': 'X'}) }}",
    "{{ 'a' * 1000000000 }}",
    "{{ range(10**9)|list }}",
    "{% include '/etc/passwd' %}",
    "{% import 'os' as os %}",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payload_is_refused_with_a_typed_error(payload: str) -> None:
    source = f"Hello\n{payload}\n"
    with pytest.raises(TemplateError) as info:
        render_source(source, "evil.j2", CONTEXT)
    error = info.value
    assert isinstance(error, InputError)
    assert error.file == "evil.j2"
    assert str(error).startswith("evil.j2")
    # Nothing from inside Python leaks into the message.
    assert "<class" not in str(error) and "subprocess" not in str(error)


@pytest.mark.parametrize(
    "payload",
    [
        "{{ contact.__class__ }}",
        "{{ '{0.__class__}'.format(contact) }}",
        "{{ contact.get.__globals__ }}",
    ],
)
def test_attribute_walks_are_reported_as_unsafe_at_their_line(payload: str) -> None:
    with pytest.raises(UnsafeTemplateError) as info:
        render_source(f"line one\nline two\n{payload}\n", "evil.j2", CONTEXT)
    assert info.value.line == 3
    assert "not allowed" in str(info.value)


def test_missing_variable_is_named_with_file_and_line() -> None:
    with pytest.raises(MissingVariableError) as info:
        render_source("Hi {{ contact.first_name }},\n\nsee you at {{ event }}.", "x.j2", CONTEXT)
    assert info.value.variable == "event"
    assert info.value.line == 3
    assert str(info.value).startswith("x.j2, line 3:")
    assert "'event'" in str(info.value)


def test_missing_field_names_its_group() -> None:
    with pytest.raises(MissingVariableError) as info:
        render_source("{{ contact.favourite_colour }}", "x.j2", CONTEXT)
    assert info.value.variable == "contact.favourite_colour"


def test_missing_variable_in_a_condition_is_an_error_not_false() -> None:
    with pytest.raises(MissingVariableError):
        render_source("{% if job.title %}x{% endif %}", "x.j2", CONTEXT)


def test_is_defined_lets_a_template_make_a_variable_optional() -> None:
    source = "Hi{% if topic is defined %} about {{ topic }}{% endif %}."
    assert render_source(source, "x.j2", CONTEXT) == "Hi."
    assert render_source(source, "x.j2", {**CONTEXT, "topic": "Kafka"}) == "Hi about Kafka."


def test_syntax_error_reports_the_line() -> None:
    with pytest.raises(TemplateError) as info:
        render_source("ok\n{% if contact.company %}\nno end", "broken.j2", CONTEXT)
    assert "syntax error" in str(info.value)
    assert info.value.line >= 2
    assert str(info.value).startswith("broken.j2, line")


def test_plain_rendering_still_works() -> None:
    text = render_source(
        "Hi {{ contact.first_name|upper }} at {{ contact.company }}!", "x", CONTEXT
    )
    assert text == "Hi ALEX at Acme!"


def test_user_text_in_variables_is_not_evaluated() -> None:
    context = build_context({"full_name": "{{ contact.__class__ }}"})
    assert render_source("{{ contact.full_name }}", "x", context) == "{{ contact.__class__ }}"


def test_variables_used_lists_fields_in_reading_order() -> None:
    source = (
        "{{ contact.first_name }} {% if topic is defined %}{{ topic }}{% endif %} {{ job.title }}"
    )
    source += "{% set x = 1 %}{{ x }}{% for s in me.skills %}{{ s }}{% endfor %}"
    assert variables_used(source, "x") == ["contact.first_name", "topic", "job.title", "me.skills"]
