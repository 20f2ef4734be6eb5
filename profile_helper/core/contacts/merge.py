"""Merging what an import file says about a known person into the stored contact.

Filled fields from the file win; what the person wrote themselves (notes, tier, a status they
moved forward, tags) stays.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from profile_helper.core.contacts.models import ContactDraft, Website
from profile_helper.core.contacts.store import COLUMNS, clean_tags, row_values


def merge(old: sqlite3.Row, new: ContactDraft) -> ContactDraft:
    """The stored contact with what the file adds: filled fields win, the person's own stay."""
    emails = json.loads(old["emails"])
    known = {e.casefold() for e in emails}
    emails += [e for e in new.emails if e.casefold() not in known]
    phones = json.loads(old["phones"])
    phones += [p for p in new.phones if p not in phones]
    sites = [Website(w["url"], w.get("label", "")) for w in json.loads(old["websites"])]
    urls = {w.url for w in sites}
    sites += [w for w in new.websites if w.url not in urls]
    return ContactDraft(
        first_name=new.first_name or old["first_name"],
        last_name=new.last_name or old["last_name"],
        position=new.position or old["position"],
        company=new.company or old["company"],
        location=new.location or old["location"],
        emails=emails,
        phones=phones,
        websites=sites,
        url=new.url or old["url"],
        notes=old["notes"] or new.notes,
        how_met=old["how_met"] or new.how_met,
        tier=old["tier"] if old["tier"] is not None else new.tier,
        # A status the person moved forward is theirs; an import only fills the default.
        status=new.status if old["status"] == "to contact" and new.status else old["status"],
        connected_on=new.connected_on or old["connected_on"],
        source=old["source"],
        tags=new.tags,
        cadence_days=old["cadence_days"],
    )


def fill(target: ContactDraft, extra: ContactDraft) -> None:
    for name in ("position", "company", "location", "url", "connected_on"):
        if not getattr(target, name) and getattr(extra, name):
            setattr(target, name, getattr(extra, name))
    target.emails += [e for e in extra.emails if e not in target.emails]


def apply_updates(conn: sqlite3.Connection, updates: dict[int, ContactDraft], now: str) -> int:
    """Merge matched rows into stored contacts; returns how many actually changed."""
    if not updates:
        return 0
    assignments = ", ".join(f"{c} = ?" for c in COLUMNS.split(", "))
    changed = 0
    ids = list(updates)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        rows = conn.execute(f"SELECT * FROM contacts WHERE id IN ({marks})", chunk).fetchall()
        # The chunk's stored tags in one query, in the table's own (contact, tag) order.
        old_tags: dict[int, list[str]] = {}
        for contact_id, tag in conn.execute(
            f"SELECT contact_id, tag FROM contact_tags WHERE contact_id IN ({marks}) "
            "ORDER BY contact_id, tag",
            chunk,
        ):
            old_tags.setdefault(contact_id, []).append(tag)
        for old in rows:
            merged = merge(old, updates[old["id"]])
            merged.tags = clean_tags([*old_tags.get(old["id"], []), *merged.tags])
            values = row_values(merged, now, old["created_at"])
            # Unchanged rows are not rewritten, so a re-import does not touch updated_at.
            if _same(old, values):
                continue
            conn.execute(f"UPDATE contacts SET {assignments} WHERE id = ?", (*values, old["id"]))
            conn.executemany(
                "INSERT OR IGNORE INTO contact_tags(contact_id, tag) VALUES (?, ?)",
                [(old["id"], t) for t in merged.tags],
            )
            changed += 1
    return changed


def _same(old: sqlite3.Row, values: tuple[Any, ...]) -> bool:
    names = COLUMNS.split(", ")
    return all(old[n] == v for n, v in zip(names, values, strict=True) if n not in ("updated_at",))
