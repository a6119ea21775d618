/* The animation clock: clip playback by elapsed time, phase -> clip, legs,
 * and exactness at 30/50/60/144 Hz and over a simulated week. */
#include "sprite_clock.h"
#include "check.h"

#include <string.h>

static sk_sprite_sheet *sheet(const char *extra, sk_diag *d)
{
    char text[2048];
    snprintf(text, sizeof text,
             "[sheet]\nimages = a.png\nframe_width = 8\nframe_height = 8\ncolumns = 8\n"
             "frames = 40\nfps = 10\n%s"
             "[clip.setup]\nfirst = 0\nlast = 23\n"
             "[clip.hold]\nfirst = 24\nlast = 39\nloop = pingpong\nfps = 5\n", extra);
    sk_sprite_sheet *s = sk_sprite_sheet_parse_text(text, strlen(text), "clock.ini", d);
    CHECK(s != NULL, "test sheet");
    if (!s)
        sk_diag_print(d, stderr);
    return s;
}

static void test_clip_math(void)
{
    sk_clip c = {.first = 10, .last = 13, .loop = SK_LOOP_NO, .fps = 10};
    /* once: 100 ms a frame, then stays on the last */
    CHECK_INT(sk_clip_frame_at(&c, -5), 10);
    CHECK_INT(sk_clip_frame_at(&c, 0), 10);
    CHECK_INT(sk_clip_frame_at(&c, 99), 10);
    CHECK_INT(sk_clip_frame_at(&c, 100), 11);
    CHECK_INT(sk_clip_frame_at(&c, 399), 13);
    CHECK_INT(sk_clip_frame_at(&c, 1000000), 13);
    c.loop = SK_LOOP_YES;
    CHECK_INT(sk_clip_frame_at(&c, 399), 13);
    CHECK_INT(sk_clip_frame_at(&c, 400), 10);
    CHECK_INT(sk_clip_frame_at(&c, 1100), 13);
    c.loop = SK_LOOP_PINGPONG;   /* 10 11 12 13 12 11 | 10 11 ... */
    int want[] = {10, 11, 12, 13, 12, 11, 10, 11, 12, 13, 12};
    for (int i = 0; i < 11; i++)
        CHECK(sk_clip_frame_at(&c, i * 100 + 50) == want[i], "pingpong step %d: %d", i,
              sk_clip_frame_at(&c, i * 100 + 50));
    /* backwards (reverse_of) */
    sk_clip r = {.first = 3, .last = 0, .loop = SK_LOOP_NO, .fps = 4};
    CHECK_INT(sk_clip_frame_at(&r, 0), 3);
    CHECK_INT(sk_clip_frame_at(&r, 250), 2);
    CHECK_INT(sk_clip_frame_at(&r, 10000), 0);
    r.loop = SK_LOOP_PINGPONG;
    CHECK_INT(sk_clip_frame_at(&r, 750), 0);
    CHECK_INT(sk_clip_frame_at(&r, 1000), 1);
    /* one frame, any mode */
    sk_clip one = {.first = 5, .last = 5, .loop = SK_LOOP_PINGPONG, .fps = 60};
    CHECK_INT(sk_clip_frame_at(&one, 123456789), 5);
    /* absurd elapsed values do not overflow */
    c.loop = SK_LOOP_YES;
    int f = sk_clip_frame_at(&c, INT64_MAX);
    CHECK(f >= 10 && f <= 13, "INT64_MAX gave %d", f);
    CHECK_INT(sk_clip_frame_at(NULL, 0), -1);
}

