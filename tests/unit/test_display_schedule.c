/* The display's schedule (display_schedule.h) as a table: every boundary
 * of a range, ranges over midnight, several ranges, the untrusted clock,
 * the wake-touch window, a session across the start of the hours, DST
 * nights and a clock that jumps (the minute handed in changes), and the
 * next-change hint the loop sleeps on. */
#include "check.h"
#include "display_schedule.h"

#define M(h, m) ((h) * 60 + (m))

typedef struct row {
    const char *hours;
    int minute;           /* trusted minute, -1 = untrusted */
    int ms_into;          /* ms into that minute */
    bool session;
    int64_t now, woken_until;
    bool on;
    sk_display_why why;
    int64_t next;         /* expected next_change_ms */
} row;

static const row rows[] = {
    /* no hours, untrusted clock: on, look again in a minute */
    {"", M(23, 0), 0, false, 0, 0, true, SK_DISPLAY_ON_NO_HOURS, 60000},
    {"19:30-07:00", -1, 0, false, 0, 0, true, SK_DISPLAY_ON_UNTRUSTED, 60000},
    /* the start is inside, the end is not */
    {"19:30-07:00", M(19, 29), 0, false, 0, 0, true, SK_DISPLAY_ON_OUTSIDE, 60000},
    {"19:30-07:00", M(19, 29), 59999, false, 0, 0, true, SK_DISPLAY_ON_OUTSIDE, 1},
    {"19:30-07:00", M(19, 29), 30000, false, 0, 0, true, SK_DISPLAY_ON_OUTSIDE, 30000},
    {"19:30-07:00", M(19, 30), 0, false, 0, 0, false, SK_DISPLAY_OFF_HOURS, 60000},
    {"19:30-07:00", M(23, 59), 59000, false, 0, 0, false, SK_DISPLAY_OFF_HOURS, 60000},
    {"19:30-07:00", M(0, 0), 0, false, 0, 0, false, SK_DISPLAY_OFF_HOURS, 60000},
    {"19:30-07:00", M(6, 59), 0, false, 0, 0, false, SK_DISPLAY_OFF_HOURS, 60000},
    {"19:30-07:00", M(6, 59), 45000, false, 0, 0, false, SK_DISPLAY_OFF_HOURS, 15000},
    {"19:30-07:00", M(7, 0), 0, false, 0, 0, true, SK_DISPLAY_ON_OUTSIDE, 60000},
    {"19:30-07:00", M(12, 0), 0, false, 0, 0, true, SK_DISPLAY_ON_OUTSIDE, 60000},
    /* a range within the day, and two ranges */
    {"12:00-13:00", M(12, 59), 0, false, 0, 0, false, SK_DISPLAY_OFF_HOURS, 60000},
    {"12:00-13:00", M(13, 0), 0, false, 0, 0, true, SK_DISPLAY_ON_OUTSIDE, 60000},
    {"12:00-13:00, 22:00-06:00", M(3, 0), 0, false, 0, 0, false, SK_DISPLAY_OFF_HOURS, 60000},
    {"12:00-13:00, 22:00-06:00", M(21, 59), 500, false, 0, 0, true, SK_DISPLAY_ON_OUTSIDE, 59500},
    /* the whole day */
    {"00:00-24:00", M(0, 0), 0, false, 0, 0, false, SK_DISPLAY_OFF_HOURS, 60000},
    {"00:00-24:00", M(23, 59), 0, false, 0, 0, false, SK_DISPLAY_OFF_HOURS, 60000},
    /* a session running across the start: never off under it */
    {"19:30-07:00", M(19, 29), 50000, true, 0, 0, true, SK_DISPLAY_ON_OUTSIDE, 10000},
    {"19:30-07:00", M(19, 30), 0, true, 0, 0, true, SK_DISPLAY_ON_SESSION, 60000},
    {"19:30-07:00", M(2, 0), 0, true, 0, 0, true, SK_DISPLAY_ON_SESSION, 60000},
    /* the wake-touch window: on until woken_until, then off */
    {"19:30-07:00", M(2, 0), 0, false, 1000, 61000, true, SK_DISPLAY_ON_WOKEN, 60000},
    {"19:30-07:00", M(2, 0), 0, false, 1000, 11000, true, SK_DISPLAY_ON_WOKEN, 10000},
    {"19:30-07:00", M(2, 0), 0, false, 60999, 61000, true, SK_DISPLAY_ON_WOKEN, 1},
    {"19:30-07:00", M(2, 0), 0, false, 61000, 61000, false, SK_DISPLAY_OFF_HOURS, 60000},
    /* woken just before the end of the hours: the end comes first */
    {"19:30-07:00", M(6, 59), 50000, false, 0, 60000, true, SK_DISPLAY_ON_WOKEN, 10000},
    /* a touch's window outside the hours changes nothing */
    {"19:30-07:00", M(9, 0), 0, false, 0, 60000, true, SK_DISPLAY_ON_OUTSIDE, 60000},
    /* spring forward (01:59 -> 03:00): hours starting in the missing hour
     * are entered at 03:00; hours ending in it are left at 03:00 */
    {"02:30-06:00", M(1, 59), 0, false, 0, 0, true, SK_DISPLAY_ON_OUTSIDE, 60000},
    {"02:30-06:00", M(3, 0), 0, false, 0, 0, false, SK_DISPLAY_OFF_HOURS, 60000},
    {"22:00-02:30", M(3, 0), 0, false, 0, 0, true, SK_DISPLAY_ON_OUTSIDE, 60000},
    /* fall back (02:59 -> 02:00): the repeated hour is judged as the wall says */
    {"01:30-02:15", M(2, 59), 0, false, 0, 0, true, SK_DISPLAY_ON_OUTSIDE, 60000},
    {"01:30-02:15", M(2, 0), 0, false, 0, 0, false, SK_DISPLAY_OFF_HOURS, 60000},
};

