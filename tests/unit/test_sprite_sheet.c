/* Sprite sheet descriptors: the good sheet in tests/data/sprites loads with
 * its frames where they belong; each bad descriptor gives its errors at
 * the right lines. */
#include "sprite_sheet.h"
#include "check.h"

#include <string.h>

static char dir[1024];

static const char *fixture(char *buf, size_t n, const char *name)
{
    snprintf(buf, n, "%s/%s", dir, name);
    return buf;
}

static void print_diag(const sk_diag *d)
{
    if (d->count)
        sk_diag_print(d, stderr);
}

static void test_good(void)
{
    char path[1200];
    sk_diag d;
    sk_diag_init(&d);
    sk_sprite_sheet *s = sk_sprite_sheet_load(fixture(path, sizeof path, "good.ini"), &d);
    CHECK(s != NULL, "good.ini did not load");
    CHECK_INT(d.errors, 0);
    CHECK_INT(d.warnings, 0);
    print_diag(&d);
    if (s) {
        CHECK_INT(s->image_count, 2);
        CHECK(strstr(s->images[1], "tests/data/sprites/good-1.png") != NULL, "%s", s->images[1]);
        CHECK_INT(s->images_line, 3);
        CHECK(s->frame_width == 8 && s->frame_height == 8 && s->columns == 3, "geometry");
        CHECK_INT(s->frames, 10);
        CHECK_INT(s->fps, 10);
        CHECK(s->anchor_x == 4 && s->anchor_y == 7, "anchor");
        CHECK_INT(s->other_leg, SK_OTHER_LEG_MIRROR);
        const sk_clip *setup = sk_sprite_sheet_clip(s, "setup");
        const sk_clip *hold = sk_sprite_sheet_clip(s, "hold");
        const sk_clip *rel = sk_sprite_sheet_clip(s, "release");
        CHECK(setup && setup->first == 0 && setup->last == 3 && setup->loop == SK_LOOP_NO &&
                  setup->fps == 10 && setup->line == 15, "setup clip");
        CHECK(hold && hold->first == 4 && hold->last == 8 && hold->loop == SK_LOOP_PINGPONG &&
                  hold->fps == 5, "hold clip");
        CHECK(rel && rel->first == 3 && rel->last == 0 && rel->fps == 10, "release = setup reversed");
        CHECK(sk_sprite_sheet_clip(s, "nope") == NULL, "no such clip");
        CHECK(s->pixels[0].rgba && s->pixels[1].rgba, "pixels decoded");
        CHECK(sk_sprite_sheet_image_capacity(s, 0) == 6 && sk_sprite_sheet_image_capacity(s, 1) == 6,
              "capacity");
        /* Every frame is where the fixture painted it (R = 20f + 10). */
        int wrong = 0;
        for (int f = 0; f < s->frames; f++) {
            int img = -1, x = -1, y = -1;
            if (!sk_sprite_sheet_locate(s, f, &img, &x, &y)) {
                wrong++;
                continue;
            }
            const sk_image *im = &s->pixels[img];
            const uint8_t *p = im->rgba + ((size_t)(y + 3) * im->width + x + 1) * 4;
            wrong += p[0] != 20 * f + 10 || p[2] != 50 || p[3] != 255;
        }
        CHECK_INT(wrong, 0);
        CHECK(!sk_sprite_sheet_locate(s, 10, NULL, NULL, NULL), "frame 10 is out of range");
        CHECK(!sk_sprite_sheet_locate(s, -1, NULL, NULL, NULL), "frame -1 is out of range");
        sk_sprite_sheet_free_pixels(s);
        CHECK(s->pixels[0].rgba == NULL, "pixels freed");
        CHECK(sk_sprite_sheet_locate(s, 7, NULL, NULL, NULL), "locate still works after the free");
        sk_sprite_sheet_free(s);
    }
    sk_diag_free(&d);
}

typedef struct expect {
    int line;
    const char *words;
} expect;

/* Loads 'name' (parse only when parse_only) and checks it fails with each
 * of the expected messages at its line. */
