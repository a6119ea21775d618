/* The first sprite sheet decoded on a thread (sheet_prefetch.h): handed
 * over once, only for its own path, exactly as sk_sprite_sheet_load would
 * give it (pixels, frames, and the same errors for a broken one); a sheet
 * nobody takes is freed (ASan's leak check); and a scene given the hook
 * takes its first sheet from it and draws the same picture. */
#include <SDL.h>
#include <SDL_ttf.h>
#include <string.h>

#include "check.h"
#include "content.h"
#include "scene.h"
#include "sheet_prefetch.h"

static char assets[4096];

static void same_as_load(const char *path)
{
    sk_diag d0, d1;
    sk_diag_init(&d0);
    sk_diag_init(&d1);
    sk_sprite_sheet *want = sk_sprite_sheet_load(path, &d0);
    sk_sheet_prefetch *p = sk_sheet_prefetch_start(path);
    CHECK(p != NULL, "a prefetch of %s", path);
    sk_sprite_sheet *got = (sk_sprite_sheet *)1;
    CHECK(!sk_sheet_prefetch_take(p, "another/path.ini", &got, &d1), "another path is not handed over");
    CHECK(got == (sk_sprite_sheet *)1, "and *out is left alone");
    CHECK(sk_sheet_prefetch_take(p, path, &got, &d1), "its own path is handed over");
    CHECK((want == NULL) == (got == NULL), "%s: loaded %p, prefetched %p", path, (void *)want, (void *)got);
    CHECK_INT(d1.errors, d0.errors);
    CHECK_INT(d1.count, d0.count);
    for (int i = 0; i < d0.count && i < d1.count; i++)
        CHECK_STR(d1.items[i].message, d0.items[i].message);
    if (want && got) {
        CHECK_INT(got->frames, want->frames);
        CHECK_INT(got->image_count, want->image_count);
        for (int i = 0; i < want->image_count; i++) {
            CHECK_INT(got->pixels[i].width, want->pixels[i].width);
            CHECK_INT(got->pixels[i].height, want->pixels[i].height);
            CHECK(got->pixels[i].rgba && !memcmp(got->pixels[i].rgba, want->pixels[i].rgba,
                                                 (size_t)want->pixels[i].width * want->pixels[i].height * 4),
                  "%s: image %d decoded the same", path, i);
        }
    }
    sk_sprite_sheet *again = NULL;
    CHECK(!sk_sheet_prefetch_take(p, path, &again, &d1), "handed over once only");
    sk_sheet_prefetch_free(p);
    sk_sprite_sheet_free(want);
    sk_sprite_sheet_free(got);
    sk_diag_free(&d0);
    sk_diag_free(&d1);
}

/* A hook that says every sheet failed: the still figure instead. */
static bool no_sheet(void *user, const char *path, sk_sprite_sheet **out, sk_diag *d)
{
    (void)user, (void)path, (void)d;
    *out = NULL;
    return true;
}

static bool draw_first(const sk_routine *rt, sk_timeline *tl, sk_sheet_prefetch *p, SDL_Surface **out)
{
    SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, 480, 270, 32, SDL_PIXELFORMAT_RGBA32);
    SDL_Renderer *r = surf ? SDL_CreateSoftwareRenderer(surf) : NULL;
    sk_scene_opts o = {.assets_dir = assets, .lazy_sprites = true};
    if (p == (sk_sheet_prefetch *)&no_sheet) {
        o.take_sheet = no_sheet;
    } else if (p) {
        o.take_sheet = sk_sheet_prefetch_hook;
        o.take_sheet_user = p;
    }
    sk_scene *sc = r ? sk_scene_create(r, rt, &o) : NULL;
    if (!sc) return false;
    sk_tl_view v;
    sk_timeline_view(tl, &v);
    sk_scene_draw(sc, &v, 480, 270);
    SDL_RenderFlush(r);
    sk_scene_destroy(sc);
    SDL_DestroyRenderer(r);
    *out = surf;
    return true;
}

int main(void)
{
    char path[4200];
    check_path(assets, sizeof assets, "assets");
    snprintf(path, sizeof path, "%s/sprites/basic.ini", assets);
    same_as_load(path);
    check_path(path, sizeof path, "tests/data/sprites/image-missing.ini");
    same_as_load(path);
    check_path(path, sizeof path, "tests/data/sprites/no-such-file.ini");
    same_as_load(path);
    CHECK(sk_sheet_prefetch_start(NULL) == NULL, "no path, no thread");
    CHECK(!sk_sheet_prefetch_take(NULL, path, &(sk_sprite_sheet *){NULL}, &(sk_diag){0}), "NULL takes nothing");
    sk_sheet_prefetch_free(NULL);
    sk_sheet_prefetch_done(NULL);

    /* Done before anyone took it: freed, and nothing handed over after. */
    snprintf(path, sizeof path, "%s/sprites/ball.ini", assets);
    sk_sheet_prefetch *p = sk_sheet_prefetch_start(path);
    sk_sheet_prefetch_done(p);
    sk_sprite_sheet *got = NULL;
    sk_diag d;
    sk_diag_init(&d);
    CHECK(!sk_sheet_prefetch_take(p, path, &got, &d), "nothing after done");
    sk_sheet_prefetch_free(p);

    /* A scene takes its first sheet from the prefetch and draws the same
     * frame as a scene that loaded it itself. */
    if (TTF_Init() != 0) {
        fprintf(stderr, "TTF_Init: %s\n", TTF_GetError());
        return 1;
    }
    sk_content c;
    CHECK(sk_content_load(&c, NULL, assets, &(sk_timeline_opts){.walkaway_ms = 3600 * 1000}, stderr),
          "content");
    const char *first = c.routine->exercises[0].sprite;
    CHECK(first != NULL, "the first exercise has a sheet");
    p = sk_sheet_prefetch_start(first);
    SDL_Surface *own = NULL, *fed = NULL, *still = NULL;
    sk_timeline_step(c.timeline, 1500);   /* the loop's first exercise, its sprite on show */
    CHECK(draw_first(c.routine, c.timeline, NULL, &own) && draw_first(c.routine, c.timeline, p, &fed),
          "two scenes drawn");
    CHECK(draw_first(c.routine, c.timeline, (sk_sheet_prefetch *)&no_sheet, &still), "a scene without sheets");
    CHECK(!sk_sheet_prefetch_take(p, first, &got, &d), "the scene took the prefetched sheet");
    if (own && fed) {
        bool same = true;
        for (int y = 0; y < own->h && same; y++)
            same = !memcmp((Uint8 *)own->pixels + y * own->pitch, (Uint8 *)fed->pixels + y * fed->pitch,
                           (size_t)own->w * 4);
        CHECK(same, "the frame with the prefetched sheet is the frame without");
    }
    if (own && still) {
        bool differ = false;
        for (int y = 0; y < own->h && !differ; y++)
            differ = memcmp((Uint8 *)own->pixels + y * own->pitch, (Uint8 *)still->pixels + y * still->pitch,
                            (size_t)own->w * 4) != 0;
        CHECK(differ, "the sprite is on screen at this moment (the frame differs from the still figure's)");
    }
    SDL_FreeSurface(still);
    SDL_FreeSurface(own);
    SDL_FreeSurface(fed);
    sk_sheet_prefetch_free(p);
    sk_content_free(&c);
    sk_diag_free(&d);
    TTF_Quit();
    SDL_Quit();
    return CHECK_DONE();
}
