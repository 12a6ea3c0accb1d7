-- Feeds, sitemaps and the digest composer read live articles by publish time (site-wide and per window)
-- and by id (sitemap pages); without this index each would scan the whole article table.
CREATE INDEX ix_article_live ON article (status, published_at, id);
