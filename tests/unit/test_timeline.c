/* The timeline on fake time: the session's shape and length, pause, skip,
 * back, stop, walk-away, a week and a year of loop, and that the size of
 * the time steps changes nothing. */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "check.h"
#include "text_util.h"
#include "timeline.h"

/* ---- a routine filled in by hand (no loader involved) ---------------- */

static sk_routine hand;

static void make_hand_routine(int cards)
{
    static char *steps[3][3] = {
        {"Lie on your back.", "Cross the painful leg.", "Relax the leg."},
        {"Same start.", "Pull the knee.", "Aim for moderate discomfort."},
        {"Ball under the buttock.", "Small circles.", "Keep going."},
    };
    static char *ids[3] = {"basic", "advanced", "ball"};
    static char *names[3] = {"Basic stretch", "Advanced stretch", "Ball release"};
    static char *card_ids[5] = {"what", "causes", "symptoms", "disclaimer", "refs"};
    memset(&hand, 0, sizeof hand);
    hand.path = "(hand)";
    hand.title = "Stretches";
    hand.language = "en";
    sk_phrases *p = &hand.phrases;
    p->welcome_title = "Stretches for sciatica";
    p->welcome = "Welcome.";
    p->safety = "Stop if it hurts.";
    p->get_ready = "Get ready";
    p->hold = "Hold";
    p->relax = "Relax";
    p->rep_of = "{n} of {total}";
    p->painful_leg = "Painful leg";
    p->other_leg = "Other leg";
    p->switch_legs = "Switch to your other leg";
    p->next_stretch = "Next stretch: {name}";
    p->finish_title = "Well done";
    p->finish = "Bye.";
    p->tap_to_start = "Tap";
    p->paused = "Paused";
    p->still_there = "Are you still there?";
    p->fallback_note = "Built-in";
    p->count[1] = "one";
    p->count[2] = "two";
    p->count[3] = "three";
    hand.loop.reps = 1;
    hand.loop.both_legs = true;
    hand.loop.cards = true;
    hand.exercise_count = 3;
    for (int i = 0; i < 3; i++) {
        sk_exercise *e = &hand.exercises[i];
        e->id = ids[i];
        e->name = names[i];
        e->summary = "A summary.";
        e->equipment = i == 2 ? "A lacrosse ball" : NULL;
        e->caution = i == 2 ? "Bruise caution." : NULL;
        for (int s = 0; s < 3; s++)
            e->steps[s] = steps[i][s];
        e->step_count = 3;
        e->hold_seconds = 30;
        e->reps = 4;
        e->rest_seconds = 10;
        e->get_ready_seconds = 5;
        e->intro_seconds = 12;
        e->sides = SK_SIDES_BOTH;
    }
    hand.card_count = cards;
    for (int c = 0; c < cards; c++) {
        hand.cards[c].id = card_ids[c];
        hand.cards[c].title = "Title";
        hand.cards[c].lines[0] = "Line one.";
        hand.cards[c].lines[1] = "Line two.";
        hand.cards[c].line_count = 2;
        hand.cards[c].seconds = 10 + c;
    }
}

/* The session's length from the routine's numbers alone. */
static int64_t expected_session_ms(const sk_routine *r)
{
    int64_t t = SK_TL_WELCOME_MS + SK_TL_FINISH_MS;
    for (int i = 0; i < r->exercise_count; i++) {
        const sk_exercise *e = &r->exercises[i];
        int legs = e->sides == SK_SIDES_BOTH ? 2 : 1;
        t += e->intro_seconds * 1000LL;
        t += legs * (e->reps * (e->get_ready_seconds + e->hold_seconds) * 1000LL +
                     (e->reps - 1) * e->rest_seconds * 1000LL);
        t += (legs - 1) * (int64_t)SK_TL_SWITCH_MS;
    }
    return t;
}

static sk_timeline *make(const sk_routine *r, const sk_timeline_opts *o)
{
    sk_timeline *tl = sk_timeline_create(r, o);
    CHECK(tl != NULL, "create");
    return tl;
}

static int drain(sk_timeline *tl)
{
    sk_event ev;
    int n = 0;
    while (sk_timeline_poll(tl, &ev))
        n++;
    return n;
}

static sk_tl_view view(const sk_timeline *tl)
{
    sk_tl_view v;
    sk_timeline_view(tl, &v);
    return v;
}

/* ---- the session's shape ------------------------------------------------ */

