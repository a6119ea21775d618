#include "kiosk_step.h"

#include <string.h>

void sk_kiosk_init(sk_kiosk *k, sk_timeline *tl, const sk_replay *replay, int64_t max_step_ms)
{
    memset(k, 0, sizeof *k);
    k->tl = tl;
    k->replay = replay;
    k->max_step_ms = max_step_ms > 0 ? max_step_ms : 0;
}

void sk_kiosk_set_languages(sk_kiosk *k, sk_timeline *const *tls, int n, bool per_stretch)
{
    if (n > SK_KIOSK_MAX_LANGUAGES) n = SK_KIOSK_MAX_LANGUAGES;
    k->lang_count = n > 1 ? n : 0;
    for (int i = 0; i < k->lang_count; i++) k->langs[i] = tls[i];
    k->cur = k->loop_lang = 0;
    k->per_stretch = per_stretch;
    sk_tl_view v;
    sk_timeline_view(k->tl, &v);
    k->joined_ms = v.clock_ms;
}

int sk_kiosk_language(const sk_kiosk *k)
{
    return k->lang_count > 1 ? k->cur : 0;
}

static int64_t tl_clock(const sk_timeline *tl)
{
    sk_tl_view v;
    sk_timeline_view(tl, &v);
    return v.clock_ms;
}

/* Language 'lang' (with one language: tl as it is) enters the loop at
 * phase 'index' at timeline time t. */
static void enter(sk_kiosk *k, int lang, int index, int64_t t)
{
    if (k->lang_count >= 2) {
        k->cur = lang;
        k->tl = k->langs[lang];
    }
    k->joined_ms = t;
    sk_timeline_rejoin(k->tl, index, t);
}

void sk_kiosk_rejoin(sk_kiosk *k, int lang, int loop_index)
{
    if (k->lang_count >= 2) {
        if (lang < 0 || lang >= k->lang_count) lang = 0;
        k->loop_lang = lang;
    }
    k->same_session = false;
    enter(k, lang, loop_index, tl_clock(k->lang_count >= 2 ? k->langs[lang] : k->tl));
}

/* To language 'next' at loop phase 'index', at timeline time t. */
static void switch_to(sk_kiosk *k, int next, int index, int64_t t)
{
    int64_t over = tl_clock(k->tl) - t;
    enter(k, next, index, t);
    if (over > 0) sk_timeline_step(k->tl, over);
}

/* Whether ev ends a language's turn: *next gets the language that follows
 * (-1: none) and *index where it begins; false when ev is not to be handed
 * out (the next language's own phase start replaces it). */
static bool turn_ends(sk_kiosk *k, const sk_event *ev, int *next, int *index)
{
    *next = -1;
    *index = 0;
    if (ev->kind == SK_EV_SESSION_STARTED && k->same_session) {
        k->same_session = false;
        return false;
    }
    if (ev->kind == SK_EV_SESSION_STARTED || ev->kind == SK_EV_SESSION_FINISHED ||
        ev->kind == SK_EV_SESSION_STOPPED) {
        k->joined_ms = ev->time_ms;   /* the loop after it is no new stretch */
        if (ev->kind != SK_EV_SESSION_STARTED && k->cur != k->loop_lang) *next = k->loop_lang;
        return true;
    }
    if (ev->mode != SK_TL_LOOP) return true;
    if (!k->per_stretch && ev->kind == SK_EV_LOOP_WRAPPED) {
        *next = k->loop_lang = (k->loop_lang + 1) % k->lang_count;
        return true;
    }
    if (!k->per_stretch || ev->kind != SK_EV_PHASE_STARTED || ev->time_ms <= k->joined_ms)
        return true;
    int n;
    const sk_phase *ph = sk_timeline_loop_phases(k->tl, &n);
    if (ev->phase < 0 || ev->phase >= n || ph[ev->phase].kind != SK_PH_INTRO) return true;
    *next = k->loop_lang = (k->loop_lang + 1) % k->lang_count;
    *index = ev->phase;
    return false;
}

static void drain(sk_kiosk *k, const sk_kiosk_hooks *h)
{
    sk_event ev;
    while (sk_timeline_poll(k->tl, &ev)) {
        int next = -1, index = 0;
        bool hand_out = k->lang_count < 2 || turn_ends(k, &ev, &next, &index);
        if (hand_out && h && h->event) h->event(h->user, &ev);
        if (next >= 0) switch_to(k, next, index, ev.time_ms);
    }
}

/* A language intent goes to that language's timeline; the rest to tl. */
static bool apply_intent(sk_kiosk *k, sk_intent in)
{
    int lang = sk_intent_language(in);
    if (lang < 0 || k->lang_count < 2) return sk_timeline_intent(k->tl, in);
    if (lang >= k->lang_count) return false;
    sk_tl_view v;
    sk_timeline_view(k->tl, &v);
    if (v.mode == SK_TL_SESSION && lang == k->cur)
        return sk_timeline_intent(k->tl, SK_INTENT_ACTIVITY);   /* it runs already */
    /* From another language's session: the same session goes on in this
     * one (its old timeline is left as it is until the loop rejoins it). */
    k->same_session = v.mode == SK_TL_SESSION;
    enter(k, lang, 0, v.clock_ms);
    sk_event drop;
    while (sk_timeline_poll(k->tl, &drop)) {}   /* its loop is not shown: the session is */
    return sk_timeline_intent(k->tl, SK_INTENT_START);
}

static void apply_due(sk_kiosk *k, const sk_kiosk_hooks *h)
{
    sk_replay_event rev;
    while (k->replay && sk_replay_next_due(k->replay, &k->cursor, k->now_ms, &rev)) {
        bool changed = rev.intent != SK_INTENT_QUIT && apply_intent(k, rev.intent);
        if (h && h->intent) h->intent(h->user, k->now_ms, rev.intent, changed);
    }
}

void sk_kiosk_step(sk_kiosk *k, int64_t dt_ms, const sk_kiosk_hooks *h)
{
    int64_t to = k->now_ms + (dt_ms > 0 ? dt_ms : 0);
    do {
        int64_t dt = to - k->now_ms;
        if (k->max_step_ms > 0 && dt > k->max_step_ms) dt = k->max_step_ms;
        int64_t next = sk_kiosk_next_intent_ms(k);
        if (next >= 0 && next < dt) dt = next;   /* stop exactly at the intent */
        if (dt > 0) {
            sk_timeline_step(k->tl, dt);
            k->now_ms += dt;
        }
        apply_due(k, h);
        drain(k, h);
    } while (k->now_ms < to);
}

bool sk_kiosk_intent(sk_kiosk *k, sk_intent in, const sk_kiosk_hooks *h)
{
    bool changed = apply_intent(k, in);
    drain(k, h);
    return changed;
}

int64_t sk_kiosk_next_intent_ms(const sk_kiosk *k)
{
    if (!k->replay || k->cursor >= k->replay->count) return -1;
    int64_t left = k->replay->events[k->cursor].at_ms - k->now_ms;
    return left > 0 ? left : 0;
}
