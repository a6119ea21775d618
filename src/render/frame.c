/* One frame: lay out, build the list, keep the cross-fade's bookkeeping,
 * sign it; the walk that draws, hashes or records every item. */
#include "scene_parts.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "shapes.h"

/* ---- drawing the list ------------------------------------------------- */

void sk_sc_draw_item(sk_scene *sc, const dlist *d, const item *it, Uint8 fade)
{
    SDL_Renderer *r = sc->r;
    Uint8 a = (Uint8)((it->alpha * fade + 127) / 255);
    if (it->warm_only) {
        sk_text_get(sc->text, d->arena + it->text, it->px, it->weight, it->c1, 0, NULL, NULL);
        return;
    }
    if (a == 0 && it->kind != IT_TEXT) return;
    /* Redrawing one dirty area: an item that cannot touch it is left out
     * (its bounds are what the canvas trusts anyway). */
    if (sc->drawing_in && a > 0) {
        bool textured;
        SDL_Rect b = sk_sc_item_bounds(sc, d, it, &textured);
        if (!SDL_HasIntersection(&b, sc->drawing_in)) return;
    }
    switch (it->kind) {
    case IT_TEXT:
        if (a == 0) sk_text_get(sc->text, d->arena + it->text, it->px, it->weight, it->c1, 0, NULL, NULL);
        else sk_text_draw(sc->text, d->arena + it->text, it->px, it->weight, it->c1, 0,
                          (int)lroundf(it->box.x), (int)lroundf(it->box.y), a, NULL, NULL);
        break;
    case IT_RRECT: sk_shape_rrect(r, it->box, it->f1, it->f2, it->c1, a); break;
    case IT_DISC: sk_shape_dot(r, it->box.x, it->box.y, it->f1, it->f2, it->c1, a); break;
    case IT_HOLD:
        sk_shape_hold(r, it->box.x, it->box.y, it->f1, it->f2, it->f3, it->c2, it->c1, a);
        break;
    case IT_COUNT:
        sk_shape_count(r, it->box.x, it->box.y, it->f1, it->f2, it->i1, it->f3, it->c2, it->c1, a);
        break;
    case IT_DOTS: {
        SDL_Rect b = {(int)it->box.x, (int)it->box.y, (int)it->box.w, (int)it->box.h};
        sk_shape_reps(r, b, it->i1, it->i2, it->c1, it->c2, a);
        break;
    }
    case IT_LEGS:
        sk_shape_legs(r, it->box, it->i1, it->c1, it->c2, a);
        break;
    case IT_BAR: {
        SDL_Rect b = {(int)it->box.x, (int)it->box.y, (int)it->box.w, (int)it->box.h};
        sk_shape_bar(r, b, it->f3, it->c2, it->c1, a);
        break;
    }
    case IT_POLY: sk_draw_poly(r, it->pts, it->i1, it->c1, a); break;
    case IT_PLACEHOLDER: {
        SDL_Rect b = {(int)it->box.x, (int)it->box.y, (int)it->box.w, (int)it->box.h};
        sk_sprite_gfx_draw_placeholder(r, &b, it->c1, it->c2);
        if (a < 255) {
            SDL_Color veil = it->c1;
            veil.a = (Uint8)(255 - a);
            sk_shape_rrect(r, it->box, 0, 0, veil, 255);
        }
        break;
    }
    case IT_SPRITE: {
        SDL_Rect b = {(int)it->box.x, (int)it->box.y, (int)it->box.w, (int)it->box.h};
        const sk_sprite_gfx *g = sc->gfx[it->i1];
        if (!g) break;
        if (it->i2 >= 0) sk_sprite_gfx_draw(g, it->i2, it->i3, &b);
        /* Sprites have no alpha of their own here: fade them by veiling
         * with the panel colour. */
        if (a < 255) {
            SDL_Color veil = it->c1;
            veil.a = (Uint8)(255 - a);
            SDL_FRect f = sk_sprite_gfx_fit(g, &b);
            sk_shape_rrect(r, f, 0, 0, veil, 255);
        }
        break;
    }
    }
}

