/* Sprite upload and drawing on SDL's software renderer over a surface (no
 * video driver): texture splitting under a forced small limit, every frame
 * drawn from the right place, aspect ratio, mirroring, the placeholder and
 * the texture memory count. Uses tests/data/sprites/good.ini (8x8 frames,
 * frame f painted R = 20f + 10, B = 50 on its left half, 200 on its right). */
#include "sprite_gfx.h"
#include "check.h"

#include <dirent.h>
#include <string.h>

#include "sprite_clock.h"

enum { SW = 200, SH = 100 };

static SDL_Surface *surf;
static SDL_Renderer *ren;

static sk_sprite_sheet *load_good(void)
{
    char path[1200];
    check_path(path, sizeof path, "tests/data/sprites/good.ini");
    sk_diag d;
    sk_diag_init(&d);
    sk_sprite_sheet *s = sk_sprite_sheet_load(path, &d);
    CHECK(s != NULL, "good.ini");
    if (!s)
        sk_diag_print(&d, stderr);
    sk_diag_free(&d);
    return s;
}

static void clear(void)
{
    SDL_SetRenderDrawColor(ren, 0, 0, 0, 255);
    SDL_RenderClear(ren);
}

static void pixel(int x, int y, uint8_t out[4])
{
    SDL_Rect one = {x, y, 1, 1};
    uint32_t v = 0;
    SDL_RenderReadPixels(ren, &one, SDL_PIXELFORMAT_RGBA32, &v, 4);
    memcpy(out, &v, 4);
}

/* Draws every frame, 'mirrored' or not, into a 40x40 box and checks the
 * middle of its left and right quarters. */
static int wrong_frames(const sk_sprite_gfx *g, bool mirrored)
{
    int wrong = 0;
    SDL_Rect dst = {10, 10, 40, 40};
    for (int f = 0; f < 10; f++) {
        clear();
        if (!sk_sprite_gfx_draw(g, f, mirrored, &dst)) {
            wrong++;
            continue;
        }
        uint8_t l[4], r[4];
        pixel(10 + 8, 30, l);
        pixel(10 + 32, 30, r);
        int want_r = 20 * f + 10;
        int want_l_b = mirrored ? 200 : 50, want_r_b = mirrored ? 50 : 200;
        if (abs(l[0] - want_r) > 2 || abs(r[0] - want_r) > 2 || abs(l[2] - want_l_b) > 2 ||
            abs(r[2] - want_r_b) > 2) {
            fprintf(stderr, "frame %d%s: left %d,%d,%d right %d,%d,%d\n", f,
                    mirrored ? " mirrored" : "", l[0], l[1], l[2], r[0], r[1], r[2]);
            wrong++;
        }
    }
    return wrong;
}

static void test_upload_and_draw(int max_side, int want_textures, int want_largest_w,
                                 int want_largest_h, size_t want_bytes)
{
    sk_sprite_sheet *s = load_good();
    if (!s)
        return;
    char err[256];
    sk_sprite_gfx *g = sk_sprite_gfx_create(ren, s, max_side, err, sizeof err);
    CHECK(g != NULL, "max %d: %s", max_side, err);
    CHECK(s->pixels[0].rgba == NULL && s->pixels[1].rgba == NULL, "pixels freed after upload");
    if (g) {
        sk_sprite_gfx_stats st;
        sk_sprite_gfx_get_stats(g, &st);
        CHECK(st.textures == want_textures, "max %d: %d textures", max_side, st.textures);
        CHECK(st.largest_w == want_largest_w && st.largest_h == want_largest_h,
              "max %d: largest %dx%d", max_side, st.largest_w, st.largest_h);
        CHECK(st.texture_bytes == want_bytes, "max %d: %zu bytes", max_side, st.texture_bytes);
        CHECK(st.largest_w <= (max_side ? max_side : 2048) &&
                  st.largest_h <= (max_side ? max_side : 2048), "within the limit");
        CHECK_INT(wrong_frames(g, false), 0);
        CHECK_INT(wrong_frames(g, true), 0);
        CHECK(!sk_sprite_gfx_draw(g, 10, false, &(SDL_Rect){0, 0, 10, 10}), "frame 10");
        CHECK(!sk_sprite_gfx_draw(g, -1, false, &(SDL_Rect){0, 0, 10, 10}), "frame -1");
    }
    sk_sprite_gfx_destroy(g);
    sk_sprite_sheet_free(s);
}

