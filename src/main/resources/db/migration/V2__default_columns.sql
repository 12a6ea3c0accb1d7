-- The columns of a social-work federation portal. Editors rename, reorder or hide them later.
INSERT INTO column_node (parent_id, slug, name, description, sort_order, visible, created_at) VALUES
  (NULL, 'news',       '行业动态',   '全国各地社会工作行业的最新动态', 10, TRUE, CURRENT_TIMESTAMP),
  (NULL, 'policy',     '政策法规',   '社会工作相关政策文件与法律法规', 20, TRUE, CURRENT_TIMESTAMP),
  (NULL, 'research',   '理论研究',   '社会工作理论与实务研究',         30, TRUE, CURRENT_TIMESTAMP),
  (NULL, 'federation', '联合会动态', '中国社会工作联合会工作动态',     40, TRUE, CURRENT_TIMESTAMP),
  (NULL, 'notices',    '通知公告',   '通知、公告与公示',               50, TRUE, CURRENT_TIMESTAMP),
  (NULL, 'weekly',     '一周动态',   '社会工作一周动态:政策参考、联合会动态、行业动态', 60, TRUE, CURRENT_TIMESTAMP);
