/* Usage counts (core/usage.h): three simulated weeks of the real timeline,
 * driven through core/kiosk_step by a scripted replay, give exact counts;
 * the file's text goes round; bad lines are named and skipped; 400 days
 * at most; counts from before the clock is trusted join the first day. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check.h"
#include "kiosk_step.h"
#include "usage.h"

#define DAYS 21
#define SLOT_GAP_MS 5000   /* loop time after each session, less than a cycle */

typedef struct expect {
    long started, completed, stopped, walkaways, cycles;
    sk_usage_list holds, stopped_in, walked_in;
} expect;

typedef struct sim {
    sk_usage *u;
    sk_timeline *tl;
    const sk_routine *r;
} sim;

static void on_event(void *user, const sk_event *ev)
{
    sim *s = user;
    sk_usage_event(s->u, s->tl, s->r, ev);
}

static void add(sk_replay *rp, int64_t at, sk_intent in)
{
    rp->events = realloc(rp->events, (size_t)(rp->count + 1) * sizeof *rp->events);
    rp->events[rp->count++] = (sk_replay_event){at, in, rp->count + 1};
}

static void list_add(sk_usage_list *l, const char *key, long n)
{
    for (int i = 0; i < l->count; i++)
        if (!strcmp(l->items[i].key, key)) {
            l->items[i].count += n;
            return;
        }
    snprintf(l->items[l->count].key, SK_USAGE_KEY_MAX, "%s", key);
    l->items[l->count++].count = n;
}

static long list_get(const sk_usage_list *l, const char *key)
{
    for (int i = 0; i < l->count; i++)
        if (!strcmp(l->items[i].key, key)) return l->items[i].count;
    return 0;
}

static bool lists_equal(const sk_usage_list *a, const sk_usage_list *b)
{
    if (a->count != b->count) return false;
    for (int i = 0; i < a->count; i++)
        if (list_get(b, a->items[i].key) != a->items[i].count) return false;
    return true;
}

static void key_of(const sk_routine *r, const sk_phase *p, char *buf, size_t n)
{
    if (p->exercise >= 0) snprintf(buf, n, "%s/%s", r->exercises[p->exercise].id, sk_phase_name(p->kind));
    else snprintf(buf, n, "%s", sk_phase_name(p->kind));
}

static int next_date(int yyyymmdd)
{
    struct tm tm = {.tm_year = yyyymmdd / 10000 - 1900, .tm_mon = yyyymmdd / 100 % 100 - 1,
                    .tm_mday = yyyymmdd % 100 + 1, .tm_hour = 12};
    mktime(&tm);
    return (tm.tm_year + 1900) * 10000 + (tm.tm_mon + 1) * 100 + tm.tm_mday;
}

/* Day d's script from t0: completed sessions, stopped ones (after k skips,
 * STOP twice), walk-aways (k skips, PAUSE, nobody answers), then the loop
 * for whole cycles and a half. Returns the day's length; fills e. */
static int64_t script_day(int d, int64_t t0, sk_replay *rp, const sk_timeline *tl, const sk_routine *r,
                          expect *e)
{
    int n = 0;
    const sk_phase *ph = sk_timeline_session_phases(tl, &n);
    /* A second of loop first: an intent at the very end of a step belongs
     * to that step (kiosk_step.h), so the day's first START is not on the
     * boundary. Every day has a session, so its loop block starts from
     * the loop's first phase and holds exactly 'cycles' wraps. */
    int64_t total = sk_timeline_session_total_ms(tl), cycle = sk_timeline_loop_cycle_ms(tl), t = t0 + 1000;
    int completed = d % 3, stopped = d % 2 + 1, walked = d % 4 == 0, cycles = d % 3 + 1;
    char key[SK_USAGE_KEY_MAX];
    for (int i = 0; i < completed; i++) {
        add(rp, t, SK_INTENT_START);
        for (int k = 0; k < n; k++)
            if (ph[k].kind == SK_PH_HOLD) list_add(&e->holds, r->exercises[ph[k].exercise].id, 1);
        t += total + SLOT_GAP_MS;
    }
    for (int i = 0; i < stopped; i++) {
        int skips = (d + 3 * i) % 7 + 1;
        add(rp, t, SK_INTENT_START);
        for (int k = 1; k <= skips; k++) add(rp, t + 1000 * k, SK_INTENT_SKIP);
        add(rp, t + 1000 * skips + 500, SK_INTENT_STOP);
        add(rp, t + 1000 * skips + 1000, SK_INTENT_STOP);
        key_of(r, &ph[skips], key, sizeof key);
        list_add(&e->stopped_in, key, 1);
        t += 1000 * skips + 1000 + SLOT_GAP_MS;
    }
    for (int i = 0; i < walked; i++) {
        int skips = d % 5;
        add(rp, t, SK_INTENT_START);
        for (int k = 1; k <= skips; k++) add(rp, t + 1000 * k, SK_INTENT_SKIP);
        add(rp, t + 1000 * skips + 500, SK_INTENT_PAUSE);
        key_of(r, &ph[skips], key, sizeof key);
        list_add(&e->walked_in, key, 1);
        t += 1000 * skips + 500 + 60000 + 10000 + SLOT_GAP_MS;  /* walk-away, still there */
    }
    e->started += completed + stopped + walked;
    e->completed += completed;
    e->stopped += stopped;
    e->walkaways += walked;
    e->cycles += cycles;
    return t + cycles * cycle + cycle / 2 - t0;
}

