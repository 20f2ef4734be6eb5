-- Importing LinkedIn's whole data export: the keys that make a second import of the same export
-- add nothing, and what a contact's timeline keeps of a message.

-- Where an entry of the timeline came from ('message:<conversation>|<time>|<sender>' for a
-- message of the export, 'invitation:...' for an invitation); NULL for what the person logged.
-- A contact has each key once; a message to three people is one entry on each one's timeline.
ALTER TABLE interactions ADD COLUMN source_key TEXT NULL;
-- 'sent' or 'received', seen from the person; NULL where it does not apply (a note, a call).
ALTER TABLE interactions ADD COLUMN direction TEXT NULL
    CHECK (direction IS NULL OR direction IN ('sent', 'received'));
-- The conversation a message belongs to, as the export names it.
ALTER TABLE interactions ADD COLUMN conversation TEXT NULL;
CREATE UNIQUE INDEX interactions_source_key ON interactions(contact_id, source_key)
    WHERE source_key IS NOT NULL;

-- An application imported from the export: 'job:<job URL>', or 'job:<company>|<title>|<day>'
-- for one without a URL. NULL for applications the person added.
ALTER TABLE applications ADD COLUMN source_key TEXT NULL;
CREATE UNIQUE INDEX applications_source_key ON applications(source_key)
    WHERE source_key IS NOT NULL;
