/* What the scene rounds so that a still picture stands still (the ring,
 * the bar, the seconds), and the hints of when it next changes. */
#include "scene_parts.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- pacing ------------------------------------------------------------ */

/* The picture changes again in 'ms' of timeline time (0: at the next frame). */
void sk_sc_hint(sk_scene *sc, int64_t ms)
{
    if (ms < 0) ms = 0;
    if (ms < sc->hint) sc->hint = ms;
}

/* True while the phase's own time runs (elapsed grows): not paused, not on
 * the frozen start screen, not counting in after a resume. */
bool sk_sc_time_runs(const sk_tl_view *v)
{
    return v->mode != SK_TL_START && (!v->paused || v->still_there) && v->resume_count_ms <= 0;
}

/* Steps a ring of outer radius 'radius' can show: one per half pixel of its
 * circumference. A smaller change moves no pixel worth redrawing for. */
int sk_sc_ring_steps(float radius)
{
    double n = 2.0 * 3.14159265358979 * (radius > 1 ? radius : 1) * 2.0;
    return n < 8 ? 8 : n > 100000 ? 100000 : (int)n;
}

/* The fraction left of something lasting dur_ms with rem_ms to go, rounded
 * to 'steps' steps, so that the drawn value (and so the picture) stands
 * still between steps. When 'running', also hints when the next step comes. */
double sk_sc_quantise_left(sk_scene *sc, int64_t rem_ms, int64_t dur_ms, int steps, bool running)
{
    if (dur_ms <= 0) dur_ms = 1;
    if (rem_ms < 0) rem_ms = 0;
    if (rem_ms > dur_ms) rem_ms = dur_ms;
    double x = (double)rem_ms * steps / (double)dur_ms;
    double q = floor(x + 0.5);
    if (running && rem_ms > 0) {
        /* The value rounds to q-1 once rem_ms falls below (q-0.5)*dur/steps. */
        double below = (q - 0.5) * (double)dur_ms / steps;
        int64_t at = below < 0 ? 0 : (int64_t)floor(below);
        /* rem_ms must reach 'at' or less: that is rem_ms - at from now; if
         * rounding leaves it unchanged then, the next frame looks again. */
        sk_sc_hint(sc, rem_ms - at);
    }
    return q / steps;
}

/* Whole seconds shown for rem_ms left, and when the number next changes. */
long long sk_sc_seconds_left(sk_scene *sc, int64_t rem_ms, bool running)
{
    if (rem_ms <= 0) return 0;
    if (running) sk_sc_hint(sc, (rem_ms - 1) % 1000 + 1);
    return (rem_ms + 999) / 1000;
}

/* The progress bar's fill, rounded to half pixels of its width. Progress
 * grows with the phase's time at the rate the timeline gives
 * (progress_per_ms), so the next half pixel is due exactly then. */
float sk_sc_quantise_progress(sk_scene *sc, const sk_tl_view *v, int width)
{
    int steps = width > 0 ? width * 2 : 1;
    double q = floor(v->progress * steps + 0.5);
    bool moves = sk_sc_time_runs(v) && !v->still_there && v->progress < 1.0;
    if (moves) {
        if (v->progress_per_ms > 0)
            sk_sc_hint(sc, (int64_t)floor(((q + 0.5) / steps - v->progress) / v->progress_per_ms));
        else sk_sc_hint(sc, 0);
    }
    return (float)(q / steps);
}
