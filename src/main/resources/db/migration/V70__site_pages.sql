-- Single pages (关于我们, 联系我们 …) that administrators edit in the back office. Owned by the sitepage feature.
-- The body is stored sanitised (BodySanitizer); the slug is the page's address /page/{slug} and never changes.
CREATE TABLE site_page (
  id          ${id_column},
  slug        VARCHAR(64)  NOT NULL,
  title       VARCHAR(100) NOT NULL,
  body_html   ${long_text} NOT NULL,
  updated_at  ${timestamp} NOT NULL,
  updated_by  VARCHAR(100) NULL,
  CONSTRAINT uk_site_page_slug UNIQUE (slug)
) ${table_options};

INSERT INTO site_page (slug, title, body_html, updated_at, updated_by) VALUES
  ('about', '关于我们', '<p>本网站由中国社会工作联合会主办，为促进社会工作行业发展提供展示和交流平台，发布行业动态、政策法规、理论研究和联合会动态。</p><p>管理员可在后台“单页”中修改本页内容。</p>', CURRENT_TIMESTAMP, NULL),
  ('contact', '联系我们', '<p>欢迎来信来稿，提出意见和建议。</p><p>管理员可在后台“单页”中填写通信地址、邮编、电话和电子邮箱。</p>', CURRENT_TIMESTAMP, NULL);
