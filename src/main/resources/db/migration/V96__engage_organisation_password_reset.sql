-- An organisation resets its password through a link mailed to its verified email (engage feature). Only the
-- token's hash is kept; reset_sent_at both dates the link (it works for an hour) and spaces the mails out.
ALTER TABLE engage_organisation ADD reset_token_hash VARCHAR(64) NULL;
ALTER TABLE engage_organisation ADD reset_sent_at ${timestamp} NULL;
CREATE INDEX ix_organisation_reset_token ON engage_organisation (reset_token_hash);
