/* Routine files: loading and validation. See routine.h and README.md
 * "Routine files".
 *
 * Two passes. inih (through sk_ini_parse_text) hands every key = value with
 * its line to sk_rt_collect (routine_collect.c), which only stores them,
 * joining continuation lines. Then each [section] is interpreted in file
 * order (routine_sections.c). Collecting first
 * means a problem never stops the reading: every one is reported, and
 * checks that need the whole file (duplicate ids, missing keys, an empty
 * routine) have it. Sprite files are checked on disk in a last, separate
 * pass, so the same text can be validated with or without its folder.
 */
#include "routine.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "ini_lines.h"
#include "routine_parts.h"
#include "text_util.h"

/* Made at build time from assets/routines/sciatica.ini (embed_text.cmake). */
extern const char sk_builtin_routine_ini[];
extern const size_t sk_builtin_routine_ini_len;

#define BUILTIN_NAME "(built-in)"

/* ------------------------------------------------------------------------ */
/* Paths                                                                    */

static char *join_path(const char *dir, const char *rel)
{
    if (rel[0] == '/' || !dir)
        return sk_strdup(rel);
    size_t n = strlen(dir) + 1 + strlen(rel) + 1;
    char *out = malloc(n);
    if (out)
        snprintf(out, n, "%s/%s", dir, rel);
    return out;
}

static char *dir_of(const char *path)
{
    size_t n = sk_path_dir(path, NULL, 0);
    char *out = malloc(n + 1);
    if (out)
        sk_path_dir(path, out, n + 1);
    return out;
}

bool sk_routine_set_dir(sk_routine *r, const char *dir)
{
    char *nd = dir ? sk_strdup(dir) : NULL;
    if (dir && !nd)
        return false;
    char *resolved[SK_MAX_EXERCISES] = {0};
    for (int i = 0; i < r->exercise_count; i++) {
        const char *ref = r->exercises[i].sprite_ref;
        if (!ref)
            continue;
        resolved[i] = join_path(nd, ref);
        if (!resolved[i]) {
            for (int j = 0; j < i; j++)
                free(resolved[j]);
            free(nd);
            return false;
        }
    }
    for (int i = 0; i < r->exercise_count; i++) {
        free(r->exercises[i].sprite);
        r->exercises[i].sprite = resolved[i];
    }
    free(r->dir);
    r->dir = nd;
    return true;
}

/* The separate pass that looks at the disk. */
static void check_files(loader *L)
{
    const sk_routine *r = L->r;
    if (!r->dir)
        return;
    for (int i = 0; i < r->exercise_count; i++) {
        const sk_exercise *e = &r->exercises[i];
        if (!e->sprite)
            continue;
        struct stat st;
        if (stat(e->sprite, &st) != 0)
            ERR(L, e->sprite_line, "sprite file \"%s\" not found (looked for %s: %s)", e->sprite_ref,
                e->sprite, strerror(errno));
        else if (!S_ISREG(st.st_mode))
            ERR(L, e->sprite_line, "sprite \"%s\" is not a regular file (%s)", e->sprite_ref, e->sprite);
    }
}

/* ------------------------------------------------------------------------ */
/* Loading                                                                  */

/* Puts whole-file items (line 0) last and the rest in line order, keeping
 * the order of items on the same line: messages then read top to bottom. */
static void sort_diag(sk_diag *d)
{
    for (int i = 1; i < d->count; i++) {
        sk_diag_item it = d->items[i];
        unsigned key = it.line ? (unsigned)it.line : UINT32_MAX;
        int j = i - 1;
        while (j >= 0 && (d->items[j].line ? (unsigned)d->items[j].line : UINT32_MAX) > key) {
            d->items[j + 1] = d->items[j];
            j--;
        }
        d->items[j + 1] = it;
    }
}

/* Loads the text; with keep_on_error the routine is returned even when it
 * has errors (for the built-in one, which a test keeps clean). */
static sk_routine *load_text(const char *text, size_t len, const char *name, const char *dir,
                             bool keep_on_error, sk_diag *out)
{
    sk_rt_init_phrase_key_list();
    sk_diag d;
    sk_diag_init(&d);
    sk_routine *r = NULL;
    collector c = {0};
    raw_header *h = NULL;
    int hn = 0;
    bool oom = false;

    if (len > SK_ROUTINE_MAX_BYTES) {
        sk_diag_error(&d, name, 0, "the file is %zu bytes; the limit is %d bytes", len,
                      SK_ROUTINE_MAX_BYTES);
        goto done;
    }
    if (!sk_ini_parse_text(text, len, name, sk_rt_collect, &c, &d))
        goto done;
    h = sk_rt_scan_headers(text, len, &hn, &oom);
    r = sk_rt_new(name);
    if (!r || oom || c.oom) {
        sk_diag_error(&d, name, 0, "out of memory");
        goto done;
    }

    loader L = {.r = r, .d = &d, .file = name};
    /* Keys before the first [section] */
    int k = 0, first_line = hn ? h[0].line : INT32_MAX;
    for (; k < c.n && c.kv[k].line < first_line; k++)
        ERR(&L, c.kv[k].line, "\"%s\" comes before any [section] (start with [routine])", c.kv[k].key);
    for (int s = 0; s < hn; s++) {
        int next = s + 1 < hn ? h[s + 1].line : INT32_MAX;
        int start = k;
        while (k < c.n && c.kv[k].line < next)
            k++;
        sk_rt_do_section(&L, &h[s], &c.kv[start], k - start);
    }
    if (!L.title_set) {
        free(r->title);
        r->title = sk_strdup(r->phrases.welcome_title);
        if (!r->title)
            L.oom = true;
    }
    if (r->loop.full_protocol && L.loop_reps_line)
        WARN(&L, L.loop_reps_line, "loop_reps is not used when loop_full_protocol is true");
    if (r->exercise_count == 0 && !L.too_many_exercises)
        ERR(&L, 0, "no exercises: a routine needs at least one [exercise.ID] section");
    if (!sk_routine_set_dir(r, dir))
        L.oom = true;
    check_files(&L);
    if (L.oom)
        sk_diag_error(&d, name, 0, "out of memory");

done:
    for (int i = 0; i < c.n; i++) {
        free(c.kv[i].key);
        free(c.kv[i].value);
    }
    free(c.kv);
    for (int i = 0; i < hn; i++)
        free(h[i].name);
    free(h);
    sort_diag(&d);
    bool failed = d.errors > 0;
    if (out)
        sk_diag_take(out, &d);
    sk_diag_free(&d);
    if (failed && r && !(keep_on_error && r->exercise_count > 0)) {
        sk_routine_free(r);
        r = NULL;
    }
    return r;
}

