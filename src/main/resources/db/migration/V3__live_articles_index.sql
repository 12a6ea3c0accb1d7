-- Feeds, sitemaps and the digest composer read live articles by publish time (site-wide and per window)
-- and by id (sitemap pages); without these indexes each would scan and sort the whole article table.
CREATE INDEX ix_article_live ON article (status, published_at, id);
CREATE INDEX ix_article_live_id ON article (status, id);
