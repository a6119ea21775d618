/* The timeline state machine. See timeline.h for the contract.
 *
 * Both phase lists (one loop cycle, one guided session) are built once at
 * creation; stepping only moves an index and a millisecond counter, so any
 * dt gives the same phases and events, and int64 milliseconds cover far
 * more than the years a kiosk runs. */
#include "timeline.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text_util.h"
#include "timeline_parts.h"

#define DEFAULT_WALKAWAY_MS 60000
#define DEFAULT_STILL_THERE_MS 10000
#define DEFAULT_RESUME_COUNT_MS 3000
#define DEFAULT_STOP_CONFIRM_MS 5000

/* ---- events ---------------------------------------------------------- */

static void emit(sk_timeline *tl, sk_event_kind kind, int64_t at, int phase, int seconds,
                 const sk_cue *cue)
{
    if (tl->qlen == SK_TL_MAX_EVENTS) {
        tl->qhead = (tl->qhead + 1) % SK_TL_MAX_EVENTS;
        tl->qlen--;
        tl->dropped++;
    }
    sk_event *ev = &tl->q[(tl->qhead + tl->qlen) % SK_TL_MAX_EVENTS];
    tl->qlen++;
    ev->kind = kind;
    ev->mode = tl->mode;
    ev->time_ms = at;
    ev->phase = phase;
    ev->seconds = seconds;
    ev->cue = cue;
}

static const phase_list *cur_list(const sk_timeline *tl)
{
    return tl->mode == SK_TL_LOOP ? &tl->loop : &tl->sess;
}

static const sk_phase *cur_phase(const sk_timeline *tl)
{
    if (tl->mode == SK_TL_SESSION && tl->still)
        return &tl->sess.v[tl->sess.n];
    return &cur_list(tl)->v[tl->idx];
}

/* Emits the cues of the current phase due by its elapsed time; 'at' is the
 * clock at the phase's start. */
static void emit_cues(sk_timeline *tl, int64_t phase_start)
{
    const sk_phase *p = cur_phase(tl);
    while (tl->next_cue < p->cue_count && p->cues[tl->next_cue].at_ms <= tl->el &&
           p->cues[tl->next_cue].at_ms < p->duration_ms) {
        const sk_cue *c = &p->cues[tl->next_cue++];
        int64_t at = phase_start + c->at_ms;
        if (c->tick > 0)
            emit(tl, SK_EV_TICK, at, tl->idx, c->tick, c);
        if (c->text && *c->text)
            emit(tl, SK_EV_VOICE, at, tl->idx, 0, c);
    }
}

/* Enters phase idx of the current mode's list at clock 'at'. */
static void enter(sk_timeline *tl, int idx, int64_t at)
{
    tl->idx = idx;
    tl->el = 0;
    tl->next_cue = 0;
    tl->resume_left = 0;
    if (tl->mode == SK_TL_SESSION && tl->sess.v[idx].kind == SK_PH_FINISH)
        tl->idle = 0;   /* walk-away counts from the finish screen, not from
                           the last touch long before it */
    emit(tl, SK_EV_PHASE_STARTED, at, idx, 0, NULL);
    if (tl->mode != SK_TL_START)
        emit_cues(tl, at);
}

static void to_loop(sk_timeline *tl, int64_t at)
{
    tl->paused = tl->still = tl->stop_pending = false;
    tl->resume_left = tl->stop_left = tl->still_el = tl->idle = 0;
    if (tl->o.return_to_start) {
        tl->mode = SK_TL_START;
    } else {
        tl->mode = SK_TL_LOOP;
    }
    enter(tl, 0, at);
}

static void end_session(sk_timeline *tl, bool finished, int64_t at)
{
    tl->ended++;
    emit(tl, finished ? SK_EV_SESSION_FINISHED : SK_EV_SESSION_STOPPED, at,
         tl->still ? tl->sess.n : tl->idx, 0, NULL);
    to_loop(tl, at);
}

static void start_session(sk_timeline *tl)
{
    tl->mode = SK_TL_SESSION;
    tl->paused = tl->still = tl->stop_pending = false;
    tl->resume_left = tl->stop_left = tl->still_el = tl->idle = 0;
    tl->started++;
    emit(tl, SK_EV_SESSION_STARTED, tl->clock, 0, 0, NULL);
    enter(tl, 0, tl->clock);
}

