#!/usr/bin/env bash
# Makes the real-WordPress WXR fixture under src/test/resources/wxr/: installs WordPress (the Debian package) into a
# throw-away MariaDB database and content folder, writes a few Chinese posts through WordPress's own API
# (categories, tags, a draft, a pending post, a private post, a page, an image attachment used as featured image and
# in a [caption], a Gutenberg block post), and exports them with WordPress's own export_wp().
#
#   apt-get install -y wordpress php-cli php-mysql     # Debian 12: WordPress 6.1, PHP 8.2 (php-gd for thumbnails)
#   bench/wordpress-fixture.sh                         # MariaDB at 127.0.0.1:3306, root without password
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=src/test/resources/wxr
DB=${WXR_DB:-wxr_fixture}
WORK=$(mktemp -d /tmp/wxr-fixture.XXXXXX)
trap 'rm -rf "$WORK"; mysql -h127.0.0.1 -uroot -e "DROP DATABASE IF EXISTS $DB" || true' EXIT
mysql -h127.0.0.1 -uroot -e "DROP DATABASE IF EXISTS $DB; CREATE DATABASE $DB CHARACTER SET utf8mb4"
mkdir -p "$WORK/wp-content/uploads"

cat > "$WORK/make.php" <<'PHP'
<?php
// WordPress bootstrapped from the command line without a web server: the constants wp-config.php would set.
$_SERVER['HTTP_HOST'] = 'shegong-wp.example';
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';
define('WP_INSTALLING', true);
define('ABSPATH', '/usr/share/wordpress/');
define('DB_NAME', getenv('WXR_DB'));
define('DB_USER', 'root');
define('DB_PASSWORD', '');
define('DB_HOST', '127.0.0.1:3306');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
define('WP_CONTENT_DIR', getenv('WXR_WORK') . '/wp-content');
define('WP_CONTENT_URL', 'http://shegong-wp.example/wp-content');
define('WP_HOME', 'http://shegong-wp.example');
define('WP_SITEURL', 'http://shegong-wp.example');
define('WP_DEBUG', false);
define('AUTOMATIC_UPDATER_DISABLED', true);
$table_prefix = 'wp_';
require ABSPATH . 'wp-settings.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/image.php';
require_once ABSPATH . 'wp-admin/includes/export.php';

wp_install('社工测试站', 'admin', 'admin@shegong-wp.example', true, '', 'fixture-password');
update_option('timezone_string', 'Asia/Shanghai');
update_option('gmt_offset', 8);
update_option('permalink_structure', '/%year%/%monthnum%/%postname%/');
update_option('uploads_use_yearmonth_folders', 1);
$admin = get_user_by('login', 'admin');
wp_update_user(['ID' => $admin->ID, 'display_name' => '王编辑', 'first_name' => '编辑', 'last_name' => '王']);
$writer = wp_insert_user(['user_login' => 'lixiaohong', 'user_pass' => 'fixture-password',
    'user_email' => 'li@shegong-wp.example', 'display_name' => '李晓红', 'role' => 'author']);
wp_set_current_user($admin->ID);

// Categories: two that the portal has (by name 行业动态, by slug notice), one child, one it does not have.
$news = wp_insert_term('行业动态', 'category', ['slug' => 'hangye']);
$notice = wp_insert_term('通知公告', 'category', ['slug' => 'notice']);
$local = wp_insert_term('地方动态', 'category', ['slug' => 'local', 'parent' => $news['term_id']]);
$other = wp_insert_term('志愿者风采', 'category', ['slug' => 'volunteers']);

// A small real JPEG drawn with GD, uploaded as WordPress uploads it (month folder 2024/05, thumbnails made).
$img = imagecreatetruecolor(400, 240);
imagefilledrectangle($img, 0, 0, 399, 239, imagecolorallocate($img, 200, 60, 40));
imagefilledellipse($img, 200, 120, 180, 180, imagecolorallocate($img, 250, 220, 80));
ob_start();
imagejpeg($img, null, 70);
$bits = ob_get_clean();
$upload = wp_upload_bits('shegong-zhan.jpg', null, $bits, '2024/05');
if (!empty($upload['error'])) { fwrite(STDERR, $upload['error'] . "\n"); exit(1); }

function post($fields) {
    $id = wp_insert_post(wp_slash($fields), true);
    if (is_wp_error($id)) { fwrite(STDERR, $id->get_error_message() . "\n"); exit(1); }
    return $id;
}

$first = post(['post_title' => '海南省首批66个乡镇(街道)社工站已全部运营', 'post_status' => 'publish',
    'post_author' => $writer, 'post_date' => '2024-05-20 09:30:00', 'post_category' => [$news['term_id']],
    'tags_input' => ['社工站', '乡镇'], 'post_excerpt' => '海南省首批社工站全部投入运营。',
    'post_content' => "海南省民政厅介绍，首批66个乡镇（街道）社工站<strong>已全部运营</strong>。\n\n"
        . "[caption id=\"attachment_0\" align=\"aligncenter\" width=\"300\"]<img class=\"size-medium\" src=\""
        . str_replace('.jpg', '-300x180.jpg', $upload['url']) . "\" alt=\"社工站\" width=\"300\" height=\"180\" />"
        . " 社工站门前[/caption]\n\n驻站社工为困难群众提供服务。<script>alert('x')</script>\n\n[gallery ids=\"1,2\"]"]);
