/* The sprite baker: pose files parse (and bad ones fail at the right line),
 * every baked frame of the three stretches keeps the body in proportion,
 * in the human joint range and in contact with the mat, the rasteriser's
 * coverage is right, the bake is deterministic, the sheets fit the texture
 * budget, and the descriptors it writes are ones the kiosk's reader
 * accepts with the clips where the baker put them. */
#include "bake.h"
#include "pose.h"
#include "raster.h"
#include "sprite_sheet.h"
#include "check.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *const ids[] = {"basic", "advanced", "ball"};

static bool load(const char *id, sk_pose_file *pf)
{
    char rel[128], path[1024], err[512];
    snprintf(rel, sizeof rel, "assets/poses/%s.pose", id);
    if (!sk_pose_load(check_path(path, sizeof path, rel), pf, err, sizeof err)) {
        fprintf(stderr, "%s\n", err);
        return false;
    }
    return true;
}

static double dist(sk_vec3 a, sk_vec3 b)
{
    return sqrt((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y) + (a.z - b.z) * (a.z - b.z));
}

static void test_parse_errors(void)
{
    static sk_pose_file pf;
    char err[512];
    const char *ok = "sheet t\nclip setup 4 no\nkey a 0 linear\nkey b 1 inout\n  near_leg angles 80 0 0 90 10\n";
    CHECK(sk_pose_parse(ok, "t.pose", &pf, err, sizeof err), "%s", err);
    CHECK_INT(pf.key_count, 2);
    CHECK_INT(pf.clips[0].frames, 4);

    const char *bad_word = "sheet t\nclip setup 4 no\nkey a 0 linear\n  nekc 10\nkey b 1 inout\n";
    CHECK(!sk_pose_parse(bad_word, "t.pose", &pf, err, sizeof err), "accepted nekc");
    CHECK(strstr(err, "t.pose:4:") && strstr(err, "nekc"), "%s", err);

    /* a knee bent past 140 degrees is not a human pose: the key's line */
    const char *knee = "sheet t\nclip setup 4 no\nkey a 0 linear\nkey b 1 inout\n  near_leg angles 80 0 0 150 10\n";
    CHECK(!sk_pose_parse(knee, "t.pose", &pf, err, sizeof err), "accepted a 150 degree knee");
    CHECK(strstr(err, "t.pose:4:") && strstr(err, "knee flexion"), "%s", err);

    const char *hip = "sheet t\nclip setup 4 no\nkey a 0 linear\nkey b 1 inout\n  far_leg angles 130 0 0 90 10\n";
    CHECK(!sk_pose_parse(hip, "t.pose", &pf, err, sizeof err), "accepted a 130 degree hip");
    CHECK(strstr(err, "hip flexion"), "%s", err);

    const char *ease = "sheet t\nclip setup 4 no\nkey a 0 linear\nkey b 1 bouncy\n";
    CHECK(!sk_pose_parse(ease, "t.pose", &pf, err, sizeof err), "accepted ease bouncy");
    CHECK(strstr(err, "t.pose:4:") && strstr(err, "bouncy"), "%s", err);

    const char *one_key = "sheet t\nclip setup 4 no\nkey a 0 linear\n";
    CHECK(!sk_pose_parse(one_key, "t.pose", &pf, err, sizeof err), "accepted a one-key clip");

    const char *zero = "sheet t\nclip setup 4 no\nkey a 0 linear\nkey b 0 linear\n";
    CHECK(!sk_pose_parse(zero, "t.pose", &pf, err, sizeof err), "accepted a zero-length key");
    CHECK(strstr(err, "t.pose:4:"), "%s", err);

    CHECK(!sk_pose_parse("clip setup 4 no\nkey a 0 linear\nkey b 1 linear\n", "t.pose", &pf, err, sizeof err),
          "accepted a file without a sheet line");

    /* the sheet's own settings fail at their line too, and leave nothing half-set */
    CHECK(!sk_pose_parse("sheet t\nscale 5\n", "t.pose", &pf, err, sizeof err), "accepted scale 5");
    CHECK(strstr(err, "t.pose:2:") && strstr(err, "scale must be"), "%s", err);
    CHECK(!sk_pose_parse("sheet t\n\ncamera 10\n", "t.pose", &pf, err, sizeof err), "accepted a camera without pitch");
    CHECK(strstr(err, "t.pose:3:") && strstr(err, "camera needs"), "%s", err);
    CHECK(!sk_pose_parse("sheet t\norder body legs\n", "t.pose", &pf, err, sizeof err), "accepted group legs");
    CHECK(strstr(err, "t.pose:2:") && strstr(err, "\"legs\""), "%s", err);
}

