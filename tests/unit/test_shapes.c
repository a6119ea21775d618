/* The rings drawn for real, through SDL's software renderer on a surface (no
 * video driver): coloured inside the band, untouched outside, a smooth
 * ramp at the edge, the drained part where it belongs. */
#include <SDL.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

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

/* An opaque rounded box on the software renderer is a rectangle filled
 * whole plus its frame of triangles (shapes.c opaque_inside); one a shade
 * short of opaque is all blended triangles. At fractional places and
 * sizes the two must cover the same pixels: every pixel within one shade,
 * so no hole, seam or stray pixel in either. Also drawn clipped to parts
 * of it, as a canvas redraws: the same pixels inside each clip. */
static void test_opaque_box(void)
{
    static Uint8 solid[W * H * 4], shade[W * H * 4];
    const SDL_Color c = {200, 120, 40, 255}, c254 = {200, 120, 40, 254};
    int worst = 0, bad = 0, boxes = 0;
    for (int k = 0; k < 24; k++) {
        SDL_FRect b = {13.3f + k * 1.37f, 20.6f + k * 0.71f, 240.2f + k * 2.9f, 150.45f + k * 3.3f};
        float radius = 4.0f + k * 1.9f;
        for (int pass = 0; pass < 2; pass++) {
            clear();
            sk_shape_rrect(ren, b, radius, 0, pass ? c254 : c, 255);
            SDL_RenderFlush(ren);
            memcpy(pass ? shade : solid, surf->pixels, sizeof solid);
        }
        boxes++;
        for (int i = 0; i < W * H * 4; i++) {
            int d = abs((int)solid[i] - (int)shade[i]);
            if (d > worst) worst = d;
            if (d > 2) bad++;
        }
        /* Inside, well away from the edge: the colour itself. */
        const Uint8 *in = solid + ((int)(b.y + b.h / 2) * W + (int)(b.x + b.w / 2)) * 4;
        CHECK(in[0] == 200 && in[1] == 120 && in[2] == 40, "box %d: inside is %d %d %d", k, in[0],
              in[1], in[2]);
        /* Clipped to a few parts, as a canvas redraws: the same pixels there. */
        const SDL_Rect clips[3] = {{(int)b.x - 2, (int)b.y - 2, 30, 30},
                                   {(int)(b.x + b.w / 2) - 7, (int)b.y + 5, 40, 90},
                                   {(int)(b.x + b.w) - 20, (int)(b.y + b.h) - 25, 31, 33}};
        for (int j = 0; j < 3; j++) {
            clear();
            SDL_RenderSetClipRect(ren, &clips[j]);
            sk_shape_rrect(ren, b, radius, 0, c, 255);
            SDL_RenderSetClipRect(ren, NULL);
            SDL_RenderFlush(ren);
            const Uint8 *p = surf->pixels;
            int off = 0;
            for (int y = clips[j].y; y < clips[j].y + clips[j].h; y++)
                for (int x = clips[j].x; x < clips[j].x + clips[j].w; x++)
                    if (x >= 0 && y >= 0 && x < W && y < H &&
                        memcmp(p + (y * W + x) * 4, solid + (y * W + x) * 4, 4))
                        off++;
            CHECK(off == 0, "box %d, clip %d: %d pixel(s) differ from the box drawn whole", k, j, off);
        }
    }
    printf("opaque boxes: %d, the most a channel differs from a shade short of opaque: %d\n",
           boxes, worst);
    CHECK(bad == 0, "%d channel value(s) differ by more than 2 (a hole or a seam)", bad);
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
    test_opaque_box();
    SDL_DestroyRenderer(ren);
    SDL_FreeSurface(surf);
    return CHECK_DONE();
}
