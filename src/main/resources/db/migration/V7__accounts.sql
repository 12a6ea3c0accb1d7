-- Back-office accounts. Passwords are stored only as BCrypt hashes; failed logins and locks live on the row
-- so that every node behind a load balancer throttles the same way.
CREATE TABLE app_user (
  id                  ${id_column},
  username            VARCHAR(64)  NOT NULL,
  display_name        VARCHAR(100) NOT NULL,
  password_hash       VARCHAR(200) NOT NULL,
  administrator       BOOLEAN      NOT NULL,
  enabled             BOOLEAN      NOT NULL,
  failed_logins       INT          NOT NULL,
  last_failed_at      ${timestamp} NULL,
  locked_until        ${timestamp} NULL,
  password_changed_at ${timestamp} NOT NULL,
  created_at          ${timestamp} NOT NULL,
  CONSTRAINT uk_user_name UNIQUE (username)
) ${table_options};

-- What a user may do in a column: one row per (user, column, role). Administrators need no rows.
CREATE TABLE column_grant (
  user_id   BIGINT      NOT NULL,
  column_id BIGINT      NOT NULL,
  role      VARCHAR(20) NOT NULL,
  PRIMARY KEY (user_id, column_id, role),
  CONSTRAINT fk_grant_user FOREIGN KEY (user_id) REFERENCES app_user (id),
  CONSTRAINT fk_grant_column FOREIGN KEY (column_id) REFERENCES column_node (id)
) ${table_options};

CREATE INDEX ix_grant_column ON column_grant (column_id, role);
