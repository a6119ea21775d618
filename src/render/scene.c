/* The scene. Each frame is first described as a display list (text lines,
 * rings, boxes, the sprite), built only from the timeline's view, the
 * routine and the layout; then the list is drawn. Keeping the description
 * apart gives the cross-fade for free: when the phase changes, the last
 * list of the old phase is kept, and for ~0.4 s items only in the old list
 * fade out, items only in the new one fade in, and items in both (the
 * title, the animation panel, the controls) stay as they are. No render
 * target is needed for that, which keeps GPU memory small on a Pi.
 *
 * Text is cut into lines by sk_text_wrap (layout.h) with SDL_ttf measuring;
 * each line is one cached texture. Every text a phase may show (all its
 * captions, every page of steps, the ring's digits) is asked for when the
 * phase starts, so mid-phase frames render no text and create no texture.
 */
#include "scene_parts.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "sprite_clock.h"
#include "text_util.h"

/* ---- lifetime ----------------------------------------------------------- */

/* Loads exercise i's sheet (once, whether it works or not). */
static void load_sheet(sk_scene *sc, int i)
{
    if (i < 0 || i >= sc->rt->exercise_count || sc->tried[i]) return;
    sc->tried[i] = true;
    const char *path = sc->rt->exercises[i].sprite;
    if (path) {
        sk_diag d;
        sk_diag_init(&d);
        sk_sprite_sheet *sh = NULL;
        if (!sc->opts.take_sheet || !sc->opts.take_sheet(sc->opts.take_sheet_user, path, &sh, &d))
            sh = sk_sprite_sheet_load(path, &d);
        if (!sh) {
            sk_diag_print(&d, stderr);
            fprintf(stderr, "%s: the animation is replaced by a still figure\n", path);
            sk_diag_free(&d);
        } else {
            sk_diag_free(&d);
            char err[256];
            sk_sprite_gfx *g = sk_sprite_gfx_create(sc->r, sh, 0, err, sizeof err);
            if (!g) {
                fprintf(stderr, "%s\n", err);
                sk_sprite_sheet_free(sh);
            } else {
                sc->sheets[i] = sh;
                sc->gfx[i] = g;
            }
        }
    }
    for (int k = 0; k < sc->rt->exercise_count; k++)
        if (!sc->tried[k]) return;
    /* All loaded: one line for the log, what the animation costs in GPU
     * memory (a Pi's CMA pool is small). */
    sk_sprite_gfx_log_total(sc->gfx, sc->rt->exercise_count, stderr);
}

/* The screen shows exercise i's sheet: loaded now if it is not. */
void sk_sc_load_sprite(sk_scene *sc, int i)
{
    if (i >= 0 && i < sc->rt->exercise_count) sc->on_show = i;
    load_sheet(sc, i);
}

/* Frees exercise i's sheet; it loads again when wanted. */
static void drop_sheet(sk_scene *sc, int i)
{
    if (!sc->gfx[i]) return;
    sk_sprite_gfx_destroy(sc->gfx[i]);
    sk_sprite_sheet_free(sc->sheets[i]);
    sc->gfx[i] = NULL;
    sc->sheets[i] = NULL;
    sc->tried[i] = false;
    sc->sheets_dropped++;
}

bool sk_scene_preload(sk_scene *sc)
{
    int n = sc->rt->exercise_count;
    if (n <= 0) return false;
    /* Before anything was shown: the first exercise is what shows. */
    int show = sc->on_show >= 0 ? sc->on_show : 0, next = (show + 1) % n;
    /* The next one after a cross-fade, once the one left behind is gone:
     * never more than two at once. */
    if (!sc->tried[show]) load_sheet(sc, show);
    else if (!sc->tried[next] && !(sc->opts.lazy_sprites && sc->fading)) load_sheet(sc, next);
    /* The others go, but not while a cross-fade may still draw one. */
    if (sc->opts.lazy_sprites && !sc->fading && sc->on_show >= 0)
        for (int i = 0; i < n; i++)
            if (i != show && i != next) drop_sheet(sc, i);
    return !sc->tried[show] || !sc->tried[next];
}

