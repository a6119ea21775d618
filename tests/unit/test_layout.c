/* Layout at every size: nothing overlaps, everything is on screen, text is
 * never under 3 % of the height, touch targets are big enough and apart.
 * And text wrapping with a fake fixed-advance font. */
#include <math.h>
#include <string.h>

#include "check.h"
#include "layout.h"

typedef struct named {
    const char *name;
    sk_rect r;
} named;

static int exercise_boxes(const sk_layout *l, named *o)
{
    int n = 0;
    o[n++] = (named){"title", l->title};
    o[n++] = (named){"sprite", l->sprite};
    o[n++] = (named){"ring", l->ring_box};
    o[n++] = (named){"phase", l->phase};
    o[n++] = (named){"reps", l->reps};
    o[n++] = (named){"leg", l->leg};
    o[n++] = (named){"steps", l->steps};
    o[n++] = (named){"caption", l->caption};
    o[n++] = (named){"progress", l->progress};
    o[n++] = (named){"invite", l->invite};
    o[n++] = (named){"note", l->note};
    static const char *cn[SK_CTL_COUNT] = {"back", "pause", "skip", "stop"};
    for (int i = 0; i < SK_CTL_COUNT; i++) o[n++] = (named){cn[i], l->controls[i]};
    return n;
}

static int card_boxes(const sk_layout *l, named *o)
{
    int n = 0;
    o[n++] = (named){"card_title", l->card_title};
    o[n++] = (named){"card_body", l->card_body};
    o[n++] = (named){"caption", l->caption};
    o[n++] = (named){"progress", l->progress};
    o[n++] = (named){"invite", l->invite};
    o[n++] = (named){"note", l->note};
    static const char *cn[SK_CTL_COUNT] = {"back", "pause", "skip", "stop"};
    for (int i = 0; i < SK_CTL_COUNT; i++) o[n++] = (named){cn[i], l->controls[i]};
    return n;
}

static int intro_boxes(const sk_layout *l, named *o)
{
    int n = 0;
    o[n++] = (named){"title", l->title};
    o[n++] = (named){"sprite", l->sprite};
    o[n++] = (named){"steps_wide", l->steps_wide};
    o[n++] = (named){"caption", l->caption};
    o[n++] = (named){"progress", l->progress};
    o[n++] = (named){"invite", l->invite};
    o[n++] = (named){"note", l->note};
    static const char *cn[SK_CTL_COUNT] = {"back", "pause", "skip", "stop"};
    for (int i = 0; i < SK_CTL_COUNT; i++) o[n++] = (named){cn[i], l->controls[i]};
    return n;
}

static int failures_before;

static void check_set(const char *what, const sk_layout *l, const named *b, int n, int w, int h)
{
    sk_rect screen = {0, 0, w, h};
    for (int i = 0; i < n; i++) {
        if (sk_rect_empty(b[i].r)) continue;
        CHECK(sk_rect_inside(b[i].r, screen), "%dx%d %s: %s (%d,%d %dx%d) leaves the screen", w, h,
              what, b[i].name, b[i].r.x, b[i].r.y, b[i].r.w, b[i].r.h);
        for (int j = i + 1; j < n; j++)
            CHECK(!sk_rect_overlap(b[i].r, b[j].r), "%dx%d %s: %s overlaps %s", w, h, what,
                  b[i].name, b[j].name);
    }
    (void)l;
}

static sk_rect screen_of(const sk_layout *l)
{
    return (sk_rect){0, 0, l->w, l->h};
}

