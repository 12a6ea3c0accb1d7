-- Revisions written by the editor's autosave (every 30 s while a draft changes), told apart in the list.
ALTER TABLE article_revision ADD COLUMN autosave BOOLEAN DEFAULT FALSE NOT NULL;
