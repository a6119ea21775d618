/* Screen layout: where every element of the kiosk's picture goes, as a pure
 * function of the window size and a few flags. No SDL, no clock.
 *
 * One function (sk_layout_compute) places everything; the scene only draws
 * into the boxes it gets. Guarantees, for every size from 320x240 up to
 * 8192x8192 (tested at 800x480 .. 3840x2160, landscape and portrait):
 *   - every box lies inside the screen (outer margin kept);
 *   - no two boxes that can be shown at the same time overlap;
 *   - every font size for body text (steps, captions, card text, notes,
 *     button words) is >= 3 % of the screen height (rounded up);
 *   - every on-screen control's hit area is >= the touch minimum: 9 mm at
 *     the display's DPI when known, and never under 10 % of the short side
 *     when not; controls never overlap.
 *
 * Text: sk_text_wrap breaks UTF-8 text on word boundaries into a box,
 * shrinking the font down to a floor when it must; the caller hands in a
 * measuring callback (TTF_SizeUTF8 in the program, a fixed advance in tests).
 */
#ifndef SK_LAYOUT_H
#define SK_LAYOUT_H
#include <stdbool.h>
#include <stddef.h>

typedef struct sk_rect {
    int x, y, w, h;
} sk_rect;

/* On-screen controls of a guided session, in the order they sit. */
typedef enum {
    SK_CTL_BACK,
    SK_CTL_PAUSE,   /* pause / resume: one button that changes its word */
    SK_CTL_SKIP,
    SK_CTL_STOP,    /* set apart from the others, at the far end */
    SK_CTL_COUNT
} sk_control;

#define SK_LANGUAGE_BUTTONS_MAX 6

typedef struct sk_layout_in {
    int w, h;            /* the (logical, already rotated) picture size */
    bool session;        /* a guided session (else the unattended loop) */
    bool controls;       /* the session's on-screen controls are shown */
    bool invitation;     /* "Tap to start" is shown (loop in touch mode) */
    bool note;           /* the small "built-in routine" note is shown */
    float dpi;           /* diagonal DPI of the display, 0 = unknown */
    int languages;       /* language buttons to offer (0 = none, else
                            2..SK_LANGUAGE_BUTTONS_MAX): in the invitation's
                            row (landscape) or above it (portrait), or
                            above the controls */
    bool tag;            /* the small language tag, top right */
} sk_layout_in;

typedef struct sk_layout {
    sk_layout_in in;     /* what it was computed from (as handed in) */
    int w, h;
    bool portrait;       /* stacked arrangement: h > 1.3 w */
    int margin;          /* outer margin, px */
    int gap;             /* space between elements, px */

    /* Boxes of the exercise screens (intro, get ready, hold, rest, switch,
     * loop demo). */
    sk_rect title;       /* exercise name; may take title_lines lines */
    int title_lines;
    sk_rect sprite;      /* the animation; the scene fits the frame inside */
    sk_rect ring_box;    /* square that holds the ring */
    int ring_cx, ring_cy, ring_r, ring_thick;  /* centre line radius + width */
    sk_rect phase;       /* phase word beside the ring: "Hold", "Rest" */
    sk_rect reps;        /* rep markers (dots) and "2 of 4" */
    sk_rect leg;         /* leg indicator: a small figure + the word */
    sk_rect steps;       /* the numbered steps */
    sk_rect steps_wide;  /* intro: the steps take the whole column beside the
                            animation (no ring or counters then) */
    sk_rect caption;     /* the words of the current voice cue */
    int caption_lines;
    sk_rect progress;    /* thin bar: session or loop progress */

    /* Text screens (info cards, welcome, finish, still-there). They use the
     * title row, these two boxes, the caption, progress and bottom row; they
     * overlap the exercise boxes above, which are not shown with them. */
    sk_rect card_title;
    sk_rect card_body;

    /* A box centred over the middle for "Paused", "Are you still there?"
     * and the stop confirmation; drawn on a dimmed middle. */
    sk_rect dialog;

    /* Bottom row: either the controls (session) or the invitation (loop). */
    sk_rect controls[SK_CTL_COUNT];  /* all zero when !in.controls */
    sk_rect invite;                  /* zero when !in.invitation */
    sk_rect note;                    /* zero when !in.note */
    sk_rect lang_buttons[SK_LANGUAGE_BUTTONS_MAX]; /* in.languages of them, each
                                        >= the touch minimum, none overlapping
                                        a control or the invitation */
    sk_rect lang_tag;                /* zero when !in.tag; the title row
                                        gives way to it */
    int hit_min;         /* the touch minimum used, px */

    /* Parts inside those boxes, drawn as they are (the scene measures only
     * text). Text screens: the title over the body's column, the accent
     * rule under it (empty when it would reach the body), the text below. */
    sk_rect card_heading, card_rule, card_text;
    /* Every control: its corners, its icon's side, the padding between
     * the edge, the icon and the word. */
    float button_radius, button_icon;
    int button_pad;
    /* The invitation: the fingertip's centre and size, the words. */
    float invite_dot_x, invite_dot_y, invite_icon;
    sk_rect invite_text;
    /* The finish screen: a closed ring (centre, radius, width) over the
     * title and the text. */
    float done_cx, done_cy, done_r, done_thick;
    sk_rect done_title, done_text;
    /* The fallback note: its dot (centre, radius) and its words. */
    float note_dot_x, note_dot_y, note_dot_r;
    sk_rect note_text;
    /* The dialog: corners, border, the inside for its ring and words; the
     * veil that dims what lies between the title row and the caption. Its
     * ring (a paused hold, "still there?"): centre, radius, width, and the
     * radius its steps are counted at. The big word and the hint under it:
     * [1] with the ring above them, [0] without. */
    float dialog_radius, dialog_border;
    sk_rect dialog_inner, dialog_veil;
    float dialog_ring_cx, dialog_ring_cy, dialog_ring_r, dialog_ring_thick, dialog_ring_steps_r;
    sk_rect dialog_word[2], dialog_hint[2];
    /* Exercise screens: the animation panel's corners and the frame's box
     * inside it; the radius the ring's steps are counted at (its outer
     * edge); the rep dots' box and the room after the dots before "2 of 4"
     * starts; the leg figure's square and the leg's word. */
    float sprite_radius;
    sk_rect sprite_inner;
    float ring_steps_r;
    sk_rect rep_dots;
    float rep_text_gap;
    sk_rect leg_figure, leg_text;
    /* Welcome: the safety note's panel (padding, corners, the warning
     * bar's width and its inset from the panel's top and bottom), the
     * most of the body the welcome takes before the note, the space
     * between them; and the body it may take when its texts do not fit
     * card_text (down over the caption box, which the welcome leaves
     * empty: 480x800 German with the language buttons above a session's
     * controls). */
    int panel_pad, warn_bar_w, warn_bar_inset, welcome_top_h, welcome_gap;
    sk_rect welcome_room;
    float panel_radius;
    /* The language tag: its outline's width and its word's box. */
    float lang_tag_border;
    sk_rect lang_tag_text;

    /* Font sizes (pixel em, as TTF_OpenFont's ptsize at 72 dpi). */
    int font_title;      /* exercise name, card title */
    int font_phase;      /* "Hold", "Get ready" beside the ring */
    int font_digits;     /* numerals inside the ring */
    int font_body;       /* steps, card text */
    int font_caption;
    int font_button;     /* words on the controls */
    int font_invite;
    int font_small;      /* the fallback note, the language tag */
    int font_count;      /* "2 of 4" and the leg's word */
    int font_text;       /* the text screens' text, the welcome, the finish */
    int font_done;       /* the finish screen's title */
    int font_min;        /* floor for any body text: ceil(3 % of h) */
} sk_layout;

