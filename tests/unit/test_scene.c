/* The scene, drawn through SDL's software renderer on a surface (no video
 * driver): a steady-state hold renders no text and creates no texture; a
 * phase change fades instead of cutting; rotation turns the picture; every
 * screen draws at every size without leaving a box. */
#include <SDL.h>
#include <SDL_ttf.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "content.h"
#include "scene.h"
#include "view_layout.h"

static char assets[4096];

typedef struct rig {
    SDL_Surface *surf;
    SDL_Renderer *r;
    sk_content c;
    sk_scene *sc;
} rig;

static bool rig_open(rig *g, int w, int h, bool sprites, int rotate)
{
    memset(g, 0, sizeof *g);
    g->surf = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_RGBA32);
    g->r = g->surf ? SDL_CreateSoftwareRenderer(g->surf) : NULL;
    if (!g->r || !sk_content_load(&g->c, NULL, assets, NULL, stderr)) return false;
    if (!sprites)
        for (int i = 0; i < g->c.routine->exercise_count; i++) {
            free(g->c.routine->exercises[i].sprite);
            g->c.routine->exercises[i].sprite = NULL;
        }
    sk_scene_opts o = {.assets_dir = assets, .touch = true, .rotate = rotate};
    g->sc = sk_scene_create(g->r, g->c.routine, &o);
    return g->sc != NULL;
}

static void rig_close(rig *g)
{
    sk_scene_destroy(g->sc);
    sk_content_free(&g->c);
    if (g->r) SDL_DestroyRenderer(g->r);
    if (g->surf) SDL_FreeSurface(g->surf);
}

static void draw(rig *g)
{
    sk_tl_view v;
    sk_timeline_view(g->c.timeline, &v);
    sk_scene_draw(g->sc, &v, g->surf->w, g->surf->h);
    SDL_RenderFlush(g->r);
}

static void drain(rig *g)
{
    sk_event ev;
    while (sk_timeline_poll(g->c.timeline, &ev)) {}
}

/* Steps (in 100 ms) until the current phase is 'kind', then 'into' ms in. */
static bool goto_phase(rig *g, sk_phase_kind kind, int64_t into)
{
    sk_tl_view v;
    for (int i = 0; i < 20000; i++) {
        sk_timeline_view(g->c.timeline, &v);
        if (v.phase && v.phase->kind == kind) break;
        sk_timeline_step(g->c.timeline, 100);
        drain(g);
    }
    sk_timeline_view(g->c.timeline, &v);
    if (!v.phase || v.phase->kind != kind) return false;
    sk_timeline_step(g->c.timeline, into - v.elapsed_ms > 0 ? into - v.elapsed_ms : 0);
    drain(g);
    return true;
}