sk_routine *sk_routine_load_text(const char *text, size_t len, const char *name, const char *dir,
                                 sk_diag *d)
{
    return load_text(text, len, name ? name : "(text)", dir, false, d);
}

sk_routine *sk_routine_load(const char *path, sk_diag *d)
{
    size_t len = 0;
    char *text = sk_read_file_limited(path, path, SK_ROUTINE_MAX_BYTES, &len, d);
    if (!text)
        return NULL;
    char *dir = dir_of(path);
    sk_routine *r = NULL;
    if (!dir)
        sk_diag_error(d, path, 0, "out of memory");
    else
        r = load_text(text, len, path, dir, false, d);
    free(dir);
    free(text);
    return r;
}

sk_routine *sk_routine_builtin(void)
{
    sk_diag d;
    sk_diag_init(&d);
    sk_routine *r = load_text(sk_builtin_routine_ini, sk_builtin_routine_ini_len, BUILTIN_NAME, NULL,
                              true, &d);
    /* tests/unit/test_routine.c keeps the built-in text clean; should it
     * ever not be, say so rather than hide it. */
    if (d.errors || d.warnings)
        sk_diag_print(&d, stderr);
    sk_diag_free(&d);
    if (r)
        r->is_builtin = true;
    return r;
}

sk_routine *sk_routine_load_or_builtin(const char *path, FILE *log, bool *fell_back)
{
    if (fell_back)
        *fell_back = false;
    if (!path)
        return sk_routine_builtin();
    sk_diag d;
    sk_diag_init(&d);
    sk_routine *r = sk_routine_load(path, &d);
    if (log)
        sk_diag_print(&d, log);
    sk_diag_free(&d);
    if (r)
        return r;
    if (log)
        fprintf(log, "%s: has errors; showing the built-in routine instead\n", path);
    if (fell_back)
        *fell_back = true;
    return sk_routine_builtin();
}

/* ------------------------------------------------------------------------ */
/* Queries                                                                  */

int sk_exercise_legs(const sk_exercise *e)
{
    return e->sides == SK_SIDES_BOTH ? 2 : 1;
}

int sk_routine_session_holds(const sk_routine *r)
{
    int n = 0;
    for (int i = 0; i < r->exercise_count; i++)
        n += r->exercises[i].reps * sk_exercise_legs(&r->exercises[i]);
    return n;
}

/* Appends len bytes; on overflow cuts before an incomplete UTF-8 sequence. */
static bool put(char *out, size_t size, size_t *pos, const char *s, size_t len)
{
    size_t room = size - 1 - *pos;
    bool fits = len <= room;
    if (!fits) {
        len = room;
        while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80)
            len--;
    }
    memcpy(out + *pos, s, len);
    *pos += len;
    out[*pos] = '\0';
    return fits;
}

void sk_phrase_format(char *out, size_t size, const char *phrase, int n, int total,
                      const char *name)
{
    if (!out || size == 0)
        return;
    out[0] = '\0';
    if (!phrase)
        return;
    size_t pos = 0;
    const char *s = phrase;
    while (*s) {
        const char *brace = strchr(s, '{');
        size_t lit = brace ? (size_t)(brace - s) : strlen(s);
        if (!put(out, size, &pos, s, lit))
            return;
        if (!brace)
            return;
        char num[24];
        const char *rep = NULL;
        size_t skip = 0;
        if (strncmp(brace, "{n}", 3) == 0) {
            snprintf(num, sizeof num, "%d", n);
            rep = num;
            skip = 3;
        } else if (strncmp(brace, "{total}", 7) == 0) {
            snprintf(num, sizeof num, "%d", total);
            rep = num;
            skip = 7;
        } else if (strncmp(brace, "{name}", 6) == 0) {
            rep = name ? name : "";
            skip = 6;
        }
        if (rep) {
            if (!put(out, size, &pos, rep, strlen(rep)))
                return;
            s = brace + skip;
        } else {
            if (!put(out, size, &pos, "{", 1))
                return;
            s = brace + 1;
        }
    }
}
