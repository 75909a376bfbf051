<?php
/**
 * Plugin Name: bientap desk
 * Description: Lets the bientap desk see and take WordPress' post lock (_edit_lock, "time:user",
 * 150 s) over the REST API, as the block editor's heartbeat does. Without it the desk still
 * edits, but neither shows nor takes the lock. Install: copy this file into
 * wp-content/mu-plugins/ (Debian: /var/lib/wordpress/wp-content/mu-plugins/).
 */

// Two read-only fields on posts, for users who may edit the post: who holds the lock (so
// lists show it) and the author's display name (an editor may not read the user record of a
// contributor who has published nothing). The lock is taken through the route below, which
// leaves the post's modified time alone: a meta write through wp/v2/posts would move it and
// make every other editor's next save a conflict.
add_action('rest_api_init', function () {
    $lock_window = 150; // WordPress' own: wp_check_post_lock's default.
    $can_edit = function (WP_REST_Request $request) {
        return current_user_can('edit_post', (int) $request['id']);
    };
    $describe = function ($post_id) use ($lock_window) {
        $lock = explode(':', (string) get_post_meta($post_id, '_edit_lock', true));
        if (count($lock) !== 2 || (int) $lock[0] < time() - $lock_window) {
            return null;
        }
        $user = get_userdata((int) $lock[1]);
        return [
            'user' => (int) $lock[1],
            'login' => $user ? $user->user_login : '',
            'name' => $user ? $user->display_name : '',
            'time' => (int) $lock[0],
            'expires' => (int) $lock[0] + $lock_window,
        ];
    };
    $readable = function ($post) {
        return current_user_can('edit_post', $post['id']);
    };
    register_rest_field('post', 'bientap_lock', [
        'get_callback' => function ($post) use ($describe, $readable) {
            return $readable($post) ? $describe($post['id']) : null;
        },
        'schema' => ['type' => ['object', 'null'], 'context' => ['edit']],
    ]);
    register_rest_field('post', 'bientap_author', [
        'get_callback' => function ($post) use ($readable) {
            $user = get_userdata((int) $post['author']);
            return $readable($post) && $user ? ['login' => $user->user_login, 'name' => $user->display_name] : null;
        },
        'schema' => ['type' => ['object', 'null'], 'context' => ['edit']],
    ]);
    register_rest_route('bientap/v1', '/posts/(?P<id>\d+)/lock', [
        [
            'methods' => 'POST',
            'permission_callback' => $can_edit,
            'callback' => function (WP_REST_Request $request) use ($describe) {
                $id = (int) $request['id'];
                $held = $describe($id);
                if ($held !== null && $held['user'] !== get_current_user_id()) {
                    return new WP_REST_Response(['code' => 'bientap_lock_held', 'lock' => $held], 409);
                }
                update_post_meta($id, '_edit_lock', time() . ':' . get_current_user_id());
                return $describe($id);
            },
        ],
        [
            'methods' => 'DELETE',
            'permission_callback' => $can_edit,
            'callback' => function (WP_REST_Request $request) use ($describe) {
                $id = (int) $request['id'];
                $held = $describe($id);
                if ($held !== null && $held['user'] === get_current_user_id()) {
                    delete_post_meta($id, '_edit_lock');
                }
                return new WP_REST_Response(null, 204);
            },
        ],
    ]);
});
