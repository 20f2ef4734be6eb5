"""The variables a message template sees.

``contact`` (the contact's fields), ``me`` (the person's own profile from Settings), ``job``
(the application or job, when there is one) and any free variables given at render time. The
contact's and the person's usual fields are always present (empty when unknown), so a template
can test them with ``{% if contact.company %}``; a variable that is not there at all is an error
that names it.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Mapping
from typing import Any

from profile_helper.core.errors import InputError
from profile_helper.core.settings import get_setting
from profile_helper.core.templates.sandbox import Namespace

CONTACT_FIELDS = (
    "first_name",
    "last_name",
    "full_name",
    "company",
    "position",
    "email",
    "url",
    "how_met",
    "notes",
)
PROFILE_FIELDS = ("name", "first_name", "current_role", "target_role", "pitch", "signature")
JOB_FIELDS = ("title", "company", "url", "contact_name", "stage")
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$")
# Other spellings the contacts store or an import may use for the same field.
_CONTACT_ALIASES = {
    "name": "full_name",
    "title": "position",
    "role": "position",
    "email_address": "email",
    "profile_url": "url",
    "linkedin_url": "url",
}


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def contact_variables(contact: Mapping[str, Any] | None) -> dict[str, Any]:
    """A contact as template variables; ``first_name`` works for one with only a full name."""
    values: dict[str, Any] = dict.fromkeys(CONTACT_FIELDS, "")
    for key, value in (contact or {}).items():
        if isinstance(value, Mapping | list | tuple | set):
            continue
        values[_CONTACT_ALIASES.get(key, key)] = _text(value)
    parts = values["full_name"].split()
    if not values["first_name"] and parts:
        values["first_name"] = parts[0]
    if not values["last_name"] and len(parts) > 1:
        values["last_name"] = " ".join(parts[1:])
    if not values["full_name"]:
        values["full_name"] = " ".join(p for p in (values["first_name"], values["last_name"]) if p)
    values["company_short"] = short_company(values["company"])
    return values


# Legal forms at the end of a company's name: "GmbH & Co. KG", "Inc.", "Ltd", "S.A.".
_LEGAL_SUFFIX = re.compile(
    r"(?:[\s,]+(?:GmbH\s*&\s*Co\.?\s*KG|GmbH|AG|KG|SE|Inc\.?|Incorporated|Corp\.?|"
    r"Corporation|Co\.|Company|Ltd\.?|Limited|LLC|L\.L\.C\.|LLP|PLC|plc|S\.?A\.?|S\.?L\.?|"
    r"S\.?r\.?l\.?|B\.?V\.?|N\.?V\.?|Pty\.?|Oy|AB|A/S|ApS|SAS|SARL|S\.p\.A\.))+\s*$",
)


def short_company(company: str) -> str:
    """The company's name without its legal form: "Acme GmbH & Co. KG" gives "Acme"."""
    short = _LEGAL_SUFFIX.sub("", company).strip(" ,")
    return short or company


def profile_from_settings(conn: sqlite3.Connection) -> dict[str, str]:
    """The person's own profile from the settings table (``profile.*``)."""
    return {
        field: _text(get_setting(conn, f"profile.{field}"))
        for field in PROFILE_FIELDS
        if field != "first_name"
    }


def profile_variables(profile: Mapping[str, Any] | None) -> dict[str, str]:
    values = dict.fromkeys(PROFILE_FIELDS, "")
    for key, value in (profile or {}).items():
        values[key.removeprefix("profile.")] = _text(value)
    if not values["first_name"] and values["name"]:
        values["first_name"] = values["name"].split()[0]
    if not values["signature"] and values["name"]:
        values["signature"] = values["name"]
    return values


def parse_assignments(items: Iterable[str]) -> dict[str, str]:
    """``NAME=VALUE`` strings (``--set``) as a dict; ``contact.company=Acme`` sets a field."""
    result: dict[str, str] = {}
    for item in items:
        name, sep, value = item.partition("=")
        name = name.strip()
        if not sep or not _NAME.match(name):
            raise InputError(
                f"'{item}' is not NAME=VALUE (e.g. --set event='PyCon Berlin' or "
                "--set contact.company=Acme)"
            )
        result[name] = value
    return result


def build_context(
    contact: Mapping[str, Any] | None = None,
    profile: Mapping[str, Any] | None = None,
    job: Mapping[str, Any] | None = None,
    extra: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """All the variables for one rendering; free variables win over the stored ones."""
    groups: dict[str, dict[str, Any]] = {
        "contact": contact_variables(contact),
        "me": profile_variables(profile),
    }
    if job is not None:
        groups["job"] = dict.fromkeys(JOB_FIELDS, "") | {k: _text(v) for k, v in job.items()}
    free: dict[str, Any] = {}
    for name, value in (extra or {}).items():
        group, dot, field = name.partition(".")
        if dot:
            # A job given field by field still has all its usual fields.
            empty = dict.fromkeys(JOB_FIELDS, "") if group == "job" else {}
            previous = groups.get(group, {}).get(field, "")
            groups.setdefault(group, empty)[field] = value
            if group == "contact" and field == "full_name":
                groups[group] = contact_variables(groups[group] | {"first_name": ""})
            if group == "me" and field == "name":
                # --set me.name=... signs this message: first name and signature follow it,
                # unless they were set on their own.
                me = groups[group]
                derived = {
                    "signature": previous,
                    "first_name": previous.split()[0] if previous else "",
                }
                groups[group] = profile_variables(
                    me | {k: "" for k, v in derived.items() if me.get(k, "") == v}
                )
        else:
            free[name] = value
    context: dict[str, Any] = {name: Namespace(name, values) for name, values in groups.items()}
    context.update(free)
    return context


_GROUP_LABELS = {"contact": "Their", "me": "Your", "job": "Job"}


def variable_label(name: str) -> str:
    """``job.title`` → "Job title", ``me.signature`` → "Your signature", ``event`` → "Event"."""
    group, dot, field = name.partition(".")
    if not dot:
        return group.replace("_", " ").capitalize()
    prefix = _GROUP_LABELS.get(group, group.capitalize())
    return f"{prefix} {field.replace('_', ' ')}"


def lookup(context: Mapping[str, Any], dotted: str) -> Any:
    """The value of ``name`` or ``group.field`` in a context, or None when it is not there."""
    group, dot, field = dotted.partition(".")
    value = context.get(group)
    if dot:
        return value.get(field) if isinstance(value, Mapping) else None
    return value
