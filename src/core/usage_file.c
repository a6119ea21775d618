/* usage.csv: the text of the usage counts, made and read (usage.h). */
#include "usage.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text_util.h"

#define USAGE_FIELDS 14
#define USAGE_LINE_MAX 4096

void sk_usage_date_text(int yyyymmdd, char *buf, size_t size)
{
    snprintf(buf, size, "%04d-%02d-%02d", yyyymmdd / 10000, yyyymmdd / 100 % 100, yyyymmdd % 100);
}

static bool put_list(const sk_usage_list *l, char *buf, size_t size, size_t *at)
{
    for (int i = 0; i < l->count; i++) {
        int n = snprintf(buf + *at, size - *at, "%s%s:%ld", i ? " " : "", l->items[i].key, l->items[i].count);
        if (n < 0 || (size_t)n >= size - *at) return false;
        *at += (size_t)n;
    }
    int n = snprintf(buf + *at, size - *at, ",");
    if (n < 0 || (size_t)n >= size - *at) return false;
    *at += (size_t)n;
    return true;
}

bool sk_usage_format_day(const sk_usage_day *d, char *buf, size_t size)
{
    char date[16];
    sk_usage_date_text(d->date, date, sizeof date);
    int n = snprintf(buf, size, "%s,%ld,%ld,%ld,%ld,%ld,%ld,", date, d->loop_cycles, d->wake_taps,
                     d->sessions_started, d->sessions_completed, d->sessions_stopped, d->walkaways);
    if (n < 0 || (size_t)n >= size) return false;
    size_t at = (size_t)n;
    if (!put_list(&d->holds, buf, size, &at) || !put_list(&d->stopped_in, buf, size, &at) ||
        !put_list(&d->walked_away_in, buf, size, &at))
        return false;
    n = snprintf(buf + at, size - at, "%lld,%lld,%ld,", (long long)(d->quiet_ms / 60000),
                 (long long)(d->screen_off_ms / 60000), d->starts);
    if (n < 0 || (size_t)n >= size - at) return false;
    at += (size_t)n;
    if (!put_list(&d->start_problems, buf, size, &at)) return false;
    buf[at - 1] = '\0';   /* no comma after the last field */
    return true;
}

char *sk_usage_format(sk_usage *u, size_t *len)
{
    static const char head[] = "# stretch-kiosk usage counts, one line a day (README \"Usage counts\")\n"
                               SK_USAGE_HEADER "\n";
    size_t cap = sizeof head + (size_t)u->count * USAGE_LINE_MAX, at = sizeof head - 1;
    char *out = malloc(cap);
    if (!out) return NULL;
    memcpy(out, head, at);
    for (int i = 0; i < u->count; i++) {
        if (u->days[i].date == 0) continue;   /* not yet a day: kept in memory */
        if (!sk_usage_format_day(&u->days[i], out + at, cap - at - 1)) continue;
        at += strlen(out + at);
        out[at++] = '\n';
    }
    out[at] = '\0';
    if (len) *len = at;
    u->dirty = false;
    return out;
}

/* ---- reading ---------------------------------------------------------- */

static bool parse_count(const char *s, long *out)
{
    long v;
    if (!sk_parse_long(s, &v) || v < 0) return false;
    *out = v;
    return true;
}

static bool parse_date(const char *s, int *out)
{
    int y, m, d;
    char tail;
    if (strlen(s) != 10 || sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3) return false;
    if (y < 1970 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31) return false;
    *out = y * 10000 + m * 100 + d;
    return true;
}

/* "basic:3 seated:1" (or empty). */
static bool parse_list(char *s, sk_usage_list *l, const char **why)
{
    char *save = NULL;
    for (char *tok = strtok_r(s, " ", &save); tok; tok = strtok_r(NULL, " ", &save)) {
        char *colon = strrchr(tok, ':');
        long n;
        if (!colon || colon == tok || !parse_count(colon + 1, &n)) {
            *why = "a list item is not key:count";
            return false;
        }
        *colon = '\0';
        if (strlen(tok) >= SK_USAGE_KEY_MAX) {
            *why = "a list key is too long";
            return false;
        }
        for (int i = 0; i < l->count; i++)
            if (!strcmp(l->items[i].key, tok)) l->items[i].count += n, n = -1;
        if (n < 0) continue;
        if (l->count == SK_USAGE_LIST_MAX) {
            *why = "a list has too many keys";
            return false;
        }
        sk_strlcpy(l->items[l->count].key, tok, SK_USAGE_KEY_MAX);
        l->items[l->count++].count = n;
    }
    return true;
}

