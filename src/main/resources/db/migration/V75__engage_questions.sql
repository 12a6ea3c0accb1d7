-- 互动交流: readers' questions and messages (留言/咨询), owned by the engage feature. A question is about the
-- whole site, a column or an article; column_id is the column whose editors moderate it (an article's primary
-- column), NULL for site-wide questions. contact is private: it is never shown on a public page.
CREATE TABLE engage_question (
  id               ${id_column},
  article_id       BIGINT        NULL,
  column_id        BIGINT        NULL,
  asker_name       VARCHAR(50)   NULL,
  contact          VARCHAR(254)  NOT NULL,
  title            VARCHAR(100)  NOT NULL,
  body             VARCHAR(2000) NOT NULL,
  state            VARCHAR(12)   NOT NULL,
  flags            VARCHAR(1000) NULL,
  client_address   VARCHAR(64)   NOT NULL,
  created_at       ${timestamp}  NOT NULL,
  answer           VARCHAR(4000) NULL,
  answered_by      BIGINT        NULL,
  answered_by_name VARCHAR(100)  NULL,
  answered_at      ${timestamp}  NULL,
  moderation_note  VARCHAR(500)  NULL,
  version          INT           NOT NULL
) ${table_options};

-- The moderation queue (by state, oldest first), the public lists (published, newest answer first, per article or
-- column) and the two rate limits (per client address and per contact, counted over a recent window).
CREATE INDEX ix_question_state ON engage_question (state, created_at);
CREATE INDEX ix_question_article ON engage_question (article_id, state, answered_at);
CREATE INDEX ix_question_column ON engage_question (column_id, state, answered_at);
CREATE INDEX ix_question_published ON engage_question (state, answered_at);
CREATE INDEX ix_question_address ON engage_question (client_address, created_at);
CREATE INDEX ix_question_contact ON engage_question (contact, created_at);
