"""Duties written as a verb and its object, and the noun phrase a recruiter names them by.

A posting writes a duty as an order ("Manage inventory", "Reconcile accounts", "You'll negotiate
offers"); a recruiter searches for, and a profile lists, the same duty as a noun phrase
("inventory management", "account reconciliation", "offer negotiation"). English makes that
phrase by rule: the object, singular, then the noun of the verb's action. The noun is made by a
suffix for verbs in -ate, -ize and -ify ("negotiation", "organization", "verification"); for
the others it is not predictable ("management", "planning", "analysis", "maintenance") and
``audit/action_nouns.txt`` gives it. Verbs with no such noun ("lead", "keep") make no phrase.
"""

from __future__ import annotations

from functools import cache

from profile_helper.core.audit.vocabulary import fold
from profile_helper.core.resources import read_text

# Suffix rules for the noun of a verb's action, tried in order; the shortest verb each fits.
_RULES = (("ate", "ation", 6), ("ize", "ization", 6), ("ify", "ification", 5))


@cache
def action_nouns() -> dict[str, str]:
    """Verb -> the noun of its action, from ``audit/action_nouns.txt``."""
    table: dict[str, str] = {}
    for raw in read_text("audit/action_nouns.txt").splitlines():
        line = raw.strip()
        if line and not line.startswith("#"):
            verb, _, noun = line.partition(" | ")
            table[verb.strip()] = noun.strip()
    return table


def action_noun(verb: str) -> str | None:
    """The noun of a duty verb's action ("manage" -> "management"), or None when it has none.

    The verb may be written in its "s" form ("manages"), as a duty in the third person is.
    """
    word = verb.lower()
    table = action_nouns()
    for form in (word, fold(word)):
        if form in table:
            return table[form]
        for suffix, noun, shortest in _RULES:
            if form.endswith(suffix) and len(form) >= shortest:
                return form[: -len(suffix)] + noun
    return None


def duty_name(verb: str, obj: str) -> str | None:
    """A verb and its one-word object as a recruiter names the duty: ("Manage", "inventory")
    -> "inventory management", ("reconcile", "accounts") -> "account reconciliation"."""
    noun = action_noun(verb)
    if noun is None:
        return None
    return f"{_as_modifier(obj.lower())} {noun}"


def _as_modifier(word: str) -> str:
    """A noun as it stands before another: singular ("invoices" -> "invoice processing"),
    except the nouns whose plural form is their name ("sales", "logistics", "analytics")."""
    if word == "sales" or word.endswith("ics"):
        return word
    return fold(word)
