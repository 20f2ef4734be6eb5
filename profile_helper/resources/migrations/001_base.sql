-- Key/value settings of the person: their own profile, goals, preferences. Values are JSON.
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
