-- The weekly digest (digest feature). One row per date window: generating a window twice finds this row.
CREATE TABLE digest (
  id           ${id_column},
  window_from  DATE          NOT NULL,
  window_to    DATE          NOT NULL,
  article_id   BIGINT        NOT NULL,
  status       VARCHAR(20)   NOT NULL,
  introduction VARCHAR(2000) NOT NULL,
  edited       BOOLEAN       NOT NULL,
  created_at   ${timestamp}  NOT NULL,
  updated_at   ${timestamp}  NOT NULL,
  published_at ${timestamp}  NULL,
  CONSTRAINT uk_digest_window UNIQUE (window_from, window_to)
) ${table_options};

-- A digest's entries in their order; title and summary are copied so editors can shorten them.
CREATE TABLE digest_entry (
  digest_id   BIGINT        NOT NULL,
  sort_order  INT           NOT NULL,
  section_key VARCHAR(64)   NOT NULL,
  article_id  BIGINT        NOT NULL,
  title       VARCHAR(300)  NOT NULL,
  summary     VARCHAR(1000) NOT NULL,
  PRIMARY KEY (digest_id, sort_order),
  CONSTRAINT fk_digest_entry FOREIGN KEY (digest_id) REFERENCES digest (id)
) ${table_options};
