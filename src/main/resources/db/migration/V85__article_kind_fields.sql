-- Item types' own fields (ADR 0043). What a listing needs sits on the article row, so the list query reads no
-- other table and never a body: list_image (derived like list_summary: the cover, else a 一图读懂's image, else a
-- video's poster) and a 公示's period for its badge. The rest (a transcript can be long) in article_fields, one
-- row per article that has any. A revision keeps them all as one snapshot text.
ALTER TABLE article ADD COLUMN list_image VARCHAR(300) NULL;
ALTER TABLE article ADD COLUMN notice_start DATE NULL;
ALTER TABLE article ADD COLUMN notice_end DATE NULL;

CREATE TABLE article_fields (
  article_id     BIGINT       NOT NULL PRIMARY KEY,
  cover_url      VARCHAR(300) NULL,
  notice_contact VARCHAR(300) NULL,
  image_url      VARCHAR(300) NULL,
  transcript     ${long_text} NULL,
  doc_number     VARCHAR(100) NULL,
  issuer         VARCHAR(100) NULL,
  written_on     DATE         NULL,
  validity       VARCHAR(20)  NULL,
  attachment_url VARCHAR(300) NULL,
  video_url      VARCHAR(300) NULL,
  poster_url     VARCHAR(300) NULL,
  external_url   VARCHAR(500) NULL,
  CONSTRAINT fk_article_fields_article FOREIGN KEY (article_id) REFERENCES article (id)
) ${table_options};

-- The policy list filters by 发文机关 and year of 成文日期.
CREATE INDEX ix_article_fields_issuer ON article_fields (issuer, written_on);
CREATE INDEX ix_article_fields_written ON article_fields (written_on);

ALTER TABLE article_revision ADD COLUMN kind_fields ${long_text} NULL;
