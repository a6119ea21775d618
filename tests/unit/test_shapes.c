/* The rings drawn for real, through SDL's software renderer on a surface (no
 * video driver): coloured inside the band, untouched outside, a smooth
 * ramp at the edge, the drained part where it belongs. */
#include <SDL.h>
#include <math.h>

#include "check.h"
#include "shapes.h"

#define W 400
#define H 400
#define PI 3.14159265358979

static SDL_Surface *surf;
static SDL_Renderer *ren;
static const SDL_Color WHITE = {255, 255, 255, 255};
static const SDL_Color TRACK = {0, 0, 255, 255};   /* blue: tells track from fill */

static void clear(void)
{
    SDL_SetRenderDrawBlendMode(ren, SDL_BLENDMODE_NONE);
    SDL_SetRenderDrawColor(ren, 0, 0, 0, 255);
    SDL_RenderClear(ren);
}

static SDL_Color px(int x, int y)
{
    SDL_RenderFlush(ren);
    Uint8 *p = (Uint8 *)surf->pixels + y * surf->pitch + x * 4;
    SDL_Color c = {p[0], p[1], p[2], p[3]};   /* RGBA32: bytes in that order */
    return c;
}

/* Point on a circle, angle clockwise from 12 o'clock. */
static void at(double cx, double cy, double r, double ang, int *x, int *y)
{
    *x = (int)lround(cx + r * sin(ang));
    *y = (int)lround(cy - r * cos(ang));
}

static void test_full_ring(void)
{
    clear();
    sk_shape_hold(ren, 200, 200, 100, 20, 1.0, TRACK, WHITE, 255);
    /* In the band, all round: white. */
    for (int k = 0; k < 16; k++) {
        int x, y;
        at(200, 200, 100, k * PI / 8, &x, &y);
        SDL_Color c = px(x, y);
        CHECK(c.r == 255 && c.g == 255 && c.b == 255, "band at %d/16: %d %d %d", k, c.r, c.g, c.b);
        at(200, 200, 100 + 16, k * PI / 8, &x, &y);
        c = px(x, y);
        CHECK(c.r == 0 && c.g == 0 && c.b == 0, "outside at %d/16: %d %d %d", k, c.r, c.g, c.b);
        at(200, 200, 100 - 16, k * PI / 8, &x, &y);
        c = px(x, y);
        CHECK(c.r == 0 && c.g == 0 && c.b == 0, "hole at %d/16: %d %d %d", k, c.r, c.g, c.b);
    }
    SDL_Color c = px(200, 200);
    CHECK(c.r == 0, "centre untouched");
    /* The edge: walking outwards along a row across the outer edge (at
     * x = 310 nominal), values fall without a jump from 255 to 0: at least
     * one pixel in between, and never rising. */
    int prev = 256, mids = 0;
    for (int x = 300; x <= 320; x++) {
        int v = px(x, 200).g;
        CHECK(v <= prev, "edge rises at x=%d (%d after %d)", x, v, prev);
        if (v > 0 && v < 255) mids++;
        prev = v;
    }
    CHECK(mids >= 1, "no soft pixel on the edge");
    /* The same on a diagonal, where a hard edge would show its stairs:
     * partial pixels appear along the rim. */
    int soft = 0;
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++) {
            int v = px(x, y).g;
            if (v > 0 && v < 255) soft++;
        }
    CHECK(soft > 600, "soft rim pixels: %d", soft);
}

static void test_draining(void)
{
    clear();
    /* A quarter left: the fill runs from 9 o'clock to 12 o'clock, the rest
     * is track. */
    sk_shape_hold(ren, 200, 200, 100, 20, 0.25, TRACK, WHITE, 255);
    int x, y;
    at(200, 200, 100, 2 * PI * 0.875, &x, &y);   /* upper left */
    SDL_Color c = px(x, y);
    CHECK(c.r == 255 && c.b == 255, "remaining part white: %d %d %d", c.r, c.g, c.b);
    at(200, 200, 100, 2 * PI * 0.375, &x, &y);   /* lower right */
    c = px(x, y);
    CHECK(c.r == 0 && c.b == 255, "emptied part shows the track: %d %d %d", c.r, c.g, c.b);
    /* The round cap reaches a little past the fill's start angle (9 o'clock):
     * half the thickness along the tangent. */
    c = px(200 - 100 + 0, 200 + 5);
    CHECK(c.r > 200, "cap past 9 o'clock: %d", c.r);
    c = px(200 - 100, 200 + 16);
    CHECK(c.r == 0, "not beyond the cap: %d", c.r);
}