static void test_aspect(void)
{
    sk_sprite_sheet *s = load_good();
    if (!s)
        return;
    sk_sprite_gfx *g = sk_sprite_gfx_create(ren, s, 0, NULL, 0);
    CHECK(g != NULL, "upload");
    if (g) {
        /* An 80x40 box: the square frame is 40x40, centred at x 70..110. */
        SDL_Rect dst = {50, 20, 80, 40};
        SDL_FRect fit = sk_sprite_gfx_fit(g, &dst);
        CHECK(fit.x == 70 && fit.y == 20 && fit.w == 40 && fit.h == 40, "fit %g,%g %gx%g", fit.x,
              fit.y, fit.w, fit.h);
        clear();
        CHECK(sk_sprite_gfx_draw(g, 3, false, &dst), "draw");
        uint8_t in[4], left[4], right[4], above[4];
        pixel(90, 40, in);
        pixel(60, 40, left);      /* in dst, outside the frame */
        pixel(120, 40, right);
        pixel(90, 10, above);     /* outside dst */
        CHECK(abs(in[0] - 70) <= 2 && in[3] == 255, "inside: %d", in[0]);
        CHECK(left[0] == 0 && right[0] == 0 && above[0] == 0, "outside the frame stays clear");
    }
    sk_sprite_gfx_destroy(g);
    sk_sprite_sheet_free(s);
}

static void test_failures(void)
{
    sk_sprite_sheet *s = load_good();
    if (!s)
        return;
    char err[256];
    /* A texture limit smaller than a frame. */
    sk_sprite_gfx *g = sk_sprite_gfx_create(ren, s, 7, err, sizeof err);
    CHECK(g == NULL, "frame larger than the limit");
    CHECK(strstr(err, "good.ini: a 8x8 frame does not fit a texture of at most 7 px") != NULL,
          "%s", err);
    CHECK(s->pixels[0].rgba == NULL, "pixels freed on failure too");
    /* Nothing decoded. */
    g = sk_sprite_gfx_create(ren, s, 0, err, sizeof err);
    CHECK(g == NULL && strstr(err, "no decoded pixels") != NULL, "%s", err);
    CHECK(sk_sprite_gfx_create(ren, NULL, 0, err, sizeof err) == NULL, "NULL sheet");
    sk_sprite_sheet_free(s);
    sk_sprite_gfx_destroy(NULL);
    CHECK(!sk_sprite_gfx_draw(NULL, 0, false, &(SDL_Rect){0, 0, 10, 10}), "NULL gfx");
}

static void test_placeholder(void)
{
    clear();
    SDL_Rect dst = {40, 10, 120, 80};
    SDL_Color panel = {230, 236, 240, 255}, ink = {60, 90, 110, 255};
    CHECK(sk_sprite_gfx_draw_placeholder(ren, &dst, panel, ink), "placeholder");
    int in_panel = 0, inked = 0, outside = 0;
    for (int y = 0; y < SH; y++)
        for (int x = 0; x < SW; x++) {
            uint8_t p[4];
            pixel(x, y, p);
            bool inside = x >= dst.x && x < dst.x + dst.w && y >= dst.y && y < dst.y + dst.h;
            if (!inside)
                outside += p[0] != 0 || p[1] != 0 || p[2] != 0;
            else if (p[0] == 230 && p[1] == 236)
                in_panel++;
            else if (p[0] == 60 && p[1] == 90)
                inked++;
        }
    CHECK_INT(outside, 0);
    CHECK(in_panel > dst.w * dst.h * 8 / 10, "panel covers %d px", in_panel);
    CHECK(inked > 100, "figure drawn with %d px", inked);
    /* rounded: the very corner of dst is not panel */
    uint8_t c[4];
    pixel(dst.x, dst.y, c);
    CHECK(c[0] == 0, "corner is rounded");
    if (getenv("SK_SAVE_PLACEHOLDER")) {
        SDL_SaveBMP(surf, getenv("SK_SAVE_PLACEHOLDER"));
    }
}

static void test_log_total(void)
{
    sk_sprite_sheet *a = load_good(), *b = load_good();
    sk_sprite_gfx *g[3] = {NULL, NULL, NULL};
    if (a)
        g[0] = sk_sprite_gfx_create(ren, a, 0, NULL, 0);
    if (b)
        g[2] = sk_sprite_gfx_create(ren, b, 16, NULL, 0);
    char buf[512] = "";
    FILE *f = fmemopen(buf, sizeof buf, "w");
    size_t total = sk_sprite_gfx_log_total(g, 3, f);
    if (f)
        fclose(f);
    CHECK(total == 3072 + 2816, "total %zu", total);
    CHECK(strstr(buf, "sprites: 2 sheets, 6 textures, 0.0 MB of 24.0 MB (largest 24x16)") != NULL,
          "%s", buf);
    CHECK(strstr(buf, "warning") == NULL, "no warning");
    for (int i = 0; i < 3; i++)
        sk_sprite_gfx_destroy(g[i]);
    sk_sprite_sheet_free(a);
    sk_sprite_sheet_free(b);
}

