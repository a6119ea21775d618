/* The libpng loader and writer.
 *
 * PngSuite (SK_TESTDATA/pngsuite): every file decodes to 32x32; each
 * non-interlaced file equals its Adam7 interlaced twin pixel for pixel (two
 * different decode paths in libpng); the files the suite draws as the same
 * picture in different colour types / depths agree (16-bit scaled to 8 equals
 * the 8-bit file; palette+tRNS files agree); known sample values of a few.
 * Then the broken fixtures in tests/data/png, every truncation and every
 * single-byte corruption of a few files (must fail cleanly or decode, never
 * crash or leak: run under ASan), the limits, and the writer round trip. */
#include "image_png.h"
#include "check.h"

#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char suite_dir[1024];

static bool load_suite(const char *name, sk_image *img)
{
    char path[1200], err[SK_PNG_ERR_SIZE];
    snprintf(path, sizeof path, "%s/%s", suite_dir, name);
    bool ok = sk_png_read_rgba(path, NULL, img, err, sizeof err);
    CHECK(ok, "%s", err);
    return ok;
}

static int max_diff(const sk_image *a, const sk_image *b, bool ignore_hidden_colour)
{
    if (a->width != b->width || a->height != b->height)
        return 999;
    int md = 0;
    size_t n = (size_t)a->width * a->height * 4;
    for (size_t k = 0; k < n; k++) {
        size_t px = k - k % 4;
        if (ignore_hidden_colour && k % 4 != 3 && a->rgba[px + 3] == 0 && b->rgba[px + 3] == 0)
            continue;
        int d = abs((int)a->rgba[k] - (int)b->rgba[k]);
        if (d > md)
            md = d;
    }
    return md;
}

static const uint8_t *px(const sk_image *img, int x, int y)
{
    return img->rgba + ((size_t)y * img->width + x) * 4;
}

static void test_every_suite_file(void)
{
    DIR *d = opendir(suite_dir);
    CHECK(d != NULL, "cannot open %s", suite_dir);
    if (!d)
        return;
    int count = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t n = strlen(e->d_name);
        if (n < 5 || strcmp(e->d_name + n - 4, ".png") != 0)
            continue;
        count++;
        sk_image img;
        if (load_suite(e->d_name, &img)) {
            CHECK(img.width == 32 && img.height == 32, "%s: %dx%d", e->d_name, img.width,
                  img.height);
            if (e->d_name[0] != 'i') {
                /* Its interlaced twin: same pixels through the Adam7 path. */
                char twin[300];
                snprintf(twin, sizeof twin, "i%s", e->d_name);
                sk_image b;
                if (load_suite(twin, &b)) {
                    CHECK(max_diff(&img, &b, false) == 0, "%s differs from %s", e->d_name, twin);
                    sk_image_free(&b);
                }
            }
            sk_image_free(&img);
        }
    }
    closedir(d);
    CHECK(count >= 60, "only %d PNGs in %s", count, suite_dir);
}

static void test_same_picture_groups(void)
{
    /* Drawn by the suite as one picture in several encodings. */
    const char *rgb_group[] = {"ftbbn2c16.png", "ftbgn2c16.png", "ftbrn2c08.png", NULL};
    const char *pal_group[] = {"ftbbn3p08.png", "ftbgn3p08.png", "ftbwn3p08.png",
                               "ftbyn3p08.png", "ftp1n3p08.png", NULL};
    const char **groups[] = {rgb_group, pal_group};
    for (int g = 0; g < 2; g++) {
        sk_image first;
        if (!load_suite(groups[g][0], &first))
            continue;
        int transparent = 0;
        for (int i = 0; i < 32 * 32; i++)
            transparent += first.rgba[i * 4 + 3] == 0;
        CHECK(transparent > 100 && transparent < 1000, "%s: %d transparent pixels",
              groups[g][0], transparent);
        for (int i = 1; groups[g][i]; i++) {
            sk_image other;
            if (load_suite(groups[g][i], &other)) {
                CHECK(max_diff(&first, &other, true) == 0, "%s != %s", groups[g][0],
                      groups[g][i]);
                sk_image_free(&other);
            }
        }
        sk_image_free(&first);
    }
}

