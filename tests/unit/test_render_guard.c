/* The renderer guard's eyes (render_guard.h, sk_scene_probe_rects): on
 * SDL's software renderer on a surface, the boxes it reads back hold the
 * title and a numeral at every rotation, a real frame reads as drawn, and a
 * frame of only the background (or black) reads as blank. The whole guard,
 * switching drivers, is tested through the program in tests/faults. */
#include <SDL.h>
#include <SDL_ttf.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "content.h"
#include "image_png.h"
#include "palette.h"
#include "render_guard.h"
#include "scene.h"

static char assets[4096];

/* Share of the box's pixels that are light (text is near white here). */
static double light_share(SDL_Surface *s, SDL_Rect b)
{
    long light = 0;
    for (int y = b.y; y < b.y + b.h; y++)
        for (int x = b.x; x < b.x + b.w; x++) {
            const Uint8 *p = (const Uint8 *)s->pixels + y * s->pitch + x * 4;   /* RGBA32 */
            if (p[0] + p[1] + p[2] > 3 * 170) light++;
        }
    return b.w * b.h > 0 ? (double)light / ((double)b.w * b.h) : 0;
}

static void one_rotation(int rotate)
{
    int w = 960, h = 540;
    SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_RGBA32);
    SDL_Renderer *r = surf ? SDL_CreateSoftwareRenderer(surf) : NULL;
    sk_content c;
    CHECK(r && sk_content_load(&c, NULL, assets, NULL, stderr), "rig: %s", SDL_GetError());
    if (!r) return;
    sk_scene_opts o = {.assets_dir = assets, .touch = true, .rotate = rotate};
    sk_scene *sc = sk_scene_create(r, c.routine, &o);
    CHECK(sc != NULL, "scene");
    sk_timeline_intent(c.timeline, SK_INTENT_START);
    /* Into the first hold, 5 s in: a title and the ring's numerals. */
    sk_tl_view v;
    sk_event ev;
    for (int i = 0; i < 20000; i++) {
        sk_timeline_view(c.timeline, &v);
        if (v.phase && v.phase->kind == SK_PH_HOLD && v.elapsed_ms >= 5000) break;
        sk_timeline_step(c.timeline, 100);
        while (sk_timeline_poll(c.timeline, &ev)) {}
    }
    sk_timeline_view(c.timeline, &v);
    CHECK(v.phase && v.phase->kind == SK_PH_HOLD, "rotate %d: no hold", rotate);
    sk_scene_draw(sc, &v, w, h);
    SDL_RenderFlush(r);
    SDL_Rect box[2];
    int n = sk_scene_probe_rects(sc, box, 2);
    CHECK_INT(n, 2);
    for (int i = 0; i < n; i++) {
        CHECK(box[i].x >= 0 && box[i].y >= 0 && box[i].x + box[i].w <= w && box[i].y + box[i].h <= h &&
              box[i].w > 0 && box[i].h > 0, "rotate %d: box %d %d,%d %dx%d off the target", rotate, i,
              box[i].x, box[i].y, box[i].w, box[i].h);
        double share = light_share(surf, box[i]);
        /* Glyph strokes fill roughly a tenth to a third of a text box. */
        CHECK(share > 0.05, "rotate %d: box %d (%d,%d %dx%d) holds little text: %.3f", rotate, i,
              box[i].x, box[i].y, box[i].w, box[i].h, share);
    }
    /* Turned on its side, the boxes are too: taller than wide for a title. */
    if (rotate == 90 || rotate == 270) CHECK(box[0].h > box[0].w, "rotate %d: title box not turned", rotate);
    else CHECK(box[0].w > box[0].h, "rotate %d: title box turned", rotate);

    char why[128];
    CHECK_INT(sk_render_probe(r, box, n, sk_palette(SK_COL_BG), why, sizeof why), SK_PROBE_DRAWN);
    /* SK_PROBE_DUMP=DIR: the frame with the boxes outlined, to look at. */
    const char *dump = getenv("SK_PROBE_DUMP");
    if (dump) {
        char path[4200];
        snprintf(path, sizeof path, "%s/probe-%d.png", dump, rotate);
        SDL_SetRenderDrawColor(r, 255, 0, 255, 255);
        SDL_RenderDrawRects(r, box, n);
        SDL_RenderFlush(r);
        CHECK(sk_png_write_rgba(path, w, h, surf->pixels, (size_t)surf->pitch, NULL, 0), "writing %s", path);
    }
    /* Only the background in the boxes (the rest of the picture intact):
     * blank, so it is these boxes that are read. */
    sk_rgb bg = sk_palette(SK_COL_BG);
    SDL_SetRenderDrawColor(r, bg.r, bg.g, bg.b, 255);
    SDL_RenderFillRects(r, box, n);
    CHECK_INT(sk_render_probe(r, box, n, bg, why, sizeof why), SK_PROBE_BLANK);
    SDL_SetRenderDrawColor(r, 0, 0, 0, 255);
    SDL_RenderClear(r);
    CHECK_INT(sk_render_probe(r, box, n, bg, why, sizeof why), SK_PROBE_BLANK);
    /* A single text pixel's worth is not a picture; a few strokes are. */
    SDL_SetRenderDrawColor(r, 240, 240, 240, 255);
    SDL_RenderDrawPoint(r, box[0].x + 1, box[0].y + 1);
    CHECK_INT(sk_render_probe(r, box, n, bg, why, sizeof why), SK_PROBE_BLANK);
    SDL_Rect stroke = {box[0].x + 2, box[0].y + 2, 3, 3};
    SDL_RenderFillRect(r, &stroke);
    CHECK_INT(sk_render_probe(r, box, n, bg, why, sizeof why), SK_PROBE_DRAWN);

    /* In a cross-fade nothing is solid: no boxes, look at a later frame. */
    /* (Looked at 200 ms before the change and 100 ms after: a fade; a
     * longer gap would be taken for a jump in time, shown at once.) */
    sk_timeline_step(c.timeline, v.remaining_ms - 200);
    while (sk_timeline_poll(c.timeline, &ev)) {}
    sk_timeline_view(c.timeline, &v);
    sk_scene_draw(sc, &v, w, h);
    sk_timeline_step(c.timeline, 300);
    while (sk_timeline_poll(c.timeline, &ev)) {}
    sk_timeline_view(c.timeline, &v);
    sk_scene_draw(sc, &v, w, h);
    CHECK_INT(sk_scene_probe_rects(sc, box, 2), 0);
    sk_scene_destroy(sc);
    sk_content_free(&c);
    SDL_DestroyRenderer(r);
    SDL_FreeSurface(surf);
}

int main(void)
{
    check_path(assets, sizeof assets, "assets");
    if (TTF_Init() != 0) {
        fprintf(stderr, "TTF_Init: %s\n", TTF_GetError());
        return 1;
    }
    CHECK_INT(sk_scene_probe_rects(NULL, NULL, 2), 0);
    for (int rot = 0; rot < 360; rot += 90) one_rotation(rot);
    TTF_Quit();
    SDL_Quit();
    return CHECK_DONE();
}
