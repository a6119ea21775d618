/* Reads a user's INI file through inih (Debian's libinih) with the checks a
 * kiosk needs before trusting it, and with line numbers.
 *
 * Debian's libinih is built without INI_HANDLER_LINENO and with a 200-byte
 * line limit, so this module feeds inih through its own line reader, which
 * counts lines (the handler is told the line of each key) and reports lines
 * that are too long instead of letting inih cut them.
 *
 * Checks, each reported to the sk_diag as "file:line: message":
 *   - the path is missing, unreadable, a directory, or larger than max_bytes;
 *   - the file holds NUL bytes or other binary junk, or is not UTF-8;
 *   - a line is longer than SK_INI_MAX_LINE-1 bytes (continue a long value on
 *     an indented next line: it is joined with a space);
 *   - a line is neither a [section], a key = value, a comment nor a
 *     continuation.
 * No SDL. */
#ifndef SK_INI_LINES_H
#define SK_INI_LINES_H
#include <stdbool.h>
#include <stddef.h>
#include "diag.h"

#define SK_INI_MAX_LINE 200   /* libinih's INI_MAX_LINE on Debian 12 */

/* Called for every key = value (and again for each continuation line of the
 * same key, with 'continued' true). Return false to report the line as an
 * error with your own message already added to the diag (the reader then
 * adds nothing). */
typedef bool (*sk_ini_handler)(void *user, const char *section, const char *key,
                               const char *value, int line, bool continued);

/* Parses the file at 'path'. 'display_name' (or path when NULL) is what
 * messages call the file. Returns true when the file was read and parsed
 * (the handler may still have reported problems: check d->errors).
 * Returns false when it could not be read at all (missing, directory, too
 * big, binary); the reason is in d. */
bool sk_ini_parse_file(const char *path, const char *display_name, size_t max_bytes,
                       sk_ini_handler handler, void *user, sk_diag *d);

/* The same for text already in memory (the built-in routine, fuzzers). */
bool sk_ini_parse_text(const char *text, size_t len, const char *display_name,
                       sk_ini_handler handler, void *user, sk_diag *d);

/* Reads a whole file into a malloc'd NUL-terminated buffer, refusing
 * directories, non-regular files and files over max_bytes. Returns NULL
 * with the reason in d. *len gets the byte count. */
char *sk_read_file_limited(const char *path, const char *display_name, size_t max_bytes,
                           size_t *len, sk_diag *d);
#endif