static void check_session_shape(const sk_routine *r, const char *what)
{
    sk_timeline *tl = make(r, NULL);
    if (!tl)
        return;
    int n;
    const sk_phase *ph = sk_timeline_session_phases(tl, &n);
    int holds = 0, holds_30 = 0;
    for (int i = 0; i < n; i++) {
        if (ph[i].kind == SK_PH_HOLD) {
            holds++;
            holds_30 += ph[i].duration_ms == 30000;
        }
        /* no rest after the last rep of a leg */
        if (ph[i].kind == SK_PH_REST)
            CHECK(ph[i].rep < ph[i].reps, "%s: rest after rep %d of %d", what, ph[i].rep,
                  ph[i].reps);
        for (int c = 0; c < ph[i].cue_count; c++) {
            CHECK(strlen(ph[i].cues[c].key) < SK_CUE_KEY_MAX, "key length");
            CHECK(ph[i].cues[c].at_ms >= 0 && ph[i].cues[c].at_ms < ph[i].duration_ms,
                  "%s: cue %s at %lld of %lld", what, ph[i].cues[c].key,
                  (long long)ph[i].cues[c].at_ms, (long long)ph[i].duration_ms);
            if (c > 0)
                CHECK(ph[i].cues[c].at_ms >= ph[i].cues[c - 1].at_ms, "cues in order");
        }
    }
    CHECK_INT(holds, 24);
    CHECK_INT(holds_30, 24);
    CHECK_INT(holds, sk_routine_session_holds(r));
    CHECK_INT(ph[0].kind, SK_PH_WELCOME);
    CHECK_INT(ph[n - 1].kind, SK_PH_FINISH);
    CHECK_INT(sk_timeline_session_total_ms(tl), expected_session_ms(r));
    fprintf(stderr, "%s: session %d phases, %lld ms; loop cycle %lld ms\n", what, n,
            (long long)sk_timeline_session_total_ms(tl), (long long)sk_timeline_loop_cycle_ms(tl));

    /* Run it: 1 s steps from START to the loop. */
    drain(tl);
    CHECK(sk_timeline_intent(tl, SK_INTENT_START), "start");
    int hold_events = 0, finished = 0, ticks0 = 0;
    int64_t finished_at = -1, t = 0;
    sk_event ev;
    double last_progress = -1;
    bool progress_monotonic = true;
    while (t < expected_session_ms(r) + 5000) {
        sk_timeline_step(tl, 1000);
        t += 1000;
        sk_tl_view v = view(tl);
        if (v.mode == SK_TL_SESSION) {
            if (v.progress < last_progress)
                progress_monotonic = false;
            last_progress = v.progress;
        }
        while (sk_timeline_poll(tl, &ev)) {
            if (ev.kind == SK_EV_PHASE_STARTED && ev.mode == SK_TL_SESSION &&
                ph[ev.phase].kind == SK_PH_HOLD)
                hold_events++;
            if (ev.kind == SK_EV_TICK && ev.seconds == 0)
                ticks0++;
            if (ev.kind == SK_EV_SESSION_FINISHED) {
                finished++;
                finished_at = ev.time_ms;
            }
        }
    }
    CHECK(progress_monotonic, "progress goes forward");
    CHECK(last_progress > 0.99 && last_progress <= 1.0, "progress ends at %f", last_progress);
    CHECK_INT(hold_events, 24);
    CHECK_INT(ticks0, 24);
    CHECK_INT(finished, 1);
    CHECK_INT(finished_at, expected_session_ms(r));
    sk_tl_view v = view(tl);
    CHECK_INT(v.mode, SK_TL_LOOP);
    CHECK_INT(v.sessions_started, 1);
    CHECK_INT(v.sessions_ended, 1);
    sk_timeline_free(tl);
}

static void test_session_order(void)
{
    make_hand_routine(2);
    sk_timeline *tl = make(&hand, NULL);
    if (!tl)
        return;
    int n;
    const sk_phase *ph = sk_timeline_session_phases(tl, &n);
    /* welcome, intro, then painful leg: (gr hold rest) x3, gr hold,
       switch, other leg ..., next intro */
    int i = 0;
    CHECK_INT(ph[i].kind, SK_PH_WELCOME);
    CHECK_STR(ph[i].cues[0].key, "welcome");
    CHECK_STR(ph[i].cues[1].key, "safety");
    i++;
    CHECK_INT(ph[i].kind, SK_PH_INTRO);
    CHECK_STR(ph[i].cues[0].key, "basic.name");
    CHECK_STR(ph[i].cues[1].key, "basic.step1");
    CHECK_STR(ph[i].cues[3].key, "basic.step3");
    CHECK_INT(ph[i].duration_ms, 12000);
    CHECK_INT(ph[i].cues[1].at_ms, 3000);   /* no clips: 4 cues spread evenly */
    i++;
    for (int leg = 0; leg < 2; leg++) {
        if (leg == 1) {
            CHECK_INT(ph[i].kind, SK_PH_SWITCH);
            CHECK_STR(ph[i].cues[0].key, "switch");
            CHECK_STR(ph[i].cues[0].text, "Switch to your other leg");
            i++;
        }
        for (int rep = 1; rep <= 4; rep++) {
            CHECK_INT(ph[i].kind, SK_PH_GET_READY);
            CHECK_INT(ph[i].rep, rep);
            CHECK_INT(ph[i].reps, 4);
            CHECK_INT(ph[i].leg, leg ? SK_LEG_OTHER : SK_LEG_PAINFUL);
            CHECK_INT(ph[i].duration_ms, 5000);
            int c = 0;
            if (rep == 1)
                CHECK_STR(ph[i].cues[c++].key, leg ? "leg.other" : "leg.painful");
            char key[32], text[32];
            snprintf(key, sizeof key, "rep.%d.4", rep);
            snprintf(text, sizeof text, "%d of 4", rep);
            CHECK_STR(ph[i].cues[c].key, key);
            CHECK_STR(ph[i].cues[c].text, text);
            c++;
            CHECK_STR(ph[i].cues[c++].key, "get_ready");
            CHECK_STR(ph[i].cues[c].key, "count.3");
            CHECK_INT(ph[i].cues[c].at_ms, 2000);
            CHECK_INT(ph[i].cues[c].tick, 3);
            CHECK_STR(ph[i].cues[c + 1].key, "count.2");
            CHECK_INT(ph[i].cues[c + 1].at_ms, 3000);
            CHECK_STR(ph[i].cues[c + 2].key, "count.1");
            CHECK_INT(ph[i].cues[c + 2].at_ms, 4000);
            CHECK_STR(ph[i].cues[c + 2].text, "one");
            i++;
            CHECK_INT(ph[i].kind, SK_PH_HOLD);
            CHECK_STR(ph[i].cues[0].key, "hold");
            i++;
            if (rep < 4) {
                CHECK_INT(ph[i].kind, SK_PH_REST);
                CHECK_INT(ph[i].duration_ms, 10000);
                CHECK_STR(ph[i].cues[0].key, "relax");
                i++;
            }
        }
    }
    CHECK_INT(ph[i].kind, SK_PH_INTRO);
    CHECK_INT(ph[i].exercise, 1);
    CHECK_STR(ph[i].cues[0].key, "next.advanced");
    CHECK_STR(ph[i].cues[0].text, "Next stretch: Advanced stretch");
    /* the ball's intro carries its equipment and its caution */
    for (; i < n && !(ph[i].kind == SK_PH_INTRO && ph[i].exercise == 2); i++)
        ;
    CHECK(i < n, "ball intro");
    if (i < n) {
        CHECK_STR(ph[i].cues[1].key, "ball.equipment");
        CHECK_STR(ph[i].cues[ph[i].cue_count - 1].key, "ball.caution");
        CHECK_STR(ph[i].cues[ph[i].cue_count - 1].text, "Bruise caution.");
    }
    CHECK_STR(ph[n - 1].cues[0].key, "finish");
    CHECK_STR(ph[n - 1].cues[1].key, "finish.line");
    CHECK_STR(sk_phase_name(SK_PH_GET_READY), "get-ready");
    CHECK_STR(sk_phase_name(SK_PH_HOLD), "hold");
    sk_timeline_free(tl);
}

