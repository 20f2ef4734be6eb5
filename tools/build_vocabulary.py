"""Build ``resources/vocabulary/`` (terms and job titles) from public occupational taxonomies.

What it writes
--------------
``terms.tsv``      one term a line: ``name  kind  aliases  fields  hot  sense`` (see below),
                   taxonomy terms first, then the rows of ``certifications.tsv``
``index.tsv``      one folded word sequence a line -> ``offset.form`` references to terms.tsv
``titles.tsv.gz``  one job title a line: ``normalised title  SOC major groups``

terms.tsv and index.tsv stay uncompressed because every lookup needs them and decompressing
them took longer than the whole load may (see NOTICE.md); the titles are gzipped (4.5x
smaller). The gzip is written without a timestamp, so the output is deterministic.

``certifications.tsv``, ``NOTICE.md`` and ``attribution.txt`` in the same folder are written by
hand and only read here (the certifications are merged by the loader, not by this script).

Sources
-------
* O*NET database, text edition (tab-separated ``.txt`` files), release 29.2 (February 2025) was
  used for the shipped files. Download ``db_29_2_text.zip`` (or a newer ``db_XX_X_text.zip``)
  from https://www.onetcenter.org/database.html#individual-files and unzip it; the folder must
  hold ``Technology Skills.txt``, ``Tools Used.txt``, ``Alternate Titles.txt``,
  ``Sample of Reported Titles.txt``, ``Occupation Data.txt`` and
  ``Content Model Reference.txt`` (``Read Me.txt`` is read for the release name).
  Licence: CC BY 4.0 (see NOTICE.md for the attribution it requires).
* ESCO (optional, ``--esco``): the English CSV classification download ("ESCO dataset -
  v1.2.x - classification - en - csv") from https://esco.ec.europa.eu/en/use-esco/download.
  Only ``skills_en.csv`` is read, and from it only the concepts of skillType ``knowledge``
  with a short label (ESCO's skills proper are verb phrases such as "identify available
  services", useless as keywords; its occupations are coded in ISCO, not SOC). The shipped
  files were built WITHOUT ESCO: no unmodified ``skills_en.csv`` could be obtained offline.

Rerun
-----
The cleaning needs word frequencies to tell a product name that is also an everyday word
("Word", "Teams", "Slack") from one that is not; they come from ``wordfreq`` (build-time only,
not an app dependency)::

    python3.11 -m venv /tmp/vocab-build && /tmp/vocab-build/bin/pip install wordfreq==3.1.1
    cd <checkout> && PYTHONPATH=. /tmp/vocab-build/bin/python tools/build_vocabulary.py \\
        --onet /path/to/db_29_2_text [--esco "/path/to/ESCO dataset - v1.2.1 - ... - csv"] \\
        --out profile_helper/resources/vocabulary/

then run ``pytest tests/core/audit/test_taxonomy.py`` and update the counts and the release in
``NOTICE.md``. The output is deterministic for given inputs (sorted, gzip without timestamp).

Columns of ``terms.tsv``
------------------------
``name``     canonical name as the taxonomy writes it, cleaned (rules below).
``kind``     ``skill`` (software, programming languages, O*NET basic skills), ``tool``
             (equipment from "Tools Used"), ``knowledge`` (O*NET knowledge areas, ESCO
             knowledge). Certifications and licences live in ``certifications.tsv``.
``aliases``  other ways of writing it, ``|``-separated. An alias starting with ``=`` must be
             matched with exactly that case; one starting with ``~`` also needs context (see
             ``sense``).
``fields``   SOC major groups (2 digits, comma-separated) of the occupations that list it;
             empty means "any field".
``hot``      ``1`` when O*NET flags it a Hot Technology.
``sense``    for the canonical name itself: empty (safe), ``exact_case`` (match only with the
             canonical casing: "Outlook", "Slack") or ``context`` (exact case AND the
             neighbouring words or the posting's field must agree: "Go", "R", "Word").

Cleaning rules (Technology Skills and Tools Used examples)
----------------------------------------------------------
1. Abbreviations written after their expansion ("Electronic health record EHR software",
   "Structured query language SQL") are detected Schwartz-Hearst style (each letter of the
   all-caps token found, in order, in the words before it, the first at a word start). The
   canonical name becomes the short form ("EHR software", "SQL"); the long form without the
   abbreviation, the bare abbreviation and the bare expansion become aliases when the rest of
   the name is only "software"/"system(s)".
2. A trailing " software" after a proper name is dropped ("Salesforce software" ->
   "Salesforce"); after a common word it is kept ("Accounting software").
3. A leading vendor from ``VENDORS`` (or any leading run of capitalised words ending in
   "Software", "Systems", "Technologies", "Corporation", ...) gives an alias without it
   ("Microsoft Excel" -> "Excel", "Intuit QuickBooks" -> "QuickBooks", "MS Excel" too for
   Microsoft) unless what remains is generic ("Oracle Database" gets no alias "Database"), a
   category acronym ("Epicor WMS"), or lower-case words. A remainder of everyday words in Title
   Case ("Apple Final Cut Pro" -> "Final Cut Pro") is kept with sense ``context``. A product
   word before generic ones is an alias too ("Google Looker Analytics" -> "Looker"), and so is
   the first word before "CI", "IDE", "ORM"... ("Jenkins CI" -> "Jenkins"). The vendor alone is
   never an alias, except for names that are only the company ("Epic Systems" -> "Epic") and
   for ``BRAND_VENDORS`` ("Kronos", "Cerner", "Oracle"): their bare name is a term of its own,
   in the fields of all their products. A trailing "software" after a vendor-led name is
   dropped as in rule 2 ("Microsoft Office software" -> "Microsoft Office").
4. Names longer than 7 words (after rule 1) or 60 characters are dropped as unusable keywords.
5. Tools: the generic office and IT kit that O*NET lists for most occupations (computers,
   printers, fax machines, phones, calculators, cameras, scanners...: UNSPSC segments 43-45
   listed in 8 or more SOC major groups) is dropped as noise, except ``KEEP_TOOLS``.
6. Sense of a one-word form: one or two letters, or an everyday word with Zipf frequency
   >= 4.5 -> ``context``; an everyday word with Zipf >= 3.0 -> ``exact_case`` (software) /
   Zipf >= 4.0 -> ``context`` (tools, which are lower-case nouns). The project's hand-written
   ``resources/audit/skills.txt`` overrides this: a word it lists without ``=`` is safe, one
   with ``=`` is at least ``exact_case``. ``SAFE_WORDS`` lists a few more unambiguous names.
7. The same name from several sources is merged (fields united, hot if any says so).
8. A name, alias or title containing a ``LEFT_OUT`` word is left out.

Titles: O*NET occupation titles, alternate titles (and their short titles; "CEO (Chief
Executive Officer)" gives both halves) and sample reported titles, lower-cased, tokenised with
``profile_helper.core.audit.text.tokenize`` and plural-folded with ``vocabulary.fold``, so the
loader looks a posting's title up with the same normalisation. Titles over 8 words are dropped.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from profile_helper.core.audit.text import tokenize
from profile_helper.core.audit.vocabulary import fold

try:
    from wordfreq import zipf_frequency  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - build-time only
    sys.exit("tools/build_vocabulary.py needs wordfreq (pip install wordfreq==3.1.1)")

MAX_WORDS = 7
MAX_CHARS = 60
MAX_TITLE_WORDS = 8
# Words the shipped vocabulary leaves out wherever they occur (names, aliases, titles): the
# app keeps them out of what it ships. Today one word, found only in farm equipment and
# agricultural titles ("seed drills", "seed analyst").
LEFT_OUT = re.compile(r"seed", re.IGNORECASE)

# Big vendors whose name starts many O*NET examples; longest first when matching.
VENDORS = sorted(
    {
        "Microsoft",
        "Oracle",
        "IBM",
        "Autodesk",
        "Adobe",
        "SAP",
        "Apache",
        "Google",
        "Apple",
        "Siemens",
        "ESRI",
        "Esri",
        "Bentley",
        "Bentley Systems",
        "Cadence",
        "Corel",
        "Trimble",
        "ADP",
        "Cisco",
        "Cisco Systems",
        "Symantec",
        "Amazon",
        "Amazon Web Services",
        "Amazon Web Services AWS",
        "Avid",
        "Avid Technology",
        "McKesson",
        "PTC",
        "Synopsys",
        "Allscripts",
        "Cerner",
        "Epic",
        "Epic Systems",
        "EMC",
        "Experian",
        "Hewlett-Packard",
        "Hewlett-Packard HP",
        "Hewlett Packard",
        "HP",
        "Teradata",
        "ABB",
        "Intuit",
        "ANSYS",
        "Blackbaud",
        "Atlassian",
        "Dassault Systemes",
        "Epicor",
        "Fluke",
        "Informatica",
        "JDA",
        "PerkinElmer",
        "Xilinx",
        "Yardi",
        "Yardi Systems",
        "Agilent",
        "BMC",
        "BMC Software",
        "Embarcadero",
        "Equifax",
        "Fiserv",
        "Kronos",
        "Lawson",
        "Rockwell",
        "Wolfram",
        "Wolfram Research",
        "Xerox",
        "Infor",
        "MEDITECH",
        "Red Hat",
        "The MathWorks",
        "The Mathworks",
        "Thomson Reuters",
        "Thomson West",
        "LexisNexis",
        "Sage",
        "GE Healthcare",
        "GE",
        "National Instruments",
        "Mentor Graphics",
        "Henry Schein",
        "FANUC",
        "FANUC Robotics",
        "Kodak",
        "Nuance",
        "Salesforce",
        "Workday",
        "Zoho",
        "Facebook",
        "Meta",
        "Sun Microsystems",
        "Hyperion",
        "Computer Associates",
        "CA Technologies",
        "Novell",
        "VMware",
        "Citrix",
        "Dell",
        "Intel",
        "Juniper",
        "Juniper Networks",
        "NetSuite",
        "Sybase",
        "Veritas",
        "Unity Technologies",
        "Side Effects",
        "Tibco",
        "TIBCO",
        "Autodesk Inc.",
        "SAS Institute",
        "Tableau Software",
        "Magic Software",
        "Progress",
        "Quest",
        "Quest Software",
        "SolarWinds",
        "McAfee",
        "Trend Micro",
        "Kaspersky",
        "Sophos",
        "Check Point",
        "Palo Alto Networks",
        "Fortinet",
        "Splunk",
        "Alteryx",
        "Qlik",
        "MicroStrategy",
        "Pitney Bowes",
        "Bloomberg",
        "Moody's",
        "Fair Isaac",
        "Elekta",
        "Varian",
        "Philips",
        "Agfa",
        "Carestream",
        "Dentsply",
        "Dentsply Sirona",
        "NextGen Healthcare",
        "athenahealth",
        "Greenway Health",
        "eClinicalWorks",
        "Smith Micro",
        "SmithMicro",
        "Deltek",
        "Procore",
        "Bluebeam",
        "Vertafore",
        "Applied Systems",
        "Ellucian",
        "Instructure",
        "Blackboard",
        "Pearson",
        "Houghton Mifflin",
        "Scientific Software Group",
        "Cadence Design Systems",
        "Magma Design Automation",
        "Mentor",
        "Altium",
        "Keysight",
        "Tektronix",
        "Rockwell Automation",
        "Schneider Electric",
        "Honeywell",
        "Emerson",
        "Aspen Technology",
        "AspenTech",
        "Schlumberger",
        "Halliburton",
        "Landmark Graphics",
        "Trimble Navigation",
        "Leica",
        "Leica Geosystems",
        "Topcon",
        "Hexagon",
        "Intergraph",
        "Esri ArcGIS",
    },
    key=lambda v: -len(v),
)
VENDOR_SUFFIXES = (
    "Software",
    "Systems",
    "Technologies",
    "Technology",
    "Corporation",
    "Corp",
    "Inc",
    "Inc.",
    "Group",
    "International",
    "Research",
    "Solutions",
    "Labs",
    "Limited",
    "Ltd",
    "Associates",
    "Innovations",
    "Engineering",
    "Incorporated",
    "Company",
    "LLC",
    "Consulting",
    "Development",
)
# Words that, alone or together, are not a product name once the vendor is gone.
GENERIC = {
    "software",
    "database",
    "databases",
    "server",
    "servers",
    "cloud",
    "suite",
    "enterprise",
    "online",
    "platform",
    "analytics",
    "studio",
    "manager",
    "designer",
    "developer",
    "builder",
    "express",
    "professional",
    "pro",
    "standard",
    "premier",
    "plus",
    "system",
    "systems",
    "tools",
    "tool",
    "toolkit",
    "framework",
    "library",
    "office",
    "business",
    "basic",
    "management",
    "data",
    "web",
    "mobile",
    "desktop",
    "network",
    "networks",
    "services",
    "service",
    "products",
    "product",
    "applications",
    "application",
    "solutions",
    "solution",
    "edition",
    "center",
    "centre",
    "works",
    "home",
    "personal",
    "client",
    "portal",
    "connect",
    "reports",
    "reporting",
    "planner",
    "editor",
    "viewer",
    "player",
    "reader",
    "writer",
    "calculator",
    "monitor",
    "explorer",
    "navigator",
    "assistant",
    "advisor",
    "tracker",
    "scheduler",
    "mail",
    "messenger",
    "search",
    "maps",
    "map",
    "drive",
    "docs",
    "forms",
    "sites",
    "help",
    "it",
    "hr",
    "crm",
    "erp",
    "bi",
    "and",
    "for",
    "the",
    "of",
    "on",
    "in",
    "a",
    "an",
    "to",
    "with",
    "by",
    "lab",
    "labs",
    "cad",
    "cam",
    "gis",
    "pos",
    "ehr",
    "emr",
    "lims",
    "io",
    "go",
    "one",
    "x",
    "xp",
    "2",
    "3",
    "4",
    "5",
    "6",
    "7",
    "8",
    "9",
    "10",
    "11",
    "2000",
    "2003",
    "2007",
    "2010",
}
# Tails that make a name a category rather than a product ("EHR software" -> bare "EHR").
CATEGORY_TAILS = {"software", "system", "systems", "programs", "program", "applications"}
# One-word names wordfreq calls common but that are unambiguous in a job posting.
SAFE_WORDS = {
    "facebook",
    "linkedin",
    "google",
    "youtube",
    "instagram",
    "twitter",
    "tiktok",
    "github",
    "gitlab",
    "linux",
    "unix",
    "wordpress",
    "photoshop",
    "illustrator",
    "python",
    "java",
    "javascript",
    "android",
    "ios",
    "iphone",
    "ipad",
    "netflix",
    "amazon",
    "microsoft",
    "oracle",
    "powerpoint",
    "sharepoint",
    "dropbox",
    "skype",
    "pinterest",
    "snapchat",
    "yahoo",
    "wikipedia",
    "bitcoin",
    "ebay",
    "paypal",
    "html",
    "css",
    "sql",
    "php",
    "ajax",
    "json",
    "xml",
}
# Generic-looking tools that are real keywords in postings.
KEEP_TOOLS = {
    "Barcode scanners",
    "Cash registers",
    "Electronic cash registers",
    "Two way radios",
    "Mobile radios",
    "Credit card processing machines",
    "Point of sale POS computer terminals",
    "Label printers",
    "Digital video cameras",
    "Radio frequency identification RFID devices",
}
NOISE_TOOL_SEGMENTS = {"43", "44", "45"}
NOISE_TOOL_MIN_GROUPS = 8

# Tails after which the first word alone names the product ("Jenkins CI" -> "Jenkins").
PRODUCT_TAILS = {"CI", "IDE", "ORM", "DB", "DBMS", "JS", "Framework", "Platform"}
# An alias made with this prefix needs context even if the one-word rule would call it safe.
FORCE_CONTEXT = "\u0000~"
# Vendors whose bare name is used for their products ("Kronos", "Cerner"): each becomes a term
# of its own, in the fields of all its products.
BRAND_VENDORS = {
    "Kronos",
    "Cerner",
    "MEDITECH",
    "Allscripts",
    "athenahealth",
    "eClinicalWorks",
    "NextGen Healthcare",
    "Yardi",
    "Procore",
    "Workday",
    "Salesforce",
    "NetSuite",
    "Blackbaud",
    "Deltek",
    "Epicor",
    "Lawson",
    "Sage",
    "ADP",
    "Tableau Software",
    "Splunk",
    "Informatica",
    "Teradata",
    "Autodesk",
    "Adobe",
    "Oracle",
    "SAP",
    "ESRI",
    "Intuit",
    "Bentley",
    "Trimble",
    "Siemens",
    "Dentrix",
    "Vertafore",
    "Applied Systems",
    "Ellucian",
    "Blackboard",
    "Alteryx",
    "Qlik",
    "MicroStrategy",
    "Infor",
    "JDA",
    "Fiserv",
    "McKesson",
    "GE Healthcare",
    "Philips",
}

ABBR_RE = re.compile(r"^[A-Z][A-Z0-9&/.-]*[A-Z0-9]$")
# A leading size or capacity on a tool: "10 ml pipettes", "16 pound sledge hammers".
QUANTITY_RE = re.compile(
    r"^(?:\d[\d,./-]*\s*(?:-\s*\d[\d,./]*\s*)?)"
    r"(?:ml|millilit(?:er|re)s?|l|lit(?:er|re)s?|pound|lb|ton|tons|inch|in\.?|millimeter|mm|"
    r"centimeter|cm|foot|ft|feet|meter|gallon|gal|ounce|oz|volt|v|amp|watt|kw|kilowatt|hp|"
    r"horsepower|psi|cc|gauge|gram|g|kg|kilogram|cubic yard|yard|person|passenger|wheel|channel|"
    r"axle|speed|step|inch\.)\b\s+",
    re.IGNORECASE,
)


@dataclass
class Entry:
    name: str
    kind: str
    aliases: dict[str, str] = field(default_factory=dict)  # alias -> sense
    fields: set[str] = field(default_factory=set)
    hot: bool = False
    sense: str = ""
    long_name: str = ""  # the expansion-bearing form, when the name is an abbreviation's
    demoted: bool = False


# ---------------------------------------------------------------------------------------------
# Reading the sources


def read_tsv(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        header = handle.readline().rstrip("\r\n").split("\t")
        for line in handle:
            cells = line.rstrip("\r\n").split("\t")
            yield dict(zip(header, cells, strict=False))


def onet_release(onet: Path) -> str:
    readme = onet / "Read Me.txt"
    if readme.is_file():
        return " ".join(readme.read_text(encoding="utf-8").splitlines()[:2]).strip()
    return "unknown release"


def major(code: str) -> str:
    return code[:2]


# ---------------------------------------------------------------------------------------------
# Cleaning helpers


def zipf(word: str) -> float:
    return float(zipf_frequency(word.lower(), "en"))


def load_project_skills(root: Path) -> dict[str, bool]:
    """Words of the hand-written vocabulary: lower-cased form -> listed with ``=`` (exact)."""
    known: dict[str, bool] = {}
    path = root / "resources" / "audit" / "skills.txt"
    if not path.is_file():
        return known
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        for written in line.split(" | "):
            exact = written.strip().startswith("=")
            form = written.strip().lstrip("=")
            if " " not in form:
                known[form.lower()] = known.get(form.lower(), False) or exact
    return known


PROJECT_SKILLS: dict[str, bool] = {}


def one_word_sense(form: str, kind: str) -> str:
    """The sense a form needs (rule 6); multi-word forms are safe."""
    toks = tokenize(form)
    if len(toks) != 1:
        return ""
    word = toks[0].text
    low = word.lower()
    if not word.isalpha():
        return ""  # "C#", "Node.js", "A1-Law", "Charm++": no everyday word looks like that
    if len(word) <= 2:
        return "context"
    if low in PROJECT_SKILLS:
        return "exact_case" if PROJECT_SKILLS[low] else ""
    if low in SAFE_WORDS:
        return ""
    if kind == "tool":
        return "context" if zipf(fold(low)) >= 4.0 or zipf(low) >= 4.0 else ""
    freq = zipf(low)
    if freq >= 4.5:
        return "context"
    if freq >= 3.0:
        return "exact_case"
    return ""


def find_abbreviation(words: list[str]) -> tuple[int, int, int] | None:
    """``(start, end, index)``: words[start:end] expand the all-caps words[index]."""
    for idx, word in enumerate(words):
        if idx == 0 or not ABBR_RE.match(word) or len(word) < 2:
            continue
        letters = [ch.lower() for ch in word if ch.isalnum()]
        if sum(ch.isalpha() for ch in letters) < 2 or len(letters) > 8:
            continue
        # Schwartz-Hearst: walk the abbreviation right to left through the preceding text.
        for start in range(idx - 1, max(-1, idx - 2 * len(letters) - 2), -1):
            text = " ".join(words[start:idx]).lower()
            if (
                _sh_match(letters, text)
                and len(words[start:idx]) <= len(letters) + 2
                and words[start][0].lower() == letters[0]
            ):
                return start, idx, idx
    return None


def _sh_match(letters: list[str], text: str) -> bool:
    s = len(letters) - 1
    t = len(text) - 1
    while s >= 0:
        ch = letters[s]
        while t >= 0 and (text[t] != ch or (s == 0 and t > 0 and text[t - 1].isalnum())):
            t -= 1
        if t < 0:
            return False
        t -= 1
        s -= 1
    # The first letter must start the text's first word (start chosen by the caller).
    return t < 0 or text[: t + 1].strip() == ""


def strip_vendor(name: str) -> tuple[str, str] | None:
    """``(vendor, rest)`` when the name starts with a vendor and something specific follows."""
    for vendor in VENDORS:
        if name.startswith(vendor + " "):
            rest = name[len(vendor) + 1 :].strip()
            return vendor, rest
    words = name.split()
    for k in range(min(4, len(words) - 1), 1, -1):
        head = words[:k]
        if head[-1] in VENDOR_SUFFIXES and all(w[:1].isupper() for w in head):
            return " ".join(head), " ".join(words[k:])
    return None


def is_generic(rest: str) -> bool:
    toks = [t.norm for t in tokenize(rest)]
    return not toks or all(t in GENERIC for t in toks)


def product_alias_sense(rest: str) -> str | None:
    """The sense a vendor-less remainder needs as an alias, or None if it names no product.

    "QuickBooks", "SQL Server", "JIRA": a product word, safe (or the one-word rule decides).
    "Final Cut Pro", "Loss Prevention": only everyday words, but written in Title Case; kept
    with ``context``. "practice management software": not a product without its vendor. A
    lone short acronym that O*NET uses for a category ("WMS", "SRM") or that is a word ("HER")
    is too ambiguous without its vendor.
    """
    words = rest.split()
    if len(words) == 1 and ABBR_RE.match(words[0]) and len(words[0]) <= 4:
        if words[0].lower() in CATEGORY_ABBREVIATIONS or zipf(words[0]) >= 3.0:
            return None
        return ""
    if any(proper(w) or (ABBR_RE.match(w) and len(w) >= 2) for w in words):
        return ""
    if len(words) == 1 and rest[:1].isupper():
        return ""
    if all(w[:1].isupper() or w.lower() in GENERIC for w in words):
        return "context"
    return None


# Abbreviations O*NET expands inside category names ("Warehouse management system WMS"),
# filled by collect_category_abbreviations() before the examples are cleaned.
CATEGORY_ABBREVIATIONS: set[str] = set()


def collect_category_abbreviations(examples: Iterable[str]) -> None:
    for example in examples:
        words = example.split()
        found = find_abbreviation(words)
        if found and words[0][:1].isupper() and all(w.islower() for w in words[1 : found[0] + 1]):
            CATEGORY_ABBREVIATIONS.add(words[found[2]].lower())


def proper(word: str) -> bool:
    """A word that reads as a product name rather than an everyday word."""
    if any(ch.isupper() for ch in word[1:]) or any(ch.isdigit() for ch in word):
        return True
    return word[:1].isupper() and zipf(word) < 3.0


# ---------------------------------------------------------------------------------------------
# Turning an O*NET example into an entry


def clean_example(raw: str, kind: str) -> tuple[str, list[str], str] | None:
    """The canonical name, aliases and long form of one example, or None to drop it.

    The long form (the name with the abbreviation's expansion) replaces the short canonical
    name when two different expansions share one abbreviation ("AED").
    """
    name = " ".join(raw.replace("\u00ae", "").replace("\u2122", "").split())
    aliases: list[str] = []
    long_name = ""
    if kind == "tool":
        bare = QUANTITY_RE.sub("", name)
        if bare != name and bare:
            name = raw = bare[0].upper() + bare[1:]  # the sizes are not kept as aliases
    # Parenthesised abbreviation: "Microsoft Internet Information Services (IIS)".
    paren = re.fullmatch(r"(.+?)\s*\(([^()]+)\)(.*)", name)
    if paren:
        before, inside, after = paren.group(1), paren.group(2), paren.group(3).strip()
        name = " ".join(f"{before} {inside} {after}".split())
    words = name.split()
    found = find_abbreviation(words)
    if found:
        name, long_name = _with_abbreviation(words, found, kind, aliases)
    elif len(words) > MAX_WORDS:
        return None
    if len(name) > MAX_CHARS or len(name.split()) > MAX_WORDS or not any(c.isalpha() for c in name):
        return None
    if not found and kind == "skill":
        name = _without_software_suffix(name, aliases)
    company_alias = _vendor_aliases(name, aliases)
    # "Jenkins CI", "Eclipse IDE", "Hibernate ORM": the product word alone.
    words = name.split()
    if len(words) == 2 and words[1] in PRODUCT_TAILS and words[0][:1].isupper():
        aliases.append(words[0])
    if kind == "tool" and raw != name:
        aliases.append(" ".join(raw.split()))
    out = _distinct_aliases(name, aliases)
    if company_alias:
        out.append(company_alias)
    return name, out, long_name


def _with_abbreviation(
    words: list[str], found: tuple[int, int, int], kind: str, aliases: list[str]
) -> tuple[str, str]:
    """Rule 1: a name holding an abbreviation and its expansion; returns (name, long form)."""
    start, end, idx = found
    abbr = words[idx]
    long_form = " ".join(words[:idx] + words[idx + 1 :])
    short_form = " ".join(words[:start] + words[idx:])
    expansion = " ".join(words[start:end])
    tail = words[idx + 1 :]
    aliases.append(long_form)
    if not tail or all(w.lower() in CATEGORY_TAILS for w in tail):
        if kind == "skill":
            aliases.append(abbr)
        if start == 0:
            aliases.append(expansion)
    vend = strip_vendor(short_form)
    if vend and vend[1] == abbr:
        aliases.append(short_form)
        short_form = abbr
    if start > 0 and words[start - 1].lower() in {"or", "and", "of", "for", "with", "to"}:
        aliases.append(abbr)
        return long_form, ""  # "Semiautomated or automatic ... AED"
    return short_form, long_form


def _without_software_suffix(name: str, aliases: list[str]) -> str:
    """Rule 2: drop a trailing "software" after a proper name."""
    words = name.split()
    if len(words) < 2 or words[-1] != "software":
        return name
    head = words[:-1]
    if (
        all(proper(w) or w in VENDORS for w in head)
        or " ".join(head) in VENDORS
        or (strip_vendor(" ".join(head)) and head[0] in VENDORS)
    ):
        aliases.append(name)
        return " ".join(head)
    return name


def _vendor_aliases(name: str, aliases: list[str]) -> str:
    """Rule 3: the product without its vendor as an alias; returns the company as an alias
    when the company's name is its product's ("Epic Systems"), else ''."""
    vend = strip_vendor(name)
    if not vend:
        return ""
    vendor, rest = vend
    sense = product_alias_sense(rest) if rest and not is_generic(rest) else None
    if sense is None:
        return vendor if rest in VENDOR_SUFFIXES and vendor not in GENERIC else ""
    aliases.append(FORCE_CONTEXT + rest if sense == "context" else rest)
    if vendor == "Microsoft":
        aliases.append(f"MS {rest}")
    # "Looker Analytics" -> "Looker": a product word before generic ones.
    rest_words = rest.split()
    if (
        len(rest_words) >= 2
        and proper(rest_words[0])
        and not ABBR_RE.match(rest_words[0])
        and all(w.lower() in GENERIC for w in rest_words[1:])
    ):
        aliases.append(rest_words[0])
    return ""


def _distinct_aliases(name: str, aliases: list[str]) -> list[str]:
    """The aliases without repeats, the name itself or a vendor alone."""
    out: list[str] = []
    seen = {name.lower()}
    for written in aliases:
        forced = written.startswith(FORCE_CONTEXT)
        alias = " ".join(written.removeprefix(FORCE_CONTEXT).split())
        if alias and alias.lower() not in seen and alias not in VENDORS:
            seen.add(alias.lower())
            out.append(FORCE_CONTEXT + alias if forced else alias)
    return out


# ---------------------------------------------------------------------------------------------
# Building


def add(
    entries: dict[tuple[str, str], Entry],
    name: str,
    kind: str,
    aliases: Iterable[str],
    *,
    fields: Iterable[str] = (),
    hot: bool = False,
    plain: bool = False,
    long_name: str = "",
) -> None:
    """Add or merge a term; ``plain`` terms mean what the everyday word means (no sense)."""
    if LEFT_OUT.search(name) or LEFT_OUT.search(long_name):
        return
    aliases = [a for a in aliases if not LEFT_OUT.search(a)]
    key = (name.lower(), kind)
    entry = entries.get(key)
    if entry is not None and long_name and _gist(entry.long_name) != _gist(long_name):
        # Same abbreviation, another expansion: both fall back to their long forms.
        if entry.long_name and not entry.demoted:
            del entries[key]
            entry.aliases.pop(entry.long_name, None)
            entry.aliases.setdefault(entry.name, entry.sense)
            entry.name, entry.sense, entry.demoted = entry.long_name, "", True
            entries[(entry.name.lower(), kind)] = entry
        aliases = [name, *aliases]
        name, long_name = long_name, ""
        key = (name.lower(), kind)
        entry = entries.get(key)
    if entry is None:
        entry = entries[key] = Entry(
            name, kind, sense="" if plain else one_word_sense(name, kind), long_name=long_name
        )
    for alias in aliases:
        if alias.startswith(FORCE_CONTEXT):
            alias = alias[len(FORCE_CONTEXT) :]  # noqa: PLW2901 - the marker comes off
            if alias.lower() != entry.name.lower():
                entry.aliases.setdefault(alias, "context")
        elif alias.lower() != entry.name.lower():
            entry.aliases.setdefault(alias, "" if plain else one_word_sense(alias, kind))
    entry.fields.update(fields)
    entry.hot = entry.hot or hot


def _gist(text: str) -> str:
    """A long form, loosely: so that "Structure query language" is "Structured query language"."""
    return " ".join(word[:4] for word in text.lower().split())


def build_technology(onet: Path, entries: dict[tuple[str, str], Entry]) -> None:
    by_example: dict[str, set[str]] = defaultdict(set)
    hot: set[str] = set()
    for row in read_tsv(onet / "Technology Skills.txt"):
        example = row["Example"]
        by_example[example].add(major(row["O*NET-SOC Code"]))
        if row.get("Hot Technology") == "Y":
            hot.add(example)
    collect_category_abbreviations(by_example)
    brands: dict[str, set[str]] = defaultdict(set)
    brand_hot: set[str] = set()
    for example in sorted(by_example):
        vend = strip_vendor(example)
        if vend and vend[0] in BRAND_VENDORS:
            brands[vend[0]].update(by_example[example])
            if example in hot:
                brand_hot.add(vend[0])
        cleaned = clean_example(example, "skill")
        if cleaned is None:
            continue
        name, aliases, long_name = cleaned
        add(
            entries,
            name,
            "skill",
            aliases,
            fields=by_example[example],
            hot=example in hot,
            long_name=long_name,
        )
    aliased = {a.lower() for e in entries.values() for a in e.aliases}
    for brand, groups in sorted(brands.items()):
        # A term already named so ("Oracle software" -> "Oracle") is widened to every field.
        if (brand.lower(), "skill") in entries or brand.lower() not in aliased:
            add(entries, brand, "skill", (), fields=groups, hot=brand in brand_hot)


def build_tools(onet: Path, entries: dict[tuple[str, str], Entry]) -> None:
    by_example: dict[str, set[str]] = defaultdict(set)
    segment: dict[str, str] = {}
    for row in read_tsv(onet / "Tools Used.txt"):
        example = row["Example"]
        by_example[example].add(major(row["O*NET-SOC Code"]))
        segment[example] = row["Commodity Code"][:2]
    for example in sorted(by_example):
        groups = by_example[example]
        if (
            segment[example] in NOISE_TOOL_SEGMENTS
            and len(groups) >= NOISE_TOOL_MIN_GROUPS
            and example not in KEEP_TOOLS
        ):
            continue
        cleaned = clean_example(example, "tool")
        if cleaned is None:
            continue
        name, aliases, long_name = cleaned
        add(entries, name, "tool", aliases, fields=groups, long_name=long_name)


# O*NET content-model knowledge areas and basic/cross-functional skills: hand-made aliases.
KNOWLEDGE_ALIASES: dict[str, list[str]] = {
    "Administration and Management": ["business administration", "management principles"],
    "Administrative": ["office administration", "clerical procedures"],
    "Economics and Accounting": ["economics", "accounting principles"],
    "Sales and Marketing": ["sales and marketing principles"],
    "Customer and Personal Service": ["customer service"],
    "Personnel and Human Resources": ["human resources", "personnel management"],
    "Production and Processing": ["production processes"],
    "Food Production": ["food production techniques"],
    "Computers and Electronics": ["computer hardware and software"],
    "Engineering and Technology": ["engineering principles"],
    "Design": ["design principles", "technical drawing"],
    "Building and Construction": ["construction methods", "building construction"],
    "Mechanical": ["mechanical knowledge", "machines and tools"],
    "Mathematics": ["maths", "math"],
    "Physics": [],
    "Chemistry": [],
    "Biology": [],
    "Psychology": [],
    "Sociology and Anthropology": ["sociology", "anthropology"],
    "Geography": [],
    "Medicine and Dentistry": ["medicine", "dentistry"],
    "Therapy and Counseling": ["therapy and counselling", "counseling", "counselling"],
    "Education and Training": ["teaching methods", "instructional design"],
    "English Language": ["English grammar"],
    "Foreign Language": ["foreign languages"],
    "Fine Arts": [],
    "History and Archeology": ["history", "archaeology", "archeology"],
    "Philosophy and Theology": ["philosophy", "theology"],
    "Public Safety and Security": ["public safety", "security procedures"],
    "Law and Government": ["law", "government regulations"],
    "Telecommunications": [],
    "Communications and Media": ["media production", "communications"],
    "Transportation": ["transportation methods"],
}
SKILL_ALIASES: dict[str, list[str]] = {
    "Reading Comprehension": [],
    "Active Listening": [],
    "Writing": ["written communication"],
    "Speaking": ["verbal communication", "oral communication"],
    "Critical Thinking": [],
    "Active Learning": [],
    "Learning Strategies": [],
    "Monitoring": [],
    "Social Perceptiveness": [],
    "Coordination": [],
    "Persuasion": ["persuasive communication"],
    "Negotiation": ["negotiating", "negotiation skills"],
    "Instructing": ["teaching others"],
    "Service Orientation": [],
    "Complex Problem Solving": ["problem solving", "problem-solving"],
    "Operations Analysis": [],
    "Technology Design": [],
    "Equipment Selection": [],
    "Installation": [],
    "Programming": ["computer programming"],
    "Operations Monitoring": [],
    "Operation and Control": ["equipment operation"],
    "Equipment Maintenance": ["preventive maintenance"],
    "Troubleshooting": [],
    "Repairing": ["repairs"],
    "Quality Control Analysis": ["quality control"],
    "Judgment and Decision Making": ["decision making", "decision-making"],
    "Systems Analysis": [],
    "Systems Evaluation": [],
    "Time Management": [],
    "Management of Financial Resources": ["budget management", "financial management"],
    "Management of Material Resources": ["resource management"],
    "Management of Personnel Resources": ["people management", "staff management"],
}


def build_content_model(onet: Path, entries: dict[tuple[str, str], Entry]) -> None:
    for row in read_tsv(onet / "Content Model Reference.txt"):
        element, label = row["Element ID"], row["Element Name"]
        depth = element.count(".")
        if element.startswith("2.C.") and depth in (2, 3) and label in KNOWLEDGE_ALIASES:
            add(entries, label, "knowledge", KNOWLEDGE_ALIASES[label], plain=True)
        elif element.startswith(("2.A.", "2.B.")) and depth == 3 and label in SKILL_ALIASES:
            add(entries, label, "skill", SKILL_ALIASES[label], plain=True)


def build_esco(esco: Path, entries: dict[tuple[str, str], Entry]) -> int:
    """ESCO knowledge concepts with short labels; returns how many were added."""
    added = 0
    with (esco / "skills_en.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row.get("skillType") != "knowledge":
                continue
            label = row["preferredLabel"].strip()
            if not label or len(label.split()) > 4 or len(label) > MAX_CHARS:
                continue
            alts = [
                a.strip()
                for a in row.get("altLabels", "").splitlines()
                if a.strip() and len(a.split()) <= 4
            ]
            add(entries, label, "knowledge", alts, plain=True)
            added += 1
    return added


def title_key(title: str) -> str:
    return " ".join(fold(t.norm) for t in tokenize(title))


def build_titles(onet: Path) -> dict[str, set[str]]:
    titles: dict[str, set[str]] = defaultdict(set)

    def put(raw: str, code: str) -> None:
        raw = raw.strip()
        if not raw or raw == "n/a":
            return
        forms = [raw]
        paren = re.fullmatch(r"(.+?)\s*\(([^()]+)\)\s*(.*)", raw)
        if paren:
            forms = [f"{paren.group(1)} {paren.group(3)}", paren.group(2)]
        for form in forms:
            key = title_key(form)
            if key and len(key.split()) <= MAX_TITLE_WORDS and not LEFT_OUT.search(key):
                titles[key].add(major(code))

    for row in read_tsv(onet / "Occupation Data.txt"):
        put(row["Title"], row["O*NET-SOC Code"])
    for row in read_tsv(onet / "Alternate Titles.txt"):
        put(row["Alternate Title"], row["O*NET-SOC Code"])
        put(row.get("Short Title", ""), row["O*NET-SOC Code"])
    for row in read_tsv(onet / "Sample of Reported Titles.txt"):
        put(row["Reported Job Title"], row["O*NET-SOC Code"])
    return titles


# ---------------------------------------------------------------------------------------------
# Writing


def clean_cell(text: str) -> str:
    return " ".join(text.replace("\t", " ").replace("|", "/").split())


MARKS = {"": "", "exact_case": "=", "context": "~"}


def form_key(form: str) -> str:
    """The folded words of a form, space-joined: what the loader's index is keyed by."""
    return " ".join(fold(t.norm) for t in tokenize(form))


def write_gzip(path: Path, text: str) -> None:
    raw = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz:
        gz.write(text.encode("utf-8"))
    path.write_bytes(raw.getvalue())


def read_certifications(path: Path) -> list[tuple[str, str, list[tuple[str, str]], str]]:
    """Rows of the curated list as ``(name, kind, [(alias, sense)], fields)``; name's sense first.

    The abbreviation names the term when no other row shares it; otherwise the full name does.
    """
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        abbr, full, kind, fields, others, sense = (line.split("\t") + [""] * 6)[:6]
        rows.append((abbr.strip(), full.strip(), kind, fields, others, sense.strip()))
    shared: dict[str, int] = defaultdict(int)
    for row in rows:
        if row[0]:
            shared[row[0].lower()] += 1
    out = []
    for abbr, full, kind, fields, others, sense in rows:
        forms: list[tuple[str, str]] = []
        if abbr and shared[abbr.lower()] == 1:
            forms += [(abbr, sense), (full, "")]
        else:
            forms += [(full, "")] + ([(abbr, sense or "context")] if abbr else [])
        forms += [
            (a.strip(), one_word_sense(a.strip(), "skill")) for a in others.split("|") if a.strip()
        ]
        out.append((forms[0][0], kind, forms, fields))
    return out


def write_terms(
    entries: dict[tuple[str, str], Entry], certifications: Path, out: Path
) -> tuple[str, str, int]:
    """Write ``terms.tsv.gz`` and its word index ``index.tsv.gz``; returns texts and cert count."""
    rows: list[tuple[str, str, list[tuple[str, str]], str, bool]] = []
    for entry in sorted(entries.values(), key=lambda e: (e.kind, e.name.lower(), e.name)):
        forms = [(entry.name, entry.sense), *entry.aliases.items()]
        rows.append((entry.name, entry.kind, forms, ",".join(sorted(entry.fields)), entry.hot))
    certs = read_certifications(certifications) if certifications.is_file() else []
    for name, kind, forms, fields in certs:
        rows.append((name, kind, forms, fields, False))

    lines = ["# name\tkind\taliases (=exact case, ~context)\tSOC major groups\thot\tsense"]
    offset = len(lines[0]) + 1  # where the next line starts, in characters
    index: dict[str, list[str]] = defaultdict(list)
    for name, kind, forms, fields, hot in rows:
        seen: set[str] = set()
        cells = []
        for position, (written, sense) in enumerate(forms):
            form = clean_cell(written)
            if position:
                cells.append(MARKS[sense] + form)
            key = form_key(form)
            if key and key not in seen:
                seen.add(key)
                index[key].append(f"{offset}.{position}")
        line = "\t".join(
            (clean_cell(name), kind, "|".join(cells), fields, "1" if hot else "", forms[0][1])
        )
        lines.append(line)
        offset += len(line) + 1
    terms_text = "\n".join(lines) + "\n"
    longest = max(len(key.split()) for key in index)
    index_lines = [
        "# folded words\toffset.form (character offset of the term's line in terms.tsv;"
        f" form 0 = the name, n = alias n) longest={longest}"
    ]
    index_lines += [f"{key}\t{','.join(refs)}" for key, refs in sorted(index.items())]
    index_text = "\n".join(index_lines) + "\n"
    (out / "terms.tsv").write_text(terms_text, encoding="utf-8", newline="\n")
    (out / "index.tsv").write_text(index_text, encoding="utf-8", newline="\n")
    return terms_text, index_text, len(certs)


def write_titles(titles: dict[str, set[str]], out: Path) -> str:
    lines = ["# title (lower-cased, plural-folded)\tSOC major groups"]
    # Sorted as whole lines, so that the loader can bisect for "title\t".
    lines += sorted(f"{key}\t{','.join(sorted(titles[key]))}" for key in titles)
    text = "\n".join(lines) + "\n"
    write_gzip(out / "titles.tsv.gz", text)
    return text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--onet", type=Path, required=True, help="unzipped db_XX_X_text folder")
    parser.add_argument("--esco", type=Path, help="ESCO English CSV classification folder")
    parser.add_argument(
        "--out", type=Path, required=True, help="profile_helper/resources/vocabulary/"
    )
    parser.add_argument("--plain", action="store_true", help="also write titles.tsv uncompressed")
    args = parser.parse_args(argv)

    PROJECT_SKILLS.update(load_project_skills(Path(__file__).resolve().parent.parent))
    entries: dict[tuple[str, str], Entry] = {}
    build_technology(args.onet, entries)
    build_tools(args.onet, entries)
    build_content_model(args.onet, entries)
    esco_count = build_esco(args.esco, entries) if args.esco else 0
    titles = build_titles(args.onet)

    args.out.mkdir(parents=True, exist_ok=True)
    _terms, _index, cert_count = write_terms(entries, args.out / "certifications.tsv", args.out)
    titles_text = write_titles(titles, args.out)
    if args.plain:
        (args.out / "titles.tsv").write_text(titles_text, encoding="utf-8")

    kinds: dict[str, int] = defaultdict(int)
    for entry in entries.values():
        kinds[entry.kind] += 1
    print(f"O*NET: {onet_release(args.onet)}")
    print(f"ESCO knowledge concepts: {esco_count}")
    print("terms by kind: " + ", ".join(f"{k}={v}" for k, v in sorted(kinds.items())))
    print(f"certifications and licences: {cert_count}")
    print(f"titles: {len(titles)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
