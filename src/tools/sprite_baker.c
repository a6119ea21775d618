/* sprite-baker: bakes the built-in sprite sheets from the pose keyframes in
 * assets/poses/<id>.pose (see assets/poses/README.md).
 *
 *   sprite-baker [options] POSE...
 *     --out DIR        write DIR/<id>.png and DIR/<id>.ini
 *     --compare DIR    compare with DIR/<id>.png and DIR/<id>.ini (the drift
 *                      check: the descriptor must match byte for byte, the
 *                      pixels, premultiplied, within --tolerance levels)
 *     --tolerance N    largest allowed difference of one channel (default 2)
 *     --contact DIR    write DIR/contact-<id>.png: every --every'th frame of
 *                      each clip, one clip a row, on the kiosk's background
 *     --every N        (default 4)
 *     --frames DIR     write every frame as DIR/<id>-<clip>-<nn>.png
 *     --budget BYTES   fail when all sheets together take more than BYTES as
 *                      RGBA8 textures (default 24000000)
 *
 * The PNGs are written with the project's own writer (image_png.h), so
 * the committed sheets come out of the same code as the kiosk's
 * screenshots. Exit status 0 on success, 1 on any error, with the reason
 * on stderr as "file:line: message". */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "bake.h"
#include "image_png.h"
#include "pose.h"
#include "raster.h"

#define BACKGROUND 0xF3EFE8   /* the kiosk's light background, for contact sheets */
#define LABEL_INK 0x5B6770

typedef struct {
    const char *out, *compare, *contact, *frames;
    int every, tolerance;
    long long budget;
} options;

static bool write_png(const char *path, int w, int h, const uint8_t *px, size_t stride)
{
    char err[SK_PNG_ERR_SIZE];
    if (!sk_png_write_rgba(path, w, h, px, stride, err, sizeof err)) {
        fprintf(stderr, "sprite-baker: %s\n", err);
        return false;
    }
    return true;
}

static char *read_text(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 65536;
    char *buf = malloc(cap + 1);
    size_t n = buf ? fread(buf, 1, cap, f) : 0;
    fclose(f);
    if (buf)
        buf[n] = '\0';
    return buf;
}

/* The drift check. Pixels may differ by a level or two between compilers
 * and C libraries (sin, cos and sqrt round their last bit differently, and
 * that moves an anti-aliased edge's coverage across a rounding boundary);
 * a changed pose moves whole limbs and differs by far more. */
static bool compare_sheet(const options *o, const sk_pose_file *pf, const sk_baked_sheet *b,
                          const char *descriptor)
{
    char path[1024], err[SK_PNG_ERR_SIZE];
    bool ok = true;
    snprintf(path, sizeof path, "%s/%s.ini", o->compare, pf->id);
    char *old = read_text(path);
    if (!old) {
        fprintf(stderr, "%s: missing; run the bake-sprites target\n", path);
        ok = false;
    } else if (strcmp(old, descriptor) != 0) {
        fprintf(stderr, "%s: differs from what the baker makes from assets/poses/%s.pose; "
                        "run the bake-sprites target and commit the result\n", path, pf->id);
        ok = false;
    }
    free(old);
    snprintf(path, sizeof path, "%s/%s.png", o->compare, pf->id);
    sk_image img = {0};
    if (!sk_png_read_rgba(path, NULL, &img, err, sizeof err)) {
        fprintf(stderr, "%s\n", err);
        return false;
    }
    if (img.width != b->width || img.height != b->height) {
        fprintf(stderr, "%s: is %dx%d, the baker makes %dx%d; re-bake\n", path, img.width, img.height,
                b->width, b->height);
        sk_image_free(&img);
        return false;
    }
    size_t over = 0;
    int worst = sk_rgba_compare(img.rgba, b->rgba, (size_t)b->width * (size_t)b->height, o->tolerance,
                                &over, NULL);
    sk_image_free(&img);
    if (over) {
        fprintf(stderr, "%s: %zu pixels differ by more than %d (worst %d) from a fresh bake "
                        "of assets/poses/%s.pose; run the bake-sprites target and commit the result\n",
                path, over, o->tolerance, worst, pf->id);
        return false;
    }
    printf("%s: matches a fresh bake (worst difference %d)\n", path, worst);
    return ok;
}

