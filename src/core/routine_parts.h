/* The routine loader's private parts (routine.h is the contract): two
 * passes over the text. routine_collect.c (pass 1) stores every key =
 * value with its line; routine_sections.c (pass 2) interprets each
 * [section] with the key tables; routine.c loads, resolves paths, checks
 * the files on disk and answers queries. */
#ifndef SK_ROUTINE_PARTS_H
#define SK_ROUTINE_PARTS_H
#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "routine.h"

typedef struct raw_kv {
    char *key, *value;
    int line;
} raw_kv;

typedef struct raw_header {
    char *name;
    int line;
} raw_header;

typedef struct collector {
    raw_kv *kv;
    int n, cap;
    bool oom;
} collector;

typedef struct loader {
    sk_routine *r;
    sk_diag *d;
    const char *file;
    bool oom;
    int routine_line, phrases_line;   /* first [routine] / [phrases], 0 = none */
    bool title_set;
    int loop_reps_line;
    bool too_many_exercises, too_many_cards;
} loader;

#define ERR(L, line, ...) sk_diag_error((L)->d, (L)->file, (line), __VA_ARGS__)
#define WARN(L, line, ...) sk_diag_warn((L)->d, (L)->file, (line), __VA_ARGS__)

/* inih's callback: stores the pair (user is a collector). */
bool sk_rt_collect(void *user, const char *section, const char *key, const char *value, int line,
                   bool continued);
/* The [section] header lines of the text, in order; *oom when out of memory. */
raw_header *sk_rt_scan_headers(const char *text, size_t len, int *count, bool *oom);
/* Interprets one section's n pairs into L->r. */
void sk_rt_do_section(loader *L, const raw_header *h, const raw_kv *kv, int n);
/* A routine with every default (English phrases, the loop's settings), or
 * NULL when out of memory. */
sk_routine *sk_rt_new(const char *name);
/* Fills the list of [phrases] keys (for "did you mean"). */
void sk_rt_init_phrase_key_list(void);
#endif