static void test_known_values(void)
{
    sk_image img;
    /* basn0g08: a grey triangle wave along the rows: i = 32*y + x,
     * t = i mod 510, sample = t <= 255 ? t : 510 - t; opaque. */
    if (load_suite("basn0g08.png", &img)) {
        int bad = 0;
        for (int y = 0; y < 32; y++)
            for (int x = 0; x < 32; x++) {
                const uint8_t *p = px(&img, x, y);
                int t = (32 * y + x) % 510;
                int v = t <= 255 ? t : 510 - t;
                bad += p[0] != v || p[1] != v || p[2] != v || p[3] != 255;
            }
        CHECK_INT(bad, 0);
        sk_image_free(&img);
    }
    /* basn0g16 scaled to 8 bits: first row 0, 9, 18, ... (9*x) */
    if (load_suite("basn0g16.png", &img)) {
        CHECK_INT(px(&img, 0, 0)[0], 0);
        CHECK_INT(px(&img, 1, 0)[0], 9);
        CHECK_INT(px(&img, 11, 0)[0], 99);
        CHECK_INT(px(&img, 0, 1)[0], 2);
        CHECK_INT(px(&img, 11, 0)[3], 255);
        sk_image_free(&img);
    }
    /* Bit depths below 8 expand to the full range: 1-bit is 0/255, 2-bit
     * multiples of 85, 4-bit multiples of 17; grey stays grey. */
    const char *low[] = {"basn0g01.png", "basn0g02.png", "basn0g04.png"};
    const int step[] = {255, 85, 17};
    for (int f = 0; f < 3; f++) {
        if (!load_suite(low[f], &img))
            continue;
        int bad = 0, distinct = 0;
        bool seen[256] = {false};
        for (int i = 0; i < 32 * 32; i++) {
            const uint8_t *p = img.rgba + i * 4;
            bad += p[0] % step[f] != 0 || p[0] != p[1] || p[1] != p[2] || p[3] != 255;
            if (!seen[p[0]])
                distinct++;
            seen[p[0]] = true;
        }
        CHECK(bad == 0, "%s: %d pixels off the grid", low[f], bad);
        /* the 4-bit file uses 15 of its 16 levels */
        CHECK(distinct >= 256 / step[f], "%s: %d levels", low[f], distinct);
        sk_image_free(&img);
    }
    /* Palette and alpha files: a few values checked against an independent
     * decoder (ImageMagick, on the gamma-free interlaced twins). */
    if (load_suite("basn3p08.png", &img)) {
        CHECK(px(&img, 0, 0)[0] == 1 && px(&img, 0, 0)[3] == 255, "basn3p08 (0,0)");
        sk_image_free(&img);
    }
    if (load_suite("basn6a08.png", &img)) {
        const uint8_t *p = px(&img, 0, 0);
        CHECK(p[0] == 255 && p[1] == 0 && p[2] == 8 && p[3] == 0, "basn6a08 (0,0) %d %d %d %d",
              p[0], p[1], p[2], p[3]);
        sk_image_free(&img);
    }
    if (load_suite("basn3p01.png", &img)) {
        const uint8_t *p = px(&img, 0, 0);
        CHECK(p[0] == 238 && p[1] == 255 && p[2] == 34 && p[3] == 255, "basn3p01 (0,0)");
        sk_image_free(&img);
    }
    if (load_suite("basn2c08.png", &img)) {
        int opaque = 0;
        for (int i = 0; i < 32 * 32; i++)
            opaque += img.rgba[i * 4 + 3] == 255;
        CHECK_INT(opaque, 32 * 32);
        sk_image_free(&img);
    }
}

/* Each fixture must fail with its words and the file name in the error. */
static void test_bad_files(void)
{
    static const struct { const char *file, *words; } cases[] = {
        {"zero-bytes.png", "empty file"},
        {"not-a-png.png", "not a PNG file"},
        {"truncated.png", "truncated"},
        {"truncated-sig.png", "truncated"},
        {"no-iend.png", "truncated"},
        {"bad-crc.png", "CRC error"},
        {"bad-data.png", "corrupt"},
        {"bad-zlib.png", "corrupt"},
        {"huge-header.png", "1000000x1000000 exceeds the 8192 px limit"},
        {"budget-header.png", "exceeds the budget"},
        {"does-not-exist.png", "No such file"},
        {".", "is a directory"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char path[1024], err[SK_PNG_ERR_SIZE];
        check_path(path, sizeof path, "tests/data/png");
        size_t n = strlen(path);
        snprintf(path + n, sizeof path - n, "/%s", cases[i].file);
        sk_image img = {7, 7, (uint8_t *)path};   /* must come back zeroed */
        bool ok = sk_png_read_rgba(path, NULL, &img, err, sizeof err);
        CHECK(!ok, "%s decoded", cases[i].file);
        CHECK(img.rgba == NULL && img.width == 0, "%s: image not zeroed", cases[i].file);
        CHECK(strstr(err, cases[i].words) != NULL, "%s: \"%s\" lacks \"%s\"", cases[i].file,
              err, cases[i].words);
        CHECK(strncmp(err, path, strlen(path)) == 0, "%s: error does not start with the path: %s",
              cases[i].file, err);
    }
    /* A tiny err buffer is still NUL-terminated; NULL err is fine. */
    char small[8];
    sk_image img;
    CHECK(!sk_png_read_rgba("/nonexistent/x.png", NULL, &img, small, sizeof small), "missing");
    CHECK_INT(strlen(small), 7);
    CHECK(!sk_png_read_rgba("/nonexistent/x.png", NULL, &img, NULL, 0), "missing, no err");
}

static uint8_t *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    uint8_t *buf = malloc(1 << 16);
    *len = buf ? fread(buf, 1, 1 << 16, f) : 0;
    fclose(f);
    return buf;
}