static void expect_errors(const char *name, bool parse_only, const expect *e, int n)
{
    char path[1200];
    sk_diag d;
    sk_diag_init(&d);
    fixture(path, sizeof path, name);
    sk_sprite_sheet *s = parse_only ? sk_sprite_sheet_parse(path, &d) : sk_sprite_sheet_load(path, &d);
    CHECK(s == NULL, "%s loaded", name);
    sk_sprite_sheet_free(s);
    CHECK(d.errors > 0, "%s: no errors", name);
    for (int i = 0; i < n; i++) {
        bool found = sk_diag_contains(&d, e[i].line, e[i].words);
        CHECK(found, "%s:%d: no message with \"%s\"", name, e[i].line, e[i].words);
        if (!found)
            sk_diag_print(&d, stderr);
    }
    /* Every stored message names the descriptor. */
    for (int i = 0; i < d.count; i++)
        CHECK(strcmp(d.items[i].file, path) == 0, "%s: message for %s", name, d.items[i].file);
    sk_diag_free(&d);
}

static void test_bad(void)
{
    expect_errors("unknown-key.ini", true,
                  (expect[]){{3, "unknown key 'frame_widht' in [sheet]; did you mean 'frame_width'?"},
                             {7, "unknown key 'colour' in [sheet]"},
                             {13, "did you mean 'last'?"},
                             {0, "[sheet] needs frame_width"},
                             {12, "[clip.hold] needs first and last"}},
                  5);
    expect_errors("ranges.ini", true,
                  (expect[]){{3, "frame_width must be 8..2048, got 5000"},
                             {7, "fps must be a whole number 1..60, got \"fast\""},
                             {9, "other_leg must be 'mirror' or 'frames', got \"copy\""},
                             {13, "loop must be no, yes or pingpong, got \"sometimes\""},
                             {16, "last = 10 is outside the sheet's 10 frames (0..9)"}},
                  5);
    expect_errors("clips.ini", true,
                  (expect[]){{9, "last = 2 comes before first = 5"},
                             {11, "[clip.hol] is not a clip the kiosk plays; did you mean [clip.hold]?"},
                             {0, "no [clip.hold]"},
                             {14, "reverse_of = setpu: there is no [clip.setpu]; did you mean setup?"}},
                  4);
    expect_errors("sections.ini", true,
                  (expect[]){{1, "'fps' comes before any [section]"},
                             {3, "unknown section [shet]; did you mean [sheet]?"},
                             {6, "images is given twice (first on line 5)"},
                             {0, "no [clip.setup.other]"},
                             {0, "no [clip.hold.other]"}},
                  5);
    expect_errors("image-missing.ini", false,
                  (expect[]){{2, "no-such-image.png: cannot open: No such file or directory"}}, 1);
    expect_errors("image-bad.ini", false, (expect[]){{2, "truncated.png: truncated"}}, 1);
    expect_errors("not-a-png.ini", true, (expect[]){{2, "\"good.ini\" is not a .png file"}}, 1);
    expect_errors("too-narrow.ini", false,
                  (expect[]){{2, "good-0.png: 24 px wide, but 3 columns of 10 px need 30 px"}}, 1);
    expect_errors("too-few-frames.ini", false,
                  (expect[]){{2, "the images hold 12 frames of 8x8 in 3 columns, but the sheet "
                                 "says frames = 13"}},
                  1);
    expect_errors(".", true, (expect[]){{0, "is a directory"}}, 1);
    expect_errors("no-such.ini", true, (expect[]){{0, "cannot open"}}, 1);
}

static sk_sprite_sheet *parse(const char *text, sk_diag *d)
{
    return sk_sprite_sheet_parse_text(text, strlen(text), "mem/sheet.ini", d);
}

