-- Login attempts counted per (client address + user name) and per client address; replaces the account lock
-- (docs/adr/0020). A row is claimed with a compare-and-set UPDATE on attempts, so parallel guesses on any
-- number of nodes each need a slot of their own.
CREATE TABLE login_throttle (
  throttle_key VARCHAR(250) NOT NULL PRIMARY KEY,
  username     VARCHAR(100) NULL,
  attempts     INT          NOT NULL,
  next_at      ${timestamp} NOT NULL,
  updated_at   ${timestamp} NOT NULL
) ${table_options};

CREATE INDEX ix_login_throttle_user ON login_throttle (username);
CREATE INDEX ix_login_throttle_updated ON login_throttle (updated_at);