static void weeks(void)
{
    sk_routine *r = sk_routine_builtin();
    sk_timeline_opts o = {0};
    sk_timeline *tl = sk_timeline_create(r, &o);
    sk_usage u;
    CHECK(r && tl && sk_usage_init(&u), "set-up");
    sim s = {&u, tl, r};
    sk_kiosk_hooks hooks = {NULL, on_event, &s};
    expect all = {0};
    expect per[DAYS];
    int64_t starts[DAYS + 1];
    sk_replay rp = {0};
    int64_t t = 0;
    for (int d = 0; d < DAYS; d++) {
        memset(&per[d], 0, sizeof per[d]);
        starts[d] = t;
        t += script_day(d, t, &rp, tl, r, &per[d]);
    }
    starts[DAYS] = t;
    sk_kiosk k;
    sk_kiosk_init(&k, tl, &rp, 1000);
    int date = 20261125;   /* across a month's end */
    for (int d = 0; d < DAYS; d++, date = next_date(date)) {
        sk_usage_set_day(&u, date);
        sk_usage_hours(&u, 8 * 3600000LL, true, false);          /* quiet at night */
        sk_usage_hours(&u, (d % 2) * 3600000LL, true, true);    /* and dark some nights */
        if (d % 3 == 0) sk_usage_wake_tap(&u);
        sk_kiosk_step(&k, starts[d + 1] - starts[d], &hooks);
        const sk_usage_day *day = sk_usage_today(&u);
        expect *e = &per[d];
        CHECK_INT(day->date, date);
        CHECK(day->sessions_started == e->started && day->sessions_completed == e->completed &&
                  day->sessions_stopped == e->stopped && day->walkaways == e->walkaways,
              "day %d: sessions %ld/%ld/%ld/%ld, expected %ld/%ld/%ld/%ld", d, day->sessions_started,
              day->sessions_completed, day->sessions_stopped, day->walkaways, e->started, e->completed,
              e->stopped, e->walkaways);
        CHECK(day->loop_cycles == e->cycles, "day %d: %ld loop cycles, expected %ld", d, day->loop_cycles, e->cycles);
        CHECK(lists_equal(&day->holds, &e->holds), "day %d: holds", d);
        CHECK(lists_equal(&day->stopped_in, &e->stopped_in), "day %d: stopped in", d);
        CHECK(lists_equal(&day->walked_away_in, &e->walked_in), "day %d: walked away in", d);
        CHECK_INT(day->quiet_ms, (8 + d % 2) * 3600000LL);
        CHECK_INT(day->screen_off_ms, (d % 2) * 3600000LL);
        CHECK_INT(day->wake_taps, d % 3 == 0);
        all.started += e->started;
        all.completed += e->completed;
    }
    CHECK_INT(u.count, DAYS);
    CHECK(all.completed > 10 && all.started > all.completed, "the script has sessions of each kind");
    printf("%d simulated days, %.1f h of timeline: %ld sessions, %ld completed\n", DAYS,
           (double)t / 3600000.0, all.started, all.completed);

    /* The file's text goes round: the same counts back. */
    size_t len = 0;
    char *text = sk_usage_format(&u, &len);
    CHECK(text && !u.dirty, "format");
    sk_usage back;
    sk_diag d;
    sk_diag_init(&d);
    CHECK(sk_usage_init(&back) && sk_usage_parse(text, len, "usage.csv", &back, &d), "parse");
    CHECK_INT(d.count, 0);
    CHECK_INT(back.count, DAYS);
    for (int i = 0; i < DAYS && i < back.count; i++) {
        char a[4096], b[4096];
        CHECK(sk_usage_format_day(&u.days[i], a, sizeof a) && sk_usage_format_day(&back.days[i], b, sizeof b),
              "format day");
        CHECK_STR(a, b);
    }
    free(text);
    sk_usage_free(&back);
    sk_diag_free(&d);
    sk_replay_free(&rp);
    sk_usage_free(&u);
    sk_timeline_free(tl);
    sk_routine_free(r);
}

