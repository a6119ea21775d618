/* The kiosk's colours: a calm, dark palette (a bright screen glares across
 * a dim waiting room) and one accent per phase. No SDL.
 *
 * A phase's colour never carries meaning alone: the scene always shows it
 * with the phase's word ("Hold", "Rest", ...) and a shape (the ring's style,
 * the leg figure). Every text colour is used only on the backgrounds listed
 * by sk_palette_text_pairs, and each of those pairs is >= 4.5:1 (WCAG AA),
 * which tests/unit/test_palette.c checks.
 */
#ifndef SK_PALETTE_H
#define SK_PALETTE_H
#include <stdint.h>

typedef struct sk_rgb {
    uint8_t r, g, b;
} sk_rgb;

typedef enum {
    SK_COL_BG,          /* the screen */
    SK_COL_SURFACE,     /* panels: sprite area, dialog, buttons */
    SK_COL_TEXT,        /* main text */
    SK_COL_MUTED,       /* secondary text: step numbers, "2 of 4", notes */
    SK_COL_TRACK,       /* the empty part of a ring or bar (not text) */
    SK_COL_ON_ACCENT,   /* text on an accent fill (the invitation) */
    SK_COL_WARN,        /* the fallback note's mark, stop confirmation */
    SK_COL_COUNT
} sk_color_id;

typedef enum {
    SK_ACC_GET_READY,
    SK_ACC_HOLD,
    SK_ACC_REST,
    SK_ACC_SWITCH,
    SK_ACC_CARD,
    SK_ACC_FINISH,
    SK_ACC_INTRO,       /* intro / welcome / loop demo */
    SK_ACC_COUNT
} sk_accent;

sk_rgb sk_palette(sk_color_id id);
sk_rgb sk_palette_accent(sk_accent a);
const char *sk_accent_name(sk_accent a);

/* WCAG 2 relative luminance (0..1) and contrast ratio (1..21). */
double sk_rel_luminance(sk_rgb c);
double sk_contrast_ratio(sk_rgb a, sk_rgb b);

/* Linear mix: t = 0 gives a, 1 gives b. */
sk_rgb sk_rgb_mix(sk_rgb a, sk_rgb b, double t);

/* Every text-on-background pair the scene draws. The array is static. */
typedef struct sk_text_pair {
    const char *what;
    sk_rgb fg, bg;
} sk_text_pair;
const sk_text_pair *sk_palette_text_pairs(int *count);
#endif
