"""Every pattern the audit runs over a person's text takes linear time, whatever the text.

Text repeating one short chunk (of any characters) is what makes a backtracking pattern slow;
each example must finish well within its deadline. The 100,000-character runs of the worst
shapes are in ``tests/benchmarks/bench_hardening.py``.
"""

from __future__ import annotations

from datetime import timedelta

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from profile_helper.core.audit.run import audit
from profile_helper.core.errors import InputError

SIZE = 10_000
TRICKY = "1,.-@ \n\taA0é|/•:;'\"()+%#"


@settings(
    max_examples=30,
    deadline=timedelta(seconds=1),
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    chunk=st.text(alphabet=st.sampled_from(TRICKY) | st.characters(), min_size=1, max_size=6),
    section=st.sampled_from(["headline", "about", "skills", "job"]),
)
# Shapes once found slow: YAKE's tokenizer on one long run, a name pattern reading to the end.
@example(chunk="A)", section="job")
@example(chunk="A.", section="job")
@example(chunk="A/", section="job")
def test_repeated_text_is_audited_in_linear_time(chunk: str, section: str) -> None:
    text = (chunk * (SIZE // len(chunk) + 1))[:SIZE]
    try:
        result = audit(**{section: text})  # type: ignore[arg-type]
    except InputError as exc:
        assert exc.message
        return
    assert result.to_json()["findings"] is not None
