-- Editorial slots on the home page (头条, 图片新闻, 推荐阅读) and 专题 (topic pages), owned by the topic feature.
-- Slots and curated topic items keep article ids and an order; what is shown is read live at render time, so an
-- article taken off the site drops out of every slot by itself.
CREATE TABLE topic_slot_item (
  id         ${id_column},
  slot       VARCHAR(20)  NOT NULL,
  article_id BIGINT       NOT NULL,
  position   INT          NOT NULL,
  image_url  VARCHAR(500) NULL,
  caption    VARCHAR(100) NULL,
  created_at ${timestamp} NOT NULL,
  CONSTRAINT uk_slot_article UNIQUE (slot, article_id),
  CONSTRAINT fk_slot_article FOREIGN KEY (article_id) REFERENCES article (id)
) ${table_options};

CREATE INDEX ix_slot_position ON topic_slot_item (slot, position);

CREATE TABLE topic (
  id            ${id_column},
  slug          VARCHAR(64)   NOT NULL,
  title         VARCHAR(100)  NOT NULL,
  banner_url    VARCHAR(500)  NULL,
  introduction  VARCHAR(4000) NULL,
  query_tag     VARCHAR(100)  NULL,
  query_keyword VARCHAR(100)  NULL,
  visible       BOOLEAN       NOT NULL,
  created_at    ${timestamp}  NOT NULL,
  updated_at    ${timestamp}  NOT NULL,
  CONSTRAINT uk_topic_slug UNIQUE (slug)
) ${table_options};

CREATE TABLE topic_item (
  topic_id   BIGINT NOT NULL,
  article_id BIGINT NOT NULL,
  position   INT    NOT NULL,
  PRIMARY KEY (topic_id, article_id),
  CONSTRAINT fk_topic_item_topic FOREIGN KEY (topic_id) REFERENCES topic (id),
  CONSTRAINT fk_topic_item_article FOREIGN KEY (article_id) REFERENCES article (id)
) ${table_options};

CREATE INDEX ix_topic_item_position ON topic_item (topic_id, position);
