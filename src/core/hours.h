/* Daily hours (quiet hours, screen-off hours): parsing, which minute is
 * inside, and the one rule for trusting the wall clock that both follow.
 *
 * A Pi has no battery clock: until NTP it boots in 1970 or at the time it
 * was last shut down (fake-hwclock), which can be hours or weeks off. Hours
 * are judged only on a trusted minute (sk_hours_trusted_minute); before,
 * none holds: a kiosk that talks or lights up at night once after a power
 * cut is better than one silent or dark all day. No SDL, no clock read:
 * the caller hands in the time and whether the system says it is
 * synchronised (sk_notify_wall_clock_synced). */
#ifndef SK_HOURS_H
#define SK_HOURS_H
#include <stdbool.h>
#include <stddef.h>
#include <time.h>

/* A set of daily time ranges, e.g. "22:00-06:30" or "12:00-13:00, 19:00-07:00".
 * A range may cross midnight; its start is inside it, its end is not. */
#define SK_HOURS_MAX 4
typedef struct sk_hours {
    int count;                          /* 0 = never */
    struct { int start, end; } range[SK_HOURS_MAX];   /* minutes 0..1439 */
} sk_hours;

/* Parses "HH:MM-HH:MM[, HH:MM-HH:MM ...]" (24-hour clock, up to
 * SK_HOURS_MAX ranges; 24:00 is allowed as an end; "" or "none" = no
 * range). On false, out->count is 0 and err (if given) says what is wrong,
 * e.g. "25:00 is not a time (HH:MM, 00:00..23:59)". A range whose start
 * equals its end is an error (it would mean nothing or the whole day);
 * the whole day is written "00:00-24:00". */
bool sk_hours_parse(const char *text, sk_hours *out, char *err, size_t err_size);

/* True when minute_of_day (0..1439; other values are folded into that
 * range) falls inside one of the ranges. Across midnight: "22:00-06:00"
 * holds 22:00..23:59 and 00:00..05:59. */
bool sk_hours_contains(const sk_hours *h, int minute_of_day);

/* Minutes from minute_of_day until the answer of sk_hours_contains next
 * changes (1..1440); 1440 (a whole day) when it never changes. Lets the
 * caller sleep instead of polling. */
int sk_hours_minutes_to_change(const sk_hours *h, int minute_of_day);

/* Writes the ranges back as text ("22:00-06:30, ..." or "" when none). */
char *sk_hours_format(const sk_hours *h, char *buf, size_t size);

/* A synchronised clock that reads before this is wrong all the same. */
#define SK_HOURS_CLOCK_PLAUSIBLE ((time_t)1704067200)   /* 2024-01-01 UTC */

/* The minute of the day (local->tm_hour/tm_min) to judge hours by, or -1
 * when the wall clock is not to be trusted: not synchronised ('synced'
 * false), or 'now' before SK_HOURS_CLOCK_PLAUSIBLE, or no 'local'. */
int sk_hours_trusted_minute(bool synced, time_t now, const struct tm *local);

/* True when h holds trusted_minute; false when h is NULL or empty or the
 * minute is -1 (not trusted). */
bool sk_hours_now(const sk_hours *h, int trusted_minute);
#endif
