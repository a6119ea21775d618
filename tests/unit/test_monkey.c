/* A monkey at the timeline: 1,000,000 random intents at random times over
 * about a simulated day, with the invariants checked after every intent and
 * every step:
 *   - never two sessions at once (started - ended is 0 or 1, and the mode
 *     says the same; no SESSION_STARTED while one runs);
 *   - no negative or out-of-range counter, progress within 0..1;
 *   - QUIT (and junk values) are never handled by the timeline;
 *   - events come in time order and none is dropped;
 *   - after the last input the kiosk is back in the loop within
 *     max(walk-away + still-there, session length + resume count);
 *   - every session ends.
 * Deterministic: a fixed seed (SK_MONKEY_SEED overrides it). */
#include <inttypes.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "timeline.h"

static uint64_t rng_state;

static uint64_t rnd(void)
{
    /* xorshift64* */
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 2685821657736338717ULL;
}

static int64_t rnd_below(int64_t n)
{
    return n > 0 ? (int64_t)(rnd() % (uint64_t)n) : 0;
}

typedef struct monkey {
    sk_timeline *tl;
    int64_t now, last_input, bound;
    int64_t last_event_time;
    bool in_session;       /* from the events */
    int started_events, finished, stopped, walked_away, wraps;
    long violations;
    bool saw_still_there;
} monkey;

#define VIOLATION(m, ...)                                                  \
    do {                                                                   \
        if ((m)->violations++ < 10)                                        \
            CHECK(0, __VA_ARGS__);                                         \
    } while (0)

static void check_view(monkey *m, const char *when)
{
    sk_tl_view v;
    sk_timeline_view(m->tl, &v);
    int open = v.sessions_started - v.sessions_ended;
    if (open != 0 && open != 1)
        VIOLATION(m, "%s: %d sessions open at t=%" PRId64, when, open, m->now);
    if ((v.mode == SK_TL_SESSION) != (open == 1))
        VIOLATION(m, "%s: mode %d with %d open at t=%" PRId64, when, v.mode, open, m->now);
    if (v.elapsed_ms < 0 || v.remaining_ms < 0 || v.elapsed_ms + v.remaining_ms !=
                                                        (v.still_there ? v.elapsed_ms + v.remaining_ms
                                                                       : v.phase->duration_ms))
        VIOLATION(m, "%s: elapsed %" PRId64 " remaining %" PRId64 " at t=%" PRId64, when,
                  v.elapsed_ms, v.remaining_ms, m->now);
    if (v.resume_count_ms < 0 || v.resume_count_ms > 3000)
        VIOLATION(m, "%s: resume count %" PRId64, when, v.resume_count_ms);
    if (!(v.progress >= 0.0 && v.progress <= 1.0))
        VIOLATION(m, "%s: progress %f", when, v.progress);
    if (v.phase_index < 0 || v.phase_index > v.phase_count ||
        (v.phase_index == v.phase_count && !v.still_there))
        VIOLATION(m, "%s: phase %d of %d", when, v.phase_index, v.phase_count);
    if (v.clock_ms != m->now)
        VIOLATION(m, "%s: clock %" PRId64 " != %" PRId64, when, v.clock_ms, m->now);
    if (v.still_there)
        m->saw_still_there = true;
}

static void drain(monkey *m)
{
    sk_event ev;
    while (sk_timeline_poll(m->tl, &ev)) {
        if (ev.time_ms < m->last_event_time || ev.time_ms > m->now)
            VIOLATION(m, "event %d at %" PRId64 " (last %" PRId64 ", now %" PRId64 ")", ev.kind,
                      ev.time_ms, m->last_event_time, m->now);
        m->last_event_time = ev.time_ms;
        switch (ev.kind) {
        case SK_EV_SESSION_STARTED:
            if (m->in_session)
                VIOLATION(m, "a second session started at %" PRId64, ev.time_ms);
            m->in_session = true;
            m->started_events++;
            break;
        case SK_EV_SESSION_FINISHED:
        case SK_EV_SESSION_STOPPED:
            if (!m->in_session)
                VIOLATION(m, "a session ended that never started, at %" PRId64, ev.time_ms);
            m->in_session = false;
            if (ev.kind == SK_EV_SESSION_FINISHED)
                m->finished++;
            else
                m->stopped++;
            if (ev.kind == SK_EV_SESSION_STOPPED) {
                int n;
                sk_timeline_session_phases(m->tl, &n);
                m->walked_away += ev.phase == n;
            }
            break;
        case SK_EV_LOOP_WRAPPED:
            if (ev.mode != SK_TL_LOOP)
                VIOLATION(m, "loop wrapped in mode %d", ev.mode);
            m->wraps++;
            break;
        default:
            break;
        }
    }
}

/* Advances by dt in a few random pieces (at most a minute each, so the
 * event queue never overflows), checking as it goes. */
static void advance(monkey *m, int64_t dt)
{
    while (dt > 0) {
        int64_t piece = dt < 60000 ? dt : 60000;
        if (piece > 1 && rnd_below(2))
            piece = 1 + rnd_below(piece);
        sk_timeline_step(m->tl, piece);
        m->now += piece;
        dt -= piece;
        drain(m);
        check_view(m, "step");
    }
}

static int64_t gap(void)
{
    uint64_t r = rnd() % 20000;
    if (r == 0)
        return rnd_below(40 * 60 * 1000);   /* nobody for up to 40 min */
    if (r < 100)
        return rnd_below(8000);              /* a pause to think */
    return rnd_below(9);                     /* a frantic tapper */
}

