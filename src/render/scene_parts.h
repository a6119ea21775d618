/* The scene's parts (private to src/render/scene*.c and friends; the
 * public face is scene.h). One frame goes:
 *   screens.c       the timeline's view -> a display list of items, drawn
 *                   into the boxes of the layout
 *   captions.c      the voice's words, in pages when long
 *   step_pages.c    steps that do not all fit, in pages
 *   read_along.c    long text in pieces timed to the voice
 *   scene_text.c    wrapping and ellipsis caches, text items, the digits
 *   display_list.c  items, their keys and hashes; shapes and icons
 *   quantise.c      ring, bar and numbers rounded so a still picture stands
 *                   still, and when it next changes (pacing hints)
 *   frame.c         prepare: layout, build, cross-fade, the signature;
 *                   the walk that draws, hashes or records every item
 *   canvas.c        the kept picture and its dirty rectangles
 *   scene.c         lifetime, sprite sheets, rotation, stats, checks */
#ifndef SK_SCENE_PARTS_H
#define SK_SCENE_PARTS_H
#include <SDL.h>
#include <stdbool.h>
#include <stdint.h>

#include "hash.h"
#include "layout.h"
#include "view_layout.h"
#include "palette.h"
#include "scene.h"
#include "sprite_gfx.h"
#include "sprite_sheet.h"
#include "text_cache.h"

#define FADE_MS 400
#define STEP_PAGE_MS 10000   /* a page of steps shows this long when they do not all fit */
#define PAGE_FADE_MS 250
/* The clips read 52-90 ms a character (median 59-72 ms in en, es, de: soxi
 * over assets/voice), so a piece of text read along at this rate comes no
 * later than its words are spoken. */
#define READ_MS_PER_CHAR 60
#define MAX_ITEMS 384
#define ARENA 24576
#define WRAP_CACHE 48
#define ELLIPSIS_CACHE 16

/* Words the routine file has no phrase for yet (routine.h owns phrases). */
/* Words of the controls and prompts: the routine's phrases, so a clinic
 * can translate them (English defaults in routine.c). */
#define W_BACK (sc->rt->phrases.back)
#define W_PAUSE (sc->rt->phrases.pause)
#define W_RESUME (sc->rt->phrases.resume)
#define W_SKIP (sc->rt->phrases.skip)
#define W_STOP (sc->rt->phrases.stop)
#define W_STOP_AGAIN (sc->rt->phrases.stop_again)
#define W_TAP_TO_GO_ON (sc->rt->phrases.tap_to_go_on)
#define W_TAP_RESUME (sc->rt->phrases.tap_resume)

typedef enum {
    IT_TEXT,      /* one line; box.x/y = top-left */
    IT_RRECT,     /* f1 = radius, f2 = stroke (0 = filled) */
    IT_HOLD,      /* ring: centre box.x/y, f1 = radius, f2 = thickness, f3 = remaining */
    IT_COUNT,     /* dashed ring, i1 = seconds */
    IT_DOTS,      /* i1 filled of i2 */
    IT_LEGS,      /* i1 = right leg solid */
    IT_BAR,       /* f3 = done */
    IT_SPRITE,    /* i1 = exercise, i2 = frame, i3 = mirrored */
    IT_PLACEHOLDER,
    IT_POLY,      /* i1 points in pts */
    IT_DISC,      /* centre box.x/y, f1 = radius, f2 = stroke */
} it_kind;

typedef struct item {
    it_kind kind;
    uint64_t key;
    Uint8 alpha;
    bool warm_only;          /* not drawn: only makes sure the text exists */
    bool veiled;             /* under a dialog's veil (drawn before it) */
    SDL_Color c1, c2;
    SDL_FRect box;
    float f1, f2, f3;
    int i1, i2, i3;
    int px;
    sk_font_weight weight;
    int text;                /* offset into the arena, -1 none */
    SDL_FPoint pts[6];
} item;

typedef struct dlist {
    item items[MAX_ITEMS];
    int n;
    char arena[ARENA];
    int used;
} dlist;

typedef struct item_rec {
    uint64_t hash;           /* hash_item of the item as drawn */
    SDL_Rect rect;           /* item_bounds */
    bool textured;
} item_rec;

#define MAX_DIRTY SK_SCENE_DIRTY_MAX

typedef struct wrap_entry {
    uint64_t key;
    uint64_t used;
    sk_wrap w;
} wrap_entry;