static void test_steady_state(void)
{
    rig g;
    CHECK(rig_open(&g, 960, 540, true, 0), "rig: %s", SDL_GetError());
    if (!g.sc) return rig_close(&g);
    sk_timeline_intent(g.c.timeline, SK_INTENT_START);
    /* 7.5 s into the first hold: the 300 frames below cross the step page
     * turn at 10 s and six changes of the numerals. */
    CHECK(goto_phase(&g, SK_PH_HOLD, 7500), "no hold");
    for (int i = 0; i < 5; i++) {
        draw(&g);
        sk_timeline_step(g.c.timeline, 16);
        drain(&g);
    }
    sk_text_stats a, b;
    sk_scene_text_stats(g.sc, &a);
    CHECK(a.ttf_renders > 0 && a.textures_created > 0, "the first frames rendered text (%llu, %llu)",
          (unsigned long long)a.ttf_renders, (unsigned long long)a.textures_created);
    sk_tl_view v0, v1;
    sk_timeline_view(g.c.timeline, &v0);
    for (int i = 0; i < 300; i++) {
        draw(&g);
        sk_timeline_step(g.c.timeline, 16);
        drain(&g);
    }
    sk_timeline_view(g.c.timeline, &v1);
    sk_scene_text_stats(g.sc, &b);
    CHECK(v1.phase_index == v0.phase_index && v1.phase->kind == SK_PH_HOLD, "still in the hold");
    CHECK_INT(b.ttf_renders - a.ttf_renders, 0);
    CHECK_INT(b.textures_created - a.textures_created, 0);
    /* Nor is any text measured: layout work is done when a phase starts. */
    CHECK_INT(b.measures - a.measures, 0);
    printf("steady hold: 300 frames, %llu TTF renders, %llu textures created, %llu measures; "
           "cache %d entries, %.1f MB\n",
           (unsigned long long)(b.ttf_renders - a.ttf_renders),
           (unsigned long long)(b.textures_created - a.textures_created),
           (unsigned long long)(b.measures - a.measures), b.entries, b.texture_bytes / 1048576.0);
    /* And while paused, a tap-able dialog over it: the same. */
    sk_timeline_intent(g.c.timeline, SK_INTENT_PAUSE);
    for (int i = 0; i < 40; i++) {
        draw(&g);
        sk_timeline_step(g.c.timeline, 16);
        drain(&g);
    }
    sk_scene_text_stats(g.sc, &a);
    for (int i = 0; i < 120; i++) {
        draw(&g);
        sk_timeline_step(g.c.timeline, 16);
        drain(&g);
    }
    sk_scene_text_stats(g.sc, &b);
    CHECK_INT(b.ttf_renders - a.ttf_renders, 0);
    CHECK_INT(b.textures_created - a.textures_created, 0);
    rig_close(&g);
}

/* Share of pixels that moved by more than 64 levels in a channel. */
static double changed(const SDL_Surface *a, const Uint8 *b)
{
    long n = 0, total = (long)a->w * a->h;
    for (int y = 0; y < a->h; y++) {
        const Uint8 *p = (const Uint8 *)a->pixels + y * a->pitch;
        const Uint8 *q = b + y * a->pitch;
        for (int x = 0; x < a->w * 4; x += 4) {
            int d = 0;
            for (int k = 0; k < 3; k++) {
                int e = abs(p[x + k] - q[x + k]);
                if (e > d) d = e;
            }
            if (d > 64) n++;
        }
    }
    return (double)n / total;
}

static void test_cross_fade(void)
{
    /* No sprites: the still figure does not move, so any change between
     * frames is the scene's own. */
    rig g;
    CHECK(rig_open(&g, 960, 540, false, 0), "rig");
    if (!g.sc) return rig_close(&g);
    sk_timeline_intent(g.c.timeline, SK_INTENT_START);
    CHECK(goto_phase(&g, SK_PH_HOLD, 0), "no hold");
    sk_tl_view v;
    sk_timeline_view(g.c.timeline, &v);
    sk_timeline_step(g.c.timeline, v.remaining_ms - 300);
    drain(&g);
    size_t bytes = (size_t)g.surf->pitch * g.surf->h;
    Uint8 *prev = malloc(bytes), *last_hold = malloc(bytes);
    draw(&g);
    memcpy(prev, g.surf->pixels, bytes);
    double worst = 0;
    int frames = 0, mid_frames = 0;
    bool saw_rest = false;
    for (int i = 0; i < 60; i++) {
        sk_timeline_step(g.c.timeline, 16);
        drain(&g);
        draw(&g);
        sk_timeline_view(g.c.timeline, &v);
        if (v.phase->kind == SK_PH_HOLD) memcpy(last_hold, g.surf->pixels, bytes);
        if (v.phase->kind == SK_PH_REST) {
            saw_rest = true;
            if (v.elapsed_ms > 100 && v.elapsed_ms < 300) mid_frames++;
        }
        double c = changed(g.surf, prev);
        if (c > worst) worst = c;
        memcpy(prev, g.surf->pixels, bytes);
        frames++;
    }
    CHECK(saw_rest, "the hold ended");
    CHECK(mid_frames > 0, "frames in the middle of the fade");
    /* The same change as a cut: the last hold frame against the rest as a
     * fresh scene draws it once the fade is over. */
    double cut = changed(g.surf, last_hold);
    printf("cross-fade: worst frame-to-frame change %.3f %% of pixels; the whole change %.3f %%\n",
           worst * 100, cut * 100);
    CHECK(cut > 0.01, "the phases look different (%.4f)", cut);
    CHECK(worst < cut / 4, "a frame changed %.4f of the picture at once (a cut would be %.4f)", worst,
          cut);
    free(prev);
    free(last_hold);
    rig_close(&g);
}

