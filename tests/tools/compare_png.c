/* compare_png: compares two PNG pictures for the golden-image tests.
 *
 *   compare_png ACTUAL GOLDEN [--tolerance N] [--max-bad PERCENT] [--diff OUT.png]
 *      same size, and at most PERCENT % of pixels differ by more than N (0..255)
 *      in any channel -> exit 0; else exit 1 with the figures.
 *   compare_png ACTUAL OTHER --differ PERCENT
 *      at least PERCENT % of pixels differ by more than N -> exit 0
 *      (e.g. a frame at a hold must not look like an empty frame).
 *
 * Why a tolerance at all: the frames come from SDL's software renderer and
 * FreeType, whose anti-aliasing may move by a level or two between library
 * versions or CPU architectures (the arm64 build), without anything a person
 * would see. A changed layout, colour or text moves whole glyphs and shapes
 * and lands far outside it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "image_png.h"

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: compare_png ACTUAL GOLDEN [--tolerance N] [--max-bad PERCENT] "
                        "[--differ PERCENT] [--diff OUT.png]\n");
        return 2;
    }
    int tol = 16;
    double max_bad = 0.5, differ = -1;
    const char *diff_out = NULL;
    for (int i = 3; i + 1 < argc; i += 2) {
        if (!strcmp(argv[i], "--tolerance")) tol = atoi(argv[i + 1]);
        else if (!strcmp(argv[i], "--max-bad")) max_bad = atof(argv[i + 1]);
        else if (!strcmp(argv[i], "--differ")) differ = atof(argv[i + 1]);
        else if (!strcmp(argv[i], "--diff")) diff_out = argv[i + 1];
        else {
            fprintf(stderr, "compare_png: unknown option %s\n", argv[i]);
            return 2;
        }
    }
    sk_image a = {0}, b = {0};
    char err[SK_PNG_ERR_SIZE];
    if (!sk_png_read_rgba(argv[1], NULL, &a, err, sizeof err) ||
        !sk_png_read_rgba(argv[2], NULL, &b, err, sizeof err)) {
        fprintf(stderr, "compare_png: %s\n", err);
        sk_image_free(&a);
        return 1;
    }
    if (a.width != b.width || a.height != b.height) {
        fprintf(stderr, "compare_png: %s is %dx%d but %s is %dx%d\n", argv[1], a.width, a.height,
                argv[2], b.width, b.height);
        sk_image_free(&a);
        sk_image_free(&b);
        return 1;
    }
    size_t n = (size_t)a.width * (size_t)a.height, bad = 0;
    int worst = 0;
    for (size_t i = 0; i < n; i++) {
        int d = 0;
        for (int c = 0; c < 4; c++) {
            int x = abs(a.rgba[i * 4 + c] - b.rgba[i * 4 + c]);
            if (x > d) d = x;
        }
        if (d > worst) worst = d;
        if (d > tol) {
            bad++;
            if (diff_out) {  /* mark differing pixels in magenta on the actual image */
                a.rgba[i * 4] = 255;
                a.rgba[i * 4 + 1] = 0;
                a.rgba[i * 4 + 2] = 255;
                a.rgba[i * 4 + 3] = 255;
            }
        }
    }
    double pct = 100.0 * (double)bad / (double)n;
    int rc;
    if (differ >= 0) {
        rc = pct >= differ ? 0 : 1;
        printf("%s vs %s: %.3f%% of pixels differ by more than %d (want at least %.3f%%)\n",
               argv[1], argv[2], pct, tol, differ);
    } else {
        rc = pct <= max_bad ? 0 : 1;
        printf("%s vs %s: %.3f%% of pixels differ by more than %d (allowed %.3f%%), "
               "largest difference %d\n", argv[1], argv[2], pct, tol, max_bad, worst);
    }
    if (diff_out && bad)
        sk_png_write_rgba(diff_out, a.width, a.height, a.rgba, (size_t)a.width * 4, err, sizeof err);
    sk_image_free(&a);
    sk_image_free(&b);
    return rc;
}