struct sk_scene {
    SDL_Renderer *r;
    const sk_routine *rt;
    sk_scene_opts opts;
    sk_text_cache *text;
    sk_sprite_sheet *sheets[SK_MAX_EXERCISES];
    sk_sprite_gfx *gfx[SK_MAX_EXERCISES];
    sk_view_layout_opts lopts;  /* the layout rule's options, from opts */
    sk_layout L;                /* the layout of the frame prepared */
    bool have_layout;
    wrap_entry wraps[WRAP_CACHE];
    uint64_t wrap_tick;
    struct {
        uint64_t key, used;
        int width;
        char text[SK_MAX_TEXT + 8];
    } ell[ELLIPSIS_CACHE];
    dlist *cur, *prev, *old;
    uint64_t sig;
    bool have_sig;
    int64_t fade_start;
    bool fading;
    int64_t last_clock;
    int last_phase;
    sk_tl_mode last_mode;
    SDL_Texture *target;     /* rotation */
    int target_w, target_h;
    uint64_t own_textures;
    int digit_px_warm;
    bool tried[SK_MAX_EXERCISES];   /* sprite sheet loaded, or failed to */
    int on_show;             /* exercise whose sheet the last frame built shows; -1 none yet */
    int sheets_dropped;      /* lazy_sprites: sheets freed while not wanted (stats) */
    /* Canvas (opts.canvas): the picture kept in 'target' between frames;
     * the items of the frame in it, to find what changed. */
    bool canvas_valid;
    uint64_t canvas_sig;
    item_rec *recs, *shown_recs;
    int nrec, nshown;
    uint64_t dirty_px;
    const SDL_Rect *drawing_in;  /* the dirty area being redrawn (canvas), NULL: all */
    /* What the last draw changed on its target (sk_scene_dirty_rects):
     * last_n rects in last_dirty, or -1 = the whole target. */
    SDL_Rect last_dirty[MAX_DIRTY];
    int last_n;
    /* Pacing (sk_scene_prepare): what the prepared list looks like, and
     * when it will next look different. */
    int64_t hint;            /* timeline ms to the next visible change; INT64_MAX: none known */
    bool prepared;           /* cur holds the list for prep_view at prep_w x prep_h */
    uint64_t prep_view;
    int prep_w, prep_h;
    uint64_t frame_sig;
    float fade_e;
};

typedef enum { AL_LEFT, AL_CENTRE } align;

typedef struct para_style {
    SDL_Color colour;
    const char *marker;      /* drawn in the indent on a paragraph's first line */
    SDL_Color marker_colour;
} para_style;

/* What a walk over the frame's items does with each. */
typedef enum { WALK_HASH, WALK_DRAW, WALK_RECORD } walk_mode;

#define R(r) ((SDL_Rect){(r).x, (r).y, (r).w, (r).h})

static inline SDL_Color sk_sc_col(sk_rgb c) { return (SDL_Color){c.r, c.g, c.b, 255}; }
static inline SDL_Color pal(sk_color_id id) { return sk_sc_col(sk_palette(id)); }
static inline SDL_Color acc(sk_accent a) { return sk_sc_col(sk_palette_accent(a)); }
static inline float clampf(float v, float lo, float hi) { return v < lo ? lo : v > hi ? hi : v; }

/* display_list.c */
item *sk_dl_add(dlist *d, it_kind k);
int sk_dl_str(dlist *d, const char *s, size_t n);
void sk_dl_key(dlist *d, item *it);
bool sk_dl_has_key(const dlist *d, uint64_t k);
uint64_t sk_dl_hash_item(uint64_t h, const dlist *d, const item *it, Uint8 fade);
void sk_sc_add_rrect(dlist *d, SDL_Rect b, float radius, float stroke, SDL_Color c, Uint8 alpha);
void sk_sc_add_poly(dlist *d, const SDL_FPoint *p, int n, SDL_Color c);
void sk_sc_add_disc(dlist *d, float cx, float cy, float radius, float stroke, SDL_Color c, Uint8 alpha);
void sk_sc_add_icon(dlist *d, sk_control ctl, bool paused, float x, float y, float s, SDL_Color c);
/* A box with round ends (radius half its short side), filled (stroke 0)
 * or outlined. */
void sk_sc_add_pill(dlist *d, SDL_Rect b, float stroke, SDL_Color c);
/* The finish screen's tick, inside a ring of radius r about (cx, cy). */
void sk_sc_add_tick(dlist *d, float cx, float cy, float r, SDL_Color c);
/* The invitation's fingertip of size s about (cx, cy): a dot, and a ripple
 * at 'phase' (0..1) of its breath, growing and fading. */
void sk_sc_add_fingertip(dlist *d, float cx, float cy, float s, float phase, SDL_Color c);

/* scene_text.c */
const sk_wrap *sk_sc_wrap(sk_scene *sc, const char *const *paras, int n, const sk_wrap_opts *o,
                          sk_font_weight wt);
/* The wrap sk_sc_add_paras draws: paragraphs with a marker indent of
 * indent_em10 tenths of the font size chosen (0: none); sets o->indent. A
 * screen that sizes a box round its text measures with this, so the box
 * holds what is drawn in it. */
