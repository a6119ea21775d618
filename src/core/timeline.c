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

/* The longest keys, "card.<id>.title" and "<id>.equipment", must fit for
 * every id the routine loader accepts, or two clips could share a name. */
_Static_assert(SK_MAX_ID + 11 < SK_CUE_KEY_MAX, "cue keys too short for routine ids");

#define DEFAULT_WALKAWAY_MS 60000
#define DEFAULT_STILL_THERE_MS 10000
#define DEFAULT_RESUME_COUNT_MS 3000
#define DEFAULT_STOP_CONFIRM_MS 5000

typedef struct phase_list {
    sk_phase *v;
    int64_t *start;   /* offset of each phase from the list's start */
    int n, cap;
    int64_t total;
    bool oom;
} phase_list;

struct sk_timeline {
    const sk_routine *r;
    sk_timeline_opts o;
    phase_list loop;
    phase_list sess;      /* sess.v[sess.n] is the still-there phase */
    char **strs;          /* texts the timeline made (formatted phrases) */
    int nstrs, capstrs;
    bool oom;
    sk_cue resume_cues[4];

    sk_tl_mode mode;
    int idx;              /* phase index in the list of the mode */
    int64_t el;           /* ms into that phase */
    int next_cue;         /* first cue of the phase not yet emitted */
    bool paused;
    int64_t resume_left;
    bool stop_pending;
    int64_t stop_left;
    bool still;           /* "still there?" is showing */
    int64_t still_el;
    int64_t idle;         /* walk-away counter */
    int64_t clock;
    int64_t loop_cycles;
    int started, ended;

    sk_event q[SK_TL_MAX_EVENTS];
    int qhead, qlen;
    long dropped;
};

/* ---- building -------------------------------------------------------- */

static const char *keep_text(sk_timeline *tl, const char *text)
{
    if (tl->nstrs == tl->capstrs) {
        int cap = tl->capstrs ? tl->capstrs * 2 : 32;
        char **v = realloc(tl->strs, (size_t)cap * sizeof *v);
        if (!v) {
            tl->oom = true;
            return NULL;
        }
        tl->strs = v;
        tl->capstrs = cap;
    }
    char *copy = sk_strdup(text);
    if (!copy) {
        tl->oom = true;
        return NULL;
    }
    tl->strs[tl->nstrs++] = copy;
    return copy;
}

static sk_phase *push_phase(phase_list *l, sk_phase_kind kind, int exercise, int card,
                            sk_leg leg, int rep, int reps)
{
    if (l->n + 1 >= l->cap) {  /* +1: room for the still-there phase */
        int cap = l->cap ? l->cap * 2 : 64;
        sk_phase *v = realloc(l->v, (size_t)cap * sizeof *v);
        if (!v) {
            l->oom = true;
            return NULL;
        }
        l->v = v;
        l->cap = cap;
    }
    sk_phase *p = &l->v[l->n++];
    memset(p, 0, sizeof *p);
    p->kind = kind;
    p->exercise = exercise;
    p->card = card;
    p->leg = leg;
    p->rep = rep;
    p->reps = reps;
    return p;
}

static void add_cue(sk_phase *p, const char *key, const char *text)
{
    if (!text || !*text || p->cue_count >= SK_MAX_CUES)
        return;
    sk_cue *c = &p->cues[p->cue_count++];
    sk_strlcpy(c->key, key, sizeof c->key);
    c->text = text;
    c->at_ms = 0;
    c->tick = 0;
    c->says = SK_CUE_OTHER;
    c->step = 0;
}

/* Marks the cue just added (if it was) as reading 'says'. */
static void mark_cue(sk_phase *p, int count_before, sk_cue_says says, int step)
{
    if (p->cue_count == count_before)
        return;
    p->cues[p->cue_count - 1].says = says;
    p->cues[p->cue_count - 1].step = step;
}