static void check_size(int w, int h, bool session, bool controls, bool invite, bool note, float dpi,
                       bool verbose)
{
    sk_layout_in in = {w, h, session, controls, invite, note, dpi, 0, false};
    sk_layout l;
    sk_layout_compute(&in, &l);
    named b[32];
    int n = exercise_boxes(&l, b);
    check_set("exercise", &l, b, n, w, h);
    n = card_boxes(&l, b);
    check_set("card", &l, b, n, w, h);
    n = intro_boxes(&l, b);
    check_set("intro", &l, b, n, w, h);
    CHECK(l.steps_wide.h >= l.steps.h && l.steps_wide.w >= l.steps.w, "%dx%d intro steps smaller", w, h);

    int fmin = (int)ceil(0.03 * h - 1e-9);
    CHECK(l.font_min >= fmin, "%dx%d font_min %d < %d", w, h, l.font_min, fmin);
    int fonts[] = {l.font_body, l.font_caption, l.font_button, l.font_small, l.font_invite,
                   l.font_title, l.font_phase, l.font_digits};
    for (size_t i = 0; i < sizeof fonts / sizeof fonts[0]; i++)
        CHECK(fonts[i] >= fmin, "%dx%d font %zu is %d < %d", w, h, i, fonts[i], fmin);

    /* Every box that is shown is big enough for what goes in it. */
    CHECK(l.title.h >= l.font_title, "%dx%d title too low", w, h);
    CHECK(l.caption.h >= l.caption_lines * l.font_caption, "%dx%d caption too low", w, h);
    CHECK(l.steps.h >= 2 * l.font_min, "%dx%d steps box %d too low", w, h, l.steps.h);
    CHECK(l.sprite.w >= w / 4 && l.sprite.h >= h / 8, "%dx%d sprite %dx%d too small", w, h,
          l.sprite.w, l.sprite.h);
    CHECK(l.card_body.h >= 4 * l.font_body, "%dx%d card body too low", w, h);
    CHECK(l.phase.h >= l.font_min && l.reps.h >= l.font_min && l.leg.h >= l.font_min,
          "%dx%d counters too low (%d %d %d)", w, h, l.phase.h, l.reps.h, l.leg.h);
    CHECK(l.progress.h >= 4, "%dx%d progress bar", w, h);
    if (note) CHECK(l.note.h >= l.font_small, "%dx%d note", w, h);

    /* The ring sits in its box, feather included, and its numerals fit
     * inside the band: two digits at ~0.64 em each. */
    int outer = l.ring_r + l.ring_thick / 2 + 1;
    CHECK(l.ring_cx - outer >= l.ring_box.x && l.ring_cx + outer <= l.ring_box.x + l.ring_box.w &&
              l.ring_cy - outer >= l.ring_box.y && l.ring_cy + outer <= l.ring_box.y + l.ring_box.h,
          "%dx%d ring leaves its box", w, h);
    CHECK(1.3 * l.font_digits <= 2 * (l.ring_r - l.ring_thick / 2), "%dx%d digits too big", w, h);
    CHECK(l.ring_r >= h / 20 || l.ring_r >= w / 20, "%dx%d ring too small: r=%d", w, h, l.ring_r);

    /* Touch targets: the minimum, and apart (checked with the sets above). */
    int short_side = w < h ? w : h;
    CHECK(l.hit_min >= (int)ceil(0.10 * short_side - 1e-9), "%dx%d hit_min %d", w, h, l.hit_min);
    if (dpi > 0)
        CHECK(l.hit_min >= (int)ceil(dpi * 9 / 25.4 - 1e-9), "%dx%d hit_min %d at %g dpi", w, h,
              l.hit_min, dpi);
    for (int i = 0; i < SK_CTL_COUNT; i++) {
        if (!controls) {
            CHECK(sk_rect_empty(l.controls[i]), "control %d shown without controls", i);
            continue;
        }
        sk_rect c = l.controls[i];
        CHECK(c.w >= l.hit_min && c.h >= l.hit_min, "%dx%d control %d is %dx%d < %d", w, h, i, c.w,
              c.h, l.hit_min);
        CHECK_INT(sk_layout_hit(&l, c.x + c.w / 2, c.y + c.h / 2), i);
        CHECK_INT(sk_layout_hit(&l, c.x, c.y), i);
        CHECK_INT(sk_layout_hit(&l, c.x + c.w - 1, c.y + c.h - 1), i);
    }
    CHECK_INT(sk_layout_hit(&l, l.ring_cx, l.ring_cy), SK_CTL_COUNT);
    if (invite) CHECK(l.invite.h >= l.hit_min && l.invite.w >= 3 * l.hit_min, "%dx%d invite", w, h);
    CHECK(l.portrait == (h * 100 > w * 130), "portrait flag");

    /* The parts inside boxes lie inside them. */
    CHECK(sk_rect_inside(l.dialog_inner, l.dialog), "%dx%d dialog's inside", w, h);
    CHECK(sk_rect_inside(l.card_heading, screen_of(&l)) && l.card_heading.w == l.card_body.w,
          "%dx%d heading", w, h);
    CHECK(sk_rect_empty(l.card_rule) || l.card_rule.y + l.card_rule.h < l.card_body.y,
          "%dx%d the rule reaches the body", w, h);
    CHECK(l.card_text.y >= l.card_body.y && l.card_text.y + l.card_text.h == l.card_body.y + l.card_body.h,
          "%dx%d card text", w, h);
    CHECK(l.done_cy - l.done_r >= l.card_body.y && l.done_title.y >= l.done_cy + l.done_r &&
              l.done_text.y >= l.done_title.y + l.done_title.h,
          "%dx%d finish: ring, title, text in order", w, h);
    CHECK(l.button_radius * 2 <= l.hit_min && l.button_icon < l.hit_min && l.button_pad > 0,
          "%dx%d button parts", w, h);
    if (invite)
        CHECK(sk_rect_inside(l.invite_text, l.invite) && l.invite_dot_x < l.invite_text.x,
              "%dx%d invitation's words", w, h);
    if (note)
        CHECK(sk_rect_inside(l.note_text, l.note) && l.note_dot_x < l.note_text.x, "%dx%d note's words",
              w, h);
    if (verbose)
        printf("%5dx%-5d %s%s%s: body %d caption %d title %d phase %d digits %d, hit %d, ring r=%d, "
               "steps %dx%d, sprite %dx%d\n",
               w, h, session ? "session" : "loop", controls ? "+controls" : "",
               invite ? "+invite" : "", l.font_body, l.font_caption, l.font_title, l.font_phase,
               l.font_digits, l.hit_min, l.ring_r, l.steps.w, l.steps.h, l.sprite.w, l.sprite.h);
}

