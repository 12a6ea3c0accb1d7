-- An article's total views in a narrow table of their own, no longer a column of the article row (issue 18, ADR
-- 0081). Every flush of the view counter rewrote the rows of the articles read: on PostgreSQL an update of the wide
-- row is a new row version with an entry in each of article's eight indexes (5,000 random articles at 1,000,000:
-- 3.3 s and 180 MB of WAL, against 0.2 s and 45 MB for this table); on H2 a copy of an article leaf page per article,
-- which grew the data file by gigabytes under load. Articles never read have no row.
CREATE TABLE article_views (
  article_id BIGINT NOT NULL,
  views      BIGINT NOT NULL,
  CONSTRAINT pk_article_views PRIMARY KEY (article_id),
  CONSTRAINT fk_article_views_article FOREIGN KEY (article_id) REFERENCES article (id)
) ${table_options};
INSERT INTO article_views (article_id, views) SELECT id, view_count FROM article WHERE view_count > 0;
ALTER TABLE article DROP COLUMN view_count;
