/* The canvas (opts.canvas): the picture kept in a texture between frames;
 * only the areas whose items changed are redrawn. */
#include "scene_parts.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ring_geom.h"
#include "shapes.h"

static SDL_Rect padded(float x0, float y0, float x1, float y1)
{
    int pad = 3;
    SDL_Rect r = {(int)floorf(x0) - pad, (int)floorf(y0) - pad, 0, 0};
    r.w = (int)ceilf(x1) + pad - r.x;
    r.h = (int)ceilf(y1) + pad - r.y;
    return r;
}

/* Where an item can put pixels (with its soft edge), in picture
 * coordinates; 'textured' for a sprite (a scaled texture copy: a dirty
 * area takes it whole, as a clip through a scaled copy may sample it a
 * little differently on the software renderer). */
SDL_Rect sk_sc_item_bounds(sk_scene *sc, const dlist *d, const item *it, bool *textured)
{
    float x0 = it->box.x, y0 = it->box.y, x1 = it->box.x + it->box.w, y1 = it->box.y + it->box.h;
    *textured = false;
    switch (it->kind) {
    case IT_TEXT: {
        int w = 0, h = 0;
        sk_text_get(sc->text, d->arena + it->text, it->px, it->weight, it->c1, 0, &w, &h);
        x0 = (float)lroundf(it->box.x);
        y0 = (float)lroundf(it->box.y);
        x1 = x0 + w;
        y1 = y0 + h;
        break;   /* copied 1:1 at whole pixels: a clip cuts it exactly */
    }
    case IT_HOLD: case IT_COUNT: case IT_DISC: {
        float rr = it->f1 + it->f2 + 2;
        x0 = it->box.x - rr;
        y0 = it->box.y - rr;
        x1 = it->box.x + rr;
        y1 = it->box.y + rr;
        break;
    }
    case IT_POLY:
        x0 = y0 = 1e9f;
        x1 = y1 = -1e9f;
        for (int i = 0; i < it->i1; i++) {
            x0 = fminf(x0, it->pts[i].x);
            y0 = fminf(y0, it->pts[i].y);
            x1 = fmaxf(x1, it->pts[i].x);
            y1 = fmaxf(y1, it->pts[i].y);
        }
        break;
    case IT_DOTS: {
        /* The row of dots starts at the box's left (and 2 px for the
         * edge's anti-aliasing). */
        sk_rep_row row;
        sk_rep_row_fit(it->box.w, it->box.h, it->i2, &row);
        float run = (float)row.width + 2;
        if (x0 + run > x1) x1 = x0 + run;
        break;
    }
    case IT_SPRITE: *textured = true; break;
    default: break;
    }
    return padded(x0, y0, x1, y1);
}

/* A hold ring as it drains: its track (the same every frame), and each
 * sector of its fill still there (sk_hold_grid), the one holding the
 * start hashed with it, so a frame redraws that sector's box and not the
 * whole ring: drawn on the track's grid (sk_shape_hold), every other
 * sector's pixels are those of the frame before. False when the ring is
 * whole or empty (one record, as any item) or the records are full. */
static bool record_hold(sk_scene *sc, const dlist *d, const item *it, Uint8 fade)
{
    if (!(it->f3 > 0 && it->f3 < 1)) return false;
    sk_hold_grid g;
    sk_hold_grid_for(it->f1, it->f2, SK_RING_FEATHER, &g);
    float start = sk_hold_start(it->f3);
    int first = sk_hold_sector_of(&g, start);
    if (sc->nrec + 1 + g.sectors - first > MAX_ITEMS * 2) return false;
    item base = *it;
    base.f3 = 0;
    uint64_t h = sk_dl_hash_item(SK_HASH_INIT, d, &base, fade);
    item_rec *r = &sc->recs[sc->nrec++];
    r->hash = sk_hash_int(h, -1);
    r->rect = sk_sc_item_bounds(sc, d, it, &r->textured);
    for (int j = first; j < g.sectors; j++) {
        r = &sc->recs[sc->nrec++];
        r->hash = sk_hash_int(h, j);
        if (j == first) r->hash = sk_hash_bytes(r->hash, &start, sizeof start);
        float b[4];
        sk_hold_sector_bounds(&g, j, it->box.x, it->box.y, it->f1, it->f2, SK_RING_FEATHER, b);
        r->rect = padded(b[0], b[1], b[2], b[3]);
        r->textured = false;
    }
    return true;
}

void sk_sc_record(sk_scene *sc, const dlist *d, const item *it, Uint8 fade, uint64_t h)
{
    Uint8 a = (Uint8)((it->alpha * fade + 127) / 255);
    if (it->warm_only || a == 0 || sc->nrec >= MAX_ITEMS * 2) return;
    if (it->kind == IT_HOLD && record_hold(sc, d, it, fade)) return;
    item_rec *r = &sc->recs[sc->nrec++];
    r->hash = h;
    r->rect = sk_sc_item_bounds(sc, d, it, &r->textured);
}

static bool has_rec(const item_rec *r, int n, uint64_t h)
{
    for (int i = 0; i < n; i++)
        if (r[i].hash == h) return true;
    return false;
}

static bool touches(SDL_Rect a, SDL_Rect b)
{
    return a.x <= b.x + b.w && b.x <= a.x + a.w && a.y <= b.y + b.h && b.y <= a.y + a.h;
}

