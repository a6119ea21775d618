/* The one step function (kiosk_step.h): a replay's intents land at their
 * exact times whatever the step, events come out in order right after the
 * sub-step that made them, a scripted QUIT is reported and not applied;
 * and the frame pacing function (pacing.h): draw only a changed frame,
 * the watchdog's forced present, when to wake. */
#include <string.h>

#include "check.h"
#include "kiosk_step.h"
#include "pacing.h"
#include "routine.h"

typedef struct log_ctx {
    int64_t intent_at[8];
    sk_intent intents[8];
    bool changed[8];
    int n_intents;
    int n_events, phase_started, session_started;
    int64_t last_event_ms;
    bool in_order;
} log_ctx;

static void on_intent(void *user, int64_t at_ms, sk_intent in, bool changed)
{
    log_ctx *l = user;
    if (l->n_intents < 8) {
        l->intent_at[l->n_intents] = at_ms;
        l->intents[l->n_intents] = in;
        l->changed[l->n_intents] = changed;
    }
    l->n_intents++;
}

static void on_event(void *user, const sk_event *ev)
{
    log_ctx *l = user;
    if (ev->time_ms < l->last_event_ms) l->in_order = false;
    l->last_event_ms = ev->time_ms;
    l->n_events++;
    if (ev->kind == SK_EV_PHASE_STARTED) l->phase_started++;
    if (ev->kind == SK_EV_SESSION_STARTED) l->session_started++;
}

static void test_step(int64_t step_ms, int64_t max_step_ms)
{
    sk_routine *r = sk_routine_builtin();
    sk_timeline_opts o = {0};
    sk_timeline *tl = r ? sk_timeline_create(r, &o) : NULL;
    CHECK(tl != NULL, "a timeline");
    if (!tl) return;
    static const char script[] = "1.250 start\n2.000 pause\n2.000 resume\n9.999 quit\n";
    sk_replay rp;
    sk_diag d;
    sk_diag_init(&d);
    CHECK(sk_replay_parse(script, sizeof script - 1, "test", &rp, &d), "script parses");
    sk_diag_free(&d);
    sk_kiosk k;
    sk_kiosk_init(&k, tl, &rp, max_step_ms);
    log_ctx l = {.in_order = true};
    const sk_kiosk_hooks h = {on_intent, on_event, &l};
    CHECK_INT(sk_kiosk_next_intent_ms(&k), 1250);
    for (int64_t t = 0; t < 12000; t += step_ms) sk_kiosk_step(&k, step_ms, &h);
    CHECK(k.now_ms >= 12000, "time fed: %lld", (long long)k.now_ms);
    CHECK_INT(l.n_intents, 4);
    CHECK_INT(l.intent_at[0], 1250);
    CHECK(l.intents[0] == SK_INTENT_START && l.changed[0], "START at 1.25 s began a session");
    CHECK_INT(l.intent_at[1], 2000);
    CHECK_INT(l.intent_at[2], 2000);
    CHECK(l.intents[3] == SK_INTENT_QUIT && !l.changed[3], "QUIT reported, not applied");
    CHECK_INT(l.intent_at[3], 9999);
    CHECK_INT(sk_kiosk_next_intent_ms(&k), -1);
    CHECK_INT(l.session_started, 1);
    CHECK(l.phase_started >= 2, "phases started: %d", l.phase_started);
    CHECK(l.in_order, "events in time order");
    /* The session's clock: started at 1.25 s, so its view is 10.75 s in
     * minus nothing (pause and resume at once). */
    sk_tl_view v;
    sk_timeline_view(tl, &v);
    CHECK(v.mode == SK_TL_SESSION, "in the session");
    CHECK_INT(v.clock_ms, k.now_ms);
    sk_replay_free(&rp);
    sk_timeline_free(tl);
    sk_routine_free(r);
}

static void test_pacing(void)
{
    const sk_pace_opts o = {.frame_ms = 33, .idle_look_ms = 200, .ping_ms = 0};
    sk_pacer p = {0};
    sk_pace_frame f = {.now_ms = 1000, .signature = 7, .next_change_ms = 0};
    sk_pace pc = sk_pace_decide(&p, &o, &f);
    CHECK(pc.draw, "the first frame is drawn");
    CHECK_INT(pc.wake_ms, 1033);   /* animating: the next frame at the cap */
    sk_pace_presented(&p, &f, 1005);
    f.now_ms = 1033;
    pc = sk_pace_decide(&p, &o, &f);
    CHECK(!pc.draw, "the same signature is not drawn again");
    f.next_change_ms = 120;
    pc = sk_pace_decide(&p, &o, &f);
    CHECK_INT(pc.wake_ms, 1033 + 120);
    f.next_change_ms = 5000;
    pc = sk_pace_decide(&p, &o, &f);
    CHECK_INT(pc.wake_ms, 1033 + 200);   /* at least every idle_look_ms */
    f.next_change_ms = -1;
    pc = sk_pace_decide(&p, &o, &f);
    CHECK_INT(pc.wake_ms, 1033 + 200);
    f.next_change_ms = 10;
    pc = sk_pace_decide(&p, &o, &f);
    CHECK_INT(pc.wake_ms, 1033 + 33);    /* never sooner than the cap */
    f.signature = 8;
    CHECK(sk_pace_decide(&p, &o, &f).draw, "a changed signature is drawn");
    f.signature = 7;
    f.off = true;
    pc = sk_pace_decide(&p, &o, &f);
    CHECK(pc.draw, "going dark is drawn");
    CHECK_INT(pc.wake_ms, 1033 + 200);
    sk_pace_presented(&p, &f, 1040);
    CHECK(!sk_pace_decide(&p, &o, &f).draw, "a dark screen stays dark undrawn");
    p.dirty = true;
    CHECK(sk_pace_decide(&p, &o, &f).draw, "a lost picture is drawn again");
    p.dirty = false;
    const sk_pace_opts wd = {.frame_ms = 33, .idle_look_ms = 200, .ping_ms = 5000};
    f.now_ms = 1040 + 4999;
    CHECK(!sk_pace_decide(&p, &wd, &f).draw, "no present needed inside the ping interval");
    f.now_ms = 1040 + 5000;
    CHECK(sk_pace_decide(&p, &wd, &f).draw, "a still screen is presented once per ping interval");
}

int main(void)
{
    test_step(16, 0);      /* the window at 60 Hz */
    test_step(1000, 0);    /* a slow machine */
    test_step(5000, 16);   /* --render-frames: long jumps in 16 ms sub-steps */
    test_pacing();
    return CHECK_DONE();
}
