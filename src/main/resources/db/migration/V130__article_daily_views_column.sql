-- The article's primary column beside its views, written when a day's row is first inserted: the 热门排行 ranks each
-- column's most read, and with the column here a ranking reads this table alone instead of looking up every
-- article read in the window (issue 18: 261,657 articles read in a day at 1,000,000 articles made the first
-- ranking take 28 s on H2). A moved article is put under its current column when the ranking reads its items.
ALTER TABLE article_daily_views ADD column_id BIGINT;
UPDATE article_daily_views SET column_id =
  (SELECT a.primary_column_id FROM article a WHERE a.id = article_daily_views.article_id);