static void test_rotation(void)
{
    /* The same state upright (480x270) and turned 90 degrees onto a
     * 270x480 screen: pixel (x, y) of the picture lands at (269 - y, x). */
    rig a, b;
    CHECK(rig_open(&a, 480, 270, false, 0) && rig_open(&b, 270, 480, false, 90), "rigs");
    if (a.sc && b.sc) {
        sk_timeline_intent(a.c.timeline, SK_INTENT_START);
        sk_timeline_intent(b.c.timeline, SK_INTENT_START);
        goto_phase(&a, SK_PH_HOLD, 3000);
        goto_phase(&b, SK_PH_HOLD, 3000);
        draw(&a);
        draw(&b);
        long bad = 0, n = 0;
        for (int y = 0; y < 270; y += 3)
            for (int x = 0; x < 480; x += 3) {
                const Uint8 *p = (const Uint8 *)a.surf->pixels + y * a.surf->pitch + x * 4;
                int sx = 269 - y, sy = x;
                const Uint8 *q = (const Uint8 *)b.surf->pixels + sy * b.surf->pitch + sx * 4;
                int d = abs(p[0] - q[0]) + abs(p[1] - q[1]) + abs(p[2] - q[2]);
                if (d > 48) bad++;
                n++;
            }
        printf("rotation: %ld of %ld sampled pixels differ\n", bad, n);
        CHECK(bad < n / 100, "rotated picture differs at %ld of %ld pixels", bad, n);
        const sk_layout *l = sk_scene_layout(b.sc);
        CHECK(l && l->w == 480 && l->h == 270, "the layout is the picture's, not the screen's");
    }
    rig_close(&a);
    rig_close(&b);
}

/* The layout the app makes once a frame (view_layout.h) is the one the
 * scene draws into, and drawing into it is drawing as sk_scene_draw does:
 * the same pixels. Its flags follow the view: no controls in the loop,
 * controls in a session, the picture turned at 90 degrees. */
static void test_layout_handed_in(void)
{
    rig a, b;
    CHECK(rig_open(&a, 270, 480, false, 90) && rig_open(&b, 270, 480, false, 90), "rigs");
    if (a.sc && b.sc) {
        const sk_view_layout_opts lo = {.touch = true, .rotate = 90};
        for (int round = 0; round < 2; round++) {
            if (round == 1) {
                sk_timeline_intent(a.c.timeline, SK_INTENT_START);
                sk_timeline_intent(b.c.timeline, SK_INTENT_START);
                goto_phase(&a, SK_PH_HOLD, 3000);
                goto_phase(&b, SK_PH_HOLD, 3000);
            }
            sk_tl_view v;
            sk_timeline_view(a.c.timeline, &v);
            sk_layout L;
            sk_view_layout(&v, &lo, 270, 480, &L);
            CHECK(L.w == 480 && L.h == 270, "turned: the picture is %dx%d", L.w, L.h);
            CHECK(round ? !sk_rect_empty(L.controls[SK_CTL_STOP]) : sk_rect_empty(L.controls[SK_CTL_STOP]),
                  "controls only in a session (round %d)", round);
            CHECK(round ? sk_rect_empty(L.invite) : !sk_rect_empty(L.invite),
                  "the invitation only in the touch loop (round %d)", round);
            sk_scene_draw_in(a.sc, &v, &L, 270, 480);
            SDL_RenderFlush(a.r);
            draw(&b);
            const sk_layout *drawn = sk_scene_layout(a.sc);
            CHECK(drawn && memcmp(&drawn->controls, &L.controls, sizeof L.controls) == 0 &&
                      memcmp(&drawn->ring_box, &L.ring_box, sizeof L.ring_box) == 0,
                  "the scene drew into the layout it was handed");
            long bad = 0;
            for (int y = 0; y < 480; y++)
                bad += memcmp((const Uint8 *)a.surf->pixels + y * a.surf->pitch,
                              (const Uint8 *)b.surf->pixels + y * b.surf->pitch, 270 * 4) != 0;
            CHECK(bad == 0, "drawing into the handed layout differs on %ld rows (round %d)", bad, round);
        }
    }
    rig_close(&a);
    rig_close(&b);
}

