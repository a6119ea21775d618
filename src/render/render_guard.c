#include "render_guard.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "scene.h"
#include "text_util.h"

int sk_render_available(const char **names, int max)
{
    int n = 0, total = SDL_GetNumRenderDrivers();
    for (int i = 0; i < total && n < max; i++) {
        SDL_RendererInfo info;
        if (SDL_GetRenderDriverInfo(i, &info) == 0 && info.name) names[n++] = info.name;
    }
    return n;
}

SDL_Renderer *sk_render_create(SDL_Window *win, const char *driver)
{
    int total = SDL_GetNumRenderDrivers();
    for (int i = 0; i < total; i++) {
        SDL_RendererInfo info;
        if (SDL_GetRenderDriverInfo(i, &info) != 0 || !info.name || strcmp(info.name, driver)) continue;
        bool soft = (info.flags & SDL_RENDERER_SOFTWARE) != 0;
        /* Vsync always on a GPU: asynchronous flips garble or fail on a
         * Pi 4/5. SDL's draw batching stays on (SDL_HINT_RENDER_BATCHING,
         * set by app.c: an index given here would turn it off, SDL 8584). */
        return SDL_CreateRenderer(win, i, soft ? SDL_RENDERER_SOFTWARE
                                               : SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
    }
    SDL_SetError("this SDL has no render driver \"%s\"", driver);
    return NULL;
}

#define TOLERANCE 12    /* levels per channel */
#define DRAWN_MIN 4     /* pixels */

sk_probe_result sk_render_probe(SDL_Renderer *r, const SDL_Rect *boxes, int n, sk_rgb bg,
                                char *why, size_t why_size)
{
    enum { SLICE = 16384 };   /* pixels per read: 64 KB */
    Uint32 *px = malloc(SLICE * sizeof *px);
    if (!px) {
        if (why) sk_strlcpy(why, "out of memory", why_size);
        return SK_PROBE_UNKNOWN;
    }
    int drawn = 0;
    for (int b = 0; b < n && drawn < DRAWN_MIN; b++) {
        SDL_Rect box = boxes[b];
        if (box.w <= 0 || box.h <= 0) continue;
        int rows = box.w >= SLICE ? 1 : SLICE / box.w;
        int w = box.w > SLICE ? SLICE : box.w;
        for (int y = box.y; y < box.y + box.h && drawn < DRAWN_MIN; y += rows) {
            SDL_Rect s = {box.x, y, w, rows};
            if (y + rows > box.y + box.h) s.h = box.y + box.h - y;
            /* ABGR8888 is R, G, B, A in memory on a little-endian CPU;
             * read as a packed 32-bit value it is A<<24|B<<16|G<<8|R
             * on any CPU, which is what is compared. */
            if (SDL_RenderReadPixels(r, &s, SDL_PIXELFORMAT_ABGR8888, px, s.w * 4) != 0) {
                if (why) snprintf(why, why_size, "SDL_RenderReadPixels: %s", SDL_GetError());
                free(px);
                return SK_PROBE_UNKNOWN;
            }
            for (int i = 0; i < s.w * s.h; i++) {
                Uint32 p = px[i];
                int dr = abs((int)(p & 0xFF) - bg.r), dg = abs((int)((p >> 8) & 0xFF) - bg.g),
                    db = abs((int)((p >> 16) & 0xFF) - bg.b);
                bool not_bg = dr > TOLERANCE || dg > TOLERANCE || db > TOLERANCE;
                bool not_black = (p & 0xFF) > TOLERANCE || ((p >> 8) & 0xFF) > TOLERANCE ||
                                 ((p >> 16) & 0xFF) > TOLERANCE;
                if (not_bg && not_black) drawn++;
            }
        }
    }
    free(px);
    return drawn >= DRAWN_MIN ? SK_PROBE_DRAWN : SK_PROBE_BLANK;
}

SDL_Renderer *sk_render_guard_next(sk_render_guard *g, SDL_Window *win, const char *why)
{
    while (++g->at < g->order.count) {
        const char *name = g->order.names[g->at];
        SDL_Renderer *r = sk_render_create(win, name);
        if (!r) {
            char what[64];
            snprintf(what, sizeof what, "renderer %s", name);
            SK_LOG_SDL_FAILED(what, "SDL_CreateRenderer");
            why = "the one before could not be made";
            continue;
        }
        SDL_RendererInfo info;
        if (SDL_GetRendererInfo(r, &info) == 0)
            fprintf(stderr, "stretch-kiosk: renderer %s (%s), max texture %dx%d\n", info.name, why,
                    info.max_texture_width, info.max_texture_height);
        g->pending = true;
        return r;
    }
    fprintf(stderr, "stretch-kiosk: cannot draw: no render driver could be made\n");
    return NULL;
}

SDL_Renderer *sk_render_guard_first(sk_render_guard *g, SDL_Window *win, const char *video_driver,
                                    const char *preferred, const char *why)
{
    memset(g, 0, sizeof *g);
    g->at = -1;
    const char *avail[SK_RENDER_ORDER_MAX];
    int navail = sk_render_available(avail, SK_RENDER_ORDER_MAX);
    const char *forced = SDL_getenv("SDL_RENDER_DRIVER");
    bool env = forced && *forced;
    sk_render_order_make(video_driver, env ? forced : preferred, avail, navail, &g->order);
    if (g->order.forced_missing)
        fprintf(stderr, "stretch-kiosk: %s%s: this SDL has no such render driver; using the "
                        "usual order\n", env ? "SDL_RENDER_DRIVER=" : "", env ? forced : preferred);
    else if (!env && preferred && why)
        g->order.why = why;
    g->blank_test = SDL_getenv("SK_TEST_BLANK_RENDERER");
    return sk_render_guard_next(g, win, g->order.why);
}

static bool blank_for_test(const sk_render_guard *g)
{
    const char *t = g->blank_test;
    if (!t || !*t || g->at < 0) return false;
    if (!strcmp(t, "all")) return true;
    if (!strcmp(t, "first")) return g->at == 0;
    return !strcmp(t, g->order.names[g->at]);
}

bool sk_render_guard_check(sk_render_guard *g, SDL_Renderer *r, struct sk_scene *scene)
{
    sk_rgb bg = sk_palette(SK_COL_BG);
    if (blank_for_test(g)) {
        SDL_SetRenderDrawColor(r, bg.r, bg.g, bg.b, 255);
        SDL_RenderClear(r);
    }
    if (!g->pending || g->at < 0) return false;
    SDL_Rect boxes[2];
    int n = sk_scene_probe_rects(scene, boxes, 2);
    if (n == 0) return false;   /* no text in this frame: look at a later one */
    char why[256] = "";
    sk_probe_result res = sk_render_probe(r, boxes, n, bg, why, sizeof why);
    const char *name = g->order.names[g->at];
    const char *what = n > 1 ? "its title and a numeral" : "its title";
    g->pending = false;
    if (res == SK_PROBE_DRAWN) {
        fprintf(stderr, "stretch-kiosk: renderer %s draws the picture (%s read back)\n", name, what);
        return false;
    }
    if (res == SK_PROBE_UNKNOWN) {
        fprintf(stderr, "stretch-kiosk: renderer %s: cannot read the picture back (%s); "
                        "trusting it\n", name, why);
        return false;
    }
    if (g->at + 1 >= g->order.count) {
        fprintf(stderr, "stretch-kiosk: renderer %s presents only the background (%s read "
                        "back) and no other render driver is left; keeping it\n", name, what);
        return false;
    }
    fprintf(stderr, "stretch-kiosk: renderer %s presents only the background (%s read back "
                    "are all background colour); trying %s\n",
            name, what, g->order.names[g->at + 1]);
    return true;
}
