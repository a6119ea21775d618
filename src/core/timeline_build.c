/* Building the timeline's two phase lists (timeline_parts.h): the loop's
 * cycle and the guided session, each phase with its cues laid out on the
 * clips' lengths. */
#include "timeline_parts.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text_util.h"

/* The longest keys, "card.<id>.title" and "<id>.equipment", must fit for
 * every id the routine loader accepts, or two clips could share a name. */
_Static_assert(SK_MAX_ID + 11 < SK_CUE_KEY_MAX, "cue keys too short for routine ids");

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

void sk_tl_build_loop(sk_timeline *tl)
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

void sk_tl_build_session(sk_timeline *tl)
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

