-- 投稿 from member organisations (engage feature). An organisation logs in on the public side only: it is not an
-- app_user and has no back-office role. Its submissions are ordinary articles in the editorial workflow, owned by
-- the organisation's actor id (the negative of its id, so it can never equal a staff user's id).
CREATE TABLE engage_organisation (
  id                  ${id_column},
  name                VARCHAR(60)   NOT NULL,
  contact_person      VARCHAR(30)   NOT NULL,
  email               VARCHAR(254)  NOT NULL,
  phone               VARCHAR(20)   NOT NULL,
  password_hash       VARCHAR(200)  NOT NULL,
  email_verified_at   ${timestamp}  NULL,
  verify_token_hash   VARCHAR(64)   NULL,
  verify_sent_at      ${timestamp}  NULL,
  enabled             BOOLEAN       NOT NULL,
  failed_logins       INT           NOT NULL,
  locked_until        ${timestamp}  NULL,
  client_address      VARCHAR(64)   NOT NULL,
  created_at          ${timestamp}  NOT NULL,
  CONSTRAINT uk_organisation_email UNIQUE (email)
) ${table_options};

CREATE INDEX ix_organisation_token ON engage_organisation (verify_token_hash);
CREATE INDEX ix_organisation_address ON engage_organisation (client_address, created_at);

-- Which articles an organisation sent (the article and its workflow row say where each stands).
CREATE TABLE engage_submission (
  id              ${id_column},
  organisation_id BIGINT       NOT NULL,
  article_id      BIGINT       NOT NULL,
  client_address  VARCHAR(64)  NOT NULL,
  created_at      ${timestamp} NOT NULL,
  CONSTRAINT fk_submission_organisation FOREIGN KEY (organisation_id) REFERENCES engage_organisation (id),
  CONSTRAINT fk_submission_article FOREIGN KEY (article_id) REFERENCES article (id)
) ${table_options};

CREATE INDEX ix_submission_organisation ON engage_submission (organisation_id, created_at);
CREATE INDEX ix_submission_address ON engage_submission (client_address, created_at);