static void test_count_ring(void)
{
    clear();
    /* 5 dashes, with gaps at 0, 72, 144... degrees; 60 % to go: dashes 0
     * and 1 emptied (track), 2-4 full. */
    sk_shape_count(ren, 200, 200, 100, 16, 5, 0.6, TRACK, WHITE, 255);
    for (int i = 0; i < 5; i++) {
        int x, y;
        at(200, 200, 100, i * 2 * PI / 5, &x, &y);
        SDL_Color c = px(x, y);
        CHECK(c.r == 0 && c.b == 0, "gap %d is empty: %d %d %d", i, c.r, c.g, c.b);
        at(200, 200, 100, (i + 0.5) * 2 * PI / 5, &x, &y);
        c = px(x, y);
        if (i < 2) CHECK(c.r == 0 && c.b == 255, "dash %d emptied: %d %d %d", i, c.r, c.g, c.b);
        else CHECK(c.r == 255, "dash %d full: %d %d %d", i, c.r, c.g, c.b);
    }
}

static void test_markers(void)
{
    clear();
    SDL_Rect box = {20, 20, 300, 40};
    int used = sk_shape_reps(ren, box, 2, 4, WHITE, WHITE, 255);
    CHECK(used > 0 && used <= 300, "width %d", used);
    /* dots of diameter 0.62*40 = 24.8, pitch 38.4, first centre at 33.4 */
    double d = 40 * 0.62, pitch = d * 1.55;
    for (int i = 0; i < 4; i++) {
        int cx = (int)lround(20 + d / 2 + i * pitch + 1), cy = 40;
        SDL_Color c = px(cx, cy);
        if (i < 2) CHECK(c.r == 255, "dot %d solid: %d", i, c.r);
        else CHECK(c.r == 0, "dot %d hollow: %d", i, c.r);
        c = px(cx + (int)(d / 2) - 2, cy);
        CHECK(c.r > 128, "dot %d rim: %d", i, c.r);
    }
    clear();
    SDL_Color hollow = {0, 255, 0, 255};
    sk_shape_legs(ren, (SDL_FRect){113, 100, 74, 100}, false, WHITE, hollow, 255);
    /* legs 29.6 px wide, 14.8 apart: left leg x 113..142.6, right 157.4..187 */
    SDL_Color l = px(128, 150), rr = px(172, 150);
    CHECK(l.r == 255 && l.g == 255, "left leg solid: %d %d", l.r, l.g);
    CHECK(rr.r == 0 && rr.g == 0, "right leg hollow inside: %d %d", rr.r, rr.g);
    CHECK(px(158, 150).g > 100, "right leg outline: %d", px(158, 150).g);
    clear();
    sk_shape_legs(ren, (SDL_FRect){113, 100, 74, 100}, true, WHITE, hollow, 255);
    CHECK(px(172, 150).r == 255 && px(128, 150).r == 0, "mirrored");

    clear();
    SDL_Rect bar = {20, 300, 360, 12};
    sk_shape_bar(ren, bar, 0.5, TRACK, WHITE, 255);
    CHECK(px(100, 306).r == 255, "bar done part");
    CHECK(px(300, 306).r == 0 && px(300, 306).b == 255, "bar track part");
    CHECK(px(200, 290).b == 0, "nothing above the bar");
}

static void test_alpha(void)
{
    clear();
    sk_shape_hold(ren, 200, 200, 100, 20, 1.0, TRACK, WHITE, 128);
    int x, y;
    at(200, 200, 100, 1.0, &x, &y);
    SDL_Color c = px(x, y);
    CHECK(c.r > 110 && c.r < 150, "half alpha gives half grey over black: %d", c.r);
}

int main(void)
{
    surf = SDL_CreateRGBSurfaceWithFormat(0, W, H, 32, SDL_PIXELFORMAT_RGBA32);
    ren = surf ? SDL_CreateSoftwareRenderer(surf) : NULL;
    if (!ren) {
        fprintf(stderr, "software renderer: %s\n", SDL_GetError());
        return 1;
    }
    test_full_ring();
    test_draining();
    test_count_ring();
    test_markers();
    test_alpha();
    SDL_DestroyRenderer(ren);
    SDL_FreeSurface(surf);
    return CHECK_DONE();
}