sk_scene *sk_scene_create(SDL_Renderer *r, const sk_routine *rt, const sk_scene_opts *o)
{
    sk_scene *sc = calloc(1, sizeof *sc);
    if (!sc) return NULL;
    sc->r = r;
    sc->rt = rt;
    sc->opts = *o;
    if (sc->opts.rotate != 90 && sc->opts.rotate != 180 && sc->opts.rotate != 270) sc->opts.rotate = 0;
    sc->lopts = (sk_view_layout_opts){.touch = o->touch, .fell_back = o->fell_back, .dpi = o->dpi,
                                      .rotate = sc->opts.rotate, .languages = o->languages};
    sc->cur = calloc(1, sizeof(dlist));
    sc->prev = calloc(1, sizeof(dlist));
    sc->old = calloc(1, sizeof(dlist));
    char fonts[1100];
    snprintf(fonts, sizeof fonts, "%s/fonts", o->assets_dir ? o->assets_dir : ".");
    sc->text = sk_text_cache_create(r, fonts);
    if (sc->opts.canvas) {
        sc->recs = calloc(MAX_ITEMS * 2, sizeof(item_rec));
        sc->shown_recs = calloc(MAX_ITEMS * 2, sizeof(item_rec));
    }
    if (!sc->text || !sc->cur || !sc->prev || !sc->old ||
        (sc->opts.canvas && (!sc->recs || !sc->shown_recs))) {
        sk_scene_destroy(sc);
        return NULL;
    }
    sc->on_show = -1;
    if (!sc->opts.lazy_sprites)
        for (int i = 0; i < rt->exercise_count; i++) load_sheet(sc, i);
    return sc;
}

void sk_scene_destroy(sk_scene *sc)
{
    if (!sc) return;
    for (int i = 0; i < SK_MAX_EXERCISES; i++) {
        sk_sprite_gfx_destroy(sc->gfx[i]);
        sk_sprite_sheet_free(sc->sheets[i]);
    }
    if (sc->target) SDL_DestroyTexture(sc->target);
    sk_text_cache_destroy(sc->text);
    free(sc->cur);
    free(sc->prev);
    free(sc->old);
    free(sc->recs);
    free(sc->shown_recs);
    free(sc);
}

void sk_scene_text_stats(const sk_scene *sc, sk_text_stats *out)
{
    sk_text_cache_stats(sc->text, out);
    out->textures_created += sc->own_textures;
}

int sk_scene_check_text(sk_scene *sc, char *why, size_t why_size)
{
    if (why && why_size) why[0] = '\0';
    if (!sc->have_layout || sc->fading) return 0;
    const dlist *d = sc->prev;   /* the last frame drawn */
    int problems = 0;
    SDL_Rect rects[MAX_ITEMS];
    int idx[MAX_ITEMS], n = 0;
    for (int i = 0; i < d->n; i++) {
        const item *it = &d->items[i];
        if (it->kind != IT_TEXT || it->warm_only || it->alpha == 0) continue;
        int w = 0, h = 0;
        const char *t = d->arena + it->text;
        if (!sk_text_get(sc->text, t, it->px, it->weight, it->c1, 0, &w, &h)) continue;
        SDL_Rect r = {(int)lroundf(it->box.x), (int)lroundf(it->box.y), w, h};
        if (it->px < sc->L.font_min) {
            if (!problems++ && why)
                snprintf(why, why_size, "\"%.60s\" at %d px, under the floor of %d px", t, it->px,
                         sc->L.font_min);
        }
        if (r.x < 0 || r.y < 0 || r.x + r.w > sc->L.w || r.y + r.h > sc->L.h) {
            if (!problems++ && why)
                snprintf(why, why_size, "\"%.60s\" (%d,%d %dx%d) leaves the %dx%d picture", t, r.x,
                         r.y, r.w, r.h, sc->L.w, sc->L.h);
        }
        if (it->veiled) continue;
        /* Glyph boxes carry the font's full line height; a line may touch
         * the next (the wrap's line advance is 1.22 em, the box ~1.16 em),
         * so a pixel of slack is allowed. */
        rects[n] = (SDL_Rect){r.x + 1, r.y + 1, r.w - 2, r.h - 2};
        idx[n++] = i;
    }
    for (int a = 0; a < n; a++)
        for (int b = a + 1; b < n; b++) {
            SDL_Rect o;
            if (SDL_IntersectRect(&rects[a], &rects[b], &o)) {
                if (!problems++ && why)
                    snprintf(why, why_size, "\"%.40s\" overlaps \"%.40s\"",
                             d->arena + d->items[idx[a]].text, d->arena + d->items[idx[b]].text);
            }
        }
    return problems;
}

