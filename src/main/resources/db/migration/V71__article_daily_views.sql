-- Views per article and day (China time), written by the view counter's batched flush (one row change per article
-- and flush, never per view) and read by the 热门排行 (most read this week / month). Owned by the content feature.
-- The key leads with the day: rankings read a range of days; old days are deleted in ranges.
CREATE TABLE article_daily_views (
  view_day    DATE   NOT NULL,
  article_id  BIGINT NOT NULL,
  views       BIGINT NOT NULL,
  CONSTRAINT pk_article_daily_views PRIMARY KEY (view_day, article_id)
) ${table_options};