/* Junk in, an error out: never a crash (ASan watches). */
static void test_parse_junk(void)
{
    static sk_pose_file pf;
    static const char *const words[] = {"sheet", "clip", "key", "pelvis", "near_leg", "far_arm", "angles",
                                        "plant", "cross", "grab", "far_thigh", "ball", "circle", "0", "1.5",
                                        "-40", "999", "nan", "inout", "yes", "\n", "\n", "#", "x"};
    unsigned seed = 12345;
    int accepted = 0;
    for (int round = 0; round < 3000; round++) {
        char text[600];
        size_t len = 0;
        int n = 1 + (int)((seed = seed * 1103515245u + 12345u) >> 16) % 60;
        for (int i = 0; i < n; i++) {
            const char *w = words[((seed = seed * 1103515245u + 12345u) >> 16) % (sizeof words / sizeof *words)];
            int k = snprintf(text + len, sizeof text - len, "%s ", w);
            if (k < 0 || (size_t)k >= sizeof text - len)
                break;
            len += (size_t)k;
        }
        char err[256];
        if (sk_pose_parse(text, "junk.pose", &pf, err, sizeof err))
            accepted++;
        else
            CHECK(strncmp(err, "junk.pose", 9) == 0, "error without the file name: %s", err);
    }
    CHECK(accepted < 3000, "junk accepted every time");
}

static void test_ease(void)
{
    sk_ease all[] = {SK_EASE_LINEAR, SK_EASE_IN, SK_EASE_OUT, SK_EASE_INOUT};
    for (int i = 0; i < 4; i++) {
        CHECK(fabs(sk_ease_apply(all[i], 0)) < 1e-12, "ease %d at 0", i);
        CHECK(fabs(sk_ease_apply(all[i], 1) - 1) < 1e-12, "ease %d at 1", i);
        double prev = 0;
        for (int k = 1; k <= 100; k++) {
            double v = sk_ease_apply(all[i], k / 100.0);
            CHECK(v >= prev - 1e-12, "ease %d goes backwards at %d", i, k);
            prev = v;
        }
    }
    /* in-out is slow at both ends: no jerk when a move starts or stops */
    CHECK(sk_ease_apply(SK_EASE_INOUT, 0.05) < 0.01, "inout starts slowly");
}

/* Every frame of every clip: segments keep their lengths, the shoulders
 * and (unless lifted) the pelvis lie on the mat, a planted heel stays put. */
static void test_body(const char *id)
{
    static sk_pose_file pf;
    if (!load(id, &pf)) {
        CHECK(0, "%s.pose did not load", id);
        return;
    }
    for (int c = 0; c < pf.clip_count; c++) {
        for (int i = 0; i < pf.clips[c].frames; i++) {
            double t = sk_bake_frame_time(&pf, c, i);
            sk_skeleton s;
            sk_pose_solve_clip(&pf, c, t, &s);
            char why[160];
            CHECK(sk_skeleton_in_range(&s, why, sizeof why), "%s %s %d: %s", id, pf.clips[c].name, i, why);
            for (int side = 0; side < 2; side++) {
                CHECK(fabs(dist(s.hip[side], s.knee[side]) - SK_SEG_THIGH) < 1e-6, "%s %s %d thigh", id,
                      pf.clips[c].name, i);
                CHECK(fabs(dist(s.knee[side], s.ankle[side]) - SK_SEG_SHANK) < 1e-6, "%s %s %d shank", id,
                      pf.clips[c].name, i);
                CHECK(fabs(dist(s.shoulder[side], s.elbow[side]) - SK_SEG_UPPER_ARM) < 1e-6, "%s upper arm", id);
                CHECK(fabs(dist(s.elbow[side], s.wrist[side]) - SK_SEG_FOREARM) < 1e-6, "%s forearm", id);
                /* nothing goes through the mat: heel ball r 0.022, toe r 0.013 */
                CHECK(s.heel[side].y >= 0.022 - 1e-6 && s.toe[side].y >= 0.013 - 1e-6, "%s %s %d foot below the mat",
                      id, pf.clips[c].name, i);
            }
            /* the shoulders stay on the mat */
            CHECK(fabs((s.shoulder[0].y + s.shoulder[1].y) / 2 - 0.052) < 1e-9, "%s shoulders lifted", id);
            /* the pelvis never sinks into the mat */
            CHECK(s.pelvis.y - s.pelvis_r > -1e-9, "%s %s %d pelvis below the mat", id, pf.clips[c].name, i);
        }
    }
}

