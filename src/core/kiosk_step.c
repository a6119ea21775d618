#include "kiosk_step.h"

#include <string.h>

void sk_kiosk_init(sk_kiosk *k, sk_timeline *tl, const sk_replay *replay, int64_t max_step_ms)
{
    memset(k, 0, sizeof *k);
    k->tl = tl;
    k->replay = replay;
    k->max_step_ms = max_step_ms > 0 ? max_step_ms : 0;
}

static void drain(sk_kiosk *k, const sk_kiosk_hooks *h)
{
    sk_event ev;
    while (sk_timeline_poll(k->tl, &ev))
        if (h && h->event) h->event(h->user, &ev);
}

static void apply_due(sk_kiosk *k, const sk_kiosk_hooks *h)
{
    sk_replay_event rev;
    while (k->replay && sk_replay_next_due(k->replay, &k->cursor, k->now_ms, &rev)) {
        bool changed = rev.intent != SK_INTENT_QUIT && sk_timeline_intent(k->tl, rev.intent);
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
    bool changed = sk_timeline_intent(k->tl, in);
    drain(k, h);
    return changed;
}

int64_t sk_kiosk_next_intent_ms(const sk_kiosk *k)
{
    if (!k->replay || k->cursor >= k->replay->count) return -1;
    int64_t left = k->replay->events[k->cursor].at_ms - k->now_ms;
    return left > 0 ? left : 0;
}
