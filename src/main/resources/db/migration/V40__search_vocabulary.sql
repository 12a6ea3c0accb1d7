-- The editors' additions to the search vocabulary (搜索词典): dictionary words and synonym groups, on top of the
-- defaults shipped in the jar. Owned by the search feature.
CREATE TABLE search_vocabulary (
  id         ${id_column},
  kind       VARCHAR(10)  NOT NULL,
  entry      VARCHAR(300) NOT NULL,
  created_at ${timestamp} NOT NULL,
  created_by BIGINT       NULL,
  CONSTRAINT uk_search_vocabulary UNIQUE (kind, entry)
) ${table_options};