/* Every phase at a few sizes: draws, and the layout handed to input has
 * its controls in a session. */
static void test_all_screens(void)
{
    static const int sizes[][2] = {{800, 480}, {1080, 1920}, {1366, 768}, {1920, 1080},
                                   {1280, 1024}};
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        rig g;
        CHECK(rig_open(&g, sizes[s][0], sizes[s][1], false, 0), "rig");
        if (!g.sc) {
            rig_close(&g);
            continue;
        }
        draw(&g);
        const sk_layout *l = sk_scene_layout(g.sc);
        CHECK(l && !sk_rect_empty(l->invite) && sk_rect_empty(l->controls[SK_CTL_PAUSE]),
              "loop in touch mode: invitation, no controls");
        /* The loop's phases, cards included, each 1.5 s in. */
        int loop_seen = 0, cards = 0;
        for (int guard = 0; guard < 400 && loop_seen < 16; guard++) {
            sk_tl_view v;
            sk_timeline_view(g.c.timeline, &v);
            int64_t step = v.remaining_ms + 1500;
            sk_timeline_step(g.c.timeline, step);
            drain(&g);
            sk_timeline_view(g.c.timeline, &v);
            draw(&g);
            sk_timeline_step(g.c.timeline, 500);
            drain(&g);
            draw(&g);
            char why[256];
            int bad = sk_scene_check_text(g.sc, why, sizeof why);
            CHECK(bad == 0, "%dx%d loop %s: %d text problems: %s", sizes[s][0], sizes[s][1],
                  sk_phase_name(v.phase->kind), bad, why);
            if (v.phase->kind == SK_PH_CARD) cards++;
            loop_seen++;
        }
        CHECK(cards >= 2, "loop cards checked: %d", cards);
        sk_timeline_intent(g.c.timeline, SK_INTENT_START);
        int seen = 0, texts_checked = 0;
        sk_phase_kind last = SK_PH_COUNT;
        for (int i = 0; i < 2000 && seen < 8; i++) {
            sk_tl_view v;
            sk_timeline_view(g.c.timeline, &v);
            if (v.mode != SK_TL_SESSION) break;
            if (v.phase->kind != last) {
                draw(&g);
                l = sk_scene_layout(g.sc);
                CHECK(l && !sk_rect_empty(l->controls[SK_CTL_PAUSE]), "session: controls");
                /* Settled (a second frame 1 s later): text on screen, at
                 * its floor or above, no line over another. */
                sk_timeline_step(g.c.timeline, 1000);
                drain(&g);
                draw(&g);
                char why[256];
                int bad = sk_scene_check_text(g.sc, why, sizeof why);
                CHECK(bad == 0, "%dx%d %s: %d text problems: %s", sizes[s][0], sizes[s][1],
                      sk_phase_name(v.phase->kind), bad, why);
                texts_checked++;
                last = v.phase->kind;
                seen++;
            }
            sk_timeline_intent(g.c.timeline, SK_INTENT_SKIP);
            drain(&g);
        }
        CHECK(seen >= 6 && texts_checked == seen, "phases drawn: %d", seen);
        rig_close(&g);
    }
}

int main(void)
{
    check_path(assets, sizeof assets, "assets");
    if (TTF_Init() != 0) {
        fprintf(stderr, "TTF_Init: %s\n", TTF_GetError());
        return 1;
    }
    test_steady_state();
    test_cross_fade();
    test_rotation();
    test_layout_handed_in();
    test_all_screens();
    TTF_Quit();
    SDL_Quit();
    return CHECK_DONE();
}