/* Every prefix of a file must fail (no IEND) and every single-byte change
 * must either fail with a message or decode a 32x32 image. */
static void test_truncations_and_corruptions(void)
{
    const char *files[] = {"basn3p08.png", "ibasn0g16.png", "ftbbn3p08.png"};
    for (int f = 0; f < 3; f++) {
        char path[1200];
        snprintf(path, sizeof path, "%s/%s", suite_dir, files[f]);
        size_t len = 0;
        uint8_t *buf = slurp(path, &len);
        CHECK(buf && len > 100, "read %s", path);
        if (!buf)
            continue;
        int prefix_failures = 0, silent = 0;
        for (size_t cut = 0; cut < len; cut++) {
            sk_image img;
            char err[SK_PNG_ERR_SIZE];
            bool ok = sk_png_decode_mem(buf, cut, files[f], NULL, &img, err, sizeof err);
            prefix_failures += !ok;
            silent += !ok && err[0] == '\0';
            sk_image_free(&img);
        }
        CHECK(prefix_failures == (int)len, "%s: %d of %zu prefixes decoded", files[f],
              (int)len - prefix_failures, len);
        int decoded = 0, failed = 0, odd = 0;
        uint8_t *copy = malloc(len);
        for (size_t i = 0; copy && i < len; i++) {
            memcpy(copy, buf, len);
            copy[i] ^= 0xa5;
            sk_image img;
            char err[SK_PNG_ERR_SIZE];
            if (sk_png_decode_mem(copy, len, files[f], NULL, &img, err, sizeof err)) {
                decoded++;
                odd += img.width != 32 || img.height != 32 || !img.rgba;
            } else {
                failed++;
                odd += err[0] == '\0' || img.rgba != NULL;
            }
            sk_image_free(&img);
        }
        CHECK(failed > (int)len / 2, "%s: only %d of %zu corruptions noticed", files[f], failed,
              len);
        CHECK_INT(odd, 0);
        CHECK_INT(silent, 0);
        free(copy);
        free(buf);
    }
}

static void test_limits(void)
{
    char path[1024], err[SK_PNG_ERR_SIZE];
    check_path(path, sizeof path, "tests/data/png/good-4x3.png");
    sk_image img;
    CHECK(sk_png_read_rgba(path, NULL, &img, err, sizeof err), "%s", err);
    CHECK(img.width == 4 && img.height == 3, "good-4x3 is %dx%d", img.width, img.height);
    if (img.rgba) {
        /* make-bad-pngs.py: (x*60, y*100, 200, 255 - x*50) */
        const uint8_t *p = px(&img, 3, 2);
        CHECK(p[0] == 180 && p[1] == 200 && p[2] == 200 && p[3] == 105, "good-4x3 (3,2)");
    }
    sk_image_free(&img);

    sk_png_limits lim = {.max_width = 3};
    CHECK(!sk_png_read_rgba(path, &lim, &img, err, sizeof err), "width limit");
    CHECK(strstr(err, "4x3 exceeds the 3x8192 px limit") != NULL, "%s", err);
    lim = (sk_png_limits){.max_width = 2, .max_height = 2};
    CHECK(!sk_png_read_rgba(path, &lim, &img, err, sizeof err), "side limit");
    CHECK(strstr(err, "4x3 exceeds the 2 px limit") != NULL, "%s", err);
    lim = (sk_png_limits){.max_pixels = 11};
    CHECK(!sk_png_read_rgba(path, &lim, &img, err, sizeof err), "pixel budget");
    CHECK(strstr(err, "12 pixels exceeds the budget of 11") != NULL, "%s", err);
    lim = (sk_png_limits){.max_pixels = 12, .max_file_bytes = 104};
    CHECK(!sk_png_read_rgba(path, &lim, &img, err, sizeof err), "file size");
    CHECK(strstr(err, "105 bytes exceeds the 104 byte limit") != NULL, "%s", err);
    lim.max_file_bytes = 105;
    CHECK(sk_png_read_rgba(path, &lim, &img, err, sizeof err), "exact limits: %s", err);
    sk_image_free(&img);

    /* A huge header with raised side limits still meets the pixel budget,
     * and with that raised too, libpng's own user limit. */
    check_path(path, sizeof path, "tests/data/png/huge-header.png");
    lim = (sk_png_limits){.max_width = 2000000, .max_height = 2000000};
    CHECK(!sk_png_read_rgba(path, &lim, &img, err, sizeof err), "budget on huge");
    CHECK(strstr(err, "exceeds the budget") != NULL, "%s", err);
}