/* ---- the loop ----------------------------------------------------------- */

static void test_loop_shape(void)
{
    make_hand_routine(5);
    sk_timeline *tl = make(&hand, NULL);
    if (!tl)
        return;
    int n;
    const sk_phase *ph = sk_timeline_loop_phases(tl, &n);
    /* 3 exercises, 5 cards: 5 rounds, so every card shows 3 times. */
    int card_seen[5] = {0}, intros = 0, holds = 0, switches = 0;
    for (int i = 0; i < n; i++) {
        if (ph[i].kind == SK_PH_CARD) {
            card_seen[ph[i].card]++;
            CHECK(i > 0 && ph[i - 1].kind == SK_PH_HOLD, "a card follows a demo");
        }
        if (ph[i].kind == SK_PH_INTRO) {
            intros++;
            CHECK_INT(ph[i].exercise, (intros - 1) % 3);
            char key[SK_CUE_KEY_MAX];
            snprintf(key, sizeof key, "%s.summary", hand.exercises[ph[i].exercise].id);
            CHECK_STR(ph[i].cues[1].key, key);
        }
        if (ph[i].kind == SK_PH_HOLD) {
            holds++;
            CHECK_INT(ph[i].duration_ms, 30000);
            CHECK_INT(ph[i].reps, 1);
        }
        switches += ph[i].kind == SK_PH_SWITCH;
        CHECK(ph[i].kind != SK_PH_REST, "no rest with one rep");
    }
    for (int c = 0; c < 5; c++)
        CHECK_INT(card_seen[c], 3);
    CHECK_INT(intros, 15);
    CHECK_INT(holds, 30);
    CHECK_INT(switches, 15);
    CHECK_STR(ph[n - 1].cues[0].key, "card.refs.title");  /* card (4*3+2) % 5 */
    sk_timeline_free(tl);

    /* The full protocol in the loop: the session's reps, no welcome. */
    hand.loop.full_protocol = true;
    tl = make(&hand, NULL);
    ph = sk_timeline_loop_phases(tl, &n);
    holds = 0;
    for (int i = 0; i < n; i++)
        holds += ph[i].kind == SK_PH_HOLD;
    CHECK_INT(holds, 5 * 24);
    sk_timeline_free(tl);
    hand.loop.full_protocol = false;
    hand.loop.reps = 2;
    hand.loop.both_legs = false;
    hand.loop.cards = false;
    tl = make(&hand, NULL);
    ph = sk_timeline_loop_phases(tl, &n);
    holds = 0;
    int rests = 0;
    for (int i = 0; i < n; i++) {
        holds += ph[i].kind == SK_PH_HOLD;
        rests += ph[i].kind == SK_PH_REST;
        CHECK(ph[i].kind != SK_PH_CARD && ph[i].kind != SK_PH_SWITCH, "no cards, one leg");
    }
    CHECK_INT(holds, 6);
    CHECK_INT(rests, 3);
    sk_timeline_free(tl);
}

/* A week of loop in uneven steps: every wrap at an exact multiple of the
 * cycle, every phase at its exact offset in it. Then a year in hour steps. */
static void test_loop_week(void)
{
    make_hand_routine(5);
    sk_timeline *tl = make(&hand, NULL);
    if (!tl)
        return;
    int n;
    const sk_phase *ph = sk_timeline_loop_phases(tl, &n);
    int64_t cycle = sk_timeline_loop_cycle_ms(tl);
    int64_t *start = calloc((size_t)n, sizeof *start);
    for (int i = 1; i < n; i++)
        start[i] = start[i - 1] + ph[i - 1].duration_ms;
    CHECK_INT(start[n - 1] + ph[n - 1].duration_ms, cycle);
    const int64_t week = 7LL * 24 * 3600 * 1000;
    int64_t t = 0, wraps = 0, bad_wraps = 0, bad_starts = 0, starts = 0;
    uint32_t seed = 12345;
    sk_event ev;
    while (t < week) {
        seed = seed * 1664525u + 1013904223u;
        int64_t dt = 1 + (seed >> 8) % 45000;   /* 1 ms .. 45 s */
        if (t + dt > week)
            dt = week - t;
        sk_timeline_step(tl, dt);
        t += dt;
        while (sk_timeline_poll(tl, &ev)) {
            if (ev.kind == SK_EV_LOOP_WRAPPED) {
                wraps++;
                bad_wraps += ev.time_ms != wraps * cycle;
            }
            if (ev.kind == SK_EV_PHASE_STARTED) {
                starts++;
                bad_starts += ev.time_ms % cycle != start[ev.phase];
            }
        }
    }
    CHECK_INT(bad_wraps, 0);
    CHECK_INT(bad_starts, 0);
    CHECK_INT(wraps, week / cycle);
    CHECK_INT(sk_timeline_dropped_events(tl), 0);
    sk_tl_view v = view(tl);
    CHECK_INT(v.clock_ms, week);
    CHECK_INT(v.loop_cycles, week / cycle);
    CHECK_INT(start[v.phase_index] + v.elapsed_ms, week % cycle);
    CHECK(starts > 1000, "%lld phases started", (long long)starts);

    /* and on to a year, an hour at a time */
    const int64_t year = 366LL * 24 * 3600 * 1000;
    while (t < year) {
        int64_t dt = 3600 * 1000;
        if (t + dt > year)
            dt = year - t;
        sk_timeline_step(tl, dt);
        t += dt;
        drain(tl);
    }
    v = view(tl);
    CHECK_INT(v.clock_ms, year);
    CHECK_INT(v.loop_cycles, year / cycle);
    CHECK_INT(start[v.phase_index] + v.elapsed_ms, year % cycle);
    CHECK(v.remaining_ms > 0 && v.elapsed_ms >= 0, "sane counters");
    CHECK(v.progress >= 0.0 && v.progress < 1.0, "progress %f", v.progress);
    free(start);
    sk_timeline_free(tl);
}

