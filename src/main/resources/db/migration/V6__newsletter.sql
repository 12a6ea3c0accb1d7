-- Newsletter subscribers (double opt-in) and the send log (digest feature, newsletter).
CREATE TABLE newsletter_subscriber (
  id                   ${id_column},
  email                VARCHAR(254) NOT NULL,
  status               VARCHAR(20)  NOT NULL,
  confirm_token_hash   VARCHAR(64)  NULL,
  confirm_sent_at      ${timestamp} NULL,
  confirm_window_start ${timestamp} NULL,
  confirm_sends        INT          NOT NULL,
  unsubscribe_token    VARCHAR(64)  NOT NULL,
  created_at           ${timestamp} NOT NULL,
  confirmed_at         ${timestamp} NULL,
  unsubscribed_at      ${timestamp} NULL,
  CONSTRAINT uk_subscriber_email UNIQUE (email),
  CONSTRAINT uk_subscriber_unsubscribe UNIQUE (unsubscribe_token)
) ${table_options};

CREATE INDEX ix_subscriber_confirm ON newsletter_subscriber (confirm_token_hash);
CREATE INDEX ix_subscriber_status ON newsletter_subscriber (status, id);

-- One row per (digest, subscriber): claimed (SENDING) before the mail goes out, SENT after, so a restart
-- neither loses nor repeats a mail (docs/adr/0006).
CREATE TABLE newsletter_send (
  id            ${id_column},
  digest_id     BIGINT        NOT NULL,
  subscriber_id BIGINT        NOT NULL,
  status        VARCHAR(20)   NOT NULL,
  attempts      INT           NOT NULL,
  claimed_at    ${timestamp}  NULL,
  sent_at       ${timestamp}  NULL,
  last_error    VARCHAR(1000) NULL,
  created_at    ${timestamp}  NOT NULL,
  CONSTRAINT uk_send_digest_subscriber UNIQUE (digest_id, subscriber_id)
) ${table_options};

CREATE INDEX ix_send_status ON newsletter_send (status, id);
