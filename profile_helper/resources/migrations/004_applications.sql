-- Job applications, the people involved, their timeline, and the log of skills learned.
CREATE TABLE applications (
    id INTEGER PRIMARY KEY,
    company TEXT NOT NULL,
    role TEXT NOT NULL,
    url TEXT NOT NULL DEFAULT '',
    job_text TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT '',
    applied_on TEXT NULL,
    status TEXT NOT NULL DEFAULT 'saved' CHECK (status IN (
        'saved', 'applied', 'screening', 'interviewing', 'offer', 'accepted', 'rejected',
        'withdrawn', 'ghosted'
    )),
    -- The stage a rejection happened at (applied, screening, interviewing, offer).
    rejected_stage TEXT NULL,
    -- The next (or last) interview day, when there is one.
    interview_on TEXT NULL,
    salary TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    -- The day of the last change of status: what lists sort and stale checks look at.
    updated_on TEXT NOT NULL
);
CREATE INDEX applications_status ON applications(status, updated_on);
CREATE INDEX applications_applied ON applications(applied_on);

-- Recruiter, referrer, interviewers: the contacts involved, each in one or more roles.
CREATE TABLE application_contacts (
    application_id INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
    contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    role TEXT NOT NULL DEFAULT 'contact'
        CHECK (role IN ('recruiter', 'referrer', 'interviewer', 'hiring manager', 'contact')),
    PRIMARY KEY (application_id, contact_id, role)
) WITHOUT ROWID;
CREATE INDEX application_contacts_contact ON application_contacts(contact_id);

-- The timeline: every change of status, interview and note, with its day.
CREATE TABLE application_events (
    id INTEGER PRIMARY KEY,
    application_id INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
    occurred_on TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('status', 'interview', 'note')),
    from_status TEXT NULL,
    status TEXT NULL,
    stage TEXT NULL,
    note TEXT NOT NULL DEFAULT '',
    -- JSON list of the follow-ups this entry set, so that undoing it removes exactly those.
    follow_up_ids TEXT NOT NULL DEFAULT '[]',
    created_at TEXT NOT NULL
);
CREATE INDEX application_events_app ON application_events(application_id, occurred_on);
CREATE INDEX application_events_status ON application_events(status, occurred_on);

-- Follow-ups that an application's events create land in the same list as contacts' ones.
ALTER TABLE follow_ups ADD COLUMN application_id INTEGER NULL
    REFERENCES applications(id) ON DELETE CASCADE;
-- The message template that writes this follow-up (feedback_request, thank_you_interview).
ALTER TABLE follow_ups ADD COLUMN template TEXT NULL;
CREATE INDEX follow_ups_application ON follow_ups(application_id, done_at);

-- The weekly habit of learning one skill: what was learned, and when.
CREATE TABLE skills_learned (
    id INTEGER PRIMARY KEY,
    learned_on TEXT NOT NULL,
    skill TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX skills_learned_day ON skills_learned(learned_on);
