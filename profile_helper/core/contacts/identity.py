"""Who a contact is across imports: the normalised profile URL, then email, then name + company."""

from __future__ import annotations

import json
import re
import sqlite3
import string
import unicodedata
from array import array
from urllib.parse import unquote, urlsplit

_CANONICAL = re.compile(r"^https://www\.linkedin\.com/in/[^/?#%A-Z\s]+$")
# The usual shape of a profile URL in an export, read without the general URL parser.
_PROFILE = re.compile(
    r"^(?:https?://)?(?:[a-z]{2,3}\.|www\.|m\.)?linkedin\.com/(?:in|pub)/([^/?#\s]+)/?(?:[?#].*)?$",
    re.IGNORECASE,
)
_CANONICAL_PREFIX = "https://www.linkedin.com/in/"
_PLAIN_SLUG = frozenset(string.ascii_letters + string.digits + "-_.~")
_LINKEDIN_HOST = re.compile(r"^(?:[a-z]{2,3}\.|www\.|m\.)?linkedin\.com$")


def normalize_url(url: str | None) -> str | None:
    """The canonical form of a profile URL, or ``None`` when there is none.

    LinkedIn URLs become ``https://www.linkedin.com/in/<slug>`` with tracking parameters, country
    subdomains, trailing slashes and percent-encoding removed and the slug lowercased, so that the
    same person always has the same key. Other URLs keep their path but lose the query and fragment.
    """
    if url is None:
        return None
    text = url.strip()
    if not text:
        return None
    if text.startswith(_CANONICAL_PREFIX):
        # The usual export cell, "https://www.linkedin.com/in/<slug>" maybe with a query: read
        # without regular expressions when the slug needs nothing but lowercasing.
        slug = text[len(_CANONICAL_PREFIX) :].partition("?")[0]
        # (A line break in the query sends the cell to the general rules, as it always did.)
        if slug and _PLAIN_SLUG.issuperset(slug) and "\n" not in text:
            return _CANONICAL_PREFIX + slug.lower()
    return normalize_general(text)


def normalize_general(text: str) -> str | None:
    """:func:`normalize_url` of a stripped, non-empty text, by the general rules alone."""
    if _CANONICAL.match(text):
        return text
    quick = _PROFILE.match(text)
    if quick:
        slug = unquote(quick.group(1)) if "%" in quick.group(1) else quick.group(1)
        return "https://www.linkedin.com/in/" + unicodedata.normalize("NFC", slug).lower()
    if "://" not in text:
        text = "https://" + text
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    host = (parts.hostname or "").lower()
    if not host:
        return None
    path = unquote(parts.path).rstrip("/")
    if _LINKEDIN_HOST.match(host):
        segments = [s for s in path.split("/") if s]
        if len(segments) >= 2 and segments[0].lower() in ("in", "pub"):
            slug = unicodedata.normalize("NFC", segments[1]).lower()
            return f"https://www.linkedin.com/in/{slug}"
        return "https://www.linkedin.com/" + "/".join(segments).lower() if segments else None
    return f"{parts.scheme.lower() or 'https'}://{host}{path}"


def is_linkedin_profile(url: str | None) -> bool:
    normal = normalize_url(url)
    return normal is not None and normal.startswith("https://www.linkedin.com/in/")


def email_key(email: str | None) -> str | None:
    if not email:
        return None
    text = email.strip().casefold()
    return text if "@" in text else None


def name_key(first: str, last: str, company: str) -> str:
    """Name + company, casefolded and with collapsed spaces: the weakest identity."""
    name = " ".join(f"{first} {last}".split()).casefold()
    if not name:
        return ""
    return name + "|" + " ".join(company.split()).casefold()


class IdentityIndex:
    """The identities of every stored contact, loaded once per import.

    Profile URLs and name keys are kept as their hashes (``hash``: 64 bits, stable within the
    process): an import of a million contacts then holds a number per key instead of the text,
    which halves its memory. Two different keys share a hash about once in 10^19 pairs.
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.by_url: dict[int, int] = {}
        self.by_email: dict[str, int] = {}
        self.by_name: dict[int, int] = {}
        # A contact's profile URL, only ever compared for equality: by id for stored contacts,
        # and for those this import adds (numbered in order after the highest id) in an array,
        # 8 bytes each (0: none).
        self.url_of: dict[int, int] = {}
        self.base_id = 0
        self.new_urls = array("q")
        rows = conn.execute("SELECT id, url, email_key, name_key, emails FROM contacts")
        for cid, url, mail, name, emails in rows:
            self.base_id = max(self.base_id, cid)
            if url:
                self.by_url[hash(url)] = cid
                self.url_of[cid] = hash(url)
            if mail:
                self.by_email.setdefault(mail, cid)
                if emails.count(",") > 0:
                    # Later addresses in the list identify the person too.
                    for other in json.loads(emails)[1:]:
                        key = email_key(other)
                        if key:
                            self.by_email.setdefault(key, cid)
            if name:
                self.by_name.setdefault(hash(name), cid)

    def find(self, url: str | None, mails: list[str], key: str) -> int | None:
        """The stored contact with this (normalised) URL, else email, else name key."""
        # Written with dict.get and no helper calls: an import asks this once per row.
        if url:
            found = self.by_url.get(hash(url))
            if found is not None:
                return found
        if mails:
            for mail in mails:
                found = self.by_email.get(mail)
                if found is not None:
                    return None if url and self._has_other_url(found, url) else found
        if key:
            found = self.by_name.get(hash(key))
            if found is not None:
                # Two people of the same name at one firm with different profiles stay two.
                if url and self._has_other_url(found, url):
                    return None
                return found
        return None

    def _url_hash(self, contact_id: int) -> int | None:
        offset = contact_id - self.base_id - 1
        if 0 <= offset < len(self.new_urls):
            return self.new_urls[offset] or None
        return self.url_of.get(contact_id)

    def _has_other_url(self, contact_id: int, url: str) -> bool:
        own = self._url_hash(contact_id)
        return own is not None and own != hash(url)

    def remember(self, cid: int, url: str | None, mails: list[str], key: str) -> None:
        if cid == self.base_id + len(self.new_urls) + 1:
            self.new_urls.append(hash(url) if url else 0)  # the next new contact
        elif url and self._url_hash(cid) is None:
            self.url_of[cid] = hash(url)
        if url:
            self.by_url[hash(url)] = cid
        if mails:
            for mail in mails:
                self.by_email.setdefault(mail, cid)
        if key:
            self.by_name.setdefault(hash(key), cid)