/* ---- intents ------------------------------------------------------------ */

/* Steps until the session's phase of this kind starts (at most 'max' ms). */
static bool run_to(sk_timeline *tl, sk_phase_kind kind, int64_t max)
{
    for (int64_t t = 0; t < max; t += 100) {
        sk_tl_view v = view(tl);
        if (v.mode == SK_TL_SESSION && v.phase->kind == kind)
            return true;
        sk_timeline_step(tl, 100);
    }
    return false;
}

/* The progress rate the view gives is the one the progress shows: in the
 * loop and in a session, within a phase and across phases. */
static void test_progress_rate(void)
{
    make_hand_routine(2);
    sk_timeline *tl = make(&hand, NULL);
    if (!tl)
        return;
    for (int round = 0; round < 2; round++) {
        for (int i = 0; i < 40; i++) {
            sk_tl_view a = view(tl);
            sk_timeline_step(tl, 250);
            drain(tl);
            sk_tl_view b = view(tl);
            CHECK(a.progress_per_ms > 0, "a rate while time runs (%s)", round ? "session" : "loop");
            if (b.mode == a.mode && b.progress > a.progress && b.progress < 1.0) {
                double want = a.progress + 250 * a.progress_per_ms;
                CHECK(fabs(b.progress - want) < 1e-9, "progress %.9f after 250 ms, rate says %.9f",
                      b.progress, want);
            }
        }
        if (round == 0) CHECK(sk_timeline_intent(tl, SK_INTENT_START), "start a session");
    }
    sk_timeline_free(tl);
}

static void test_pause_freezes(void)
{
    make_hand_routine(2);
    sk_timeline *tl = make(&hand, NULL);
    if (!tl)
        return;
    sk_event ev;
    CHECK(!sk_timeline_intent(tl, SK_INTENT_PAUSE), "pause means nothing in the loop");
    CHECK(!sk_timeline_intent(tl, SK_INTENT_STOP), "stop means nothing in the loop");
    CHECK(!sk_timeline_intent(tl, SK_INTENT_SKIP), "skip means nothing in the loop");
    CHECK(!sk_timeline_intent(tl, SK_INTENT_QUIT), "quit is not the timeline's");
    sk_timeline_intent(tl, SK_INTENT_START);
    CHECK(run_to(tl, SK_PH_HOLD, 60000), "reach a hold");
    sk_timeline_step(tl, 7000);
    drain(tl);
    CHECK(sk_timeline_intent(tl, SK_INTENT_PAUSE), "pause");
    sk_tl_view a = view(tl);
    CHECK(a.paused, "paused");
    for (int i = 0; i < 50; i++)
        sk_timeline_step(tl, 1000);   /* 50 s: less than the walk-away time */
    sk_tl_view b = view(tl);
    CHECK_INT(b.phase_index, a.phase_index);
    CHECK_INT(b.elapsed_ms, a.elapsed_ms);
    CHECK_INT(b.remaining_ms, a.remaining_ms);
    CHECK(b.progress == a.progress, "progress frozen");
    CHECK_INT(b.clock_ms, a.clock_ms + 50000);
    CHECK(!sk_timeline_poll(tl, &ev), "no events while paused");
    CHECK(!b.still_there, "not yet");

    /* resume in a hold: a 3 s count first, with the hold standing still */
    CHECK(sk_timeline_intent(tl, SK_INTENT_TOGGLE_PAUSE), "resume");
    sk_tl_view c = view(tl);
    CHECK(!c.paused, "resumed");
    CHECK_INT(c.resume_count_ms, 3000);
    int ticks[8], nt = 0;
    int64_t tick_at[8];
    sk_timeline_step(tl, 2999);
    c = view(tl);
    CHECK_INT(c.elapsed_ms, a.elapsed_ms);
    CHECK_INT(c.resume_count_ms, 1);
    sk_timeline_step(tl, 501);
    c = view(tl);
    CHECK_INT(c.resume_count_ms, 0);
    CHECK_INT(c.elapsed_ms, a.elapsed_ms + 500);
    while (sk_timeline_poll(tl, &ev))
        if (ev.kind == SK_EV_TICK && nt < 8) {
            tick_at[nt] = ev.time_ms - b.clock_ms;
            ticks[nt++] = ev.seconds;
        }
    CHECK_INT(nt, 3);
    if (nt == 3) {
        CHECK_INT(ticks[0], 3);
        CHECK_INT(ticks[1], 2);
        CHECK_INT(ticks[2], 1);
        CHECK_INT(tick_at[0], 0);
        CHECK_INT(tick_at[1], 1000);
        CHECK_INT(tick_at[2], 2000);
    }
    /* pause during a get-ready: resuming there has no extra count */
    CHECK(run_to(tl, SK_PH_GET_READY, 120000), "reach a get-ready");
    sk_timeline_intent(tl, SK_INTENT_PAUSE);
    sk_timeline_intent(tl, SK_INTENT_RESUME);
    CHECK_INT(view(tl).resume_count_ms, 0);
    CHECK(!sk_timeline_intent(tl, SK_INTENT_RESUME), "resume when running");
    sk_timeline_free(tl);
}