static uint64_t signature(const sk_tl_view *v, const sk_layout_in *in)
{
    uint64_t h = SK_HASH_INIT;
    h = sk_hash_int(h, v->mode);
    h = sk_hash_int(h, v->phase_index);
    h = sk_hash_int(h, v->phase ? (int)v->phase->kind : -1);
    h = sk_hash_int(h, v->paused);
    h = sk_hash_int(h, v->still_there);
    h = sk_hash_int(h, v->stop_pending);
    h = sk_hash_int(h, v->resume_count_ms > 0);
    h = sk_hash_bytes(h, in, sizeof *in);
    return h;
}

/* A hash of the view itself: sk_scene_draw reuses a list prepared for the
 * same view instead of building it again. */
static uint64_t view_hash(const sk_tl_view *v)
{
    uint64_t h = SK_HASH_INIT;
    h = sk_hash_int(h, v->mode);
    h = sk_hash_int(h, v->phase_index);
    h = sk_hash_bytes(h, &v->phase, sizeof v->phase);
    h = sk_hash_int(h, v->elapsed_ms);
    h = sk_hash_int(h, v->remaining_ms);
    h = sk_hash_bytes(h, &v->progress, sizeof v->progress);
    h = sk_hash_int(h, v->paused);
    h = sk_hash_int(h, v->stop_pending);
    h = sk_hash_int(h, v->resume_count_ms);
    h = sk_hash_int(h, v->still_there);
    h = sk_hash_bytes(h, &v->caption, sizeof v->caption);
    h = sk_hash_int(h, v->clock_ms);
    return h;
}

static uint64_t visit(sk_scene *sc, walk_mode m, const dlist *d, const item *it, Uint8 fade, uint64_t h)
{
    switch (m) {
    case WALK_DRAW: sk_sc_draw_item(sc, d, it, fade); return h;
    case WALK_HASH: return sk_dl_hash_item(h, d, it, fade);
    case WALK_RECORD: sk_sc_record(sc, d, it, fade, sk_dl_hash_item(SK_HASH_INIT, d, it, fade)); return h;
    }
    return h;
}

/* Draws the prepared frame, hashes what it would draw, or records each
 * item's hash and bounds. One walk for all, so the signature can never
 * miss something drawn. */
uint64_t sk_sc_walk(sk_scene *sc, walk_mode m)
{
    uint64_t h = SK_HASH_INIT;
    if (sc->fading) {
        float e = sc->fade_e;
        Uint8 out = (Uint8)lroundf(255 * (1 - e)), inn = (Uint8)lroundf(255 * e);
        for (int i = 0; i < sc->old->n; i++) {
            const item *it = &sc->old->items[i];
            if (it->warm_only || sk_dl_has_key(sc->cur, it->key)) continue;
            h = visit(sc, m, sc->old, it, out, h);
        }
        for (int i = 0; i < sc->cur->n; i++) {
            const item *it = &sc->cur->items[i];
            h = visit(sc, m, sc->cur, it, sk_dl_has_key(sc->old, it->key) ? 255 : inn, h);
        }
    } else {
        for (int i = 0; i < sc->cur->n; i++) h = visit(sc, m, sc->cur, &sc->cur->items[i], 255, h);
    }
    return h;
}

/* Builds the list for v in the layout L (the picture's), keeps the
 * cross-fade's bookkeeping, and works out the frame's signature and when
 * it next changes. Draws nothing. */
