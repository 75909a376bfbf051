<?php
// The router of PHP's built-in server for a WordPress site: files that exist are served
// as they are; everything else (pretty permalinks, /wp-json/…) goes to index.php, as
// Apache's rewrite rules in Debian's /etc/wordpress/htaccess would send it.
$path = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
$file = $_SERVER['DOCUMENT_ROOT'] . $path;
if ($path !== '/' && is_file($file)) {
    return false;
}
$_SERVER['SCRIPT_NAME'] = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $_SERVER['DOCUMENT_ROOT'] . '/index.php';
require $_SERVER['DOCUMENT_ROOT'] . '/index.php';
