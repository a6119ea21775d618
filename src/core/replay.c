/* Replay scripts: see replay.h for the format. */
#include "replay.h"

#include <stdlib.h>
#include <string.h>

#include "ini_lines.h"
#include "text_util.h"

static bool is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

/* "12", "12.5", "0.125": whole milliseconds, no sign, no exponent. */
static bool parse_seconds(const char *s, int64_t *ms, bool *too_big)
{
    int64_t whole = 0;
    int digits = 0;
    *too_big = false;
    for (; *s >= '0' && *s <= '9'; s++, digits++) {
        if (whole <= SK_REPLAY_MAX_SECONDS)
            whole = whole * 10 + (*s - '0');
        else
            *too_big = true;
    }
    int64_t frac = 0;
    int fdigits = 0;
    if (*s == '.') {
        for (s++; *s >= '0' && *s <= '9'; s++, fdigits++) {
            if (fdigits >= 3)
                return false;
            frac = frac * 10 + (*s - '0');
        }
        if (fdigits == 0 && digits == 0)
            return false;
    }
    if (*s || digits + fdigits == 0)
        return false;
    for (int i = fdigits; i < 3; i++)
        frac *= 10;
    if (whole > SK_REPLAY_MAX_SECONDS || (whole == SK_REPLAY_MAX_SECONDS && frac > 0))
        *too_big = true;
    *ms = whole * 1000 + frac;
    return true;
}

static const char *const intent_names[] = {
    "start", "pause", "resume", "toggle_pause", "skip", "back",
    "stop", "wake", "quit", "activity", NULL,
};

/* The whole text: a BOM dropped; no NUL bytes; valid UTF-8. False (with
 * the error) when it is not text. */
static bool check_text(const char **text, size_t *len, const char *name, sk_diag *d)
{
    if (*len >= 3 && memcmp(*text, "\xEF\xBB\xBF", 3) == 0) {   /* a BOM some editors add */
        *text += 3;
        *len -= 3;
    }
    if (memchr(*text, '\0', *len)) {
        sk_diag_error(d, name, 0, "holds NUL bytes: not a text file");
        return false;
    }
    size_t bad;
    if (!sk_utf8_valid(*text, *len, &bad)) {
        int line = 1;
        for (size_t i = 0; i < bad; i++)
            line += (*text)[i] == '\n';
        sk_diag_error(d, name, line, "is not valid UTF-8 (byte %zu)", bad);
        return false;
    }
    return true;
}

/* Cuts the line at '#' and into blank-separated words; the first three in
 * tok. Returns how many there are. */
static int split_words(char *buf, char *tok[3])
{
    char *hash = strchr(buf, '#');
    if (hash)
        *hash = '\0';
    int ntok = 0;
    for (char *p = buf; *p;) {
        while (is_blank(*p))
            *p++ = '\0';
        if (!*p)
            break;
        if (ntok < 3)
            tok[ntok] = p;
        ntok++;
        while (*p && !is_blank(*p))
            p++;
    }
    return ntok;
}

/* "<seconds> <intent>" into *ms and *in; false (with the error) when the
 * line says anything else. */
static bool parse_event(char *const tok[3], int ntok, const char *name, int line, sk_diag *d,
                        int64_t *ms, sk_intent *in)
{
    bool too_big;
    if (!parse_seconds(tok[0], ms, &too_big)) {
        sk_diag_error(d, name, line,
                      "time must be seconds like 12 or 12.5 (at most 3 decimals), got \"%s\"",
                      tok[0]);
        return false;
    }
    if (too_big) {
        sk_diag_error(d, name, line, "time must be 0..%d seconds, got %s",
                      SK_REPLAY_MAX_SECONDS, tok[0]);
        return false;
    }
    if (ntok < 2) {
        sk_diag_error(d, name, line, "missing intent after the time %s", tok[0]);
        return false;
    }
    *in = sk_intent_from_name(tok[1]);
    if (*in == SK_INTENT_NONE) {
        const char *near = sk_did_you_mean(tok[1], intent_names);
        if (near)
            sk_diag_error(d, name, line, "unknown intent \"%s\" (did you mean \"%s\"?)",
                          tok[1], near);
        else
            sk_diag_error(d, name, line,
                          "unknown intent \"%s\" (one of start, pause, resume, "
                          "toggle_pause, skip, back, stop, wake, quit, activity)",
                          tok[1]);
        return false;
    }
    if (ntok > 2) {
        sk_diag_error(d, name, line, "unexpected \"%s\" after the intent (comments start with #)",
                      tok[2]);
        return false;
    }
    return true;
}