/* The largest distance any joint moves between two skeletons. */
static double max_move(const sk_skeleton *a, const sk_skeleton *b)
{
    double m = dist(a->pelvis, b->pelvis);
    for (int s = 0; s < 2; s++) {
        const sk_vec3 *pa[] = {&a->knee[s], &a->ankle[s], &a->toe[s], &a->elbow[s], &a->wrist[s], &a->hand[s]};
        const sk_vec3 *pb[] = {&b->knee[s], &b->ankle[s], &b->toe[s], &b->elbow[s], &b->wrist[s], &b->hand[s]};
        for (int i = 0; i < 6; i++) {
            double d = dist(*pa[i], *pb[i]);
            if (d > m)
                m = d;
        }
    }
    return m;
}

/* Smooth motion: no joint jumps more than 0.06 H (about 15 px) from one
 * frame to the next, the hold starts where the setup ends, and a looping
 * hold's last frame leads into its first. */
static void test_smooth(const char *id)
{
    static sk_pose_file pf;
    if (!load(id, &pf))
        return;
    for (int c = 0; c < pf.clip_count; c++) {
        sk_skeleton prev, cur;
        sk_pose_solve_clip(&pf, c, 0, &prev);
        for (int i = 1; i <= pf.clips[c].frames; i++) {
            bool wrap = i == pf.clips[c].frames;
            if (wrap && pf.clips[c].loop != SK_PLOOP_YES)
                break;
            sk_pose_solve_clip(&pf, c, wrap ? 0 : sk_bake_frame_time(&pf, c, i), &cur);
            double m = max_move(&prev, &cur);
            CHECK(m < 0.06, "%s %s frame %d: a joint jumps %.3f H", id, pf.clips[c].name, i, m);
            prev = cur;
        }
        if (c > 0) {
            sk_skeleton end;
            sk_pose_solve_clip(&pf, c - 1, sk_pose_clip_duration(&pf, c - 1), &end);
            sk_pose_solve_clip(&pf, c, 0, &cur);
            CHECK(max_move(&end, &cur) < 1e-6, "%s: %s does not start where %s ends (%.3f H)", id,
                  pf.clips[c].name, pf.clips[c - 1].name, max_move(&end, &cur));
        }
    }
}

/* The basic stretch: the uninvolved (far) leg's heel is planted the whole
 * time, and once crossed the near ankle rests just above the far knee. */
static void test_basic_contact(void)
{
    static sk_pose_file pf;
    if (!load("basic", &pf))
        return;
    sk_skeleton first, s;
    sk_pose_solve_clip(&pf, 0, 0, &first);
    CHECK(fabs(first.pelvis.y - first.pelvis_r) < 1e-9, "the pelvis rests on the mat at the start");
    for (int c = 0; c < pf.clip_count; c++) {
        for (int i = 0; i < pf.clips[c].frames; i++) {
            sk_pose_solve_clip(&pf, c, sk_bake_frame_time(&pf, c, i), &s);
            CHECK(dist(s.heel[SK_FAR], first.heel[SK_FAR]) < 1e-6, "far heel slid in %s %d", pf.clips[c].name, i);
        }
    }
    sk_pose_solve_clip(&pf, 0, sk_pose_clip_duration(&pf, 0), &s);
    double d = dist(s.ankle[SK_NEAR], s.knee[SK_FAR]);
    CHECK(d < 0.09, "crossed ankle %.3f H from the other knee", d);
    CHECK(s.ankle[SK_NEAR].y > s.knee[SK_FAR].y - 0.02, "the ankle rests on top of the knee");
    /* the knee is bent (the leg is crossed, not straight) */
    CHECK(s.knee_flex[SK_NEAR] > 90, "crossed knee flexion %.0f", s.knee_flex[SK_NEAR]);
}

/* The advanced stretch: the far knee comes towards the chest and the
 * crossed ankle comes with it. */
