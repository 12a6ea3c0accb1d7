-- The editorial side of articles, owned by the admin feature. The public truth stays in article/article_body;
-- these tables hold every saved version, where each article stands in review, and what everyone did.

-- Every save is a new, never-changed row. Column ids and tags are stored as lists in text: a revision is a
-- snapshot, not something to join against.
CREATE TABLE article_revision (
  id             ${id_column},
  article_id     BIGINT        NOT NULL,
  number         INT           NOT NULL,
  base_number    INT           NOT NULL,
  title          VARCHAR(300)  NOT NULL,
  subtitle       VARCHAR(300)  NULL,
  summary        VARCHAR(1000) NULL,
  body_html      ${long_text}  NULL,
  source         VARCHAR(200)  NULL,
  author         VARCHAR(200)  NULL,
  editor         VARCHAR(100)  NULL,
  kind           VARCHAR(20)   NOT NULL,
  featured       BOOLEAN       NOT NULL,
  column_ids     VARCHAR(500)  NOT NULL,
  tags           VARCHAR(2000) NULL,
  region         VARCHAR(100)  NULL,
  published_at   ${timestamp}  NULL,
  created_by     BIGINT        NULL,
  created_by_name VARCHAR(100) NOT NULL,
  created_at     ${timestamp}  NOT NULL,
  CONSTRAINT uk_revision_number UNIQUE (article_id, number),
  CONSTRAINT fk_revision_article FOREIGN KEY (article_id) REFERENCES article (id)
) ${table_options};

-- Where the newest revision of each article stands. version guards every transition (compare and set), so
-- two editors or two nodes cannot both move the same article.
CREATE TABLE article_workflow (
  article_id      BIGINT        NOT NULL PRIMARY KEY,
  state           VARCHAR(20)   NOT NULL,
  review_level    INT           NOT NULL,
  owner_id        BIGINT        NULL,
  column_id       BIGINT        NOT NULL,
  latest_revision INT           NOT NULL,
  live_revision   INT           NULL,
  live            BOOLEAN       NOT NULL,
  go_live_at      ${timestamp}  NULL,
  expire_at       ${timestamp}  NULL,
  last_comment    VARCHAR(2000) NULL,
  updated_at      ${timestamp}  NOT NULL,
  updated_by      BIGINT        NULL,
  version         INT           NOT NULL,
  CONSTRAINT fk_workflow_article FOREIGN KEY (article_id) REFERENCES article (id)
) ${table_options};

CREATE INDEX ix_workflow_state ON article_workflow (state, column_id, updated_at);
CREATE INDEX ix_workflow_owner ON article_workflow (owner_id, state, updated_at);
CREATE INDEX ix_workflow_go_live ON article_workflow (go_live_at);
CREATE INDEX ix_workflow_expire ON article_workflow (expire_at);

-- How many review levels (1 to 3: 初审/复审/终审) a column's articles pass. Columns without a row use 3.
CREATE TABLE column_review_levels (
  column_id BIGINT NOT NULL PRIMARY KEY,
  levels    INT    NOT NULL,
  CONSTRAINT fk_review_levels_column FOREIGN KEY (column_id) REFERENCES column_node (id)
) ${table_options};

-- Append-only: the application has no UPDATE or DELETE statement for this table.
CREATE TABLE audit_log (
  id              ${id_column},
  at              ${timestamp}  NOT NULL,
  actor_id        BIGINT        NULL,
  actor_name      VARCHAR(100)  NOT NULL,
  action          VARCHAR(40)   NOT NULL,
  article_id      BIGINT        NULL,
  revision_number INT           NULL,
  address         VARCHAR(64)   NULL,
  comment         VARCHAR(2000) NULL
) ${table_options};

CREATE INDEX ix_audit_at ON audit_log (at);
CREATE INDEX ix_audit_article ON audit_log (article_id, at);
CREATE INDEX ix_audit_actor ON audit_log (actor_id, at);

