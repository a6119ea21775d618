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

typedef struct sk_kiosk {
    sk_timeline *tl;
    const sk_replay *replay;  /* scripted intents, NULL = none */
    int cursor;               /* the next scripted intent */
    int64_t now_ms;           /* time fed in so far: the replay's clock */
    int64_t max_step_ms;      /* sub-steps at most this long (events are
                                 handed out after each), 0 = one step */
} sk_kiosk;

void sk_kiosk_init(sk_kiosk *k, sk_timeline *tl, const sk_replay *replay, int64_t max_step_ms);

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