static void test_advanced_pull(void)
{
    static sk_pose_file pf;
    if (!load("advanced", &pf))
        return;
    sk_skeleton a, b;
    sk_pose_solve_clip(&pf, 0, 0, &a);
    sk_pose_solve_clip(&pf, 0, sk_pose_clip_duration(&pf, 0), &b);
    CHECK(b.hip_flex[SK_FAR] > a.hip_flex[SK_FAR] + 30, "far hip %.0f -> %.0f", a.hip_flex[SK_FAR],
          b.hip_flex[SK_FAR]);
    CHECK(b.knee[SK_FAR].x < a.knee[SK_FAR].x, "the far knee moves towards the chest");
    CHECK(dist(b.ankle[SK_NEAR], b.knee[SK_FAR]) < 0.09, "the crossed ankle came along");
    /* the hands are on the underside of the far thigh */
    for (int side = 0; side < 2; side++) {
        sk_vec3 h = b.hip[SK_FAR], k = b.knee[SK_FAR], w = b.wrist[side];
        double t = ((w.x - h.x) * (k.x - h.x) + (w.y - h.y) * (k.y - h.y)) /
                   ((k.x - h.x) * (k.x - h.x) + (k.y - h.y) * (k.y - h.y));
        CHECK(t > 0.4 && t < 1.0, "hand %d at %.2f along the thigh", side, t);
    }
}

/* The ball stretch: the near buttock sits on the ball, lifted by the
 * ball's drawn diameter (a 6.3 cm ball drawn 1.4 times its size), through
 * the whole circling hold, and the circle is big enough to see. */
static void test_ball_lift(void)
{
    static sk_pose_file pf;
    if (!load("ball", &pf))
        return;
    int hold = 1;
    CHECK_STR(pf.clips[hold].name, "hold");
    for (int i = 0; i < pf.clips[hold].frames; i++) {
        sk_skeleton s;
        sk_pose_solve_clip(&pf, hold, sk_bake_frame_time(&pf, hold, i), &s);
        CHECK(s.ball_on, "no ball in hold frame %d", i);
        /* the arrow round the ball says "circles" in a still frame too */
        CHECK(s.circle_arrow > 0.99, "hold frame %d: circling arrow at %.2f", i, s.circle_arrow);
        /* the bottom of the near half of the pelvis (centre offset 0.04 H
         * sideways, rolled) against the ball's top */
        double bottom = s.pelvis.y + sin(s.roll) * 0.040 - s.pelvis_r;
        double top = s.ball.y + SK_BALL_DIAMETER / 2;
        CHECK(fabs(bottom - top) < 0.006, "frame %d: buttock at %.3f, ball top %.3f", i, bottom, top);
        CHECK(fabs(s.ball.y - SK_BALL_DIAMETER / 2) < 1e-9, "the ball lies on the mat");
    }
    CHECK(SK_BALL_DIAMETER >= SK_BALL_TRUE_DIAMETER && SK_BALL_DIAMETER <= 1.5 * SK_BALL_TRUE_DIAMETER,
          "the ball is drawn %.3f H, a lacrosse ball is %.3f H", SK_BALL_DIAMETER, SK_BALL_TRUE_DIAMETER);
    {
        double x0 = 1, x1 = -1;
        for (int i = 0; i < pf.clips[hold].frames; i++) {
            sk_skeleton s;
            sk_pose_solve_clip(&pf, hold, sk_bake_frame_time(&pf, hold, i), &s);
            x0 = fmin(x0, s.pelvis.x);
            x1 = fmax(x1, s.pelvis.x);
        }
        CHECK(x1 - x0 > 0.06, "the pelvis circles only %.3f H back and forth", x1 - x0);
    }
    /* a loop: its last frame leads back into its first */
    sk_skeleton a, b;
    sk_pose_solve_clip(&pf, hold, 0, &a);
    sk_pose_solve_clip(&pf, hold, sk_pose_clip_duration(&pf, hold), &b);
    CHECK(dist(a.pelvis, b.pelvis) < 1e-9, "the circle closes");
}