static int count_tmp_files(const char *dir)
{
    DIR *d = opendir(dir);
    int n = 0;
    struct dirent *e;
    while (d && (e = readdir(d)) != NULL)
        n += strstr(e->d_name, ".tmp-") != NULL;
    if (d)
        closedir(d);
    return n;
}

static void test_write_round_trip(void)
{
    char dir[1024];
    const char *bin = getenv("SK_BINARY_DIR");
    snprintf(dir, sizeof dir, "%s/test_image_png.d", bin ? bin : ".");
    mkdir(dir, 0777);
    char path[1200], err[SK_PNG_ERR_SIZE];
    snprintf(path, sizeof path, "%s/round.png", dir);

    enum { W = 37, H = 23, STRIDE = W * 4 + 12 };
    uint8_t *pix = malloc((size_t)STRIDE * H);
    uint32_t seed = 12345;
    for (size_t i = 0; i < (size_t)STRIDE * H; i++) {
        seed = seed * 1103515245u + 12345u;
        pix[i] = (uint8_t)(seed >> 16);
    }
    for (int pass = 0; pass < 2; pass++) {   /* the second pass overwrites */
        if (pass)
            pix[5] ^= 0xff;
        CHECK(sk_png_write_rgba(path, W, H, pix, STRIDE, err, sizeof err), "%s", err);
        sk_image img;
        CHECK(sk_png_read_rgba(path, NULL, &img, err, sizeof err), "%s", err);
        int bad = img.rgba ? 0 : 1;
        for (int y = 0; img.rgba && y < H; y++)
            bad += memcmp(img.rgba + (size_t)y * W * 4, pix + (size_t)y * STRIDE, W * 4) != 0;
        CHECK(img.width == W && img.height == H && bad == 0, "round trip pass %d: %d rows differ",
              pass, bad);
        sk_image_free(&img);
    }
    CHECK_INT(count_tmp_files(dir), 0);

    /* Failures: no directory, bad arguments; nothing left behind. */
    char nodir[1300];
    snprintf(nodir, sizeof nodir, "%s/no/such/dir/x.png", dir);
    CHECK(!sk_png_write_rgba(nodir, W, H, pix, STRIDE, err, sizeof err), "write into nowhere");
    CHECK(strstr(err, nodir) == err && strstr(err, "temporary") != NULL, "%s", err);
    CHECK(!sk_png_write_rgba(path, W, H, pix, W * 4 - 1, err, sizeof err), "short stride");
    CHECK(strstr(err, "invalid image") != NULL, "%s", err);
    CHECK(!sk_png_write_rgba(path, 0, H, pix, STRIDE, err, sizeof err), "zero width");
    CHECK(!sk_png_write_rgba(dir, W, H, pix, STRIDE, err, sizeof err), "over a directory");
    CHECK_INT(count_tmp_files(dir), 0);
    free(pix);
}

int main(void)
{
    const char *td = getenv("SK_TESTDATA");
    snprintf(suite_dir, sizeof suite_dir, "%s/pngsuite", td ? td : "/work/shared/testdata");
    test_every_suite_file();
    test_same_picture_groups();
    test_known_values();
    test_bad_files();
    test_truncations_and_corruptions();
    test_limits();
    test_write_round_trip();
    return CHECK_DONE();
}