/* Leaves the current phase at its end (clock 'at'). */
static void phase_done(sk_timeline *tl, int64_t at)
{
    const sk_phase *p = cur_phase(tl);
    if (p->kind == SK_PH_HOLD)
        emit(tl, SK_EV_TICK, at, tl->idx, 0, NULL);
    const phase_list *l = cur_list(tl);
    if (tl->idx + 1 < l->n) {
        enter(tl, tl->idx + 1, at);
    } else if (tl->mode == SK_TL_LOOP) {
        tl->loop_cycles++;
        emit(tl, SK_EV_LOOP_WRAPPED, at, 0, 0, NULL);
        enter(tl, 0, at);
    } else {
        end_session(tl, true, at);
    }
}

/* Runs the current phase for up to dt ms; returns the time used (> 0 when
 * dt > 0: every phase lasts at least 1 ms). */
static int64_t run_phase(sk_timeline *tl, int64_t dt)
{
    const sk_phase *p = cur_phase(tl);
    int64_t start = tl->clock - tl->el;
    int64_t rem = p->duration_ms - tl->el;
    int64_t d = dt < rem ? dt : rem;
    tl->el += d;
    emit_cues(tl, start);
    if (tl->el >= p->duration_ms)
        phase_done(tl, tl->clock + d);
    return d;
}

static int count_seconds(int64_t left)
{
    return (int)((left + 999) / 1000);
}

static void begin_resume_count(sk_timeline *tl)
{
    tl->resume_left = tl->o.resume_count_ms;
    int s = count_seconds(tl->resume_left);
    if (s >= 1 && s <= 3) {
        emit(tl, SK_EV_TICK, tl->clock, tl->idx, s, &tl->resume_cues[s]);
        if (tl->resume_cues[s].text && *tl->resume_cues[s].text)
            emit(tl, SK_EV_VOICE, tl->clock, tl->idx, 0, &tl->resume_cues[s]);
    } else if (s > 3) {
        emit(tl, SK_EV_TICK, tl->clock, tl->idx, s, NULL);
    }
}

static int64_t run_resume_count(sk_timeline *tl, int64_t dt)
{
    int64_t d = dt < tl->resume_left ? dt : tl->resume_left;
    int64_t before = tl->resume_left;
    for (int s = count_seconds(before) - 1; s >= 1; s--) {
        int64_t at_left = (int64_t)s * 1000;   /* the count shows s from here */
        if (before - d > at_left)
            break;
        int64_t at = tl->clock + (before - at_left);
        const sk_cue *c = s <= 3 ? &tl->resume_cues[s] : NULL;
        emit(tl, SK_EV_TICK, at, tl->idx, s, c);
        if (c && c->text && *c->text)
            emit(tl, SK_EV_VOICE, at, tl->idx, 0, c);
    }
    tl->resume_left -= d;
    return d;
}

static void enter_still_there(sk_timeline *tl, int64_t at)
{
    const sk_phase *st = &tl->sess.v[tl->sess.n];
    tl->still = true;
    tl->still_el = 0;
    tl->resume_left = 0;
    emit(tl, SK_EV_PHASE_STARTED, at, tl->sess.n, 0, NULL);
    if (st->cue_count > 0)
        emit(tl, SK_EV_VOICE, at, tl->sess.n, 0, &st->cues[0]);
}

/* ---- public ---------------------------------------------------------- */

sk_timeline *sk_timeline_create(const sk_routine *r, const sk_timeline_opts *opts)
{
    if (!r || r->exercise_count < 1)
        return NULL;
    sk_timeline *tl = calloc(1, sizeof *tl);
    if (!tl)
        return NULL;
    tl->r = r;
    if (opts)
        tl->o = *opts;
    if (tl->o.walkaway_ms <= 0)
        tl->o.walkaway_ms = DEFAULT_WALKAWAY_MS;
    if (tl->o.still_there_ms <= 0)
        tl->o.still_there_ms = DEFAULT_STILL_THERE_MS;
    if (tl->o.resume_count_ms == 0)
        tl->o.resume_count_ms = DEFAULT_RESUME_COUNT_MS;
    if (tl->o.resume_count_ms < 0)
        tl->o.resume_count_ms = 0;
    if (tl->o.stop_confirm_ms <= 0)
        tl->o.stop_confirm_ms = DEFAULT_STOP_CONFIRM_MS;
    for (int k = 1; k <= 3; k++) {
        snprintf(tl->resume_cues[k].key, sizeof tl->resume_cues[k].key, "count.%d", k);
        tl->resume_cues[k].text = r->phrases.count[k] ? r->phrases.count[k] : "";
        tl->resume_cues[k].tick = k;
    }
    sk_tl_build_loop(tl);
    sk_tl_build_session(tl);
    if (tl->oom || tl->loop.oom || tl->sess.oom || tl->loop.n == 0) {
        sk_timeline_free(tl);
        return NULL;
    }
    tl->mode = SK_TL_LOOP;
    enter(tl, 0, 0);
    return tl;
}