static void test_raster(void)
{
    sk_mask m;
    CHECK(sk_mask_init(&m, 64, 64), "mask");
    sk_mask_round_cone(&m, 32, 32, 10, 32, 32, 10, 0, 1);
    double sum = 0;
    for (int i = 0; i < 64 * 64; i++)
        sum += m.a[i];
    CHECK(fabs(sum - M_PI * 100) < M_PI * 100 * 0.01, "disc area %.1f, want %.1f", sum, M_PI * 100);
    /* a capsule: a rectangle and two half discs */
    sk_mask_clear(&m);
    sk_mask_round_cone(&m, 16, 32, 5, 48, 32, 5, 0, 1);
    sum = 0;
    for (int i = 0; i < 64 * 64; i++)
        sum += m.a[i];
    double want = 32 * 10 + M_PI * 25;
    CHECK(fabs(sum - want) < want * 0.01, "capsule area %.1f, want %.1f", sum, want);
    /* the distance function: inside negative, on the edge zero */
    CHECK(fabs(sk_sd_round_cone(32, 22, 32, 32, 10, 60, 32, 4)) < 1e-9, "edge of the big disc");
    CHECK(sk_sd_round_cone(40, 32, 32, 32, 10, 60, 32, 4) < 0, "inside");
    CHECK(fabs(sk_sd_round_cone(66, 32, 32, 32, 10, 60, 32, 4) - 2) < 1e-9, "beyond the small end");
    sk_mask_free(&m);

    /* colour bleed: transparent pixels beside a shape carry its colour, so
     * linear filtering of straight alpha does not darken the edge */
    sk_canvas cv;
    CHECK(sk_canvas_init(&cv, 32, 32), "canvas");
    CHECK(sk_mask_init(&m, 32, 32), "mask");
    sk_mask_round_cone(&m, 16, 16, 6, 16, 16, 6, 0, 1);
    sk_canvas_fill(&cv, &m, sk_rgb_hex(0xE6D9C4), 1.0);
    uint8_t px[32 * 32 * 4];
    sk_canvas_to_rgba8(&cv, px, 32 * 4);
    const uint8_t *edge = &px[(16 * 32 + 22) * 4];  /* just outside the disc */
    CHECK(edge[3] == 0 && edge[0] == 0xE6 && edge[1] == 0xD9 && edge[2] == 0xC4, "edge %d %d %d %d", edge[0],
          edge[1], edge[2], edge[3]);
    CHECK(px[3] == 0 && px[0] == 0, "far from the shape stays empty");
    sk_canvas_free(&cv);
    sk_mask_free(&m);

    /* comparing as composited: invisible colour does not count */
    const uint8_t a[8] = {0, 0, 0, 0, 200, 100, 50, 255};
    const uint8_t b[8] = {230, 40, 10, 1, 201, 100, 50, 255};
    const uint8_t c[8] = {0, 0, 0, 0, 100, 100, 50, 255};
    size_t over = 9, differ = 9;
    CHECK_INT(sk_rgba_compare(a, b, 2, 2, &over, &differ), 1);
    CHECK(over == 0 && differ == 2, "over %zu differ %zu", over, differ);
    CHECK_INT(sk_rgba_compare(a, c, 2, 2, &over, &differ), 100);
    CHECK(over == 1 && differ == 1, "over %zu differ %zu", over, differ);
}

