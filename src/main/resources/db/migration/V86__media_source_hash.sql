-- Files stored by an import carry the SHA-256 of the bytes they were made from, so importing the same file again
-- answers the file already stored (a re-import changes nothing) instead of storing a copy under a new key.
ALTER TABLE media_file ADD COLUMN source_sha256 VARCHAR(64) NULL;
CREATE INDEX ix_media_source ON media_file (source_sha256);