static void test_inline(void)
{
    sk_diag d;
    sk_diag_init(&d);
    /* Defaults: fps 10, anchor at the middle of the bottom edge; reverse_of
     * takes the fps of its clip; unknown clip names are warnings only. */
    sk_sprite_sheet *s = parse("[sheet]\nimages = a.png\nframe_width = 100\nframe_height = 50\n"
                               "columns = 2\nframes = 4\n[clip.setup]\nfirst = 0\nlast = 1\nfps = 4\n"
                               "[clip.hold]\nfirst = 2\nlast = 3\nloop = yes\n"
                               "[clip.release]\nreverse_of = setup\n[clip.wave]\nfirst=0\nlast=0\n",
                               &d);
    CHECK(s != NULL, "minimal sheet");
    CHECK_INT(d.errors, 0);
    CHECK_INT(d.warnings, 1);
    CHECK(sk_diag_contains(&d, 18, "[clip.wave] is not a clip the kiosk plays"), "wave warning");
    if (s) {
        CHECK_STR(s->images[0], "mem/a.png");
        CHECK_INT(s->fps, 10);
        CHECK(s->anchor_x == 50 && s->anchor_y == 49, "default anchor %d,%d", s->anchor_x,
              s->anchor_y);
        const sk_clip *r = sk_sprite_sheet_clip(s, "release");
        CHECK(r && r->first == 1 && r->last == 0 && r->fps == 4 && r->loop == SK_LOOP_NO,
              "release");
        CHECK(!sk_sprite_sheet_locate(s, 0, NULL, NULL, NULL), "no locate before load");
    }
    sk_sprite_sheet_free(s);
    sk_diag_free(&d);

    /* other_leg = frames with its clips; release without release.other. */
    sk_diag_init(&d);
    s = parse("[sheet]\nimages = a.png\nframe_width = 8\nframe_height = 8\ncolumns = 2\n"
              "frames = 8\nother_leg = frames\n[clip.setup]\nfirst = 0\nlast = 1\n"
              "[clip.hold]\nfirst = 2\nlast = 3\n[clip.setup.other]\nfirst = 4\nlast = 5\n"
              "[clip.hold.other]\nfirst = 6\nlast = 7\n[clip.release]\nreverse_of = setup\n", &d);
    CHECK(s == NULL, "release without release.other");
    CHECK(sk_diag_contains(&d, 21, "no [clip.release.other]"), "release.other message");
    sk_diag_free(&d);

    /* Empty text, binary text, reverse of a reverse, both reverse and first,
     * too many columns, anchor outside, a stray continuation line. */
    sk_diag_init(&d);
    CHECK(parse("", &d) == NULL, "empty");
    CHECK(sk_diag_contains(&d, 0, "no [sheet] section"), "empty message");
    sk_diag_free(&d);
    sk_diag_init(&d);
    static const char bin[] = "[sheet]\nimages = a\0.png\n";
    s = sk_sprite_sheet_parse_text(bin, sizeof bin - 1, "bin.ini", &d);
    CHECK(s == NULL && sk_diag_contains(&d, 2, "not a text file"), "binary");
    sk_diag_free(&d);
    sk_diag_init(&d);
    s = parse("[sheet]\nimages = a.png\nframe_width = 300\nframe_height = 8\ncolumns = 30\n"
              "frames = 8\nanchor_y = 8\n[clip.setup]\nfirst = 0\nlast = 1\n"
              "[clip.hold]\nreverse_of = release\nlast = 2\n[clip.release]\nreverse_of = setup\n"
              "[clip.x]\nreverse_of = release\n  more\n",
              &d);
    CHECK(s == NULL, "many errors");
    CHECK(sk_diag_contains(&d, 5, "30 columns of 300 px make rows 9000 px wide"), "columns");
    CHECK(sk_diag_contains(&d, 7, "anchor_y must be inside the frame, 0..7, got 8"), "anchor");
    CHECK(sk_diag_contains(&d, 12, "has both reverse_of and first/last"), "both");
    CHECK(sk_diag_contains(&d, 17, "itself a reverse_of"), "reverse of reverse");
    CHECK(sk_diag_contains(&d, 18, "only 'images' may go on"), "continuation");
    sk_diag_free(&d);
}

int main(void)
{
    check_path(dir, sizeof dir, "tests/data/sprites");
    test_good();
    test_bad();
    test_inline();
    return CHECK_DONE();
}
