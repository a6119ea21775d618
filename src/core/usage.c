#include "usage.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text_util.h"

static const char *const k_problem_names[] = {"fallback", "no-audio", "no-display", "after-crash"};

bool sk_usage_init(sk_usage *u)
{
    memset(u, 0, sizeof *u);
    u->session_phase = -1;
    u->days = calloc(SK_USAGE_MAX_DAYS, sizeof *u->days);
    return u->days != NULL;
}

void sk_usage_free(sk_usage *u)
{
    free(u->days);
    memset(u, 0, sizeof *u);
    u->session_phase = -1;
}

static void list_add(sk_usage_list *l, const char *key, long n)
{
    for (int i = 0; i < l->count; i++)
        if (!strcmp(l->items[i].key, key)) {
            l->items[i].count += n;
            return;
        }
    /* A full list keeps its last slot for everything else. */
    if (l->count == SK_USAGE_LIST_MAX) {
        sk_usage_item *last = &l->items[SK_USAGE_LIST_MAX - 1];
        if (strcmp(last->key, "other")) sk_strlcpy(last->key, "other", sizeof last->key);
        last->count += n;
        return;
    }
    sk_strlcpy(l->items[l->count].key, key, sizeof l->items[0].key);
    l->items[l->count++].count = n;
}

void sk_usage_day_add(sk_usage_day *a, const sk_usage_day *b)
{
    a->loop_cycles += b->loop_cycles;
    a->wake_taps += b->wake_taps;
    a->sessions_started += b->sessions_started;
    a->sessions_completed += b->sessions_completed;
    a->sessions_stopped += b->sessions_stopped;
    a->walkaways += b->walkaways;
    a->quiet_ms += b->quiet_ms;
    a->screen_off_ms += b->screen_off_ms;
    a->starts += b->starts;
    const sk_usage_list *from[] = {&b->holds, &b->stopped_in, &b->walked_away_in, &b->start_problems};
    sk_usage_list *to[] = {&a->holds, &a->stopped_in, &a->walked_away_in, &a->start_problems};
    for (int l = 0; l < 4; l++)
        for (int i = 0; i < from[l]->count; i++) list_add(to[l], from[l]->items[i].key, from[l]->items[i].count);
}

/* The day counts go to now; NULL only when init failed. */
static sk_usage_day *today(sk_usage *u)
{
    if (!u->days) return NULL;
    if (u->count == 0) {
        memset(&u->days[0], 0, sizeof u->days[0]);
        u->count = 1;
    }
    u->dirty = true;
    return &u->days[u->count - 1];
}

void sk_usage_set_day(sk_usage *u, int yyyymmdd)
{
    if (!u->days || yyyymmdd <= 0) return;
    if (u->count > 0) {
        sk_usage_day *last = &u->days[u->count - 1];
        if (last->date == 0) {  /* counts from before the clock was trusted */
            sk_usage_day pending = *last;
            u->count--;
            sk_usage_set_day(u, yyyymmdd);
            sk_usage_day_add(&u->days[u->count - 1], &pending);
            u->dirty = true;
            return;
        }
        if (last->date >= yyyymmdd) return;
    }
    if (u->count == SK_USAGE_MAX_DAYS) {
        memmove(&u->days[0], &u->days[1], (SK_USAGE_MAX_DAYS - 1) * sizeof u->days[0]);
        u->count--;
    }
    memset(&u->days[u->count], 0, sizeof u->days[0]);
    u->days[u->count++].date = yyyymmdd;
    u->dirty = true;
}

/* "basic/hold", "welcome", or "basic" with phase_too false. */
static void phase_key(const sk_phase *p, const sk_routine *r, bool phase_too, char *buf, size_t size)
{
    const char *ex = p->exercise >= 0 && p->exercise < r->exercise_count ? r->exercises[p->exercise].id : NULL;
    if (ex && phase_too) snprintf(buf, size, "%s/%s", ex, sk_phase_name(p->kind));
    else snprintf(buf, size, "%s", ex ? ex : sk_phase_name(p->kind));
}

static const sk_phase *session_phase(const sk_timeline *tl, int index)
{
    int n = 0;
    const sk_phase *ph = sk_timeline_session_phases(tl, &n);
    return index >= 0 && index < n ? &ph[index] : NULL;
}

void sk_usage_event(sk_usage *u, const sk_timeline *tl, const sk_routine *r, const sk_event *ev)
{
    char key[SK_USAGE_KEY_MAX];
    const sk_phase *p;
    sk_usage_day *d;
    switch (ev->kind) {
    case SK_EV_LOOP_WRAPPED:
        if ((d = today(u))) d->loop_cycles++;
        break;
    case SK_EV_SESSION_STARTED:
        if ((d = today(u))) d->sessions_started++;
        break;
    case SK_EV_SESSION_FINISHED:
        if ((d = today(u))) d->sessions_completed++;
        u->session_phase = -1;
        break;
    case SK_EV_PHASE_STARTED:
        /* The still-there phase is outside the list: the phase before it
         * stays the one a walk-away happened in. */
        if (ev->mode != SK_TL_SESSION) u->session_phase = -1;
        else if (session_phase(tl, ev->phase)) u->session_phase = ev->phase;
        break;
    case SK_EV_SESSION_STOPPED:
        if (!(d = today(u))) break;
        p = session_phase(tl, ev->phase);
        if (p) {
            d->sessions_stopped++;
            phase_key(p, r, true, key, sizeof key);
            list_add(&d->stopped_in, key, 1);
        } else {
            d->walkaways++;
            p = session_phase(tl, u->session_phase);
            if (p) phase_key(p, r, true, key, sizeof key);
            else sk_strlcpy(key, "unknown", sizeof key);
            list_add(&d->walked_away_in, key, 1);
        }
        u->session_phase = -1;
        break;
    case SK_EV_TICK:
        /* A hold that ran to its end (SKIP ends one without the tick). */
        if (ev->seconds != 0 || ev->mode != SK_TL_SESSION) break;
        p = session_phase(tl, ev->phase);
        if (!p || p->kind != SK_PH_HOLD || !(d = today(u))) break;
        phase_key(p, r, false, key, sizeof key);
        list_add(&d->holds, key, 1);
        break;
    default: break;
    }
}

void sk_usage_wake_tap(sk_usage *u)
{
    sk_usage_day *d = today(u);
    if (d) d->wake_taps++;
}

void sk_usage_hours(sk_usage *u, int64_t dt_ms, bool quiet, bool screen_off)
{
    if (dt_ms <= 0 || (!quiet && !screen_off)) return;
    sk_usage_day *d = today(u);
    if (!d) return;
    if (quiet) d->quiet_ms += dt_ms;
    if (screen_off) d->screen_off_ms += dt_ms;
}

void sk_usage_started(sk_usage *u, unsigned problems)
{
    sk_usage_day *d = today(u);
    if (!d) return;
    d->starts++;
    for (unsigned i = 0; i < sizeof k_problem_names / sizeof *k_problem_names; i++)
        if (problems & (1u << i)) list_add(&d->start_problems, k_problem_names[i], 1);
}

const sk_usage_day *sk_usage_today(const sk_usage *u)
{
    return u->count > 0 ? &u->days[u->count - 1] : NULL;
}
