"""The skills vocabulary shipped ready-made equals a fresh parse of its text, and stays current."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from profile_helper.core.audit import vocabulary
from profile_helper.core.audit.vocabulary import (
    COMPILED_RESOURCE,
    VOCABULARY_RESOURCE,
    from_compiled,
    parse,
    sources_stamp,
)
from profile_helper.core.resources import read_text

TOOL = Path(__file__).resolve().parents[3] / "tools" / "compile_skills.py"


def test_the_compiled_file_is_current() -> None:
    # Fails after an edit of skills.txt or word_forms.txt: run python tools/compile_skills.py.
    spec = importlib.util.spec_from_file_location("compile_skills", TOOL)
    assert spec is not None and spec.loader is not None
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    assert read_text(COMPILED_RESOURCE) == tool.compiled_text(), "run tools/compile_skills.py"


def test_the_compiled_vocabulary_equals_a_fresh_parse() -> None:
    source = read_text(VOCABULARY_RESOURCE)
    data = json.loads(read_text(COMPILED_RESOURCE))
    assert data["stamp"] == sources_stamp(source)
    compiled, fresh = from_compiled(data), parse(source)
    assert compiled == fresh
    assert list(compiled.index) == list(fresh.index)
    assert vocabulary.default_vocabulary() == fresh


def test_a_stale_compiled_file_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    source = read_text(VOCABULARY_RESOURCE) + "Zyxwv Frobnication | ZXF\n"
    texts = {VOCABULARY_RESOURCE: source}
    monkeypatch.setattr(vocabulary, "read_text", lambda name: texts.get(name) or read_text(name))
    vocabulary.default_vocabulary.cache_clear()
    try:
        assert vocabulary.default_vocabulary().canonical("zxf") == "Zyxwv Frobnication"
    finally:
        vocabulary.default_vocabulary.cache_clear()
