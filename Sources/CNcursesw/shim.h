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
#endif