static void test_phases(void)
{
    sk_diag d;
    sk_diag_init(&d);
    sk_sprite_sheet *s = sheet("", &d);
    if (!s) {
        sk_diag_free(&d);
        return;
    }
    sk_sprite_pick p;
    /* intro and get-ready: setup once, then its last frame */
    p = sk_sprite_clock_pick(s, SK_PH_INTRO, 0, SK_LEG_PAINFUL);
    CHECK(p.frame == 0 && !p.mirrored && p.clip && strcmp(p.clip->name, "setup") == 0, "intro 0");
    p = sk_sprite_clock_pick(s, SK_PH_GET_READY, 1250, SK_LEG_PAINFUL);
    CHECK_INT(p.frame, 12);
    p = sk_sprite_clock_pick(s, SK_PH_INTRO, 60000, SK_LEG_PAINFUL);
    CHECK_INT(p.frame, 23);
    /* hold: pingpong 24..39 at 5 fps (200 ms a frame, period 30 steps) */
    p = sk_sprite_clock_pick(s, SK_PH_HOLD, 0, SK_LEG_PAINFUL);
    CHECK(p.frame == 24 && strcmp(p.clip->name, "hold") == 0, "hold 0");
    CHECK_INT(sk_sprite_clock_pick(s, SK_PH_HOLD, 15 * 200, SK_LEG_PAINFUL).frame, 39);
    CHECK_INT(sk_sprite_clock_pick(s, SK_PH_HOLD, 16 * 200, SK_LEG_PAINFUL).frame, 38);
    CHECK_INT(sk_sprite_clock_pick(s, SK_PH_HOLD, 30 * 200, SK_LEG_PAINFUL).frame, 24);
    CHECK_INT(sk_sprite_clock_pick(s, SK_PH_HOLD, 30 * 200 - 1, SK_LEG_PAINFUL).frame, 25);
    /* rest without a release clip: hold's first frame; switch: setup's */
    CHECK_INT(sk_sprite_clock_pick(s, SK_PH_REST, 777, SK_LEG_PAINFUL).frame, 24);
    CHECK_INT(sk_sprite_clock_pick(s, SK_PH_SWITCH, 777, SK_LEG_PAINFUL).frame, 0);
    CHECK_INT(sk_sprite_clock_pick(s, SK_PH_CARD, 777, SK_LEG_PAINFUL).frame, 0);
    /* the other leg mirrors the same frame */
    p = sk_sprite_clock_pick(s, SK_PH_HOLD, 16 * 200, SK_LEG_OTHER);
    CHECK(p.frame == 38 && p.mirrored, "other leg mirrored");
    p = sk_sprite_clock_pick(s, SK_PH_HOLD, 16 * 200, SK_LEG_NONE);
    CHECK(!p.mirrored, "no leg: not mirrored");
    sk_sprite_sheet_free(s);

    /* With a release clip (setup reversed, set to loop: still plays once). */
    s = sheet("[clip.release]\nreverse_of = setup\nloop = yes\nfps = 20\n", &d);
    if (s) {
        CHECK_INT(sk_sprite_clock_pick(s, SK_PH_REST, 0, SK_LEG_PAINFUL).frame, 23);
        CHECK_INT(sk_sprite_clock_pick(s, SK_PH_REST, 100, SK_LEG_PAINFUL).frame, 21);
        CHECK_INT(sk_sprite_clock_pick(s, SK_PH_REST, 100000, SK_LEG_PAINFUL).frame, 0);
        CHECK_INT(sk_sprite_clock_pick(s, SK_PH_SWITCH, 100000, SK_LEG_OTHER).frame, 0);
    }
    sk_sprite_sheet_free(s);

    /* other_leg = frames: the .other clips, not mirrored. */
    s = sheet("other_leg = frames\n[clip.setup.other]\nfirst = 1\nlast = 23\n"
              "[clip.hold.other]\nfirst = 30\nlast = 31\nloop = yes\nfps = 1\n", &d);
    if (s) {
        p = sk_sprite_clock_pick(s, SK_PH_HOLD, 1500, SK_LEG_OTHER);
        CHECK(p.frame == 31 && !p.mirrored && strcmp(p.clip->name, "hold.other") == 0,
              "hold.other: frame %d", p.frame);
        p = sk_sprite_clock_pick(s, SK_PH_HOLD, 1500, SK_LEG_PAINFUL);
        CHECK(p.frame == 31 && !p.mirrored, "painful leg keeps hold: %d", p.frame);
    }
    CHECK_INT(d.errors, 0);
    sk_sprite_sheet_free(s);
    CHECK_INT(sk_sprite_clock_pick(NULL, SK_PH_HOLD, 0, SK_LEG_PAINFUL).frame, -1);
    sk_diag_free(&d);
}