const sk_wrap *sk_sc_wrap_indented(sk_scene *sc, const char *const *paras, int n, sk_wrap_opts *o,
                                   int indent_em10, sk_font_weight wt);
int sk_sc_text_w(sk_scene *sc, const char *s, int px, sk_font_weight wt);
int sk_sc_tex_w(sk_scene *sc, const char *s, int px, sk_font_weight wt);
item *sk_sc_add_text(sk_scene *sc, dlist *d, const char *s, size_t n, int px, sk_font_weight wt,
                     SDL_Color c, float x, float y, Uint8 alpha);
int sk_sc_add_paras(sk_scene *sc, dlist *d, const char *const *paras, const para_style *st, int n,
                    SDL_Rect box, int font_max, int font_min, sk_font_weight wt, align al,
                    bool vcentre, int indent_em10, Uint8 alpha);
int sk_sc_add_line(sk_scene *sc, dlist *d, const char *s, SDL_Rect box, int font_max, int font_min,
                   sk_font_weight wt, SDL_Color c, align al, bool vcentre, Uint8 alpha);
void sk_sc_warm_digits(sk_scene *sc);
void sk_sc_add_number(sk_scene *sc, dlist *d, long long n, float cx, float cy, SDL_Color c);

/* step_pages.c: steps that do not all fit BOX (paras and their styles, N
 * of them; o: the wrap tried for all of them) as pages at one size, each
 * step in pieces of whole lines when it does not fit a page alone; the
 * page with what the voice reads (paragraph 'reading'; -1: none) shows,
 * else they turn every STEP_PAGE_MS. Every page is in the list (those not
 * showing warm-only), so a page turn renders nothing new. */
void sk_sc_build_step_pages(sk_scene *sc, dlist *d, const sk_tl_view *v, const char *const *paras,
                            const para_style *st, int n, SDL_Rect box, int reading, const sk_wrap_opts *o,
                            int indent_em10);

/* read_along.c */
/* Splits LINES lines into pieces of at most PER lines, at most MAX pieces
 * (fuller ones when more would be needed), balanced, and the last never a
 * lone line after a fuller one. first[k] is piece k's first line, first[n] =
 * LINES; first has room for MAX + 1. Returns n >= 1. */
int sk_sc_split_lines(int lines, int per, int max, int *first);
/* The piece on show SINCE ms into reading a text of TOTAL bytes whose N
 * pieces start at byte start[k] (start[0] = 0), read at READ_MS_PER_CHAR
 * but within SPAN ms (<= 0: no limit). *next_ms is when the next piece
 * comes, -1 when this is the last. */
int sk_sc_piece_at(const int *start, int n, int total, int64_t since, int64_t span, int64_t *next_ms);

/* quantise.c */
void sk_sc_hint(sk_scene *sc, int64_t ms);
bool sk_sc_time_runs(const sk_tl_view *v);
int sk_sc_ring_steps(float radius);
double sk_sc_quantise_left(sk_scene *sc, int64_t rem_ms, int64_t dur_ms, int steps, bool running);
long long sk_sc_seconds_left(sk_scene *sc, int64_t rem_ms, bool running);
float sk_sc_quantise_progress(sk_scene *sc, const sk_tl_view *v, int width);

/* screens.c: the whole frame's items for the view. */
void sk_sc_build(sk_scene *sc, dlist *d, const sk_tl_view *v);
/* captions.c: the caption line(s), every page of this phase's captions
 * warm, the one being spoken showing. */
void sk_sc_build_caption(sk_scene *sc, dlist *d, const sk_tl_view *v);

/* frame.c */
void sk_sc_draw_item(sk_scene *sc, const dlist *d, const item *it, Uint8 fade);
uint64_t sk_sc_walk(sk_scene *sc, walk_mode m);
void sk_sc_prepare(sk_scene *sc, const sk_tl_view *v, const sk_layout *L);
void sk_sc_picture_size(const sk_scene *sc, int w, int h, int *lw, int *lh);
/* Prepares v in L for a w x h target, unless that frame is prepared. */
void sk_sc_prepare_for(sk_scene *sc, const sk_tl_view *v, const sk_layout *L, int w, int h);

/* canvas.c */
/* Where an item can put pixels, in picture coordinates; textured: a
 * sprite (a dirty area takes it whole). */
SDL_Rect sk_sc_item_bounds(sk_scene *sc, const dlist *d, const item *it, bool *textured);
void sk_sc_record(sk_scene *sc, const dlist *d, const item *it, Uint8 fade, uint64_t h);
void sk_sc_draw_prepared(sk_scene *sc);

/* scene.c */
void sk_sc_load_sprite(sk_scene *sc, int i);
#endif
