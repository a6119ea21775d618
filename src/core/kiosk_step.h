/* One step of the kiosk's time. The window, --render-frames and the soak
 * all move time through here, so they cannot drift apart: the timeline is
 * advanced, a scripted intent (a replay) is applied at its exact time, and
 * every event is handed out in order. Time is handed in; no clock is read.
 *
 * Person-made intents (a tap, a key) are applied with sk_kiosk_intent
 * between steps: they happen "now". */
#ifndef SK_KIOSK_STEP_H
#define SK_KIOSK_STEP_H
#include <stdbool.h>
#include <stdint.h>

#include "replay.h"
#include "timeline.h"

typedef struct sk_kiosk_hooks {
    /* An intent was applied at timeline time at_ms; changed = it did
     * something. A scripted QUIT is reported here and not applied (the
     * program's to handle). May be NULL. */
    void (*intent)(void *user, int64_t at_ms, sk_intent in, bool changed);
    /* Every timeline event, in order, right after the sub-step that made
     * it (so the view read in the hook is the state just after). May be
     * NULL: events are dropped. */
    void (*event)(void *user, const sk_event *ev);
    void *user;
} sk_kiosk_hooks;

#define SK_KIOSK_MAX_LANGUAGES 6

typedef struct sk_kiosk {
    sk_timeline *tl;          /* the timeline time moves now: langs[cur]
                                 when there are several languages */
    const sk_replay *replay;  /* scripted intents, NULL = none */
    int cursor;               /* the next scripted intent */
    int64_t now_ms;           /* time fed in so far: the replay's clock */
    int64_t max_step_ms;      /* sub-steps at most this long (events are
                                 handed out after each), 0 = one step */
    /* Several languages (sk_kiosk_set_languages): */
    sk_timeline *langs[SK_KIOSK_MAX_LANGUAGES];
    int lang_count;           /* < 2: one language, tl only */
    int cur;                  /* which one tl is */
    int loop_lang;            /* the one the loop shows now (its order) */
    bool per_stretch;         /* switch at each stretch, not each cycle */
    int64_t joined_ms;        /* timeline clock of the last switch */
    bool same_session;        /* a session changed language: the new
                                 timeline's start is no new session */
} sk_kiosk;

void sk_kiosk_init(sk_kiosk *k, sk_timeline *tl, const sk_replay *replay, int64_t max_step_ms);

/* A kiosk of several languages: one timeline each (same routine shape,
 * borrowed, must outlive k), tls[0] first. The loop plays each in turn:
 * one cycle each (at SK_EV_LOOP_WRAPPED) or, per_stretch, one stretch each
 * (at each loop intro, the next language going on at the same phase). A
 * language intent (intent.h) starts a session in that language (from the
 * loop, the start screen or another language's session, whose
 * SESSION_STARTED is then not handed out again: it is one session); when
 * a session ends, the loop goes on in the language it was showing, from
 * its cycle's start. A switch at timeline time t enters the next
 * timeline at t and runs it for the time the old one went past t, so no
 * time is lost or doubled; the old one's events after the switch are
 * dropped (the boundary's own event is handed out, except a per-stretch
 * intro's PHASE_STARTED, which the next language's replaces). n < 2:
 * nothing changes. Call after sk_kiosk_init with k->tl == tls[0]. */
void sk_kiosk_set_languages(sk_kiosk *k, sk_timeline *const *tls, int n, bool per_stretch);

/* After sk_kiosk_set_languages with new timelines (a reload): the loop
 * goes on in language 'lang' (an index into them; out of range: the
 * first) at its phase loop_index, from that phase's start, as
 * sk_timeline_rejoin enters it (0 when the new loop is shorter). */
void sk_kiosk_rejoin(sk_kiosk *k, int lang, int loop_index);

/* Which language's timeline time moves now (0-based, in the order given
 * to sk_kiosk_set_languages; 0 with one language): the language on screen
 * and in the speakers, for status lines and usage counts. */
int sk_kiosk_language(const sk_kiosk *k);

/* Advances by dt_ms (<= 0: no time passes, but intents due now are
 * applied and pending events handed out), stopping at each scripted
 * intent's time to apply it. */
void sk_kiosk_step(sk_kiosk *k, int64_t dt_ms, const sk_kiosk_hooks *h);

/* Applies a person's intent now and hands out the events it made.
 * Returns sk_timeline_intent's answer. */
bool sk_kiosk_intent(sk_kiosk *k, sk_intent in, const sk_kiosk_hooks *h);

/* Timeline ms until the next scripted intent, -1 when none is left. */
int64_t sk_kiosk_next_intent_ms(const sk_kiosk *k);
#endif