static void bad_lines(void)
{
    const char text[] =
        "# a comment\n"
        SK_USAGE_HEADER "\n"
        "2026-11-01,10,1,3,2,1,0,basic:8 seated:4,basic/hold:1,,60,0,1,\n"   /* 3: fine */
        "2026-11-02,10,1,3,2,1,0\n"                                          /* 4: short */
        "2026-13-01,10,1,3,2,1,0,,,,0,0,1,\n"                                /* 5: bad date */
        "2026-11-03,ten,1,3,2,1,0,,,,0,0,1,\n"                               /* 6: bad count */
        "2026-11-04,1,1,3,2,1,0,basic,,,0,0,1,\n"                            /* 7: bad list */
        "hello world\n"                                                      /* 8: foreign */
        "2026-11-01,5,0,0,0,0,0,basic:2,,,30,0,1,fallback:1\n"               /* 9: again */
        "2026-11-05,1,0,0,0,0,0,,,,0,0,1,,extra\n";                          /* 10: long */
    sk_usage u;
    sk_diag d;
    sk_diag_init(&d);
    CHECK(sk_usage_init(&u) && sk_usage_parse(text, sizeof text - 1, "u.csv", &u, &d), "parse");
    CHECK_INT(u.count, 1);
    CHECK(sk_diag_contains(&d, 4, "fewer than 14 fields"), "line 4");
    CHECK(sk_diag_contains(&d, 5, "YYYY-MM-DD"), "line 5");
    CHECK(sk_diag_contains(&d, 6, "whole number"), "line 6");
    CHECK(sk_diag_contains(&d, 7, "key:count"), "line 7");
    CHECK(sk_diag_contains(&d, 8, "fewer than 14"), "line 8");
    CHECK(sk_diag_contains(&d, 9, "added up"), "line 9");
    CHECK(sk_diag_contains(&d, 10, "more than 14"), "line 10");
    CHECK_INT(d.errors, 0);
    if (u.count == 1) {
        const sk_usage_day *day = &u.days[0];
        CHECK_INT(day->loop_cycles, 15);
        CHECK_INT(list_get(&day->holds, "basic"), 10);
        CHECK_INT(list_get(&day->holds, "seated"), 4);
        CHECK_INT(day->quiet_ms, 90 * 60000LL);
        CHECK_INT(day->starts, 2);
        CHECK_INT(list_get(&day->start_problems, "fallback"), 1);
    }
    sk_diag_print(&d, stdout);
    sk_diag_free(&d);
    sk_usage_free(&u);
}

static void bounded_and_pending(void)
{
    sk_usage u;
    CHECK(sk_usage_init(&u), "init");
    /* Before the clock is trusted: a day with no date, joined to the first. */
    sk_usage_started(&u, SK_USAGE_START_FALLBACK | SK_USAGE_START_NO_AUDIO);
    sk_usage_wake_tap(&u);
    size_t len;
    char *text = sk_usage_format(&u, &len);
    CHECK(text && !strstr(text, "\n0000"), "no line for a day without a date");
    free(text);
    sk_usage_set_day(&u, 20250101);
    CHECK_INT(u.count, 1);
    CHECK_INT(u.days[0].date, 20250101);
    CHECK_INT(u.days[0].starts, 1);
    CHECK_INT(u.days[0].wake_taps, 1);
    CHECK_INT(list_get(&u.days[0].start_problems, "no-audio"), 1);
    sk_usage_set_day(&u, 0);          /* untrusted again: keeps the day */
    sk_usage_set_day(&u, 20241231);   /* set back: keeps the newest */
    sk_usage_wake_tap(&u);
    CHECK_INT(u.count, 1);
    CHECK_INT(u.days[0].wake_taps, 2);
    int date = 20250101;
    for (int i = 0; i < 450; i++) {
        date = next_date(date);
        sk_usage_set_day(&u, date);
        sk_usage_wake_tap(&u);
    }
    CHECK_INT(u.count, SK_USAGE_MAX_DAYS);
    CHECK_INT(u.days[SK_USAGE_MAX_DAYS - 1].date, date);
    text = sk_usage_format(&u, &len);
    int lines = 0;
    for (const char *p = text; p && *p; p++) lines += *p == '\n';
    CHECK_INT(lines, SK_USAGE_MAX_DAYS + 2);
    /* A list never grows past its limit: the rest is "other". */
    sk_usage_day day = {0};
    for (int i = 0; i < 40; i++) {
        sk_usage_day one = {0};
        snprintf(one.holds.items[0].key, SK_USAGE_KEY_MAX, "ex%d", i);
        one.holds.items[0].count = 1;
        one.holds.count = 1;
        sk_usage_day_add(&day, &one);
    }
    CHECK_INT(day.holds.count, SK_USAGE_LIST_MAX);
    CHECK_INT(list_get(&day.holds, "other"), 40 - (SK_USAGE_LIST_MAX - 1));
    free(text);
    sk_usage_free(&u);
}

int main(void)
{
    weeks();
    bad_lines();
    bounded_and_pending();
    return CHECK_DONE();
}