static void test_skip_back(void)
{
    make_hand_routine(2);
    sk_timeline *tl = make(&hand, NULL);
    if (!tl)
        return;
    int n;
    const sk_phase *ph = sk_timeline_session_phases(tl, &n);
    sk_timeline_intent(tl, SK_INTENT_START);
    CHECK_INT(view(tl).phase_index, 0);
    sk_timeline_intent(tl, SK_INTENT_SKIP);
    sk_timeline_intent(tl, SK_INTENT_SKIP);
    sk_tl_view v = view(tl);
    CHECK_INT(v.phase_index, 2);
    CHECK_INT(v.phase->kind, SK_PH_GET_READY);
    CHECK_INT(v.elapsed_ms, 0);
    sk_timeline_step(tl, 2500);
    drain(tl);
    sk_timeline_intent(tl, SK_INTENT_BACK);   /* 2.5 s in: restart */
    v = view(tl);
    CHECK_INT(v.phase_index, 2);
    CHECK_INT(v.elapsed_ms, 0);
    sk_event ev;
    CHECK(sk_timeline_poll(tl, &ev) && ev.kind == SK_EV_PHASE_STARTED && ev.phase == 2,
          "restart announced");
    drain(tl);
    sk_timeline_step(tl, 1500);
    sk_timeline_intent(tl, SK_INTENT_BACK);   /* 1.5 s in: one back */
    v = view(tl);
    CHECK_INT(v.phase_index, 1);
    CHECK_INT(v.phase->kind, SK_PH_INTRO);
    sk_timeline_intent(tl, SK_INTENT_BACK);
    sk_timeline_intent(tl, SK_INTENT_BACK);   /* stays at the first */
    CHECK_INT(view(tl).phase_index, 0);
    /* skip while paused stays paused */
    sk_timeline_intent(tl, SK_INTENT_PAUSE);
    sk_timeline_intent(tl, SK_INTENT_SKIP);
    v = view(tl);
    CHECK(v.paused, "still paused");
    CHECK_INT(v.phase_index, 1);
    sk_timeline_intent(tl, SK_INTENT_RESUME);
    /* skip to the end: past the finish the session has finished */
    for (int i = 1; i < n - 1; i++)
        sk_timeline_intent(tl, SK_INTENT_SKIP);
    v = view(tl);
    CHECK_INT(v.phase->kind, SK_PH_FINISH);
    CHECK_INT(v.phase_index, n - 1);
    CHECK(ph[n - 1].kind == SK_PH_FINISH, "last");
    drain(tl);
    sk_timeline_intent(tl, SK_INTENT_SKIP);
    CHECK(sk_timeline_poll(tl, &ev) && ev.kind == SK_EV_SESSION_FINISHED, "finished");
    v = view(tl);
    CHECK_INT(v.mode, SK_TL_LOOP);
    CHECK_INT(v.phase_index, 0);
    sk_timeline_free(tl);
}

static void test_stop_confirm(void)
{
    make_hand_routine(2);
    sk_timeline_opts o = {0};
    o.stop_confirm_ms = 4000;
    sk_timeline *tl = make(&hand, &o);
    if (!tl)
        return;
    sk_timeline_intent(tl, SK_INTENT_START);
    sk_timeline_step(tl, 20000);
    CHECK(sk_timeline_intent(tl, SK_INTENT_STOP), "first stop");
    sk_tl_view v = view(tl);
    CHECK(v.stop_pending, "pending");
    CHECK_INT(v.mode, SK_TL_SESSION);
    sk_timeline_step(tl, 4001);   /* too late */
    v = view(tl);
    CHECK(!v.stop_pending, "expired");
    sk_timeline_intent(tl, SK_INTENT_STOP);
    CHECK_INT(view(tl).mode, SK_TL_SESSION);
    sk_timeline_intent(tl, SK_INTENT_SKIP);   /* another button cancels */
    CHECK(!view(tl).stop_pending, "cancelled by skip");
    sk_timeline_intent(tl, SK_INTENT_STOP);
    CHECK_INT(view(tl).mode, SK_TL_SESSION);
    sk_timeline_step(tl, 3000);
    drain(tl);
    CHECK(sk_timeline_intent(tl, SK_INTENT_STOP), "confirm");
    sk_event ev;
    CHECK(sk_timeline_poll(tl, &ev) && ev.kind == SK_EV_SESSION_STOPPED, "stopped");
    v = view(tl);
    CHECK_INT(v.mode, SK_TL_LOOP);
    CHECK(!v.stop_pending, "clear");
    CHECK_INT(v.sessions_ended, 1);
    sk_timeline_free(tl);
}

