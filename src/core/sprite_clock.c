#include "sprite_clock.h"

#include <stdio.h>

/* Far more than any phase lasts (about 29 000 years at 60 fps) and small
 * enough that elapsed_ms * fps cannot overflow. */
#define MAX_ELAPSED_MS (INT64_MAX / (SK_SHEET_MAX_FPS + 1))

int sk_clip_frame_at(const sk_clip *clip, int64_t elapsed_ms)
{
    if (!clip || clip->first < 0 || clip->last < 0)
        return -1;
    if (elapsed_ms < 0)
        elapsed_ms = 0;
    if (elapsed_ms > MAX_ELAPSED_MS)
        elapsed_ms = MAX_ELAPSED_MS;
    int dir = clip->last >= clip->first ? 1 : -1;
    int64_t n = (int64_t)(clip->last - clip->first) * dir + 1;
    int fps = clip->fps > 0 ? clip->fps : 1;
    /* Frame k is on screen for [k*1000/fps, (k+1)*1000/fps) ms: integer
     * division of the elapsed time, never a running sum. */
    int64_t step = elapsed_ms * fps / 1000;
    int64_t k;
    switch (clip->loop) {
    case SK_LOOP_YES:
        k = step % n;
        break;
    case SK_LOOP_PINGPONG:
        if (n == 1) {
            k = 0;
        } else {
            int64_t period = 2 * n - 2;   /* the end frames are not shown twice */
            int64_t m = step % period;
            k = m < n ? m : period - m;
        }
        break;
    default:
        k = step < n ? step : n - 1;
        break;
    }
    return clip->first + dir * (int)k;
}

static const sk_clip *clip_for_leg(const sk_sprite_sheet *s, const char *name, sk_leg leg,
                                   bool *mirrored)
{
    *mirrored = false;
    if (leg == SK_LEG_OTHER) {
        if (s->other_leg == SK_OTHER_LEG_FRAMES) {
            char other[SK_CLIP_NAME_MAX + 8];
            snprintf(other, sizeof other, "%s.other", name);
            const sk_clip *c = sk_sprite_sheet_clip(s, other);
            if (c)
                return c;
        }
        *mirrored = true;
    }
    return sk_sprite_sheet_clip(s, name);
}

sk_sprite_pick sk_sprite_clock_pick(const sk_sprite_sheet *sheet, sk_phase_kind phase,
                                    int64_t elapsed_ms, sk_leg leg)
{
    sk_sprite_pick p = {-1, false, NULL};
    if (!sheet)
        return p;
    bool mirrored = false;
    const sk_clip *c = NULL;
    bool hold_first = false;   /* show the clip's first frame, not play it */
    switch (phase) {
    case SK_PH_INTRO:
    case SK_PH_GET_READY:
        c = clip_for_leg(sheet, "setup", leg, &mirrored);
        break;
    case SK_PH_HOLD:
        c = clip_for_leg(sheet, "hold", leg, &mirrored);
        break;
    case SK_PH_REST:
    case SK_PH_SWITCH:
        c = clip_for_leg(sheet, "release", leg, &mirrored);
        if (!c) {
            c = clip_for_leg(sheet, phase == SK_PH_REST ? "hold" : "setup", leg, &mirrored);
            hold_first = true;
        }
        break;
    default:
        c = clip_for_leg(sheet, "setup", leg, &mirrored);
        hold_first = true;
        break;
    }
    if (!c)
        return p;
    p.clip = c;
    p.mirrored = mirrored;
    p.frame = hold_first ? c->first : sk_clip_frame_at(c, elapsed_ms);
    if (p.frame < 0 || p.frame >= sheet->frames)
        p.frame = -1;
    /* A release clip plays once whatever its loop says: the rest is long. */
    if (!hold_first && (phase == SK_PH_REST || phase == SK_PH_SWITCH || phase == SK_PH_INTRO ||
                        phase == SK_PH_GET_READY) && c->loop != SK_LOOP_NO) {
        sk_clip once = *c;
        once.loop = SK_LOOP_NO;
        p.frame = sk_clip_frame_at(&once, elapsed_ms);
    }
    return p;
}