void sk_timeline_free(sk_timeline *tl)
{
    if (!tl)
        return;
    free(tl->loop.v);
    free(tl->loop.start);
    free(tl->sess.v);
    free(tl->sess.start);
    for (int i = 0; i < tl->nstrs; i++)
        free(tl->strs[i]);
    free(tl->strs);
    free(tl);
}

void sk_timeline_step(sk_timeline *tl, int64_t dt)
{
    if (!tl || dt <= 0)
        return;
    if (tl->stop_pending) {
        tl->stop_left -= dt;
        if (tl->stop_left <= 0) {
            tl->stop_pending = false;
            tl->stop_left = 0;
        }
    }
    while (dt > 0) {
        int64_t used;
        if (tl->mode == SK_TL_START) {
            used = dt;
        } else if (tl->mode == SK_TL_LOOP) {
            used = run_phase(tl, dt);
        } else if (tl->still) {
            int64_t rem = tl->o.still_there_ms - tl->still_el;
            used = dt < rem ? dt : rem;
            tl->still_el += used;
            if (tl->still_el >= tl->o.still_there_ms)
                end_session(tl, false, tl->clock + used);
        } else if (tl->paused || cur_phase(tl)->kind == SK_PH_FINISH) {
            /* Walk-away counts while paused and on the finish screen (which
             * keeps running: when it ends first, the session has simply
             * finished). */
            int64_t rem = tl->o.walkaway_ms - tl->idle;
            if (rem <= 0) {
                enter_still_there(tl, tl->clock);
                continue;
            }
            used = dt < rem ? dt : rem;
            if (!tl->paused) {
                int64_t phase_rem = cur_phase(tl)->duration_ms - tl->el;
                if (phase_rem < used)
                    used = phase_rem;
                tl->idle += used;
                run_phase(tl, used);
            } else {
                tl->idle += used;
            }
            /* Eagerly, so the state at a given clock does not depend on
             * how the time was cut into steps. */
            if (tl->mode == SK_TL_SESSION && tl->idle >= tl->o.walkaway_ms &&
                (tl->paused || cur_phase(tl)->kind == SK_PH_FINISH))
                enter_still_there(tl, tl->clock + used);
        } else if (tl->resume_left > 0) {
            used = run_resume_count(tl, dt);
        } else {
            used = run_phase(tl, dt);
        }
        tl->clock += used;
        dt -= used;
    }
}

static bool set_pause(sk_timeline *tl, bool pause)
{
    if (pause) {
        if (tl->paused)
            return false;
        tl->paused = true;
        tl->resume_left = 0;
        tl->idle = 0;
        return true;
    }
    if (!tl->paused)
        return false;
    tl->paused = false;
    if (cur_phase(tl)->kind == SK_PH_HOLD && tl->o.resume_count_ms > 0)
        begin_resume_count(tl);
    return true;
}

bool sk_timeline_intent(sk_timeline *tl, sk_intent in)
{
    if (!tl || in <= SK_INTENT_NONE || in >= SK_INTENT_COUNT || in == SK_INTENT_QUIT)
        return false;
    if (sk_intent_language(in) >= 0)
        in = tl->mode != SK_TL_SESSION ? SK_INTENT_START : SK_INTENT_ACTIVITY;
    if (tl->mode != SK_TL_SESSION) {
        if (in == SK_INTENT_START || in == SK_INTENT_TOGGLE_PAUSE) {
            start_session(tl);
            return true;
        }
        return false;
    }
    tl->idle = 0;
    if (tl->still) {   /* any answer means "yes, still here" */
        tl->still = false;
        tl->still_el = 0;
        emit(tl, SK_EV_PHASE_STARTED, tl->clock, tl->idx, 0, NULL);
        return true;
    }
    if (in != SK_INTENT_STOP && in != SK_INTENT_ACTIVITY && in != SK_INTENT_WAKE)
        tl->stop_pending = false;
    switch (in) {
    case SK_INTENT_PAUSE:
        return set_pause(tl, true);
    case SK_INTENT_RESUME:
        return set_pause(tl, false);
    case SK_INTENT_TOGGLE_PAUSE:
        return set_pause(tl, !tl->paused);
    case SK_INTENT_SKIP:
        if (tl->idx + 1 < tl->sess.n)
            enter(tl, tl->idx + 1, tl->clock);
        else
            end_session(tl, true, tl->clock);
        return true;
    case SK_INTENT_BACK:
        if (tl->el > SK_TL_BACK_RESTART_MS || tl->idx == 0)
            enter(tl, tl->idx, tl->clock);
        else
            enter(tl, tl->idx - 1, tl->clock);
        return true;
    case SK_INTENT_STOP:
        if (tl->stop_pending) {
            end_session(tl, false, tl->clock);
        } else {
            tl->stop_pending = true;
            tl->stop_left = tl->o.stop_confirm_ms;
        }
        return true;
    case SK_INTENT_START:
    case SK_INTENT_ACTIVITY:
    case SK_INTENT_WAKE:
    default:
        return false;
    }
}