static const int sizes[][2] = {
    {800, 480}, {1024, 600}, {1280, 720}, {1366, 768}, {1280, 1024},
    {1920, 1080}, {3840, 2160}, {1080, 1920}, {480, 800}, {2160, 3840}, {1920, 1200},
};

static void test_sizes(void)
{
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        int w = sizes[i][0], h = sizes[i][1];
        check_size(w, h, true, true, false, false, 0, true);
        check_size(w, h, true, true, false, true, 0, false);
        check_size(w, h, false, false, true, false, 0, true);
        check_size(w, h, false, false, true, true, 0, false);
        check_size(w, h, false, false, false, false, 0, false);
        check_size(w, h, true, false, false, false, 0, false);
        /* The official 7" touchscreen is ~133 dpi; a phone-like 400 dpi
         * screen makes 9 mm the larger minimum. */
        check_size(w, h, true, true, false, false, 133, false);
        if ((w < h ? w : h) >= 1080) check_size(w, h, true, true, false, true, 400, false);
    }
}

/* A kiosk of several languages: the tag and the language buttons lie on
 * the screen, overlap nothing shown with them, and each button is a touch
 * target that hit-tests to its language. */
static int with_languages(const sk_layout *l, named *o, int n)
{
    static const char *ln[SK_LANGUAGE_BUTTONS_MAX] = {"lang1", "lang2", "lang3", "lang4", "lang5", "lang6"};
    o[n++] = (named){"lang_tag", l->lang_tag};
    for (int i = 0; i < SK_LANGUAGE_BUTTONS_MAX; i++) o[n++] = (named){ln[i], l->lang_buttons[i]};
    return n;
}

