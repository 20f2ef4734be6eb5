"""Templates with a budget: each payload that once took gigabytes or minutes fails fast."""

from __future__ import annotations

import sys
import time
import tracemalloc
from pathlib import Path

import pytest

from profile_helper.core.errors import FileReadError
from profile_helper.core.templates.budget import MAX_CHARS
from profile_helper.core.templates.catalog import list_templates, load_template
from profile_helper.core.templates.sandbox import UnsafeTemplateError, render_source

BIG = "{% set s = 'x' * 100000 %}"

PAYLOADS = {
    "indent": "{{ 'a\\n' * 50000 | indent(100000) }}",
    "indent_small_width_many_lines": "{{ ('a\\n' * 50000) | indent(1000) }}",
    "indent_text_prefix": BIG + "{{ ('a\\n' * 1000) | indent(s) }}",
    "center": "{{ 'a' | center(2000000000) }}",
    "center_str_method": "{{ 'a'.center(2000000000) }}",
    "format_width": "{{ '{:>2000000000}'.format('a') }}",
    "format_many_fields": "{{ ('{:>99999}' * 5000).format(*([1] * 5000)) }}",
    "format_nested_width": "{{ '{:>{w}}'.format('a', w=2000000000) }}",
    "percent_width": "{{ '%2000000000s' % 'a' }}",
    "wordwrap": BIG + "{{ s | wordwrap(1, wrapstring='-' * 1000) }}",
    "truncate": "{{ 'a' | truncate(2000000000) }}",
    "mul_string": BIG + "{{ s * 100000 }}",
    "mul_int_side": "{{ 'ab' * 2000000000 }}",
    "power": "{{ 99999 ** 99999 }}",
    "concat_chain": BIG
    + "{% set b = s ~ s %}{% set c = b ~ b %}{% set d = c ~ c %}{% set e = d ~ d %}{{ e }}",
    "plus_chain": BIG + "{% set b = s + s %}{{ b + b }}",
    "replace_method": BIG + "{{ s.replace('', s) }}",
    "replace_filter": BIG + "{{ s | replace('x', s) }}",
    "join_method": BIG + "{{ s.join(s) }}",
    "join_filter": BIG + "{{ s | join(s) }}",
    "expandtabs": "{{ ('\\t' * 100000).expandtabs(100000) }}",
    "batch_fill": "{{ [1] | batch(2000000000, 0) | list }}",
    "set_block": BIG + "{% set t %}{% for c in s %}{{ s }}{% endfor %}{% endset %}{{ t|length }}",
    "output": BIG + "{% for c in s %}{{ c }}{{ c }}{% endfor %}",
    "nested_loop": BIG + "{% for a in s %}{% for b in s %}{% endfor %}{% endfor %}",
    "nested_list_printed": BIG + "{{ [s, s, s, s, s] }}",
    "nested_list_repeated": "{{ [[1] * 100000] * 100000 }}",
    "nested_list_joined": BIG + "{{ 'a' ~ [s, s] }}",
    "nested_list_string": BIG + "{{ [s, s] | string }}",
    "nested_list_sum": BIG + "{{ [[s], [s], [s]] | sum(start=[]) | length }}",
    "nested_list_percent": BIG + "{{ '%s%s' % ([s, s], [s, s]) }}",
    "macro_loop": BIG + "{% macro m() %}{% for b in s %}{% endfor %}{% endmacro %}"
    "{% for a in s %}{{ m() }}{% endfor %}",
}


@pytest.mark.parametrize("name", sorted(PAYLOADS))
def test_payload_fails_fast_with_a_clear_error_and_bounded_memory(name: str) -> None:
    tracemalloc.start()
    start = time.process_time()
    try:
        with pytest.raises(UnsafeTemplateError) as info:
            render_source(PAYLOADS[name], "evil.j2", {})
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    elapsed = time.process_time() - start
    message = str(info.value)
    assert message.startswith("evil.j2")
    assert any(
        words in message
        for words in ("100,000 characters", "second of CPU", "limit", "large", "not allowed")
    ), message
    assert elapsed < 3.0, (name, elapsed)
    # A few copies of the largest allowed text, never the gigabytes once asked for.
    assert peak < 40 * MAX_CHARS * 4, (name, peak)


def test_ordinary_templates_still_render() -> None:
    text = render_source(
        "{{ name | center(9) }}|{{ 'a b c' | wordwrap(3) }}|{{ 'x' * 3 ~ 'y' }}"
        "|{{ '{:>4}'.format(7) }}|{{ '%03d' % 7 }}|{{ ['a', 'b'] | join(', ') }}"
        "|{{ 'long words here' | truncate(9, leeway=0) }}|{{ 'a\\nb' | indent(2) }}"
        "|{{ 2 ** 10 }}|{{ [1] + [2] }}",
        "ok.j2",
        {"name": "Ana"},
    )
    assert text == "   Ana   |a b\nc|xxxy|   7|007|a, b|long...|a\n  b|1024|[1, 2]"


def test_text_at_the_limit_is_allowed_and_one_more_is_not() -> None:
    assert len(render_source("{{ 'x' * 100000 }}", "ok.j2", {})) == MAX_CHARS
    with pytest.raises(UnsafeTemplateError, match="100,000"):
        render_source("{{ 'x' * 100000 }}!", "long.j2", {})


def test_a_tracer_already_set_is_restored() -> None:
    def tracer(*_args: object) -> None:
        return None

    previous = sys.gettrace()
    sys.settrace(tracer)
    try:
        render_source("{{ 1 }}", "ok.j2", {})
        assert sys.gettrace() is tracer
    finally:
        sys.settrace(previous)


def test_user_templates_are_regular_files_inside_the_folder(tmp_path: Path) -> None:
    folder = tmp_path / "templates"
    folder.mkdir()
    secret = tmp_path / "secret.txt"
    secret.write_text("API_KEY=123", encoding="utf-8")
    (folder / "outside.j2").symlink_to(secret)
    (folder / "mine.j2").write_text("Hi {{ name }}", encoding="utf-8")
    (folder / "alias.j2").symlink_to(folder / "mine.j2")
    for template_id in ("outside", "alias"):
        with pytest.raises(FileReadError, match="not a regular file in the templates folder"):
            load_template(template_id, folder)
    assert load_template("mine", folder).text == "Hi {{ name }}"
    listed = {t.id for t in list_templates(folder)}
    assert "mine" in listed
    assert not {"outside", "alias"} & listed