/* A 5x7 capital font for the clip names on contact sheets, so the README's
 * pictures say which row is which without a font file. */
static const uint8_t glyphs[26][7] = {
    {0x0E, 0x11, 0x11, 0x1F, 0x11, 0x11, 0x11}, /* A */
    {0x1E, 0x11, 0x11, 0x1E, 0x11, 0x11, 0x1E}, /* B */
    {0x0E, 0x11, 0x10, 0x10, 0x10, 0x11, 0x0E}, /* C */
    {0x1E, 0x11, 0x11, 0x11, 0x11, 0x11, 0x1E}, /* D */
    {0x1F, 0x10, 0x10, 0x1E, 0x10, 0x10, 0x1F}, /* E */
    {0x1F, 0x10, 0x10, 0x1E, 0x10, 0x10, 0x10}, /* F */
    {0x0E, 0x11, 0x10, 0x17, 0x11, 0x11, 0x0F}, /* G */
    {0x11, 0x11, 0x11, 0x1F, 0x11, 0x11, 0x11}, /* H */
    {0x0E, 0x04, 0x04, 0x04, 0x04, 0x04, 0x0E}, /* I */
    {0x07, 0x02, 0x02, 0x02, 0x02, 0x12, 0x0C}, /* J */
    {0x11, 0x12, 0x14, 0x18, 0x14, 0x12, 0x11}, /* K */
    {0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x1F}, /* L */
    {0x11, 0x1B, 0x15, 0x15, 0x11, 0x11, 0x11}, /* M */
    {0x11, 0x11, 0x19, 0x15, 0x13, 0x11, 0x11}, /* N */
    {0x0E, 0x11, 0x11, 0x11, 0x11, 0x11, 0x0E}, /* O */
    {0x1E, 0x11, 0x11, 0x1E, 0x10, 0x10, 0x10}, /* P */
    {0x0E, 0x11, 0x11, 0x11, 0x15, 0x12, 0x0D}, /* Q */
    {0x1E, 0x11, 0x11, 0x1E, 0x14, 0x12, 0x11}, /* R */
    {0x0F, 0x10, 0x10, 0x0E, 0x01, 0x01, 0x1E}, /* S */
    {0x1F, 0x04, 0x04, 0x04, 0x04, 0x04, 0x04}, /* T */
    {0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x0E}, /* U */
    {0x11, 0x11, 0x11, 0x11, 0x11, 0x0A, 0x04}, /* V */
    {0x11, 0x11, 0x11, 0x15, 0x15, 0x15, 0x0A}, /* W */
    {0x11, 0x11, 0x0A, 0x04, 0x0A, 0x11, 0x11}, /* X */
    {0x11, 0x11, 0x0A, 0x04, 0x04, 0x04, 0x04}, /* Y */
    {0x1F, 0x01, 0x02, 0x04, 0x08, 0x10, 0x1F}, /* Z */
};

/* Writes 'text' (A-Z; other characters leave a gap) at (x, y), each font
 * pixel 'px' pixels square, in a dark ink. */
static void label(sk_canvas *c, int x, int y, int px, const char *text)
{
    sk_mask m = {0};
    if (!sk_mask_init(&m, c->w, c->h))
        return;
    for (const char *p = text; *p; p++, x += 6 * px) {
        char ch = *p >= 'a' && *p <= 'z' ? (char)(*p - 'a' + 'A') : *p;
        if (ch < 'A' || ch > 'Z')
            continue;
        for (int r = 0; r < 7; r++)
            for (int col = 0; col < 5; col++)
                if (glyphs[ch - 'A'][r] & (0x10 >> col))
                    for (int dy = 0; dy < px; dy++)
                        for (int dx = 0; dx < px; dx++) {
                            int tx = x + col * px + dx, ty = y + r * px + dy;
                            if (tx >= 0 && ty >= 0 && tx < c->w && ty < c->h)
                                m.a[(size_t)ty * (size_t)c->w + (size_t)tx] = 1.0f;
                        }
    }
    sk_canvas_fill(c, &m, sk_rgb_hex(LABEL_INK), 1.0);
    sk_mask_free(&m);
}