static void test_language_boxes(void)
{
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++)
        for (int langs = 2; langs <= SK_LANGUAGE_BUTTONS_MAX; langs += 4)
            for (int kind = 0; kind < 3; kind++) {   /* loop+invite, session, start screen */
                int w = sizes[i][0], h = sizes[i][1];
                sk_layout_in in = {w, h, kind > 0, kind == 1, kind != 1, kind == 2, 0, kind != 1 ? langs : 0, true};
                sk_layout l;
                sk_layout_compute(&in, &l);
                named b[48];
                check_set("exercise+languages", &l, b, with_languages(&l, b, exercise_boxes(&l, b)), w, h);
                check_set("card+languages", &l, b, with_languages(&l, b, card_boxes(&l, b)), w, h);
                check_set("intro+languages", &l, b, with_languages(&l, b, intro_boxes(&l, b)), w, h);
                CHECK(!sk_rect_overlap(l.card_heading, l.lang_tag), "%dx%d heading under the tag", w, h);
                CHECK(l.lang_tag.h >= l.font_small && l.lang_tag.w >= 3 * l.font_small, "%dx%d tag %dx%d", w,
                      h, l.lang_tag.w, l.lang_tag.h);
                for (int k = 0; k < SK_LANGUAGE_BUTTONS_MAX; k++) {
                    sk_rect r = l.lang_buttons[k];
                    if (k >= in.languages) {
                        CHECK(sk_rect_empty(r), "%dx%d button %d of %d", w, h, k, in.languages);
                        continue;
                    }
                    CHECK(r.w >= l.hit_min && r.h >= l.hit_min, "%dx%d language button %d is %dx%d < %d", w,
                          h, k, r.w, r.h, l.hit_min);
                    CHECK_INT(sk_layout_hit_language(&l, r.x + r.w / 2, r.y + r.h / 2), k);
                    CHECK_INT(sk_layout_hit(&l, r.x + r.w / 2, r.y + r.h / 2), SK_CTL_COUNT);
                }
                CHECK_INT(sk_layout_hit_language(&l, l.ring_cx, l.ring_cy), -1);
            }
}

/* Every size on a grid, both ways round: the same guarantees. */
static void test_sweep(void)
{
    int before = check_failed_;
    for (int w = 640; w <= 3840; w += 97)
        for (int h = 360; h <= 2160; h += 89) {
            double ar = (double)w / h;
            if (ar > 2.4 || ar < 1 / 2.4) continue;   /* beyond any real screen */
            check_size(w, h, true, true, false, true, 0, false);
            check_size(w, h, false, false, true, false, 0, false);
            if (check_failed_ - before > 20) return;  /* enough said */
        }
}

static void test_tiny_is_wellformed(void)
{
    sk_layout_in in = {10, 10, true, true, true, true, 0, 0, false};
    sk_layout l;
    sk_layout_compute(&in, &l);
    CHECK_INT(l.w, 64);
    CHECK(l.sprite.w >= 0 && l.steps.h >= 0 && l.card_body.h >= 0, "no negative boxes");
}

/* ---- wrapping ---------------------------------------------------------- */

static int measure_calls;

/* Fixed advance: every code point is half the font size wide. */
static int fake_measure(void *user, const char *s, int px)
{
    (void)user;
    measure_calls++;
    int n = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if ((*p & 0xC0) != 0x80) n++;
    return n * px / 2;
}

static int failing_measure(void *user, const char *s, int px)
{
    (void)user, (void)s, (void)px;
    return -1;
}

static void line_text(const char *para, const sk_wrap_line *ln, char *out, size_t n)
{
    size_t len = (size_t)ln->len < n - 1 ? (size_t)ln->len : n - 1;
    memcpy(out, para + ln->start, len);
    out[len] = '\0';
}

static void test_wrap_basic(void)
{
    /* 20 px font: 10 px a character; box 100 px wide = 10 characters. */
    sk_wrap_opts o = {.box_w = 100, .box_h = 1000, .font_max = 20, .font_min = 20};
    sk_wrap w;
    const char *t = "the quick brown fox jumps over";
    CHECK(sk_text_wrap1(t, &o, fake_measure, NULL, &w), "wrap");
    CHECK(w.fits, "fits");
    CHECK_INT(w.font_px, 20);
    CHECK_INT(w.line_count, 3);
    char buf[64];
    line_text(t, &w.lines[0], buf, sizeof buf);
    CHECK_STR(buf, "the quick");
    line_text(t, &w.lines[1], buf, sizeof buf);
    CHECK_STR(buf, "brown fox");
    line_text(t, &w.lines[2], buf, sizeof buf);
    CHECK_STR(buf, "jumps over");
    CHECK_INT(w.lines[2].width, 100);
    CHECK(w.lines[0].first && !w.lines[1].first, "first flags");
    CHECK_INT(w.line_h, 25);  /* ceil(20 * 1.22) */
    CHECK_INT(w.height, 75);
    for (int i = 0; i < w.line_count; i++) CHECK(w.lines[i].width <= o.box_w, "line %d too wide", i);
}

