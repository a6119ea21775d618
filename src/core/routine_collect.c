/* Routine files, pass 1 (routine_parts.h): every key = value with its
 * line, continuation lines joined, and the [section] header lines. */
#include "routine_parts.h"

#include <stdlib.h>
#include <string.h>

#include "text_util.h"

bool sk_rt_collect(void *user, const char *section, const char *key, const char *value,
                   int line, bool continued)
{
    (void)section;  /* sections are taken from the header lines: see scan_headers */
    collector *c = user;
    if (continued) {
        if (c->n > 0 && !sk_str_append_line(&c->kv[c->n - 1].value, value))
            c->oom = true;
        return true;
    }
    if (c->n == c->cap) {
        int cap = c->cap ? c->cap * 2 : 64;
        raw_kv *kv = realloc(c->kv, (size_t)cap * sizeof *kv);
        if (!kv) {
            c->oom = true;
            return true;
        }
        c->kv = kv;
        c->cap = cap;
    }
    raw_kv *e = &c->kv[c->n];
    e->key = sk_strdup(key);
    e->value = sk_strdup(value);
    e->line = line;
    if (!e->key || !e->value) {
        free(e->key);
        free(e->value);
        c->oom = true;
        return true;
    }
    c->n++;
    return true;
}

/* The [section] lines with their line numbers. inih reports keys only (and
 * Debian builds it without INI_CALL_HANDLER_ON_NEW_SECTION), so an empty
 * section, a section given twice in a row, or the line of a header would be
 * invisible. The text has already passed sk_ini_parse_text, so this only
 * indexes lines the way inih reads them: a line whose first non-blank byte
 * is '[' names the section up to the next ']', unless it is indented right
 * after a key, where inih takes it as a continuation of that key's value. */
raw_header *sk_rt_scan_headers(const char *text, size_t len, int *count, bool *oom)
{
    raw_header *h = NULL;
    int n = 0, cap = 0, line = 1;
    bool after_key = false;
    size_t i = 0;
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    while (i < len) {
        size_t end = i;
        while (end < len && text[end] != '\n')
            end++;
        size_t p = i;
        while (p < end && (text[p] == ' ' || text[p] == '\t' || text[p] == '\r'))
            p++;
        bool indented = p > i;
        if (p == end || text[p] == ';' || text[p] == '#' || (indented && after_key)) {
            /* blank, comment or continuation: no change */
        } else if (text[p] == '[') {
            size_t q = p + 1;
            while (q < end && text[q] != ']')
                q++;
            if (q < end) {
                if (n == cap) {
                    cap = cap ? cap * 2 : 32;
                    raw_header *nh = realloc(h, (size_t)cap * sizeof *nh);
                    if (!nh) {
                        *oom = true;
                        break;
                    }
                    h = nh;
                }
                size_t nlen = q - (p + 1);
                char *name = malloc(nlen + 1);
                if (!name) {
                    *oom = true;
                    break;
                }
                memcpy(name, text + p + 1, nlen);
                name[nlen] = '\0';
                h[n].name = name;
                h[n].line = line;
                n++;
                after_key = false;
            }
        } else if (memchr(text + p, '=', end - p) || memchr(text + p, ':', end - p)) {
            after_key = true;
        }
        i = end + 1;
        line++;
    }
    *count = n;
    return h;
}
