-- Personal access tokens of the write API (api feature, ADR 0050). The secret itself is never stored: only its
-- SHA-256 (the secret is 256 random bits, so a fast hash cannot be brute-forced) and a short hint to recognise it.
-- owner_id is an app_user id, reached only through the account service (no foreign key into account's tables).
CREATE TABLE api_token (
  id             ${id_column},
  owner_id       BIGINT        NOT NULL,
  name           VARCHAR(60)   NOT NULL,
  secret_hash    VARCHAR(64)   NOT NULL,
  hint           VARCHAR(16)   NOT NULL,
  role           VARCHAR(20)   NOT NULL,
  created_at     ${timestamp}  NOT NULL,
  expires_at     ${timestamp}  NOT NULL,
  revoked_at     ${timestamp}  NULL,
  revoked_by     VARCHAR(100)  NULL,
  last_used_at   ${timestamp}  NULL,
  CONSTRAINT uk_api_token_hash UNIQUE (secret_hash)
) ${table_options};

CREATE INDEX ix_api_token_owner ON api_token (owner_id, created_at);

-- The columns a token may write in (a subset of its owner's at creation; re-checked against the owner's grants
-- at every use).
CREATE TABLE api_token_column (
  token_id   BIGINT  NOT NULL,
  column_id  BIGINT  NOT NULL,
  PRIMARY KEY (token_id, column_id),
  CONSTRAINT fk_api_token_column FOREIGN KEY (token_id) REFERENCES api_token (id)
) ${table_options};

-- Idempotency keys of the write API's POSTs: one row per (token, key), claimed by the unique constraint before the
-- action runs, so concurrent retries cannot both create a draft. status is null while the first request runs.
CREATE TABLE api_idempotency (
  id             ${id_column},
  token_id       BIGINT        NOT NULL,
  idem_key       VARCHAR(200)  NOT NULL,
  request_hash   VARCHAR(64)   NOT NULL,
  status         INT           NULL,
  location       VARCHAR(200)  NULL,
  response_body  ${long_text}  NULL,
  created_at     ${timestamp}  NOT NULL,
  CONSTRAINT uk_api_idempotency UNIQUE (token_id, idem_key)
) ${table_options};

CREATE INDEX ix_api_idempotency_created ON api_idempotency (created_at);
