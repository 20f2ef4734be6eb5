import pytest
from hypothesis import given
from hypothesis import strategies as st

from profile_helper.core.contacts.identity import (
    email_key,
    is_linkedin_profile,
    name_key,
    normalize_general,
    normalize_url,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("https://www.linkedin.com/in/jane-doe", "https://www.linkedin.com/in/jane-doe"),
        ("https://www.linkedin.com/in/jane-doe/?trk=abc#x", "https://www.linkedin.com/in/jane-doe"),
        ("http://de.linkedin.com/in/Jane-Doe/", "https://www.linkedin.com/in/jane-doe"),
        ("linkedin.com/in/jane-doe", "https://www.linkedin.com/in/jane-doe"),
        ("https://www.linkedin.com/in/j%C3%BCrgen", "https://www.linkedin.com/in/jürgen"),
        ("https://example.com/Me/?a=1", "https://example.com/Me"),
        ("", None),
        ("   ", None),
        (None, None),
        ("https://", None),
    ],
)
def test_normalize_url(raw: str | None, expected: str | None) -> None:
    assert normalize_url(raw) == expected


def test_keys() -> None:
    assert is_linkedin_profile("https://linkedin.com/in/x")
    assert not is_linkedin_profile("https://github.com/x")
    assert email_key(" Ana@Example.COM ") == "ana@example.com"
    assert email_key("not an email") is None
    assert name_key(" Ana ", "García", " TechStart,  Inc. ") == "ana garcía|techstart, inc."
    assert name_key("", "", "Acme") == ""


@given(
    st.sampled_from(["https://www.linkedin.com/in/", "https://www.linkedin.com/in/Ana-"]),
    st.text(alphabet=st.sampled_from("aZ9-_.~%/?#&=\n\t é"), max_size=12),
)
def test_profile_shortcut_agrees_with_the_general_rules(prefix: str, rest: str) -> None:
    # The shortcut for the usual export cell must give what the general rules give.
    text = (prefix + rest).strip()
    assert normalize_url(text) == normalize_general(text)
