-- The back office lists articles of every status, most recently changed first, paged by seek on this index.
CREATE INDEX ix_article_updated ON article (updated_at, id);