/* The built-in sheets (every .ini in assets/sprites): each loads, every clip's
 * frames can be drawn, no texture is over 2048 px and together they fit
 * the 24 MB texture budget. */
static void test_builtin_sheets(void)
{
    char dir[1024];
    check_path(dir, sizeof dir, "assets/sprites");
    DIR *dp = opendir(dir);
    CHECK(dp != NULL, "no %s", dir);
    if (!dp)
        return;
    sk_sprite_gfx *g[8] = {NULL};
    int n = 0;
    struct dirent *e;
    while ((e = readdir(dp)) != NULL && n < 8) {
        size_t len = strlen(e->d_name);
        if (len < 5 || strcmp(e->d_name + len - 4, ".ini") != 0)
            continue;
        char path[1400];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        sk_diag d;
        sk_diag_init(&d);
        sk_sprite_sheet *s = sk_sprite_sheet_load(path, &d);
        CHECK(s != NULL && d.warnings == 0, "%s", path);
        sk_diag_print(&d, stderr);
        sk_diag_free(&d);
        if (!s)
            continue;
        char err[256];
        g[n] = sk_sprite_gfx_create(ren, s, 0, err, sizeof err);
        CHECK(g[n] != NULL, "%s", err);
        if (g[n]) {
            sk_sprite_gfx_stats st;
            sk_sprite_gfx_get_stats(g[n], &st);
            CHECK(st.largest_w <= SK_SPRITE_MAX_TEXTURE && st.largest_h <= SK_SPRITE_MAX_TEXTURE,
                  "%s: %dx%d texture", path, st.largest_w, st.largest_h);
            /* Every phase, both legs, a minute in 250 ms steps: drawable. */
            const sk_phase_kind kinds[] = {SK_PH_INTRO, SK_PH_GET_READY, SK_PH_HOLD, SK_PH_REST,
                                           SK_PH_SWITCH};
            int bad = 0;
            SDL_Rect dst = {0, 0, SW, SH};
            for (int k = 0; k < 5; k++)
                for (int leg = SK_LEG_PAINFUL; leg <= SK_LEG_OTHER; leg++)
                    for (int64_t t = 0; t < 60000; t += 250) {
                        sk_sprite_pick p = sk_sprite_clock_pick(s, kinds[k], t, (sk_leg)leg);
                        bad += p.frame < 0 || !sk_sprite_gfx_draw(g[n], p.frame, p.mirrored, &dst);
                    }
            CHECK(bad == 0, "%s: %d picks not drawable", path, bad);
            n++;
        }
        sk_sprite_sheet_free(s);
    }
    closedir(dp);
    CHECK(n >= 3, "only %d built-in sheets", n);
    size_t total = sk_sprite_gfx_log_total(g, n, stdout);
    CHECK(total <= SK_SPRITE_TEXTURE_BUDGET, "built-in sheets take %zu bytes of textures", total);
    for (int i = 0; i < n; i++)
        sk_sprite_gfx_destroy(g[i]);
}

int main(void)
{
    surf = SDL_CreateRGBSurfaceWithFormat(0, SW, SH, 32, SDL_PIXELFORMAT_RGBA32);
    ren = surf ? SDL_CreateSoftwareRenderer(surf) : NULL;
    CHECK(ren != NULL, "software renderer: %s", SDL_GetError());
    if (!ren)
        return CHECK_DONE();
    /* Default limit: one texture per image, each 24x16. */
    test_upload_and_draw(0, 2, 24, 16, 2 * 24 * 16 * 4);
    /* 16 px: image 0 -> 16x16 + 8x16; image 1 -> 16x16 (frames 6, 7, 9)
     * + 8x8 (frame 8 alone; the cell below it is unused). */
    test_upload_and_draw(16, 4, 16, 16, (16 * 16 + 8 * 16 + 16 * 16 + 8 * 8) * 4);
    /* 8 px: one texture per frame. */
    test_upload_and_draw(8, 10, 8, 8, 10 * 8 * 8 * 4);
    test_aspect();
    test_failures();
    test_placeholder();
    test_log_total();
    test_builtin_sheets();
    SDL_DestroyRenderer(ren);
    SDL_FreeSurface(surf);
    SDL_Quit();
    return CHECK_DONE();
}