bool sk_replay_parse(const char *text, size_t len, const char *name, sk_replay *out,
                     sk_diag *d)
{
    out->events = NULL;
    out->count = 0;
    int errors_before = d->errors;
    if (!text)
        len = 0;
    if (len == 0)
        return true;
    if (!check_text(&text, &len, name, d))
        return false;
    int cap = 0;
    int64_t last_ms = 0;
    const char *last_time = NULL;
    char last_buf[32] = "";
    int line = 0;
    size_t pos = 0;
    while (pos < len) {
        const char *start = text + pos;
        const char *nl = memchr(start, '\n', len - pos);
        size_t n = nl ? (size_t)(nl - start) : len - pos;
        pos += n + (nl ? 1 : 0);
        line++;
        if (n > SK_REPLAY_MAX_LINE) {
            sk_diag_error(d, name, line, "line is %zu bytes long; the limit is %d", n,
                          SK_REPLAY_MAX_LINE);
            continue;
        }
        char buf[SK_REPLAY_MAX_LINE + 1];
        memcpy(buf, start, n);
        buf[n] = '\0';
        char *tok[3] = {NULL, NULL, NULL};
        int ntok = split_words(buf, tok);
        int64_t ms;
        sk_intent in;
        if (ntok == 0 || !parse_event(tok, ntok, name, line, d, &ms, &in))
            continue;
        if (last_time && ms < last_ms) {
            sk_diag_error(d, name, line, "time %s is before the previous event's %s", tok[0],
                          last_buf);
            continue;
        }
        if (out->count >= SK_REPLAY_MAX_EVENTS) {
            sk_diag_error(d, name, line, "more than %d events", SK_REPLAY_MAX_EVENTS);
            break;
        }
        if (out->count == cap) {
            int ncap = cap ? cap * 2 : 64;
            sk_replay_event *v = realloc(out->events, (size_t)ncap * sizeof *v);
            if (!v) {
                sk_diag_error(d, name, line, "out of memory");
                break;
            }
            out->events = v;
            cap = ncap;
        }
        out->events[out->count++] = (sk_replay_event){ms, in, line};
        last_ms = ms;
        sk_strlcpy(last_buf, tok[0], sizeof last_buf);
        last_time = last_buf;
    }
    if (d->errors > errors_before) {
        sk_replay_free(out);
        return false;
    }
    return true;
}

bool sk_replay_load(const char *path, sk_replay *out, sk_diag *d)
{
    size_t len = 0;
    out->events = NULL;
    out->count = 0;
    char *text = sk_read_file_limited(path, path, SK_REPLAY_MAX_BYTES, &len, d);
    if (!text)
        return false;
    bool ok = sk_replay_parse(text, len, path, out, d);
    free(text);
    return ok;
}

void sk_replay_free(sk_replay *r)
{
    if (!r)
        return;
    free(r->events);
    r->events = NULL;
    r->count = 0;
}

bool sk_replay_next_due(const sk_replay *r, int *cursor, int64_t now_ms, sk_replay_event *ev)
{
    if (!r || *cursor < 0 || *cursor >= r->count || r->events[*cursor].at_ms > now_ms)
        return false;
    *ev = r->events[(*cursor)++];
    return true;
}

int64_t sk_replay_end_ms(const sk_replay *r)
{
    return r && r->count > 0 ? r->events[r->count - 1].at_ms : 0;
}