int sk_scene_cut_lines(const sk_scene *sc, const char *within, char *first, size_t first_size)
{
    if (first && first_size) first[0] = '\0';
    const dlist *d = sc->prev;
    int cut = 0;
    for (int i = 0; i < d->n; i++) {
        const item *it = &d->items[i];
        if (it->kind != IT_TEXT || it->warm_only) continue;
        const char *t = d->arena + it->text;
        size_t n = strlen(t);
        if (n < 3 || memcmp(t + n - 3, "\xe2\x80\xa6", 3) != 0) continue;
        char line[SK_MAX_TEXT + 8];
        snprintf(line, sizeof line, "%.*s", (int)(n - 3), t);
        if (within && !strstr(within, line)) continue;
        if (!cut++ && first) snprintf(first, first_size, "%s", t);
    }
    return cut;
}

int sk_scene_lines_in(const sk_scene *sc, SDL_Rect box, char *out, size_t out_size)
{
    if (out && out_size) out[0] = '\0';
    const dlist *d = sc->prev;
    int lines = 0;
    size_t used = 0;
    for (int i = 0; i < d->n; i++) {
        const item *it = &d->items[i];
        if (it->kind != IT_TEXT || it->warm_only || it->alpha == 0 || it->text < 0) continue;
        SDL_Point at = {(int)floorf(it->box.x), (int)floorf(it->box.y)};
        if (!SDL_PointInRect(&at, &box)) continue;
        if (out && out_size > used + 1) {
            int n = snprintf(out + used, out_size - used, "%s%s", lines ? " " : "", d->arena + it->text);
            used = n < 0 ? used : used + (size_t)n < out_size ? used + (size_t)n : out_size - 1;
        }
        lines++;
    }
    return lines;
}

/* A box of the upright picture (lw x lh) as it lands on the w x h target
 * when sk_scene_draw turns it by rot degrees clockwise about the centres. */
static SDL_Rect turn_rect(SDL_Rect b, int rot, int w, int h, int lw, int lh)
{
    float cx = w / 2.0f, cy = h / 2.0f;
    float xs[2] = {b.x - lw / 2.0f, b.x + b.w - lw / 2.0f};
    float ys[2] = {b.y - lh / 2.0f, b.y + b.h - lh / 2.0f};
    float x0 = 1e9f, y0 = 1e9f, x1 = -1e9f, y1 = -1e9f;
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 2; j++) {
            float dx = xs[i], dy = ys[j], tx, ty;
            if (rot == 90) { tx = cx - dy; ty = cy + dx; }
            else if (rot == 180) { tx = cx - dx; ty = cy - dy; }
            else if (rot == 270) { tx = cx + dy; ty = cy - dx; }
            else { tx = cx + dx; ty = cy + dy; }
            x0 = fminf(x0, tx); y0 = fminf(y0, ty);
            x1 = fmaxf(x1, tx); y1 = fmaxf(y1, ty);
        }
    SDL_Rect r = {(int)floorf(x0), (int)floorf(y0), 0, 0};
    r.w = (int)ceilf(x1) - r.x;
    r.h = (int)ceilf(y1) - r.y;
    return r;
}

