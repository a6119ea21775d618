/* Diagnostics: a list of problems found in a user's file, each with the
 * file, the line (0 when it concerns the whole file) and a message, printed
 * as "file:line: message" (or "file: message"). Collecting them lets a
 * validator report every problem at once, not just the first.
 * No SDL. Owned by the caller; sk_diag_free releases the messages. */
#ifndef SK_DIAG_H
#define SK_DIAG_H
#include <stdbool.h>
#include <stdio.h>

typedef enum { SK_DIAG_ERROR, SK_DIAG_WARNING } sk_diag_level;

typedef struct sk_diag_item {
    sk_diag_level level;
    char *file;     /* malloc'd */
    int line;       /* 1-based; 0 = the file as a whole */
    char *message;  /* malloc'd, no trailing newline */
} sk_diag_item;

typedef struct sk_diag {
    sk_diag_item *items;
    int count, cap;
    int errors, warnings;
    int dropped;    /* items not stored because the list was full */
} sk_diag;

#define SK_DIAG_MAX_ITEMS 1000  /* a binary file must not produce a million lines */

void sk_diag_init(sk_diag *d);
void sk_diag_free(sk_diag *d);

/* Records a problem. printf-style message. Out of memory or over
 * SK_DIAG_MAX_ITEMS: counted (errors/warnings still go up) but not stored. */
void sk_diag_add(sk_diag *d, sk_diag_level level, const char *file, int line,
                 const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;
#define sk_diag_error(d, file, line, ...) sk_diag_add((d), SK_DIAG_ERROR, (file), (line), __VA_ARGS__)
#define sk_diag_warn(d, file, line, ...) sk_diag_add((d), SK_DIAG_WARNING, (file), (line), __VA_ARGS__)

/* Prints every item, one a line: "file:line: message", warnings as
 * "file:line: warning: message". Then "(N more not shown)" if dropped. */
void sk_diag_print(const sk_diag *d, FILE *out);

/* True when a stored item on line "line" (-1: any line) contains "needle"
 * in its message (for tests). */
bool sk_diag_contains(const sk_diag *d, int line, const char *needle);

/* Moves every item of src to the end of dst; src is left empty. */
void sk_diag_take(sk_diag *dst, sk_diag *src);

/* One line on stderr for a library call that failed, naming it and the
 * library's own words: "stretch-kiosk: <what>: <call>: <why>" (no
 * "<what>: " when what is NULL). For SDL, SDL_ttf and SDL_mixer, call it
 * through SK_LOG_SDL_FAILED / SK_LOG_TTF_FAILED where SDL is included, so
 * the error string is always the one the call left. */
void sk_log_call_failed(const char *what, const char *call, const char *why);
#define SK_LOG_SDL_FAILED(what, call) sk_log_call_failed((what), (call), SDL_GetError())
#define SK_LOG_TTF_FAILED(what, call) sk_log_call_failed((what), (call), TTF_GetError())
#endif