static void test_sheets(void)
{
    long long bytes = 0;
    for (int k = 0; k < 3; k++) {
        static sk_pose_file pf;
        if (!load(ids[k], &pf)) {
            CHECK(0, "%s.pose", ids[k]);
            continue;
        }
        sk_baked_sheet a, b;
        char err[512];
        CHECK(sk_bake_sheet(&pf, &a, err, sizeof err), "%s", err);
        CHECK(a.width <= 2048 && a.height <= 2048, "%s is %dx%d", ids[k], a.width, a.height);
        bytes += (long long)a.width * a.height * 4;
        if (k == 0) {
            /* the same pose file gives the same bytes */
            CHECK(sk_bake_sheet(&pf, &b, err, sizeof err), "%s", err);
            CHECK(memcmp(a.rgba, b.rgba, (size_t)a.width * a.height * 4) == 0, "two bakes differ");
            sk_baked_sheet_free(&b);
        }
        /* transparent background, and nothing cut off: the outermost
         * rows and columns of every frame are empty */
        for (int f = 0; f < a.frames; f++) {
            int x0 = (f % pf.columns) * pf.frame_w, y0 = (f / pf.columns) * pf.frame_h;
            int touching = 0;
            for (int y = 0; y < pf.frame_h; y++) {
                for (int x = 0; x < pf.frame_w; x++) {
                    if (y != 0 && y != pf.frame_h - 1 && x != 0 && x != pf.frame_w - 1)
                        continue;
                    if (a.rgba[((size_t)(y0 + y) * a.width + (size_t)(x0 + x)) * 4 + 3] != 0)
                        touching++;
                }
            }
            CHECK(touching == 0, "%s frame %d: %d pixels on the frame's edge", ids[k], f, touching);
            /* legible from across a room: in every frame the painful leg
             * shows a good patch of its own coral and the other leg of its
             * darker teal (a leg hidden behind the body, or drawn in the
             * wrong colour, fails here) */
            int pain = 0, other = 0;
            for (int y = 0; y < pf.frame_h; y++) {
                for (int x = 0; x < pf.frame_w; x++) {
                    const uint8_t *p = &a.rgba[((size_t)(y0 + y) * a.width + (size_t)(x0 + x)) * 4];
                    uint32_t rgb = (uint32_t)p[0] << 16 | (uint32_t)p[1] << 8 | p[2];
                    if (p[3] == 255 && rgb == SK_BAKE_COL_PAINFUL_LEG)
                        pain++;
                    if (p[3] == 255 && rgb == SK_BAKE_COL_OTHER_LEG)
                        other++;
                }
            }
            CHECK(pain > 1500, "%s frame %d: only %d px of the painful leg's coral", ids[k], f, pain);
            CHECK(other > 800, "%s frame %d: only %d px of the other leg", ids[k], f, other);
        }
        /* the figure fills the frame (0.9 H of lying body across 320 px)
         * and the ball is big enough to see: at least 14 px across */
        CHECK(pf.scale >= 290, "%s: %.0f px per body height, the figure is small", ids[k], pf.scale);
        CHECK(SK_BALL_DIAMETER * pf.scale >= 14, "%s: the ball is %.1f px", ids[k], SK_BALL_DIAMETER * pf.scale);
        /* the descriptor reads back with the kiosk's own reader */
        char name[64], path[1024];
        snprintf(name, sizeof name, "%s.png", ids[k]);
        char *desc = sk_bake_descriptor(&pf, &a, name);
        CHECK(desc != NULL, "descriptor");
        snprintf(name, sizeof name, "assets/sprites/%s.ini", ids[k]);
        sk_diag d;
        sk_diag_init(&d);
        sk_sprite_sheet *s = desc ? sk_sprite_sheet_parse_text(desc, strlen(desc), check_path(path, sizeof path, name), &d)
                                  : NULL;
        CHECK(s != NULL && d.errors == 0 && d.warnings == 0, "%s descriptor rejected", ids[k]);
        sk_diag_print(&d, stderr);
        if (s) {
            CHECK_INT(s->frames, a.frames);
            CHECK_INT(s->frame_width, pf.frame_w);
            CHECK(s->other_leg == SK_OTHER_LEG_MIRROR, "other leg by mirroring");
            const sk_clip *setup = sk_sprite_sheet_clip(s, "setup");
            const sk_clip *hold = sk_sprite_sheet_clip(s, "hold");
            const sk_clip *release = sk_sprite_sheet_clip(s, "release");
            CHECK(setup && setup->first == 0 && setup->loop == SK_LOOP_NO, "%s setup", ids[k]);
            CHECK(hold && hold->last == a.frames - 1 && hold->loop != SK_LOOP_NO, "%s hold", ids[k]);
            CHECK(release && setup && release->first == setup->last && release->last == setup->first,
                  "%s release is setup backwards", ids[k]);
        }
        sk_sprite_sheet_free(s);
        sk_diag_free(&d);
        free(desc);
        sk_baked_sheet_free(&a);
    }
    CHECK(bytes <= 24000000, "all sheets take %lld bytes as RGBA8 textures, over 24 MB", bytes);
    /* the committed sheets load in the kiosk, pixels and all */
    for (int k = 0; k < 3; k++) {
        char rel[128], path[1024];
        snprintf(rel, sizeof rel, "assets/sprites/%s.ini", ids[k]);
        sk_diag d;
        sk_diag_init(&d);
        sk_sprite_sheet *s = sk_sprite_sheet_load(check_path(path, sizeof path, rel), &d);
        CHECK(s != NULL && d.errors == 0 && d.warnings == 0, "%s does not load", rel);
        sk_diag_print(&d, stderr);
        if (s)
            CHECK_INT(s->frames, 36);
        sk_sprite_sheet_free(s);
        sk_diag_free(&d);
    }
    printf("sheets: %lld bytes as RGBA8 textures\n", bytes);
}

int main(void)
{
    test_parse_errors();
    test_parse_junk();
    test_ease();
    for (int k = 0; k < 3; k++) {
        test_body(ids[k]);
        test_smooth(ids[k]);
    }
    test_basic_contact();
    test_advanced_pull();
    test_ball_lift();
    test_raster();
    test_sheets();
    return CHECK_DONE();
}
