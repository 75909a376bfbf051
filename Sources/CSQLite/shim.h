#ifndef BIENTAP_CSQLITE_SHIM_H
#define BIENTAP_CSQLITE_SHIM_H
// Debian's libsqlite3 (libsqlite3-dev): the portal's embedded database.
#include <sqlite3.h>

// SQLITE_TRANSIENT is a cast of -1 to a function pointer, a macro Swift cannot import:
// a bind with it has SQLite copy the bytes before the call returns.
static inline sqlite3_destructor_type csqlite_transient(void) { return SQLITE_TRANSIENT; }
#endif
