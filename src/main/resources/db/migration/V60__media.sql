-- Uploaded files (media feature). The bytes live in MediaStorage under storage_key (random, never the
-- uploaded name); original_name is kept, sanitised, only for Content-Disposition and the library page.
CREATE TABLE media_file (
  id             ${id_column},
  storage_key    VARCHAR(80)  NOT NULL,
  kind           VARCHAR(16)  NOT NULL,
  content_type   VARCHAR(100) NOT NULL,
  original_name  VARCHAR(255) NOT NULL,
  search_name    VARCHAR(255) NOT NULL,
  size_bytes     BIGINT       NOT NULL,
  width          INT          NULL,
  height         INT          NULL,
  variants       VARCHAR(200) NULL,
  uploaded_by    BIGINT       NOT NULL,
  created_at     ${timestamp} NOT NULL,
  download_count BIGINT       NOT NULL,
  CONSTRAINT uk_media_key UNIQUE (storage_key)
) ${table_options};

CREATE INDEX ix_media_uploader ON media_file (uploaded_by, id);

-- Which live articles refer to which file, kept by the media feature from the outbox.
CREATE TABLE media_use (
  media_id   BIGINT NOT NULL,
  article_id BIGINT NOT NULL,
  PRIMARY KEY (media_id, article_id),
  CONSTRAINT fk_media_use_media FOREIGN KEY (media_id) REFERENCES media_file (id)
) ${table_options};

CREATE INDEX ix_media_use_article ON media_use (article_id);