/* Adds r to the dirty list, merging it with any rect it touches. */
static void dirty_add(SDL_Rect *dr, int *n, SDL_Rect r)
{
    if (r.w <= 0 || r.h <= 0) return;
    for (bool merged = true; merged;) {
        merged = false;
        for (int i = 0; i < *n; i++)
            if (touches(dr[i], r)) {
                SDL_UnionRect(&dr[i], &r, &r);
                dr[i] = dr[--*n];
                merged = true;
                break;
            }
    }
    if (*n == MAX_DIRTY) {   /* full: fold into the first */
        SDL_UnionRect(&dr[0], &r, &dr[0]);
        return;
    }
    dr[(*n)++] = r;
}

/* The areas of the picture that differ from the one in the canvas: the
 * bounds of every item drawn in one frame and not (identically) in the
 * other, widened to whole text lines and sprites. Returns the number of
 * rects, or -1 when it is simpler to draw everything. */
static int dirty_rects(sk_scene *sc, SDL_Rect *dr, int w, int h)
{
    sc->nrec = 0;
    sk_sc_walk(sc, WALK_RECORD);
    int n = 0;
    for (int i = 0; i < sc->nrec; i++)
        if (!has_rec(sc->shown_recs, sc->nshown, sc->recs[i].hash)) dirty_add(dr, &n, sc->recs[i].rect);
    for (int i = 0; i < sc->nshown; i++)
        if (!has_rec(sc->recs, sc->nrec, sc->shown_recs[i].hash)) dirty_add(dr, &n, sc->shown_recs[i].rect);
    /* A rect that cuts a sprite takes it whole (and the rect grows until
     * none is cut). */
    for (int pass = 0; pass < 8; pass++) {
        bool grew = false;
        for (int k = 0; k < 2; k++) {
            const item_rec *rs = k ? sc->shown_recs : sc->recs;
            int rn = k ? sc->nshown : sc->nrec;
            for (int i = 0; i < rn; i++) {
                if (!rs[i].textured) continue;
                for (int j = 0; j < n; j++) {
                    SDL_Rect u;
                    if (!SDL_HasIntersection(&dr[j], &rs[i].rect)) continue;
                    SDL_UnionRect(&dr[j], &rs[i].rect, &u);
                    if (!SDL_RectEquals(&u, &dr[j])) {
                        SDL_Rect grown = u;
                        dr[j] = dr[--n];
                        dirty_add(dr, &n, grown);
                        grew = true;
                        break;
                    }
                }
            }
        }
        if (!grew) break;
        if (pass == 7) return -1;
    }
    long area = 0;
    SDL_Rect all = {0, 0, w, h};
    for (int i = 0; i < n; i++) {
        SDL_IntersectRect(&dr[i], &all, &dr[i]);
        area += (long)dr[i].w * dr[i].h;
    }
    if (area * 10 > (long)w * h * 6) return -1;   /* most of it: all */
    return n;
}

/* Keeps the records of the frame now in the canvas. */
static void remember_shown(sk_scene *sc)
{
    sc->nrec = 0;
    sk_sc_walk(sc, WALK_RECORD);
    memcpy(sc->shown_recs, sc->recs, sizeof(item_rec) * (size_t)sc->nrec);
    sc->nshown = sc->nrec;
}

void sk_sc_draw_prepared(sk_scene *sc)
{
    SDL_Renderer *r = sc->r;
    SDL_Color bg = pal(SK_COL_BG);
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_NONE);
    SDL_SetRenderDrawColor(r, bg.r, bg.g, bg.b, 255);
    if (sc->opts.canvas && sc->canvas_valid && sc->canvas_sig != sc->frame_sig) {
        /* Only what changed: clear and redraw every item inside each dirty
         * area (the rest of the canvas already holds this picture). */
        SDL_Rect dr[MAX_DIRTY];
        int n = dirty_rects(sc, dr, sc->L.w, sc->L.h);
        if (n == 0) n = -1;   /* something changed (the order?) but no item says where */
        if (n > 0) {
            memcpy(sc->last_dirty, dr, sizeof(SDL_Rect) * (size_t)n);
            sc->last_n = n;
            for (int i = 0; i < n; i++) {
                SDL_RenderSetClipRect(r, &dr[i]);
                SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_NONE);
                SDL_SetRenderDrawColor(r, bg.r, bg.g, bg.b, 255);
                SDL_RenderFillRect(r, &dr[i]);
                sc->drawing_in = &dr[i];
                sk_sc_walk(sc, WALK_DRAW);
                sc->drawing_in = NULL;
                sc->dirty_px += (uint64_t)dr[i].w * (uint64_t)dr[i].h;
            }
            SDL_RenderSetClipRect(r, NULL);
        } else {
            SDL_RenderClear(r);
            sk_sc_walk(sc, WALK_DRAW);
            sc->dirty_px += (uint64_t)sc->L.w * (uint64_t)sc->L.h;
        }
        memcpy(sc->shown_recs, sc->recs, sizeof(item_rec) * (size_t)sc->nrec);
        sc->nshown = sc->nrec;
    } else if (sc->opts.canvas && sc->canvas_valid) {
        sc->last_n = 0;   /* the same picture: nothing drawn */
    } else {
        SDL_RenderClear(r);
        sk_sc_walk(sc, WALK_DRAW);
        if (sc->opts.canvas) {
            remember_shown(sc);
            sc->dirty_px += (uint64_t)sc->L.w * (uint64_t)sc->L.h;
        }
    }
    sc->canvas_valid = sc->opts.canvas;
    sc->canvas_sig = sc->frame_sig;
    /* This frame becomes "prev": what the next phase fades from. */
    dlist *t = sc->prev;
    sc->prev = sc->cur;
    sc->cur = t;
    sc->prepared = false;
}
