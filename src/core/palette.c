#include "palette.h"

#include <math.h>
#include <stddef.h>

/* Deep blue-slate ground, warm off-white text, soft accents. */
static const sk_rgb base[SK_COL_COUNT] = {
    [SK_COL_BG] = {0x13, 0x1E, 0x2A},
    [SK_COL_SURFACE] = {0x1D, 0x2C, 0x3B},
    [SK_COL_TEXT] = {0xF3, 0xEF, 0xE7},
    [SK_COL_MUTED] = {0xA8, 0xB5, 0xC2},
    [SK_COL_TRACK] = {0x2E, 0x40, 0x52},
    [SK_COL_ON_ACCENT] = {0x10, 0x19, 0x23},
    [SK_COL_WARN] = {0xF0, 0xA8, 0x8E},
};

static const sk_rgb accents[SK_ACC_COUNT] = {
    [SK_ACC_GET_READY] = {0xF4, 0xB8, 0x60},  /* amber: get set */
    [SK_ACC_HOLD] = {0x5C, 0xC8, 0xB4},       /* teal: the work */
    [SK_ACC_REST] = {0xA7, 0xB4, 0xF5},       /* periwinkle: breathe */
    [SK_ACC_SWITCH] = {0xC3, 0xA8, 0xF2},     /* lavender: change sides */
    [SK_ACC_CARD] = {0xDD, 0xC9, 0xA0},       /* sand: reading */
    [SK_ACC_FINISH] = {0x9C, 0xD6, 0x82},     /* green: done */
    [SK_ACC_INTRO] = {0x7F, 0xC4, 0xE0},      /* light blue */
};

static const char *const acc_names[SK_ACC_COUNT] = {
    "get-ready", "hold", "rest", "switch", "card", "finish", "intro",
};

sk_rgb sk_palette(sk_color_id id)
{
    if ((int)id < 0 || id >= SK_COL_COUNT) return base[SK_COL_TEXT];
    return base[id];
}

sk_rgb sk_palette_accent(sk_accent a)
{
    if ((int)a < 0 || a >= SK_ACC_COUNT) return accents[SK_ACC_INTRO];
    return accents[a];
}

const char *sk_accent_name(sk_accent a)
{
    if ((int)a < 0 || a >= SK_ACC_COUNT) return "?";
    return acc_names[a];
}

static double channel(uint8_t v)
{
    double c = v / 255.0;
    return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

double sk_rel_luminance(sk_rgb c)
{
    return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}

double sk_contrast_ratio(sk_rgb a, sk_rgb b)
{
    double la = sk_rel_luminance(a), lb = sk_rel_luminance(b);
    double hi = la > lb ? la : lb, lo = la > lb ? lb : la;
    return (hi + 0.05) / (lo + 0.05);
}

sk_rgb sk_rgb_mix(sk_rgb a, sk_rgb b, double t)
{
    if (t < 0) t = 0;
    if (t > 1) t = 1;
    sk_rgb o = {
        (uint8_t)lround(a.r + (b.r - a.r) * t),
        (uint8_t)lround(a.g + (b.g - a.g) * t),
        (uint8_t)lround(a.b + (b.b - a.b) * t),
    };
    return o;
}

/* Pairs by name, resolved from the tables above so they can never drift.
 * An id below SK_COL_COUNT is a base colour; ACC(x) an accent. */
#define ACC(x) (100 + (x))
static const struct {
    const char *what;
    int fg, bg;
} pair_ids[] = {
    {"text on background", SK_COL_TEXT, SK_COL_BG},
    {"text on surface", SK_COL_TEXT, SK_COL_SURFACE},
    {"muted on background", SK_COL_MUTED, SK_COL_BG},
    {"muted on surface", SK_COL_MUTED, SK_COL_SURFACE},
    {"warning on background", SK_COL_WARN, SK_COL_BG},
    {"warning on surface", SK_COL_WARN, SK_COL_SURFACE},
    /* phase words and ring numerals in the accent, on the background */
    {"get-ready on background", ACC(SK_ACC_GET_READY), SK_COL_BG},
    {"hold on background", ACC(SK_ACC_HOLD), SK_COL_BG},
    {"rest on background", ACC(SK_ACC_REST), SK_COL_BG},
    {"switch on background", ACC(SK_ACC_SWITCH), SK_COL_BG},
    {"card on background", ACC(SK_ACC_CARD), SK_COL_BG},
    {"finish on background", ACC(SK_ACC_FINISH), SK_COL_BG},
    {"intro on background", ACC(SK_ACC_INTRO), SK_COL_BG},
    /* accents on panels (dialog words, button icons, step numbers) */
    {"get-ready on surface", ACC(SK_ACC_GET_READY), SK_COL_SURFACE},
    {"hold on surface", ACC(SK_ACC_HOLD), SK_COL_SURFACE},
    {"rest on surface", ACC(SK_ACC_REST), SK_COL_SURFACE},
    {"switch on surface", ACC(SK_ACC_SWITCH), SK_COL_SURFACE},
    {"card on surface", ACC(SK_ACC_CARD), SK_COL_SURFACE},
    {"finish on surface", ACC(SK_ACC_FINISH), SK_COL_SURFACE},
    {"intro on surface", ACC(SK_ACC_INTRO), SK_COL_SURFACE},
    /* dark words on a filled accent: the invitation, the confirm button */
    {"on-accent on intro", SK_COL_ON_ACCENT, ACC(SK_ACC_INTRO)},
    {"on-accent on hold", SK_COL_ON_ACCENT, ACC(SK_ACC_HOLD)},
    {"on-accent on warning", SK_COL_ON_ACCENT, SK_COL_WARN},
};
#define PAIR_COUNT ((int)(sizeof pair_ids / sizeof pair_ids[0]))

static sk_rgb resolve(int id)
{
    return id >= 100 ? sk_palette_accent((sk_accent)(id - 100)) : sk_palette((sk_color_id)id);
}

const sk_text_pair *sk_palette_text_pairs(int *count)
{
    static sk_text_pair pairs[PAIR_COUNT];
    for (int i = 0; i < PAIR_COUNT; i++) {
        pairs[i].what = pair_ids[i].what;
        pairs[i].fg = resolve(pair_ids[i].fg);
        pairs[i].bg = resolve(pair_ids[i].bg);
    }
    *count = PAIR_COUNT;
    return pairs;
}
