-- Saved profile audits: the texts audited, when, under which name, and the score then.
-- The texts are kept so that an audit can be restored and run again with newer rules.
CREATE TABLE audits (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    created_at TEXT NOT NULL,          -- ISO 8601 UTC, e.g. 2026-01-15T10:00:00Z
    headline TEXT NOT NULL DEFAULT '',
    about TEXT NOT NULL DEFAULT '',
    skills TEXT NOT NULL DEFAULT '',
    job TEXT NOT NULL DEFAULT '',
    score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 100),
    match_rate REAL CHECK (match_rate IS NULL OR match_rate BETWEEN 0 AND 1),
    result_json TEXT NOT NULL          -- the audit's JSON as it was when saved
);
CREATE INDEX audits_created_at ON audits(created_at);