static void test_walkaway(void)
{
    make_hand_routine(2);
    sk_timeline_opts o = {0};
    o.walkaway_ms = 30000;
    o.still_there_ms = 8000;
    sk_timeline *tl = make(&hand, &o);
    if (!tl)
        return;
    int n;
    sk_timeline_session_phases(tl, &n);
    sk_event ev;
    sk_timeline_intent(tl, SK_INTENT_START);
    sk_timeline_step(tl, 15000);
    sk_timeline_intent(tl, SK_INTENT_PAUSE);
    drain(tl);
    sk_timeline_step(tl, 29999);
    CHECK(!view(tl).still_there, "not yet");
    sk_timeline_step(tl, 1);
    sk_tl_view v = view(tl);
    CHECK(v.still_there, "asks");
    CHECK_INT(v.phase->kind, SK_PH_STILL_THERE);
    CHECK_INT(v.phase_index, n);
    CHECK(v.phase == sk_timeline_still_there_phase(tl), "the same phase");
    CHECK_INT(v.remaining_ms, 8000);
    CHECK(v.caption && strcmp(v.caption->key, "still_there") == 0, "caption");
    CHECK(sk_timeline_poll(tl, &ev) && ev.kind == SK_EV_PHASE_STARTED && ev.phase == n,
          "still-there phase");
    CHECK(sk_timeline_poll(tl, &ev) && ev.kind == SK_EV_VOICE &&
              strcmp(ev.cue->key, "still_there") == 0, "its voice");
    /* an answer: back to the paused session */
    sk_timeline_step(tl, 3000);
    CHECK(sk_timeline_intent(tl, SK_INTENT_ACTIVITY), "answered");
    v = view(tl);
    CHECK(!v.still_there && v.paused && v.mode == SK_TL_SESSION, "back, paused");
    CHECK_INT(v.elapsed_ms, 15000 - SK_TL_WELCOME_MS);
    /* nobody again: question, then the loop */
    drain(tl);
    sk_timeline_step(tl, 30000 + 8000);
    v = view(tl);
    CHECK_INT(v.mode, SK_TL_LOOP);
    CHECK_INT(v.sessions_ended, 1);
    int stopped = 0;
    while (sk_timeline_poll(tl, &ev))
        stopped += ev.kind == SK_EV_SESSION_STOPPED;
    CHECK_INT(stopped, 1);

    /* On the finish screen, paused: the same path. */
    sk_timeline_intent(tl, SK_INTENT_START);
    for (int i = 0; i < n - 1; i++)
        sk_timeline_intent(tl, SK_INTENT_SKIP);
    CHECK_INT(view(tl).phase->kind, SK_PH_FINISH);
    sk_timeline_intent(tl, SK_INTENT_PAUSE);
    sk_timeline_step(tl, 30000);
    CHECK(view(tl).still_there, "asks at the finish");
    sk_timeline_step(tl, 8000);
    CHECK_INT(view(tl).mode, SK_TL_LOOP);

    /* A finish screen that runs on its own ends the session before any
       walk-away question (finish < walk-away). */
    sk_timeline_intent(tl, SK_INTENT_START);
    for (int i = 0; i < n - 1; i++)
        sk_timeline_intent(tl, SK_INTENT_SKIP);
    drain(tl);
    sk_timeline_step(tl, SK_TL_FINISH_MS);
    v = view(tl);
    CHECK_INT(v.mode, SK_TL_LOOP);
    CHECK_INT(v.sessions_ended, 3);
    int finished = 0;
    while (sk_timeline_poll(tl, &ev))
        finished += ev.kind == SK_EV_SESSION_FINISHED;
    CHECK_INT(finished, 1);
    sk_timeline_free(tl);

    /* A short walk-away on a long finish: the question comes first. */
    o.walkaway_ms = 4000;
    tl = make(&hand, &o);
    sk_timeline_intent(tl, SK_INTENT_START);
    for (int i = 0; i < n - 1; i++)
        sk_timeline_intent(tl, SK_INTENT_SKIP);
    sk_timeline_step(tl, 4000);
    CHECK(view(tl).still_there, "question on the finish screen");
    sk_timeline_step(tl, 8000);
    CHECK_INT(view(tl).mode, SK_TL_LOOP);
    sk_timeline_free(tl);

    /* return_to_start: a start screen instead of the loop */
    o.walkaway_ms = 0;
    o.return_to_start = true;
    tl = make(&hand, &o);
    sk_timeline_intent(tl, SK_INTENT_START);
    sk_timeline_step(tl, sk_timeline_session_total_ms(tl));
    v = view(tl);
    CHECK_INT(v.mode, SK_TL_START);
    CHECK_INT(v.phase->kind, SK_PH_WELCOME);
    sk_timeline_step(tl, 3600 * 1000);
    CHECK_INT(view(tl).elapsed_ms, 0);
    CHECK(!sk_timeline_intent(tl, SK_INTENT_SKIP), "nothing to skip");
    CHECK(sk_timeline_intent(tl, SK_INTENT_TOGGLE_PAUSE), "space starts");
    CHECK_INT(view(tl).mode, SK_TL_SESSION);
    CHECK_INT(view(tl).sessions_started, 2);
    sk_timeline_free(tl);
}

/* ---- step size changes nothing ----------------------------------------- */

typedef struct rec {
    int kind, mode, phase, seconds;
    int64_t t;
    char key[SK_CUE_KEY_MAX];
} rec;

/* Intents at fixed times (multiples of 10 s so every step size lands on
 * them); returns the events seen. */
