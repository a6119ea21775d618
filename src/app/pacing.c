#include "pacing.h"

sk_pace sk_pace_decide(const sk_pacer *p, const sk_pace_opts *o, const sk_pace_frame *f)
{
    sk_pace out;
    /* Only what differs from the picture on screen is drawn. */
    out.draw = p->dirty || !p->shown || f->off != p->shown_off ||
               (!f->off && f->signature != p->shown_sig);
    /* With the watchdog on, present at least once per ping interval even on
     * a still screen: a display path that wedged while nothing was drawn is
     * then caught by the next present hanging. */
    if (o->ping_ms && f->now_ms - p->last_present_ms >= o->ping_ms) out.draw = true;
    /* And at least every refresh_ms anyway: a picture lost on the way to
     * the panel (a TV's own power button, HDMI replugged) comes back. */
    if (o->refresh_ms && f->now_ms - p->last_present_ms >= o->refresh_ms) out.draw = true;
    /* A powered-down display takes no frame: a page flip on a CRTC that is
     * off fails, and nobody would see it. */
    if (f->asleep) out.draw = false;
    /* The next frame at the fps cap while things move; else when the scene
     * says the picture changes (at the cap's pace at most), and at least
     * every idle_look_ms for what the scene cannot foresee (walk-away, a
     * pending stop running out, screen-off hours, a SIGHUP). */
    out.wake_ms = f->now_ms + o->frame_ms;
    if (f->next_change_ms != 0 || f->off || f->asleep) {
        uint64_t later = f->now_ms + o->idle_look_ms;
        if (!f->off && !f->asleep && f->next_change_ms > 0 && (uint64_t)f->next_change_ms < o->idle_look_ms)
            later = f->now_ms + (uint64_t)f->next_change_ms;
        if (later > out.wake_ms) out.wake_ms = later;
    }
    return out;
}

void sk_pace_presented(sk_pacer *p, const sk_pace_frame *f, uint64_t presented_ms)
{
    p->shown = true;
    p->shown_off = f->off;
    p->shown_sig = f->signature;
    p->last_present_ms = presented_ms;
    p->dirty = false;
}
