/* Only the sprite sheets on show and next stay resident (lazy_sprites,
 * sk_scene_preload): through the loop's three exercises the scene holds
 * at most two sheets, frees the one left behind, loads the next in idle
 * moments, and draws each exercise exactly as a scene that loaded every
 * sheet at once (SDL's software renderer on surfaces, no video driver). */
#include <SDL.h>
#include <SDL_ttf.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "content.h"
#include "scene.h"

#define W 480
#define H 270

static char assets[4096];

typedef struct screen {
    SDL_Surface *surf;
    SDL_Renderer *r;
    sk_scene *sc;
} screen;

static bool screen_open(screen *s, const sk_routine *rt, bool lazy)
{
    memset(s, 0, sizeof *s);
    s->surf = SDL_CreateRGBSurfaceWithFormat(0, W, H, 32, SDL_PIXELFORMAT_RGBA32);
    s->r = s->surf ? SDL_CreateSoftwareRenderer(s->surf) : NULL;
    sk_scene_opts o = {.assets_dir = assets, .lazy_sprites = lazy};
    s->sc = s->r ? sk_scene_create(s->r, rt, &o) : NULL;
    return s->sc != NULL;
}

static void screen_close(screen *s)
{
    sk_scene_destroy(s->sc);
    if (s->r) SDL_DestroyRenderer(s->r);
    if (s->surf) SDL_FreeSurface(s->surf);
}

static void draw(screen *s, const sk_tl_view *v)
{
    sk_scene_draw(s->sc, v, W, H);
    SDL_RenderFlush(s->r);
}

static bool same(const screen *a, const screen *b)
{
    for (int y = 0; y < H; y++)
        if (memcmp((const Uint8 *)a->surf->pixels + y * a->surf->pitch,
                   (const Uint8 *)b->surf->pixels + y * b->surf->pitch, (size_t)W * 4))
            return false;
    return true;
}

static int sheets_held(const screen *s)
{
    sk_scene_tex_stats t;
    sk_scene_texture_stats(s->sc, &t);
    return t.sprite_textures;
}

int main(void)
{
    check_path(assets, sizeof assets, "assets");
    if (TTF_Init() != 0) {
        fprintf(stderr, "TTF_Init: %s\n", TTF_GetError());
        return 1;
    }
    sk_content c;
    sk_timeline_opts opts = {.walkaway_ms = 3600 * 1000};
    CHECK(sk_content_load(&c, NULL, assets, &opts, stderr), "content");
    int n = c.routine->exercise_count;
    CHECK(n >= 3, "the built-in routine has %d exercises (three make a sheet go)", n);
    screen lazy, all;
    CHECK(screen_open(&lazy, c.routine, true) && screen_open(&all, c.routine, false), "screens: %s",
          SDL_GetError());
    CHECK_INT(sheets_held(&all), n);   /* the reference: every sheet at once */
    CHECK_INT(sheets_held(&lazy), 0);

    int seen = 0, last_ex = -1, most = 0;
    bool drew_same = true;
    sk_event ev;
    /* The loop, 250 ms at a time, until the third exercise has shown. */
    for (int t = 0; t < 60 * 60 * 4 && seen < 3; t++) {
        sk_timeline_step(c.timeline, 250);
        while (sk_timeline_poll(c.timeline, &ev)) {}
        sk_tl_view v;
        sk_timeline_view(c.timeline, &v);
        int ex = v.phase ? v.phase->exercise : -1;
        draw(&lazy, &v);
        draw(&all, &v);
        if (!same(&lazy, &all)) drew_same = false;
        /* Idle moments: a few calls (during a cross-fade the next waits). */
        for (int k = 0; k < 4 && sk_scene_preload(lazy.sc); k++) {}
        int held = sheets_held(&lazy);
        if (held > most) most = held;
        if (ex >= 0 && ex != last_ex) {
            seen++;
            last_ex = ex;
        }
    }
    CHECK(seen >= 3, "the loop showed %d exercises", seen);
    CHECK(drew_same, "a frame of the lazy scene differed from the one holding every sheet");
    CHECK(most <= 2, "held %d sheets at once (on show and next only)", most);
    CHECK(most == 2, "the next exercise's sheet was loaded ahead (held at most %d)", most);
    CHECK(sk_scene_sheets_dropped(lazy.sc) >= 1, "a sheet left behind was freed (%d)",
          sk_scene_sheets_dropped(lazy.sc));
    CHECK_INT(sk_scene_sheets_dropped(all.sc), 0);   /* not lazy: nothing freed */
    screen_close(&lazy);
    screen_close(&all);
    sk_content_free(&c);
    TTF_Quit();
    SDL_Quit();
    return CHECK_DONE();
}
