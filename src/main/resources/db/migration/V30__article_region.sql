-- Region tags (issue 13). The region feature owns these tables; it reads articles through the content service.

-- The places an article is about: one primary row and the others it names. source says who chose them:
-- MACHINE (the tagger; replaced on every re-tag) or PERSON (an editor; a re-tag leaves the article alone).
CREATE TABLE article_region (
  article_id  BIGINT      NOT NULL,
  region_code VARCHAR(16) NOT NULL,
  is_primary  BOOLEAN     NOT NULL,
  source      VARCHAR(10) NOT NULL,
  PRIMARY KEY (article_id, region_code)
) ${table_options};

CREATE INDEX ix_article_region_code ON article_region (region_code, article_id);

-- The public listing of each region: one row per live article for each region it is tagged with and each
-- region above those (a 浑南区 item is listed under 浑南区, 沈阳市 and 辽宁省). The primary key is the listing
-- order, so a region page is an index range scan, as for column_listing.
CREATE TABLE region_listing (
  region_code  VARCHAR(16)  NOT NULL,
  published_at ${timestamp} NOT NULL,
  article_id   BIGINT       NOT NULL,
  PRIMARY KEY (region_code, published_at, article_id)
) ${table_options};

CREATE INDEX ix_region_listing_article ON region_listing (article_id);