static int run_script(int64_t (*next_dt)(int64_t t, int *state), rec *out, int max)
{
    static const struct {
        int64_t at;
        sk_intent in;
    } script[] = {
        {100000, SK_INTENT_START},  {200000, SK_INTENT_PAUSE}, {230000, SK_INTENT_RESUME},
        {300000, SK_INTENT_SKIP},   {310000, SK_INTENT_BACK},  {320000, SK_INTENT_BACK},
        {400000, SK_INTENT_PAUSE},  {480000, SK_INTENT_WAKE},  {560000, SK_INTENT_RESUME},
        {600000, SK_INTENT_STOP},   {610000, SK_INTENT_SKIP},  {700000, SK_INTENT_PAUSE},
        {760000, SK_INTENT_RESUME}, {1500000, SK_INTENT_START}, {1520000, SK_INTENT_PAUSE},
    };
    const int64_t end = 1800000;
    sk_timeline_opts o = {0};
    o.walkaway_ms = 90000;
    sk_timeline *tl = sk_timeline_create(&hand, &o);
    if (!tl)
        return 0;
    int n = 0, si = 0, state = 0;
    long guard = 0;
    int64_t t = 0;
    sk_event ev;
    while (t <= end && guard++ < 20000000) {
        while (si < (int)(sizeof script / sizeof script[0]) && script[si].at == t)
            sk_timeline_intent(tl, script[si++].in);
        while (sk_timeline_poll(tl, &ev)) {
            if (n < max) {
                rec *r = &out[n];
                r->kind = ev.kind;
                r->mode = ev.mode;
                r->phase = ev.phase;
                r->seconds = ev.seconds;
                r->t = ev.time_ms;
                sk_strlcpy(r->key, ev.cue ? ev.cue->key : "", sizeof r->key);
            }
            n++;
        }
        if (t == end)
            break;
        int64_t dt = next_dt(t, &state);
        sk_timeline_step(tl, dt);
        t += dt;
    }
    CHECK(guard < 20000000, "iteration cap");
    sk_timeline_free(tl);
    return n;
}

static int64_t dt_1ms(int64_t t, int *s)
{
    (void)t;
    (void)s;
    return 1;
}

static int64_t dt_10s(int64_t t, int *s)
{
    (void)t;
    (void)s;
    return 10000;
}

/* 0 ms steps between 1 ms and 7 ms steps, never passing a 10 s mark. */
static int64_t dt_zeros(int64_t t, int *s)
{
    (*s)++;
    if (*s % 3 == 0)
        return 0;
    int64_t to_mark = 10000 - t % 10000;
    return *s % 3 == 1 ? 1 : (to_mark < 7 ? to_mark : 7);
}

static void test_step_sizes(void)
{
    make_hand_routine(2);
    enum { MAX = 4000 };
    static rec a[MAX], b[MAX], c[MAX];
    int na = run_script(dt_1ms, a, MAX);
    int nb = run_script(dt_10s, b, MAX);
    int nc = run_script(dt_zeros, c, MAX);
    CHECK(na > 100 && na < MAX, "%d events", na);
    CHECK_INT(nb, na);
    CHECK_INT(nc, na);
    int diff_b = -1, diff_c = -1;
    for (int i = 0; i < na && i < MAX; i++) {
        if (diff_b < 0 && i < nb && memcmp(&a[i], &b[i], sizeof a[i]) != 0)
            diff_b = i;
        if (diff_c < 0 && i < nc && memcmp(&a[i], &c[i], sizeof a[i]) != 0)
            diff_c = i;
    }
    CHECK(diff_b < 0, "10 s steps differ at event %d (t=%lld kind %d vs t=%lld kind %d)",
          diff_b, diff_b >= 0 ? (long long)a[diff_b].t : 0LL, diff_b >= 0 ? a[diff_b].kind : 0,
          diff_b >= 0 ? (long long)b[diff_b].t : 0LL, diff_b >= 0 ? b[diff_b].kind : 0);
    CHECK(diff_c < 0, "0/1/7 ms steps differ at event %d", diff_c);
    int kinds[8] = {0};
    for (int i = 0; i < na && i < MAX; i++)
        kinds[a[i].kind]++;
    CHECK(kinds[SK_EV_SESSION_STARTED] == 2 && kinds[SK_EV_SESSION_STOPPED] == 1 &&
              kinds[SK_EV_SESSION_FINISHED] == 1,
          "two sessions, one finished, one walked away from (%d, %d, %d)",
          kinds[SK_EV_SESSION_STARTED], kinds[SK_EV_SESSION_FINISHED],
          kinds[SK_EV_SESSION_STOPPED]);
    CHECK(kinds[SK_EV_TICK] > 10, "ticks");

    /* 0 ms steps alone: nothing moves, nothing is said */
    sk_timeline *tl = make(&hand, NULL);
    sk_timeline_intent(tl, SK_INTENT_START);
    drain(tl);
    sk_tl_view v0 = view(tl);
    int events = 0;
    for (int i = 0; i < 100000; i++) {
        sk_timeline_step(tl, 0);
        sk_timeline_step(tl, -5);
        events += drain(tl);
    }
    sk_tl_view v1 = view(tl);
    CHECK_INT(events, 0);
    CHECK_INT(v1.elapsed_ms, v0.elapsed_ms);
    CHECK_INT(v1.clock_ms, 0);
    sk_timeline_free(tl);
}

/* ---- clip lengths stretch narrated phases ------------------------------ */

static int64_t fake_clip(void *user, const char *key)
{
    (void)user;
    if (strstr(key, ".step"))
        return 6000;
    if (strcmp(key, "get_ready") == 0)
        return 900;
    if (strcmp(key, "leg.painful") == 0)
        return 2500;
    return -1;
}

