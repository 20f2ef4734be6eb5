-- The person's own LinkedIn profile beyond the few settings messages use: their positions,
-- education, certifications and skills, as LinkedIn's data export or the person gives them.
-- Dates keep the precision they came with: 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'; '' is unknown
-- (not NULL, so that the UNIQUE keys below also hold for undated rows).
CREATE TABLE my_positions (
    id INTEGER PRIMARY KEY,
    company TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    location TEXT NOT NULL DEFAULT '',
    started_on TEXT NOT NULL DEFAULT '',
    -- '' while the position is current.
    finished_on TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT 'manual',
    UNIQUE (company, title, started_on)
);

CREATE TABLE my_education (
    id INTEGER PRIMARY KEY,
    school TEXT NOT NULL DEFAULT '',
    degree TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    activities TEXT NOT NULL DEFAULT '',
    started_on TEXT NOT NULL DEFAULT '',
    finished_on TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT 'manual',
    UNIQUE (school, degree, started_on)
);

CREATE TABLE my_certifications (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    authority TEXT NOT NULL DEFAULT '',
    url TEXT NOT NULL DEFAULT '',
    license_number TEXT NOT NULL DEFAULT '',
    started_on TEXT NOT NULL DEFAULT '',
    finished_on TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT 'manual',
    UNIQUE (name, authority)
);

-- The skills on the profile, in LinkedIn's order, with how many endorsements each received.
CREATE TABLE my_skills (
    name TEXT PRIMARY KEY COLLATE NOCASE,
    position INTEGER NOT NULL DEFAULT 0,
    endorsements INTEGER NOT NULL DEFAULT 0 CHECK (endorsements >= 0),
    source TEXT NOT NULL DEFAULT 'manual'
);
