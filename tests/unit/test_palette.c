/* Palette: every text/background pair the scene uses is >= 4.5:1 (WCAG AA),
 * phases are told apart, and the contrast maths matches WCAG's figures. */
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "palette.h"

static void test_contrast_maths(void)
{
    sk_rgb black = {0, 0, 0}, white = {255, 255, 255}, grey = {0x77, 0x77, 0x77};
    CHECK(fabs(sk_contrast_ratio(black, white) - 21.0) < 1e-9, "black/white 21:1");
    CHECK(fabs(sk_contrast_ratio(white, white) - 1.0) < 1e-9, "same colour 1:1");
    /* #777 on white is the well-known 4.48:1 that just fails AA. */
    double g = sk_contrast_ratio(grey, white);
    CHECK(g > 4.47 && g < 4.49, "#777 on white %.3f", g);
    CHECK(fabs(sk_contrast_ratio(grey, white) - sk_contrast_ratio(white, grey)) < 1e-12, "symmetric");
    sk_rgb mid = sk_rgb_mix(black, white, 0.5);
    CHECK(mid.r == 128 && mid.g == 128 && mid.b == 128, "mix");
}

static void test_pairs(void)
{
    int n;
    const sk_text_pair *p = sk_palette_text_pairs(&n);
    CHECK(n >= 10, "pairs listed: %d", n);
    for (int i = 0; i < n; i++) {
        double c = sk_contrast_ratio(p[i].fg, p[i].bg);
        printf("  %-26s %5.2f:1\n", p[i].what, c);
        CHECK(c >= 4.5, "%s only %.2f:1", p[i].what, c);
    }
    /* Every accent is listed on the background. */
    for (int a = 0; a < SK_ACC_COUNT; a++) {
        bool found = false;
        sk_rgb ac = sk_palette_accent((sk_accent)a), bg = sk_palette(SK_COL_BG);
        for (int i = 0; i < n; i++)
            if (!memcmp(&p[i].fg, &ac, sizeof ac) && !memcmp(&p[i].bg, &bg, sizeof bg)) found = true;
        CHECK(found, "accent %s not checked on the background", sk_accent_name((sk_accent)a));
    }
}

static void test_phases_distinct(void)
{
    /* Phase colours differ visibly from each other (as a second cue: the
     * word is the first), and the track is not mistaken for progress. */
    for (int a = 0; a < SK_ACC_COUNT; a++)
        for (int b = a + 1; b < SK_ACC_COUNT; b++) {
            sk_rgb x = sk_palette_accent((sk_accent)a), y = sk_palette_accent((sk_accent)b);
            int d = abs(x.r - y.r) + abs(x.g - y.g) + abs(x.b - y.b);
            CHECK(d >= 40, "%s and %s too alike (%d)", sk_accent_name((sk_accent)a),
                  sk_accent_name((sk_accent)b), d);
        }
    /* A ring's track must show against the background, the fill against
     * the track (graphics: WCAG 1.4.11 asks 3:1 for the fill). */
    sk_rgb bg = sk_palette(SK_COL_BG), track = sk_palette(SK_COL_TRACK);
    CHECK(sk_contrast_ratio(track, bg) >= 1.3, "track invisible: %.2f", sk_contrast_ratio(track, bg));
    for (int a = 0; a < SK_ACC_COUNT; a++)
        CHECK(sk_contrast_ratio(sk_palette_accent((sk_accent)a), track) >= 3.0, "%s on track %.2f",
              sk_accent_name((sk_accent)a), sk_contrast_ratio(sk_palette_accent((sk_accent)a), track));
}

int main(void)
{
    test_contrast_maths();
    test_pairs();
    test_phases_distinct();
    return CHECK_DONE();
}
