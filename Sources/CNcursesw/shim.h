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
// The C library's standard streams, which Swift 6 sees as shared mutable globals; the
// screen uses them from the UI thread only.
static inline FILE *bt_stdout(void) { return stdout; }
static inline FILE *bt_stdin(void) { return stdin; }
// The terminal's size as the kernel knows it (ioctl is variadic, so Swift cannot call it).
static inline int bt_terminal_size(int fd, int *rows, int *cols) {
    struct winsize ws;
    if (ioctl(fd, TIOCGWINSZ, &ws) != 0 || ws.ws_row == 0 || ws.ws_col == 0) return -1;
    *rows = ws.ws_row;
    *cols = ws.ws_col;
    return 0;
}
// Mouse: presses, releases and the wheel, without ncurses' click timing
// (a press is reported at once; double clicks are counted by the caller).
static inline int bt_mouse_enable(int on) {
    mouseinterval(0);
    return mousemask(on ? (ALL_MOUSE_EVENTS) : 0, NULL) != 0;
}
// 1 left press, 2 release, 3 right press, 4 middle press, 5 wheel up, 6 wheel down,
// 7 left double press; 0 other.
static inline int bt_mouse_event(int *row, int *col) {
    MEVENT event;
    if (getmouse(&event) != OK) return 0;
    *row = event.y;
    *col = event.x;
    mmask_t s = event.bstate;
    if (s & BUTTON4_PRESSED) return 5;
#ifdef BUTTON5_PRESSED
    if (s & BUTTON5_PRESSED) return 6;
#endif
    // Both clicks of a double click read at once (a busy desk, a slow link) come as one
    // event even with mouseinterval(0).
    if (s & (BUTTON1_DOUBLE_CLICKED | BUTTON1_TRIPLE_CLICKED)) return 7;
    if (s & (BUTTON1_PRESSED | BUTTON1_CLICKED)) return 1;
    if (s & BUTTON3_PRESSED) return 3;
    if (s & BUTTON2_PRESSED) return 4;
    if (s & (BUTTON1_RELEASED | BUTTON2_RELEASED | BUTTON3_RELEASED)) return 2;
    return 0;
}
// term.h defines a macro for every terminfo capability (lines, columns, bell…): included last.
#include <ncursesw/term.h>
// Whether ncurses can draw a full screen on terminal type `name`: its terminfo entry
// exists, can address the cursor and clear the screen, and is no hardcopy or generic
// type (dumb). Reads the terminfo database only; writes nothing to the terminal.
static inline int bt_terminal_type_is_usable(const char *name) {
    int error = 0;
    TERMINAL *saved = cur_term;
    if (setupterm((char *)name, 1, &error) != OK) return 0;
    const char *cup = tigetstr("cup");
    const char *clear_screen_string = tigetstr("clear");
    int usable = cup != NULL && cup != (char *)-1 && clear_screen_string != NULL && clear_screen_string != (char *)-1
        && tigetflag("hc") <= 0 && tigetflag("gn") <= 0;
    TERMINAL *probed = cur_term;
    set_curterm(saved);
    del_curterm(probed);
    return usable;
}
#endif