/* One data line into *d; NULL or what is wrong. */
static const char *parse_day(char *line, sk_usage_day *d)
{
    char *f[USAGE_FIELDS];
    int n = 0;
    for (char *p = line;; p++) {
        if (n == USAGE_FIELDS) return "more than 14 fields";
        f[n++] = p;
        p = strchr(p, ',');
        if (!p) break;
        *p = '\0';
    }
    if (n != USAGE_FIELDS) return "fewer than 14 fields";
    memset(d, 0, sizeof *d);
    if (!parse_date(f[0], &d->date)) return "the date is not YYYY-MM-DD";
    long *counts[] = {&d->loop_cycles, &d->wake_taps, &d->sessions_started, &d->sessions_completed,
                      &d->sessions_stopped, &d->walkaways};
    for (int i = 0; i < 6; i++)
        if (!parse_count(f[1 + i], counts[i])) return "a count is not a whole number 0 or more";
    const char *why = NULL;
    if (!parse_list(f[7], &d->holds, &why) || !parse_list(f[8], &d->stopped_in, &why) ||
        !parse_list(f[9], &d->walked_away_in, &why) || !parse_list(f[13], &d->start_problems, &why))
        return why;
    long quiet, off;
    if (!parse_count(f[10], &quiet) || !parse_count(f[11], &off) || !parse_count(f[12], &d->starts))
        return "a count is not a whole number 0 or more";
    d->quiet_ms = (int64_t)quiet * 60000;
    d->screen_off_ms = (int64_t)off * 60000;
    return NULL;
}

static int by_date(const void *a, const void *b)
{
    int x = ((const sk_usage_day *)a)->date, y = ((const sk_usage_day *)b)->date;
    return (x > y) - (x < y);
}

/* A parsed day into u: added to its date's record, or a new one. */
static void keep_day(sk_usage *u, const sk_usage_day *d, const char *name, int line, sk_diag *diag)
{
    for (int i = 0; i < u->count; i++)
        if (u->days[i].date == d->date) {
            sk_diag_warn(diag, name, line, "this date is on an earlier line too: added up");
            sk_usage_day_add(&u->days[i], d);
            return;
        }
    if (u->count == SK_USAGE_MAX_DAYS) {
        /* Keep the newest: replace the oldest when this one is newer. */
        qsort(u->days, (size_t)u->count, sizeof *u->days, by_date);
        if (d->date < u->days[0].date) return;
        u->days[0] = *d;
        return;
    }
    u->days[u->count++] = *d;
}

bool sk_usage_parse(const char *text, size_t len, const char *name, sk_usage *u, sk_diag *diag)
{
    sk_usage_free(u);
    if (!sk_usage_init(u)) return false;
    char line[USAGE_LINE_MAX];
    size_t at = 0;
    for (int no = 1; at < len; no++) {
        const char *nl = memchr(text + at, '\n', len - at);
        size_t n = nl ? (size_t)(nl - (text + at)) : len - at;
        const char *start = text + at;
        at += n + (nl ? 1 : 0);
        if (n > 0 && start[n - 1] == '\r') n--;
        if (n == 0 || start[0] == '#') continue;
        if (n >= sizeof line) {
            sk_diag_warn(diag, name, no, "line longer than %d bytes: skipped", USAGE_LINE_MAX - 1);
            continue;
        }
        memcpy(line, start, n);
        line[n] = '\0';
        if (memchr(line, '\0', n)) {
            sk_diag_warn(diag, name, no, "not text (a NUL byte): skipped");
            continue;
        }
        if (!strncmp(line, "date,", 5)) {
            if (strcmp(line, SK_USAGE_HEADER))
                sk_diag_warn(diag, name, no, "not the header this version writes: its columns may differ");
            continue;
        }
        sk_usage_day d;
        const char *why = parse_day(line, &d);
        if (why) sk_diag_warn(diag, name, no, "%s: skipped", why);
        else keep_day(u, &d, name, no, diag);
    }
    qsort(u->days, (size_t)u->count, sizeof *u->days, by_date);
    u->dirty = false;
    return true;
}
