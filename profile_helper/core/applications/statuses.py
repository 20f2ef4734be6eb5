"""The statuses of an application, the moves allowed between them, and rejection stages."""

from __future__ import annotations

from profile_helper.core.errors import InputError

STATUSES: tuple[str, ...] = (
    "saved",
    "applied",
    "screening",
    "interviewing",
    "offer",
    "accepted",
    "rejected",
    "withdrawn",
    "ghosted",
)

LABELS: dict[str, str] = {status: status.capitalize() for status in STATUSES}

STAGES: tuple[str, ...] = ("applied", "screening", "interviewing", "offer")
"""Where a rejection can happen: after the application alone, the screen, an interview, an offer."""

INTERVIEW_STAGES: frozenset[str] = frozenset({"interviewing", "offer"})
"""A rejection at these stages deserves a feedback request; an automated screening one does not."""

RESPONSE_STATUSES: frozenset[str] = frozenset(
    {"screening", "interviewing", "offer", "accepted", "rejected"}
)
"""A move to one of these means the employer answered."""

ACTIVE: frozenset[str] = frozenset({"saved", "applied", "screening", "interviewing", "offer"})

# Where an application may go next. Closed ones (accepted, rejected, withdrawn) can be
# reopened only by applying again from "withdrawn"; a ghosted one can still come back to life.
TRANSITIONS: dict[str, frozenset[str]] = {
    # A saved one may jump ahead: the person applied and only tells us about the reply.
    "saved": frozenset({"applied", "screening", "interviewing", "offer", "rejected", "withdrawn"}),
    "applied": frozenset(
        {"screening", "interviewing", "offer", "rejected", "withdrawn", "ghosted"}
    ),
    "screening": frozenset({"interviewing", "offer", "rejected", "withdrawn", "ghosted"}),
    "interviewing": frozenset({"interviewing", "offer", "rejected", "withdrawn", "ghosted"}),
    "offer": frozenset({"accepted", "rejected", "withdrawn"}),
    "accepted": frozenset({"withdrawn"}),
    "rejected": frozenset(),
    "withdrawn": frozenset({"applied"}),
    "ghosted": frozenset({"screening", "interviewing", "offer", "rejected", "withdrawn"}),
}


def check_status(status: str) -> str:
    """The status, lower-cased, or an :class:`InputError` naming the known ones."""
    value = status.strip().lower()
    if value not in STATUSES:
        raise InputError(f"Unknown status {status!r}; use one of: {', '.join(STATUSES)}.")
    return value


def can_move(current: str, new: str) -> bool:
    return new in TRANSITIONS.get(current, frozenset())


def check_move(current: str, new: str) -> None:
    """Raise an :class:`InputError` that says where the application can go instead."""
    if can_move(current, new):
        return
    allowed = sorted(TRANSITIONS.get(current, frozenset()), key=STATUSES.index)
    nxt = f"it can move to: {', '.join(allowed)}" if allowed else "it is closed"
    raise InputError(f"An application that is {current} cannot move to {new}; {nxt}.")


def check_stage(stage: str) -> str:
    value = stage.strip().lower()
    if value not in STAGES:
        raise InputError(f"Unknown stage {stage!r}; use one of: {', '.join(STAGES)}.")
    return value


def default_stage(current: str) -> str:
    """The stage a rejection happened at when none is given: the status it had."""
    return current if current in STAGES else "applied"