static void test_table(void)
{
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        const row *r = &rows[i];
        sk_hours h;
        CHECK(sk_hours_parse(r->hours, &h, NULL, 0), "row %zu parses", i);
        sk_display_when w = {.off_hours = &h, .trusted_minute = r->minute,
                             .ms_into_minute = r->ms_into, .session = r->session,
                             .now_ms = r->now, .woken_until_ms = r->woken_until};
        sk_display_plan p = sk_display_schedule(&w);
        CHECK(p.on == r->on, "row %zu (%s at %02d:%02d): on %d", i, r->hours,
              r->minute / 60, r->minute % 60, p.on);
        CHECK(p.why == r->why, "row %zu: why %s, want %s", i, sk_display_why_name(p.why),
              sk_display_why_name(r->why));
        CHECK(p.next_change_ms == r->next, "row %zu: next %lld, want %lld", i,
              (long long)p.next_change_ms, (long long)r->next);
    }
}

/* The loop as the app drives it: a minute-by-minute walk through two days
 * counts exactly one off and one on edge a day, whatever the hint said. */
static void test_walk_edges(void)
{
    sk_hours h;
    CHECK(sk_hours_parse("19:30-07:00", &h, NULL, 0), "parses");
    int offs = 0, ons = 0, off_minutes = 0;
    bool was_on = true;
    for (int m = 720; m < 720 + 2 * 1440; m++) {   /* from noon: lit */
        sk_display_when w = {.off_hours = &h, .trusted_minute = m % 1440};
        sk_display_plan p = sk_display_schedule(&w);
        if (p.on != was_on) *(p.on ? &ons : &offs) += 1;
        if (!p.on) off_minutes++;
        was_on = p.on;
        CHECK(p.next_change_ms >= 1 && p.next_change_ms <= SK_DISPLAY_LOOK_MAX_MS,
              "the hint is bounded at minute %d", m);
    }
    CHECK_INT(offs, 2);
    CHECK_INT(ons, 2);
    CHECK_INT(off_minutes, 2 * (4 * 60 + 30 + 7 * 60));
}

/* A clock that jumps (NTP sets it, someone sets it by hand): the next
 * look answers for the new minute, there is nothing to unlearn. A clock
 * that becomes untrusted lights the screen. */
static void test_jumps(void)
{
    sk_hours h;
    CHECK(sk_hours_parse("19:30-07:00", &h, NULL, 0), "parses");
    sk_display_when w = {.off_hours = &h, .trusted_minute = M(12, 0)};
    CHECK(sk_display_schedule(&w).on, "noon: on");
    w.trusted_minute = M(23, 0);   /* jumped forward 11 h */
    CHECK(!sk_display_schedule(&w).on, "jumped into the hours: off");
    w.trusted_minute = M(8, 0);    /* jumped back */
    CHECK(sk_display_schedule(&w).on, "jumped out: on");
    w.trusted_minute = M(23, 0);
    w.ms_into_minute = 999999;     /* out of range: clamped, still a sane hint */
    CHECK(sk_display_schedule(&w).next_change_ms >= 1, "clamped hint");
    w.trusted_minute = -1;
    CHECK(sk_display_schedule(&w).on, "untrusted: on");
    w.off_hours = NULL;
    CHECK(sk_display_schedule(&w).on, "no hours: on");
}

int main(void)
{
    test_table();
    test_walk_edges();
    test_jumps();
    return CHECK_DONE();
}