int sk_scene_probe_rects(sk_scene *sc, SDL_Rect *out, int max)
{
    /* After sk_scene_draw the list drawn is "prev" (what the next phase
     * fades from). */
    if (!sc || !sc->prev || sc->fading || max <= 0 || sc->prep_w <= 0) return 0;
    const dlist *d = sc->prev;
    /* The title: text starting in the title row (exercise screens and text
     * screens have their own); else the largest text that is no numeral. */
    const item *title = NULL, *other = NULL, *digit = NULL;
    const sk_rect rows[2] = {sc->L.title, sc->L.card_title};
    for (int i = 0; i < d->n; i++) {
        const item *it = &d->items[i];
        if (it->kind != IT_TEXT || it->warm_only || it->veiled || it->alpha < 200 || it->text < 0)
            continue;
        const char *s = d->arena + it->text;
        bool numeral = s[0] >= '0' && s[0] <= '9' && s[1] == 0;
        bool in_title = false;
        for (int k = 0; k < 2; k++)
            if (it->box.x >= rows[k].x && it->box.x < rows[k].x + rows[k].w &&
                it->box.y >= rows[k].y && it->box.y < rows[k].y + rows[k].h)
                in_title = true;
        const item **slot = numeral ? &digit : in_title ? &title : &other;
        if (!*slot || it->px > (*slot)->px) *slot = it;
    }
    if (!title) title = other;
    int w = sc->prep_w, h = sc->prep_h, lw, lh;
    sk_sc_picture_size(sc, w, h, &lw, &lh);
    int n = 0;
    const item *pick[2] = {title, digit};
    for (int k = 0; k < 2 && n < max; k++) {
        if (!pick[k]) continue;
        bool textured;
        SDL_Rect b = sk_sc_item_bounds(sc, d, pick[k], &textured);
        SDL_Rect t = turn_rect(b, sc->opts.rotate, w, h, lw, lh);
        SDL_Rect screen = {0, 0, w, h};
        if (SDL_IntersectRect(&t, &screen, &out[n])) n++;
    }
    return n;
}

const sk_layout *sk_scene_layout(const sk_scene *sc)
{
    return sc && sc->have_layout ? &sc->L : NULL;
}

/* Draws v upright on the w x h target itself: when no target texture
 * can be had (unrotated, all of it, beats nothing). */
static void draw_upright(sk_scene *sc, const sk_tl_view *v, int w, int h)
{
    sk_view_layout_opts upright = sc->lopts;
    upright.rotate = 0;
    sk_layout L;
    sk_view_layout(v, &upright, w, h, &L);
    sk_sc_prepare(sc, v, &L);
    sk_sc_draw_prepared(sc);
}

void sk_scene_draw(sk_scene *sc, const sk_tl_view *v, int w, int h)
{
    sk_layout L;
    sk_view_layout(v, &sc->lopts, w, h, &L);
    sk_scene_draw_in(sc, v, &L, w, h);
}

