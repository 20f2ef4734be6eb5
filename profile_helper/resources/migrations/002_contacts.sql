-- The networking CRM: contacts, their tags, the timeline of interactions, and follow-ups.
CREATE TABLE contacts (
    id INTEGER PRIMARY KEY,
    first_name TEXT NOT NULL DEFAULT '',
    last_name TEXT NOT NULL DEFAULT '',
    position TEXT NOT NULL DEFAULT '',
    company TEXT NOT NULL DEFAULT '',
    location TEXT NOT NULL DEFAULT '',
    -- JSON lists: several of each, in the order the person gave them.
    emails TEXT NOT NULL DEFAULT '[]',
    phones TEXT NOT NULL DEFAULT '[]',
    -- JSON list of {"label": ..., "url": ...}: every web address besides the LinkedIn profile.
    websites TEXT NOT NULL DEFAULT '[]',
    -- The LinkedIn profile URL, normalised: the strongest identity a contact has.
    url TEXT UNIQUE,
    notes TEXT NOT NULL DEFAULT '',
    how_met TEXT NOT NULL DEFAULT '',
    tier INTEGER CHECK (tier IS NULL OR tier BETWEEN 1 AND 3),
    status TEXT NOT NULL DEFAULT 'to contact',
    connected_on TEXT,
    source TEXT NOT NULL DEFAULT 'manual',
    last_interaction TEXT,
    -- Stay-in-touch cadence of this contact in days; NULL means the tags' cadence, if any.
    cadence_days INTEGER CHECK (cadence_days IS NULL OR cadence_days > 0),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    -- Identity keys (first email, name + company) and the casefolded text that search scans.
    email_key TEXT,
    name_key TEXT NOT NULL DEFAULT '',
    search_text TEXT NOT NULL DEFAULT '',
    -- Casefolded "last first" (or the first name alone): the default order of lists.
    sort_key TEXT NOT NULL DEFAULT ''
);
-- No indexes on the identity keys: an import loads them all into memory once.
CREATE INDEX contacts_sort_key ON contacts(sort_key);

CREATE TABLE contact_tags (
    contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    tag TEXT NOT NULL,
    PRIMARY KEY (contact_id, tag)
) WITHOUT ROWID;
CREATE INDEX contact_tags_tag ON contact_tags(tag COLLATE NOCASE);

-- Stay-in-touch cadence for everyone with a tag (for example "mentor": every 30 days).
CREATE TABLE tag_cadences (
    tag TEXT PRIMARY KEY COLLATE NOCASE,
    days INTEGER NOT NULL CHECK (days > 0)
);

CREATE TABLE interactions (
    id INTEGER PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    occurred_on TEXT NOT NULL,
    summary TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX interactions_contact ON interactions(contact_id, occurred_on);

CREATE TABLE follow_ups (
    id INTEGER PRIMARY KEY,
    contact_id INTEGER NULL REFERENCES contacts(id) ON DELETE CASCADE,
    due TEXT NOT NULL,
    reason TEXT NOT NULL,
    done_at TEXT NULL,
    created_at TEXT NOT NULL,
    -- 'manual' follow-ups are set by the person; 'cadence' ones by a stay-in-touch cadence.
    kind TEXT NOT NULL DEFAULT 'manual'
);
CREATE INDEX follow_ups_open ON follow_ups(due) WHERE done_at IS NULL;
CREATE INDEX follow_ups_contact ON follow_ups(contact_id, done_at, due);
