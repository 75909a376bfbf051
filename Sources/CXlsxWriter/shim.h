#ifndef BIENTAP_CXLSXWRITER_SHIM_H
#define BIENTAP_CXLSXWRITER_SHIM_H
// Debian's libxlsxwriter (libxlsxwriter-dev): the XLSX writer the royalty exports use.
#include <xlsxwriter.h>
#endif
