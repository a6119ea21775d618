#include "display_schedule.h"

static int64_t min64(int64_t a, int64_t b) { return a < b ? a : b; }

/* ms until the wall clock reaches the minute where the hours' answer flips. */
static int64_t ms_to_hours_change(const sk_display_when *w)
{
    int minutes = sk_hours_minutes_to_change(w->off_hours, w->trusted_minute);
    int into = w->ms_into_minute < 0 ? 0 : w->ms_into_minute > 59999 ? 59999 : w->ms_into_minute;
    return (int64_t)minutes * 60000 - into;
}

sk_display_plan sk_display_schedule(const sk_display_when *w)
{
    sk_display_plan p = {.on = true, .next_change_ms = SK_DISPLAY_LOOK_MAX_MS};
    if (!w->off_hours || w->off_hours->count == 0) {
        p.why = SK_DISPLAY_ON_NO_HOURS;
        return p;
    }
    if (w->trusted_minute < 0) {
        p.why = SK_DISPLAY_ON_UNTRUSTED;   /* hours.h: lit rather than dark all day */
        return p;
    }
    p.next_change_ms = min64(ms_to_hours_change(w), SK_DISPLAY_LOOK_MAX_MS);
    if (!sk_hours_contains(w->off_hours, w->trusted_minute)) {
        p.why = SK_DISPLAY_ON_OUTSIDE;
        return p;
    }
    if (w->session) {
        p.why = SK_DISPLAY_ON_SESSION;
        return p;
    }
    if (w->woken_until_ms > w->now_ms) {
        p.why = SK_DISPLAY_ON_WOKEN;
        p.next_change_ms = min64(p.next_change_ms, w->woken_until_ms - w->now_ms);
        return p;
    }
    p.on = false;
    p.why = SK_DISPLAY_OFF_HOURS;
    return p;
}

const char *sk_display_why_name(sk_display_why why)
{
    switch (why) {
    case SK_DISPLAY_ON_NO_HOURS: return "no screen-off hours";
    case SK_DISPLAY_ON_UNTRUSTED: return "the wall clock is not synchronised yet";
    case SK_DISPLAY_ON_OUTSIDE: return "outside the screen-off hours";
    case SK_DISPLAY_ON_SESSION: return "a guided session runs";
    case SK_DISPLAY_ON_WOKEN: return "woken by a touch";
    case SK_DISPLAY_OFF_HOURS: return "screen-off hours";
    }
    return "?";
}