/* One clip a row, every N-th frame and always the clip's last one. */
static bool write_contact(const options *o, const sk_pose_file *pf, const sk_baked_sheet *b)
{
    int gap = 6, cols = 0;
    for (int k = 0; k < pf->clip_count; k++) {
        int n = (pf->clips[k].frames - 1) / o->every + 1;
        if ((pf->clips[k].frames - 1) % o->every != 0)
            n++;
        if (n > cols)
            cols = n;
    }
    int w = gap + cols * (pf->frame_w + gap), h = gap + pf->clip_count * (pf->frame_h + gap);
    sk_canvas sheet = {0}, frame = {0};
    uint8_t *out = malloc((size_t)w * (size_t)h * 4);
    if (!out || !sk_canvas_init(&sheet, w, h) || !sk_canvas_init(&frame, pf->frame_w, pf->frame_h)) {
        free(out);
        sk_canvas_free(&sheet);
        sk_canvas_free(&frame);
        fprintf(stderr, "sprite-baker: out of memory\n");
        return false;
    }
    sk_canvas_clear(&sheet, sk_rgb_hex(BACKGROUND), 1.0);
    for (int k = 0; k < pf->clip_count; k++) {
        int col = 0;
        for (int i = 0; i < pf->clips[k].frames; i++) {
            if (i % o->every != 0 && i != pf->clips[k].frames - 1)
                continue;
            /* the frame, unpremultiplied bytes back to premultiplied floats */
            int f = b->clip_first[k] + i;
            int fx = (f % pf->columns) * pf->frame_w, fy = (f / pf->columns) * pf->frame_h;
            for (int y = 0; y < pf->frame_h; y++) {
                for (int x = 0; x < pf->frame_w; x++) {
                    const uint8_t *s = b->rgba + ((size_t)(fy + y) * b->width + (size_t)(fx + x)) * 4;
                    float *d = &frame.px[((size_t)y * pf->frame_w + (size_t)x) * 4];
                    float a = s[3] / 255.0f;
                    d[0] = s[0] / 255.0f * a;
                    d[1] = s[1] / 255.0f * a;
                    d[2] = s[2] / 255.0f * a;
                    d[3] = a;
                }
            }
            sk_canvas_over(&sheet, &frame, gap + col * (pf->frame_w + gap), gap + k * (pf->frame_h + gap));
            col++;
        }
        /* the clip's name over the top left of its first frame (the
         * figure keeps clear of that corner) */
        label(&sheet, gap + 8, gap + k * (pf->frame_h + gap) + 8, 2, pf->clips[k].name);
    }
    sk_canvas_to_rgba8(&sheet, out, (size_t)w * 4);
    char path[1024];
    snprintf(path, sizeof path, "%s/contact-%s.png", o->contact, pf->id);
    bool ok = write_png(path, w, h, out, (size_t)w * 4);
    if (ok)
        printf("%s: %dx%d\n", path, w, h);
    free(out);
    sk_canvas_free(&sheet);
    sk_canvas_free(&frame);
    return ok;
}

static bool write_frames(const options *o, const sk_pose_file *pf, const sk_baked_sheet *b)
{
    for (int k = 0; k < pf->clip_count; k++) {
        for (int i = 0; i < pf->clips[k].frames; i++) {
            int f = b->clip_first[k] + i;
            int fx = (f % pf->columns) * pf->frame_w, fy = (f / pf->columns) * pf->frame_h;
            char path[1024];
            snprintf(path, sizeof path, "%s/%s-%s-%02d.png", o->frames, pf->id, pf->clips[k].name, i);
            if (!write_png(path, pf->frame_w, pf->frame_h, b->rgba + ((size_t)fy * b->width + (size_t)fx) * 4,
                           (size_t)b->width * 4))
                return false;
        }
    }
    return true;
}

