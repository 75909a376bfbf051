#ifndef BIENTAP_CNCURSESW_SHIM_H
#define BIENTAP_CNCURSESW_SHIM_H
// Wide-character ncurses (get_wch, add_wch, setcchar) needs these before the header.
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>
#include <sys/ioctl.h>

// Function-like macros and macro-wrapped globals Swift cannot import.
static inline int bt_color_pair(int n) { return (int)COLOR_PAIR(n); }
static inline int bt_color_pairs(void) { return COLOR_PAIRS; }
static inline int bt_colors(void) { return COLORS; }
static inline attr_t bt_a_normal(void) { return A_NORMAL; }
static inline attr_t bt_a_bold(void) { return A_BOLD; }
static inline attr_t bt_a_underline(void) { return A_UNDERLINE; }
static inline attr_t bt_a_reverse(void) { return A_REVERSE; }
static inline attr_t bt_a_dim(void) { return A_DIM; }
static inline int bt_getmaxy(WINDOW *w) { return getmaxy(w); }
static inline int bt_getmaxx(WINDOW *w) { return getmaxx(w); }
static inline int bt_key_f(int n) { return KEY_F(n); }
static inline WINDOW *bt_stdscr(void) { return stdscr; }
// The terminal's size as the kernel knows it (ioctl is variadic, so Swift cannot call it).
static inline int bt_terminal_size(int fd, int *rows, int *cols) {
    struct winsize ws;
    if (ioctl(fd, TIOCGWINSZ, &ws) != 0 || ws.ws_row == 0 || ws.ws_col == 0) return -1;
    *rows = ws.ws_row;
    *cols = ws.ws_col;
    return 0;
}
#endif
