"""Follow-up cadence after a message is sent, in business days."""

from datetime import date

from profile_helper.core.templates.cadence import add_business_days, next_follow_up


def test_business_days_skip_weekends() -> None:
    friday = date(2026, 11, 27)
    assert add_business_days(friday, 1) == date(2026, 11, 30)
    assert add_business_days(friday, 7) == date(2026, 12, 8)
    assert add_business_days(date(2026, 11, 28), 5) == date(2026, 12, 4)  # from a Saturday


def test_networking_nudge_after_seven_business_days() -> None:
    step = next_follow_up("informational_interview", date(2026, 11, 25))
    assert step is not None and step.due == date(2026, 12, 4) and step.note


def test_interview_thank_you_checks_after_five_and_some_get_none() -> None:
    step = next_follow_up("thank_you_interview", date(2026, 11, 23))
    assert step is not None and step.due == date(2026, 11, 30)
    assert next_follow_up("congratulate", date(2026, 11, 23)) is None
    assert next_follow_up("feedback_request", date(2026, 11, 23)) is None


def test_user_templates_use_the_default() -> None:
    step = next_follow_up("my_own_template", date(2026, 11, 23))
    assert step is not None and step.due == date(2026, 12, 2)