static void test_wrap_shrinks(void)
{
    /* 40 characters into 200 x 60: at 20 px (10/char, 25 px lines) it needs
     * 2 lines of 20 -> 50 px: fits. At 40 px it would need 4 lines. */
    const char *t = "aaaa bbbb cccc dddd eeee ffff gggg hhhhh";
    sk_wrap_opts o = {.box_w = 200, .box_h = 60, .font_max = 40, .font_min = 12};
    sk_wrap w;
    CHECK(sk_text_wrap1(t, &o, fake_measure, NULL, &w), "wrap");
    CHECK(w.fits, "fits after shrinking");
    CHECK(w.font_px < 40 && w.font_px >= 12, "shrunk to %d", w.font_px);
    CHECK(w.height <= 60, "height %d", w.height);
    for (int i = 0; i < w.line_count; i++)
        CHECK(w.lines[i].width <= 200, "line %d width %d", i, w.lines[i].width);
    /* The largest size that fits: one size up must not fit. */
    sk_wrap w2;
    sk_wrap_opts o2 = o;
    o2.font_min = o2.font_max = w.font_px + 1;
    sk_text_wrap1(t, &o2, fake_measure, NULL, &w2);
    CHECK(!w2.fits || w.font_px == 40, "a larger size (%d) also fits", w.font_px + 1);
}

static void test_wrap_truncates(void)
{
    const char *t = "one two three four five six seven eight nine ten eleven twelve";
    sk_wrap_opts o = {.box_w = 100, .box_h = 50, .font_max = 20, .font_min = 20};
    sk_wrap w;
    CHECK(sk_text_wrap1(t, &o, fake_measure, NULL, &w), "wrap");
    CHECK(!w.fits, "cannot fit");
    CHECK(w.truncated, "truncated");
    CHECK_INT(w.font_px, 20);
    CHECK_INT(w.line_count, 2);
    CHECK(w.height <= 50, "kept lines fit: %d", w.height);
}

static void test_wrap_long_word_utf8(void)
{
    /* 12 two-byte characters, 5 fit a line: broken between characters,
     * never inside one. */
    const char *t = "éééééééééééé";
    sk_wrap_opts o = {.box_w = 50, .box_h = 1000, .font_max = 20, .font_min = 20};
    sk_wrap w;
    CHECK(sk_text_wrap1(t, &o, fake_measure, NULL, &w), "wrap");
    CHECK_INT(w.line_count, 3);
    CHECK_INT(w.lines[0].len, 10);
    CHECK_INT(w.lines[1].start, 10);
    CHECK_INT(w.lines[2].len, 4);
    for (int i = 0; i < w.line_count; i++) CHECK(w.lines[i].start % 2 == 0, "split a character");
}

/* A long word shrinks the font, within its floor, rather than lose its
 * last letters to the next line ("Überspringe" / "n" on a German button). */
static void test_wrap_keeps_words_whole(void)
{
    /* 12 characters: 120 px at 20, whole at 16 (96 px in a 100 px box). */
    sk_wrap_opts o = {.box_w = 100, .box_h = 60, .font_max = 20, .font_min = 12};
    sk_wrap w;
    CHECK(sk_text_wrap1("Überspringen", &o, fake_measure, NULL, &w), "wrap");
    CHECK_INT(w.line_count, 1);
    CHECK(w.font_px <= 16 && w.font_px >= 12 && w.fits, "shrunk to %d px, whole", w.font_px);
    /* Too long even at the floor: broken between characters, as before. */
    o.font_min = 18;
    CHECK(sk_text_wrap1("Überspringen", &o, fake_measure, NULL, &w), "wrap");
    CHECK_INT(w.line_count, 2);
}

