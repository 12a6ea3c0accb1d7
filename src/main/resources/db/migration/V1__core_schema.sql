-- One schema for H2, PostgreSQL and MariaDB/MySQL. Vendor differences are confined to placeholders
-- set by FlywayPlaceholders: ${id_column}, ${timestamp}, ${long_text}, ${table_options}.

CREATE TABLE column_node (
  id            ${id_column},
  parent_id     BIGINT NULL,
  slug          VARCHAR(64)  NOT NULL,
  name          VARCHAR(64)  NOT NULL,
  description   VARCHAR(500) NULL,
  sort_order    INT          NOT NULL,
  visible       BOOLEAN      NOT NULL,
  created_at    ${timestamp} NOT NULL,
  CONSTRAINT uk_column_slug UNIQUE (slug),
  CONSTRAINT fk_column_parent FOREIGN KEY (parent_id) REFERENCES column_node (id)
) ${table_options};

CREATE TABLE article (
  id                ${id_column},
  external_id       VARCHAR(128)  NULL,
  title             VARCHAR(300)  NOT NULL,
  subtitle          VARCHAR(300)  NULL,
  summary           VARCHAR(1000) NULL,
  list_summary      VARCHAR(1000) NOT NULL,
  source            VARCHAR(200)  NULL,
  author            VARCHAR(200)  NULL,
  editor            VARCHAR(100)  NULL,
  kind              VARCHAR(20)   NOT NULL,
  status            VARCHAR(20)   NOT NULL,
  featured          BOOLEAN       NOT NULL,
  featured_order    INT           NOT NULL,
  primary_column_id BIGINT        NOT NULL,
  region            VARCHAR(100)  NULL,
  published_at      ${timestamp}  NULL,
  created_at        ${timestamp}  NOT NULL,
  updated_at        ${timestamp}  NOT NULL,
  view_count        BIGINT        NOT NULL,
  content_hash      VARCHAR(64)   NULL,
  version           INT           NOT NULL,
  CONSTRAINT uk_article_external UNIQUE (external_id),
  CONSTRAINT fk_article_column FOREIGN KEY (primary_column_id) REFERENCES column_node (id)
) ${table_options};

CREATE INDEX ix_article_featured ON article (featured, status, featured_order);
CREATE INDEX ix_article_region ON article (region, published_at);

-- Bodies live apart so that no list query can read them by accident.
CREATE TABLE article_body (
  article_id BIGINT NOT NULL PRIMARY KEY,
  body_html  ${long_text} NULL,
  CONSTRAINT fk_body_article FOREIGN KEY (article_id) REFERENCES article (id)
) ${table_options};

CREATE TABLE article_column (
  article_id BIGINT NOT NULL,
  column_id  BIGINT NOT NULL,
  PRIMARY KEY (article_id, column_id),
  CONSTRAINT fk_ac_article FOREIGN KEY (article_id) REFERENCES article (id),
  CONSTRAINT fk_ac_column FOREIGN KEY (column_id) REFERENCES column_node (id)
) ${table_options};

-- The public listing of each column: one row per live, non-featured article in that column.
-- Its primary key is the listing order, so every page is an index range scan.
CREATE TABLE column_listing (
  column_id    BIGINT       NOT NULL,
  published_at ${timestamp} NOT NULL,
  article_id   BIGINT       NOT NULL,
  PRIMARY KEY (column_id, published_at, article_id)
) ${table_options};

CREATE INDEX ix_listing_article ON column_listing (article_id);

CREATE TABLE tag (
  id   ${id_column},
  name VARCHAR(64) NOT NULL,
  CONSTRAINT uk_tag_name UNIQUE (name)
) ${table_options};

CREATE TABLE article_tag (
  article_id BIGINT NOT NULL,
  tag_id     BIGINT NOT NULL,
  PRIMARY KEY (article_id, tag_id),
  CONSTRAINT fk_at_article FOREIGN KEY (article_id) REFERENCES article (id),
  CONSTRAINT fk_at_tag FOREIGN KEY (tag_id) REFERENCES tag (id)
) ${table_options};

CREATE INDEX ix_article_tag_tag ON article_tag (tag_id, article_id);

CREATE TABLE outbox_event (
  id           ${id_column},
  event_type   VARCHAR(64)   NOT NULL,
  aggregate_id BIGINT        NOT NULL,
  payload      VARCHAR(2000) NULL,
  created_at   ${timestamp}  NOT NULL
) ${table_options};

CREATE TABLE outbox_consumer (
  name          VARCHAR(64)  NOT NULL PRIMARY KEY,
  last_event_id BIGINT       NOT NULL,
  updated_at    ${timestamp} NOT NULL
) ${table_options};