void sk_sc_prepare(sk_scene *sc, const sk_tl_view *v, const sk_layout *L)
{
    sc->L = *L;
    sc->have_layout = true;
    sk_sc_warm_digits(sc);

    uint64_t sig = signature(v, &L->in);
    if (sc->have_sig && sig != sc->sig) {
        /* Keep the old phase's last picture to fade from (prev: the last
         * frame drawn, which is what is on screen). The fade runs on
         * the timeline's clock from when the change happened (a new phase:
         * its start), so a frame drawn long after a change (a jump in time,
         * --render-frames) shows the new state, never a stale one. */
        dlist *t = sc->old;
        sc->old = sc->prev;
        sc->prev = t;
        sc->prev->n = 0;
        sc->fading = true;
        sc->fade_start = v->clock_ms;
        if (v->phase_index != sc->last_phase || v->mode != sc->last_mode)
            sc->fade_start = v->clock_ms - (v->elapsed_ms > 0 ? v->elapsed_ms : 0);
        if (sc->fade_start < sc->last_clock) sc->fade_start = sc->last_clock;
        if (v->clock_ms - sc->last_clock > FADE_MS) sc->fading = false;
    }
    sc->sig = sig;
    sc->have_sig = true;
    sc->last_clock = v->clock_ms;
    sc->last_phase = v->phase_index;
    sc->last_mode = v->mode;

    sc->hint = INT64_MAX;
    sk_sc_build(sc, sc->cur, v);

    /* Phase end and the next voice cue (a caption, a beep) change what
     * shows or sounds; so does the end of "still there?". */
    if (sk_sc_time_runs(v) && v->phase) {
        sk_sc_hint(sc, v->remaining_ms);
        for (int i = 0; i < v->phase->cue_count; i++)
            if (v->phase->cues[i].at_ms > v->elapsed_ms) sk_sc_hint(sc, v->phase->cues[i].at_ms - v->elapsed_ms);
    }

    float e = 1;
    if (sc->fading) {
        int64_t dt = v->clock_ms - sc->fade_start;
        if (dt < 0 || dt >= FADE_MS) sc->fading = false;
        else {
            e = (float)dt / FADE_MS;
            e = e * e * (3 - 2 * e);   /* smoothstep: no jolt at either end */
            sk_sc_hint(sc, 0);
        }
    }
    sc->fade_e = e;
    uint64_t fs = sk_sc_walk(sc, WALK_HASH);
    fs = sk_hash_int(fs, L->in.w);
    fs = sk_hash_int(fs, L->in.h);
    sc->frame_sig = fs;
}

/* The picture's size on a w x h target (turned on its side at 90/270). */
void sk_sc_picture_size(const sk_scene *sc, int w, int h, int *lw, int *lh)
{
    int rot = sc->opts.rotate;
    bool side = rot == 90 || rot == 270;
    *lw = side ? h : w;
    *lh = side ? w : h;
}

void sk_sc_prepare_for(sk_scene *sc, const sk_tl_view *v, const sk_layout *L, int w, int h)
{
    uint64_t vh = sk_hash_bytes(view_hash(v), &L->in, sizeof L->in);
    if (sc->prepared && sc->prep_view == vh && sc->prep_w == w && sc->prep_h == h) return;
    sk_sc_prepare(sc, v, L);
    sc->frame_sig = sk_hash_int(sk_hash_int(sc->frame_sig, sc->opts.rotate), w * 65536 + h);
    sc->prepared = true;
    sc->prep_view = vh;
    sc->prep_w = w;
    sc->prep_h = h;
}

void sk_scene_prepare_in(sk_scene *sc, const sk_tl_view *v, const sk_layout *L, int w, int h,
                         sk_scene_frame *out)
{
    sk_sc_prepare_for(sc, v, L, w, h);
    if (out) {
        out->signature = sc->frame_sig;
        out->next_change_ms = sc->hint == INT64_MAX ? -1 : sc->hint;
    }
}

void sk_scene_prepare(sk_scene *sc, const sk_tl_view *v, int w, int h, sk_scene_frame *out)
{
    sk_layout L;
    sk_view_layout(v, &sc->lopts, w, h, &L);
    sk_scene_prepare_in(sc, v, &L, w, h, out);
}