void sk_scene_draw_in(sk_scene *sc, const sk_tl_view *v, const sk_layout *L, int w, int h)
{
    int rot = sc->opts.rotate;
    bool use_target = rot != 0 || (sc->opts.canvas && !sc->opts.canvas_in_place);
    sc->last_n = -1;
    if (use_target && (w <= 0 || h <= 0)) {
        draw_upright(sc, v, w, h);
        sk_text_cache_end_frame(sc->text);
        return;
    }
    sk_sc_prepare_for(sc, v, L, w, h);
    if (!use_target) {
        sk_sc_draw_prepared(sc);
        sk_text_cache_end_frame(sc->text);
        return;
    }
    /* The vc4 KMS driver cannot rotate the display: draw the picture
     * upright into a target and turn it onto the screen. With a canvas,
     * the target keeps the picture and only what changed is redrawn. */
    int lw, lh;
    sk_sc_picture_size(sc, w, h, &lw, &lh);
    SDL_Texture *prev_target = SDL_GetRenderTarget(sc->r);
    if (!sc->target || sc->target_w != lw || sc->target_h != lh) {
        if (sc->target) SDL_DestroyTexture(sc->target);
        sc->target = SDL_CreateTexture(sc->r, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET, lw, lh);
        sc->own_textures++;
        sc->target_w = lw;
        sc->target_h = lh;
        sc->canvas_valid = false;
        if (!sc->target) {
            char what[64];
            snprintf(what, sizeof what, "%s target %dx%d", rot ? "rotation" : "canvas", lw, lh);
            SK_LOG_SDL_FAILED(what, "SDL_CreateTexture");
        }
    }
    if (!sc->target || SDL_SetRenderTarget(sc->r, sc->target) != 0) {
        bool canvas = sc->opts.canvas;
        sc->opts.canvas = false;
        draw_upright(sc, v, w, h);
        sc->opts.canvas = canvas;
        sc->canvas_valid = false;
        sk_text_cache_end_frame(sc->text);
        return;
    }
    sk_sc_draw_prepared(sc);
    SDL_SetRenderTarget(sc->r, prev_target);
    SDL_SetRenderDrawBlendMode(sc->r, SDL_BLENDMODE_NONE);
    SDL_SetTextureBlendMode(sc->target, SDL_BLENDMODE_NONE);
    if (rot == 0) {
        SDL_RenderCopy(sc->r, sc->target, NULL, NULL);
    } else {
        SDL_SetRenderDrawColor(sc->r, 0, 0, 0, 255);
        SDL_RenderClear(sc->r);
        SDL_Rect dst = {(w - lw) / 2, (h - lh) / 2, lw, lh};
        SDL_RenderCopyEx(sc->r, sc->target, NULL, &dst, (double)rot, NULL, SDL_FLIP_NONE);
    }
    sk_text_cache_end_frame(sc->text);
}

void sk_scene_invalidate(sk_scene *sc)
{
    sc->canvas_valid = false;
}

int sk_scene_dirty_rects(const sk_scene *sc, SDL_Rect *out, int max)
{
    if (!sc->opts.canvas || !sc->opts.canvas_in_place || sc->opts.rotate != 0 ||
        sc->last_n < 0 || sc->last_n > max)
        return -1;
    memcpy(out, sc->last_dirty, sizeof(SDL_Rect) * (size_t)sc->last_n);
    return sc->last_n;
}

uint64_t sk_scene_pixels_drawn(const sk_scene *sc)
{
    return sc->dirty_px;
}

void sk_scene_texture_stats(const sk_scene *sc, sk_scene_tex_stats *out)
{
    memset(out, 0, sizeof *out);
    for (int i = 0; i < SK_MAX_EXERCISES; i++) {
        if (!sc->gfx[i]) continue;
        sk_sprite_gfx_stats st;
        sk_sprite_gfx_get_stats(sc->gfx[i], &st);
        out->sprite_bytes += st.texture_bytes;
        out->sprite_textures += st.textures;
        if ((long long)st.largest_w * st.largest_h > (long long)out->largest_w * out->largest_h) {
            out->largest_w = st.largest_w;
            out->largest_h = st.largest_h;
        }
    }
    sk_text_stats ts;
    sk_text_cache_stats(sc->text, &ts);
    out->text_bytes = ts.texture_bytes;
    out->text_textures = ts.entries;
    if (sc->target) {
        out->own_bytes = (size_t)sc->target_w * (size_t)sc->target_h * 4;
        if ((long long)sc->target_w * sc->target_h > (long long)out->largest_w * out->largest_h) {
            out->largest_w = sc->target_w;
            out->largest_h = sc->target_h;
        }
    }
}

int sk_scene_sheets_dropped(const sk_scene *sc)
{
    return sc->sheets_dropped;
}