static void test_clip_lengths(void)
{
    make_hand_routine(2);
    sk_timeline_opts o = {0};
    o.clip_ms = fake_clip;
    sk_timeline *tl = make(&hand, &o);
    if (!tl)
        return;
    int n;
    const sk_phase *ph = sk_timeline_session_phases(tl, &n);
    const sk_phase *intro = &ph[1];
    CHECK_INT(intro->kind, SK_PH_INTRO);
    /* name (unknown) + 3 steps of 6 s + gaps: longer than 12 s */
    CHECK_INT(intro->duration_ms, 3 * (6000 + SK_TL_CUE_GAP_MS));
    CHECK_INT(intro->cues[1].at_ms, 0);
    CHECK_INT(intro->cues[2].at_ms, 6000 + SK_TL_CUE_GAP_MS);
    CHECK_INT(intro->cues[3].at_ms, 2 * (6000 + SK_TL_CUE_GAP_MS));
    /* A get-ready whose words fit keeps its 5 s; one whose words do not
       (the painful leg's first: 2.5 s + "get ready" 0.9 s, each with its
       gap, before the count) grows, and its count still ends it. */
    const int64_t lead = 2500 + 900 + 2 * SK_TL_COUNT_GAP_MS;
    CHECK_INT(ph[2].kind, SK_PH_GET_READY);
    CHECK_INT(ph[2].duration_ms, lead + 3000);
    CHECK_STR(ph[2].cues[0].key, "leg.painful");
    CHECK_INT(ph[2].cues[0].at_ms, 0);
    CHECK_INT(ph[2].cues[2].at_ms, 2500 + SK_TL_COUNT_GAP_MS);   /* get_ready */
    CHECK_STR(ph[2].cues[3].key, "count.3");
    CHECK_INT(ph[2].cues[3].at_ms, lead);
    CHECK_INT(ph[2].cues[5].at_ms, lead + 2000);
    int i5 = 5;   /* rep 2: no leg cue, "get ready" fits */
    CHECK_INT(ph[i5].kind, SK_PH_GET_READY);
    CHECK_INT(ph[i5].duration_ms, 5000);
    CHECK_INT(sk_timeline_session_total_ms(tl),
              expected_session_ms(&hand) + 3 * (3 * (6000 + SK_TL_CUE_GAP_MS) - 12000) +
                  3 * (lead + 3000 - 5000));
    sk_timeline_free(tl);
}

/* The largest routine the loader allows: every limit at its maximum. */
static void test_biggest_routine(void)
{
    static sk_routine big;
    static char ids[SK_MAX_EXERCISES][40], cids[SK_MAX_CARDS][40];
    make_hand_routine(2);
    big = hand;
    big.exercise_count = SK_MAX_EXERCISES - 1;   /* 31: coprime with 16 cards */
    big.card_count = SK_MAX_CARDS;
    big.loop.full_protocol = true;
    for (int i = 0; i < big.exercise_count; i++) {
        sk_exercise *e = &big.exercises[i];
        *e = hand.exercises[i % 3];
        /* ids of 36 bytes: keys are cut to fit, never overflow */
        snprintf(ids[i], sizeof ids[i], "exercise_with_a_long_name_number_%02d", i);
        e->id = ids[i];
        e->reps = 20;
        e->hold_seconds = 600;
        e->rest_seconds = 300;
        e->get_ready_seconds = 60;
        e->intro_seconds = 120;
        e->step_count = SK_MAX_STEPS;
        for (int k = 0; k < SK_MAX_STEPS; k++)
            e->steps[k] = "A step.";
        e->summary = "Summary.";
        e->equipment = "Ball.";
        e->caution = "Careful.";
    }
    for (int c = 0; c < big.card_count; c++) {
        big.cards[c] = hand.cards[c % 2];
        snprintf(cids[c], sizeof cids[c], "card_%02d", c);
        big.cards[c].id = cids[c];
    }
    sk_timeline *tl = make(&big, NULL);
    if (!tl)
        return;
    int n, ns;
    const sk_phase *ph = sk_timeline_loop_phases(tl, &n);
    sk_timeline_session_phases(tl, &ns);
    CHECK(n <= 2 * SK_TL_MAX_LOOP_PHASES, "loop capped: %d phases", n);
    CHECK(ph[0].cue_count == SK_MAX_CUES, "name, summary, equipment, 8 steps, caution");
    for (int i = 0; i < n; i++)
        for (int c = 0; c < ph[i].cue_count; c++)
            CHECK(strlen(ph[i].cues[c].key) < SK_CUE_KEY_MAX, "key fits");
    CHECK_INT(sk_routine_session_holds(&big), 31 * 2 * 20);
    int holds = 0;
    const sk_phase *sp = sk_timeline_session_phases(tl, &ns);
    for (int i = 0; i < ns; i++)
        holds += sp[i].kind == SK_PH_HOLD;
    CHECK_INT(holds, 31 * 2 * 20);
    CHECK_INT(sk_timeline_session_total_ms(tl), expected_session_ms(&big));
    /* a year of it, an hour at a time */
    for (int h = 0; h < 366 * 24; h++) {
        sk_timeline_step(tl, 3600 * 1000);
        drain(tl);
    }
    sk_tl_view v = view(tl);
    CHECK_INT(v.clock_ms, 366LL * 24 * 3600 * 1000);
    CHECK(v.remaining_ms > 0, "sane");
    sk_timeline_free(tl);
}

int main(void)
{
    make_hand_routine(2);
    check_session_shape(&hand, "hand-made routine");
    test_session_order();
    test_loop_shape();
    test_loop_week();
    test_progress_rate();
    test_pause_freezes();
    test_skip_back();
    test_stop_confirm();
    test_walkaway();
    test_step_sizes();
    test_clip_lengths();
    test_biggest_routine();

    sk_routine *r = sk_routine_builtin();
    CHECK(r != NULL, "built-in routine");
    if (r) {
        check_session_shape(r, "built-in routine");
        sk_timeline *tl = make(r, NULL);
        int n;
        const sk_phase *ph = sk_timeline_loop_phases(tl, &n);
        int holds = 0, cards = 0;
        for (int i = 0; i < n; i++) {
            holds += ph[i].kind == SK_PH_HOLD;
            cards += ph[i].kind == SK_PH_CARD;
        }
        CHECK_INT(cards % r->card_count, 0);
        CHECK(holds >= 6, "loop holds %d", holds);
        sk_timeline_free(tl);
        sk_routine_free(r);
    }
    return CHECK_DONE();
}
