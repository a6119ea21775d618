/* Golden images of the baked art: a few key frames of the three stretches,
 * drawn now, against PNGs in tests/golden/sprites that a person has looked
 * at and approved. A change to the drawing code or to a pose file that
 * moves the figure fails here; to accept a deliberate change, look at the
 * new frames (written to <build>/golden-out/) and re-run with
 * SK_UPDATE_GOLDEN=1 to overwrite the goldens.
 *
 * Tolerance: each channel (premultiplied by alpha, as the pixel would look
 * on any background) may differ by at most 3 levels, on at most 2% of the
 * pixels. The drawing is pure double-precision arithmetic, so the only
 * honest source of difference is libm and the CPU (sin, cos, sqrt and exp
 * may round their last bit differently in another C library or on arm64);
 * that moves an anti-aliased edge pixel's coverage across an 8-bit
 * rounding step: 1 level, rarely 2, on edge pixels only. A real change of
 * the art moves an edge by a pixel or more and changes the pixels along it
 * by tens of levels, far outside the tolerance. */
#include "bake.h"
#include "image_png.h"
#include "pose.h"
#include "raster.h"
#include "check.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define TOL_LEVELS 3
#define TOL_FRACTION 0.02

static const struct { const char *id, *clip; int frame; } goldens[] = {
    {"basic", "setup", 0},      /* lying, knees bent, feet flat */
    {"basic", "setup", 25},     /* the painful leg crossed, relaxed */
    {"advanced", "setup", 25},  /* the other knee drawn to the chest */
    {"ball", "hold", 0},        /* on the ball, circling */
};

static int clip_index(const sk_pose_file *pf, const char *name)
{
    for (int i = 0; i < pf->clip_count; i++)
        if (strcmp(pf->clips[i].name, name) == 0)
            return i;
    return -1;
}

static void one(const char *id, const char *clip, int frame, bool update)
{
    static sk_pose_file pf;
    char rel[256], path[1024], err[SK_PNG_ERR_SIZE];
    snprintf(rel, sizeof rel, "assets/poses/%s.pose", id);
    if (!sk_pose_load(check_path(path, sizeof path, rel), &pf, err, sizeof err)) {
        CHECK(0, "%s", err);
        return;
    }
    int c = clip_index(&pf, clip);
    CHECK(c >= 0 && frame < pf.clips[c].frames, "%s has no %s frame %d", id, clip, frame);
    if (c < 0 || frame >= pf.clips[c].frames)
        return;
    sk_skeleton s;
    sk_pose_solve_clip(&pf, c, sk_bake_frame_time(&pf, c, frame), &s);
    sk_canvas cv;
    CHECK(sk_canvas_init(&cv, pf.frame_w, pf.frame_h), "memory");
    sk_bake_draw(&pf, &s, &cv);
    size_t n = (size_t)pf.frame_w * (size_t)pf.frame_h * 4;
    uint8_t *px = malloc(n);
    sk_canvas_to_rgba8(&cv, px, (size_t)pf.frame_w * 4);
    sk_canvas_free(&cv);

    snprintf(rel, sizeof rel, "tests/golden/sprites/%s-%s-%02d.png", id, clip, frame);
    check_path(path, sizeof path, rel);
    if (update) {
        CHECK(sk_png_write_rgba(path, pf.frame_w, pf.frame_h, px, (size_t)pf.frame_w * 4, err, sizeof err),
              "%s", err);
        printf("wrote %s\n", path);
        free(px);
        return;
    }
    sk_image g = {0};
    bool loaded = sk_png_read_rgba(path, NULL, &g, err, sizeof err);
    CHECK(loaded, "%s", err);
    if (loaded) {
        CHECK(g.width == pf.frame_w && g.height == pf.frame_h, "%s is %dx%d", path, g.width, g.height);
        size_t differ = 0, over = 0;
        int worst = 0;
        if (g.width == pf.frame_w && g.height == pf.frame_h)
            worst = sk_rgba_compare(px, g.rgba, n / 4, TOL_LEVELS, &over, &differ);
        size_t pixels = n / 4;
        bool ok = worst <= TOL_LEVELS && differ <= (size_t)(pixels * TOL_FRACTION);
        CHECK(ok, "%s: %zu of %zu pixels differ, worst by %d levels (allowed %d levels on %.0f%%)", rel,
              differ, pixels, worst, TOL_LEVELS, TOL_FRACTION * 100);
        printf("%s: %zu pixels differ, worst %d\n", rel, differ, worst);
        const char *bin = getenv("SK_BINARY_DIR");
        if (!ok && bin) {
            /* leave the new frame in the build tree where a person can look at it */
            char out[1024];
            snprintf(out, sizeof out, "%s/golden-out", bin);
            if (mkdir(out, 0777) != 0 && errno != EEXIST)
                fprintf(stderr, "%s: %s\n", out, strerror(errno));
            snprintf(out, sizeof out, "%s/golden-out/%s-%s-%02d.png", bin, id, clip, frame);
            if (sk_png_write_rgba(out, pf.frame_w, pf.frame_h, px, (size_t)pf.frame_w * 4, err, sizeof err))
                fprintf(stderr, "the frame as drawn now: %s\n", out);
        }
    }
    sk_image_free(&g);
    free(px);
}

int main(void)
{
    const char *u = getenv("SK_UPDATE_GOLDEN");
    bool update = u && strcmp(u, "1") == 0;
    for (size_t i = 0; i < sizeof goldens / sizeof goldens[0]; i++)
        one(goldens[i].id, goldens[i].clip, goldens[i].frame, update);
    return CHECK_DONE();
}
