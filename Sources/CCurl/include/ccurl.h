#ifndef BIENTAP_CCURL_H
#define BIENTAP_CCURL_H

#include <curl/curl.h>
#include <stddef.h>

// Swift cannot call C variadic functions, so every curl_easy_setopt and
// curl_easy_getinfo use goes through one of these typed wrappers.

typedef size_t (*ccurl_data_callback)(char *data, size_t size, size_t count, void *userdata);

CURLcode ccurl_setopt_long(CURL *handle, CURLoption option, long value);
CURLcode ccurl_setopt_string(CURL *handle, CURLoption option, const char *value);
CURLcode ccurl_setopt_pointer(CURL *handle, CURLoption option, void *value);
CURLcode ccurl_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value);
CURLcode ccurl_setopt_callback(CURL *handle, CURLoption option, ccurl_data_callback value);
CURLcode ccurl_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value);

CURLcode ccurl_getinfo_long(CURL *handle, CURLINFO info, long *value);
CURLcode ccurl_getinfo_double(CURL *handle, CURLINFO info, double *value);
CURLcode ccurl_getinfo_string(CURL *handle, CURLINFO info, const char **value);

#endif