static sk_intent random_intent(void)
{
    int64_t r = rnd_below(1000);
    if (r == 0)
        return (sk_intent)-3;                /* junk must be refused */
    if (r == 1)
        return (sk_intent)(SK_INTENT_COUNT + 5);
    return (sk_intent)rnd_below(SK_INTENT_COUNT);
}

int main(void)
{
    sk_routine *r = sk_routine_builtin();
    CHECK(r != NULL, "built-in routine");
    if (!r)
        return CHECK_DONE();
    const char *seed_env = getenv("SK_MONKEY_SEED");
    rng_state = seed_env ? strtoull(seed_env, NULL, 0) : 0x5eed5eedULL;
    if (!rng_state)
        rng_state = 1;
    sk_timeline_opts o = {0};   /* defaults: 60 s walk-away, 10 s question */
    monkey m = {0};
    m.tl = sk_timeline_create(r, &o);
    CHECK(m.tl != NULL, "create");
    if (!m.tl)
        return CHECK_DONE();
    int64_t total = sk_timeline_session_total_ms(m.tl);
    int64_t a = 60000 + 10000, b = total + 3000;
    m.bound = a > b ? a : b;
    m.last_input = -1;
    drain(&m);

    const long intents = 1000000;
    long handled = 0, refused_quit = 0;
    int64_t longest_idle_checked = 0;
    for (long i = 0; i < intents; i++) {
        advance(&m, gap());
        sk_tl_view before;
        sk_timeline_view(m.tl, &before);
        /* Back in the loop within the bound after the last input. */
        if (m.last_input >= 0 && m.now - m.last_input > m.bound) {
            if (before.mode != SK_TL_LOOP)
                VIOLATION(&m, "still in mode %d %" PRId64 " ms after the last input",
                          before.mode, m.now - m.last_input);
            if (m.now - m.last_input > longest_idle_checked)
                longest_idle_checked = m.now - m.last_input;
        }
        sk_intent in = random_intent();
        bool changed = sk_timeline_intent(m.tl, in);
        handled += changed;
        sk_tl_view after;
        sk_timeline_view(m.tl, &after);
        if (in == SK_INTENT_QUIT || in <= SK_INTENT_NONE || in >= SK_INTENT_COUNT) {
            refused_quit += in == SK_INTENT_QUIT;
            if (changed || after.mode != before.mode || after.phase_index != before.phase_index ||
                after.elapsed_ms != before.elapsed_ms || after.paused != before.paused ||
                after.stop_pending != before.stop_pending ||
                after.still_there != before.still_there)
                VIOLATION(&m, "intent %d was handled at t=%" PRId64, (int)in, m.now);
        } else if (before.mode == SK_TL_SESSION || in == SK_INTENT_START ||
                   in == SK_INTENT_TOGGLE_PAUSE || sk_intent_language(in) >= 0) {
            m.last_input = m.now;   /* a touch the session notices */
        }
        if (before.mode == SK_TL_LOOP && !changed && after.sessions_started != before.sessions_started)
            VIOLATION(&m, "a session started without saying so");
        drain(&m);
        check_view(&m, sk_intent_name(in));
    }
    /* Nobody any more: back in the loop within the bound, every session
       ended. */
    int64_t quiet_start = m.last_input;
    int64_t back_at = -1;
    for (int64_t t = 0; t <= m.bound + 1000; t += 500) {
        sk_tl_view v;
        sk_timeline_view(m.tl, &v);
        if (v.mode == SK_TL_LOOP && back_at < 0)
            back_at = m.now;
        advance(&m, 500);
    }
    sk_tl_view v;
    sk_timeline_view(m.tl, &v);
    CHECK_INT(v.mode, SK_TL_LOOP);
    CHECK_INT(v.sessions_started, v.sessions_ended);
    CHECK(back_at >= 0 && back_at - quiet_start <= m.bound, "back in the loop %" PRId64
          " ms after the last input (bound %" PRId64 ")", back_at - quiet_start, m.bound);
    CHECK(!m.in_session, "the events agree");
    CHECK_INT(m.started_events, v.sessions_started);
    CHECK_INT(m.finished + m.stopped, v.sessions_ended);
    CHECK_INT(m.violations, 0);
    CHECK_INT(sk_timeline_dropped_events(m.tl), 0);
    /* The monkey must have exercised every way out of a session. */
    CHECK(m.finished > 0, "some sessions ran to the end (%d)", m.finished);
    CHECK(m.stopped > 0, "some were stopped (%d)", m.stopped);
    CHECK(m.walked_away > 0, "some were walked away from (%d)", m.walked_away);
    CHECK(m.saw_still_there, "the question showed");
    CHECK(longest_idle_checked > m.bound, "the bound was tested");
    CHECK(refused_quit > 50000, "quit was tried (%ld)", refused_quit);
    fprintf(stderr,
            "monkey: %ld intents over %.1f h simulated: %d sessions (%d finished, %d stopped, "
            "%d of them by walk-away), %d loop wraps, %ld intents changed something; "
            "bound %" PRId64 " ms\n",
            intents, m.now / 3600000.0, v.sessions_started, m.finished, m.stopped,
            m.walked_away, m.wraps, handled, m.bound);
    sk_timeline_free(m.tl);
    sk_routine_free(r);
    return CHECK_DONE();
}
