<?php
// Installs a WordPress site for bientap's tests and seeds it, from the command line:
//   php wordpress-site.php SITE_DIR URL EXTRA_POSTS
// The site's wp-config.php (written by Scripts/with-wordpress) names the database. Prints one
// line per user, "role login application-password", for the tests to sign in with.
if ($argc < 4) {
    fwrite(STDERR, "usage: php wordpress-site.php SITE_DIR URL EXTRA_POSTS\n");
    exit(2);
}
[$_, $site, $url, $extra] = $argv;
define('WP_INSTALLING', true);
$_SERVER['HTTP_HOST'] = parse_url($url, PHP_URL_HOST) . ':' . parse_url($url, PHP_URL_PORT);
$_SERVER['REQUEST_URI'] = '/';
require $site . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-includes/class-wp-application-passwords.php';

$installed = wp_install('Cổng thông tin thử nghiệm', 'quantri', 'quantri@example.invalid', false, '', wp_generate_password(24));
$admin = $installed['user_id'];
update_option('timezone_string', 'Asia/Ho_Chi_Minh');
update_option('permalink_structure', '/%postname%/');
update_option('default_comment_status', 'open');
wp_set_current_user($admin);

$people = [
    ['administrator', 'quantri', 'Quản trị viên'],
    ['editor', 'bientap', 'Lê Thị Lan'],
    ['editor', 'bientap2', 'Trần Văn Minh'],
    ['author', 'tacgia', 'Phạm Thu Hà'],
    ['contributor', 'congtacvien', 'Nguyễn Văn Hải'],
];
$ids = [];
foreach ($people as [$role, $login, $name]) {
    $id = $login === 'quantri' ? $admin : wp_insert_user([
        'user_login' => $login, 'user_pass' => wp_generate_password(24), 'user_email' => "$login@example.invalid",
        'display_name' => $name, 'role' => $role,
    ]);
    if (is_wp_error($id)) { fwrite(STDERR, $id->get_error_message() . "\n"); exit(1); }
    if ($login === 'quantri') { wp_update_user(['ID' => $id, 'display_name' => $name]); }
    $ids[$login] = $id;
    [$password] = WP_Application_Passwords::create_new_application_password($id, ['name' => 'bientap']);
    echo "$role $login $password\n";
}

// Sample posts in the shapes WordPress keeps text: block editor paragraphs, headings, lists
// and links; the classic editor's bare paragraphs and tags; HTML the desk must leave alone.
$samples = [
    ['Lý Sơn đón đoàn khảo sát du lịch biển đảo', 'Đoàn công tác của Sở Văn hóa, Thể thao và Du lịch làm việc tại huyện đảo.',
     "<!-- wp:paragraph -->\n<p>Sáng 24/11, đoàn khảo sát đã đến <strong>đảo Lý Sơn</strong> bằng tàu cao tốc.</p>\n<!-- /wp:paragraph -->\n\n"
     . "<!-- wp:heading -->\n<h2>Những điểm đến mới</h2>\n<!-- /wp:heading -->\n\n"
     . "<!-- wp:list -->\n<ul><!-- wp:list-item -->\n<li>Cổng Tò Vò</li>\n<!-- /wp:list-item -->\n\n<!-- wp:list-item -->\n<li>Chùa Hang</li>\n<!-- /wp:list-item --></ul>\n<!-- /wp:list -->\n\n"
     . "<!-- wp:paragraph -->\n<p>Xem thêm tại <a href=\"https://example.invalid/ly-son\">trang của huyện</a>.</p>\n<!-- /wp:paragraph -->"],
    ['Hội nghị triển khai kế hoạch chuyển đổi số năm 2027', 'UBND tỉnh tổ chức hội nghị trực tuyến với các huyện.',
     "Hội nghị diễn ra tại hội trường UBND tỉnh, kết nối trực tuyến tới 13 điểm cầu.\n\nCác đại biểu đã thảo luận về dịch vụ công trực tuyến toàn trình."],
    ['Thông báo lịch tiếp công dân tháng 12', '',
     "<p>Lãnh đạo UBND huyện tiếp công dân vào ngày 15 hằng tháng.</p>\n<p>Địa điểm: Trụ sở Tiếp công dân &amp; Ban Tiếp dân.</p>"],
    ['Bảng giá đất điều chỉnh', 'Bảng giá kèm theo quyết định.',
     "<!-- wp:table -->\n<figure class=\"wp-block-table\"><table><tbody><tr><td>Vị trí 1</td><td>12.000.000 đ</td></tr></tbody></table></figure>\n<!-- /wp:table -->"],
    ['Ảnh: mùa tỏi trên đảo', 'Phóng sự ảnh.',
     "<!-- wp:paragraph {\"align\":\"center\"} -->\n<p class=\"has-text-align-center\">Nông dân thu hoạch tỏi.</p>\n<!-- /wp:paragraph -->\n\n"
     . "<!-- wp:image -->\n<figure class=\"wp-block-image\"><img src=\"https://example.invalid/toi.jpg\" alt=\"Tỏi Lý Sơn\"/></figure>\n<!-- /wp:image -->"],
    ['Trích dẫn ý kiến cử tri', '',
     "<!-- wp:quote -->\n<blockquote class=\"wp-block-quote\"><p>Đường liên xã cần được sửa sớm.</p></blockquote>\n<!-- /wp:quote -->"],
];
foreach ($samples as [$title, $excerpt, $content]) {
    $id = wp_insert_post(['post_title' => $title, 'post_excerpt' => $excerpt, 'post_content' => $content,
                          'post_status' => 'pending', 'post_author' => $ids['congtacvien']], true);
    if (is_wp_error($id)) { fwrite(STDERR, $id->get_error_message() . "\n"); exit(1); }
}
$districts = ['Bình Sơn', 'Sơn Tịnh', 'Tư Nghĩa', 'Nghĩa Hành', 'Mộ Đức', 'Đức Phổ', 'Ba Tơ', 'Minh Long'];
for ($n = 1; $n <= (int) $extra; $n++) {
    $district = $districts[$n % count($districts)];
    wp_insert_post([
        'post_title' => "Tin số $n: huyện $district ra quân làm đường giao thông nông thôn",
        'post_excerpt' => "Huyện $district huy động người dân cùng làm đường.",
        'post_content' => "<!-- wp:paragraph -->\n<p>Sáng nay, huyện $district đã ra quân làm $n km đường bê tông.</p>\n<!-- /wp:paragraph -->",
        'post_status' => 'pending', 'post_author' => $ids[$n % 2 ? 'congtacvien' : 'tacgia'],
        'post_name' => "tin-$n",
    ]);
}