$attachment = wp_insert_attachment(['post_title' => '社工站', 'post_mime_type' => 'image/jpeg',
    'post_status' => 'inherit', 'guid' => $upload['url'], 'post_date' => '2024-05-20 09:00:00'],
    $upload['file'], $first);
wp_update_attachment_metadata($attachment, wp_generate_attachment_metadata($attachment, $upload['file']));
set_post_thumbnail($first, $attachment);
// The caption shortcode names its attachment, as the editor writes it.
wp_update_post(['ID' => $first, 'post_content' => str_replace('attachment_0', 'attachment_' . $attachment,
    get_post($first)->post_content)]);

post(['post_title' => '关于开展2024年度社会工作者职业水平评价的通知', 'post_status' => 'publish',
    'post_author' => $admin->ID, 'post_date' => '2024-06-03 15:00:00',
    'post_category' => [$notice['term_id'], $other['term_id']], 'tags_input' => ['职业水平评价'],
    'post_content' => "<!-- wp:paragraph -->\n<p>各有关单位：现将有关事项通知如下。</p>\n<!-- /wp:paragraph -->\n\n"
        . "<!-- wp:heading -->\n<h2>一、报名时间</h2>\n<!-- /wp:heading -->\n\n"
        . "<!-- wp:list -->\n<ul><li>网上报名：6月10日至6月20日</li><li>现场审核：6月25日</li></ul>\n<!-- /wp:list -->\n\n"
        . "<!-- wp:image {\"id\":" . $attachment . ",\"sizeSlug\":\"full\"} -->\n<figure class=\"wp-block-image size-full\">"
        . "<img src=\"" . $upload['url'] . "\" alt=\"\" class=\"wp-image-" . $attachment . "\"/>"
        . "<figcaption>报名流程</figcaption></figure>\n<!-- /wp:image -->\n\n"
        . "<!-- wp:paragraph -->\n<p>附件：<a href=\"" . $upload['url'] . "\">报名表</a></p>\n<!-- /wp:paragraph -->"]);

post(['post_title' => '沈阳浑南区社区志愿服务队走进敬老院', 'post_status' => 'publish',
    'post_author' => $writer, 'post_date' => '2024-06-15 10:00:00', 'post_category' => [$local['term_id']],
    'tags_input' => ['志愿服务', '社工站'],
    'post_content' => "志愿者为老人们表演了节目。\n\n<img src=\"http://shegong-wp.example/wp-content/uploads/2024/06/missing.jpg\" alt=\"缺失的图片\">"]);

post(['post_title' => '社会工作宣传周活动方案（草稿）', 'post_status' => 'draft', 'post_author' => $admin->ID,
    'post_category' => [$news['term_id']], 'post_content' => '活动方案正在起草中。']);
post(['post_title' => '待审核：街道社工站年度总结', 'post_status' => 'pending', 'post_author' => $writer,
    'post_date' => '2024-07-01 08:00:00', 'post_category' => [$news['term_id']],
    'post_content' => '年度总结待审核。']);
post(['post_title' => '内部：工作人员通讯录', 'post_status' => 'private', 'post_author' => $admin->ID,
    'post_date' => '2024-07-02 08:00:00', 'post_category' => [$news['term_id']], 'post_content' => '仅内部可见。']);
$trashed = post(['post_title' => '已删除的旧稿', 'post_status' => 'publish', 'post_author' => $admin->ID,
    'post_date' => '2024-03-01 08:00:00', 'post_category' => [$news['term_id']], 'post_content' => '旧稿。']);
wp_trash_post($trashed);
post(['post_title' => '关于我们', 'post_type' => 'page', 'post_status' => 'publish', 'post_author' => $admin->ID,
    'post_date' => '2024-01-02 12:00:00', 'post_content' => "<!-- wp:paragraph -->\n<p>本站由社会工作者协会主办。</p>\n<!-- /wp:paragraph -->"]);

ob_start();
export_wp(['content' => 'all']);
file_put_contents(getenv('WXR_WORK') . '/export.xml', ob_get_clean());
echo "WordPress " . $GLOBALS['wp_version'] . "\n";
PHP

WXR_DB=$DB WXR_WORK=$WORK php "$WORK/make.php" 2>&1 | grep -v '^$' || true
test -s "$WORK/export.xml"
rm -rf "$OUT/uploads"
mkdir -p "$OUT/uploads"
cp -r "$WORK/wp-content/uploads/." "$OUT/uploads/"
cp "$WORK/export.xml" "$OUT/shegong-wp.xml"
find "$OUT" -type f | sort
