"""Who a contact is across imports: the normalised profile URL, then email, then name + company."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import unquote, urlsplit

_CANONICAL = re.compile(r"^https://www\.linkedin\.com/in/[^/?#%A-Z\s]+$")
# The usual shape of a profile URL in an export, read without the general URL parser.
_PROFILE = re.compile(
    r"^(?:https?://)?(?:[a-z]{2,3}\.|www\.|m\.)?linkedin\.com/(?:in|pub)/([^/?#\s]+)/?(?:[?#].*)?$",
    re.IGNORECASE,
)
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