/* Fills *out. Sizes below 64x64 are treated as 64x64 (a window being
 * minimised); the result is still well-formed. Never fails. */
void sk_layout_compute(const sk_layout_in *in, sk_layout *out);

/* The touch minimum in px for this size and DPI (see the header comment). */
int sk_layout_hit_min(int w, int h, float dpi);

/* Which language button contains the point (0-based), -1 when none. */
int sk_layout_hit_language(const sk_layout *l, int x, int y);

/* Which control, if any, contains the point; SK_CTL_COUNT when none. */
sk_control sk_layout_hit(const sk_layout *l, int x, int y);

bool sk_rect_overlap(sk_rect a, sk_rect b);      /* share any pixel */
bool sk_rect_inside(sk_rect inner, sk_rect outer);
bool sk_rect_empty(sk_rect r);                   /* w <= 0 or h <= 0 */
bool sk_rect_contains(sk_rect r, int x, int y);

/* ---- text wrapping ---------------------------------------------------- */

/* Width in px of the NUL-terminated UTF-8 string at font size font_px, or
 * < 0 on failure. Must be deterministic. */
typedef int (*sk_text_measure_fn)(void *user, const char *utf8, int font_px);

#define SK_WRAP_MAX_LINES 48
#define SK_WRAP_MAX_PARAS 16

typedef struct sk_wrap_line {
    int para;            /* which paragraph */
    int start, len;      /* bytes of that paragraph; trailing blank dropped */
    int width;           /* measured width, px */
    bool first;          /* first line of its paragraph (gets its marker) */
} sk_wrap_line;

typedef struct sk_wrap_opts {
    int box_w, box_h;
    int font_max, font_min;  /* tries font_max first, shrinks to font_min */
    float line_height;       /* line advance as a multiple of the font; 0 = 1.22 */
    float para_gap;          /* extra space between paragraphs, in lines; 0 = 0.35 */
    int indent;              /* left indent of every line, px (room for "1." / "•") */
    int max_lines;           /* 0 = no limit beyond the box */
} sk_wrap_opts;

typedef struct sk_wrap {
    int font_px;         /* the size chosen */
    int line_h;          /* line advance, px */
    int para_gap_px;
    int line_count;
    sk_wrap_line lines[SK_WRAP_MAX_LINES];
    int height;          /* total height of the lines kept, px */
    int width;           /* widest line + indent, px */
    bool fits;           /* everything fits at font_px */
    bool truncated;      /* !fits: lines were dropped at the end (the scene
                            ends the last kept line with an ellipsis) */
} sk_wrap;

/* Wraps paragraphs (each a NUL-terminated UTF-8 string; '\n' inside forces a
 * break) on blanks into the box. Not reentrant (a 1 KB static scratch; the
 * kiosk lays text out on its one drawing thread). A word wider than the box is broken
 * between characters, but only when no size down to font_min keeps every
 * word whole. Tries font sizes from font_max down to font_min and
 * keeps the largest that fits; when none fits, lays out at font_min, keeps
 * the lines that fit and sets truncated. Returns false only on a measure
 * failure or bad arguments (out is then empty). Text pointers are not kept. */
bool sk_text_wrap(const char *const *paras, int para_count, const sk_wrap_opts *opts,
                  sk_text_measure_fn measure, void *user, sk_wrap *out);

/* Convenience for a single paragraph. */
bool sk_text_wrap1(const char *text, const sk_wrap_opts *opts, sk_text_measure_fn measure,
                   void *user, sk_wrap *out);
#endif