static void test_wrap_paragraphs(void)
{
    const char *p[] = {"Lie on your back", "Cross the leg\nand relax", ""};
    sk_wrap_opts o = {.box_w = 220, .box_h = 1000, .font_max = 20, .font_min = 20, .indent = 40};
    sk_wrap w;
    CHECK(sk_text_wrap(p, 3, &o, fake_measure, NULL, &w), "wrap");
    CHECK(w.fits, "fits");
    /* 18 characters a line after the indent. */
    CHECK_INT(w.line_count, 4);
    CHECK_INT(w.lines[0].para, 0);
    CHECK_INT(w.lines[1].para, 1);
    CHECK(w.lines[1].first, "para 1 first line");
    CHECK_INT(w.lines[1].len, 13);      /* the forced break */
    CHECK(!w.lines[2].first, "continuation");
    CHECK_INT(w.lines[3].para, 2);      /* an empty paragraph is one empty line */
    CHECK_INT(w.lines[3].len, 0);
    CHECK(w.width <= 220, "width with indent %d", w.width);
    CHECK_INT(w.height, 4 * 25 + 2 * w.para_gap_px);
}

static void test_wrap_errors(void)
{
    sk_wrap_opts o = {.box_w = 100, .box_h = 100, .font_max = 20, .font_min = 20};
    sk_wrap w;
    CHECK(!sk_text_wrap1("abc", &o, failing_measure, NULL, &w), "measure failure");
    CHECK_INT(w.line_count, 0);
    o.font_min = 0;
    CHECK(!sk_text_wrap1("abc", &o, fake_measure, NULL, &w), "bad font_min");
    o.font_min = 30;
    CHECK(!sk_text_wrap1("abc", &o, fake_measure, NULL, &w), "min > max");
    o.font_min = 10;
    o.box_w = 0;
    CHECK(!sk_text_wrap1("abc", &o, fake_measure, NULL, &w), "empty box");
    /* A shrink from 200 px down to 10 px measures in ~4 % steps, not 190. */
    sk_wrap_opts big = {.box_w = 40, .box_h = 20, .font_max = 200, .font_min = 10};
    measure_calls = 0;
    sk_text_wrap1("a b c d e f g h i j k l m n o p", &big, fake_measure, NULL, &w);
    CHECK(measure_calls < 3000, "measured %d times", measure_calls);
}

/* Real steps at the real sizes, with the fake font: report the chosen sizes
 * (no assertion about fitting; the scene handles a truncated list). */
static void test_wrap_real_text(void)
{
    const char *steps[] = {
        "Lie on your back with your knees bent and your feet flat on the floor.",
        "Cross your painful leg over, so its ankle rests just above the other knee.",
        "Let the painful leg relax until you feel a slight stretch in your hip and buttock.",
    };
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        sk_layout_in in = {sizes[i][0], sizes[i][1], true, true, false, false, 0, 0, false};
        sk_layout l;
        sk_layout_compute(&in, &l);
        sk_wrap_opts o = {.box_w = l.steps.w, .box_h = l.steps.h, .font_max = l.font_body,
                          .font_min = l.font_min, .indent = l.font_body * 3 / 2};
        sk_wrap w;
        CHECK(sk_text_wrap(steps, 3, &o, fake_measure, NULL, &w), "wrap");
        CHECK(w.font_px >= l.font_min, "font %d under the floor", w.font_px);
        CHECK(w.height <= l.steps.h, "wrapped text leaves the box");
        printf("  steps at %dx%d: %d px, %d lines, %s\n", sizes[i][0], sizes[i][1], w.font_px,
               w.line_count, w.fits ? "fits" : "TRUNCATED");
    }
}

int main(void)
{
    (void)failures_before;
    test_sizes();
    test_sweep();
    test_tiny_is_wellformed();
    test_wrap_basic();
    test_wrap_shrinks();
    test_wrap_truncates();
    test_wrap_long_word_utf8();
    test_wrap_paragraphs();
    test_wrap_keeps_words_whole();
    test_language_boxes();
    test_wrap_errors();
    test_wrap_real_text();
    return CHECK_DONE();
}
