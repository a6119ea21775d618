#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "text_util.h"

void sk_diag_init(sk_diag *d)
{
    memset(d, 0, sizeof(*d));
}

void sk_diag_free(sk_diag *d)
{
    for (int i = 0; i < d->count; i++) {
        free(d->items[i].file);
        free(d->items[i].message);
    }
    free(d->items);
    sk_diag_init(d);
}

void sk_diag_add(sk_diag *d, sk_diag_level level, const char *file, int line,
                 const char *fmt, ...)
{
    if (level == SK_DIAG_ERROR) d->errors++;
    else d->warnings++;
    if (d->count >= SK_DIAG_MAX_ITEMS) {
        d->dropped++;
        return;
    }
    if (d->count == d->cap) {
        int cap = d->cap ? d->cap * 2 : 16;
        sk_diag_item *items = realloc(d->items, sizeof(*items) * (size_t)cap);
        if (!items) {
            d->dropped++;
            return;
        }
        d->items = items;
        d->cap = cap;
    }
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    sk_diag_item *it = &d->items[d->count];
    it->level = level;
    it->line = line;
    it->file = sk_strdup(file ? file : "(unknown)");
    it->message = sk_strdup(msg);
    if (!it->file || !it->message) {
        free(it->file);
        free(it->message);
        d->dropped++;
        return;
    }
    d->count++;
}

void sk_diag_print(const sk_diag *d, FILE *out)
{
    for (int i = 0; i < d->count; i++) {
        const sk_diag_item *it = &d->items[i];
        const char *lvl = it->level == SK_DIAG_WARNING ? "warning: " : "";
        if (it->line > 0)
            fprintf(out, "%s:%d: %s%s\n", it->file, it->line, lvl, it->message);
        else
            fprintf(out, "%s: %s%s\n", it->file, lvl, it->message);
    }
    if (d->dropped)
        fprintf(out, "(%d more not shown)\n", d->dropped);
}

bool sk_diag_contains(const sk_diag *d, int line, const char *needle)
{
    for (int i = 0; i < d->count; i++)
        if ((line < 0 || d->items[i].line == line) && strstr(d->items[i].message, needle))
            return true;
    return false;
}

void sk_diag_take(sk_diag *dst, sk_diag *src)
{
    for (int i = 0; i < src->count; i++) {
        sk_diag_item *it = &src->items[i];
        sk_diag_add(dst, it->level, it->file, it->line, "%s", it->message);
    }
    dst->dropped += src->dropped;
    sk_diag_free(src);
}

void sk_log_call_failed(const char *what, const char *call, const char *why)
{
    fprintf(stderr, "stretch-kiosk: %s%s%s: %s\n", what ? what : "", what ? ": " : "", call,
            why && *why ? why : "(no reason given)");
}