void sk_timeline_rejoin(sk_timeline *tl, int loop_index, int64_t clock_ms)
{
    tl->qhead = tl->qlen = 0;
    tl->clock = clock_ms;
    to_loop(tl, clock_ms);
    if (tl->mode == SK_TL_LOOP && loop_index > 0 && loop_index < tl->loop.n) {
        tl->qhead = tl->qlen = 0;
        enter(tl, loop_index, clock_ms);
    }
}

bool sk_timeline_poll(sk_timeline *tl, sk_event *ev)
{
    if (!tl || tl->qlen == 0)
        return false;
    *ev = tl->q[tl->qhead];
    tl->qhead = (tl->qhead + 1) % SK_TL_MAX_EVENTS;
    tl->qlen--;
    return true;
}

void sk_timeline_view(const sk_timeline *tl, sk_tl_view *v)
{
    memset(v, 0, sizeof *v);
    const phase_list *l = cur_list(tl);
    v->mode = tl->mode;
    v->phase = cur_phase(tl);
    v->phase_count = l->n;
    v->paused = tl->paused;
    v->stop_pending = tl->stop_pending;
    v->resume_count_ms = tl->resume_left;
    v->resume_total_ms = tl->o.resume_count_ms;
    v->clock_ms = tl->clock;
    v->sessions_started = tl->started;
    v->sessions_ended = tl->ended;
    v->loop_cycles = tl->loop_cycles;
    v->routine = tl->r;
    if (tl->mode == SK_TL_SESSION && tl->still) {
        v->still_there = true;
        v->phase_index = l->n;
        v->elapsed_ms = tl->still_el;
        v->remaining_ms = tl->o.still_there_ms - tl->still_el;
        v->caption = v->phase->cue_count ? &v->phase->cues[0] : NULL;
    } else {
        v->phase_index = tl->idx;
        v->elapsed_ms = tl->el;
        v->remaining_ms = v->phase->duration_ms - tl->el;
        /* The latest cue with words (a silent count cue is no caption). */
        for (int i = tl->next_cue - 1; i >= 0; i--) {
            if (v->phase->cues[i].text && *v->phase->cues[i].text) {
                v->caption = &v->phase->cues[i];
                break;
            }
        }
    }
    int64_t pos = l->start[tl->idx] + (tl->still ? tl->el : v->elapsed_ms);
    if (tl->mode == SK_TL_START)
        pos = 0;
    v->progress = l->total > 0 ? (double)pos / (double)l->total : 0.0;
    v->progress_per_ms = l->total > 0 && tl->mode != SK_TL_START ? 1.0 / (double)l->total : 0.0;
    if (v->progress > 1.0)
        v->progress = 1.0;
}

const sk_phase *sk_timeline_session_phases(const sk_timeline *tl, int *count)
{
    if (count)
        *count = tl->sess.n;
    return tl->sess.v;
}

const sk_phase *sk_timeline_still_there_phase(const sk_timeline *tl)
{
    return &tl->sess.v[tl->sess.n];
}

const sk_phase *sk_timeline_loop_phases(const sk_timeline *tl, int *count)
{
    if (count)
        *count = tl->loop.n;
    return tl->loop.v;
}

int64_t sk_timeline_session_total_ms(const sk_timeline *tl)
{
    return tl->sess.total;
}

int64_t sk_timeline_loop_cycle_ms(const sk_timeline *tl)
{
    return tl->loop.total;
}

long sk_timeline_dropped_events(const sk_timeline *tl)
{
    return tl->dropped;
}

const char *sk_phase_name(sk_phase_kind k)
{
    static const char *const names[SK_PH_COUNT] = {
        "welcome", "intro", "get-ready", "hold", "rest",
        "switch", "card", "finish", "still-there",
    };
    return (unsigned)k < SK_PH_COUNT ? names[k] : "unknown";
}
