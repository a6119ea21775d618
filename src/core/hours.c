#include "hours.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "text_util.h"

/* "HH:MM" at *p (blanks around allowed); 24:00 only when allow_24. */
static bool parse_clock(const char **p, int *minutes, bool allow_24, char *err, size_t err_size)
{
    const char *s = *p;
    while (*s == ' ' || *s == '\t') s++;
    const char *start = s;
    int h = 0, m = 0, hd = 0, md = 0;
    while (isdigit((unsigned char)*s) && hd < 3) h = h * 10 + (*s++ - '0'), hd++;
    bool ok = hd >= 1 && hd <= 2 && *s == ':';
    if (ok) {
        s++;
        while (isdigit((unsigned char)*s) && md < 3) m = m * 10 + (*s++ - '0'), md++;
        ok = md == 2 && m <= 59 && (h <= 23 || (allow_24 && h == 24 && m == 0));
    }
    if (!ok) {
        const char *end = start;
        while (*end && *end != '-' && *end != ',' && *end != ' ') end++;
        if (err)
            snprintf(err, err_size, "\"%.*s\" is not a time (HH:MM, 00:00..23:59)",
                     (int)(end - start > 20 ? 20 : end - start), start);
        return false;
    }
    *minutes = h * 60 + m;
    *p = s;
    return true;
}

bool sk_hours_parse(const char *text, sk_hours *out, char *err, size_t err_size)
{
    memset(out, 0, sizeof *out);
    if (err && err_size) err[0] = '\0';
    const char *s = text ? text : "";
    while (*s == ' ' || *s == '\t') s++;
    if (*s == '\0' || sk_strcasecmp(s, "none") == 0) return true;
    sk_hours h = {0};
    for (;;) {
        int a, b;
        if (!parse_clock(&s, &a, false, err, err_size)) return false;
        while (*s == ' ' || *s == '\t') s++;
        if (*s != '-') {
            if (err) snprintf(err, err_size, "expected a range like 22:00-06:30");
            return false;
        }
        s++;
        if (!parse_clock(&s, &b, true, err, err_size)) return false;
        /* 24:00 ends a range at midnight; "00:00-24:00" is the whole day. */
        if (b == 24 * 60 && a != 0) b = 0;
        if (a == b) {
            if (err)
                snprintf(err, err_size, "%02d:%02d-%02d:%02d starts where it ends; "
                         "give a range of at least one minute", a / 60, a % 60, b / 60, b % 60);
            return false;
        }
        if (h.count == SK_HOURS_MAX) {
            if (err) snprintf(err, err_size, "at most %d ranges", SK_HOURS_MAX);
            return false;
        }
        h.range[h.count].start = a;
        h.range[h.count].end = b;
        h.count++;
        while (*s == ' ' || *s == '\t') s++;
        if (*s == '\0') break;
        if (*s != ',') {
            if (err) snprintf(err, err_size, "separate ranges with ',' (e.g. 12:00-13:00, 22:00-06:30)");
            return false;
        }
        s++;
    }
    *out = h;
    return true;
}

static int fold_minute(int minute)
{
    minute %= 1440;
    return minute < 0 ? minute + 1440 : minute;
}

bool sk_hours_contains(const sk_hours *h, int minute_of_day)
{
    int t = fold_minute(minute_of_day);
    for (int i = 0; i < h->count; i++) {
        int a = h->range[i].start, b = h->range[i].end;
        if (a < b ? (t >= a && t < b) : (t >= a || t < b)) return true;
    }
    return false;
}

int sk_hours_minutes_to_change(const sk_hours *h, int minute_of_day)
{
    int t = fold_minute(minute_of_day);
    bool now = sk_hours_contains(h, t);
    for (int step = 1; step < 1440; step++)
        if (sk_hours_contains(h, t + step) != now) return step;
    return 1440;
}

char *sk_hours_format(const sk_hours *h, char *buf, size_t size)
{
    if (size == 0) return buf;
    buf[0] = '\0';
    for (int i = 0; i < h->count; i++) {
        char one[48];
        snprintf(one, sizeof one, "%s%02d:%02d-%02d:%02d", i ? ", " : "",
                 h->range[i].start / 60, h->range[i].start % 60,
                 h->range[i].end / 60, h->range[i].end % 60);
        sk_strlcat(buf, one, size);
    }
    return buf;
}

int sk_hours_trusted_minute(bool synced, time_t now, const struct tm *local)
{
    if (!synced || now < SK_HOURS_CLOCK_PLAUSIBLE || !local) return -1;
    return local->tm_hour * 60 + local->tm_min;
}

bool sk_hours_now(const sk_hours *h, int trusted_minute)
{
    return h && h->count > 0 && trusted_minute >= 0 && sk_hours_contains(h, trusted_minute);
}