static void add_cuef(sk_phase *p, const char *text, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
static void add_cuef(sk_phase *p, const char *text, const char *fmt, ...)
{
    char key[SK_CUE_KEY_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(key, sizeof key, fmt, ap);
    va_end(ap);
    add_cue(p, key, text);
}

static int64_t clip_len(const sk_timeline *tl, const char *key)
{
    if (!tl->o.clip_ms)
        return -1;
    int64_t ms = tl->o.clip_ms(tl->o.clip_user, key);
    if (ms > 24 * 3600 * 1000LL)   /* a broken clip must not stall a day */
        ms = 24 * 3600 * 1000LL;
    return ms;
}

/* A narrated phase: its cues one after another, each given its clip's
 * length plus a gap; the phase lasts min_ms or as long as the clips need.
 * Time the clips do not need is spread evenly between the cues, so with no
 * clip lengths at all the cues are evenly spaced. */
static void layout_narrated(const sk_timeline *tl, sk_phase *p, int64_t min_ms)
{
    int n = p->cue_count;
    int64_t slot[SK_MAX_CUES], total = 0;
    for (int i = 0; i < n; i++) {
        int64_t len = clip_len(tl, p->cues[i].key);
        slot[i] = len >= 0 ? len + SK_TL_CUE_GAP_MS : 0;
        total += slot[i];
    }
    int64_t dur = total > min_ms ? total : min_ms;
    int64_t extra = dur - total, cum = 0;
    for (int i = 0; i < n; i++) {
        p->cues[i].at_ms = cum + (n ? extra * i / n : 0);
        cum += slot[i];
    }
    p->duration_ms = dur > 0 ? dur : 1;
}

/* A get-ready: the leading cues (leg, rep, "get ready") in the time before
 * the count, then count.3/2/1 at 3, 2 and 1 seconds before the end. When
 * the leading clips do not fit before the count, the phase grows so they
 * are said whole and the count still falls on whole seconds at its end. */
static void layout_get_ready(sk_timeline *tl, sk_phase *p, int64_t dur)
{
    const sk_phrases *ph = &tl->r->phrases;
    int lead = p->cue_count;
    int counts = dur >= 3000 ? 3 : (int)(dur / 1000);
    int64_t region = dur - counts * 1000LL;
    int64_t slot[SK_MAX_CUES], total = 0;
    for (int i = 0; i < lead; i++) {
        int64_t len = clip_len(tl, p->cues[i].key);
        slot[i] = len >= 0 ? len + SK_TL_COUNT_GAP_MS : 0;
        total += slot[i];
    }
    if (total > region) {
        dur += total - region;
        region = total;
    }
    int64_t extra = region - total, cum = 0;
    for (int i = 0; i < lead; i++) {
        p->cues[i].at_ms = cum + extra * i / lead;
        cum += slot[i];
    }
    for (int k = counts; k >= 1; k--) {
        if (p->cue_count >= SK_MAX_CUES)
            break;
        sk_cue *c = &p->cues[p->cue_count++];
        snprintf(c->key, sizeof c->key, "count.%d", k);
        /* A count needs its tick even with no words: the beep is the cue. */
        c->text = ph->count[k] && *ph->count[k] ? ph->count[k] : "";
        c->at_ms = dur - k * 1000LL;
        c->tick = k;
    }
    p->duration_ms = dur > 0 ? dur : 1;
}

static void add_intro(sk_timeline *tl, phase_list *l, int ei, bool session, bool first)
{
    const sk_exercise *e = &tl->r->exercises[ei];
    sk_phase *p = push_phase(l, SK_PH_INTRO, ei, -1, SK_LEG_NONE, 0, 0);
    if (!p)
        return;
    if (session && !first && tl->r->phrases.next_stretch) {
        char buf[SK_MAX_TEXT + 64];
        sk_phrase_format(buf, sizeof buf, tl->r->phrases.next_stretch, 0, 0, e->name);
        add_cuef(p, keep_text(tl, buf), "next.%s", e->id);
    } else {
        add_cuef(p, e->name, "%s.name", e->id);
    }
    if (!session)
        add_cuef(p, e->summary, "%s.summary", e->id);
    int n = p->cue_count;
    add_cuef(p, e->equipment, "%s.equipment", e->id);
    mark_cue(p, n, SK_CUE_EQUIPMENT, 0);
    for (int s = 0; s < e->step_count && s < SK_MAX_STEPS; s++) {
        n = p->cue_count;
        add_cuef(p, e->steps[s], "%s.step%d", e->id, s + 1);
        mark_cue(p, n, SK_CUE_STEP, s + 1);
    }
    n = p->cue_count;
    add_cuef(p, e->caution, "%s.caution", e->id);
    mark_cue(p, n, SK_CUE_CAUTION, 0);
    layout_narrated(tl, p, (int64_t)e->intro_seconds * 1000);
}

static sk_leg leg_of(const sk_exercise *e, int leg_index)
{
    if (e->sides == SK_SIDES_NONE)
        return SK_LEG_NONE;
    return leg_index == 0 ? SK_LEG_PAINFUL : SK_LEG_OTHER;
}

/* get ready -> hold -> rest, per rep and leg, with "switch" between legs. */
static void add_reps(sk_timeline *tl, phase_list *l, int ei, int legs, int reps)
{
    const sk_exercise *e = &tl->r->exercises[ei];
    const sk_phrases *ph = &tl->r->phrases;
    for (int li = 0; li < legs; li++) {
        sk_leg leg = leg_of(e, li);
        if (li > 0) {
            sk_phase *p = push_phase(l, SK_PH_SWITCH, ei, -1, leg, 0, 0);
            if (!p)
                return;
            add_cue(p, "switch", ph->switch_legs);
            layout_narrated(tl, p, SK_TL_SWITCH_MS);
        }
        for (int rep = 1; rep <= reps; rep++) {
            if (e->get_ready_seconds > 0) {
                sk_phase *p = push_phase(l, SK_PH_GET_READY, ei, -1, leg, rep, reps);
                if (!p)
                    return;
                if (rep == 1 && leg == SK_LEG_PAINFUL)
                    add_cue(p, "leg.painful", ph->painful_leg);
                else if (rep == 1 && leg == SK_LEG_OTHER)
                    add_cue(p, "leg.other", ph->other_leg);
                if (reps > 1 && ph->rep_of) {
                    char buf[SK_MAX_TEXT + 64];
                    sk_phrase_format(buf, sizeof buf, ph->rep_of, rep, reps, e->name);
                    add_cuef(p, keep_text(tl, buf), "rep.%d.%d", rep, reps);
                }
                add_cue(p, "get_ready", ph->get_ready);
                layout_get_ready(tl, p, (int64_t)e->get_ready_seconds * 1000);
            }
            sk_phase *h = push_phase(l, SK_PH_HOLD, ei, -1, leg, rep, reps);
            if (!h)
                return;
            add_cue(h, "hold", ph->hold);
            h->duration_ms = e->hold_seconds > 0 ? (int64_t)e->hold_seconds * 1000 : 1;
            if (rep < reps && e->rest_seconds > 0) {
                sk_phase *p = push_phase(l, SK_PH_REST, ei, -1, leg, rep, reps);
                if (!p)
                    return;
                add_cue(p, "relax", ph->relax);
                p->duration_ms = (int64_t)e->rest_seconds * 1000;
            }
        }
    }
}

static void add_card(sk_timeline *tl, phase_list *l, int ci)
{
    const sk_card *c = &tl->r->cards[ci];
    sk_phase *p = push_phase(l, SK_PH_CARD, -1, ci, SK_LEG_NONE, 0, 0);
    if (!p)
        return;
    add_cuef(p, c->title, "card.%s.title", c->id);
    for (int i = 0; i < c->line_count && i < SK_MAX_CARD_LINES; i++)
        add_cuef(p, c->lines[i], "card.%s.%d", c->id, i + 1);
    layout_narrated(tl, p, (int64_t)c->seconds * 1000);
}

static int gcd(int a, int b)
{
    while (b) {
        int t = a % b;
        a = b;
        b = t;
    }
    return a;
}

static void finish_list(phase_list *l)
{
    if (l->oom)
        return;
    l->start = malloc((size_t)(l->n + 1) * sizeof *l->start);
    if (!l->start) {
        l->oom = true;
        return;
    }
    int64_t t = 0;
    for (int i = 0; i < l->n; i++) {
        l->start[i] = t;
        t += l->v[i].duration_ms;
    }
    l->start[l->n] = t;
    l->total = t;
}

static void build_loop(sk_timeline *tl)
{
    const sk_routine *r = tl->r;
    phase_list *l = &tl->loop;
    int E = r->exercise_count;
    int C = r->loop.cards ? r->card_count : 0;
    int rounds = C > 0 ? C / gcd(E, C) : 1;
    for (int round = 0; round < rounds && !l->oom; round++) {
        if (round > 0 && l->n >= SK_TL_MAX_LOOP_PHASES)
            break;
        for (int i = 0; i < E && !l->oom; i++) {
            const sk_exercise *e = &r->exercises[i];
            int legs = r->loop.both_legs ? sk_exercise_legs(e) : 1;
            int reps = r->loop.full_protocol ? e->reps : r->loop.reps;
            if (reps < 1)
                reps = 1;
            add_intro(tl, l, i, false, true);
            add_reps(tl, l, i, legs, reps);
            if (C > 0)
                add_card(tl, l, (round * E + i) % C);
        }
    }
    finish_list(l);
}

static void build_session(sk_timeline *tl)
{
    const sk_routine *r = tl->r;
    const sk_phrases *ph = &r->phrases;
    phase_list *l = &tl->sess;
    sk_phase *p = push_phase(l, SK_PH_WELCOME, -1, -1, SK_LEG_NONE, 0, 0);
    if (!p)
        return;
    add_cue(p, "welcome", ph->welcome);
    add_cue(p, "safety", ph->safety);
    layout_narrated(tl, p, SK_TL_WELCOME_MS);
    for (int i = 0; i < r->exercise_count && !l->oom; i++) {
        const sk_exercise *e = &r->exercises[i];
        add_intro(tl, l, i, true, i == 0);
        add_reps(tl, l, i, sk_exercise_legs(e), e->reps > 0 ? e->reps : 1);
    }
    p = push_phase(l, SK_PH_FINISH, -1, -1, SK_LEG_NONE, 0, 0);
    if (!p)
        return;
    add_cue(p, "finish", ph->finish_title);
    add_cue(p, "finish.line", ph->finish);
    layout_narrated(tl, p, SK_TL_FINISH_MS);
    finish_list(l);
    if (l->oom)
        return;
    /* The still-there phase sits just past the end (push_phase kept room). */
    sk_phase *st = &l->v[l->n];
    memset(st, 0, sizeof *st);
    st->kind = SK_PH_STILL_THERE;
    st->exercise = st->card = -1;
    st->duration_ms = tl->o.still_there_ms;
    add_cue(st, "still_there", ph->still_there);
}

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
    build_loop(tl);
    build_session(tl);
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
