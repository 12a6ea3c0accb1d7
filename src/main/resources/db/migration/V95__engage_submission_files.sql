-- Attachments an organisation sent with a 投稿 (engage feature). The files themselves belong to the media feature
-- (media_file, reached only through its service); this keeps which submission brought which file, with a snapshot
-- of the name, type and size, so the editor's page can list them without reading the media tables.
CREATE TABLE engage_submission_file (
  id             ${id_column},
  article_id     BIGINT        NOT NULL,
  file_order     INT           NOT NULL,
  media_id       BIGINT        NOT NULL,
  storage_key    VARCHAR(100)  NOT NULL,
  file_name      VARCHAR(255)  NOT NULL,
  content_type   VARCHAR(120)  NOT NULL,
  size_bytes     BIGINT        NOT NULL,
  CONSTRAINT fk_submission_file_article FOREIGN KEY (article_id) REFERENCES article (id)
) ${table_options};

CREATE INDEX ix_submission_file_article ON engage_submission_file (article_id, file_order);