/* A display at 'hz' shows frame n at t = n * 1000 / hz ms (integer, as the
 * frame loop computes it from SDL_GetTicks64). Over a 30 s hold every
 * animation frame must appear, in order, for the right number of display
 * frames: the choice at each instant equals the closed form. */
static void test_display_rates(void)
{
    sk_diag d;
    sk_diag_init(&d);
    sk_sprite_sheet *s = sheet("", &d);
    const int rates[] = {30, 50, 60, 144};
    for (int r = 0; s && r < 4; r++) {
        int hz = rates[r];
        int changes = 0, bad = 0, prev = -1;
        for (int64_t n = 0; n * 1000 / hz < 30000; n++) {
            int64_t t = n * 1000 / hz;
            int f = sk_sprite_clock_pick(s, SK_PH_HOLD, t, SK_LEG_PAINFUL).frame;
            int64_t step = t * 5 / 1000, m = step % 30;
            int want = 24 + (int)(m < 16 ? m : 30 - m);
            bad += f != want;
            if (f != prev) {
                /* pingpong moves one frame at a time, never skips */
                if (prev >= 0 && f != prev + 1 && f != prev - 1)
                    bad++;
                changes++;
                prev = f;
            }
        }
        CHECK(bad == 0, "%d Hz: %d wrong frames", hz, bad);
        /* 30 s at 5 fps = 150 animation frames, so 150 changes (first included) */
        CHECK(changes == 150, "%d Hz: %d frame changes", hz, changes);
    }
    sk_sprite_sheet_free(s);
    sk_diag_free(&d);
}

/* A week in one hold phase (as a kiosk whose timeline got stuck would
 * show), and a week of elapsed times in general: the frame at t and at
 * t + k*period agree, so there is no drift. */
static void test_week(void)
{
    sk_diag d;
    sk_diag_init(&d);
    sk_sprite_sheet *s = sheet("", &d);
    if (s) {
        const int64_t week = 7LL * 24 * 3600 * 1000;
        const int64_t period = 30 * 200;   /* hold: 30 steps of 200 ms */
        int bad = 0;
        for (int64_t t = 0; t < 20000; t += 7) {
            int a = sk_sprite_clock_pick(s, SK_PH_HOLD, t, SK_LEG_PAINFUL).frame;
            int64_t later = t + (week / period) * period;
            int b = sk_sprite_clock_pick(s, SK_PH_HOLD, later, SK_LEG_PAINFUL).frame;
            bad += a != b;
        }
        CHECK_INT(bad, 0);
        /* Stepping frame by frame at 60 Hz for a week (36 million calls is
         * too slow for the suite: sample one display frame in 97). */
        int64_t frames_60 = week * 60 / 1000;
        int out_of_range = 0;
        for (int64_t n = 0; n < frames_60; n += 97) {
            int f = sk_sprite_clock_pick(s, SK_PH_HOLD, n * 1000 / 60, SK_LEG_PAINFUL).frame;
            out_of_range += f < 24 || f > 39;
        }
        CHECK_INT(out_of_range, 0);
        /* after a week, exactly: 604800000 ms -> step 3024000, m = 0 -> 24 */
        CHECK_INT(sk_sprite_clock_pick(s, SK_PH_HOLD, week, SK_LEG_PAINFUL).frame, 24);
        CHECK_INT(sk_sprite_clock_pick(s, SK_PH_HOLD, week + 15 * 200, SK_LEG_PAINFUL).frame, 39);
        CHECK_INT(sk_sprite_clock_pick(s, SK_PH_INTRO, week, SK_LEG_PAINFUL).frame, 23);
    }
    sk_sprite_sheet_free(s);
    sk_diag_free(&d);
}

int main(void)
{
    test_clip_math();
    test_phases();
    test_display_rates();
    test_week();
    return CHECK_DONE();
}