static int usage(void)
{
    fprintf(stderr, "usage: sprite-baker [--out DIR] [--compare DIR] [--tolerance N] [--contact DIR]\n"
                    "                    [--every N] [--frames DIR] [--budget BYTES] POSE...\n");
    return 1;
}

int main(int argc, char **argv)
{
    options o = {NULL, NULL, NULL, NULL, 4, 2, 24000000};
    int first = argc;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        bool has = i + 1 < argc;
        if (strcmp(a, "--out") == 0 && has) o.out = argv[++i];
        else if (strcmp(a, "--compare") == 0 && has) o.compare = argv[++i];
        else if (strcmp(a, "--contact") == 0 && has) o.contact = argv[++i];
        else if (strcmp(a, "--frames") == 0 && has) o.frames = argv[++i];
        else if (strcmp(a, "--every") == 0 && has) o.every = atoi(argv[++i]);
        else if (strcmp(a, "--tolerance") == 0 && has) o.tolerance = atoi(argv[++i]);
        else if (strcmp(a, "--budget") == 0 && has) o.budget = atoll(argv[++i]);
        else if (a[0] == '-') return usage();
        else { first = i; break; }
    }
    if (first >= argc || o.every < 1 || o.tolerance < 0 || o.budget <= 0)
        return usage();

    /* output folders are made when missing (the drift test bakes into a
     * fresh build tree) */
    const char *dirs[] = {o.out, o.contact, o.frames};
    for (int i = 0; i < 3; i++) {
        if (dirs[i] && mkdir(dirs[i], 0777) != 0 && errno != EEXIST) {
            fprintf(stderr, "%s: cannot make the folder: %s\n", dirs[i], strerror(errno));
            return 1;
        }
    }
    bool ok = true;
    long long bytes = 0;
    for (int i = first; i < argc; i++) {
        static sk_pose_file pf;   /* large: keep it off the stack */
        char err[512];
        if (!sk_pose_load(argv[i], &pf, err, sizeof err)) {
            fprintf(stderr, "%s\n", err);
            ok = false;
            continue;
        }
        sk_baked_sheet b;
        if (!sk_bake_sheet(&pf, &b, err, sizeof err)) {
            fprintf(stderr, "%s: %s\n", argv[i], err);
            ok = false;
            continue;
        }
        bytes += (long long)b.width * b.height * 4;
        char image[64];
        snprintf(image, sizeof image, "%s.png", pf.id);
        char *desc = sk_bake_descriptor(&pf, &b, image);
        if (!desc) {
            fprintf(stderr, "sprite-baker: out of memory\n");
            sk_baked_sheet_free(&b);
            return 1;
        }
        printf("%s: %d frames, %dx%d, %.2f MB as RGBA8\n", pf.id, b.frames, b.width, b.height,
               (double)b.width * b.height * 4 / 1e6);
        if (o.out) {
            char path[1024];
            snprintf(path, sizeof path, "%s/%s.png", o.out, pf.id);
            ok = write_png(path, b.width, b.height, b.rgba, (size_t)b.width * 4) && ok;
            snprintf(path, sizeof path, "%s/%s.ini", o.out, pf.id);
            FILE *f = fopen(path, "wb");
            bool written = f && fputs(desc, f) >= 0;
            if (f && fclose(f) != 0)
                written = false;
            if (!written) {
                fprintf(stderr, "%s: cannot write\n", path);
                ok = false;
            }
        }
        if (o.compare)
            ok = compare_sheet(&o, &pf, &b, desc) && ok;
        if (o.contact)
            ok = write_contact(&o, &pf, &b) && ok;
        if (o.frames)
            ok = write_frames(&o, &pf, &b) && ok;
        free(desc);
        sk_baked_sheet_free(&b);
    }
    printf("all sheets: %.2f MB as RGBA8 textures (budget %.2f MB)\n", (double)bytes / 1e6, (double)o.budget / 1e6);
    if (bytes > o.budget) {
        fprintf(stderr, "sprite-baker: the sheets take %lld bytes as textures, over the budget of %lld\n",
                bytes, o.budget);
        ok = false;
    }
    return ok ? 0 : 1;
}
