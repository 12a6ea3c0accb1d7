-- Near-duplicate detection (content feature): a 64-bit SimHash of each article's normalised text ("whole") and of
-- the first 200 characters of its body ("lead", for truncated copies), and each fingerprint's four 16-bit bands.
-- Two fingerprints within Hamming distance 3 share at least one band exactly, so the band table finds every
-- candidate with one indexed lookup per band. band_key = kind << 18 | band << 16 | the band's 16 bits.
CREATE TABLE article_fingerprint (
  article_id  BIGINT NOT NULL,
  whole_hash  BIGINT NOT NULL,
  lead_hash   BIGINT NULL,
  CONSTRAINT pk_article_fingerprint PRIMARY KEY (article_id)
) ${table_options};

CREATE TABLE fingerprint_band (
  band_key    INT    NOT NULL,
  article_id  BIGINT NOT NULL,
  CONSTRAINT pk_fingerprint_band PRIMARY KEY (band_key, article_id)
) ${table_options};

CREATE INDEX ix_fingerprint_band_article ON fingerprint_band (article_id);
