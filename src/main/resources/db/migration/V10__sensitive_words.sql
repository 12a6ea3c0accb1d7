-- Words an administrator forbids in published articles (敏感词). Owned by the admin feature.
CREATE TABLE sensitive_word (
  id         ${id_column},
  word       VARCHAR(100) NOT NULL,
  created_at ${timestamp}  NOT NULL,
  created_by BIGINT        NULL,
  CONSTRAINT uk_sensitive_word UNIQUE (word)
) ${table_options};
