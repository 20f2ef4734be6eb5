"""The kinds of the follow-ups an application's events create, so that later events find them.

Its own small module: how a follow-up reads (``core.contacts.followup_text``, on the Today page)
needs the kinds, not the events that make them.
"""

from __future__ import annotations

KIND_APPLICATION_FOLLOW_UP = "application"
"""'Follow up on your application': the nudge one and two weeks after applying."""
KIND_GHOSTED = "suggest ghosted"
KIND_THANK_YOU = "thank you"
KIND_FEEDBACK = "feedback"
APPLICATION_KINDS = (KIND_APPLICATION_FOLLOW_UP, KIND_GHOSTED, KIND_THANK_YOU, KIND_FEEDBACK)
