/* When the display sleeps: the screen-off hours, the wall clock's trust,
 * a guided session and the last touch, as one pure function. No clock is
 * read: the caller hands in the trusted minute of the day (hours.h), the
 * milliseconds into that minute and its own monotonic ms.
 *
 * DST and a clock that jumps: the answer depends only on the minute of the
 * day handed in (local time, from localtime_r), never on a remembered
 * edge, so a DST change or a clock set by NTP simply gives the answer for
 * the new minute at the next look. On the spring-forward night the missing
 * hour never comes: hours that start inside it are entered at 03:00 (the
 * first minute that exists and lies in them). On the fall-back night the
 * repeated hour is judged twice, as the wall says. next_change_ms is a hint
 * for sleeping, capped at SK_DISPLAY_LOOK_MAX_MS so a jump is seen soon. */
#ifndef SK_DISPLAY_SCHEDULE_H
#define SK_DISPLAY_SCHEDULE_H
#include <stdbool.h>
#include <stdint.h>

#include "hours.h"

/* Look again at least this often: the wall clock can be set or jump. */
#define SK_DISPLAY_LOOK_MAX_MS 60000

typedef struct sk_display_when {
    const sk_hours *off_hours;  /* screen_off; NULL or empty = never */
    int trusted_minute;         /* sk_hours_trusted_minute: -1 = not trusted */
    int ms_into_minute;         /* 0..59999: the wall clock's seconds and ms */
    bool session;               /* a guided session runs: never off under it */
    int64_t now_ms;             /* the caller's monotonic clock */
    int64_t woken_until_ms;     /* a touch in the hours lights it until then
                                   (touch + walkaway_seconds); 0 = none */
} sk_display_when;

typedef enum sk_display_why {
    SK_DISPLAY_ON_NO_HOURS,     /* no screen_off hours set */
    SK_DISPLAY_ON_UNTRUSTED,    /* the wall clock is not synchronised yet */
    SK_DISPLAY_ON_OUTSIDE,      /* outside the hours */
    SK_DISPLAY_ON_SESSION,      /* in the hours, a guided session runs */
    SK_DISPLAY_ON_WOKEN,        /* in the hours, woken by a touch */
    SK_DISPLAY_OFF_HOURS        /* in the hours: off */
} sk_display_why;

typedef struct sk_display_plan {
    bool on;
    sk_display_why why;
    int64_t next_change_ms;     /* ms until 'on' may change (1..
                                   SK_DISPLAY_LOOK_MAX_MS); a session's end
                                   is the caller's to see */
} sk_display_plan;

sk_display_plan sk_display_schedule(const sk_display_when *w);

/* A word for the log and status ("outside the hours", ...). */
const char *sk_display_why_name(sk_display_why why);
#endif
